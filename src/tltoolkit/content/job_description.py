"""A role's job description as content: the template's sections filled from the role.

The same objects feed the role's web page and its printable documents, so the two
can never disagree about what a role involves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..source.models import JobDescriptionTemplate, Planning, Role
from . import role_facts
from .labels import SELECTION


@dataclass(frozen=True)
class Section:
    """One section of a job description; empty content means the blank template."""

    id: str
    title: str
    guidance: str
    prompts: list[str]
    text: str = ""
    items: list[str] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.text or self.items or self.facts)


def job_description(
    template: JobDescriptionTemplate, role: Role | None = None, planning: Planning | None = None
) -> list[Section]:
    """The template's sections, filled from `role` (with the district's `planning` figures), or blank when `role` is None."""
    return [
        Section(s.id, s.title, s.guidance, list(s.prompts), **(_content(s.id, role, planning) if role else {}))
        for s in template.sections
    ]


def _content(section_id: str, role: Role, planning: Planning | None = None) -> dict[str, Any]:
    match section_id:
        case "role-title":
            return {"text": role.title}
        case "role-summary":
            return {"text": role.summary}
        case "responsibilities":
            return {"items": list(role.responsibilities)}
        case "qualifications":
            return {"items": list(role.qualifications)}
        case "supervision":
            return {"facts": [("Reports to", role.reports_to), ("Evaluated by", role.evaluated_by)]}
        case "selection-and-term":
            selection = f"{SELECTION[role.selection]}. {role.selection_detail}"
            who = ("Who fills it", role_facts.who_fills(role))
            return {"facts": [who, ("Selection", selection), ("Length of service", role.term)]}
        case "compensation":
            return {"text": role.compensation, "facts": role_facts.pay_facts(role, planning)}
        case "time-commitment":
            return {"text": role.time_commitment, "facts": role_facts.time_facts(role, planning)}
        case "support":
            return {"items": list(role.support)}
    raise ValueError(f"no content rule for job-description section {section_id!r}")
