"""A role's support plan as content: goals, the principal's support and time, evidence, two check-ins.

The principal's support is drawn from the principal moves for the role's skills and the
support the role lists; the check-ins ask about the role's own responsibilities and the
competencies of its skills. The same objects feed the fillable PDF and the Word file.
`support_plan(catalog, None)` is the blank plan, with rows to write in.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..source.catalog import Catalog
from ..source.models import Role
from . import role_facts
from .texts import SUPPORT_PLAN, SupportPlanWords

# Moves offered per skill: the first few of the skill's moves, enough to choose from on one page.
MOVES_PER_SKILL = 4


@dataclass(frozen=True)
class Choice:
    """Something the principal can tick, with a field for how and when."""

    id: str
    text: str


@dataclass(frozen=True)
class SkillSupport:
    skill: str
    moves: tuple[Choice, ...]


@dataclass(frozen=True)
class Row:
    """One row of a check-in: a responsibility or a skill (empty in the blank plan: written in)."""

    id: str
    label: str
    detail: str = ""  # a skill's competencies, in a line


@dataclass(frozen=True)
class CheckIn:
    id: str  # "midyear" or "year-end": prefixes the PDF's field names
    title: str
    responsibilities: tuple[Row, ...]
    skills: tuple[Row, ...]
    next_label: str


@dataclass(frozen=True)
class SupportPlan:
    title: str
    summary: str
    time: tuple[tuple[str, str], ...]  # the role's time facts, as its description states them
    skill_support: tuple[SkillSupport, ...]
    role_support: tuple[Choice, ...]
    evaluated_by: str
    evidence: tuple[Choice, ...]
    check_ins: tuple[CheckIn, ...]
    blank: bool = False
    words: SupportPlanWords = SUPPORT_PLAN


def support_plan(catalog: Catalog, role: Role | None) -> SupportPlan:
    """The role's support plan, or the blank one when `role` is None."""
    words = SUPPORT_PLAN
    evidence = tuple(Choice(f"evidence-{n}", text) for n, text in enumerate(words.evidence_kinds, start=1))
    if role is None:
        rows = tuple(Row(f"row-{n}", "") for n in range(1, words.blank_rows + 1))
        blank_skills = tuple(Row(f"skill-{n}", "") for n in range(1, words.blank_skills + 1))
        return SupportPlan(
            title=words.blank_title,
            summary="",
            time=(),
            skill_support=(),
            role_support=(),
            evaluated_by="",
            evidence=evidence,
            check_ins=_check_ins(rows, blank_skills),
            blank=True,
        )
    skills = catalog.skills_named(role.skills)
    support = tuple(
        SkillSupport(
            skill.name,
            tuple(
                Choice(f"move-{skill.id}-{move.id}", move.move)
                for move in catalog.moves.get(skill.id, [])[:MOVES_PER_SKILL]
            ),
        )
        for skill in skills
    )
    duties = tuple(Row(f"duty-{n}", duty) for n, duty in enumerate(role.responsibilities, start=1))
    shown = tuple(
        Row(f"skill-{skill.id}", skill.name, "; ".join(competency.name for competency in skill.competencies))
        for skill in skills
    )
    return SupportPlan(
        title=role.title,
        summary=role.summary,
        time=tuple(role_facts.time_facts(role, catalog.planning)),
        skill_support=tuple(entry for entry in support if entry.moves),
        role_support=tuple(Choice(f"support-{n}", text) for n, text in enumerate(role.support, start=1)),
        evaluated_by=role.evaluated_by,
        evidence=evidence,
        check_ins=_check_ins(duties, shown),
    )


def _check_ins(duties: tuple[Row, ...], skills: tuple[Row, ...]) -> tuple[CheckIn, ...]:
    words = SUPPORT_PLAN
    return (
        CheckIn("midyear", words.midyear, duties, skills, words.midyear_next),
        CheckIn("year-end", words.year_end, duties, skills, words.year_end_next),
    )
