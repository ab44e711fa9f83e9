"""MkDocs adapter for the toolkit: each event hands its work to `tltoolkit.web.build.SiteBuild`.

Loading, validation, pages, downloads and documents live in the `tltoolkit` package, which does
not import MkDocs; here they become MkDocs files and MkDocs errors.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from tltoolkit.reproducible import ENV
from tltoolkit.web.build import BuildError, Generated, SiteBuild
from tltoolkit.web.html_fixes import on_post_page, on_post_template  # noqa: F401  (events: corrections to Material's HTML)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

_build: SiteBuild | None = None  # made in on_config, for the build that follows


def on_config(config: MkDocsConfig, **kwargs: object) -> None:
    """Validate all data (and the district's settings) before MkDocs cleans or writes anything in site/."""
    global _build
    if _build is not None:  # `mkdocs serve` rebuilding: the last build's documents are not needed
        _build.cancel()
    try:
        _build = SiteBuild.from_config(config, Path(config.config_file_path))
    except BuildError as exc:
        raise PluginError(str(exc)) from None
    os.environ[ENV] = str(_build.date.epoch)  # MkDocs dates sitemap.xml(.gz) from it; the offline copy too


def on_files(files: Files, config: MkDocsConfig, **kwargs: object) -> Files:
    """Add the generated pages, downloads and schemas as virtual files (nothing is written to docs/)."""
    assert _build is not None
    for generated in _build.files():
        if existing := files.get_file_from_path(generated.uri):
            files.remove(existing)
        files.append(_file(config, generated))
    _build.start_documents()  # beside the page build: MkDocs has cleaned site/ by now
    return files


def on_post_build(config: MkDocsConfig, **kwargs: object) -> None:
    """Finish the printable documents in site/downloads/."""
    assert _build is not None
    try:
        _build.finish()
    except BuildError as exc:
        raise PluginError(str(exc)) from None


def on_build_error(error: Exception, **kwargs: object) -> None:
    """The build failed elsewhere: stop the documents instead of leaving them running."""
    if _build is not None:
        _build.cancel()


class _Document(File):
    """A printable document that on_post_build writes (MkDocs writing an empty file first,
    ten thousand times at 5,000 roles, only to have it replaced, is wasted work)."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


def _file(config: MkDocsConfig, generated: Generated) -> File:
    file = (_Document if generated.written_later else File).generated(config, generated.uri, content=generated.content)
    if generated.edit:
        file.edit_uri = generated.edit
    return file
