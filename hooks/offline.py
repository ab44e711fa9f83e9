"""MkDocs adapter for the offline copy: a site that works opened from disk or a USB stick.

- `OFFLINE=true mkdocs build` (what `scripts/site offline` runs) turns on Material's `offline`
  plugin. That plugin would load its Web Worker shim from a CDN; here it comes from the site.
- A normal `mkdocs build` with `extra: offline_zip: true` also builds the offline copy and zips it
  into site/downloads/ (`tltoolkit.web.offline`), for the home page's download link.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from tltoolkit.web.offline import ZIP, OfflineError, make_zip

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.plugins.offline")
SHIM = "javascripts/vendor/iframe-worker-shim.js"
_command = "build"


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


def on_post_build(config: MkDocsConfig, **kwargs: object) -> None:
    if not _makes_zip(config):
        return
    try:  # dated like the site: the build date hooks/toolkit.py settled
        target, count = make_zip(
            Path(config.config_file_path), Path(config.site_dir), config.extra["build_epoch"], config.strict
        )
    except OfflineError as exc:
        raise PluginError(str(exc)) from None
    log.info("offline: %s (%d files, %.1f MB)", ZIP, count, target.stat().st_size / 1e6)


def _offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def _makes_zip(config: MkDocsConfig) -> bool:
    # Not while serving: `mkdocs serve` rebuilds on every change and the link is not needed there.
    return bool(config.extra.get("offline_zip", False)) and not _offline(config) and _command != "serve"
