"""The shape of every data file, as pydantic models.

Field names here are the data contract: the YAML files, the docs and later tools
rely on them. Models are strict (no type coercion) and forbid unknown fields, so a
typo such as `titel` is reported instead of silently ignored.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]


def items(low: int, high: int | None = None, of: type = Text) -> type:  # type: ignore[type-arg]
    """A list of `of` with between `low` and `high` entries."""
    return Annotated[list[of], Field(min_length=low, max_length=high)]  # type: ignore[valid-type,return-value]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Stewarded(Model):
    """Who keeps an item current: when it was last checked, and where its content comes from."""

    reviewed: date | None = Field(
        None, description="When someone last checked this item against practice, written YYYY-MM-DD (not in the future)."
    )
    source: Text | None = Field(
        None, description="Where the content comes from, in a short note, e.g. 'Adapted from ..., revised by ...'."
    )

    @field_validator("reviewed")
    @classmethod
    def _not_in_future(cls, value: date | None) -> date | None:
        if value is not None and value > date.today():
            raise ValueError(f"the review date {value.isoformat()} is in the future")
        return value


# --- skills.yml -------------------------------------------------------------


class Competency(Model):
    name: Text
    description: Text


class Skill(Model):
    id: Slug
    name: Text
    summary: Text
    description: Text
    competencies: items(3, 6, Competency)


class SkillsFile(Model):
    skills: items(1, None, Skill)


# --- roles.yml --------------------------------------------------------------

Category = Literal[
    "teams", "mentoring", "coaching", "governance", "student-support",
    "curriculum", "family-community", "district",
]  # fmt: skip
Held = Literal["full-time-teaching", "partial-release", "full-release"]
Scope = Literal["team", "school", "district"]
Selection = Literal["volunteer", "rotation", "principal-appointed", "elected", "application"]


class Role(Stewarded):
    id: Slug
    title: Text
    category: Category
    held: Held
    scope: Scope
    skills: items(1, 4, Slug)
    summary: Text
    responsibilities: items(4, 10)
    qualifications: items(2, 8)
    look_fors: items(2, 8)
    selection: Selection
    selection_detail: Text
    time_commitment: Text
    compensation: Text
    reports_to: Text
    evaluated_by: Text
    term: Text
    support: items(1, 6)


class RolesFile(Model):
    roles: items(1, None, Role)


# --- principal_moves.yml ----------------------------------------------------


class Move(Model):
    id: Slug
    move: Text
    why: Text
    example: Text


class SkillMoves(Model):
    skill: Slug
    moves: items(1, 12, Move)


class MovesFile(Model):
    principal_moves: items(1, None, SkillMoves)


# --- conditions.yml ---------------------------------------------------------


class Condition(Stewarded):
    id: Slug
    name: Text
    description: Text
    signs: items(1, 6)
    strategies: items(2, 8)


class ConditionsFile(Model):
    conditions: items(1, None, Condition)


# --- job_description.yml ----------------------------------------------------

SectionId = Literal[
    "role-title", "role-summary", "responsibilities", "qualifications", "supervision",
    "selection-and-term", "compensation", "time-commitment", "support",
]  # fmt: skip
SECTION_IDS: tuple[str, ...] = SectionId.__args__  # type: ignore[attr-defined]


class TemplateSection(Model):
    id: SectionId
    title: Text
    guidance: Text
    prompts: items(1, 6)


class JobDescriptionTemplate(Model):
    title: Text
    purpose: Text
    how_to_use: items(1, 8)
    sections: items(len(SECTION_IDS), len(SECTION_IDS), TemplateSection)


# --- guides/<id>.yml --------------------------------------------------------


class Preparation(Model):
    principal: items(1, 6)
    teacher_leader: items(1, 6)


class GuideStep(Model):
    title: Text
    minutes: Annotated[int, Field(ge=1, le=120)]
    questions: items(1, 6)
    note: Text | None = None


class Guide(Stewarded):
    id: Slug
    title: Text
    challenge: Text
    purpose: Text
    participants: Text
    when_to_use: Text
    prepare: Preparation
    steps: items(2, 10, GuideStep)
    agreements: items(1, 6)
    next_steps: items(1, 6)
    skills: items(1, 6, Slug)
    roles: items(0, 20, Slug)

    @property
    def minutes(self) -> int:
        return sum(step.minutes for step in self.steps)


# --- focus_area.yml ---------------------------------------------------------


class ActionStep(Model):
    title: Text
    steps: items(1, 8)


class Objective(Model):
    title: Text
    action_steps: items(1, 6, ActionStep)


class FocusArea(Model):
    title: Text
    vision: items(1, 4)
    essential_questions: items(1, 8)
    audience: Text
    most_useful: Text
    objectives: items(1, 8, Objective)


# --- competencies.yml -------------------------------------------------------


class Level(Model):
    level: Annotated[int, Field(ge=1, le=9)]
    name: Text
    description: Text


class LevelEvidence(Model):
    level: Annotated[int, Field(ge=1, le=9)]
    evidence: Text


class FrameworkCompetency(Model):
    id: Slug
    name: Text
    description: Text
    levels: items(1, 9, LevelEvidence)


class Stance(Model):
    id: Slug
    name: Text
    description: Text
    competencies: items(1, 8, FrameworkCompetency)


class CompetencyFramework(Model):
    levels: items(1, 9, Level)
    stances: items(1, 8, Stance)


# --- reflection.yml ---------------------------------------------------------


class ReflectionTheme(Model):
    id: Slug
    title: Text
    intro: Text
    questions: items(2, 10)


class ReflectionFile(Model):
    themes: items(1, None, ReflectionTheme)


# --- bibliography.yml -------------------------------------------------------


class Work(Model):
    id: Slug
    kind: Literal["book", "article", "report", "chapter"]
    authors: items(1, 12)
    year: Annotated[int, Field(ge=1900, le=2100)]
    title: Text
    journal: Text | None = None
    volume: int | None = None
    issue: Text | None = None
    pages: Text | None = None
    publisher: Text | None = None
    note: Text


class Bibliography(Model):
    entries: items(1, None, Work)
