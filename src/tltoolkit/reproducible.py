"""Reproducible builds: dates that come from the input, and zip files without clock times.

Two builds of the same input, in separate checkouts, give byte-identical pages, PDFs and
Word files. Documents are dated by their content (the latest review date of what they print,
see documents/build.py), so a new build date never makes the document cache stale. The
site's one build date (the sitemap's, the gzip header of sitemap.xml.gz, and the day
"review due" is judged on) comes from `source_date_epoch`:

1. SOURCE_DATE_EPOCH from the environment (https://reproducible-builds.org/specs/source-date-epoch/),
2. else the time of the last commit (`git log -1 --format=%ct`) when the project is a git checkout,
3. else now, said in the build log: such builds are not reproducible.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path

ENV = "SOURCE_DATE_EPOCH"
# The earliest time a zip entry can carry (1980-01-01 00:00), for files without a date.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


class EpochError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a whole number of seconds."""


def source_date_epoch(project: Path, environ: dict[str, str] | None = None) -> tuple[int, str]:
    """The build date as seconds since 1970 (UTC), and where it came from, for the log."""
    environ = os.environ if environ is None else environ
    if value := environ.get(ENV, "").strip():
        if not re.fullmatch(r"\d{1,12}", value):
            raise EpochError(f"{ENV} must be a whole number of seconds since 1970, not {value!r}")
        return int(value), f"{ENV}={value}"
    try:
        result = subprocess.run(
            ["git", "-C", str(project), "log", "-1", "--format=%ct"],
            capture_output=True, text=True, timeout=30, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        result = None
    if result is not None and result.returncode == 0 and re.fullmatch(r"\d+", result.stdout.strip()):
        return int(result.stdout.strip()), "the last git commit"
    return int(time.time()), f"the clock ({ENV} is not set and {project} is not a git checkout): builds will differ"


def iso_date(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def zip_date_time(iso: str) -> tuple[int, int, int, int, int, int]:
    """A zip entry's date_time for an ISO date ('' or before 1980: the zip format's earliest)."""
    if not iso:
        return ZIP_EPOCH
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(timezone.utc)
    return max(ZIP_EPOCH, (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second))


def stable_zip(data: bytes, date_time: tuple[int, int, int, int, int, int] = ZIP_EPOCH) -> bytes:
    """`data` (a zip) rewritten with every entry dated `date_time`, fixed permissions, same order and content."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
