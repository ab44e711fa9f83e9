"""Provenance lines: who reviewed an item and when, and which published works it follows.

Roles, guides and conditions say whether a person has reviewed them ("Reviewed 3 March 2027
by M. Chen" or "Not yet reviewed by your district: adapt it before use"); they and the
resource pages credit their sources ("Sources: …"). Web pages, PDFs and Word files all take
their wording from here, so they say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from ..source.models import Work

WRITTEN_HERE = "Written for this toolkit"


class _Credited(Protocol):
    sources: list[str]
    adapted: str | None


class _Stewarded(_Credited, Protocol):
    reviewed: date | None
    reviewed_by: str | None


def long_date(value: date) -> str:
    """15 September 2026: the month spelled out, so no reader mistakes day for month."""
    return f"{value.day} {value:%B %Y}"


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (a month counts once its day is reached)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


def who(work: Work) -> str:
    """'Berg', 'Mangin and Stoelinga', 'Spillane et al.', or the organization: the short credit."""
    people = work.authors or work.editors
    families = [name.split(",")[0].strip() for name in people]
    if len(families) > 2:
        return f"{families[0]} et al."
    if families:
        return " and ".join(families)
    return work.organization or "author not recorded"


def short_citation(work: Work) -> str:
    """'Leading in sync (Berg, 2018)': title first, so several works of one organization stay apart."""
    title = work.title.split(":")[0].strip() if work.kind != "web" else work.title
    return f"{title} ({who(work)}, {work.year})"


@dataclass(frozen=True)
class Credit:
    id: str  # the bibliography entry's id, which is also its anchor on the bibliography page
    label: str


@dataclass(frozen=True)
class Review:
    """How provenance reads: `months` after a review an item is due again (None: never flagged).

    `district` names who should review an unreviewed item ("" for the generic "your district");
    `works` are the bibliography entries, by id, that credits point to.
    """

    months: int | None = None
    today: date = field(default_factory=date.today)
    district: str = ""
    works: Mapping[str, Work] = field(default_factory=dict)

    def with_works(self, works: Iterable[Work]) -> Review:
        return Review(self.months, self.today, self.district, {work.id: work for work in works})

    # --- review -----------------------------------------------------------------

    def reviewed(self, item: _Stewarded) -> bool:
        return item.reviewed is not None and bool(item.reviewed_by)

    def due(self, item: _Stewarded) -> bool:
        """Reviewed, and longer ago than the district's interval. Never-reviewed items are not 'due': they say so."""
        if not self.months or not self.reviewed(item):
            return False
        assert item.reviewed is not None
        return months_between(item.reviewed, self.today) >= self.months

    def status(self, item: _Stewarded, flag_due: bool = False) -> str:
        """'Reviewed 3 March 2027 by M. Chen', or 'Not yet reviewed by your district: adapt it before use'."""
        if not self.reviewed(item):
            return f"Not yet reviewed by {self.district or 'your district'}: adapt it before use"
        assert item.reviewed is not None and item.reviewed_by is not None
        due = " (review due)" if flag_due and self.due(item) else ""
        return f"Reviewed {long_date(item.reviewed)} by {' '.join(item.reviewed_by.split())}{due}"

    # --- sources ----------------------------------------------------------------

    def credits(self, item: _Credited) -> list[Credit]:
        """The item's sources as short citations, in the order given (ids are validated against the bibliography)."""
        return [Credit(i, short_citation(self.works[i]) if i in self.works else i) for i in item.sources]

    def adapted(self, item: _Credited) -> str:
        """The note on what follows the sources, or 'Written for this toolkit' when nothing does."""
        note = " ".join(item.adapted.split()) if item.adapted else ""
        return note or ("" if item.sources else WRITTEN_HERE)

    def sources_line(self, item: _Credited) -> str:
        """'Sources: A (X, 2018); B (Y, n.d.). How it adapts them.' or 'Written for this toolkit.' (plain text)."""
        credits = "; ".join(credit.label for credit in self.credits(item))
        note = self.adapted(item)
        parts = [f"Sources: {credits}." if credits else "", f"{note.rstrip('.')}." if note else ""]
        return " ".join(part for part in parts if part)

    def line(self, item: _Stewarded, flag_due: bool = False) -> str:
        """Review status and sources on one line, for paper and Word: '… · Sources: …'."""
        return f"{self.status(item, flag_due)} · {self.sources_line(item)}"
