"""One site build, from the configuration to the finished downloads: what the MkDocs hook delegates to.

`SiteBuild.from_config(config)` validates the data and the district's settings, settles the build
date and brands the configuration; `files()` lists every file the toolkit adds to the site (pages,
downloads, JSON Schemas, document placeholders, the district's stylesheet and logo);
`start_documents()` starts the printable documents beside the page build, `finish()` waits for
them and `cancel()` stops them. The configuration is read and written as a mapping (MkDocs'
config is one), so nothing here imports MkDocs; `hooks/toolkit.py` turns `Generated` files into
MkDocs files.
"""

from __future__ import annotations

import functools
import logging
import os
import time
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.stewardship import Review
from ..documents import Report, Settings, background, build_documents, document_paths, start_documents, workers
from ..documents.build import TASKS_PER_WORKER, Started
from ..documents.fetcher import RefusedURL
from ..reproducible import BuildDate, EpochError, build_date, content_dates, iso_date
from ..schemas import SCHEMA_DIR
from ..schemas import generate as generate_schemas
from ..source.catalog import Catalog
from ..source.district import District
from ..source.errors import DataErrors
from ..source.load import load_toolkit
from . import branding, html_parts, serving
from .downloads import build_downloads
from .render import Links
from .site import build_pages

log = logging.getLogger("mkdocs.plugins.toolkit")  # MkDocs prints this logger's records with its own
DOWNLOADS = "downloads"  # printable documents, under the site root
Pending = background.Pending[Report] | Started  # the documents under way: wait(), cancel(), in_background


class BuildError(Exception):
    """A problem the build reports in plain words (bad data, a bad setting), never as a traceback."""


@dataclass(frozen=True)
class Generated:
    """A file the toolkit adds to the site, in no framework's terms."""

    uri: str  # path inside the site, e.g. "roles/math-coach.md"
    content: str | bytes
    edit: str | None = None  # the data file behind a page, relative to docs_dir: MkDocs' edit link
    written_later: bool = False  # a printable document: `finish()` writes it, the site only declares it


