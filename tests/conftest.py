"""Fixtures shared by the whole suite.

A full site build takes a minute or more, so each site the tests only read is built once per
run (`built_site`, `built_site_properdocs`, `built_sample_district`, `built_hostile_district`,
`built_hostile_data`), in the background from the moment the tests are collected, into the run's
temporary folder, with its files made read-only (tests/session_builds.py): a test that needs to
change data or settings builds its own copy (tests/projects.py), never edits a shared site.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import session_builds
from projects import ROOT, read_only
from session_builds import FIXTURES

from tltoolkit import Catalog, load_catalog

if TYPE_CHECKING:
    from hostile import HostileSite

    from tltoolkit.documents.build import Report

DATA = ROOT / "data"
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


@pytest.fixture
def minimal_data(tmp_path: Path) -> Path:
    """A writable copy of the small valid data set, named `data` like the real one."""
    target = tmp_path / "data"
    shutil.copytree(MINIMAL, target)
    return target


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The toolkit's own data, loaded once. Tests must not change it (use `minimal_data` for that)."""
    return load_catalog(DATA)


@pytest.fixture(scope="session")
def minimal_catalog() -> Catalog:
    """The small valid data set (tests/fixtures/minimal), loaded once: every kind of page and document, few of each."""
    return load_catalog(MINIMAL)


def _builds_root(config: pytest.Config) -> Path:
    """One folder per run for the session builds, shared by pytest-xdist's workers (each worker's
    temporary folder is a subfolder of the run's)."""
    base = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "session-builds"


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own, which reads the groups marked here
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the tests that need no session build first, so the builds (started in the background
    once collection is done) are ready by the time a test needs one; and keep under pytest-xdist a
    module's tests on one worker where a module fixture of theirs is costly (tests/session_builds.py)."""
    modules: dict[Path, int] = {}
    for item in items:
        needs = [session_builds.ORDER.index(FIXTURES[name]) + 1 for name in item.fixturenames if name in FIXTURES]
        modules[item.path] = max(modules.get(item.path, 0), *needs, 0)
    items.sort(key=lambda item: modules[item.path])  # stable: a module's tests stay together, in order
    for item in items:
        if group := session_builds.group(item):
            item.add_marker(pytest.mark.xdist_group(group))


def pytest_xdist_node_collection_finished(node: object, ids: list[str]) -> None:
    """Stop the run when pytest-xdist would ignore the groups marked above. It reads a test's group
    from a suffix it adds to the test's id; when that fails (the hook order, or a pytest version it
    does not support: pytest-dev/pytest-xdist#1386) every costly module fixture silently runs on
    both workers, and the suite takes minutes longer."""
    if node.config.getoption("dist") != "loadgroup":  # type: ignore[attr-defined]
        return
    grouped = session_builds.GROUPED_MODULES
    if any(Path(i.split("::")[0]).stem in grouped for i in ids) and not any("@" in i for i in ids):
        raise pytest.UsageError(
            "pytest-xdist --dist loadgroup does not see the tests' groups (pytest-dev/pytest-xdist#1386): "
            "use the pytest and pytest-xdist versions in constraints.txt"
        )


def pytest_collection_finish(session: pytest.Session) -> None:
    if session.config.option.collectonly:
        return
    needed = {FIXTURES[name] for item in session.items for name in item.fixturenames if name in FIXTURES}
    session_builds.start(_builds_root(session.config), needed)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # Another worker may still need a build this one started: stop builds only when the run stops.
    session_builds.finish(
        stop=bool(session.shouldstop or session.shouldfail) or exitstatus == pytest.ExitCode.INTERRUPTED
    )


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest) -> Path:
    """This project built with `mkdocs build --strict` (documents and offline copy included). Read only."""
    return session_builds.site(_builds_root(request.config), "toolkit")


@pytest.fixture(scope="session")
def built_documents(request: pytest.FixtureRequest) -> tuple[Path, Report]:
    """The toolkit's documents rendered once from an empty cache, with the site's settings
    (`session_builds.documents_settings()`): (folder with downloads/ and cache/, the render's report).
    The downloads are read only; tests may add entries to the cache."""
    from tltoolkit.documents.build import Report

    root = _builds_root(request.config)
    outcome = session_builds.wait(root, "documents")
    return root / "documents", Report(**outcome["report"])  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def small_documents(minimal_catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    """The small data set's documents rendered once from an empty cache with
    `session_builds.small_documents_settings()`: (folder with downloads/ and cache/, the render's
    report). Read only: a test that builds again copies the cache (a warm start) into its own folder."""
    from tltoolkit.documents import build_documents

    base = tmp_path_factory.mktemp("small-documents")
    report = build_documents(
        minimal_catalog, base / "downloads", base / "cache", session_builds.small_documents_settings()
    )
    read_only(base / "downloads")
    read_only(base / "cache")
    return base, report


@pytest.fixture(scope="session")
def built_site_properdocs(request: pytest.FixtureRequest) -> Path:
    """This project built with `properdocs build --strict`, after `built_site` (whose document cache it
    finds full). Read only."""
    import importlib.metadata

    try:
        importlib.metadata.version("properdocs")
    except importlib.metadata.PackageNotFoundError:
        pytest.fail("ProperDocs is not installed: scripts/test installs it (extra 'properdocs')")
    return session_builds.site(_builds_root(request.config), "properdocs")


@pytest.fixture(scope="session")
def built_sample_district(request: pytest.FixtureRequest) -> Path:
    """examples/sample-district built with `mkdocs build --strict`. Read only."""
    return session_builds.site(_builds_root(request.config), "sample-district")


@pytest.fixture(scope="session")
def built_hostile_district(request: pytest.FixtureRequest) -> Path:
    """The minimal data under the district of tests/hostile_district.py (markup in every setting),
    built with documents on. Read only."""
    return session_builds.site(_builds_root(request.config), "hostile-district")


@pytest.fixture(scope="session")
def built_hostile_data(request: pytest.FixtureRequest) -> HostileSite:
    """The minimal data with an attack in every text field (tests/hostile.py), built with
    documents on; a listener named in the data as bait recorded any connection during the build.
    Read only."""
    from hostile import HostileSite

    root = _builds_root(request.config)
    site = session_builds.site(root, "hostile-data")
    outcome = session_builds.wait(root, "hostile-data")
    requests = [str(r).encode("latin-1") for r in outcome["requests"]]  # type: ignore[attr-defined]
    return HostileSite(site=site, url=str(outcome["url"]), requests=requests)
