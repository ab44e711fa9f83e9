"""Editable Word job descriptions with python-docx: real headings, lists and tables.

Built from the same `content.job_description` sections as the PDF and the role page.
Word styles (Title, Heading 1, List Bullet) are used rather than direct formatting,
so a principal can restyle the whole document in Word.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path

import docx
from docx.document import Document as DocumentObject
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from ..content.job_description import Section
from ..content.texts import JOB_DESCRIPTION, JobDescriptionWords
from ..reproducible import stable_zip, zip_date_time

BRAND = RGBColor(0x28, 0x35, 0x93)
# Word documents get edited on machines without the toolkit's typeface: use one every
# Word installation has, so what a principal sees is what the template intended.
FONT = "Calibri"
PAPER = {"letter": (Mm(215.9), Mm(279.4)), "a4": (Mm(210), Mm(297))}
MUTED = RGBColor(0x5A, 0x60, 0x72)


@dataclass(frozen=True)
class DocxSpec:
    """Everything one Word job description shows."""

    title: str
    kicker: str
    lead: str
    facts_line: str
    sections: list[Section]
    how_to_use: list[str] = field(default_factory=list)
    stewardship: str = ""  # "Last reviewed … · Source: …"
    notice: str = ""
    contact: str = ""  # "Questions: …", in the footer
    brand: str = ""  # district primary colour, '#rrggbb'; empty keeps the toolkit's
    author: str = ""
    toolkit: str = ""
    keywords: str = ""
    lang: str = "en"
    paper: str = "letter"
    created: str = ""  # ISO date of the content (its latest review), or empty: same data, same file
    words: JobDescriptionWords = JOB_DESCRIPTION  # headings and labels, the PDF's too

    def fingerprint(self) -> str:
        """Hash of the content plus this module and python-docx: what the file is made from."""
        # repr() of these frozen dataclasses of strings and lists is exact and stable, and
        # much cheaper than asdict() for thousands of roles.
        digest = hashlib.sha256(repr(self).encode())
        digest.update(_code_fingerprint(Path(__file__).stat().st_mtime_ns).encode())
        return digest.hexdigest()


@cache
def _code_fingerprint(_mtime: int) -> str:
    """This module and python-docx's version (read again whenever the module changes)."""
    return hashlib.sha256(Path(__file__).read_bytes() + getattr(docx, "__version__", "").encode()).hexdigest()


def write_docx(spec: DocxSpec, target: Path) -> None:
    """The Word job description `spec` describes, written to `target` (the same bytes for the same spec)."""
    document = docx.Document()
    _styles(document, RGBColor.from_string(spec.brand[1:]) if spec.brand else BRAND)
    _properties(document, spec)
    _page(document, spec)
    _masthead(document, spec)
    _school(document, spec.words)
    if spec.how_to_use:
        document.add_heading(spec.words.how_to_use, level=1)
        for step in spec.how_to_use:
            document.add_paragraph(step, style="List Number")
    for section in spec.sections:
        if not (section.id == "role-title" and not section.is_empty):  # the title already heads the document
            _section(document, section)
    _signatures(document, spec.words)
    _small_print(document, spec)
    # python-docx dates every zip entry with the clock: rewrite them with the document's date.
    buffer = io.BytesIO()
    document.save(buffer)
    target.write_bytes(stable_zip(buffer.getvalue(), zip_date_time(spec.created)))


def _page(document: DocumentObject, spec: DocxSpec) -> None:
    """Paper size, margins, and the running header and footer."""
    section = document.sections[0]
    section.page_width, section.page_height = PAPER[spec.paper]
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    _muted(section.header.paragraphs[0], f"{spec.toolkit} · {spec.title}")
    if footer := [line for line in (spec.notice, spec.contact) if line]:
        _muted(section.footer.paragraphs[0], " · ".join(footer))


def _muted(paragraph: Paragraph, text: str) -> None:
    paragraph.text = text
    paragraph.runs[0].font.size = Pt(8)
    paragraph.runs[0].font.color.rgb = MUTED


