"""The shape of every data file, as pydantic models.

Field names here are the data contract: the YAML files, the docs and later tools
rely on them. Models are strict (no type coercion) and forbid unknown fields, so a
typo such as `titel` is reported instead of silently ignored.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator, model_validator
from pydantic.functional_validators import AfterValidator

# Every free-text field has a length cap, so no value can make the build crawl (Markdown's inline
# processing costs more than linear time in a field's length) or a page balloon. When they were set
# (December 2026) the data's longest title was about 100 characters, list item 450, paragraph 600.
NAME_MAX = 200  # titles, names, a phone number: one line
ITEM_MAX = 1_000  # one entry of a list: a duty, a question, a step
TEXT_MAX = 3_000  # a paragraph: summaries, descriptions, guidance, notes

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TEXT_MAX)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_MAX)]
Item = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=ITEM_MAX)]
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # an id: lowercase letters and digits, words joined by single hyphens
Slug = Annotated[str, StringConstraints(pattern=rf"^{SLUG}$", max_length=80)]
# A pointer to where an idea is treated in full, so a page can link to it instead of repeating it.
SeeAlso = Annotated[
    str, StringConstraints(pattern=rf"^(?:condition:{SLUG}|guide:{SLUG}|move:{SLUG}/{SLUG})$", max_length=170)
]


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
Url = WebAddress  # bibliography entries use the same rule as district contacts
Phone = Annotated[str, StringConstraints(pattern=PHONE_PATTERN, max_length=40)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Credited(Model):
    """Which published works an item's structure or ideas follow (none: written for this toolkit)."""

    sources: list[Slug] = Field(
        default_factory=list,
        description="Ids of entries in bibliography.yml whose structure or ideas this follows; "
        "leave empty when it was written for this toolkit without following a source.",
    )
    adapted: Text | None = Field(
        None,
        description="A short note on what follows the sources and what is new, "
        "e.g. 'Follows its sections; the text is written for this toolkit.'",
    )


