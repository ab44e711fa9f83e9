"""Build the site, serve it on loopback and start Debian's Chromium: shared by the browser
tests (conftest.py), the explorer benchmark and the screenshot script in this folder.

Playwright's own browser download does not work on our machines, so Playwright drives the
system Chromium (`apt-get install chromium`), found at $TL_CHROMIUM or /usr/bin/chromium.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("TL_CHROMIUM", "/usr/bin/chromium"))
# Headless, and no calls home: the machine has no network beyond loopback.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# One page of every kind the site has, for the checks that look at every kind of page
# (accessibility, requests to other hosts): name -> path from the site root.
PAGE_KINDS = {
    "home": "",
    "roles-index": "roles/",
    "role": "roles/instructional-coach/",
    "match": "roles/match/",
    "plan": "plan/",
    "skills-index": "skills/",
    "skill": "skills/data-use/",
    "standards": "standards/",
    "principal-moves": "principal-moves/",
    "conditions": "conditions/",
    "guides-index": "guides/",
    "guide": "guides/clarifying-the-role/",
    "job-description": "job-description/",
    "focus-area": "focus-area/",
    "competencies": "competencies/",
    "reflection": "reflection/",
    "bibliography": "bibliography/",
    "editing": "editing/",
    "404": "404.html",
}
INSTALL_HINT = "install it with `apt-get install chromium` (or set TL_CHROMIUM to a Chromium binary)"


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed: run the tests with scripts/test, which installs it"
    if not CHROMIUM.is_file():
        return f"Chromium not found at {CHROMIUM}: {INSTALL_HINT}"
    return None


def build_site(dest: Path) -> Path:
    """`mkdocs build --strict` of this project into `dest`; raises with MkDocs' output on failure."""
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or "mkdocs"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [mkdocs, "build", "--strict", "--quiet", "-d", str(dest)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return dest


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` over HTTP on a free loopback port; yields the base URL (ending in /)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def node_tool(relative: str) -> Path | None:
    """A file of an npm test tool (installed by scripts/test with `npm ci`), or None when missing."""
    path = ROOT / "node_modules" / relative
    return path if path.is_file() else None


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
