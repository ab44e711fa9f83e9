"""Reproducible builds: dates that come from the input, and zip files without clock times.

Two builds of the same input, in separate checkouts or copies with no git at all, give
byte-identical pages, PDFs, Word files and offline zip. Documents are dated by their content
(the latest review date of what they print, see documents/build.py), so a new build date never
makes the document cache stale. The site's one build date (the sitemap's, the gzip header of
sitemap.xml.gz, the offline zip's entries, and the day "review due" is judged on) comes from
`build_date`, never from the clock:

1. SOURCE_DATE_EPOCH from the environment (https://reproducible-builds.org/specs/source-date-epoch/),
2. else the time of the last commit (`git log -1 --format=%ct`) when the project is a git checkout,
3. else the latest `reviewed:` date in the data (the content's own date),
4. else no date: files are stamped 1980-01-01 00:00 UTC (`UNDATED`, the earliest time a zip
   entry can carry, which tools read as "no date"), the sitemap states no dates, and no item
   is flagged "review due". A SOURCE_DATE_EPOCH at or before 1980-01-01 means the same.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import BinaryIO

ENV = "SOURCE_DATE_EPOCH"
# The earliest time a zip entry can carry (1980-01-01 00:00), for files without a date.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
UNDATED = 315532800  # ZIP_EPOCH in seconds since 1970: the build date when there is none
UNIX = 3  # a zip entry's "made on" system: the same on every build machine
FILE_MODE = 0o644  # rw-r--r--, whatever the permissions of the files on the build machine


class EpochError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a whole number of seconds."""


@dataclass(frozen=True)
class BuildDate:
    """The build's date, where it came from (for the log), and whether it is a real date at all."""

    epoch: int  # seconds since 1970, UTC; UNDATED when there is no date
    origin: str
    known: bool  # False: files carry UNDATED, and no page may state the date or judge against it

    @property
    def day(self) -> date | None:
        return datetime.fromtimestamp(self.epoch, tz=UTC).date() if self.known else None


def build_date(
    project: Path, content_dates: Iterable[date] = (), environ: Mapping[str, str] | None = None
) -> BuildDate:
    """The build date: SOURCE_DATE_EPOCH, else the last commit, else the content's latest date, else none."""
    if value := (os.environ if environ is None else environ).get(ENV, "").strip():
        if not re.fullmatch(r"\d{1,12}", value):
            raise EpochError(f"{ENV} must be a whole number of seconds since 1970, not {value!r}")
        if int(value) <= UNDATED:
            return BuildDate(UNDATED, f"{ENV}={value}, which means no date: {_UNDATED_EFFECTS}", known=False)
        return BuildDate(int(value), f"{ENV}={value}", known=True)
    if (commit := _last_commit(project)) is not None:
        return BuildDate(commit, "the last git commit", known=True)
    if latest := max(content_dates, default=None):
        epoch = int(datetime(latest.year, latest.month, latest.day, tzinfo=UTC).timestamp())
        return BuildDate(
            epoch,
            f"the latest review date in the data ({ENV} is not set and {project} is not a git checkout)",
            known=True,
        )
    return BuildDate(
        UNDATED,
        f"nowhere: {ENV} is not set, {project} is not a git checkout and the data has no review dates; {_UNDATED_EFFECTS}",
        known=False,
    )


_UNDATED_EFFECTS = "files are dated 1980-01-01 (no date), the sitemap states no dates and 'review due' is off"


def _last_commit(project: Path) -> int | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(project), "log", "-1", "--format=%ct"],
            capture_output=True, text=True, timeout=30, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode == 0 and re.fullmatch(r"\d+", result.stdout.strip()):
        return int(result.stdout.strip())
    return None


def content_dates(*groups: Iterable[object]) -> list[date]:
    """Every `reviewed` date among the items of `groups` (roles, guides, conditions)."""
    return [reviewed for group in groups for item in group if (reviewed := getattr(item, "reviewed", None))]


def iso_date(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def zip_date_time(iso: str) -> tuple[int, int, int, int, int, int]:
    """A zip entry's date_time for an ISO date ('' or before 1980: the zip format's earliest)."""
    if not iso:
        return ZIP_EPOCH
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(UTC)
    return max(ZIP_EPOCH, (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second))


def write_zip(
    target: Path | BinaryIO,
    entries: Iterable[tuple[str, bytes]],
    date_time: tuple[int, int, int, int, int, int] = ZIP_EPOCH,
    stored: tuple[str, ...] = (),
) -> int:
    """The one zip writer (Word files, the offline copy): entries in the order given, each dated
    `date_time`, made on "Unix" with mode 644, deflated, except names ending in one of `stored`
    (lower case), which are stored as they are. Returns the number of entries."""
    count = 0
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_STORED if name.lower().endswith(stored) else zipfile.ZIP_DEFLATED
            info.create_system = UNIX
            info.external_attr = FILE_MODE << 16
            archive.writestr(info, data)
            count += 1
    return count


def stable_zip(data: bytes, date_time: tuple[int, int, int, int, int, int] = ZIP_EPOCH) -> bytes:
    """`data` (a zip) rewritten by `write_zip`: same order and content, no clock times or machine traits."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        write_zip(out, ((entry.filename, source.read(entry.filename)) for entry in source.infolist()), date_time)
    return out.getvalue()