@dataclass
class SiteBuild:
    """The state of one build: the checked data, the district, the date and the documents under way."""

    catalog: Catalog
    district: District | None
    settings: Settings
    date: BuildDate
    data_dir: Path
    docs_dir: Path
    site_dir: Path
    cache_dir: Path
    documents: bool
    links: Links = field(default_factory=Links)  # as the site's `use_directory_urls` writes them
    _pending: Pending | None = None
    _parts: dict[str, dict[str, str]] = field(default_factory=dict)  # page uri -> its HTML parts (`fill`)

    @classmethod
    def from_config(
        cls, config: MutableMapping[str, Any], config_file: Path, environ: Mapping[str, str] | None = None
    ) -> SiteBuild:
        """Validate all data (and the district's settings) before anything is written; brand `config`.

        `config` is mkdocs.yml as loaded (read and written as a mapping), `config_file` its path."""
        environ = os.environ if environ is None else environ
        project = Path(config_file).parent
        extra = config["extra"]
        data_dir = project / extra.get("data_dir", "data")
        district_file = project / extra["district"] if extra.get("district") else None
        try:
            catalog, district = load_toolkit(data_dir, district_file)
        except DataErrors as exc:
            raise BuildError(exc.report()) from None
        try:  # the sitemap's date and "review due" follow the build date (documents carry their content's)
            when = build_date(project, content_dates(catalog.roles, catalog.guides, catalog.conditions), environ)
        except EpochError as exc:
            raise BuildError(str(exc)) from None
        extra["sitemap_dates"] = when.known  # overrides/sitemap.xml states no invented date
        extra["build_epoch"] = when.epoch  # the offline copy (hooks/offline.py) is built and zipped with it
        log.info("toolkit: build date %s, from %s", iso_date(when.epoch) if when.known else "none", when.origin)
        roots = (project, Path(config["site_dir"]))
        if district:  # district.yml decides names, licence, paper, logo and colours for site and documents
            brand_site(config, district)
            settings = Settings.for_district(district, allowed_roots=roots)
        else:
            try:
                settings = Settings(
                    paper=extra.get("paper", "letter"),
                    toolkit_name=config["site_name"],
                    author=config["site_author"] or config["site_name"],
                    notice=config["copyright"] or "",
                    allowed_roots=roots,
                )
            except ValueError as exc:
                raise BuildError(f"mkdocs.yml extra: {exc}") from None
        counts = len(catalog.roles), len(catalog.skills), len(catalog.guides)
        log.info("toolkit: %d roles, %d skills, %d guides validated", *counts)
        return cls(
            catalog, district, settings, when, data_dir, Path(config["docs_dir"]), Path(config["site_dir"]),
            project / ".cache" / "documents", documents_enabled(extra, environ),
            Links(bool(config.get("use_directory_urls", True))),
        )  # fmt: skip

    # --- the files the toolkit adds ------------------------------------------------

    def files(self) -> list[Generated]:
        """Every generated file: nothing is written to docs/."""
        memo = serving.SESSION.pages if serving.SESSION.active else None  # `mkdocs serve`: unchanged pages reused
        if memo:
            memo.begin()
        edit = functools.cache(self._edit)  # most pages share their sources (roles.yml): one answer each
        pages = build_pages(self.catalog, self.review, memo, self.links)
        found = [Generated(page.uri, page.markdown, edit(page.sources)) for page in pages]
        self._parts = {page.uri: dict(page.html) for page in pages if page.html}
        if memo:
            memo.end()
        # roles.csv and roles.json, linked from the inventory
        found += [Generated(download.uri, download.content) for download in build_downloads(self.catalog)]
        # JSON Schemas for editors, published at schemas/<file>
        found += [Generated(f"{SCHEMA_DIR}/{name}", text) for name, text in generate_schemas().items()]
        # Declared so links to them resolve in strict mode; written by `finish()`, or empty placeholders
        # when the documents are off.
        found += [
            Generated(f"{DOWNLOADS}/{path}", b"", written_later=self.documents) for path in document_paths(self.catalog)
        ]
        if self.district and self.district.brand:
            found.append(Generated(branding.STYLESHEET, branding.site_css(self.district.brand)))
        if self.district and self.district.logo and self.district.logo_image:  # the checked bytes, never the file now
            found.append(Generated(branding.LOGO + self.district.logo.suffix.lower(), self.district.logo_image.data))
        return found

    def fill(self, uri: str, html: str) -> str:
        """The finished HTML of page `uri` (a Markdown source path) with its HTML parts in place (`html_parts`)."""
        if (parts := self._parts.get(uri)) is None:
            return html
        try:
            return html_parts.fill(uri, html, parts)
        except html_parts.MissingMarker as exc:
            raise BuildError(str(exc)) from None

    @property
    def review(self) -> Review:
        """Which items are flagged as due for review: judged as of the build date, or not at all without one."""
        months = self.district.settings.review_after_months if self.district else None
        district = self.district.short_name if self.district else ""  # "Not yet reviewed by <district>"
        if self.date.day:
            return Review(months=months, today=self.date.day, district=district)
        return Review(months=None, district=district)

    def _edit(self, sources: tuple[str, ...]) -> str | None:
        """The file behind a page for MkDocs' edit link (shown when mkdocs.yml sets `repo_url`): the
        district's own file when the page draws on one, else the first; None for a folder."""
        toolkit = self.data_dir.resolve()
        root = toolkit.parent  # data file names are shown from here (districts live inside the project)
        files = [root / source for source in sources if source.endswith(".yml")]
        chosen = next((file for file in reversed(files) if not file.resolve().is_relative_to(toolkit)), None)
        chosen = chosen or (files[0] if files else None)
        return Path(os.path.relpath(chosen, self.docs_dir.resolve())).as_posix() if chosen else None

    # --- the printable documents -----------------------------------------------------

    def start_documents(self) -> None:
        """Start the documents now, beside the page build (the site folder has been cleaned by now)."""
        self.cancel()
        if not self.documents:
            return
        catalog, settings, out, cache_dir = self.catalog, self.settings, self.site_dir / DOWNLOADS, self.cache_dir
        if serving.SESSION.active:
            self._pending = _serving_documents(catalog, out, cache_dir, settings)
            return

        def work() -> Report:
            return build_documents(catalog, out, cache_dir, settings, progress=_progress_log())

        self._pending = background.start(work)

    def finish(self) -> None:
        """Wait for the documents in site/downloads/ (unchanged ones come from the cache)."""
        if self._pending is None:
            log.info("toolkit: documents off (TL_DOCUMENTS or extra.documents): downloads are empty placeholders")
            return
        pending, self._pending = self._pending, None
        later = serving.SESSION.later
        if serving.SESSION.active and later.guarded and isinstance(pending, Started) and pending.in_background:
            log.info("toolkit: pages done; the documents finish in the background (a download waits for them)")
            later.hand_over(pending, lambda report: log.info("toolkit: %s", report.summary()))
            return
        if pending.in_background:
            log.info("toolkit: pages done; waiting for the documents")
        try:
            report = pending.wait()
        except RefusedURL as exc:  # a plain message naming the document, not a traceback
            raise BuildError(f"documents: {exc}") from None
        log.info("toolkit: %s", report.summary())

    def cancel(self) -> None:
        """Stop the documents (the build failed elsewhere, or a new build starts)."""
        serving.SESSION.later.stop()  # serving: the last save's documents, if still rendering
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None