class Stewarded(Credited):
    """Who keeps an item current: who last reviewed it and when, and which works it follows."""

    reviewed: date | None = Field(
        None,
        description="When a person last reviewed this item against practice, written YYYY-MM-DD (not in the "
        "future). Only with reviewed_by; leave both out until someone has reviewed it.",
    )
    reviewed_by: Text | None = Field(
        None,
        description="Who reviewed it on that date: a name and/or role, e.g. 'M. Chen, Office of Teacher "
        "Leadership'. Only with reviewed.",
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

    name: Name = Field(description="Short name of the competency, e.g. 'Reads data with colleagues'.")
    description: Text = Field(description="What a teacher leader with this competency does, in one or two sentences.")


class Skill(Model):
    """A core leadership skill."""

    id: Slug = Field(description="Unique id; roles, guides and principal moves refer to the skill by it.")
    name: Name = Field(description="The skill's name as headings and filters show it.")
    summary: Text = Field(description="One sentence shown in lists and on role pages.")
    description: Text = Field(description="A paragraph on what the skill means for a teacher leader.")
    competencies: Annotated[list[Competency], Field(min_length=3, max_length=6)] = Field(
        description="3 to 6 competencies that make up the skill."
    )


class SkillsFile(Credited):
    skills: Annotated[list[Skill], Field(min_length=1)] = Field(
        description="The core leadership skills, in the order the site lists them."
    )


# --- roles.yml --------------------------------------------------------------

Category = Literal[
    "teams", "mentoring", "coaching", "governance", "student-support",
    "curriculum", "family-community", "district",
]  # fmt: skip
Held = Literal["full-time-teaching", "partial-release", "full-release"]
Scope = Literal["team", "school", "district"]
Selection = Literal["volunteer", "rotation", "principal-appointed", "elected", "application"]
# Who makes the decision. Only roles the principal fills are ranked on the matching page and
# offered to the planner: a principal cannot hand out an elected or district-chosen seat.
FilledBy = Literal["principal", "election", "rotation", "committee", "district"]
PayApproach = Literal["stipend", "hourly", "release", "salary-schedule", "none-typical", "outside"]
Hours = Annotated[float, Field(ge=0, le=60)]


class HoursRange(Model):
    """Typical hours a week the role takes beyond teaching (or beyond its released time)."""

    low: Hours = Field(description="Fewest hours a week, e.g. 1.5.")
    high: Hours = Field(description="Most hours a week in an ordinary week (busy seasons are in time_commitment).")
    basis: Literal["duties", "source"] = Field(
        description="'duties': added up from the duties and meetings this role lists, and shown as an estimate to "
        "adjust; 'source': taken from the published works named in `sources`."
    )
    sources: list[Slug] = Field(
        default_factory=list, description="Bibliography ids backing the figure (basis: source)."
    )

    @field_validator("high")
    @classmethod
    def _ordered(cls, high: float, info: ValidationInfo) -> float:
        low = info.data.get("low")
        if low is not None and high < low:
            raise ValueError(f"high ({high:g}) is below low ({low:g})")
        return high

    @model_validator(mode="after")
    def _sourced(self) -> HoursRange:
        # A published figure carries its source (sources left out entirely is still a missing source).
        if self.basis == "source" and not self.sources:
            raise ValueError("basis 'source' needs at least one bibliography id in sources")
        return self


class PeriodRange(Model):
    """Class periods a day released from teaching, as the role defines them."""

    low: Annotated[int, Field(ge=1, le=12)] = Field(description="Fewest periods a day released.")
    high: Annotated[int, Field(ge=1, le=12)] = Field(description="Most periods a day released (same as low if fixed).")

    @field_validator("high")
    @classmethod
    def _ordered(cls, high: int, info: ValidationInfo) -> int:
        low = info.data.get("low")
        if low is not None and high < low:
            raise ValueError(f"high ({high}) is below low ({low})")
        return high


class Role(Stewarded):
    """A formal teacher leader role, with its job-description details."""

    id: Slug = Field(
        description="Unique id, also the page address /roles/<id>/ and the file name of its job description."
    )
    title: Name = Field(description="The role's name as staff know it; must be unique.")
    category: Category = Field(description="The kind of work, which groups roles in the inventory.")
    held: Held = Field(description="Held alongside full-time teaching, with part of the day released, or full time.")
    scope: Scope = Field(description="Who the role serves: a team, the whole school, or the district.")
    skills: Annotated[list[Slug], Field(min_length=1, max_length=4)] = Field(
        description="1 to 4 skill ids from skills.yml, most central first."
    )
    standards: Annotated[list[Slug], Field(min_length=1, max_length=4)] = Field(
        description="1 to 4 domain ids from standards.yml (Teacher Leader Model Standards) the role's work "
        "serves, most central first."
    )
    summary: Text = Field(
        description="A short paragraph on what this teacher leader does and why it matters to students."
    )
    tagline: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)] | None = Field(
        None,
        description="One short line on what the role is for, shown under its title in the role inventory (at most "
        "120 characters). Leave out to show the summary's first sentence.",
    )
    responsibilities: Annotated[list[Item], Field(min_length=4, max_length=10)] = Field(
        description="4 to 10 duties, most important first, each starting with a verb."
    )
    qualifications: Annotated[list[Item], Field(min_length=2, max_length=8)] = Field(
        description="2 to 8 things the person needs before taking the role."
    )
    look_fors: Annotated[list[Item], Field(min_length=2, max_length=8)] = Field(
        description="2 to 8 signs, seen in daily work, that a teacher would fit the role."
    )
    selection: Selection = Field(description="How the person is chosen.")
    selection_detail: Text = Field(
        description="How selection works in practice: who decides, when, and on what evidence."
    )
    filled_by: FilledBy = Field(
        description="Who makes the decision: 'principal' (the principal appoints or confirms), 'election' (colleagues "
        "or members vote), 'rotation' (members take turns), 'committee' (a panel decides on applications), "
        "'district' (a district office chooses). Only roles the principal fills are suggested in matching."
    )
    filled_by_note: Text | None = Field(
        None,
        description="One line on who decides, shown wherever the role is not ranked, e.g. 'Elected by union members'.",
    )
    time_commitment: Text = Field(description="Hours a week or a month, and the busy times of the year.")
    hours_per_week: HoursRange | None = Field(
        None,
        description="Typical hours a week beyond teaching (or beyond the released time), with the basis of the figure. "
        "Leave out when the work is seasonal or the whole job (full release).",
        examples=[{"low": 1, "high": 2, "basis": "duties"}],
    )
    release_periods: PeriodRange | None = Field(
        None,
        description="Class periods a day released from teaching, only where this role defines them.",
        examples=[{"low": 1, "high": 1}],
    )
    release_share: Annotated[float, Field(gt=0, le=1)] | None = Field(
        None,
        description="Share of the school day released (0 to 1), only where this role defines it, e.g. 0.5 for half.",
        examples=[0.5],
    )
    pay: Annotated[list[PayApproach], Field(min_length=1, max_length=3)] = Field(
        description="How the role is usually recognized, most common first: stipend, hourly, release, "
        "salary-schedule (paid as a teacher on the schedule), none-typical (usually unpaid), outside (paid by "
        "another body, such as a university or the union).",
        examples=[["stipend"]],
    )
    compensation: Text = Field(description="Stipend, release time or other recognition, as the contract sets it.")
    reports_to: Name = Field(description="The person the teacher leader answers to for this role.")
    evaluated_by: Text = Field(description="Who gives feedback on the role's work, and how often.")
    term: Text = Field(description="How long the appointment lasts and how it is renewed.")
    support: Annotated[list[Item], Field(min_length=1, max_length=6)] = Field(
        description="1 to 6 kinds of training, time or coaching the school provides."
    )

    @model_validator(mode="after")
    def _release_fits_held(self) -> Role:
        # Released periods or a share of the day only make sense for a role held with partial release.
        if self.held != "partial-release" and (self.release_periods or self.release_share):
            raise ValueError(f"release_periods and release_share are for partial-release roles, not '{self.held}'")
        return self


