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
    """A teacher-leader competency within a skill."""

    name: Text = Field(description="Short name of the competency, e.g. 'Reads data with colleagues'.")
    description: Text = Field(description="What a teacher leader with this competency does, in one or two sentences.")


class Skill(Model):
    """A core leadership skill."""

    id: Slug = Field(description="Unique id; roles, guides and principal moves refer to the skill by it.")
    name: Text = Field(description="The skill's name as headings and filters show it.")
    summary: Text = Field(description="One sentence shown in lists and on role pages.")
    description: Text = Field(description="A paragraph on what the skill means for a teacher leader.")
    competencies: items(3, 6, Competency) = Field(description="3 to 6 competencies that make up the skill.")


class SkillsFile(Model):
    skills: items(1, None, Skill) = Field(description="The core leadership skills, in the order the site lists them.")


# --- roles.yml --------------------------------------------------------------

Category = Literal[
    "teams", "mentoring", "coaching", "governance", "student-support",
    "curriculum", "family-community", "district",
]  # fmt: skip
Held = Literal["full-time-teaching", "partial-release", "full-release"]
Scope = Literal["team", "school", "district"]
Selection = Literal["volunteer", "rotation", "principal-appointed", "elected", "application"]


class Role(Stewarded):
    """A formal teacher leader role, with its job-description details."""

    id: Slug = Field(
        description="Unique id, also the page address /roles/<id>/ and the file name of its job description."
    )
    title: Text = Field(description="The role's name as staff know it; must be unique.")
    category: Category = Field(description="The kind of work, which groups roles in the inventory.")
    held: Held = Field(description="Held alongside full-time teaching, with part of the day released, or full time.")
    scope: Scope = Field(description="Who the role serves: a team, the whole school, or the district.")
    skills: items(1, 4, Slug) = Field(description="1 to 4 skill ids from skills.yml, most central first.")
    summary: Text = Field(
        description="A short paragraph on what this teacher leader does and why it matters to students."
    )
    responsibilities: items(4, 10) = Field(
        description="4 to 10 duties, most important first, each starting with a verb."
    )
    qualifications: items(2, 8) = Field(description="2 to 8 things the person needs before taking the role.")
    look_fors: items(2, 8) = Field(description="2 to 8 signs, seen in daily work, that a teacher would fit the role.")
    selection: Selection = Field(description="How the person is chosen.")
    selection_detail: Text = Field(
        description="How selection works in practice: who decides, when, and on what evidence."
    )
    time_commitment: Text = Field(description="Hours a week or a month, and the busy times of the year.")
    compensation: Text = Field(description="Stipend, release time or other recognition, as the contract sets it.")
    reports_to: Text = Field(description="The person the teacher leader answers to for this role.")
    evaluated_by: Text = Field(description="Who gives feedback on the role's work, and how often.")
    term: Text = Field(description="How long the appointment lasts and how it is renewed.")
    support: items(1, 6) = Field(description="1 to 6 kinds of training, time or coaching the school provides.")


class RolesFile(Model):
    roles: items(1, None, Role) = Field(description="The role inventory: one entry per formal teacher leader role.")


# --- principal_moves.yml ----------------------------------------------------


class Move(Model):
    """Something a principal does to support teacher leaders with a skill."""

    id: Slug = Field(description="Unique id within its skill.")
    move: Text = Field(description="What the principal does, starting with a verb.")
    why: Text = Field(description="Why the move helps teacher leaders with this skill.")
    example: Text = Field(description="A concrete example from a school.")


class SkillMoves(Model):
    skill: Slug = Field(description="Skill id from skills.yml these moves support.")
    moves: items(1, 12, Move) = Field(description="1 to 12 principal moves for the skill.")


class MovesFile(Model):
    principal_moves: items(1, None, SkillMoves) = Field(
        description="For each skill, the principal moves that support it; every skill needs an entry."
    )


# --- conditions.yml ---------------------------------------------------------


class Condition(Stewarded):
    """A school condition teacher leaders need, with signs and strategies."""

    id: Slug = Field(description="Unique id of the condition.")
    name: Text = Field(description="The condition's name, as a heading.")
    description: Text = Field(description="What the condition is and why teacher leaders need it.")
    signs: items(1, 6) = Field(description="1 to 6 observable signs that the condition is in place.")
    strategies: items(2, 8) = Field(description="2 to 8 sample strategies a school can use to build the condition.")


class ConditionsFile(Model):
    conditions: items(1, None, Condition) = Field(description="The school conditions teacher leaders need.")


# --- job_description.yml ----------------------------------------------------

