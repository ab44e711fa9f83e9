"""While serving, what a build leaves alive is frozen out of Python's cycle collector, and cycles that
die later are still freed once the server is idle (tltoolkit.web.serve_gc)."""

from __future__ import annotations

import gc
import time
import weakref

from tltoolkit.web.serve_gc import Collector


class Node:
    """An object in a reference cycle: only the cycle collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_a_build_s_survivors_are_frozen_and_later_cycles_freed_when_idle():
    collector = Collector(idle_after=0.2)
    try:
        node = Node()
        dead = weakref.ref(node)
        collector.build_ends()
        assert gc.get_freeze_count() > 0  # the next build's collections do not scan what is kept
        del node  # garbage now, but frozen: an ordinary collection does not free it
        gc.collect()
        assert dead() is not None
        deadline = time.monotonic() + 10
        while collector.collections == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert collector.collections == 1 and dead() is None  # the idle collection freed it
        assert gc.get_freeze_count() > 0  # and froze what is still alive
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0


def test_a_build_that_starts_before_the_server_is_idle_postpones_the_collection():
    collector = Collector(idle_after=0.3)
    try:
        collector.build_ends()
        collector.build_starts()  # a save within the idle time: no collection while it builds
        time.sleep(0.6)
        assert collector.collections == 0
        collector.build_ends()
        deadline = time.monotonic() + 10
        while collector.collections == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert collector.collections == 1
    finally:
        collector.stop()
