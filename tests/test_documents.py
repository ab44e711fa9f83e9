"""Printable documents: every file exists, PDFs are tagged, titled, fillable and hold the
data; Word files hold the data; the cache re-renders only what changed."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from session_builds import documents_settings

from tltoolkit import load_catalog
from tltoolkit.content.texts import JOB_DESCRIPTION
from tltoolkit.documents import Settings, build_documents, document_paths, plan
from tltoolkit.documents import pdf as pdf_mod
from tltoolkit.documents.fetcher import RefusedURL, SafeFetcher
from tltoolkit.web.site import build_pages

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = (
    documents_settings()
)  # the site's, so the session renders the toolkit's documents once (tests/session_builds.py)


@pytest.fixture(scope="session")
def built(built_documents):
    """All documents, rendered once for the session into a fresh cache (tests/conftest.py)."""
    return built_documents


def words(text: str) -> str:
    """Whitespace folded; a line broken after a hyphen ("progress- monitoring") joined again."""
    return re.sub(r"-\s+", "-", " ".join(text.split()))


def pdf_text(path: Path) -> str:
    return words(" ".join(page.extract_text() for page in PdfReader(path).pages))


def test_every_expected_file_exists(built, catalog):
    base, report = built
    out = base / "downloads"
    names = [*(role.id for role in catalog.roles), "blank"]
    folders = ("job-descriptions", "selection", "support-plans")  # the description and the two kits
    expected = {f"{folder}/{name}.{ext}" for folder in folders for name in names for ext in ("pdf", "docx")}
    expected |= {"guides/all-guides.pdf", "guides/all-guides.docx"}
    expected |= {f"guides/{guide.id}.{ext}" for guide in catalog.guides for ext in ("pdf", "docx")}
    expected |= {"school-conditions.pdf", "school-conditions.docx", "principal-moves.pdf", "principal-moves-poster.pdf"}
    expected |= {"focus-area.pdf", "competencies.pdf", "reflection-questions.pdf", "roles-inventory.pdf"}
    written = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
    assert written == expected == set(document_paths(catalog))
    assert report.total == len(expected) and not report.cached and report.pages > len(expected) / 2


def test_every_pdf_is_titled_tagged_and_embeds_its_fonts(built):
    out = built[0] / "downloads"
    for path in out.rglob("*.pdf"):
        reader = PdfReader(path)
        root = reader.trailer["/Root"]
        assert reader.metadata.title, path
        assert reader.metadata.author == "Teacher Leadership Toolkit", path
        assert root["/Lang"] == "en", path
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], path
        fonts = {
            font.get_object()["/BaseFont"]: font.get_object()
            for page in reader.pages
            for font in page["/Resources"]["/Font"].values()
        }
        assert fonts and all("Atkinson-Hyperlegible" in name for name in fonts), (path, list(fonts))
        for font in fonts.values():
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, path


def test_role_pdf_holds_its_job_description_and_form_fields(built, catalog):
    out = built[0] / "downloads" / "job-descriptions"
    for role in catalog.roles:
        reader = PdfReader(out / f"{role.id}.pdf")
        assert reader.metadata.title == f"{role.title}: role description"
        text = pdf_text(out / f"{role.id}.pdf")
        assert role.title in text
        for item in role.responsibilities:
            assert words(item) in text, (role.id, item)
        fields = reader.get_fields()
        for name in ("school", "supervisor", "stipend-or-release", "start-date", "principal-signature"):
            assert name in fields, (role.id, name)
        assert re.search(r"Page 1 of \d", text)


def test_documents_say_whether_each_item_was_reviewed_and_credit_its_sources(built, catalog):
    out = built[0] / "downloads"
    unreviewed = "Not yet reviewed by your district: adapt it before use · Sources: "
    inventory = "Inventory of Teacher Leader Roles (Boston Teacher Leadership Certificate program, n.d.)"
    assert f"{unreviewed}{inventory}" in pdf_text(out / "job-descriptions" / "math-coach.pdf")
    guide = catalog.guides[0]
    assert f"{unreviewed}Leadership Discussion Guides" in pdf_text(out / "guides" / f"{guide.id}.pdf")
    conditions = pdf_text(out / "school-conditions.pdf")
    assert conditions.count(unreviewed + "School Conditions and Sample Strategies") == len(catalog.conditions)
    assert "Sources: Chart of Key Principal Moves" in pdf_text(out / "principal-moves.pdf")
    paragraphs = [p.text for p in docx.Document(str(out / "job-descriptions" / "math-coach.docx")).paragraphs]
    assert any(f"{unreviewed}{inventory}" in text for text in paragraphs)


def test_blank_template_has_prompts_and_a_field_per_section(built, catalog):
    path = built[0] / "downloads" / "job-descriptions" / "blank.pdf"
    text = pdf_text(path)
    fields = PdfReader(path).get_fields()
    for section in catalog.job_description.sections:
        assert words(section.prompts[0]) in text
        assert f"{section.id}-text" in fields


def test_guides_have_note_fields_and_the_booklet_has_contents_and_bookmarks(built, catalog):
    out = built[0] / "downloads" / "guides"
    for guide in catalog.guides:
        fields = PdfReader(out / f"{guide.id}.pdf").get_fields()
        assert {"agreements", "step-1-notes", "action-1"} <= set(fields)
    booklet = PdfReader(out / "all-guides.pdf")
    titles = [item.title for item in booklet.outline if not isinstance(item, list)]
    assert titles == ["Contents", *(guide.title for guide in catalog.guides)]
    contents = words(booklet.pages[1].extract_text())
    for guide in catalog.guides:
        assert re.search(re.escape(guide.title) + r"[ .]*\d+", contents), guide.title
    links = [a.get_object() for a in booklet.pages[1].get("/Annots", [])]
    assert len([a for a in links if a.get("/Subtype") == "/Link"]) >= len(catalog.guides)
    assert f"{catalog.guides[0].id}-agreements" in booklet.get_fields()


def test_conditions_checklist_has_rating_and_notes_per_condition(built, catalog):
    path = built[0] / "downloads" / "school-conditions.pdf"
    fields = PdfReader(path).get_fields()
    text = pdf_text(path)
    for condition in catalog.conditions:
        assert {f"{condition.id}-rating", f"{condition.id}-notes", f"{condition.id}-sign-1"} <= set(fields)
        assert words(condition.strategies[0]) in text


def test_principal_moves_is_landscape_with_a_header_row_on_every_page(built, catalog):
    reader = PdfReader(built[0] / "downloads" / "principal-moves.pdf")
    assert len(reader.pages) > 1
    for page in reader.pages:
        assert page.mediabox.width > page.mediabox.height
        assert "Principal move" in page.extract_text()


def test_word_job_descriptions_hold_title_and_responsibilities(built, catalog):
    out = built[0] / "downloads" / "job-descriptions"
    for role in catalog.roles:
        document = docx.Document(str(out / f"{role.id}.docx"))
        assert document.core_properties.title == role.title
        paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
        assert ("Title", role.title) in paragraphs
        bullets = [text for style, text in paragraphs if style == "List Bullet"]
        assert all(item in bullets for item in role.responsibilities)
        assert any(style.startswith("Heading") for style, _ in paragraphs)
    blank = docx.Document(str(out / "blank.docx"))
    assert blank.core_properties.title == "Teacher leader role description"


def test_a_changed_role_rerenders_only_its_own_documents(built, catalog, tmp_path):
    base, _ = built
    role = catalog.roles[0]
    changed = role.model_copy(update={"responsibilities": [*role.responsibilities[:-1], "Keep a changed list."]})
    roles = [changed if r is role else r for r in catalog.roles]
    report = build_documents(dataclasses.replace(catalog, roles=roles), tmp_path / "out", base / "cache", SETTINGS)
    own = [
        f"{folder}/{role.id}.{ext}"
        for folder in ("job-descriptions", "selection", "support-plans")
        for ext in ("pdf", "docx")
    ]
    assert sorted(report.rendered) == sorted(own)  # its description and the kits made from it
    assert len(report.cached) == report.total - len(own)
    assert "Keep a changed list." in pdf_text(tmp_path / "out" / "job-descriptions" / f"{role.id}.pdf")


def test_a4_is_a_setting(catalog, tmp_path):
    job = next(j for j in plan(catalog, Settings(paper="a4")) if j.path == "principal-moves.pdf")
    pdf_mod.render_pdf(str(job.payload), job.kind, "a4", tmp_path / "moves.pdf")
    box = PdfReader(tmp_path / "moves.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    with pytest.raises(ValueError):
        Settings(paper="legal")  # type: ignore[arg-type]


def test_fetcher_refuses_the_network_and_files_outside_the_project(tmp_path):
    fetcher = SafeFetcher([ROOT])
    for url in ("https://example.com/font.ttf", "http://127.0.0.1/x.css", "file:///etc/passwd"):
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    font = ROOT / "src/tltoolkit/documents/fonts/AtkinsonHyperlegible-Regular.ttf"
    assert fetcher.fetch(font.as_uri()).read()[:4] == b"\x00\x01\x00\x00"


def test_role_page_links_its_pdf_and_docx(catalog):
    pages = {page.uri: page.markdown for page in build_pages(catalog)}
    for role in catalog.roles:
        markdown = pages[f"roles/{role.id}.md"]
        assert f"(../downloads/job-descriptions/{role.id}.pdf)" in markdown
        assert f"(../downloads/job-descriptions/{role.id}.docx)" in markdown
    assert "(../downloads/guides/all-guides.pdf)" in pages["guides/index.md"]


def test_word_guides_and_conditions_hold_their_steps_and_strategies(built, catalog):
    out = built[0] / "downloads"

    def paragraphs(path: Path) -> list[tuple[str, str]]:
        return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]

    for guide in catalog.guides:
        found = paragraphs(out / "guides" / f"{guide.id}.docx")
        assert ("Title", guide.title) in found
        headings = [text for style, text in found if style.startswith("Heading")]
        assert f"1. {guide.steps[0].title} ({guide.steps[0].minutes} min)" in headings
        assert {"Before the meeting", "The conversation"} <= set(headings)
        texts = {text for _, text in found}
        assert all(question in texts for step in guide.steps for question in step.questions), guide.id
    booklet = paragraphs(out / "guides" / "all-guides.docx")
    assert [text for style, text in booklet if style == "Heading 1"][1:] == [g.title for g in catalog.guides]
    conditions = paragraphs(out / "school-conditions.docx")
    headings = [text for style, text in conditions if style == "Heading 1"]
    assert all(f"{n}. {c.name}" in headings for n, c in enumerate(catalog.conditions, 1))
    assert all(s in {text for _, text in conditions} for c in catalog.conditions for s in c.strategies)


def test_guide_and_conditions_pages_link_their_word_files(catalog):
    pages = {page.uri: page.markdown for page in build_pages(catalog)}
    for guide in catalog.guides:
        markdown = pages[f"guides/{guide.id}.md"]
        assert f"(../downloads/guides/{guide.id}.pdf)" in markdown
        assert f"(../downloads/guides/{guide.id}.docx)" in markdown
    assert "(../downloads/guides/all-guides.docx)" in pages["guides/index.md"]
    assert "(../downloads/school-conditions.docx)" in pages["conditions/index.md"]


def test_role_pdf_and_page_say_the_word_file_is_the_one_to_reword(built, catalog):
    """The role's own text is fixed in the PDF (no field holds it): both say so and point to Word."""
    out = built[0] / "downloads" / "job-descriptions"
    role = catalog.roles[0]
    assert words(JOB_DESCRIPTION.pdf_note) in pdf_text(out / f"{role.id}.pdf")
    fields = PdfReader(out / f"{role.id}.pdf").get_fields()
    assert not any(field.get("/V") for field in fields.values())  # nothing prefilled that could clip
    markdown = next(page.markdown for page in build_pages(catalog) if page.uri == f"roles/{role.id}.md")
    assert JOB_DESCRIPTION.web_note in markdown and "fillable" not in markdown.lower()
    word_link = markdown.index(f"job-descriptions/{role.id}.docx")
    assert word_link < markdown.index(f"job-descriptions/{role.id}.pdf")  # the one to adapt comes first


@pytest.mark.slow  # a fresh worker process for every document
def test_replacing_workers_midway_loses_and_changes_no_document(minimal_data, tmp_path, monkeypatch):
    """Workers are replaced every TASKS_PER_WORKER documents (to cap their memory): the files
    are the same, byte for byte, as those rendered in one process."""
    from tltoolkit.documents import build as build_mod

    small = load_catalog(minimal_data)
    alone = build_documents(
        small, tmp_path / "alone", tmp_path / "cache-alone", dataclasses.replace(SETTINGS, workers=1)
    )
    monkeypatch.setattr(build_mod, "TASKS_PER_WORKER", 1)  # a fresh worker for every document
    # Use the pool even if earlier tests left idle threads in the test runner (see test_background).
    monkeypatch.setattr(build_mod, "can_fork", lambda: True)
    pooled = build_documents(small, tmp_path / "pooled", tmp_path / "cache-pooled", SETTINGS)
    assert sorted(pooled.rendered) == sorted(alone.rendered) == sorted(document_paths(small))
    assert pooled.total >= 3 * SETTINGS.workers  # so each worker was replaced at least twice
    for path in document_paths(small):
        assert (tmp_path / "pooled" / path).read_bytes() == (tmp_path / "alone" / path).read_bytes(), path
