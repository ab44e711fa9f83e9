"""The only way WeasyPrint may load a file: local paths under the allowed folders.

Templates and stylesheets reference fonts by relative URL. Anything else (the network,
`data:` URLs aside, or a file outside the project and the site being built) is refused,
and the refusal stops the rendering instead of leaving a silently broken document.

The district logo is one file for all documents: the print HTML names it
`district-logo:<sha256>.svg` (so its bytes are not repeated in every document or cache
key), and the fetcher reads it from the folder `build_documents` wrote it to, checking that
it still holds the bytes that were checked.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher

LOGO_SCHEME = "district-logo"
_LOGO_NAME = re.compile(r"([0-9a-f]{64})\.(svg|png)")


class RefusedURL(ValueError):
    """A document asked for something outside the folders it may read, or an image it needs is missing."""


def logo_url(digest: str, suffix: str) -> str:
    """How print HTML names the district logo: by its content, never by a path or its bytes."""
    return f"{LOGO_SCHEME}:{digest}{suffix}"


class SafeFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint publishes no type information
    """A WeasyPrint URL fetcher that reads local files under `roots` and nothing else."""

    def __init__(self, roots: Iterable[Path], logo_dir: Path | None = None) -> None:
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
        self.roots = tuple(Path(root).resolve() for root in roots)
        self.logo_dir = Path(logo_dir).resolve() if logo_dir else None

    def fetch(self, url: str, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        parts = urlsplit(url)
        if parts.scheme == LOGO_SCHEME:
            return super().fetch(self._logo(parts.path).as_uri(), headers)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"documents may only load project files, not {url!r}")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise RefusedURL(f"{path} is outside the project and the site being built")
        return super().fetch(url, headers)

    def _logo(self, name: str) -> Path:
        """The district logo's one copy, if it is there and unchanged since it was checked."""
        match = _LOGO_NAME.fullmatch(name)
        if match is None or self.logo_dir is None:
            raise RefusedURL(f"the district logo {name!r} is not one this build wrote")
        path = self.logo_dir / name
        try:
            data = path.read_bytes()
        except OSError:
            raise RefusedURL(f"the district logo is missing from {path} (removed during the build?)") from None
        if hashlib.sha256(data).hexdigest() != match.group(1):
            raise RefusedURL(f"the district logo at {path} changed after it was checked")
        return path
