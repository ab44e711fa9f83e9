"""Editable Word job descriptions: the job description's content as blocks for `word.write`.

Built from the same `content.job_description` sections as the PDF and the role page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..content.job_description import Section
from ..content.texts import JOB_DESCRIPTION, JobDescriptionWords
from . import word
from .word import Block, Heading, ListBlock, Paragraph, Table, WordDocument, WordSettings


@dataclass(frozen=True)
class DocxSpec:
    """Everything one Word job description shows."""

    title: str
    kicker: str
    lead: str
    facts_line: str
    sections: list[Section]
    settings: WordSettings  # the site's names, notice, contact, colour, language, paper
    how_to_use: list[str] = field(default_factory=list)
    stewardship: str = ""  # "Last reviewed … · Source: …"
    keywords: str = ""
    created: str = ""  # ISO date of the content (its latest review), or empty: same data, same file
    words: JobDescriptionWords = JOB_DESCRIPTION  # headings and labels, the PDF's too

    def document(self) -> WordDocument:
        """The job description as a Word document of blocks."""
        return WordDocument(
            title=self.title,
            kicker=self.kicker,
            blocks=tuple(_blocks(self)),
            settings=self.settings,
            facts_line=self.facts_line,
            lead=self.lead,
            small_print=(self.stewardship,),
            keywords=self.keywords,
            created=self.created,
        )


def write_docx(spec: DocxSpec | WordDocument, target: Path) -> None:
    """Write a Word file: a job description's spec, or any document of blocks."""
    word.write(spec.document() if isinstance(spec, DocxSpec) else spec, target)


def _blocks(spec: DocxSpec) -> list[Block]:
    words = spec.words
    blocks: list[Block] = [
        Heading(words.school),  # the table where a school writes in its own details
        Table(rows=tuple((label,) for _, label in words.school_fields), widths=(50, 120)),
    ]
    if spec.how_to_use:
        blocks += [Heading(words.how_to_use), ListBlock(tuple(spec.how_to_use), numbered=True)]
    for section in spec.sections:
        if not (section.id == "role-title" and not section.is_empty):  # the title already heads the document
            blocks += _section(section)
    signers = tuple((who,) for _, who in words.signers)
    blocks += [
        Heading(words.agreed),
        Table(rows=signers, widths=(50, 80, 40), header=("", words.signature, words.date)),
    ]
    return blocks


def _section(section: Section) -> list[Block]:
    """One section: filled from the role, or the template's guidance and prompts with room to write."""
    blocks: list[Block] = [Heading(section.title)]
    if section.is_empty:
        return [
            *blocks,
            Paragraph(section.guidance, kind="guidance"),
            ListBlock(tuple(section.prompts)),
            Paragraph("[Write this section here.]"),
        ]
    if section.text:
        blocks.append(Paragraph(section.text))
    if section.items:
        blocks.append(ListBlock(tuple(section.items)))
    blocks += [Paragraph(value, label=label) for label, value in section.facts]
    return blocks
