"""The sites the tests only read, each built once per run, in the background.

Once the tests are collected, every site a selected test needs is started as a process of its
own (`python tests/session_builds.py NAME FOLDER`), so the builds run while the tests that need
no site do; the session fixtures in conftest.py wait for theirs. Under pytest-xdist the workers
share one folder per run: the first worker to ask starts a build (an atomic `mkdir` claims it),
every worker waits for the same result file. Each build is made read-only when it is done.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from projects import ROOT, build, project_copy, read_only  # noqa: E402

from tltoolkit.documents import Settings  # noqa: E402

SAMPLE = ROOT / "examples" / "sample-district"
# Session fixture -> build name. A build listed in AFTER starts once the other has finished.
FIXTURES = {
    "built_site": "toolkit",
    "built_sample_district": "sample-district",
    "built_hostile_district": "hostile-district",
    "built_hostile_data": "hostile-data",
    "built_site_properdocs": "properdocs",
    "built_documents": "documents",
}
# A build listed here starts once the one it names has finished. The toolkit's documents are
# rendered once, into a fresh cache (tests/test_documents.py reads them and that render's report),
# and that cache fills this project's .cache/documents: the MkDocs build finds every document
# there, and ProperDocs, building the same project after it, does too.
AFTER = {"toolkit": "documents", "properdocs": "toolkit"}
# The documents exactly as this project's mkdocs.yml makes them (same names, licence line, paper),
# so the render above is the one the site build would do.
SITE_DOCUMENTS = {
    "toolkit_name": "Teacher Leadership Toolkit",
    "author": "Teacher Leadership Toolkit",
    "notice": "Content licensed CC BY 4.0 unless a district notes otherwise.",
}
# The order the builds are usually done in (the small data sets first): modules needing a later
# one run later.
ORDER = ["hostile-district", "hostile-data", "documents", "toolkit", "sample-district", "properdocs"]
# Under pytest-xdist (`--dist loadgroup`), tests of these modules stay on one worker: a module
# fixture of theirs builds or renders a lot. Tests of other modules go wherever a worker is free.
# (A module fixture runs once on every worker that gets one of the module's tests.)
# test_reproducible's two module fixtures are independent, so its tests are grouped by fixture;
# test_print_layout's one fixture reads every PDF of a site (over a minute of CPU each), so its tests
# are grouped by the site they read: each site's PDFs are read once, on one worker.
ONE_WORKER = {"test_documents", "test_navigation", "test_content", "test_standards", "test_explorer_pages",
              "test_kinds", "test_safety", "test_search_index", "test_engines"}  # fmt: skip
# Modules sharing a session fixture that renders documents: one group, so it renders on one worker.
SHARED = {"test_kits": "small-documents", "test_print_pieces": "small-documents"}
BY_FIXTURE = {"test_reproducible": ("two_builds", "undated_copies")}
BY_PARAM = {"test_print_layout": "layouts"}
GROUPED_MODULES = ONE_WORKER | set(SHARED) | set(BY_FIXTURE) | set(BY_PARAM)
RESULT = "result.json"
TIMEOUT = 3600  # seconds a fixture waits for a build another worker started

_started: list[subprocess.Popen[bytes]] = []


def documents_settings() -> Settings:
    return Settings(**SITE_DOCUMENTS, allowed_roots=(ROOT,))  # type: ignore[arg-type]


def small_documents_settings() -> Settings:
    """The settings of the small data set's documents rendered once per session (`small_documents`
    in conftest.py, read by tests/test_kits.py and tests/test_print_pieces.py)."""
    return Settings(notice="Test notice.", allowed_roots=(ROOT,))


def _documents(base: Path) -> dict[str, object]:
    """The toolkit's documents into base/downloads from a fresh cache base/cache, which then fills
    the project's own document cache (content-addressed: an entry is valid wherever it is)."""
    from dataclasses import asdict

    from tltoolkit import load_catalog
    from tltoolkit.documents import build_documents

    report = build_documents(load_catalog(ROOT / "data"), base / "downloads", base / "cache", documents_settings())
    project_cache = ROOT / ".cache" / "documents"
    project_cache.mkdir(parents=True, exist_ok=True)
    for entry in (base / "cache").iterdir():
        if entry.is_file() and not (project_cache / entry.name).exists():
            partial = project_cache / f".{entry.name}.{os.getpid()}"
            shutil.copyfile(entry, partial)
            partial.replace(project_cache / entry.name)  # whole or not at all, as the cache itself writes
    return {"returncode": 0, "stderr": "", "engine": "build_documents", "config": "data", "report": asdict(report)}


def _build(name: str, base: Path) -> dict[str, object]:
    """Run build `name` in `base` (its site goes to base/site); what the fixtures need to know."""
    if name == "documents":
        return _documents(base)
    extra: dict[str, object] = {}
    env: dict[str, str] | None = None
    engine = "mkdocs"
    if name in ("toolkit", "properdocs"):
        config, engine = ROOT / "mkdocs.yml", "mkdocs" if name == "toolkit" else "properdocs"
    elif name == "sample-district":
        config = SAMPLE / "mkdocs.yml"
    elif name == "hostile-district":
        from hostile_district import hostile_district_project

        config, env = hostile_district_project(base) / "mkdocs.yml", {"TL_DOCUMENTS": "on"}
    elif name == "hostile-data":
        from hostile import Listener, hostile_data

        listener = Listener()  # named in the data as bait: it records any connection the build makes
        project = project_copy(base)
        hostile_data(project / "data", listener.url)
        config = project / "mkdocs.yml"
    else:
        raise ValueError(f"no session build named {name!r}")
    result = build(config, base / "site", engine=engine, env=env)
    if name == "hostile-data":
        time.sleep(0.2)  # let the listener's thread record a connection made at the very end
        extra = {"url": listener.url, "requests": [r.decode("latin-1") for r in listener.requests]}
        listener.close()
    if result.returncode == 0:
        read_only(base / "site")
    return {"returncode": result.returncode, "stderr": result.stderr, "engine": engine, "config": str(config), **extra}


def main(name: str, base: Path) -> None:
    if name in AFTER:
        wait(base.parent, AFTER[name])
    try:
        outcome = _build(name, base)
    except Exception as exc:  # reported by the fixture that waits, as a failed build
        outcome = {"returncode": -1, "stderr": f"{type(exc).__name__}: {exc}", "engine": "", "config": name}
    partial = base / (RESULT + ".part")
    partial.write_text(json.dumps(outcome), encoding="utf-8")
    partial.replace(base / RESULT)  # appears whole or not at all


def start(root: Path, names: set[str]) -> None:
    """Start every build in `names` that no worker of this run has started yet."""
    root.mkdir(parents=True, exist_ok=True)
    wanted = set(names)
    while missing := {AFTER[n] for n in wanted if n in AFTER} - wanted:
        wanted |= missing
    for name in sorted(wanted):
        try:
            (root / name).mkdir()
        except FileExistsError:
            continue  # another worker has it
        log = (root / name / "log.txt").open("wb")
        _started.append(
            subprocess.Popen(
                [sys.executable, str(Path(__file__)), name, str(root / name)],
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
                start_new_session=True,
            )
        )


def wait(root: Path, name: str) -> dict[str, object]:
    """The outcome of build `name` once it is done (starting it if nobody has)."""
    start(root, {name})
    result, deadline = root / name / RESULT, time.monotonic() + TIMEOUT
    mine = next((p for p in _started if p.args[-1] == str(root / name)), None)
    while not result.is_file():
        if mine is not None and mine.poll() is not None and not result.is_file():
            raise RuntimeError(
                f"session build {name} ended without a result:\n{(root / name / 'log.txt').read_text()[-3000:]}"
            )
        if time.monotonic() > deadline:
            log = root / name / "log.txt"
            raise TimeoutError(f"session build {name} not done after {TIMEOUT} s:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)
    return json.loads(result.read_text(encoding="utf-8"))


def site(root: Path, name: str) -> Path:
    """Build `name`'s site folder, asserting (like projects.build_ok) that it built without a warning."""
    outcome = wait(root, name)
    assert outcome["returncode"] == 0, f"{outcome['engine']} build of {outcome['config']} failed:\n{outcome['stderr']}"
    assert "WARNING" not in str(outcome["stderr"]), outcome["stderr"]
    return root / name / "site"


def group(item: object) -> str | None:
    """The pytest-xdist group of a test (None: any worker)."""
    module = Path(str(item.path)).stem  # type: ignore[attr-defined]
    if module in ONE_WORKER:
        return module
    if module in SHARED:
        return SHARED[module]
    for fixture in BY_FIXTURE.get(module, ()):
        if fixture in item.fixturenames:  # type: ignore[attr-defined]
            return f"{module}-{fixture}"
    if (fixture := BY_PARAM.get(module)) in item.fixturenames:  # type: ignore[attr-defined]
        return f"{module}-{item.callspec.params[fixture]}"  # type: ignore[attr-defined]
    return None


def finish(stop: bool) -> None:
    """At the end of this process's tests: wait for the builds it started, which another worker may
    still need, or end them when the run was stopped early (`-x`, Ctrl-C)."""
    for process in _started:
        if stop and process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        process.wait()
    _started.clear()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