SectionId = Literal[
    "role-title", "role-summary", "responsibilities", "qualifications", "supervision",
    "selection-and-term", "compensation", "time-commitment", "support",
]  # fmt: skip
SECTION_IDS: tuple[str, ...] = SectionId.__args__  # type: ignore[attr-defined]


class TemplateSection(Model):
    """One section of the job-description template."""

    id: SectionId = Field(description="Which section of the job description this is (fixed list, fixed order).")
    title: Text = Field(description="The section's heading.")
    guidance: Text = Field(description="Advice for filling in the section.")
    prompts: items(1, 6) = Field(description="1 to 6 questions that help the writer fill it in.")


class JobDescriptionTemplate(Model):
    title: Text = Field(description="The template's title.")
    purpose: Text = Field(description="What the template is for, in a paragraph.")
    how_to_use: items(1, 8) = Field(description="1 to 8 steps for using the template.")
    sections: items(len(SECTION_IDS), len(SECTION_IDS), TemplateSection) = Field(
        description="One entry per section, in the fixed order."
    )


# --- guides/<id>.yml --------------------------------------------------------


class Preparation(Model):
    """What each participant prepares before the conversation."""

    principal: items(1, 6) = Field(description="1 to 6 things the principal does before the conversation.")
    teacher_leader: items(1, 6) = Field(description="1 to 6 things the teacher leader does before the conversation.")


class GuideStep(Model):
    """One step of a discussion guide."""

    title: Text = Field(description="The step's name.")
    minutes: Annotated[int, Field(ge=1, le=120)] = Field(
        description="Minutes the step takes (1 to 120).", examples=[10]
    )
    questions: items(1, 6) = Field(description="1 to 6 questions to discuss in this step.")
    note: Text | None = Field(default=None, description="Optional advice for whoever leads the step.")


class Guide(Stewarded):
    """A discussion guide for a conversation between a principal and a teacher leader."""

    id: Slug = Field(
        description="Unique id; must match the file name (guides/<id>.yml) and gives the page address /guides/<id>/."
    )
    title: Text = Field(description="The guide's title, naming the situation it helps with.")
    challenge: Text = Field(description="The problem this conversation addresses, as a principal would recognize it.")
    purpose: Text = Field(description="What the conversation should produce.")
    participants: Text = Field(description="Who takes part.")
    when_to_use: Text = Field(description="When to hold the conversation.")
    prepare: Preparation = Field(description="What each participant prepares beforehand.")
    steps: items(2, 10, GuideStep) = Field(description="2 to 10 steps of the conversation, in order.")
    agreements: items(1, 6) = Field(description="1 to 6 agreements the conversation should end with.")
    next_steps: items(1, 6) = Field(description="1 to 6 follow-up actions after the conversation.")
    skills: items(1, 6, Slug) = Field(description="1 to 6 skill ids from skills.yml the guide draws on.")
    roles: items(0, 20, Slug) = Field(description="Role ids from roles.yml the guide is written for (may be empty).")

    @property
    def minutes(self) -> int:
        return sum(step.minutes for step in self.steps)


# --- focus_area.yml ---------------------------------------------------------


class ActionStep(Model):
    title: Text = Field(description="The action step's name.")
    steps: items(1, 8) = Field(description="1 to 8 concrete steps.")


class Objective(Model):
    title: Text = Field(description="The objective.")
    action_steps: items(1, 6, ActionStep) = Field(description="1 to 6 action steps toward the objective.")


class FocusArea(Model):
    title: Text = Field(description="The focus area's title.")
    vision: items(1, 4) = Field(description="1 to 4 paragraphs describing the vision.")
    essential_questions: items(1, 8) = Field(description="1 to 8 questions the focus area answers.")
    audience: Text = Field(description="Who the focus area is for.")
    most_useful: Text = Field(description="When the focus area is most useful.")
    objectives: items(1, 8, Objective) = Field(description="1 to 8 objectives, each with action steps.")


# --- competencies.yml -------------------------------------------------------


class Level(Model):
    level: Annotated[int, Field(ge=1, le=9)] = Field(description="Level number, 1 upwards, in order.")
    name: Text = Field(description="The level's name.")
    description: Text = Field(description="What practice at this level looks like.")


class LevelEvidence(Model):
    level: Annotated[int, Field(ge=1, le=9)] = Field(description="Level number from the framework's levels.")
    evidence: Text = Field(description="What a teacher leader shows at this level.")