class RolesFile(Model):
    roles: Annotated[list[Role], Field(min_length=1)] = Field(
        description="The role inventory: one entry per formal teacher leader role."
    )


# --- standards.yml ----------------------------------------------------------


class Domain(Model):
    """One domain of a published set of teacher leader standards."""

    id: Slug = Field(description="Unique id; roles refer to the domain by it, and the standards page links to it.")
    number: Annotated[str, StringConstraints(pattern=r"^(?:[IVXLC]+|[0-9]{1,2})$")] = Field(
        description="The domain's number as the standards print it, e.g. 'III'.", examples=["I"]
    )
    name: Text = Field(description="The domain's name exactly as published.")
    short_name: Text = Field(description="A few words for menus and lists, e.g. 'Professional learning'.")
    summary: Text = Field(description="One or two sentences, in our own words, on what the domain covers.")


class StandardsFile(Model):
    """The standards that roles are mapped to (a crosswalk), with the work that publishes them."""

    name: Text = Field(description="The standards' published name, e.g. 'Teacher Leader Model Standards'.")
    source: Slug = Field(description="Id of the bibliography.yml entry for the published standards.")
    domains: Annotated[list[Domain], Field(min_length=1, max_length=12)] = Field(
        description="The domains, in the order the standards number them."
    )


# --- principal_moves.yml ----------------------------------------------------


class Move(Model):
    """Something a principal does to support teacher leaders with a skill."""

    id: Slug = Field(description="Unique id within its skill.")
    move: Text = Field(description="What the principal does, starting with a verb.")
    why: Text = Field(description="Why the move helps teacher leaders with this skill.")
    example: Text = Field(description="A concrete example from a school.")


