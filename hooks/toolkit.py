"""MkDocs adapter for the toolkit: validate the data, then add the generated pages.

Only event functions live here; loading, validation and page content are in the
`tltoolkit` package, which does not import MkDocs.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from tltoolkit import Catalog, DataErrors, load_catalog
from tltoolkit.content.downloads import build_downloads
from tltoolkit.content.site import build_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.plugins.toolkit")
_catalog: Catalog | None = None


def on_config(config: MkDocsConfig, **kwargs: object) -> None:
    """Validate all data before MkDocs cleans or writes anything in site/."""
    global _catalog
    data_dir = Path(config.config_file_path).parent / config.extra.get("data_dir", "data")
    try:
        _catalog = load_catalog(data_dir)
    except DataErrors as exc:
        raise PluginError(exc.report()) from None
    log.info("toolkit: %d roles, %d skills, %d guides validated", len(_catalog.roles), len(_catalog.skills), len(_catalog.guides))


def on_files(files: Files, config: MkDocsConfig, **kwargs: object) -> Files:
    """Add one virtual Markdown file per generated page (nothing is written to docs/)."""
    assert _catalog is not None
    for page in build_pages(_catalog):
        if existing := files.get_file_from_path(page.uri):
            files.remove(existing)
        files.append(File.generated(config, page.uri, content=page.markdown))
    for download in build_downloads(_catalog):  # roles.csv and roles.json, linked from the inventory
        files.append(File.generated(config, download.uri, content=download.content))
    return files
