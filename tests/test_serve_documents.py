"""While serving, a save's documents render in kept workers and finish after its pages are shown;
a download asked for meanwhile waits for them, so nobody is given an old file."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest

from tltoolkit.bench.synthetic import edit_role, synthetic_project
from tltoolkit.documents import plan
from tltoolkit.documents.cache import Cache
from tltoolkit.source import yamlsource
from tltoolkit.web import serving
from tltoolkit.web.build import SiteBuild
from tltoolkit.web.serve_documents import LaterDocuments

SERVE_URL = "http://127.0.0.1:8000/"
PLACEHOLDER = b"%PDF placeholder for a document this test did not render"


def test_a_download_asked_for_before_the_documents_are_done_waits_for_them():
    later = LaterDocuments()
    served: list[str] = []
    app = later.guard(lambda environ, start: served.append(environ["PATH_INFO"]) or [b""], "/toolkit/")
    finishing = threading.Event()

    class Pending:  # documents that finish when the test says so
        def wait(self) -> str:
            finishing.wait(10)
            return "report"

        def cancel(self) -> None:
            pass

    reports: list[str] = []
    later.hand_over(Pending(), reports.append)

    def ask(path: str) -> threading.Thread:
        thread = threading.Thread(target=app, args=({"PATH_INFO": path}, None))
        thread.start()
        return thread

    page = ask("/toolkit/roles/math-coach/")
    page.join(5)
    assert served == ["/toolkit/roles/math-coach/"]  # a page is served at once
    download = ask("/toolkit/downloads/job-descriptions/math-coach.pdf")
    time.sleep(0.3)
    assert served == ["/toolkit/roles/math-coach/"] and download.is_alive()  # held
    finishing.set()
    download.join(5)
    assert served[-1] == "/toolkit/downloads/job-descriptions/math-coach.pdf" and reports == ["report"]
    later.stop()


def _serve_build(project: Path, site: Path) -> None:
    """One build as `mkdocs serve` makes it, in this process (as tests/test_serving.py does)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    if not serving.SESSION.active:
        config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL)


def _fill_cache(project: Path, site: Path) -> None:
    """Every document of the project in its cache as a placeholder, so only what an edit changes renders."""
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    build = SiteBuild.from_config(config, project / "mkdocs.yml")
    store = Cache(build.cache_dir)
    for job in plan(build.catalog, build.settings):
        store.path(job.key, job.suffix).write_bytes(PLACEHOLDER)


ROLE_FILES = [
    f"{folder}/{{}}.{ext}" for folder in ("job-descriptions", "selection", "support-plans") for ext in ("pdf", "docx")
]


@pytest.mark.slow
def test_a_save_s_documents_finish_after_its_pages_and_a_quick_second_save_still_gets_its_own(
    tmp_path, monkeypatch, caplog
):
    monkeypatch.setenv("TL_DOCUMENTS", "on")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setattr(serving, "SESSION", serving.Session())
    monkeypatch.setattr(yamlsource, "_kept", None)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    project = synthetic_project(tmp_path / "project", 60, anchors=False)
    site = tmp_path / "served"
    _fill_cache(project, site)
    try:
        _serve_build(project, site)  # the server's first build: nothing to render
        serving.SESSION.later.guard(lambda environ, start: [], "/")  # as `on_serve` does once the server starts
        downloads = site / "downloads"

        first = edit_role(project / "data", index=3)
        caplog.clear()
        _serve_build(project, site)
        assert "the documents finish in the background" in caplog.text
        assert serving.SESSION.later.done.wait(120)
        for name in ROLE_FILES:
            body = (downloads / name.format(first)).read_bytes()
            assert body != PLACEHOLDER and body[:4] in (b"%PDF", b"PK\x03\x04"), name
        assert (downloads / ROLE_FILES[0].format("blank")).read_bytes() == PLACEHOLDER  # not rendered again

        # Two saves in quick succession: the second build stops what the first still renders,
        # then renders whatever the cache still lacks, both roles' documents included.
        second = edit_role(project / "data", index=4)
        _serve_build(project, site)
        third = edit_role(project / "data", index=5)
        _serve_build(project, site)
        assert serving.SESSION.later.done.wait(120)
        for role in (second, third):
            for name in ROLE_FILES:
                assert (downloads / name.format(role)).read_bytes() != PLACEHOLDER, name.format(role)
        assert "documents:" not in "".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    finally:
        serving.stop()
    assert serving.SESSION.workers is None


def test_a_long_list_of_documents_renders_in_batches_on_fresh_workers(tmp_path):
    """Workers are replaced between batches (python-docx keeps memory from every Word file), not by the
    executor's max_tasks_per_child, which can deadlock in Python 3.11 (CPython gh-115634)."""
    from tltoolkit.documents import Settings
    from tltoolkit.documents.workers import RenderPool
    from tltoolkit.source.catalog import load_catalog

    catalog = load_catalog(Path(__file__).resolve().parents[1] / "data")
    jobs = [job for job in plan(catalog, Settings()) if job.suffix == ".docx"][:5]
    store = Cache(tmp_path / "cache")
    pool = RenderPool(workers=1, tasks_per_worker=2)
    try:
        done = [job.path for job, _ in pool.render(jobs, store, Settings())]
        assert sorted(done) == sorted(job.path for job in jobs)
        assert all(store.path(job.key, job.suffix).read_bytes()[:4] == b"PK\x03\x04" for job in jobs)
        assert pool._sent == 1  # three batches of at most two: the last went to a fresh pool
    finally:
        pool.close()


def test_a_document_that_could_not_be_made_is_taken_out_of_the_site(tmp_path):
    """While serving, the build has returned when a render fails: the old file must not stay to be downloaded."""
    from tltoolkit.documents import Report, Settings
    from tltoolkit.documents.build import Started
    from tltoolkit.documents.fetcher import RefusedURL
    from tltoolkit.source.catalog import load_catalog

    jobs = plan(load_catalog(Path(__file__).resolve().parents[1] / "data"), Settings())[:3]
    store, site = Cache(tmp_path / "cache"), tmp_path / "site"
    for job in jobs:  # last save's files in the site
        (site / job.path).parent.mkdir(parents=True, exist_ok=True)
        (site / job.path).write_bytes(b"%PDF the old one")
    store.path(jobs[0].key, jobs[0].suffix).write_bytes(PLACEHOLDER)  # unchanged: in the cache

    def renders():
        store.path(jobs[1].key, jobs[1].suffix).write_bytes(PLACEHOLDER)
        yield jobs[1], 1
        raise RefusedURL(f"{jobs[2].path}: the logo could not be read")

    started = Started(jobs, 2, renders(), Report(), store, site, None, 0.0, None, True)
    with pytest.raises(RefusedURL):
        started.finish()
    assert (site / jobs[0].path).is_file() and (site / jobs[1].path).is_file()
    assert not (site / jobs[2].path).exists()