class SkillMoves(Model):
    skill: Slug = Field(description="Skill id from skills.yml these moves support.")
    moves: Annotated[list[Move], Field(min_length=1, max_length=12)] = Field(
        description="1 to 12 principal moves for the skill."
    )


class MovesFile(Credited):
    principal_moves: Annotated[list[SkillMoves], Field(min_length=1)] = Field(
        description="For each skill, the principal moves that support it; every skill needs an entry."
    )


# --- conditions.yml ---------------------------------------------------------


class Condition(Stewarded):
    """A school condition teacher leaders need, with signs and strategies."""

    id: Slug = Field(description="Unique id of the condition.")
    name: Name = Field(description="The condition's name, as a heading.")
    description: Text = Field(description="What the condition is and why teacher leaders need it.")
    signs: Annotated[list[Item], Field(min_length=1, max_length=6)] = Field(
        description="1 to 6 observable signs that the condition is in place."
    )
    strategies: Annotated[list[Item], Field(min_length=2, max_length=8)] = Field(
        description="2 to 8 sample strategies a school can use to build the condition."
    )
    see_also: Annotated[list[SeeAlso], Field(min_length=0, max_length=6)] = Field(
        default=[],
        description="0 to 6 pages that treat a related idea in full, shown as links: 'move:<skill-id>/<move-id>', "
        "'condition:<id>' or 'guide:<id>'.",
        examples=[["move:shared-leadership/standing-one-on-ones"]],
    )


class ConditionsFile(Model):
    conditions: Annotated[list[Condition], Field(min_length=1)] = Field(
        description="The school conditions teacher leaders need."
    )


# --- job_description.yml ----------------------------------------------------

SectionId = Literal[
    "role-title", "role-summary", "responsibilities", "qualifications", "supervision",
    "selection-and-term", "compensation", "time-commitment", "support",
]  # fmt: skip
SECTION_IDS: tuple[str, ...] = SectionId.__args__  # type: ignore[attr-defined]


class TemplateSection(Model):
    """One section of the job-description template."""

    id: SectionId = Field(description="Which section of the job description this is (fixed list, fixed order).")
    title: Name = Field(description="The section's heading.")
    guidance: Text = Field(description="Advice for filling in the section.")
    prompts: Annotated[list[Item], Field(min_length=1, max_length=6)] = Field(
        description="1 to 6 questions that help the writer fill it in."
    )


class JobDescriptionTemplate(Credited):
    title: Name = Field(description="The template's title.")
    purpose: Text = Field(description="What the template is for, in a paragraph.")
    how_to_use: Annotated[list[Item], Field(min_length=1, max_length=8)] = Field(
        description="1 to 8 steps for using the template."
    )
    sections: Annotated[list[TemplateSection], Field(min_length=len(SECTION_IDS), max_length=len(SECTION_IDS))] = Field(
        description="One entry per section, in the fixed order."
    )


# --- guides/<id>.yml --------------------------------------------------------


class Preparation(Model):
    """What each participant prepares before the conversation."""

    principal: Annotated[list[Item], Field(min_length=1, max_length=6)] = Field(
        description="1 to 6 things the principal does before the conversation."
    )
    teacher_leader: Annotated[list[Item], Field(min_length=1, max_length=6)] = Field(
        description="1 to 6 things the teacher leader does before the conversation."
    )


class GuideStep(Model):
    """One step of a discussion guide."""

    title: Name = Field(description="The step's name.")
    minutes: Annotated[int, Field(ge=1, le=120)] = Field(
        description="Minutes the step takes (1 to 120).", examples=[10]
    )
    questions: Annotated[list[Item], Field(min_length=1, max_length=6)] = Field(
        description="1 to 6 questions to discuss in this step."
    )
    note: Text | None = Field(default=None, description="Optional advice for whoever leads the step.")


