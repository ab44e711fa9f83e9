"""A role's selection kit as content: posting, questions and a scoring rubric made from the role's data.

The same objects feed the fillable PDF and the Word file. Questions and criteria come from
the role itself (a question per key duty and per skill, a criterion per skill with its
competencies as the signs, one for "who fits this role"), so each role's kit is its own.
`selection_kit(catalog, None)` is the blank kit, with room to write instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..source.catalog import Catalog
from ..source.models import Role
from . import role_facts
from .labels import SELECTION
from .texts import SELECTION_KIT, SelectionWords

# Interview questions on the role's duties: the first few, which the data lists most important first.
KEY_DUTIES = 4


@dataclass(frozen=True)
class Question:
    id: str  # names the PDF's answer field
    text: str
    listen_for: tuple[str, ...] = ()  # what a strong answer touches, for the scorer
    options: tuple[str, ...] = ()  # listed under the question for the candidate to choose from


@dataclass(frozen=True)
class Criterion:
    id: str  # names the PDF's score and evidence fields
    title: str  # empty in the blank kit: written in
    about: str
    signs: tuple[str, ...]
    points: tuple[tuple[str, str], ...]  # (name, what it looks like), for 1 to 4


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class PostingPart:
    """One part of the posting: from the role, or (blank) a prompt with room to write."""

    id: str
    title: str
    text: str = ""
    items: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    prompt: str = ""  # blank kit: what to write here


@dataclass(frozen=True)
class SelectionKit:
    title: str
    lead: str
    note: str  # said when the principal does not make the choice
    posting: tuple[PostingPart, ...]
    application: tuple[Question, ...]
    interview: tuple[Question, ...]
    criteria: tuple[Criterion, ...]
    blank: bool = False
    words: SelectionWords = SELECTION_KIT


def selection_kit(catalog: Catalog, role: Role | None) -> SelectionKit:
    """The role's selection kit, or the blank one when `role` is None."""
    words = SELECTION_KIT
    if role is None:
        return SelectionKit(
            title=words.blank_title,
            lead=words.blank_lead,
            note="",
            posting=tuple(PostingPart(id, title, prompt=prompt) for id, title, prompt in words.blank_posting),
            application=(),
            interview=(),
            criteria=tuple(_blank_criterion(n) for n in range(1, words.blank_criteria + 1)),
            blank=True,
        )
    criteria = tuple(_skill_criterion(catalog, skill_id) for skill_id in role.skills)
    if role.look_fors:
        criteria += (_fit_criterion(role),)
    return SelectionKit(
        title=role.title,
        lead=words.role_lead,
        note="" if role_facts.ranked(role) else words.not_principal,
        posting=_posting(role, catalog),
        application=_application(role, catalog),
        interview=_interview(role, catalog),
        criteria=criteria,
    )


def _posting(role: Role, catalog: Catalog) -> tuple[PostingPart, ...]:
    words = SELECTION_KIT
    time = (Fact(label, value) for label, value in role_facts.time_facts(role, catalog.planning))
    pay = (Fact(label, value) for label, value in role_facts.pay_facts(role, catalog.planning))
    chosen = (
        Fact("Who decides", role_facts.who_fills(role)),
        Fact("Selection", f"{SELECTION[role.selection]}. {role.selection_detail}"),
        Fact("Length of service", role.term),
    )
    return (
        PostingPart("summary", words.summary, text=role.summary),
        PostingPart("responsibilities", words.responsibilities, items=tuple(role.responsibilities)),
        PostingPart("time", words.time, text=role.time_commitment, facts=tuple(time)),
        PostingPart("pay", words.pay, text=role.compensation, facts=tuple(pay)),
        PostingPart("who-can-apply", words.who_can_apply, items=tuple(role.qualifications)),
        PostingPart("how-chosen", words.how_chosen, facts=chosen),
    )


def _application(role: Role, catalog: Catalog) -> tuple[Question, ...]:
    words = SELECTION_KIT
    questions = [Question("", words.why_question.format(title=role.title))]
    for skill in catalog.skills_named(role.skills):
        questions.append(Question("", words.skill_application_question.format(skill=skill.name.lower())))
    if role.look_fors:
        questions.append(Question("", words.fit_question, options=tuple(role.look_fors)))
    questions.append(Question("", words.eligibility_question))
    questions.append(
        Question("", words.time_question_full_release if role.held == "full-release" else words.time_question)
    )
    return tuple(_numbered(questions, "application"))


def _interview(role: Role, catalog: Catalog) -> tuple[Question, ...]:
    words = SELECTION_KIT
    questions = [
        Question("", words.duty_question.format(duty=_as_clause(duty))) for duty in role.responsibilities[:KEY_DUTIES]
    ]
    for skill in catalog.skills_named(role.skills):
        listen = tuple(competency.name for competency in skill.competencies)
        questions.append(Question("", words.skill_interview_question.format(skill=skill.name), listen_for=listen))
    questions.append(Question("", words.support_question))
    return tuple(_numbered(questions, "interview"))


def _numbered(questions: list[Question], prefix: str) -> list[Question]:
    return [Question(f"{prefix}-{n}", q.text, q.listen_for, q.options) for n, q in enumerate(questions, start=1)]


def _skill_criterion(catalog: Catalog, skill_id: str) -> Criterion:
    words = SELECTION_KIT
    skill = catalog.skill[skill_id]
    points = tuple(
        (name, text.format(skill=skill.name.lower()))
        for name, text in zip(words.points, words.skill_points, strict=True)
    )
    signs = tuple(competency.name for competency in skill.competencies)
    return Criterion(f"criterion-{skill.id}", skill.name, skill.summary, signs, points)


def _fit_criterion(role: Role) -> Criterion:
    words = SELECTION_KIT
    points = tuple(zip(words.points, words.fit_points, strict=True))
    return Criterion("criterion-fit", words.fit_title, words.fit_about, tuple(role.look_fors), points)


def _blank_criterion(number: int) -> Criterion:
    words = SELECTION_KIT
    points = tuple(zip(words.points, words.blank_points, strict=True))
    return Criterion(f"criterion-{number}", "", words.blank_criterion_about, (), points)


def _lower_start(text: str) -> str:
    """'Plan and run …' -> 'plan and run …'; an acronym or a name ('ILT', 'Title I') stays as written."""
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first[:1].isupper() and first[1:].islower() else text


def _as_clause(duty: str) -> str:
    """A duty ('Plan and run a weekly meeting.') as the end of 'How would you …?'."""
    return _lower_start(duty.strip().rstrip("."))
