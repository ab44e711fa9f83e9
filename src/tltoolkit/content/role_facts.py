"""A role's planning facts in words: who fills it, weekly hours, release and pay.

The same sentences go on the role page, into its job description (web, PDF, Word) and
into the downloads, so a principal reads one account of a role everywhere. A figure is
printed only with its basis: the toolkit's own estimate from the duties a role lists
(said so, every time), a bibliography entry, or the district's own settings.
"""

from __future__ import annotations

import re

from ..source.models import Planning, Role, RolePlanning
from .labels import FILLED_BY_CLAUSE, PAY, PAY_DECIDE

ESTIMATE = "estimate from the duties in this description; set your own"
CURRENCY_SIGN = {"USD": "$", "CAD": "$", "AUD": "$", "NZD": "$"}


def ranked(role: Role) -> bool:
    """Whether matching and planning may suggest the role: only roles the principal fills."""
    return role.filled_by == "principal"


# A sentence ends at . ! or ? followed by a space and a capital letter or digit (not "e.g. the").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def one_line(role: Role) -> str:
    """The role's one-line summary (the inventory's, on the web and on paper): its tagline when the data
    gives one, else its summary's first sentence."""
    if role.tagline:
        return role.tagline
    return _SENTENCE_END.split(" ".join(role.summary.split()), maxsplit=1)[0]


def who_fills(role: Role) -> str:
    """'The principal appoints ...' or 'Elected by union members in the building; the principal does not appoint it.'"""
    if role.filled_by == "principal":
        return "The principal appoints the teacher leader (or confirms the choice described here)."
    return f"{(role.filled_by_note or '').rstrip('.') or _DEFAULT_NOTE[role.filled_by]}; {FILLED_BY_CLAUSE[role.filled_by]}."


_DEFAULT_NOTE = {
    "election": "Elected by colleagues or members",
    "rotation": "Members take the role in turn",
    "committee": "Chosen on application by a selection panel",
    "district": "Chosen by the district",
}


def hours_text(role: Role) -> str:
    """Typical weekly hours beyond teaching, with their basis; or what to decide when the role gives none."""
    hours = role.hours_per_week
    if hours is None:
        if role.held == "full-release":
            return "The role is the whole working week; no hours beyond it are planned."
        return "Not given as a weekly figure (the work is seasonal or set locally): plan the hours with the teacher leader."
    basis = ESTIMATE if hours.basis == "duties" else "source: " + ", ".join(hours.sources)
    return f"About {_span(hours.low, hours.high)} a week beyond teaching ({basis})."


def release_text(role: Role) -> str:
    if role.held == "full-time-teaching":
        return "None: the role is held alongside a full teaching load."
    if role.held == "full-release":
        return "Full time: the teacher leader is released from teaching."
    if role.release_periods:
        low, high = role.release_periods.low, role.release_periods.high
        count = f"{low}" if low == high else f"{low} to {high}"
        return f"Part of the day: {count} class period{'' if high == 1 else 's'} a day, as this description sets out."
    if role.release_share:
        share = "half" if role.release_share == 0.5 else f"{role.release_share:.0%}"
        return f"Part of the day: about {share} of the school day, as this description sets out."
    return "Part of the day; decide how many periods with the teacher leader."


def pay_text(role: Role) -> str:
    ways = [PAY[way] for way in role.pay]
    return "; ".join([ways[0], *(way[0].lower() + way[1:] for way in ways[1:])]) + "."


def decide_text(role: Role) -> str:
    """What a school decides about pay, in words (no figures): for the role's main pay approach."""
    return PAY_DECIDE[role.pay[0]]


def district_figures(role: Role, planning: Planning | None) -> list[tuple[str, str]]:
    """The district's own amounts for this role, from district.yml, as (label, value) lines."""
    local: RolePlanning | None = planning.roles.get(role.id) if planning else None
    if local is None or planning is None:
        return []
    lines = []
    if local.stipend is not None:
        lines.append(("District stipend", f"{money(local.stipend, planning.currency)} a year"))
    if local.hourly_rate is not None:
        lines.append(("District hourly rate", f"{money(local.hourly_rate, planning.currency)} an hour"))
    if local.hours_per_week is not None:
        lines.append(("District hours", f"{_span(local.hours_per_week, local.hours_per_week)} a week"))
    if local.release_periods is not None:
        share = f" (of {planning.periods_per_day})" if planning.periods_per_day else ""
        lines.append(
            (
                "District release",
                f"{local.release_periods} class period{'' if local.release_periods == 1 else 's'} a day{share}",
            )
        )
    if local.note:
        lines.append(("District figures from", local.note))
    return lines


def time_facts(role: Role, planning: Planning | None = None) -> list[tuple[str, str]]:
    local = [line for line in district_figures(role, planning) if line[0] in ("District hours", "District release")]
    return [("Weekly hours", hours_text(role)), ("Release from teaching", release_text(role)), *local]


def pay_facts(role: Role, planning: Planning | None = None) -> list[tuple[str, str]]:
    local = [line for line in district_figures(role, planning) if line[0] not in ("District hours", "District release")]
    facts = [("Pay approach", pay_text(role)), *local]
    if not any(label in ("District stipend", "District hourly rate") for label, _ in local):
        facts.append(("To decide", decide_text(role)))
    return facts


def money(amount: float, currency: str) -> str:
    figure = f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"
    sign = CURRENCY_SIGN.get(currency)
    return f"{sign}{figure}" if sign and currency == "USD" else f"{figure} {currency}"


def _span(low: float, high: float) -> str:
    """'1.5 to 2 hours', '15 to 30 minutes', '2 hours'."""
    if high < 1:
        lo, hi = round(low * 60), round(high * 60)
        return f"{lo} minutes" if lo == hi else f"{lo} to {hi} minutes"
    unit = "hour" if high == 1 else "hours"
    return f"{low:g} {unit}" if low == high else f"{low:g} to {high:g} {unit}"
