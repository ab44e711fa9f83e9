"""MkDocs adapter for the offline copy: a site that works opened from disk or a USB stick.

- `OFFLINE=true mkdocs build` (what `scripts/site offline` runs) turns on Material's `offline`
  plugin: plain `.html` links instead of folders, and the search index as a script so search works
  from file://. That plugin would load its Web Worker shim from a CDN; here it comes from the site.
- A normal `mkdocs build` with `extra: offline_zip: true` also builds the offline copy (in a
  separate MkDocs run) and zips it into site/downloads/, for the home page's download link. The
  zip cannot hold itself, so the offline copy has no zip and no link to one.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from tltoolkit.reproducible import ENV, UNDATED, iso_date, write_zip, zip_date_time

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.plugins.offline")
SHIM = "javascripts/vendor/iframe-worker-shim.js"
ZIP = "downloads/teacher-leadership-toolkit-offline.zip"
FOLDER = "teacher-leadership-toolkit"  # the one folder inside the zip
_command = "build"


def on_startup(command: str, **kwargs: object) -> None:
    global _command
    _command = command


def offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(-100)  # after the offline plugin has added its CDN shim
def on_config(config: MkDocsConfig, **kwargs: object) -> None:
    polyfills = [url for url in config.extra.get("polyfills", []) if "iframe-worker" not in str(url)]
    if offline(config):
        polyfills.append(SHIM)
    config.extra["polyfills"] = polyfills
    # Read by overrides/main.html: link the zip only where the build makes one.
    config.extra["offline_zip_url"] = ZIP if _makes_zip(config) else None


def on_post_build(config: MkDocsConfig, **kwargs: object) -> None:
    if not _makes_zip(config):
        return
    target = Path(config.site_dir) / ZIP
    with tempfile.TemporaryDirectory(prefix="tl-offline-") as tmp:
        copy = Path(tmp) / FOLDER
        command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config.config_file_path)]
        command += ["-d", str(copy), *(["--strict"] if config.strict else [])]
        env = {**os.environ, "OFFLINE": "true"}
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise PluginError(f"the offline copy did not build:\n{result.stdout}{result.stderr}")
        target.parent.mkdir(parents=True, exist_ok=True)
        count = zip_folder(copy, target)
    log.info("offline: %s (%d files, %.1f MB)", ZIP, count, target.stat().st_size / 1e6)


def _makes_zip(config: MkDocsConfig) -> bool:
    # Not while serving: `mkdocs serve` rebuilds on every change and the link is not needed there.
    return bool(config.extra.get("offline_zip", False)) and not offline(config) and _command != "serve"


def zip_folder(folder: Path, target: Path) -> int:
    """Zip `folder` as one folder named FOLDER; returns the number of files."""
    # Source maps are for developers of the theme, not for readers: left out.
    files = sorted(path for path in folder.rglob("*") if path.is_file() and path.suffix != ".map")
    # The build date (SOURCE_DATE_EPOCH, set by hooks/toolkit.py from the last commit or the
    # content, else 1980-01-01 for "no date"): the same site gives the same zip on any machine.
    epoch = os.environ.get(ENV, "").strip()
    stamp = zip_date_time(iso_date(int(epoch) if epoch.isdigit() else UNDATED))
    entries = ((f"{FOLDER}/{path.relative_to(folder).as_posix()}", path.read_bytes()) for path in files)
    return write_zip(target, entries, stamp)