def _masthead(document: DocumentObject, spec: DocxSpec) -> None:
    """Kicker, title, the role's facts and the lead."""
    kicker = document.add_paragraph(spec.kicker.upper())
    kicker.runs[0].font.bold = True
    kicker.runs[0].font.size = Pt(9)
    kicker.runs[0].font.color.rgb = RGBColor(0xD8, 0x43, 0x15)
    document.add_heading(spec.title, level=0)
    if spec.facts_line:
        facts = document.add_paragraph(spec.facts_line)
        facts.runs[0].font.color.rgb = MUTED
    if spec.lead:
        document.add_paragraph(spec.lead)


def _school(document: DocumentObject, words: JobDescriptionWords) -> None:
    """The table where a school writes in its own details."""
    document.add_heading(words.school, level=1)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for _, label in words.school_fields:
        row = table.add_row()
        _write_in(row)
        row.cells[0].text = label
        row.cells[0].paragraphs[0].runs[0].font.bold = True
        row.cells[0].width, row.cells[1].width = Mm(50), Mm(120)


def _section(document: DocumentObject, section: Section) -> None:
    """One section: filled from the role, or the template's guidance and prompts with room to write."""
    document.add_heading(section.title, level=1)
    if section.is_empty:
        guidance = document.add_paragraph(section.guidance)
        guidance.runs[0].font.italic = True
        guidance.runs[0].font.color.rgb = MUTED
        for prompt in section.prompts:
            document.add_paragraph(prompt, style="List Bullet")
        document.add_paragraph("[Write this section here.]")
        return
    if section.text:
        document.add_paragraph(section.text)
    for entry in section.items:
        document.add_paragraph(entry, style="List Bullet")
    for label, value in section.facts:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)


def _signatures(document: DocumentObject, words: JobDescriptionWords) -> None:
    """Who agrees to the description: a row to sign and date for each."""
    document.add_heading(words.agreed, level=1)
    signatures = document.add_table(rows=1, cols=3)
    signatures.style = "Table Grid"
    for cell, text in zip(signatures.rows[0].cells, ("", words.signature, words.date), strict=True):
        cell.text = text
    for _, who in words.signers:
        row = signatures.add_row()
        _write_in(row)
        row.cells[0].text = who
    for row in signatures.rows[:-1]:  # the table stays on one page, after its heading
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = True


def _small_print(document: DocumentObject, spec: DocxSpec) -> None:
    """Who reviewed it and what it follows, then the licence notice."""
    for text in (spec.stewardship, f"{spec.toolkit}. {spec.notice}" if spec.notice else ""):
        if text:
            line = document.add_paragraph()
            line.add_run().add_break(WD_BREAK.LINE)
            run = line.add_run(text)
            run.font.size = Pt(8)
            run.font.color.rgb = MUTED


def _write_in(row: docx.table._Row) -> None:
    """A table row tall enough to write in by hand."""
    row.height = Mm(10)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _styles(document: docx.document.Document, brand: RGBColor) -> None:
    for name in ("Normal", "Title", "Heading 1", "List Bullet", "List Number"):
        style = document.styles[name]
        style.font.name = FONT
        # East Asian and complex-script text fall back to the theme font unless set too.
        style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    document.styles["Normal"].font.size = Pt(11)
    document.styles["Title"].font.size = Pt(26)
    document.styles["Heading 1"].font.size = Pt(14)
    for name in ("Title", "Heading 1"):
        document.styles[name].font.color.rgb = brand


# python-docx refuses a core property longer than this (ValueError); the text itself is not limited.
PROPERTY_LIMIT = 255


def _property(text: str) -> str:
    """A document property: data text can be any length, the property is cut to fit with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def _properties(document: docx.document.Document, spec: DocxSpec) -> None:
    props = document.core_properties
    props.title = _property(spec.title)
    props.author = _property(spec.author)
    props.last_modified_by = _property(spec.author)
    props.subject = _property(spec.kicker)
    props.keywords = _property(spec.keywords)
    props.language = spec.lang
    props.comments = _property(spec.notice)
    props.revision = 1
    if spec.created:
        moment = datetime.fromisoformat(spec.created.replace("Z", "+00:00"))
        props.created = props.modified = moment
