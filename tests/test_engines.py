"""The same project builds unchanged with ProperDocs, the maintained continuation of MkDocs 1.x.

MkDocs 1.x is no longer developed and MkDocs 2.0 drops hooks; ProperDocs keeps the 1.x
configuration, hooks and themes. Both engines build the project as it is, strictly, and must
produce the same files with the same content (only the generator tag differs). Also checks that
every installed package is pinned, so a fresh install in a year resolves the same versions.
"""

from __future__ import annotations

import importlib.metadata
import io
import re
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.fixture(scope="module")
def builds(built_site: Path, built_site_properdocs: Path) -> dict[str, Path]:
    """The session's MkDocs build, and the same project built with ProperDocs (tests/conftest.py)."""
    return {"mkdocs": built_site, "properdocs": built_site_properdocs}


def _files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


@pytest.mark.slow  # a second full build
def test_properdocs_builds_the_same_files(builds: dict[str, Path]) -> None:
    mkdocs, properdocs = (_files(builds[name]) for name in ("mkdocs", "properdocs"))
    assert mkdocs == properdocs, (
        f"only MkDocs: {sorted(mkdocs - properdocs)}; only ProperDocs: {sorted(properdocs - mkdocs)}"
    )
    assert {"roles/index.html", "roles/match/index.html", "downloads/roles.csv", "schemas/roles.schema.json",
            "downloads/job-descriptions/blank.pdf", "search/search_index.json"} <= mkdocs  # fmt: skip


@pytest.mark.slow
def test_properdocs_builds_the_same_content(builds: dict[str, Path]) -> None:
    differ = []
    for name in sorted(_files(builds["mkdocs"])):
        a, b = ((builds[engine] / name).read_bytes() for engine in ("mkdocs", "properdocs"))
        if name.endswith(".html"):
            assert GENERATOR.search(b), name  # the one line allowed to differ names the engine
            a, b = GENERATOR.sub(b"", a), GENERATOR.sub(b"", b)
        elif name.endswith("-offline.zip"):  # the offline copy is made from each engine's pages
            a, b = _unzipped(a), _unzipped(b)
        if a != b:
            differ.append(name)
    assert not differ, f"{len(differ)} files differ between MkDocs and ProperDocs: {differ[:10]}"


def _unzipped(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"\0".join(name.encode() + b"\0" + GENERATOR.sub(b"", archive.read(name)) for name in archive.namelist())


def test_the_site_publishes_the_committed_schemas(built_site: Path) -> None:
    committed = sorted((ROOT / "schemas").glob("*.schema.json"))
    assert committed
    for path in committed:
        assert (built_site / "schemas" / path.name).read_bytes() == path.read_bytes(), path.name


def test_every_installed_package_is_pinned() -> None:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[_normal(name)] = version.strip()
    # setuptools comes with the venv on some Pythons and is not used to build (pyproject pins the build's own).
    skip = {"tltoolkit", "setuptools"}
    wrong = []
    for dist in importlib.metadata.distributions():
        name = _normal(dist.metadata["Name"])
        if name not in skip and pins.get(name) != dist.version:
            wrong.append(f"{name}=={dist.version} (constraints.txt: {pins.get(name, 'not pinned')})")
    assert not wrong, "pin these in constraints.txt: " + ", ".join(sorted(wrong))


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
