"""HTML to tagged, fillable PDF with WeasyPrint.

Most of WeasyPrint's cost for a small document is fixed: loading fonts and parsing
stylesheets. Each process therefore keeps one FontConfiguration and the parsed
stylesheets of every document kind, and reuses them for all the documents it renders.
"""

from __future__ import annotations

import hashlib
import logging
from functools import cache
from pathlib import Path

import weasyprint
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from .fetcher import RefusedURL, SafeFetcher

HERE = Path(__file__).parent
FONTS = HERE / "fonts"

# PDF/UA-1: tagged structure for screen readers; forms: the fields a school fills in.
OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True, "pdf_forms": True}


# Kinds that build on another kind's style (the booklet is made of guides).
STYLE_OF = {"booklet": ("guide", "booklet")}


def stylesheet_paths(kind: str, paper: str) -> list[Path]:
    """Shared style, then the paper size, then the document kind's own style."""
    own = [HERE / name / "style.css" for name in STYLE_OF.get(kind, (kind,))]
    return [HERE / "base.css", HERE / "paper" / f"{paper}.css", *own]


def style_fingerprint(kind: str, paper: str) -> str:
    """Everything besides the HTML that changes a kind's PDFs: CSS, fonts, this code, WeasyPrint."""
    paths = (*stylesheet_paths(kind, paper), *sorted(FONTS.glob("*.ttf")), Path(__file__))
    # Hashing 220 KB of fonts for each of thousands of documents was most of a warm plan:
    # hash once per version of the files (their size and modification time).
    return _fingerprint(tuple((path, path.stat().st_mtime_ns, path.stat().st_size) for path in paths))


@cache
def _fingerprint(files: tuple[tuple[Path, int, int], ...]) -> str:
    digest = hashlib.sha256(weasyprint.__version__.encode())
    for path, _, _ in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def _font_config() -> FontConfiguration:
    return FontConfiguration()


@cache
def _fetcher(roots: tuple[Path, ...], logo_dir: Path | None = None) -> SafeFetcher:
    return SafeFetcher((HERE, *roots), logo_dir)


@cache
def _stylesheets(kind: str, paper: str, roots: tuple[Path, ...]) -> list[CSS]:
    return [
        CSS(filename=str(path), font_config=_font_config(), url_fetcher=_fetcher(roots))
        for path in stylesheet_paths(kind, paper)
    ]


class _ImageFailures(logging.Handler):
    """WeasyPrint logs an image it cannot draw and leaves it out; the build must not."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if str(record.msg).startswith(
            ("Failed to load image", "Failed to render SVG image", "Failed to load inline SVG")
        ):
            self.messages.append(record.getMessage())


def warm_up(kinds: tuple[str, ...], paper: str, roots: tuple[Path, ...] = ()) -> None:
    """Parse `kinds`' styles and load their fonts now (a new process's first document pays for both)."""
    for kind in kinds:
        HTML(string="<p>.</p>", base_url=str(HERE / kind) + "/", url_fetcher=_fetcher(roots)).render(
            stylesheets=_stylesheets(kind, paper, roots), font_config=_font_config()
        )


def render_pdf(
    html: str, kind: str, paper: str, target: Path, roots: tuple[Path, ...] = (), logo_dir: Path | None = None
) -> int:
    """Write `html` as a PDF to `target`; return its number of pages.

    Raises RefusedURL when the HTML or its styles ask for anything but the project's own
    files (WeasyPrint signals that with a BaseException, which would escape `except Exception`),
    or when an image (the district logo) cannot be read or drawn.
    """
    failures = _ImageFailures()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(failures)
    try:
        document = HTML(string=html, base_url=str(HERE / kind) + "/", url_fetcher=_fetcher(roots, logo_dir)).render(
            stylesheets=_stylesheets(kind, paper, roots), font_config=_font_config(), **OPTIONS
        )
        if failures.messages:
            raise RefusedURL("; ".join(failures.messages))
        document.write_pdf(target, **OPTIONS)
    except FatalURLFetchingError as exc:
        raise RefusedURL(str(exc.__cause__ or exc)) from None
    finally:
        logger.removeHandler(failures)
    return len(document.pages)
