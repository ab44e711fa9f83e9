"""Build the documents in a forked process while MkDocs writes the pages.

The documents depend on the catalog alone, not on the pages, and a page build uses one
core. Started as soon as the catalog is validated, the documents (rendered, or planned and
copied from the cache) take the other core instead of waiting for the pages to finish.

Where a fork is unsafe (other threads running, as under `mkdocs serve`, or no fork on this
platform) the work runs in this process when `wait()` is called, as it always did.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Generic, TypeVar, cast

T = TypeVar("T")


def can_fork() -> bool:
    """Forking copies only the calling thread: with others running, a lock they hold stays held."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


class Pending(Generic[T]):
    """Work started by `start`: `wait()` returns its result or raises its exception."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work: Callable[[], T] | None = work
        self._process: multiprocessing.process.BaseProcess | None = None
        self._reader: Connection | None = None

    @property
    def in_background(self) -> bool:
        return self._process is not None

    def wait(self) -> T:
        if self._process is None or self._reader is None:
            assert self._work is not None, "wait() called twice"
            work, self._work = self._work, None
            return work()
        process, reader = self._process, self._reader
        self._process = self._reader = None
        try:
            result, error = reader.recv()
        except EOFError:  # the process died without a word (killed, or out of memory)
            process.join()
            raise RuntimeError(f"the document process stopped unexpectedly (exit code {process.exitcode})") from None
        finally:
            reader.close()
        process.join()
        if error is not None:
            raise error
        return cast(T, result)

    def cancel(self) -> None:
        """Stop the work (the build failed elsewhere); a no-op once it has been waited for."""
        self._work = None
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._process = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None


def start(work: Callable[[], T]) -> Pending[T]:
    """Start `work` in a forked process now if that is safe, else hold it for `wait()`."""
    pending = Pending(work)
    if not can_fork():
        return pending
    reader, writer = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(
        target=_child, args=(work, writer), name="tltoolkit-documents"
    )
    process.start()
    writer.close()  # the parent only reads: recv() then sees EOF if the child dies
    pending._process, pending._reader, pending._work = process, reader, None
    return pending


def _child(work: Callable[[], object], writer: Connection) -> None:
    try:
        outcome: tuple[object, BaseException | None] = (work(), None)
    except BaseException as exc:
        outcome = (None, exc)
    try:
        writer.send(outcome)
    except Exception:
        writer.send((None, RuntimeError(f"{type(outcome[1]).__name__}: {outcome[1]}")))
    writer.close()  # multiprocessing then ends the process without the parent's atexit handlers