def _serving_documents(catalog: Catalog, out: Path, cache_dir: Path, settings: Settings) -> Pending:
    """`mkdocs serve`: plan in this process with the roles' plans kept (the next save finds them;
    a forked plan would be lost), and send what the cache lacks to the render workers kept for the
    session, which work while the pages are made. Where no fork server exists, render in `finish()`."""
    session = serving.SESSION
    pool = None
    if workers.available():
        if session.workers is None:
            session.workers = workers.RenderPool(settings.workers, TASKS_PER_WORKER)
            session.workers.warm(settings)  # the first save then finds them ready
        pool = session.workers
    try:
        return start_documents(catalog, out, cache_dir, settings, _progress_log(), session.documents, pool)
    except Exception as exc:  # reported when the build waits for the documents, as before
        failed = exc

        def fail() -> Report:
            raise failed

        return background.Pending(fail)


def brand_site(config: MutableMapping[str, Any], district: District) -> None:
    """Site name, author, footer, logo and colours from district.yml (one place for all of them)."""
    # Material prints the name and author unescaped in most places (title, meta, header, nav) and
    # through `| e` in a few: escaped Markup reads as literal text in both, never escaped twice.
    config["site_name"] = branding.html_text(district.site_name)
    config["site_author"] = branding.html_text(district.name)
    config["copyright"] = branding.footer_html(district) or config["copyright"]  # HTML, every value escaped
    theme = config["theme"]
    if district.logo:
        theme["logo"] = theme["favicon"] = branding.LOGO + district.logo.suffix.lower()
    if district.brand:
        for scheme in theme["palette"]:
            scheme["primary"] = scheme["accent"] = "custom"
        if branding.STYLESHEET not in config["extra_css"]:
            config["extra_css"].append(branding.STYLESHEET)


def documents_enabled(extra: Mapping[str, Any], environ: Mapping[str, str] | None = None) -> bool:
    """`TL_DOCUMENTS=off` (for one run, e.g. `mkdocs serve`) or `extra: documents: false` skips rendering."""
    environ = os.environ if environ is None else environ
    if value := environ.get("TL_DOCUMENTS", "").strip().lower():
        return value not in ("off", "0", "false", "no")
    return bool(extra.get("documents", True))


def _progress_log(every: float = 5.0) -> Callable[[int, int], None]:
    """A progress callback that logs "documents: 120/950 rendered" at most every `every` seconds."""
    last = time.monotonic()

    def report(done: int, total: int) -> None:
        nonlocal last
        if done == total or time.monotonic() - last >= every:
            last = time.monotonic()
            log.info("toolkit: documents: %d/%d rendered", done, total)

    return report