class Guide(Stewarded):
    """A discussion guide for a conversation between a principal and a teacher leader."""

    id: Slug = Field(
        description="Unique id; must match the file name (guides/<id>.yml) and gives the page address /guides/<id>/."
    )
    title: Name = Field(description="The guide's title, naming the situation it helps with.")
    challenge: Text = Field(description="The problem this conversation addresses, as a principal would recognize it.")
    purpose: Text = Field(description="What the conversation should produce.")
    participants: Text = Field(description="Who takes part.")
    when_to_use: Text = Field(description="When to hold the conversation.")
    prepare: Preparation = Field(description="What each participant prepares beforehand.")
    steps: Annotated[list[GuideStep], Field(min_length=2, max_length=10)] = Field(
        description="2 to 10 steps of the conversation, in order."
    )
    agreements: Annotated[list[Item], Field(min_length=1, max_length=6)] = Field(
        description="1 to 6 agreements the conversation should end with."
    )
    next_steps: Annotated[list[Item], Field(min_length=1, max_length=6)] = Field(
        description="1 to 6 follow-up actions after the conversation."
    )
    # Optional so guides a district wrote before these fields existed still load; the toolkit's guides all set them.
    agreements_minutes: Annotated[int, Field(ge=1, le=60)] | None = Field(
        default=None,
        description="Minutes set aside to settle the agreements (1 to 60); counted in the guide's time.",
        examples=[5],
    )
    next_steps_minutes: Annotated[int, Field(ge=1, le=60)] | None = Field(
        default=None,
        description="Minutes set aside to agree the next steps (1 to 60); counted in the guide's time.",
        examples=[5],
    )
    skills: Annotated[list[Slug], Field(min_length=1, max_length=6)] = Field(
        description="1 to 6 skill ids from skills.yml the guide draws on."
    )
    roles: Annotated[list[Slug], Field(min_length=0, max_length=20)] = Field(
        description="Role ids from roles.yml the guide is written for (may be empty)."
    )

    @property
    def minutes(self) -> int:
        """The whole conversation: every step, then the agreements and next steps."""
        closing = (self.agreements_minutes or 0) + (self.next_steps_minutes or 0)
        return sum(step.minutes for step in self.steps) + closing


# --- focus_area.yml ---------------------------------------------------------


class ActionStep(Model):
    title: Name = Field(description="The action step's name.")
    steps: Annotated[list[Item], Field(min_length=1, max_length=8)] = Field(description="1 to 8 concrete steps.")
    see_also: Annotated[list[SeeAlso], Field(min_length=0, max_length=6)] = Field(
        default=[],
        description="0 to 6 pages that treat a related idea in full, shown as links: 'move:<skill-id>/<move-id>', "
        "'condition:<id>' or 'guide:<id>'.",
        examples=[["condition:communication-routines"]],
    )


class Objective(Model):
    title: Name = Field(description="The objective.")
    action_steps: Annotated[list[ActionStep], Field(min_length=1, max_length=6)] = Field(
        description="1 to 6 action steps toward the objective."
    )


class FocusArea(Credited):
    title: Name = Field(description="The focus area's title.")
    vision: Annotated[list[Item], Field(min_length=1, max_length=4)] = Field(
        description="1 to 4 paragraphs describing the vision."
    )
    essential_questions: Annotated[list[Item], Field(min_length=1, max_length=8)] = Field(
        description="1 to 8 questions the focus area answers."
    )
    audience: Text = Field(description="Who the focus area is for.")
    most_useful: Text = Field(description="When the focus area is most useful.")
    objectives: Annotated[list[Objective], Field(min_length=1, max_length=8)] = Field(
        description="1 to 8 objectives, each with action steps."
    )


# --- competencies.yml -------------------------------------------------------


class Level(Model):
    level: Annotated[int, Field(ge=1, le=9)] = Field(description="Level number, 1 upwards, in order.")
    name: Name = Field(description="The level's name.")
    description: Text = Field(description="What practice at this level looks like.")


