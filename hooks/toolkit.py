"""MkDocs adapter for the toolkit: validate the data, add the generated pages, render the downloads.

Only event functions live here; loading, validation and page content are in the
`tltoolkit` package, which does not import MkDocs.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from tltoolkit import Catalog, DataErrors, load_catalog
from tltoolkit.content.downloads import build_downloads
from tltoolkit.content.site import build_pages
from tltoolkit.documents import Settings, build_documents, document_paths

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.plugins.toolkit")
_catalog: Catalog | None = None
_settings: Settings | None = None
DOWNLOADS = "downloads"  # printable documents, under the site root


def on_config(config: MkDocsConfig, **kwargs: object) -> None:
    """Validate all data before MkDocs cleans or writes anything in site/."""
    global _catalog, _settings
    data_dir = _project(config) / config.extra.get("data_dir", "data")
    try:
        _catalog = load_catalog(data_dir)
    except DataErrors as exc:
        raise PluginError(exc.report()) from None
    try:
        _settings = Settings(
            paper=config.extra.get("paper", "letter"),
            toolkit_name=config.site_name,
            author=config.site_author or config.site_name,
            notice=config.copyright or "",
            allowed_roots=(_project(config), Path(config.site_dir)),
        )
    except ValueError as exc:
        raise PluginError(f"mkdocs.yml extra: {exc}") from None
    log.info("toolkit: %d roles, %d skills, %d guides validated", len(_catalog.roles), len(_catalog.skills), len(_catalog.guides))


def on_files(files: Files, config: MkDocsConfig, **kwargs: object) -> Files:
    """Add one virtual Markdown file per generated page (nothing is written to docs/), and the downloads."""
    assert _catalog is not None
    for page in build_pages(_catalog):
        if existing := files.get_file_from_path(page.uri):
            files.remove(existing)
        files.append(File.generated(config, page.uri, content=page.markdown))
    for download in build_downloads(_catalog):  # roles.csv and roles.json, linked from the inventory
        files.append(File.generated(config, download.uri, content=download.content))
    # Declared here so links to them resolve in strict mode; on_post_build writes the real files.
    for path in document_paths(_catalog):
        files.append(File.generated(config, f"{DOWNLOADS}/{path}", content=b""))
    return files


def on_post_build(config: MkDocsConfig, **kwargs: object) -> None:
    """Render the printable documents into site/downloads/ (unchanged ones come from the cache)."""
    assert _catalog is not None and _settings is not None
    if not documents_enabled(config):
        log.info("toolkit: documents off (TL_DOCUMENTS or extra.documents): downloads are empty placeholders")
        return
    cache_dir = _project(config) / ".cache" / "documents"
    out = Path(config.site_dir) / DOWNLOADS
    report = build_documents(_catalog, out, cache_dir, _settings, progress=_progress_log())
    log.info("toolkit: %s", report.summary())


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


def _project(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent
