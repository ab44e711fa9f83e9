"""Word files from a list of blocks, with python-docx: one writer for every Word document.

A `WordDocument` is plain data (a masthead, then headings, paragraphs, lists, tables with
rows to write in, rubric criteria), so a document kind only says what it shows; page setup,
styles, properties, the running header and footer and the reproducible zip live here once.
Word styles (Title, Heading 1, List Bullet) are used rather than direct formatting, so a
principal can restyle a whole document in Word. Text is always added as plain runs: data
never becomes a field, a link or markup.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Literal

import docx
from docx.document import Document as DocumentObject
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table as TableObject
from docx.table import _Row
from docx.text.paragraph import Paragraph as ParagraphObject

from ..reproducible import stable_zip, zip_date_time

BRAND = RGBColor(0x28, 0x35, 0x93)
ACCENT = RGBColor(0xD8, 0x43, 0x15)
MUTED = RGBColor(0x5A, 0x60, 0x72)
# Word documents get edited on machines without the toolkit's typeface: use one every
# Word installation has, so what a principal sees is what the document intended.
FONT = "Calibri"
PAPER = {"letter": (Mm(215.9), Mm(279.4)), "a4": (Mm(210), Mm(297))}
MARGIN = 20  # mm, every side
WRITE_IN = 10  # mm: the least height of a row written in by hand


# --- blocks -------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    kind: Literal["body", "lead", "guidance", "small"] = "body"
    label: str = ""  # printed bold before the text: "Reports to: Principal"


@dataclass(frozen=True)
class ListBlock:
    items: tuple[str, ...]
    numbered: bool = False
    checkbox: bool = False  # things to tick: a box before each item instead of a bullet


@dataclass(frozen=True)
class Table:
    """A grid whose empty cells are for writing in; the first column is bold when it labels the rows."""

    rows: tuple[tuple[str, ...], ...]  # each row's text from the left; cells left out stay empty
    widths: tuple[float, ...]  # mm per column
    header: tuple[str, ...] = ()
    label_column: bool = True
    row_height: float = WRITE_IN  # mm, at least


@dataclass(frozen=True)
class WriteIn:
    """A box to write in, under its label; `height` in mm, sized to what it holds."""

    label: str  # empty: no label (a heading just above says what to write)
    height: float = 30


@dataclass(frozen=True)
class Criterion:
    """One criterion of a scoring rubric: what it covers, the signs of it, a described point scale, room for evidence."""

    title: str
    about: str
    signs: tuple[str, ...]
    points: tuple[tuple[str, str], ...]  # (name, description), lowest first; numbered from 1
    signs_label: str = "Look for"
    score_label: str = "Score"
    evidence_label: str = "Evidence"


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | ListBlock | Table | WriteIn | Criterion | PageBreak


@dataclass(frozen=True)
class WordSettings:
    """What the site decides for every Word file alike: built once from the site's settings.

    A new site-wide setting of the Word files is a field here, read by the writer below.
    """

    author: str = ""
    toolkit: str = ""  # the toolkit's (or district site's) name, in the running header
    notice: str = ""  # licence line, in the footer, the comments property and the small print
    contact: str = ""  # "Questions: …", in the footer
    brand: str = ""  # district primary colour, '#rrggbb'; empty keeps the toolkit's
    lang: str = "en"
    paper: str = "letter"

    @property
    def licence_line(self) -> str:
        """The last line of the small print: "<toolkit>. <notice>", or nothing without a notice."""
        return f"{self.toolkit}. {self.notice}" if self.notice else ""


@dataclass(frozen=True)
class WordDocument:
    """Everything one Word file shows, and its properties."""

    title: str  # the visible title under the kicker
    kicker: str
    blocks: tuple[Block, ...]
    settings: WordSettings  # the site's names, notice, contact, colour, language, paper
    facts_line: str = ""
    lead: str = ""
    small_print: tuple[str, ...] = ()  # provenance lines, small, at the end (the licence line follows)
    # The file's title property and, after the toolkit's name, its running header; empty: `title`.
    properties_title: str = ""
    keywords: str = ""
    created: str = ""  # ISO date of the content (its latest review), or empty: same data, same file

    def fingerprint(self) -> str:
        """Hash of the content plus this module and python-docx: what the file is made from."""
        # repr() of these frozen dataclasses of strings and tuples is exact and stable, and
        # much cheaper than asdict() for thousands of documents.
        digest = hashlib.sha256(repr(self).encode())
        digest.update(_code_fingerprint(Path(__file__).stat().st_mtime_ns).encode())
        return digest.hexdigest()


@cache
def _code_fingerprint(_mtime: int) -> str:
    """This module and python-docx's version (read again whenever the module changes)."""
    return hashlib.sha256(Path(__file__).read_bytes() + getattr(docx, "__version__", "").encode()).hexdigest()


# --- writing ------------------------------------------------------------------


def write(spec: WordDocument, target: Path) -> None:
    """The Word file `spec` describes, written to `target` (the same bytes for the same spec)."""
    document = docx.Document()
    site = spec.settings
    _styles(document, RGBColor.from_string(site.brand[1:]) if site.brand else BRAND)
    _properties(document, spec)
    _page(document, spec)
    _masthead(document, spec)
    width = _text_width(site.paper)
    for block in spec.blocks:
        _block(document, block, width)
    _small_print(document, spec)
    # python-docx dates every zip entry with the clock: rewrite them with the document's date.
    buffer = io.BytesIO()
    document.save(buffer)
    target.write_bytes(stable_zip(buffer.getvalue(), zip_date_time(spec.created)))


def _text_width(paper: str) -> float:
    return float(PAPER[paper][0].mm) - 2 * MARGIN


def _block(document: DocumentObject, block: Block, width: float) -> None:
    match block:
        case Heading(text, level):
            _styled(document, text, "Title" if level == 0 else f"Heading {level}")
        case Paragraph():
            _paragraph(document, block)
        case ListBlock(items, numbered, checkbox):
            for item in items:
                if checkbox:  # a box to tick in place of the bullet
                    paragraph = document.add_paragraph(f"{CHECKBOX}\u2002{item}")
                    paragraph.paragraph_format.left_indent = Mm(6)
                    paragraph.paragraph_format.first_line_indent = Mm(-6)
                else:
                    _styled(document, item, "List Number" if numbered else "List Bullet")
        case Table():
            _table(document, block)
        case WriteIn(label, height):
            _write_in_box(document, label, height, width)
        case Criterion():
            _criterion(document, block, width)
        case PageBreak():
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# The default template's ids for the styles used. Setting an id directly skips python-docx's lookup
# by name, which scans every style in the template for each paragraph (most of a document's time).
STYLE_ID = {
    "Title": "Title",
    "Heading 1": "Heading1",
    "Heading 2": "Heading2",
    "Heading 3": "Heading3",
    "List Bullet": "ListBullet",
    "List Number": "ListNumber",
    "Table Grid": "TableGrid",
}
CHECKBOX = "\u2610"  # ☐


def _styled(container: DocumentObject | docx.table._Cell, text: str, style: str) -> ParagraphObject:
    paragraph = container.add_paragraph(text)
    paragraph._p.get_or_add_pPr().style = STYLE_ID[style]
    return paragraph


def _paragraph(document: DocumentObject, block: Paragraph) -> None:
    paragraph = document.add_paragraph()
    if block.kind == "guidance":  # advice belongs with what it introduces
        paragraph.paragraph_format.keep_with_next = True
    if block.label:
        paragraph.add_run(f"{block.label}: ").bold = True
    run = paragraph.add_run(block.text)
    if block.kind == "lead":
        run.font.size = Pt(12)
    elif block.kind == "guidance":
        run.font.italic = True
        run.font.color.rgb = MUTED
    elif block.kind == "small":
        run.font.size = Pt(9)
        run.font.color.rgb = MUTED


def _table(document: DocumentObject, block: Table) -> None:
    columns = len(block.widths)
    table = document.add_table(rows=0, cols=columns)
    table._tbl.tblStyle_val = STYLE_ID["Table Grid"]
    if block.header:
        row = table.add_row()
        for cell, text in zip(row.cells, block.header, strict=False):
            cell.text = text
            if cell.paragraphs[0].runs:
                cell.paragraphs[0].runs[0].font.bold = True
        _repeat_as_header(row)
    for texts in block.rows:
        row = table.add_row()
        _write_in(row, block.row_height)
        for index, (cell, text) in enumerate(zip(row.cells, texts, strict=False)):
            cell.text = text
            if block.label_column and index == 0 and cell.paragraphs[0].runs:
                cell.paragraphs[0].runs[0].font.bold = True
    _widths(table, block.widths)
    if len(block.rows) <= 8:  # a short table stays on one page, after its heading
        _keep_together(table)
    _gap(document)


def _write_in_box(document: DocumentObject, label: str, height: float, width: float) -> None:
    """A box to write in (a one-cell table of the given height), under its label if it has one."""
    if label:
        caption = document.add_paragraph()
        caption.add_run(label).bold = True
        caption.paragraph_format.keep_with_next = True
        caption.paragraph_format.space_after = Pt(2)
    table = document.add_table(rows=1, cols=1)
    table._tbl.tblStyle_val = STYLE_ID["Table Grid"]
    _write_in(table.rows[0], height)
    _widths(table, (width,))
    _gap(document)


def _criterion(document: DocumentObject, block: Criterion, width: float) -> None:
    """A rubric criterion as one table kept on one page: the criterion, its signs, the described points, the score and evidence."""
    points = len(block.points)
    table = document.add_table(rows=0, cols=points)
    table._tbl.tblStyle_val = STYLE_ID["Table Grid"]
    head = table.add_row()
    cell = head.cells[0].merge(head.cells[-1])
    cell.paragraphs[0].add_run(block.title).bold = True
    if block.about:
        cell.add_paragraph(block.about)
    if block.signs:
        cell.add_paragraph().add_run(f"{block.signs_label}:").bold = True
        for sign in block.signs:
            _styled(cell, sign, "List Bullet")
    _shade(cell, "E8EAF6")
    scale = table.add_row()
    for index, (cell, (name, description)) in enumerate(zip(scale.cells, block.points, strict=True), start=1):
        cell.paragraphs[0].add_run(f"{index} · {name}").bold = True
        small = cell.add_paragraph().add_run(description)
        small.font.size = Pt(9)
    score = table.add_row()
    cell = score.cells[0].merge(score.cells[-1])
    cell.paragraphs[0].add_run(f"{block.score_label} (circle one):  ").bold = True
    cell.paragraphs[0].add_run("   ".join(str(n) for n in range(1, points + 1)))
    evidence = table.add_row()
    _write_in(evidence, 28)
    cell = evidence.cells[0].merge(evidence.cells[-1])
    cell.paragraphs[0].add_run(f"{block.evidence_label}:").bold = True
    _widths(table, tuple(width / points for _ in range(points)))
    _keep_together(table)
    _gap(document)


def _gap(document: DocumentObject) -> None:
    """A small empty paragraph after a table: Word joins two tables that touch into one."""
    gap = document.add_paragraph()
    gap.paragraph_format.space_after = Pt(0)
    gap.paragraph_format.line_spacing = Pt(6)


def _write_in(row: _Row, height: float = WRITE_IN) -> None:
    """A table row tall enough to write in by hand."""
    row.height = Mm(height)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _widths(table: TableObject, widths: tuple[float, ...]) -> None:
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Mm(width)


def _keep_together(table: TableObject) -> None:
    """No row split across pages, and every row kept with the next: the table moves to a new page whole."""
    for row in table.rows:
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
    for row in table.rows[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _repeat_as_header(row: _Row) -> None:
    """A header row printed again at the top of each page the table runs onto."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _shade(cell: docx.table._Cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


# --- page, masthead, small print ------------------------------------------------


def _page(document: DocumentObject, spec: WordDocument) -> None:
    """Paper size, margins, and the running header and footer."""
    site = spec.settings
    section = document.sections[0]
    section.page_width, section.page_height = PAPER[site.paper]
    section.left_margin = section.right_margin = Mm(MARGIN)
    section.top_margin = section.bottom_margin = Mm(MARGIN)
    _muted(section.header.paragraphs[0], f"{site.toolkit} · {spec.properties_title or spec.title}")
    if footer := [line for line in (site.notice, site.contact) if line]:
        _muted(section.footer.paragraphs[0], " · ".join(footer))


def _muted(paragraph: ParagraphObject, text: str) -> None:
    paragraph.text = text
    paragraph.runs[0].font.size = Pt(8)
    paragraph.runs[0].font.color.rgb = MUTED


def _masthead(document: DocumentObject, spec: WordDocument) -> None:
    """Kicker, title, the facts line and the lead."""
    kicker = document.add_paragraph(spec.kicker.upper())
    kicker.runs[0].font.bold = True
    kicker.runs[0].font.size = Pt(9)
    kicker.runs[0].font.color.rgb = ACCENT
    _styled(document, spec.title, "Title")
    if spec.facts_line:
        facts = document.add_paragraph(spec.facts_line)
        facts.runs[0].font.color.rgb = MUTED
    if spec.lead:
        document.add_paragraph(spec.lead)


def _small_print(document: DocumentObject, spec: WordDocument) -> None:
    """Who reviewed it and what it follows, then the licence notice."""
    for text in (*spec.small_print, spec.settings.licence_line):
        if text:
            line = document.add_paragraph()
            line.add_run().add_break(WD_BREAK.LINE)
            run = line.add_run(text)
            run.font.size = Pt(8)
            run.font.color.rgb = MUTED


def _styles(document: DocumentObject, brand: RGBColor) -> None:
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet", "List Number"):
        style = document.styles[name]
        style.font.name = FONT
        # East Asian and complex-script text fall back to the theme font unless set too.
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    document.styles["Normal"].font.size = Pt(11)
    document.styles["Title"].font.size = Pt(26)
    document.styles["Heading 1"].font.size = Pt(14)
    document.styles["Heading 2"].font.size = Pt(12)
    for name in ("Title", "Heading 1", "Heading 2"):
        document.styles[name].font.color.rgb = brand


# python-docx refuses a core property longer than this (ValueError); the text itself is not limited.
PROPERTY_LIMIT = 255


def _property(text: str) -> str:
    """A document property: data text can be any length, the property is cut to fit with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def _properties(document: DocumentObject, spec: WordDocument) -> None:
    site = spec.settings
    props = document.core_properties
    props.title = _property(spec.properties_title or spec.title)
    props.author = _property(site.author)
    props.last_modified_by = _property(site.author)
    props.subject = _property(spec.kicker)
    props.keywords = _property(spec.keywords)
    props.language = site.lang
    props.comments = _property(site.notice)
    props.revision = 1
    if spec.created:
        moment = datetime.fromisoformat(spec.created.replace("Z", "+00:00"))
        props.created = props.modified = moment
