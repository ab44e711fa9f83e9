"""Render workers kept for the life of `mkdocs serve`, so an edit's documents render beside its pages.

A one-off build forks its render pool (and its whole document process) from the build, which
is safe there because nothing else runs. `mkdocs serve` runs a file watcher and an HTTP server
in threads, and forking a process with threads can leave a lock held forever in the child, so
until now the server rendered an edited role's six documents in its own process, after the pages
(at 500 roles an edit took 2.9 to 3.3 s to show, of which the documents were more than half). Here the workers come from a fork server instead: a fresh,
single-threaded Python started once, which imports WeasyPrint and python-docx and forks each worker
from itself. The workers stay up between saves (their fonts and stylesheets already loaded), a
save's documents are sent to them as soon as they are planned, and the pages are made meanwhile.

Nothing here runs outside `mkdocs serve`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .build import Job, Settings
    from .cache import Cache

NICE = 5  # how much lower the workers' priority is than the server's
# What the fork server imports once, so that each worker it forks starts with them loaded.
PRELOAD = ["tltoolkit.documents.build", "tltoolkit.documents.pdf", "tltoolkit.documents.word"]


def _start_worker(server: int) -> None:
    """In each new worker: the pages (what the editor is waiting to see) come first, the documents
    take what is left; and the worker ends when the server does, however it ended (a worker blocks
    reading its task queue, whose writing end it holds too, so it would never see the server go)."""
    with contextlib.suppress(OSError):
        os.nice(NICE)
    threading.Thread(target=_end_with, args=(server,), name="tltoolkit-watch-server", daemon=True).start()


def _end_with(server: int) -> None:
    while True:
        time.sleep(1.0)
        try:
            os.kill(server, 0)  # signal 0: only asks whether the process exists
        except ProcessLookupError:
            os._exit(0)
        except OSError:
            pass


def available() -> bool:
    return "forkserver" in multiprocessing.get_all_start_methods()


class RenderPool:
    """Up to `workers` render processes, started on first use and kept until `close()`.

    python-docx and lxml keep a little memory from every Word file, so the workers are replaced
    after `tasks_per_worker` documents each (`documents.build.TASKS_PER_WORKER`). Not with the
    executor's own `max_tasks_per_child`: in Python 3.11 to 3.13.x it can deadlock once a worker
    reaches its limit with work still queued (CPython issue gh-115634). Here a long list of
    documents goes out in batches, and the pool is made afresh between batches once enough were sent.
    """

    def __init__(self, workers: int = 2, tasks_per_worker: int = 500) -> None:
        self.workers = max(1, workers)
        self.batch = self.workers * tasks_per_worker
        self._executor: ProcessPoolExecutor | None = None
        self._sent = 0  # documents sent to the current workers

    @property
    def started(self) -> bool:
        return self._executor is not None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(PRELOAD)  # read when the fork server starts (once a process)
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
            )
            self._sent = 0
        return self._executor

    def warm(self, settings: Settings) -> None:
        """Start the workers now (the server's first build), so the first save does not wait for them."""
        from .build import warm_up

        pool = self._pool()
        for _ in range(self.workers):
            pool.submit(warm_up, settings)

    def render(self, jobs: list[Job], store: Cache, settings: Settings) -> Renders:
        """Send `jobs` to the workers now, largest first; iterating the result yields each job with
        its page count as it is done (and raises what a render raised)."""
        jobs = sorted(jobs, key=lambda job: -job.size)
        batches = [jobs[start : start + self.batch] for start in range(0, len(jobs), self.batch)]
        return Renders(self, batches, store, settings)

    def submit(self, jobs: list[Job], store: Cache, settings: Settings) -> dict[Future[int], Job]:
        """Send `jobs` to the workers, made afresh first if the current ones have had their share."""
        from .build import _produce

        if self._sent >= self.batch:
            self.close(wait=True)  # idle by now: the last batch is done
        for attempt in (1, 2):
            try:
                pool = self._pool()
                futures = {pool.submit(_produce, job, store, settings): job for job in jobs}
            except BrokenProcessPool:  # a worker died since the last save: start afresh, once
                self.close()
                if attempt == 2:
                    raise
            else:
                self._sent += len(jobs)
                return futures
        raise AssertionError("unreachable")

    def close(self, wait: bool = False) -> None:
        if self._executor is not None:
            executor, self._executor = self._executor, None
            executor.shutdown(wait=wait, cancel_futures=True)


class Renders:
    """Documents sent to a `RenderPool` (the first batch at once): iterate to wait for them,
    `cancel()` to drop those not begun."""

    def __init__(self, pool: RenderPool, batches: list[list[Job]], store: Cache, settings: Settings) -> None:
        self._pool, self._store, self._settings = pool, store, settings
        self._batches = batches[1:]
        self._futures = pool.submit(batches[0], store, settings) if batches else {}
        self._cancelled = False

    def __iter__(self) -> Iterator[tuple[Job, int]]:
        try:
            while True:
                for future in as_completed(self._futures):
                    yield self._futures[future], future.result()
                if not self._batches or self._cancelled:
                    return
                self._futures = self._pool.submit(self._batches.pop(0), self._store, self._settings)
        except BrokenProcessPool:
            self._pool.close()
            raise RuntimeError("a document render process stopped unexpectedly (killed, or out of memory)") from None
        finally:
            self.cancel()  # stopped early (an error): drop what has not begun

    def cancel(self) -> None:
        self._cancelled = True
        for future in list(self._futures):
            future.cancel()
