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


# --- district.yml: a district's own name, branding and data -----------------

HexColour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$", max_length=254)]
WebAddress = Annotated[str, StringConstraints(pattern=r"^https?://[^\s/$.?#][^\s]*$", max_length=400)]


class Colours(Model):
    primary: HexColour = Field(
        description="Header bar, links and headings, as '#rrggbb'. White text on it must reach a contrast of 4.5:1."
    )
    accent: HexColour | None = Field(
        None, description="Links on hover and highlights, as '#rrggbb'; at least 3:1 against white. Default: the primary."
    )


class Contact(Model):
    name: Text = Field(description="Who to ask about the toolkit, e.g. 'Office of Teacher Leadership'.")
    email: Email | None = Field(None, description="An address people can write to.")
    phone: Text | None = Field(None, description="A phone number, written as people should dial it.")
    url: WebAddress | None = Field(None, description="A web page, starting with https:// or http://.")


class Removals(Model):
    roles: list[Slug] = Field(default_factory=list, description="Toolkit roles this district does not use.")
    conditions: list[Slug] = Field(default_factory=list, description="Toolkit school conditions to leave out.")
    guides: list[Slug] = Field(default_factory=list, description="Toolkit discussion guides to leave out.")
    moves: dict[Slug, list[Slug]] = Field(
        default_factory=dict, description="Principal moves to leave out: skill id -> list of move ids."
    )


class DistrictFile(Model):
    """One district's settings: who it is, how the site and documents look, and where its own data lives."""

    name: Text = Field(description="The district's full name, e.g. 'Riverside Unified School District'.")
    short_name: Text | None = Field(None, description="A short form for headers, e.g. 'Riverside Unified'.")
    site_name: Text | None = Field(
        None, description="The site's title. Default: '<short name> Teacher Leadership Toolkit'."
    )
    logo: Text | None = Field(
        None, description="Logo image (.svg or .png), as a path relative to this file and inside its folder."
    )
    colours: Colours | None = Field(None, description="Brand colours for the site and the documents.")
    contact: Contact | None = Field(None, description="Who to contact; shown in the site footer and on documents.")
    licence: Text | None = Field(
        None, description="The licence or copyright line for the site footer and every document."
    )
    paper: Literal["letter", "a4"] = Field("letter", description="Paper size of the printable documents.")
    review_after_months: Annotated[int, Field(ge=1, le=120)] | None = Field(
        24, description="Flag roles, guides and conditions last reviewed longer ago than this; null to never flag."
    )
    overlay: Text | None = Field(
        None,
        description="Folder (relative to this file) of the district's own data files, named like the toolkit's: "
        "items with a toolkit id replace the toolkit's item, new ids are added.",
    )
    remove: Removals = Field(default_factory=Removals, description="Toolkit items the district leaves out.")
