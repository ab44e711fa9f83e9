"""MkDocs adapter for the toolkit: validate the data, add the generated pages, render the downloads.

Only event functions live here; loading, validation and page content are in the
`tltoolkit` package, which does not import MkDocs.
"""

from __future__ import annotations

import logging
import os
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from tltoolkit import Catalog, DataErrors
from tltoolkit.content import branding
from tltoolkit.content.downloads import build_downloads
from tltoolkit.content.site import build_pages
from tltoolkit.content.stewardship import Review
from tltoolkit.district import District, load_toolkit
from tltoolkit.documents import Report, Settings, background, build_documents, document_paths
from tltoolkit.documents.fetcher import RefusedURL
from tltoolkit.reproducible import ENV, EpochError, build_date, content_dates, iso_date
from tltoolkit.schemas import SCHEMA_DIR, generate as generate_schemas

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.plugins.toolkit")
_catalog: Catalog | None = None
_settings: Settings | None = None
_district: District | None = None
_build_date: date | None = None  # SOURCE_DATE_EPOCH, last commit or latest review date; None: no date at all
_documents: background.Pending[Report] | None = None  # started in on_files, awaited in on_post_build
DOWNLOADS = "downloads"  # printable documents, under the site root


def on_config(config: MkDocsConfig, **kwargs: object) -> None:
    """Validate all data (and the district's settings) before MkDocs cleans or writes anything in site/."""
    global _catalog, _settings, _district, _build_date
    data_dir = _project(config) / config.extra.get("data_dir", "data")
    district_file = _project(config) / config.extra["district"] if config.extra.get("district") else None
    try:
        _catalog, _district = load_toolkit(data_dir, district_file)
    except DataErrors as exc:
        raise PluginError(exc.report()) from None
    try:  # the sitemap's date and "review due" follow the build date (documents carry their content's)
        when = build_date(_project(config), content_dates(_catalog.roles, _catalog.guides, _catalog.conditions))
    except EpochError as exc:
        raise PluginError(str(exc)) from None
    os.environ[ENV] = str(when.epoch)  # MkDocs (sitemap, its gzip header), the offline zip and its build read it
    _build_date = when.day  # "review due" is judged as of the build, or not at all
    config.extra["sitemap_dates"] = when.known  # overrides/sitemap.xml states no invented date
    log.info("toolkit: build date %s, from %s", iso_date(when.epoch) if when.known else "none", when.origin)
    roots = (_project(config), Path(config.site_dir))
    if _district:  # district.yml decides names, licence, paper, logo and colours for site and documents
        _brand_site(config, _district)
        _settings = Settings.for_district(_district, allowed_roots=roots)
    else:
        try:
            _settings = Settings(
                paper=config.extra.get("paper", "letter"),
                toolkit_name=config.site_name,
                author=config.site_author or config.site_name,
                notice=config.copyright or "",
                allowed_roots=roots,
            )
        except ValueError as exc:
            raise PluginError(f"mkdocs.yml extra: {exc}") from None
    log.info("toolkit: %d roles, %d skills, %d guides validated", len(_catalog.roles), len(_catalog.skills), len(_catalog.guides))


def on_files(files: Files, config: MkDocsConfig, **kwargs: object) -> Files:
    """Add one virtual Markdown file per generated page (nothing is written to docs/), and the downloads."""
    assert _catalog is not None
    months = _district.settings.review_after_months if _district else None
    district = _district.short_name if _district else ""  # "Not yet reviewed by <district>"
    # Without a build date there is no "today" to judge against: no item is flagged (the log said so).
    if _build_date:
        review = Review(months=months, today=_build_date, district=district)
    else:
        review = Review(months=None, district=district)
    for page in build_pages(_catalog, review):
        if existing := files.get_file_from_path(page.uri):
            files.remove(existing)
        generated = File.generated(config, page.uri, content=page.markdown)
        generated.edit_uri = _data_edit_uri(config, page.source)  # "Edit this page" opens the data file
        files.append(generated)
    for download in build_downloads(_catalog):  # roles.csv and roles.json, linked from the inventory
        files.append(File.generated(config, download.uri, content=download.content))
    for name, text in generate_schemas().items():  # JSON Schemas for editors, published at schemas/<file>
        files.append(File.generated(config, f"{SCHEMA_DIR}/{name}", content=text))
    # Declared here so links to them resolve in strict mode. With documents on, on_post_build
    # writes them and MkDocs leaves them alone; with documents off, they are empty placeholders.
    documents = documents_enabled(config)
    declared = _Document if documents else File
    for path in document_paths(_catalog):
        files.append(declared.generated(config, f"{DOWNLOADS}/{path}", content=b""))
    if _district and _district.brand:
        files.append(File.generated(config, branding.STYLESHEET, content=branding.site_css(_district.brand)))
    if _district and _district.logo_image:  # the checked bytes, never the file as it is now
        files.append(File.generated(config, config.theme["logo"], content=_district.logo_image.data))
    _start_documents(config, documents)
    return files


