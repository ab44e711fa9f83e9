"""The offline copy: the site built again for opening from disk, zipped for the home page's download link.

`make_zip` runs a second build (`OFFLINE=true` turns on Material's offline plugin: plain `.html`
links, the search index as a script) into a temporary folder and zips it into the site. The zip
cannot hold itself, so the offline copy has no zip and no link to one. Every entry carries the
build date, so the same site gives the same zip on any machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from ..reproducible import ENV, iso_date, write_zip, zip_date_time

ZIP = "downloads/teacher-leadership-toolkit-offline.zip"
FOLDER = "teacher-leadership-toolkit"  # the one folder inside the zip


class OfflineError(Exception):
    """The offline copy did not build; the message holds that build's output."""


def make_zip(config_file: Path, site_dir: Path, epoch: int, strict: bool) -> tuple[Path, int]:
    """Build the offline copy of the site `config_file` describes and zip it into `site_dir`.

    `epoch` is the build date (the offline build is given the same one). Returns the zip and its
    number of files."""
    target = site_dir / ZIP
    with tempfile.TemporaryDirectory(prefix="tl-offline-") as tmp:
        copy = Path(tmp) / FOLDER
        command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config_file), "-d", str(copy)]
        command += ["--strict"] if strict else []
        env = {**os.environ, "OFFLINE": "true", ENV: str(epoch)}
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise OfflineError(f"the offline copy did not build:\n{result.stdout}{result.stderr}")
        target.parent.mkdir(parents=True, exist_ok=True)
        count = zip_folder(copy, target, epoch)
    return target, count


def zip_folder(folder: Path, target: Path, epoch: int) -> int:
    """Zip `folder` as one folder named FOLDER, every entry dated `epoch`; returns the number of files."""
    # Source maps are for developers of the theme, not for readers: left out.
    files = sorted(path for path in folder.rglob("*") if path.is_file() and path.suffix != ".map")
    entries = ((f"{FOLDER}/{path.relative_to(folder).as_posix()}", path.read_bytes()) for path in files)
    return write_zip(target, entries, zip_date_time(iso_date(epoch)))
