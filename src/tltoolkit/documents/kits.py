"""The selection kit and the support plan as Word blocks, from the same content as their PDFs."""

from __future__ import annotations

from ..content.selection import SelectionKit
from ..content.support_plan import SupportPlan
from . import word
from .word import Block, Criterion, Heading, ListBlock, Paragraph, Table, WriteIn


def selection_blocks(kit: SelectionKit) -> tuple[Block, ...]:
    """Fair steps, posting, application and interview questions, rubric, then the comparison of scores."""
    words = kit.words
    blocks: list[Block] = []
    if kit.note:
        blocks.append(Paragraph(kit.note, kind="guidance"))
    blocks += [Heading(words.fair), ListBlock(words.fair_steps, numbered=True), Heading(words.posting)]
    for part in kit.posting:
        blocks.append(Heading(part.title, level=2))
        if part.prompt:
            blocks += [
                Paragraph(part.prompt, kind="guidance"),
                WriteIn("", 14 if part.id == "role-title" else 30),
            ]
            continue
        if part.text:
            blocks.append(Paragraph(part.text))
        if part.items:
            blocks.append(ListBlock(part.items))
        blocks += [Paragraph(fact.value, label=fact.label) for fact in part.facts]
    if not kit.blank:
        blocks += [Paragraph(words.criteria_note), ListBlock(tuple(c.title for c in kit.criteria))]
    blocks.append(Table(rows=tuple((label,) for _, label in words.posting_fields), widths=(50, 120)))

    blocks += [Heading(words.application), Paragraph(words.application_lead)]
    if kit.blank:
        blocks += [
            Paragraph(words.blank_application_guidance, kind="guidance"),
            Table(rows=tuple((f"{words.blank_question} {n}",) for n in range(1, 5)), widths=(30, 140)),
        ]
    else:
        for number, question in enumerate(kit.application, start=1):
            blocks.append(Paragraph(question.text, label=str(number)))
            if question.options:
                blocks.append(ListBlock(question.options))

    blocks += [Heading(words.interview), Paragraph(words.interview_lead)]
    if kit.blank:
        blocks.append(Paragraph(words.blank_questions_guidance, kind="guidance"))
        blocks += [WriteIn(f"{words.blank_question} {n}, and {words.notes.lower()}", 30) for n in range(1, 7)]
    else:
        for number, question in enumerate(kit.interview, start=1):
            blocks.append(Paragraph(question.text, label=str(number)))
            if question.listen_for:
                blocks.append(Paragraph("; ".join(question.listen_for), kind="small", label=words.listen_for))
            blocks.append(WriteIn(words.notes, 20))

    blocks += [
        Heading(words.rubric),
        Paragraph(words.rubric_lead),
        Table(rows=tuple((label,) for _, label in words.scorer_fields), widths=(50, 120)),
    ]
    for number, criterion in enumerate(kit.criteria, start=1):
        blocks.append(
            Criterion(
                title=criterion.title or f"{words.blank_criterion} {number}: ______________________",
                about=criterion.about,
                signs=criterion.signs,
                points=criterion.points,
                signs_label=words.look_for,
                score_label=words.score,
                evidence_label=words.evidence,
            )
        )
    titles = [c.title or f"{words.blank_criterion} {n}" for n, c in enumerate(kit.criteria, start=1)]
    blocks += [
        Heading(words.decision),
        Paragraph(words.decision_lead),
        Table(
            rows=tuple((t,) for t in [*titles, words.total]), widths=(70, 25, 25, 25, 25), header=words.decision_header
        ),
        Heading(words.check, level=2),
        Paragraph(words.check_prompt, kind="guidance"),
        WriteIn(words.check, 40),
    ]
    return tuple(blocks)


def support_plan_blocks(plan: SupportPlan) -> tuple[Block, ...]:
    """People, the role, goals, the principal's support and time, evidence, then the two check-ins."""
    words = plan.words
    blocks: list[Block] = [Table(rows=tuple((label,) for _, label in words.people_fields), widths=(50, 120))]
    if plan.summary:
        blocks += [Heading(words.the_role), Paragraph(plan.summary)]
    blocks += [
        Heading(words.goals),
        Paragraph(words.goals_lead),
        Table(rows=((),) * words.goal_rows, widths=(80, 60, 30), header=words.goal_header, row_height=22),
        Heading(words.support),
    ]
    if plan.blank:
        blocks += [
            Paragraph(words.blank_support_lead),
            Table(
                rows=tuple((f"{words.skill_label} {n}",) for n in range(1, words.blank_skills + 1)),
                widths=(50, 120),
                header=(words.skill_label, words.how_and_when),
                row_height=25,
            ),
        ]
    else:
        blocks.append(Paragraph(words.support_lead))
        for entry in plan.skill_support:
            blocks += [
                Heading(entry.skill, level=2),
                ListBlock(tuple(move.text for move in entry.moves), checkbox=True),
                WriteIn(f"{entry.skill}: {words.how_and_when.lower()}", 18),
            ]
        if plan.role_support:
            blocks += [
                Heading(words.role_support, level=2),
                ListBlock(tuple(c.text for c in plan.role_support), checkbox=True),
            ]
    blocks.append(Heading(words.time, level=2))
    blocks += [Paragraph(value, label=label) for label, value in plan.time]
    blocks.append(WriteIn(words.protected_time, 20))

    blocks += [Heading(words.evidence), Paragraph(words.evidence_lead)]
    if plan.evaluated_by:
        blocks.append(Paragraph(plan.evaluated_by, label=words.reviewed_by))
    blocks += [ListBlock(tuple(c.text for c in plan.evidence), checkbox=True), WriteIn(words.evidence_other, 20)]

    for check in plan.check_ins:
        blocks += [
            word.PageBreak(),
            Heading(check.title),
            Table(rows=((words.check_in_date,),), widths=(50, 120)),
            Heading(words.carried_out, level=2),
            Paragraph(words.carried_out_lead, kind="guidance"),
            Table(
                rows=tuple((row.label,) for row in check.responsibilities),
                widths=(75, 95),
                label_column=False,
                row_height=18,
            ),
            Heading(words.competencies, level=2),
            Paragraph(words.competencies_lead, kind="guidance"),
            Table(
                rows=tuple((f"{row.label} ({row.detail})" if row.detail else row.label,) for row in check.skills),
                widths=(75, 95),
                label_column=False,
                row_height=22,
            ),
            Heading(words.results, level=2),
            WriteIn(words.for_teachers, 28),
            WriteIn(words.for_students, 28),
            WriteIn(check.next_label, 22),
            Table(
                rows=tuple((who,) for _, who in words.signers),
                widths=(50, 80, 40),
                header=("", words.signature, words.date),
            ),
        ]
    return tuple(blocks)
