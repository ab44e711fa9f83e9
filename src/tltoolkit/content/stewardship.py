"""The "Last reviewed … · Source: …" line that roles, guides and conditions carry.

Web pages, PDFs and Word files all print it from here, so they say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol


class _Stewarded(Protocol):
    reviewed: date | None
    source: str | None


def long_date(value: date) -> str:
    """15 September 2026: the month spelled out, so no reader mistakes day for month."""
    return f"{value.day} {value:%B %Y}"


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (a month counts once its day is reached)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


@dataclass(frozen=True)
class Review:
    """When an item counts as due for review: `months` after its review date (None: never flagged)."""

    months: int | None = None
    today: date = field(default_factory=date.today)

    def due(self, item: _Stewarded) -> bool:
        if not self.months or item.reviewed is None:
            return False
        return months_between(item.reviewed, self.today) >= self.months

    def line(self, item: _Stewarded, flag_due: bool = False) -> str:
        """'Last reviewed 15 September 2026 · Source: …', or '' when the item has neither."""
        parts = []
        if item.reviewed:
            due = " (review due)" if flag_due and self.due(item) else ""
            parts.append(f"Last reviewed {long_date(item.reviewed)}{due}")
        if item.source:
            parts.append(f"Source: {' '.join(item.source.split())}")
        return " · ".join(parts)
