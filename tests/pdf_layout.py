"""Read a tagged PDF's layout as a reader meets it: its structure (headings, sections, lists,
fields) with the page and position of every piece, so tests can say "this heading ends a
page without its content" or "this condition is split over two pages" from the PDF itself.

WeasyPrint tags every PDF (PDF/UA): the structure tree names each element (H2, Sect, P, LI,
Form …) and points at its marked text (page, MCID) and form fields; the page's content stream
says where each marked piece is drawn.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

HEADINGS = {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6"}


@dataclass
class Mark:
    """One marked piece of content: a run of text, or a form field."""

    page: int  # 0-based
    top: float  # points from the top of the page
    bottom: float
    text: str = ""
    field: str = ""  # the form field's name, for a widget


@dataclass
class Node:
    """One element of the structure tree."""

    tag: str  # "/H2", "/Sect", "/P", …
    children: list[Node] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)  # its own content, in reading order

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def all_marks(self) -> list[Mark]:
        return [mark for node in self.walk() for mark in node.marks]

    def pages(self) -> list[int]:
        return sorted({mark.page for mark in self.all_marks()})

    def text(self) -> str:
        return " ".join(" ".join(mark.text for mark in self.all_marks()).split())

    def headings(self) -> list[Node]:
        return [node for node in self.walk() if node.tag in HEADINGS]


@dataclass
class Layout:
    path: Path
    root: Node
    page_count: int
    page_height: float

    def marks(self) -> list[Mark]:
        return self.root.all_marks()

    def sections_headed(self, title: str) -> list[Node]:
        """The elements whose first heading reads `title` (a Sect, or the heading's parent)."""
        found = []
        for node in self.root.walk():
            heads = [child for child in node.children if child.tag in HEADINGS]
            if heads and heads[0].text().startswith(title) and node is not self.root:
                found.append(node)
        return found

    def page_text(self, page: int) -> str:
        return " ".join(mark.text for mark in self.marks() if mark.page == page)


def layout(path: Path) -> Layout:
    reader = PdfReader(path)
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    fonts: dict[int, dict[int, str] | None] = {}  # each font's ToUnicode map, read once per file
    content = {number: _page_content(page, fonts) for number, page in enumerate(reader.pages)}
    widgets = {
        annotation.idnum: annotation.get_object()
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Widget"
    }
    height = float(reader.pages[0].mediabox.height)

    def build(element: DictionaryObject, page: int | None) -> Node:
        node = Node(str(element.get("/S", "/?")))
        page = _page_of(element, pages, page)
        kids = element.get("/K")
        for kid in kids if isinstance(kids, ArrayObject) else [] if kids is None else [kids]:
            target = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(target, int):  # marked content on the element's page
                node.marks.extend(content[page].get(target, []) if page is not None else [])
            elif target.get("/Type") == "/MCR":  # marked content, maybe on another page
                on = _page_of(target, pages, page)
                node.marks.extend(content[on].get(int(target["/MCID"]), []) if on is not None else [])
            elif target.get("/Type") == "/OBJR":  # a form field's widget
                widget = widgets.get(target.raw_get("/Obj").idnum)
                on = _page_of(target, pages, page)
                if widget is not None and on is not None:
                    low, high = sorted(float(value) for value in widget["/Rect"][1::2])
                    name = str(widget.get("/T") or widget.get("/Parent", {}).get("/T", ""))
                    node.marks.append(Mark(on, height - high, height - low, field=name))
            else:
                node.children.append(build(target, page))
        return node

    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    return Layout(Path(path), build(root, None), len(reader.pages), height)


def _page_of(element: DictionaryObject, pages: dict[int, int], inherited: int | None) -> int | None:
    """The page an element's content is on: its own /Pg, or its parent's."""
    return pages[element.raw_get("/Pg").idnum] if "/Pg" in element else inherited


def _page_content(page: Any, fonts: dict[int, dict[int, str] | None]) -> dict[int, list[Mark]]:
    """The text drawn inside each marked-content id (MCID) of a page, one Mark per text run."""
    try:
        return read_content(page, fonts)
    except _NotWeasyPrints:
        return extract_content(page)


class _NotWeasyPrints(Exception):
    """The page draws text in a way the quick reader does not follow: pypdf reads it instead."""


# The tokens of a content stream as WeasyPrint (pydyf) writes it. A literal string or a comment
# is never written by it, so meeting one hands the page to pypdf.
_TOKENS = re.compile(
    rb"<<(?P<dict>.*?)>>|\[(?P<array>[^\]]*)\]|<(?P<hex>[0-9A-Fa-f\s]*)>|/(?P<name>[^\s/\[\]<>()%]+)"
    rb"|(?P<number>[+-]?(?:\d+\.?\d*|\.\d+))|(?P<op>[A-Za-z'\"*]+)|(?P<other>[(%{])",
    re.S,
)
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_MCID = re.compile(rb"/MCID\s+(\d+)")
_TEXT_MOVES = {b"Td", b"TD", b"T*", b"'", b'"', b"Tj", b"TL", b"Tz", b"TS", b"Tc", b"Tw", b"d0", b"d1", b"BI"}


def read_content(page: Any, fonts: dict[int, dict[int, str] | None]) -> dict[int, list[Mark]]:
    """What extract_content finds, read straight from the content stream: about 12 times
    quicker than pypdf's text extraction, which the print-layout checks spent most of their time
    in. It follows what WeasyPrint writes (each run of text its own BT, Tm, Tf and TJ, in fonts
    with a ToUnicode map, marked content with an inline MCID); anything else goes to pypdf."""
    contents = page.get("/Contents")
    if contents is None:
        return {}
    contents = contents.get_object()
    streams = contents if isinstance(contents, ArrayObject) else [contents]
    data = b"\n".join(stream.get_object().get_data() for stream in streams)
    resources = page["/Resources"].get("/Font", {})
    height = float(page.mediabox.height)
    number = page.page_number
    marks: dict[int, list[Mark]] = defaultdict(list)
    stack: list[int | None] = []
    cm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    saved: list[tuple[float, ...]] = []
    tm: list[float] | None = None  # the text matrix a Tm set, until a TJ draws from it
    font: dict[int, str] | None = None
    size = 0.0
    operands: list[bytes] = []
    for token in _TOKENS.finditer(data):
        kind = token.lastgroup
        if kind != "op":
            if kind == "other":
                raise _NotWeasyPrints
            operands.append(token.group(0))
            continue
        op = token.group("op")
        if op == b"q":
            saved.append(cm)
        elif op == b"Q":
            cm = saved.pop()
        elif op == b"cm":
            a, b, c, d, e, f = (float(x) for x in operands[-6:])
            A, B, C, D, E, F = cm
            cm = (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)
        elif op == b"BDC":
            found = _MCID.search(operands[-1]) if operands and operands[-1].startswith(b"<<") else None
            if operands and not found and not operands[-1].startswith(b"<<"):
                raise _NotWeasyPrints  # properties named in the resources
            stack.append(int(found.group(1)) if found else None)
        elif op == b"BMC":
            stack.append(None)
        elif op == b"EMC":
            if stack:
                stack.pop()
        elif op == b"Tm":
            tm = [float(x) for x in operands[-6:]]
        elif op == b"Tf":
            reference = resources[operands[-2].decode("latin-1")]
            key = reference.idnum if hasattr(reference, "idnum") else id(reference)
            if key not in fonts:
                fonts[key] = _to_unicode(reference.get_object())
            font, size = fonts[key], float(operands[-1])
            if font is None:
                raise _NotWeasyPrints
        elif op == b"TJ":
            if tm is None or font is None or b"(" in operands[-1]:
                raise _NotWeasyPrints  # a second run from where the first ended; a literal string
            hexes = b"".join(_HEX.findall(operands[-1][1:-1])).translate(None, b" \t\r\n")
            codes = (int(hexes[i : i + 4], 16) for i in range(0, len(hexes), 4))
            run = "".join(font.get(code, chr(code)) for code in codes)  # a code not in the map: as pypdf reads it
            mcid = next((m for m in reversed(stack) if m is not None), None)
            if mcid is not None and run.strip():
                baseline = tm[5] * cm[3] + cm[5]
                scale = abs(cm[3] * tm[3]) or 1
                marks[mcid].append(Mark(number, height - (baseline + size * scale * 0.8), height - baseline, run))
            tm = None
        elif op in _TEXT_MOVES:
            raise _NotWeasyPrints
        operands.clear()
    return dict(marks)


def _to_unicode(font: DictionaryObject) -> dict[int, str] | None:
    """A two-byte (Identity-H) font's map from glyph codes to text, from its ToUnicode CMap."""
    if font.get("/Subtype") != "/Type0" or font.get("/Encoding") != "/Identity-H" or "/ToUnicode" not in font:
        return None
    cmap = font["/ToUnicode"].get_object().get_data()
    found: dict[int, str] = {}

    def text(hexes: bytes) -> str:
        return bytes.fromhex(hexes.decode("ascii")).decode("utf-16-be", "replace")

    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for source, target in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            found[int(source, 16)] = text(target)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, rest in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
            first, last = int(low, 16), int(high, 16)
            if rest.startswith(b"["):
                for code, target in zip(range(first, last + 1), _HEX.findall(rest), strict=False):
                    found[code] = text(target)
            else:
                start = int(rest[1:-1], 16)
                width = len(rest) - 2
                for code in range(first, last + 1):
                    found[code] = text(f"{start + code - first:0{width}x}".encode())
    return found


def extract_content(page: Any) -> dict[int, list[Mark]]:
    """The same by pypdf's text extraction: slower, for any PDF."""
    marks: dict[int, list[Mark]] = defaultdict(list)
    stack: list[int | None] = []
    height = float(page.mediabox.height)

    def operator(op: bytes, args: list[Any], cm: list[float], tm: list[float]) -> None:
        if op == b"BDC":
            properties = args[1] if len(args) > 1 else None
            stack.append(int(properties["/MCID"]) if isinstance(properties, dict) and "/MCID" in properties else None)
        elif op == b"BMC":
            stack.append(None)
        elif op == b"EMC" and stack:
            stack.pop()

    def text(run: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        mcid = next((m for m in reversed(stack) if m is not None), None)
        if mcid is None or not run.strip():
            return
        # WeasyPrint draws from the top-left: the y of a run is its baseline, in device space.
        baseline = tm[5] * cm[3] + cm[5]
        scale = abs(cm[3] * tm[3]) or 1
        top = height - (baseline + size * scale * 0.8)
        marks[mcid].append(Mark(-1, top, height - baseline, run))

    page.extract_text(visitor_operand_before=operator, visitor_text=text)
    number = page.page_number
    return {mcid: [Mark(number, m.top, m.bottom, m.text) for m in runs] for mcid, runs in marks.items()}


def font_sizes(path: Path) -> list[tuple[float, str]]:
    """Every run of text printed in the PDF, headers and footers included, with the size it is
    drawn at in points (the font size scaled by the text and page matrices), in drawing order."""
    runs: list[tuple[float, str]] = []

    def text(run: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not run.strip():
            return
        # The matrix the glyphs are drawn with (text matrix, then page matrix): its vertical scale.
        a, b, c, d = (
            tm[0] * cm[0] + tm[1] * cm[2],
            tm[0] * cm[1] + tm[1] * cm[3],
            tm[2] * cm[0] + tm[3] * cm[2],
            tm[2] * cm[1] + tm[3] * cm[3],
        )
        scale = abs(a * d - b * c) ** 0.5 or 1
        runs.append((round(size * scale, 2), run))

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=text)
    return runs


def reading_order(root: Node) -> list[tuple[Node, Mark]]:
    """Every mark with the element that holds it, in the structure's order."""
    return [(node, mark) for node in root.walk() for mark in node.marks]


def lines(marks: list[Mark]) -> list[str]:
    """Text runs grouped into lines by their baseline (within 2 pt)."""
    rows: list[tuple[float, list[str]]] = []
    for mark in sorted((m for m in marks if m.text.strip()), key=lambda m: m.bottom):
        if rows and abs(rows[-1][0] - mark.bottom) < 2:
            rows[-1][1].append(mark.text)
        else:
            rows.append((mark.bottom, [mark.text]))
    return [" ".join(" ".join(parts).split()) for _, parts in rows]
