"""The printed resource pages: the focus area, the competencies, the reflection questions with room
to write, the role inventory on a few landscape pages, the principal moves as a one-sheet poster,
and the moves chart whose skills keep their label on every page they run onto."""

from __future__ import annotations

import dataclasses
import itertools
import re
from pathlib import Path

import pytest
from pdf_layout import font_sizes
from pypdf import PdfReader
from session_builds import small_documents_settings

from tltoolkit import Catalog
from tltoolkit.content import labels
from tltoolkit.content.role_facts import one_line
from tltoolkit.content.stewardship import Review
from tltoolkit.documents import build as build_mod
from tltoolkit.documents import document_paths, plan
from tltoolkit.documents import pdf as pdf_mod
from tltoolkit.web.site import build_pages

ROOT = Path(__file__).resolve().parents[1]
POSTER_SMALLEST_PT = 9  # a poster is read from a step or two away: no text on it below this
SETTINGS = small_documents_settings()  # the session's render of the small data set (`small_documents`)
PIECES = {
    "focus-area.pdf": "focus-area/index.md",
    "competencies.pdf": "competencies/index.md",
    "reflection-questions.pdf": "reflection/index.md",
    "roles-inventory.pdf": "roles/index.md",
    "principal-moves-poster.pdf": "principal-moves/index.md",
}


def words(text: str) -> str:
    """Whitespace folded; a line broken after a hyphen ("progress- monitoring") joined again."""
    return re.sub(r"-\s+", "-", " ".join(text.split()))


def page_texts(path: Path) -> list[str]:
    return [words(page.extract_text()) for page in PdfReader(path).pages]


def render(catalog: Catalog, name: str, folder: Path, paper: str = "letter") -> Path:
    """One planned document rendered on its own (the toolkit's data, without building all the rest)."""
    job = next(job for job in plan(catalog, dataclasses.replace(SETTINGS, paper=paper)) if job.path == name)  # type: ignore[arg-type]
    target = folder / f"{paper}-{name}"
    pdf_mod.render_pdf(str(job.payload), job.kind, paper, target, SETTINGS.allowed_roots)
    return target


@pytest.fixture(scope="module")
def printed(catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The print pieces from the toolkit's own data, letter paper."""
    folder = tmp_path_factory.mktemp("print-pieces")
    return {name: render(catalog, name, folder) for name in PIECES}


def test_build_writes_every_piece_tagged_titled_and_in_the_sites_language(minimal_catalog, small_documents) -> None:
    base, report = small_documents  # the small data set's build from an empty cache (tests/conftest.py)
    assert set(PIECES) <= set(document_paths(minimal_catalog)) and set(PIECES) <= set(report.rendered)
    for name in PIECES:
        reader = PdfReader(base / "downloads" / name)
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "en", name
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], name
        assert reader.metadata.title and reader.metadata.author, name
        assert "Test notice." in words(" ".join(page_texts(base / "downloads" / name))), name
    # The small data set: one area of roles, a handful of moves: the poster is still one sheet.
    assert len(PdfReader(base / "downloads" / "principal-moves-poster.pdf").pages) == 1


def test_each_web_page_links_its_printed_version(catalog) -> None:
    pages = {page.uri: page.markdown for page in build_pages(catalog)}
    for name, uri in PIECES.items():
        assert f"(../downloads/{name})" in pages[uri], (uri, name)
    assert "(../downloads/principal-moves.pdf)" in pages["principal-moves/index.md"]


def test_focus_area_prints_its_vision_questions_and_every_action_step(printed, catalog) -> None:
    pages = page_texts(printed["focus-area.pdf"])
    text = " ".join(pages)
    area = catalog.focus_area
    assert 2 <= len(pages) <= 5
    for item in [area.title, area.audience, *area.vision, *area.essential_questions]:
        assert words(item) in text, item
    for objective in area.objectives:
        assert words(objective.title) in text
        for action in objective.action_steps:
            assert words(action.title) in text and all(words(step) in text for step in action.steps)
    assert words(Review().with_works(catalog.bibliography.entries).sources_line(area)) in text


def test_competencies_print_every_level_of_evidence(printed, catalog) -> None:
    pages = page_texts(printed["competencies.pdf"])
    text = " ".join(pages)
    framework = catalog.competencies
    assert 2 <= len(pages) <= 5
    assert all(level.name in text for level in framework.levels)
    for stance in framework.stances:
        assert words(stance.name) in text
        for competency in stance.competencies:
            assert words(competency.name) in text
            assert all(words(evidence.evidence) in text for evidence in competency.levels), competency.id
    assert "Sources: Foundational" in text  # the framework credits its source as the web page does


def test_reflection_questions_each_have_a_box_to_write_in(printed, catalog) -> None:
    reader = PdfReader(printed["reflection-questions.pdf"])
    text = words(" ".join(page.extract_text() for page in reader.pages))
    fields = reader.get_fields() or {}
    themes = catalog.reflection.themes
    assert len(themes) <= len(reader.pages) <= 3 * len(themes)
    for theme in themes:
        assert words(theme.title) in text
        for number, question in enumerate(theme.questions, start=1):
            assert words(question) in text
            assert f"{theme.id}-{number}" in fields, (theme.id, number)
    assert {"name", "date"} <= set(fields)


