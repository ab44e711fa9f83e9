"""The discussion guides (one by one and as a booklet) and the school-conditions self-assessment
as Word blocks, from the same data and fixed wording as their PDFs, for `word.write`.

A principal adapts these in Word (their own questions, their school's strategies): headings are
Word headings, lists are lists, and the room to write is sized as in the PDF.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..content.crossrefs import Link
from ..content.texts import CONDITIONS, GUIDE
from ..source.models import Condition, Guide, Role, Skill
from .html import write_in_mm
from .word import Block, Heading, ListBlock, PageBreak, Paragraph, Table, WriteIn

AGREEMENTS_MM = 40  # as the PDF's tall box
ACTION_ROWS = 4  # next steps to write in, as in the PDF


def guide_blocks(guide: Guide, skills: Sequence[Skill], roles: Sequence[Role], level: int = 1) -> list[Block]:
    """One guide after its title: facts, preparation, the timed steps, agreements and next steps.

    `level` is the heading level of its parts (2 inside the booklet, where the guide's title is 1).
    """
    w = GUIDE
    blocks: list[Block] = [
        Paragraph(guide.purpose, label=w.purpose),
        Paragraph(guide.participants, label=w.who),
        Paragraph(guide.when_to_use, label=w.when),
        Paragraph(f"About {guide.minutes} minutes", label=w.time),
        Paragraph(", ".join(skill.name for skill in skills), label=w.skills),
        Table(rows=tuple((label,) for _, label in w.meeting_fields), widths=(50, 120)),
        Heading(w.before, level),
        Heading(w.principal_prepares, level + 1),
        ListBlock(tuple(guide.prepare.principal), checkbox=True),
        Heading(w.leader_prepares, level + 1),
        ListBlock(tuple(guide.prepare.teacher_leader), checkbox=True),
        Heading(w.conversation, level),
    ]
    for number, step in enumerate(guide.steps, start=1):
        blocks += [Heading(f"{number}. {step.title} ({step.minutes} min)", level + 1), ListBlock(tuple(step.questions))]
        if step.note:
            blocks.append(Paragraph(step.note, label=w.tip))
        blocks.append(WriteIn(w.notes, write_in_mm(step.minutes)))
    blocks += [
        Heading(_timed(w.agreements, guide.agreements_minutes), level),
        ListBlock(tuple(guide.agreements)),
        WriteIn(w.our_agreements, AGREEMENTS_MM),
        Heading(_timed(w.next_steps, guide.next_steps_minutes), level),
        ListBlock(tuple(guide.next_steps)),
        Table(rows=(("",),) * ACTION_ROWS, widths=(100, 35, 35), header=w.actions_header, label_column=False),
    ]
    if roles:
        blocks.append(Paragraph(", ".join(role.title for role in roles), kind="small", label=w.serves))
    return blocks


def _timed(title: str, minutes: int | None) -> str:
    return f"{title} ({minutes} min)" if minutes else title


def booklet_blocks(entries: Sequence[tuple[Guide, Sequence[Skill], Sequence[Role], str]], before: str) -> list[Block]:
    """Every guide, each from a new page under its title, after a word on preparing.

    Each entry is a guide, its skills, its roles and its provenance line.
    """
    blocks: list[Block] = [Heading(GUIDE.booklet_before), Paragraph(before)]
    for guide, skills, roles, provenance in entries:
        blocks += [PageBreak(), Heading(guide.title), Paragraph(guide.challenge, kind="lead")]
        blocks += guide_blocks(guide, skills, roles, level=2)
        if provenance:
            blocks.append(Paragraph(provenance, kind="small"))
    return blocks


def conditions_blocks(
    conditions: Sequence[Condition], links: dict[str, list[Link]], provenance: dict[str, str]
) -> list[Block]:
    """The school's details, the rating scale, then each condition from a new page: signs to tick,
    the rating, strategies, related pages and room for notes."""
    w = CONDITIONS
    scale = " · ".join(f"{number} {level}" for number, level in enumerate(w.ratings, start=1))
    blocks: list[Block] = [
        Table(rows=tuple((label,) for _, label in w.school_fields), widths=(50, 120)),
        Paragraph(scale, label=w.scale),
        Heading(w.contents),
        ListBlock(tuple(condition.name for condition in conditions), numbered=True),
    ]
    for number, condition in enumerate(conditions, start=1):
        blocks += [
            PageBreak(),
            Heading(f"{number}. {condition.name}"),
            Paragraph(condition.description),
            Heading(w.signs, 2),
            ListBlock(tuple(condition.signs), checkbox=True),
            Paragraph("   ".join(f"\u2610 {level}" for level in w.ratings), label=w.rating),
            Heading(w.strategies, 2),
            ListBlock(tuple(condition.strategies)),
        ]
        if related := links.get(condition.id):
            blocks.append(Paragraph(see_also(related), kind="small", label=w.see_also))
        blocks.append(WriteIn(w.notes, AGREEMENTS_MM))
        if line := provenance.get(condition.id):
            blocks.append(Paragraph(line, kind="small"))
    return blocks


def see_also(links: Sequence[Link]) -> str:
    """'the principal move “…” (Using data); the discussion guide “…”.', as the PDF prints it."""
    parts = [f"the {link.kind} “{link.title}”" + (f" ({link.skill})" if link.skill else "") for link in links]
    return "; ".join(parts) + "."
