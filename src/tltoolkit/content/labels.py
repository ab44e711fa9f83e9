"""Words readers see for the coded values in the data (enums -> labels)."""

from __future__ import annotations

from collections.abc import Callable

HELD = {
    "full-time-teaching": "While teaching full time",
    "partial-release": "Partial release",
    "full-release": "Full release",
}
SCOPE = {"team": "Team", "school": "School", "district": "District"}
SELECTION = {
    "volunteer": "Volunteers",
    "rotation": "Rotates among staff",
    "principal-appointed": "Chosen by the principal",
    "elected": "Elected by colleagues",
    "application": "Application and selection",
}
CATEGORY = {
    "teams": "Team leadership",
    "mentoring": "Mentoring and induction",
    "coaching": "Coaching and instructional support",
    "governance": "School leadership and decision making",
    "student-support": "Student support",
    "curriculum": "Curriculum and assessment",
    "family-community": "Families, community and equity",
    "district": "District roles",
}
WORK_KIND = {
    "book": "Books",
    "report": "Reports",
    "article": "Articles",
    "chapter": "Chapters",
    "web": "Resources published online",
}
FILLED_BY = {
    "principal": "The principal",
    "election": "Election",
    "rotation": "Members in turn",
    "committee": "A selection panel",
    "district": "The district",
}
# Said after the note on every role the principal does not fill (matching, role page, job description).
FILLED_BY_CLAUSE = {
    "election": "the principal does not appoint it",
    "rotation": "the principal does not pick who takes it",
    "committee": "the principal does not appoint it alone",
    "district": "the principal does not appoint it",
}
PAY = {
    "stipend": "A stipend",
    "hourly": "Hourly pay for work outside the contract day",
    "release": "Release from part of the teaching load",
    "salary-schedule": "Paid as a teacher on the salary schedule",
    "none-typical": "Often unpaid",
    "outside": "Paid or recognized by another body, such as a university or the union",
}
# What to settle about pay, in words only: the toolkit gives no amount without a published source.
PAY_DECIDE = {
    "stipend": (
        "Set the yearly amount and when it is paid, in line with your contract. Districts commonly weigh the hours "
        "beyond the contract day, how many colleagues or students the role serves, and what comparable roles receive."
    ),
    "hourly": (
        "Decide which hours count (meetings, preparation, summer days), the contract rate that applies, and how the "
        "hours are logged and approved."
    ),
    "release": (
        "Decide which periods are released and who teaches those classes: released time costs part of a teaching "
        "position, which the staffing plan has to cover. Check what your contract says about release for the role."
    ),
    "salary-schedule": (
        "The teacher stays on the salary schedule. Decide any extra days or supplement, how the position is funded, "
        "and whether your contract guarantees a return to a classroom position."
    ),
    "none-typical": (
        "Decide whether time outside the contract day is paid at the hourly rate, or how else the school recognizes "
        "the work, such as professional learning credit or relief from a duty."
    ),
    "outside": (
        "Another body sets any pay or honorarium: confirm with it what the teacher receives, and what, if anything, "
        "the school adds."
    ),
}


# Template filters for the codes (`{{ role.held|held }}`), the same for web pages and printed documents.
FILTERS: dict[str, Callable[[str], str]] = {
    "held": HELD.__getitem__,
    "scope": SCOPE.__getitem__,
    "selection": SELECTION.__getitem__,
    "category": CATEGORY.__getitem__,
    "filled_by": FILLED_BY.__getitem__,
}
