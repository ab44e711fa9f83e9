"""Provenance a principal can trust: a review date means a named person reviewed the item,
every credited source is in the bibliography, and pages and documents say both plainly."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tltoolkit import DataErrors, load_catalog
from tltoolkit.content.stewardship import Review
from tltoolkit.documents import Settings, plan
from tltoolkit.documents import pdf as pdf_mod
from tltoolkit.documents.docx import write_docx
from tltoolkit.source.catalog import Catalog
from tltoolkit.source.load import load_toolkit
from tltoolkit.web.site import build_pages

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
SAMPLE = ROOT / "examples" / "sample-district" / "district.yml"
NOT_REVIEWED = "Not yet reviewed by your district: adapt it before use"


def _all_catalogs() -> list[Catalog]:
    """The toolkit's data, the test data, and the sample district laid over the toolkit's."""
    return [load_catalog(ROOT / "data"), load_catalog(MINIMAL), load_toolkit(ROOT / "data", SAMPLE)[0]]


def _stewarded(catalog: Catalog) -> list:
    return [*catalog.roles, *catalog.guides, *catalog.conditions]


def _errors(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_catalog(data)
    return [str(error) for error in caught.value.errors]


def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in the file by `new`; return the line where `new` starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def _pages(catalog: Catalog, review: Review | None = None) -> dict[str, str]:
    return {page.uri: page.markdown for page in build_pages(catalog, review)}


# --- the data -------------------------------------------------------------------------


def test_no_review_date_without_a_reviewer_in_any_shipped_data() -> None:
    for catalog in _all_catalogs():
        for item in _stewarded(catalog):
            assert (item.reviewed is None) == (item.reviewed_by is None), item


def test_every_credited_source_is_in_the_bibliography() -> None:
    for catalog in _all_catalogs():
        works = {work.id for work in catalog.bibliography.entries}
        credited = [*_stewarded(catalog), *catalog.credits.values()]
        assert all(source in works for item in credited for source in item.sources)


def test_the_resources_that_follow_a_source_credit_it(catalog) -> None:
    works = {work.id: work for work in catalog.bibliography.entries}
    focus = [works[i] for i in catalog.focus_area.sources]
    denver = ("Denver Public Schools", "Invest in a Culture of Teacher Leadership")
    assert any((w.organization, w.title) == denver for w in focus)
    framework = [works[i] for i in catalog.competencies.sources]
    assert any(w.organization == "Colorado ASCD" for w in framework)
    moves = [works[i] for i in catalog.credits["principal_moves"].sources]
    assert [w.title for w in moves] == ["Chart of Key Principal Moves"]
    assert all(role.sources for role in catalog.roles) and all(guide.sources for guide in catalog.guides)


def test_a_web_source_names_its_publisher_and_says_n_d_when_undated(catalog) -> None:
    web = [work for work in catalog.bibliography.entries if work.kind == "web"]
    assert len(web) >= 8
    assert all(work.year == "n.d." or isinstance(work.year, int) for work in web)
    assert all(work.url is None or work.url.startswith("https://") for work in web)
    boston = [work for work in web if work.organization == "Boston Teacher Leadership Certificate program"]
    assert {work.title for work in boston} >= {
        "Inventory of Teacher Leader Roles",
        "School Conditions and Sample Strategies",
        "Chart of Key Principal Moves",
        "Leadership Discussion Guides",
    }


# --- validation -----------------------------------------------------------------------


def test_a_review_date_without_a_reviewer_is_an_error_at_its_line(minimal_data: Path) -> None:
    line = _edit(minimal_data / "roles.yml", "  reviewed_by: M. Chen, Office of Teacher Leadership\n", "")
    guide = minimal_data / "guides" / "clarifying-the-role.yml"
    guide_line = _edit(guide, "id: clarifying-the-role\n", "id: clarifying-the-role\nreviewed_by: A. Ruiz\n") + 1
    errors = _errors(minimal_data)
    needs = "a review date needs reviewed_by: who reviewed it (a name and/or role)"
    assert f"data/roles.yml:{line - 1}:3: roles[2].reviewed: {needs}" in errors
    assert (
        f"data/guides/clarifying-the-role.yml:{guide_line}:1: reviewed_by: reviewed_by needs reviewed: "
        "the date of that review (YYYY-MM-DD)"
    ) in errors
    assert len(errors) == 2


def test_an_unknown_source_is_an_error_with_a_suggestion(minimal_data: Path) -> None:
    roles = minimal_data / "roles.yml"
    line = _edit(roles, "  sources: [btlc-role-inventory]\n", "  sources: [btlc-role-inventroy]\n")
    top = _edit(minimal_data / "focus_area.yml", "sources: [dps-invest-in-teacher-leadership]", "sources: [denver]")
    errors = _errors(minimal_data)
    assert (
        f"data/roles.yml:{line}:13: roles[1].sources[0]: unknown bibliography entry 'btlc-role-inventroy' "
        "(did you mean 'btlc-role-inventory'?)"
    ) in errors
    assert f"data/focus_area.yml:{top}:11: sources[0]: unknown bibliography entry 'denver'" in errors


def test_a_framework_competency_names_skills_that_exist(minimal_data: Path) -> None:
    framework = minimal_data / "competencies.yml"
    line = _edit(framework, "    skills: [shared-leadership]\n", "    skills: [shared-leadrship]\n")
    assert _errors(minimal_data) == [
        f"data/competencies.yml:{line}:14: stances[0].competencies[0].skills[0]: unknown skill 'shared-leadrship' "
        "(did you mean 'shared-leadership'?)"
    ]


def test_a_book_needs_authors_or_editors(minimal_data: Path) -> None:
    editors = "  editors:\n  - Mangin, Melinda M.\n  - Stoelinga, Sara Ray\n"
    line = _edit(minimal_data / "bibliography.yml", editors, "")
    errors = _errors(minimal_data)
    assert len(errors) == 1
    assert "a book, article, report or chapter needs authors, editors or an organization" in errors[0]
    assert errors[0].startswith(f"data/bibliography.yml:{line - 2}:")


# --- what readers see -----------------------------------------------------------------


def test_an_unreviewed_item_says_so_on_its_page_and_is_never_due() -> None:
    catalog = load_catalog(MINIMAL)
    far_future = Review(months=1, today=date(2040, 1, 1))
    role = _pages(catalog, far_future)["roles/data-team-facilitator.md"]
    assert f'<p class="tl-stewardship tl-stewardship--unreviewed">{NOT_REVIEWED}</p>' in role
    assert "review due" not in role and "Last reviewed" not in role
    named = _pages(catalog, Review(district="Riverside Unified"))
    assert "Not yet reviewed by Riverside Unified: adapt it before use" in named["guides/clarifying-the-role.md"]
    assert named["conditions/index.md"].count("Not yet reviewed by Riverside Unified") == len(catalog.conditions)


def test_a_reviewed_item_shows_date_and_reviewer_and_falls_due_after_the_interval() -> None:
    catalog = load_catalog(MINIMAL)
    fresh = _pages(catalog, Review(months=24, today=date(2026, 3, 9)))["roles/assessment-coordinator.md"]
    assert "Reviewed 10 March 2025 by M. Chen, Office of Teacher Leadership</p>" in fresh
    stale = _pages(catalog, Review(months=24, today=date(2027, 3, 10)))["roles/assessment-coordinator.md"]
    assert "Reviewed 10 March 2025 by M. Chen, Office of Teacher Leadership (review due)" in stale
    assert 'class="tl-stewardship tl-stewardship--due"' in stale


def test_pages_credit_their_sources_with_links_to_the_bibliography(catalog) -> None:
    pages = _pages(catalog)
    inventory = "[Inventory of Teacher Leader Roles (Boston Teacher Leadership Certificate program, n.d.)]"
    assert f"Sources: {inventory}(../bibliography/index.md#btlc-role-inventory)" in pages["roles/math-coach.md"]
    assert "(bibliography/index.md#dps-invest-in-teacher-leadership)" not in pages["focus-area/index.md"]
    assert (
        "Denver Public Schools, n.d.)](../bibliography/index.md#dps-invest-in-teacher-leadership)"
        in pages["focus-area/index.md"]
    )
    assert (
        "(Colorado ASCD, n.d.)](../bibliography/index.md#coascd-foundational-micro-credentials)"
        in pages["competencies/index.md"]
    )
    template = "[Role/Job Description Template (Boston Teacher Leadership Certificate program, n.d.)]"
    assert (
        f"Sources: {template}(../bibliography/index.md#btlc-job-description-template)"
        in pages["job-description/index.md"]
    )
    # Every credited id is an anchor on the bibliography page.
    bibliography = pages["bibliography/index.md"]
    for page in pages.values():
        for anchor in re.findall(r"bibliography/index\.md#([a-z0-9-]+)\)", page):
            assert f"{{ #{anchor} }}" in bibliography


def test_an_item_that_follows_no_source_says_it_was_written_for_the_toolkit() -> None:
    role = _pages(load_catalog(MINIMAL))["roles/grade-level-team-leader.md"]
    assert "Written for this toolkit.\n{ .tl-credits }" in role and "Sources:" not in role


def test_bibliography_marks_editors_and_editions(catalog) -> None:
    page = _pages(catalog)["bibliography/index.md"]
    assert "Mangin, Melinda M.; Stoelinga, Sara Ray (Eds.) (2008)." in page
    assert "Boudett, Kathryn Parker; City, Elizabeth A.; Murnane, Richard J. (Eds.) (2005)." in page
    assert "Helping teachers develop as leaders* (3rd ed.). Corwin." in page
    assert "Boston Teacher Leadership Certificate program (n.d.). *Inventory of Teacher Leader Roles*." in page
    assert "Online at <https://teachers21.org/teacher-leadership-tools>." in page


def test_competency_levels_are_named_for_what_they_describe_and_tied_to_skills(catalog) -> None:
    names = [level.name for level in catalog.competencies.levels]
    assert names == ["Beginning", "Practicing", "Leading others"]
    assert not any("foundational" in name.casefold() for name in names)
    pages = _pages(catalog)
    framework = pages["competencies/index.md"]
    assert "**Develops:** [Shared leadership](../skills/shared-leadership.md)" in framework
    shared = pages["skills/shared-leadership.md"]
    assert "## How teacher leaders grow into it" in shared
    assert "[Leadership vision and mission](../competencies/index.md#leadership-vision)" in shared
    developed = {skill for stance in catalog.competencies.stances for c in stance.competencies for skill in c.skills}
    for skill in catalog.skills:
        assert ("## How teacher leaders grow into it" in pages[f"skills/{skill.id}.md"]) == (skill.id in developed)


# --- documents ------------------------------------------------------------------------


def _text(path: Path) -> str:
    return re.sub(r"-\s+", "-", " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split()))


def test_pdfs_and_word_files_say_whether_an_item_was_reviewed(tmp_path: Path) -> None:
    catalog = load_catalog(MINIMAL)
    settings = Settings(allowed_roots=(ROOT,), district="Riverside Unified")
    jobs = {job.path: job for job in plan(catalog, settings)}
    wanted = (
        "job-descriptions/data-team-facilitator.pdf",
        "job-descriptions/assessment-coordinator.pdf",
        "guides/clarifying-the-role.pdf",
    )
    for path in wanted:
        pdf_mod.render_pdf(str(jobs[path].payload), jobs[path].kind, "letter", tmp_path / Path(path).name, (ROOT,))
    unreviewed = _text(tmp_path / "data-team-facilitator.pdf")
    named = "Not yet reviewed by Riverside Unified: adapt it before use"
    assert f"{named} · Sources: Inventory of Teacher Leader Roles" in unreviewed
    guide = _text(tmp_path / "clarifying-the-role.pdf")  # its body is a macro imported without context
    assert f"{named} · Written for this toolkit." in guide
    reviewed = _text(tmp_path / "assessment-coordinator.pdf")
    assert "Reviewed 10 March 2025 by M. Chen, Office of Teacher Leadership · Sources:" in reviewed
    spec = jobs["job-descriptions/grade-level-team-leader.docx"].payload
    write_docx(spec, tmp_path / "x.docx")  # type: ignore[arg-type]
    paragraphs = [p.text.strip() for p in docx.Document(str(tmp_path / "x.docx")).paragraphs]
    assert f"{named} · Written for this toolkit." in paragraphs
