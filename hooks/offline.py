"""MkDocs adapter for the offline copy: a site that works opened from disk or a USB stick.

- `OFFLINE=true mkdocs build` (what `scripts/site offline` runs) turns on Material's `offline`
  plugin. That plugin would load its Web Worker shim from a CDN; here it comes from the site.
- A normal `mkdocs build` with `extra: offline_zip: true` also makes the offline copy, from the
  built site (no second build), and zips it into site/downloads/ (`tltoolkit.web.offline`), for
  the home page's download link.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from tltoolkit.web.offline import SHIM, ZIP, OfflineError, Page, make_zip

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.plugins.offline")
_command = "build"
_pages: list[Page] = []


def on_startup(command: str, **kwargs: object) -> None:
    global _command
    _command = command


@event_priority(-100)  # after the offline plugin has added its CDN shim, and after hooks/toolkit.py
def on_config(config: MkDocsConfig, **kwargs: object) -> None:
    polyfills = [url for url in config.extra.get("polyfills", []) if "iframe-worker" not in str(url)]
    if _offline(config):
        polyfills.append(SHIM)
    config.extra["polyfills"] = polyfills
    # Read by overrides/main.html: link the zip only where the build makes one.
    config.extra["offline_zip_url"] = ZIP if _makes_zip(config) else None


@event_priority(-100)  # every page is known by now (hooks/toolkit.py adds the generated ones)
def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: object) -> None:
    """Each page's URL on the site and, as MkDocs would write it without directory URLs, in the copy."""
    global _pages
    if _makes_zip(config):
        _pages = [Page(_url(file), _url(_without_directory_urls(file))) for file in files.documentation_pages()]


@event_priority(-100)  # after hooks/toolkit.py has finished the documents, which the copy holds
def on_post_build(config: MkDocsConfig, **kwargs: object) -> None:
    if not _makes_zip(config):
        return
    try:  # dated like the site: the build date hooks/toolkit.py settled
        target, count = make_zip(Path(config.site_dir), _pages, config.extra["build_epoch"], config.site_url or "")
    except OfflineError as exc:
        raise PluginError(str(exc)) from None
    log.info("offline: %s (%d files, %.1f MB)", ZIP, count, target.stat().st_size / 1e6)


def _offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def _makes_zip(config: MkDocsConfig) -> bool:
    # Not while serving: `mkdocs serve` rebuilds on every change and the link is not needed there.
    return bool(config.extra.get("offline_zip", False)) and not _offline(config) and _command != "serve"


def _without_directory_urls(file: File) -> File:
    return File(file.src_uri, None, "", use_directory_urls=False)


def _url(file: File) -> str:
    return "" if file.url in (".", "./") else file.url  # the home page's, as page.url has it
