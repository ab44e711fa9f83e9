"""The only way WeasyPrint may load a file: local paths under the allowed folders.

Templates and stylesheets reference fonts by relative URL. Anything else (the network,
`data:` URLs aside, or a file outside the project and the site being built) is refused,
and the refusal stops the rendering instead of leaving a silently broken document.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher


class RefusedURL(ValueError):
    """A document asked for something outside the folders it may read."""


class SafeFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that reads local files under `roots` and nothing else."""

    def __init__(self, roots: Iterable[Path]) -> None:
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
        self.roots = tuple(Path(root).resolve() for root in roots)

    def fetch(self, url: str, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"documents may only load project files, not {url!r}")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise RefusedURL(f"{path} is outside the project and the site being built")
        return super().fetch(url, headers)