class LevelEvidence(Model):
    level: Annotated[int, Field(ge=1, le=9)] = Field(description="Level number from the framework's levels.")
    evidence: Text = Field(description="What a teacher leader shows at this level.")


class FrameworkCompetency(Model):
    id: Slug = Field(description="Unique id within its stance.")
    name: Name = Field(description="The competency's name.")
    description: Text = Field(description="What the competency covers.")
    levels: Annotated[list[LevelEvidence], Field(min_length=1, max_length=9)] = Field(
        description="Evidence for each level of the framework, in order."
    )
    skills: Annotated[list[Slug], Field(min_length=1, max_length=6)] = Field(
        description="Ids of the skills in skills.yml that this competency develops."
    )


class Stance(Model):
    id: Slug = Field(description="Unique id of the stance.")
    name: Name = Field(description="The stance's name.")
    description: Text = Field(description="What the stance means.")
    competencies: Annotated[list[FrameworkCompetency], Field(min_length=1, max_length=8)] = Field(
        description="1 to 8 competencies in the stance."
    )


class CompetencyFramework(Credited):
    levels: Annotated[list[Level], Field(min_length=1, max_length=9)] = Field(
        description="The framework's levels, in order."
    )
    stances: Annotated[list[Stance], Field(min_length=1, max_length=8)] = Field(
        description="1 to 8 stances, each with its competencies."
    )


# --- reflection.yml ---------------------------------------------------------


class ReflectionTheme(Model):
    id: Slug = Field(description="Unique id of the theme.")
    title: Name = Field(description="The theme's title.")
    intro: Text = Field(description="A sentence or two introducing the questions.")
    questions: Annotated[list[Item], Field(min_length=2, max_length=10)] = Field(
        description="2 to 10 reflection questions."
    )


class ReflectionFile(Credited):
    themes: Annotated[list[ReflectionTheme], Field(min_length=1)] = Field(
        description="Reflection questions grouped by theme."
    )


# --- bibliography.yml -------------------------------------------------------


Year = Annotated[int, Field(ge=1900, le=2100)]
# A web address the bibliography page prints as a link: no spaces, quotes or angle brackets.


class Work(Model):
    """One entry in the bibliography."""

    id: Slug = Field(description="Unique id, e.g. author-year; pages credit the entry by it.")
    kind: Literal["book", "article", "report", "chapter", "web"] = Field(
        description="What kind of work it is; 'web' for a page or document published on a website."
    )
    authors: Annotated[list[Item], Field(min_length=0, max_length=12)] = Field(
        default_factory=list, description="Authors as 'Family, Given', in the order published."
    )
    editors: Annotated[list[Item], Field(min_length=0, max_length=12)] = Field(
        default_factory=list, description="Editors as 'Family, Given', for an edited book (printed '(Ed.)'/'(Eds.)')."
    )
    organization: Text | None = Field(
        None, description="The organization that published a web resource or report, as it names itself."
    )
    year: Year | Literal["n.d."] = Field(description="Year of publication, or 'n.d.' when the work shows none.")
    title: Text = Field(description="The work's title, as the work shows it.")
    edition: Text | None = Field(None, description="Edition when not the first, e.g. '3rd'.")
    journal: Name | None = Field(default=None, description="Journal name (articles).")
    volume: int | None = Field(default=None, description="Journal volume number.")
    issue: Name | None = Field(default=None, description="Journal issue, as text.")
    pages: Name | None = Field(default=None, description="Page range, e.g. 255-316.")
    publisher: Name | None = Field(default=None, description="Publisher (books and reports).")
    url: Url | None = Field(None, description="Where to read it, starting with https://; leave out when unknown.")
    note: Text = Field(
        description="Why the work is useful to a principal or teacher leader, or what the toolkit took from it."
    )

    @model_validator(mode="after")
    def _someone_made_it(self) -> Work:
        if self.kind != "web" and not (self.authors or self.editors or self.organization):
            raise ValueError("a book, article, report or chapter needs authors, editors or an organization")
        return self


