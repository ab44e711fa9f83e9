"""Printed documents read well on paper: every heading has its content on the same page, a box to
write in is on the page of the heading that says what it is for, no page starts with a lone
word cut from the page before, no page but the last is left mostly empty, each school condition
is on one page, the signatures never stand alone, the poster is one sheet with no text below
9 pt (the district's logo, contact line and licence included), and the notes boxes of a discussion guide give
room in proportion to the minutes a step takes.

Read from the PDFs the site offers (the toolkit's on US Letter, the sample district's on A4),
through their tagged structure (tests/pdf_layout.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_layout import HEADINGS, Layout, Mark, extract_content, font_sizes, layout, lines, read_content, reading_order
from pypdf import PdfReader

from tltoolkit.documents.build import KIT_FOLDERS

MM = 72 / 25.4  # points in a millimetre
SITES = ["built_site", "built_sample_district"]


@pytest.fixture(scope="module", params=SITES)
def layouts(request: pytest.FixtureRequest) -> dict[str, Layout]:
    """Every PDF of a built site, by its path under downloads/ (the kits' included)."""
    downloads = Path(request.getfixturevalue(request.param)) / "downloads"
    found = {str(path.relative_to(downloads)): layout(path) for path in sorted(downloads.rglob("*.pdf"))}
    assert len(found) > 10 and all(any(name.startswith(f"{folder}/") for name in found) for folder in KIT_FOLDERS)
    return found


def _heading_marks(doc: Layout) -> set[int]:
    return {id(mark) for heading in doc.root.headings() for mark in heading.all_marks()}


def test_no_heading_ends_a_page_without_its_content(layouts):
    ended = []
    for name, doc in layouts.items():
        order = [mark for _, mark in reading_order(doc.root)]
        in_heading = _heading_marks(doc)
        for index, mark in enumerate(order):
            if id(mark) not in in_heading or (index + 1 < len(order) and id(order[index + 1]) in in_heading):
                continue  # only the last piece of a heading
            following = next((m for m in order[index + 1 :] if id(m) not in in_heading), None)
            if following and following.page != mark.page:
                ended.append(f"{name} page {mark.page + 1}: {mark.text!r}")
    assert not ended


def _row_header_marks(doc: Layout) -> set[int]:
    return {id(mark) for node in doc.root.walk() if node.tag == "/TH" for mark in node.all_marks()}


def test_every_box_to_write_in_is_on_the_page_of_its_heading(layouts):
    apart = []
    for name, doc in layouts.items():
        # A table row's header says what the row's box is for (a check-in's long table may run on).
        in_heading = _heading_marks(doc) | _row_header_marks(doc)
        heading: Mark | None = None
        for _, mark in reading_order(doc.root):
            if id(mark) in in_heading:
                heading = mark
            elif mark.field and heading and heading.page != mark.page:
                apart.append(f"{name}: {mark.field} on page {mark.page + 1}, {heading.text!r} on {heading.page + 1}")
    assert not apart


def test_no_page_starts_with_a_lone_word_from_the_page_before(layouts):
    lone = []
    for name, doc in layouts.items():
        in_heading = _heading_marks(doc)
        for page in range(1, doc.page_count):
            body = [m for m in doc.marks() if m.page == page and m.text.strip() and id(m) not in in_heading]
            heads = [m for m in doc.marks() if m.page == page and id(m) in in_heading]
            first = lines(body)[:1]
            top = min((m.top for m in body), default=0)
            if first and len(first[0].split()) == 1 and not any(h.top < top for h in heads):
                lone.append(f"{name} page {page + 1}: {first[0]!r}")
    assert not lone


def test_no_page_but_the_last_is_left_mostly_empty(layouts):
    empty = []
    for name, doc in layouts.items():
        # A page may end short where the next one starts a new part (each guide of the booklet).
        parts = {mark.page for node in doc.root.walk() if node.tag == "/H1" for mark in node.all_marks()}
        for page in range(doc.page_count - 1):
            reach = max((mark.bottom for mark in doc.marks() if mark.page == page), default=0)
            if reach < doc.page_height / 2 and page + 1 not in parts:
                empty.append(f"{name} page {page + 1}: content ends {reach / doc.page_height:.0%} down")
    assert not empty


def test_each_school_condition_is_on_one_page(layouts):
    doc = layouts["school-conditions.pdf"]
    order = [mark for _, mark in reading_order(doc.root)]
    # Each condition is headed by its number and name ("3 Timely access to useful data").
    numbered = [h.all_marks()[0] for h in doc.root.headings() if h.tag == "/H2" and h.text()[:1].isdigit()]
    starts = [index for index, mark in enumerate(order) if any(mark is m for m in numbered)]
    assert len(starts) >= 3
    for start, end in zip(starts, [*starts[1:], len(order)], strict=True):
        part = [mark for mark in order[start:end] if mark.text.strip() or mark.field]
        assert len({mark.page for mark in part}) == 1, (order[start].text, sorted({m.page + 1 for m in part}))
        fields = [mark.field for mark in part if mark.field]
        assert any(f.endswith("-rating") for f in fields) and any(f.endswith("-notes") for f in fields)


def test_signatures_share_their_page_with_the_description(layouts):
    alone = []
    for name, doc in layouts.items():
        if not name.startswith("job-descriptions/"):
            continue
        order = [mark for _, mark in reading_order(doc.root)]
        agreed = next(i for i, mark in enumerate(order) if mark.text.strip() == "Agreed by")
        before = [mark for mark in order[:agreed] if mark.page == order[agreed].page]
        if not before:
            alone.append(f"{name} page {order[agreed].page + 1}")
    assert not alone


def test_the_poster_is_one_sheet_readable_from_a_step_away(layouts):
    doc = layouts["principal-moves-poster.pdf"]
    assert doc.page_count == 1
    sizes = font_sizes(doc.path)
    assert len(sizes) > 100  # the reader saw the poster's text
    smallest = min(sizes)
    assert smallest[0] >= 9, f"text at {smallest[0]} pt: {smallest[1]!r}"


def test_guide_notes_boxes_grow_with_the_minutes_of_the_step(built_site, catalog):
    for guide in catalog.guides:
        doc = layout(built_site / "downloads" / "guides" / f"{guide.id}.pdf")
        boxes = {mark.field: (mark.bottom - mark.top) / MM for mark in doc.marks() if mark.field}
        heights = [(step.minutes, boxes[f"step-{number}-notes"]) for number, step in enumerate(guide.steps, 1)]
        assert all(height >= 15 for _, height in heights), (guide.id, heights)
        # About a line of handwriting for every few minutes: a 15-minute step has over an inch.
        assert all(height >= 25.4 for minutes, height in heights if minutes >= 15), (guide.id, heights)
        ordered = [height for _, height in sorted(heights)]
        assert ordered == sorted(ordered), (guide.id, heights)
        if len({minutes for minutes, _ in heights}) > 1:
            assert ordered[-1] > ordered[0], (guide.id, heights)


def test_the_checks_see_headings_and_fields(layouts):
    """The layout reader finds what the checks above rely on (a reader that saw nothing would pass them all)."""
    doc = layouts["job-descriptions/blank.pdf"]
    assert {"/H1", "/H2"} <= {node.tag for node in doc.root.walk()} and HEADINGS
    assert sum(1 for mark in doc.marks() if mark.field) >= 10
    assert any(mark.text.strip() == "Agreed by" for mark in doc.marks())


def test_the_quick_reading_of_the_pdfs_is_pypdf_s(layouts):
    """The checks above read each page's content stream themselves (tests/pdf_layout.py), a dozen
    times quicker than pypdf's text extraction; on one document of each kind, and every document
    outside the per-role folders, both readings give the same text at the same places."""
    by_folder: dict[str, Path] = {}
    for name, doc in sorted(layouts.items()):
        by_folder.setdefault(name.rsplit("/", 1)[0] if "/" in name else name, doc.path)
    assert len(by_folder) >= 6
    for path in by_folder.values():
        fonts: dict = {}
        for page in PdfReader(path).pages:
            quick = read_content(page, fonts)
            assert quick == extract_content(page), f"{path.name} page {page.page_number + 1}"