class FrameworkCompetency(Model):
    id: Slug = Field(description="Unique id within its stance.")
    name: Text = Field(description="The competency's name.")
    description: Text = Field(description="What the competency covers.")
    levels: items(1, 9, LevelEvidence) = Field(description="Evidence for each level of the framework, in order.")


class Stance(Model):
    id: Slug = Field(description="Unique id of the stance.")
    name: Text = Field(description="The stance's name.")
    description: Text = Field(description="What the stance means.")
    competencies: items(1, 8, FrameworkCompetency) = Field(description="1 to 8 competencies in the stance.")


class CompetencyFramework(Model):
    levels: items(1, 9, Level) = Field(description="The framework's levels, in order.")
    stances: items(1, 8, Stance) = Field(description="1 to 8 stances, each with its competencies.")


# --- reflection.yml ---------------------------------------------------------


class ReflectionTheme(Model):
    id: Slug = Field(description="Unique id of the theme.")
    title: Text = Field(description="The theme's title.")
    intro: Text = Field(description="A sentence or two introducing the questions.")
    questions: items(2, 10) = Field(description="2 to 10 reflection questions.")


class ReflectionFile(Model):
    themes: items(1, None, ReflectionTheme) = Field(description="Reflection questions grouped by theme.")


# --- bibliography.yml -------------------------------------------------------


class Work(Model):
    """One entry in the bibliography."""

    id: Slug = Field(description="Unique id, e.g. author-year.")
    kind: Literal["book", "article", "report", "chapter"] = Field(description="What kind of work it is.")
    authors: items(1, 12) = Field(description="Authors as 'Family, Given', in the order published.")
    year: Annotated[int, Field(ge=1900, le=2100)] = Field(description="Year of publication.")
    title: Text = Field(description="The work's title.")
    journal: Text | None = Field(default=None, description="Journal name (articles).")
    volume: int | None = Field(default=None, description="Journal volume number.")
    issue: Text | None = Field(default=None, description="Journal issue, as text.")
    pages: Text | None = Field(default=None, description="Page range, e.g. 255-316.")
    publisher: Text | None = Field(default=None, description="Publisher (books and reports).")
    note: Text = Field(description="Why the work is useful to a principal or teacher leader.")


class Bibliography(Model):
    entries: items(1, None, Work) = Field(description="Books, articles, reports and chapters, each with a note.")


# --- district.yml: a district's own name, branding and data -----------------

# The one definition of each pattern: validation.py keys its messages on these, and the JSON Schemas
# (generated from these models) give editors the same rules.
HEX_COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
# A plain address and nothing else: no "mailto:", no "?cc=" or "&bcc=" parts, no second address after
# a comma, no spaces, quotes or angle brackets; what reaches a mailto: link is exactly what was typed.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"  # one part of a host name: no leading or trailing '-'
EMAIL_PATTERN = rf"^[A-Za-z0-9._+-]+@{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,}}$"
# http(s), a host name (no "user@" before it), an optional port, then a path, query or fragment
# without spaces, quotes, angle brackets, backslashes or backticks.
WEB_ADDRESS_PATTERN = (
    rf"^https?://{_LABEL}(?:\.{_LABEL})*(?::[0-9]{{1,5}})?"
    r"(?:[/?#][^\s\"'<>\\^`{}|]*)?$"
)
# Digits, spaces and + ( ) - . only, with an optional extension: "(555) 010-4200 ext. 12".
PHONE_PATTERN = r"^\+?[0-9(][0-9 ().-]*[0-9](?: ?ext\.? ?[0-9]{1,6})?$"

HexColour = Annotated[str, StringConstraints(pattern=HEX_COLOUR_PATTERN)]
Email = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN, max_length=254)]
WebAddress = Annotated[str, StringConstraints(pattern=WEB_ADDRESS_PATTERN, max_length=400)]
Phone = Annotated[str, StringConstraints(pattern=PHONE_PATTERN, max_length=40)]


def _colors_too(schema: dict) -> None:  # type: ignore[type-arg]
    """Editors accept 'colors' as well: district.py reads it as 'colours' (one or the other, not both)."""
    if "colours" in schema.get("properties", {}):
        schema["properties"]["colors"] = {**schema["properties"]["colours"], "description": COLORS_DESCRIPTION}


COLORS_DESCRIPTION = "The same setting as 'colours', in US spelling; give one or the other."


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
    phone: Phone | None = Field(
        None, description="A phone number as people should dial it: digits, spaces, + ( ) - . and an 'ext' at the end."
    )
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
    model_config = ConfigDict(json_schema_extra=_colors_too)  # and 'colors', which district.py reads as 'colours'
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
