"""Words readers see for the coded values in the data (enums -> labels)."""

from __future__ import annotations

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
