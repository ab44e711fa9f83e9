"""While `mkdocs serve` runs, a save's documents are finished after its pages are shown.

Rendering the edited role's six documents takes longer than making its pages again (about
2.4 s of processor time against 1.5 s at 500 roles), and the browser reloads only when the build
returns. So while serving, once the pages are written, the build hands the documents (already
rendering in the kept workers, `tltoolkit.documents.workers`) to a thread that waits for them and
copies them into the site, and returns: the browser shows the edit at once. A request for a
download meanwhile waits until the documents are in place, so nobody is ever given an old file;
the serve log says when they are done, or names the document that failed.

This needs the server's requests to pass through `guard` (installed by `on_serve`); before that
(the server's first build) or without live reload, a build waits for its documents as before.
The next build first stops what is still rendering (the renders not begun are dropped; the new
plan sends whatever the cache still lacks again).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any, Protocol

log = logging.getLogger("mkdocs.plugins.toolkit")


class Waitable(Protocol):
    def wait(self) -> Any: ...
    def cancel(self) -> None: ...


class LaterDocuments:
    """The last serve build's documents, finished in a thread; downloads wait for them."""

    def __init__(self) -> None:
        self.guarded = False  # requests for downloads go through `guard` (so a build need not wait)
        self.done = threading.Event()
        self.done.set()
        self._thread: threading.Thread | None = None
        self._pending: Waitable | None = None
        self.downloads = "/downloads/"  # the site's downloads folder as the server's paths begin

    def hand_over(self, pending: Waitable, report: Callable[[Any], None]) -> None:
        """Finish `pending` in a thread (`report` logs its result); downloads wait until then."""
        self.stop()
        self.done.clear()
        self._pending = pending

        def finish() -> None:
            try:
                report(pending.wait())
            except Exception as exc:  # the build has returned: the log is where it can go
                if not getattr(pending, "cancelled", False):
                    log.error("toolkit: documents: %s (the downloads of this save are not in the site)", exc)
            finally:
                self.done.set()

        self._thread = threading.Thread(target=finish, name="tltoolkit-documents", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """A new build starts (or the server stops): drop the renders not begun, wait for the thread."""
        if self._pending is not None:
            self._pending.cancel()
        if self._thread is not None:
            self._thread.join()
        self._thread = self._pending = None
        self.done.set()

    def guard(self, app: Callable[[dict[str, Any], Any], Iterable[bytes]], mount_path: str) -> Callable[..., Any]:
        """`app` (the server's WSGI application), made to hold a request for a download until the
        documents of the last save are in place."""
        self.guarded = True
        self.downloads = mount_path.rstrip("/") + "/downloads/"

        def guarded(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
            if str(environ.get("PATH_INFO", "")).startswith(self.downloads):
                self.done.wait()
            return app(environ, start_response)

        return guarded
