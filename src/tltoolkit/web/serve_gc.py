"""Python's cycle collector while `mkdocs serve` runs: the kept results are not scanned on every save.

The server keeps, for every page, its Markdown, HTML, theme output and search entries (a million
objects and more at 5,000 roles). Python's cycle collector scans every tracked object on each full
collection, and a rebuild makes enough new objects to start several: timed with `gc.callbacks`, one
rebuild after a one-role edit at 5,000 roles spent 9.3 s of its 12.4 s in the collector (8 full
collections). So when a build ends, what is alive is frozen (`gc.freeze`: moved where collections do
not look), and a rebuild's collections scan only what it made since.

Frozen objects that later become garbage in a cycle (the last build's MkDocs pages, files and
navigation, which point at each other) would never be freed, so a few seconds after a build, when
the server is idle (the browser has had its page), everything is unfrozen, collected once and
frozen again. A build that starts before then postpones it to after itself.
"""

from __future__ import annotations

import gc
import threading

IDLE_AFTER = 3.0  # seconds after a build ends: the edit has been shown by then


class Collector:
    """Freezes what a build leaves alive; collects it all once the server is idle."""

    def __init__(self, idle_after: float = IDLE_AFTER) -> None:
        self.idle_after = idle_after
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self.collections = 0  # idle collections run (for the tests)

    def build_starts(self) -> None:
        """Not while a build runs: its objects are young, and the collection would hold it up."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

    def build_ends(self) -> None:
        gc.freeze()
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.idle_after, self._collect)
            self._timer.daemon = True
            self._timer.start()

    def _collect(self) -> None:
        with self._lock:
            self._timer = None
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.collections += 1

    def stop(self) -> None:
        """The server stops: no more collections, nothing left frozen."""
        self.build_starts()
        gc.unfreeze()