def _start_documents(config: MkDocsConfig, enabled: bool) -> None:
    """Start the documents now, beside the page build (MkDocs has cleaned site/ by now)."""
    global _documents
    assert _catalog is not None and _settings is not None
    if _documents is not None:
        _documents.cancel()
    if not enabled:
        _documents = None
        return
    catalog, settings = _catalog, _settings
    out = Path(config.site_dir) / DOWNLOADS
    cache_dir = _project(config) / ".cache" / "documents"
    _documents = background.start(
        lambda: build_documents(catalog, out, cache_dir, settings, progress=_progress_log())
    )


class _Document(File):
    """A printable document that on_post_build writes (MkDocs writing an empty file first,
    ten thousand times at 5,000 roles, only to have it replaced, is wasted work)."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


def on_post_build(config: MkDocsConfig, **kwargs: object) -> None:
    """Finish the printable documents in site/downloads/ (unchanged ones come from the cache)."""
    global _documents
    if _documents is None:
        log.info("toolkit: documents off (TL_DOCUMENTS or extra.documents): downloads are empty placeholders")
        return
    pending, _documents = _documents, None
    if pending.in_background:
        log.info("toolkit: pages done; waiting for the documents")
    try:
        report = pending.wait()
    except RefusedURL as exc:  # a plain message naming the document, not a traceback
        raise PluginError(f"documents: {exc}") from None
    log.info("toolkit: %s", report.summary())


def on_build_error(error: Exception, **kwargs: object) -> None:
    """The build failed elsewhere: stop the documents instead of leaving them running."""
    global _documents
    if _documents is not None:
        _documents.cancel()
        _documents = None


# --- a district's branding ---------------------------------------------------


def _brand_site(config: MkDocsConfig, district: District) -> None:
    """Site name, author, footer, logo and colours from district.yml (one place for all of them)."""
    config.site_name = district.site_name
    config.site_author = district.name
    config.copyright = branding.footer_html(district) or config.copyright
    if district.logo:
        config.theme["logo"] = config.theme["favicon"] = branding.LOGO + district.logo.suffix.lower()
    if district.brand:
        for scheme in config.theme["palette"]:
            scheme["primary"] = scheme["accent"] = "custom"
        if branding.STYLESHEET not in config.extra_css:
            config.extra_css.append(branding.STYLESHEET)
def documents_enabled(config: MkDocsConfig) -> bool:
    """`TL_DOCUMENTS=off` (for one run, e.g. `mkdocs serve`) or `extra: documents: false` skips rendering."""
    env = os.environ.get("TL_DOCUMENTS", "").strip().lower()
    if env:
        return env not in ("off", "0", "false", "no")
    return bool(config.extra.get("documents", True))


def _progress_log(every: float = 5.0):  # noqa: ANN202
    """A progress callback that logs "documents: 120/950 rendered" at most every `every` seconds."""
    last = time.monotonic()

    def report(done: int, total: int) -> None:
        nonlocal last
        if done == total or time.monotonic() - last >= every:
            last = time.monotonic()
            log.info("toolkit: documents: %d/%d rendered", done, total)

    return report


def _data_edit_uri(config: MkDocsConfig, source: str) -> str | None:
    """The data file behind a generated page, relative to docs_dir as `edit_uri` expects (a folder has none)."""
    if not config.repo_url or source.endswith("/"):
        return None
    root = _project(config) / config.extra.get("data_dir", "data")  # origins are named from data/'s parent
    path = (root.parent / source).resolve()
    return Path(os.path.relpath(path, Path(config.docs_dir).resolve())).as_posix()


def _project(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent
