"""MkDocs adapter for the toolkit: each event hands its work to `tltoolkit.web.build.SiteBuild`.

Loading, validation, pages, downloads and documents live in the `tltoolkit` package, which does
not import MkDocs; here they become MkDocs files and MkDocs errors.
"""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, cast

from mkdocs import utils
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from tltoolkit.reproducible import ENV
from tltoolkit.web import html_fixes, search_prebuilt, serving
from tltoolkit.web.build import BuildError, Generated, SiteBuild
from tltoolkit.web.html_fixes import on_post_template  # noqa: F401  (event: corrections to Material's HTML)

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

_build: SiteBuild | None = None  # made in on_config, for the build that follows
_search_worker = False  # this build's search worker takes the prebuilt index (on_files)
log = logging.getLogger("mkdocs.plugins.toolkit")


def on_startup(command: str, **kwargs: object) -> None:
    """`mkdocs serve` keeps each page's results between rebuilds (tltoolkit.web.serving)."""
    serving.start(command)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object, **kwargs: object) -> LiveReloadServer:
    """While serving, a download requested before the last save's documents are done waits for them
    (tltoolkit.web.serve_documents), so a build can return once its pages are written."""
    get_app, set_app = getattr(server, "get_app", None), getattr(server, "set_app", None)
    if get_app is not None and set_app is not None and (app := get_app()) is not None:  # else: builds wait, as before
        set_app(serving.SESSION.later.guard(app, getattr(server, "mount_path", "/")))
    return server


def on_shutdown(**kwargs: object) -> None:
    serving.stop()


def on_config(config: MkDocsConfig, **kwargs: object) -> None:
    """Validate all data (and the district's settings) before MkDocs cleans or writes anything in site/."""
    global _build
    serving.SESSION.build_starts()
    if _build is not None:  # `mkdocs serve` rebuilding: the last build's documents are not needed
        _build.cancel()
    try:
        _build = SiteBuild.from_config(config, Path(config.config_file_path))
    except BuildError as exc:
        raise PluginError(str(exc)) from None
    os.environ[ENV] = str(_build.date.epoch)  # MkDocs dates sitemap.xml(.gz) from it; the offline copy too


def on_pre_build(config: MkDocsConfig, **kwargs: object) -> None:
    """`mkdocs serve`: the site folder is kept, a file is written only if its bytes changed, and the
    theme's files are listed again only if its folders changed."""
    serving.SESSION.prepare(config, utils, Files, File)


def on_files(files: Files, config: MkDocsConfig, **kwargs: object) -> Files:
    """Add the generated pages, downloads and schemas as virtual files (nothing is written to docs/)."""
    assert _build is not None
    known = files.src_uris  # (`get_file_from_path` makes a PurePath of each of 35,000 names at 5,000 roles)
    for generated in _build.files():
        if existing := known.get(generated.uri):
            files.remove(existing)
        files.append(_file(config, generated))
    _build.start_documents()  # beside the page build: MkDocs has cleaned site/ by now
    serving.SESSION.begin(config, files)
    _patch_search_worker(files, config)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files, **kwargs: object) -> Navigation:
    serving.SESSION.navigation(nav)
    return nav


@event_priority(-100)  # last: the Markdown as every plugin left it
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: object) -> str:
    serving.SESSION.convert(page, config, files)
    return markdown


@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: object) -> str:
    serving.SESSION.choose_template(page)
    return html


def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: object) -> Environment:
    serving.SESSION.index(config.plugins)
    return cast("Environment", serving.SESSION.env(env))


@event_priority(100)  # first: the theme's output as it was rendered
def on_post_page(output: str, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    # Corrections to Material's HTML (kept with the page's output while serving), then the HTML
    # parts made apart from the page's Markdown (the inventory's rows: tltoolkit.web.html_parts),
    # after the output is kept, so a kept output serves whatever the parts are now.
    assert _build is not None
    try:
        return serving.SESSION.rendered(
            output, page, html_fixes.fix_page, functools.partial(_build.fill, page.file.src_uri)
        )
    except BuildError as exc:
        raise PluginError(str(exc)) from None


def on_post_build(config: MkDocsConfig, **kwargs: object) -> None:
    """Add the prebuilt search index (after the search plugin has written its own, before the
    offline copies read it); finish the printable documents in site/downloads/."""
    assert _build is not None
    if _search_worker:
        offline = config.plugins.get("material/offline") or config.plugins.get("offline")
        # The offline copy's worker cannot fetch from disk: its word counts go inside the index.
        search_prebuilt.write(Path(config.site_dir), inline_it=bool(offline and offline.config.enabled))
    try:
        _build.finish()
    except BuildError as exc:
        raise PluginError(str(exc)) from None
    serving.SESSION.end()


def on_build_error(error: Exception, **kwargs: object) -> None:
    """The build failed elsewhere: stop the documents instead of leaving them running."""
    if _build is not None:
        _build.cancel()
    serving.SESSION.restore()


def _patch_search_worker(files: Files, config: MkDocsConfig) -> None:
    """Material's search worker, made to load the index the build makes (tltoolkit.web.search_prebuilt)."""
    global _search_worker
    _search_worker = False
    workers = [f for f in files if f.src_uri.startswith(search_prebuilt.WORKER) and f.src_uri.endswith(".min.js")]
    if len(workers) != 1 or workers[0].abs_src_path is None:
        return
    try:
        text = search_prebuilt.patched_worker(Path(workers[0].abs_src_path).read_text(encoding="utf-8"))
    except search_prebuilt.WorkerChanged as exc:
        log.info("toolkit: %s", exc)  # search still works, built in the browser as before
        return
    files.remove(workers[0])
    files.append(File.generated(config, workers[0].src_uri, content=text))
    _search_worker = True


class _Document(File):
    """A printable document that on_post_build writes (MkDocs writing an empty file first,
    ten thousand times at 5,000 roles, only to have it replaced, is wasted work)."""

    written_later = True  # `mkdocs serve` does not track what it holds (tltoolkit.web.serving)

    def copy_file(self, dirty: bool = False) -> None:
        pass


def _file(config: MkDocsConfig, generated: Generated) -> File:
    if generated.content == b"" and not generated.edit:  # a document's placeholder: the same on every build
        kind = _Document if generated.written_later else File
        key = f"{kind.__name__}\0{generated.uri}\0{config.site_dir}\0{config.docs_dir}\0{config.use_directory_urls}"
        file = cast(File, serving.SESSION.kept_file(key, lambda: kind.generated(config, generated.uri, content=b"")))
        file.inclusion = InclusionLevel.UNDEFINED  # as a new one's: MkDocs decides it after on_files
        return file
    file = File.generated(config, generated.uri, content=generated.content)
    if generated.edit:
        file.edit_uri = generated.edit
    return file