def test_role_inventory_is_a_few_landscape_pages_with_a_line_per_role_grouped_by_area(printed, catalog) -> None:
    reader = PdfReader(printed["roles-inventory.pdf"])
    pages = [words(page.extract_text()) for page in reader.pages]
    text = " ".join(pages)
    assert all(page.mediabox.width > page.mediabox.height for page in reader.pages)
    assert len(pages) <= max(2, len(catalog.roles) // 7)  # ten roles a page or more
    areas = [category for category in labels.CATEGORY if any(role.category == category for role in catalog.roles)]
    # Areas in the order of the labels, each with its roles after it and before the next area.
    starts = [text.index(labels.CATEGORY[category]) for category in areas]
    assert starts == sorted(starts)
    bounds = dict(zip(areas, [*starts[1:], len(text)], strict=True))
    for role in catalog.roles:
        at = text.index(words(role.title), text.index(labels.CATEGORY[role.category]))
        assert at < bounds[role.category], role.id
        assert words(one_line(role)) in text, role.id
    for column in ("When held", "Scope", "Who fills it", "Skills"):
        assert all(column.upper() in page.upper() for page in pages), column  # the heads on every page
    assert "Sources: Inventory of Teacher Leader Roles" in text


def smallest_text(path: Path) -> tuple[float, str]:
    """The smallest text printed in a PDF: (its size in points, the run of text)."""
    return min(font_sizes(path))


@pytest.mark.parametrize(("paper", "size"), [("letter", (1224, 792)), ("a4", (1191, 842))])
def test_poster_is_one_large_landscape_sheet_with_every_move(catalog, tmp_path, paper: str, size) -> None:
    path = render(catalog, "principal-moves-poster.pdf", tmp_path, paper)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    # Readable on a wall: every piece of text, header and footer included, at 9 pt or more.
    smallest = smallest_text(path)
    assert smallest[0] >= POSTER_SMALLEST_PT, f"text at {smallest[0]} pt: {smallest[1]!r}"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size  # 17 by 11 inches; A3
    text = words(reader.pages[0].extract_text())
    for skill in catalog.skills:
        assert words(skill.name) in text
        assert all(words(move.move) in text for move in catalog.moves[skill.id]), skill.id
        assert words(catalog.moves[skill.id][0].example) in text, skill.id  # with their examples
    assert "Sources: Chart of Key Principal Moves" in text


def test_poster_with_the_longest_column_that_keeps_examples_is_still_one_sheet(catalog, tmp_path) -> None:
    skill = catalog.skills[0]
    moves = list(catalog.moves[skill.id])
    missing = build_mod.POSTER_LOAD - build_mod.poster_load(moves)
    assert missing >= 0  # the toolkit's own data keeps its examples
    longer = moves[0].example + " More words." * (missing // 2) + " Word." * (missing % 2)
    moves[0] = moves[0].model_copy(update={"example": longer})
    assert build_mod.poster_load(moves) == build_mod.POSTER_LOAD
    path = render(
        dataclasses.replace(catalog, moves={**catalog.moves, skill.id: moves}), "principal-moves-poster.pdf", tmp_path
    )
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    assert smallest_text(path)[0] >= POSTER_SMALLEST_PT
    assert "More words." in words(reader.pages[0].extract_text())


def test_poster_of_a_district_with_many_moves_keeps_to_one_sheet(catalog, tmp_path) -> None:
    """Twelve moves a skill (the most the data allows): the examples give way, every move stays."""
    many = {skill.id: twelve(catalog, skill.id) for skill in catalog.skills}
    path = render(dataclasses.replace(catalog, moves=many), "principal-moves-poster.pdf", tmp_path)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    assert smallest_text(path)[0] >= POSTER_SMALLEST_PT
    text = words(reader.pages[0].extract_text())
    assert words(many[catalog.skills[0].id][-1].move) in text
    assert words(catalog.moves[catalog.skills[0].id][0].example) not in text


def twelve(catalog: Catalog, skill_id: str) -> list:
    """The skill's moves, then other skills' moves (new ids, in capitals to tell them apart), to twelve:
    the most the data allows."""
    others = [move for moves in catalog.moves.values() for move in moves if move not in catalog.moves[skill_id]]
    extra = [move.model_copy(update={"id": f"extra-{n}", "move": move.move.upper()}) for n, move in enumerate(others)]
    return [*catalog.moves[skill_id], *extra][:12]


def _skills_on(page: str, catalog: Catalog, moves: dict) -> set[str]:
    return {skill.id for skill in catalog.skills if any(words(m.move) in page for m in moves[skill.id])}


def test_moves_chart_row_continued_on_a_new_page_repeats_its_skill(catalog, tmp_path) -> None:
    # One skill with twelve moves cannot fit one landscape page, so its rows must run onto the next.
    moves = {**catalog.moves, catalog.skills[0].id: twelve(catalog, catalog.skills[0].id)}
    chart = render(dataclasses.replace(catalog, moves=moves), "principal-moves.pdf", tmp_path)
    pages = page_texts(chart)
    continued = 0
    for before, page in itertools.pairwise(pages):
        running = _skills_on(page, catalog, moves) & _skills_on(before, catalog, moves)
        for skill_id in running:
            continued += 1
            name = catalog.skill[skill_id].name
            # The page's head says so, and the skill's name heads its rows again before its first move there.
            assert f"{name} (continued)" in page, (skill_id, page[:200])
            first_move = min(page.index(words(m.move)) for m in moves[skill_id] if words(m.move) in page)
            assert name in page[:first_move], (skill_id, page[:200])
        if not running:
            assert "(continued)" not in page, page[:200]  # a page opening with a new skill is not marked
    assert continued >= 1


def test_the_built_site_offers_each_piece_from_its_page(built_site: Path) -> None:
    for name, uri in PIECES.items():
        page = (built_site / uri.replace(".md", ".html")).read_text(encoding="utf-8")
        link = re.search(rf'<a [^>]*href="\.\./downloads/{re.escape(name)}"[^>]*>([^<]+)</a>', page)
        assert link and "download" in link.group(0), (uri, name)
        assert "PDF" in link.group(1), link.group(1)  # the link says what it opens
        assert (built_site / "downloads" / name).read_bytes().startswith(b"%PDF-"), name