class Bibliography(Model):
    entries: Annotated[list[Work], Field(min_length=1)] = Field(
        description="Books, articles, reports, chapters and web resources, each with a note."
    )


# --- district.yml: a district's own name, branding and data -----------------


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
        None,
        description="Links on hover and highlights, as '#rrggbb'; at least 3:1 against white. Default: the primary.",
    )


class Contact(Model):
    name: Name = Field(description="Who to ask about the toolkit, e.g. 'Office of Teacher Leadership'.")
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


Amount = Annotated[float, Field(ge=0, le=1_000_000)]


class RolePlanning(Model):
    """A district's own figures for one role (they replace the toolkit's words on its pages)."""

    stipend: Amount | None = Field(None, description="Stipend a year for the role, in the district's currency.")
    hourly_rate: Annotated[float, Field(ge=0, le=1000)] | None = Field(
        None, description="Hourly rate for the role's work outside the contract day."
    )
    hours_per_week: Annotated[float, Field(ge=0, le=40)] | None = Field(
        None, description="Hours a week the district plans for the role beyond teaching."
    )
    release_periods: Annotated[int, Field(ge=0, le=12)] | None = Field(
        None, description="Class periods a day the district releases for the role."
    )
    note: Text | None = Field(None, description="A line on where the figures come from, e.g. 'Contract article 14'.")


class Planning(Model):
    """A district's figures for planning teacher-leader roles: pay, hours and release."""

    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = Field(
        "USD", description="Currency of the amounts, as a three-letter code (USD, CAD, ...)."
    )
    periods_per_day: Annotated[int, Field(ge=1, le=12)] | None = Field(
        None, description="Class periods in a teacher's day, to turn released periods into a share of the day."
    )
    max_hours_per_week: Annotated[float, Field(ge=0, le=40)] | None = Field(
        None, description="Most hours a week beyond teaching the district expects one teacher to take on."
    )
    roles: dict[Slug, RolePlanning] = Field(
        default_factory=dict, description="Role id -> the district's figures for that role."
    )


class DistrictFile(Model):
    """One district's settings: who it is, how the site and documents look, and where its own data lives."""

    name: Name = Field(description="The district's full name, e.g. 'Riverside Unified School District'.")
    short_name: Name | None = Field(None, description="A short form for headers, e.g. 'Riverside Unified'.")
    site_name: Name | None = Field(
        None, description="The site's title. Default: '<short name> Teacher Leadership Toolkit'."
    )
    logo: Text | None = Field(
        None,
        description="Logo image (.svg or .png, at most 512 KB and 4096 x 4096 pixels), as a path relative to this "
        "file and inside its folder. An SVG may hold drawing elements only: no script, event handlers, links, "
        "embedded images or references to other files.",
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
    planning: Planning | None = Field(
        None, description="The district's own stipends, rates, hours and release time per role, for pages and planning."
    )


# --- synonyms.yml -----------------------------------------------------------


def _has_word(term: str) -> str:
    if not any(char.isalnum() for char in term):
        raise ValueError(f"the term '{term}' has no letter or digit, so the filter could never match it")
    return term


# One term: a word, an acronym or a short phrase, as staff type it.
Term = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_MAX), AfterValidator(_has_word)
]


class SynonymGroup(Model):
    """Terms a school uses for the same thing; typing any one finds roles that use any other."""

    terms: Annotated[list[Term], Field(min_length=2, max_length=30)] = Field(
        description="2 to 30 words, acronyms or short phrases that mean the same thing, e.g. "
        "['English learner', 'EL', 'ELL', 'ESL']. Plurals and -ing forms are matched without listing them, "
        "and a term may belong to one group only.",
        examples=[["special education", "SPED", "IEP"]],
    )


class SynonymsFile(Model):
    """The acronyms and synonyms the role inventory's word filter knows."""

    groups: Annotated[list[SynonymGroup], Field(min_length=1, max_length=500)] = Field(
        description="Groups of terms that mean the same thing to a school."
    )
