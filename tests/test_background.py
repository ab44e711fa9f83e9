"""The documents build beside the pages in a forked process; these check what the build relies on."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from pathlib import Path

import pytest

from tltoolkit.documents import background
from tltoolkit.documents.fetcher import RefusedURL

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork even if earlier tests left idle threads in the test runner (Playwright's, a test
    server's): the work forked here takes none of their locks. A build process has no such
    threads, and the last test checks what happens when it does."""
    monkeypatch.setattr(background, "can_fork", lambda: True)


def test_the_result_comes_back_from_the_forked_process(forking: None) -> None:
    parent = os.getpid()
    pending = background.start(lambda: {"pid": os.getpid(), "sum": sum(range(10))})
    assert pending.in_background
    result = pending.wait()
    assert result["sum"] == 45
    assert result["pid"] != parent  # the work really ran elsewhere


def test_a_failure_in_the_documents_fails_the_build_with_its_own_message(forking: None) -> None:
    def work() -> None:
        raise RefusedURL("job-descriptions/coach.pdf: not 'file:///etc/passwd'")

    pending = background.start(work)
    with pytest.raises(RefusedURL, match="coach.pdf: not 'file:///etc/passwd'"):
        pending.wait()


def test_an_exception_that_cannot_travel_back_still_reports_its_text(forking: None) -> None:
    class Local(Exception):  # defined in a function: pickle cannot find it by name
        pass

    def work() -> None:
        raise Local("disk full while writing guides/all-guides.pdf")

    with pytest.raises(RuntimeError, match="Local: disk full while writing guides/all-guides.pdf"):
        background.start(work).wait()


def test_a_process_that_dies_is_reported_not_waited_for_forever(forking: None) -> None:
    pending = background.start(lambda: os._exit(3))
    with pytest.raises(RuntimeError, match="stopped unexpectedly.*exit code 3"):
        pending.wait()


def test_cancel_stops_the_work_when_the_page_build_fails(forking: None, tmp_path: Path) -> None:
    marker = tmp_path / "finished"

    def work() -> None:
        time.sleep(30)
        marker.write_text("done")

    pending = background.start(work)
    started = time.monotonic()
    pending.cancel()
    assert time.monotonic() - started < 10
    time.sleep(0.2)
    assert not marker.exists()
    pending.cancel()  # twice is harmless (on_build_error after a failed wait)


def test_with_other_threads_running_the_work_waits_and_runs_in_this_process() -> None:
    """`mkdocs serve` watches files on other threads: forking there is unsafe."""
    seen: list[int] = []
    stop = threading.Event()
    watcher = threading.Thread(target=stop.wait, daemon=True)
    watcher.start()
    try:
        pending = background.start(lambda: seen.append(os.getpid()) or len(seen))
        assert not pending.in_background
        assert seen == []  # nothing runs until the build asks for the documents
        assert pending.wait() == 1
        assert seen == [os.getpid()]
    finally:
        stop.set()
        watcher.join()
