"""Selection kits and support plans: every role (and a blank) gets both, as a fillable, tagged PDF
and a Word file, made from the role's own duties, skills and "who fits" signs; role pages link them."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from session_builds import small_documents_settings

from tltoolkit.content.selection import selection_kit
from tltoolkit.content.support_plan import support_plan
from tltoolkit.content.texts import SELECTION_KIT, SUPPORT_PLAN
from tltoolkit.documents import build_documents, document_paths, word
from tltoolkit.documents import plan as plan_documents
from tltoolkit.documents.pdf import render_pdf
from tltoolkit.web.site import build_pages

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = small_documents_settings()  # the session's render of the small data set (`small_documents`)
KITS = ("selection", "support-plans")


@pytest.fixture(scope="module")
def kits(small_documents) -> Path:
    """The minimal data's documents, rendered once for the session (tests/conftest.py)."""
    return small_documents[0] / "downloads"


def words(text: str) -> str:
    """Whitespace folded; a line broken after a hyphen joined again."""
    return re.sub(r"-\s+", "-", " ".join(text.split()))


def pdf_text(path: Path) -> str:
    return words(" ".join(page.extract_text() for page in PdfReader(path).pages))


def word_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return words(" ".join([p.text for p in document.paragraphs] + cells))


def test_every_role_and_the_blank_have_both_kits_in_both_formats(kits, minimal_catalog):
    names = [*(role.id for role in minimal_catalog.roles), "blank"]
    expected = {f"{folder}/{name}.{ext}" for folder in KITS for name in names for ext in ("pdf", "docx")}
    assert expected <= set(document_paths(minimal_catalog))
    for path in expected:
        assert (kits / path).stat().st_size > 5_000, path


def test_selection_kit_holds_the_roles_duties_skills_signs_and_a_described_scale(kits, minimal_catalog):
    for role in minimal_catalog.roles:
        skills = minimal_catalog.skills_named(role.skills)
        for text in (pdf_text(kits / f"selection/{role.id}.pdf"), word_text(kits / f"selection/{role.id}.docx")):
            assert role.title in text
            for duty in role.responsibilities:
                assert words(duty) in text, (role.id, duty)
            for skill in skills:
                assert skill.name in text and words(skill.competencies[0].name) in text
            for sign in role.look_fors:
                assert words(sign) in text
            for number, point in enumerate(SELECTION_KIT.points, start=1):
                assert f"{number} · {point}" in text
            assert words(SELECTION_KIT.fair_steps[3]) in text  # more than one scorer, alone first
            assert "How would you " + role.responsibilities[0][0].lower() in text  # a question per key duty


def test_each_roles_questions_are_its_own(minimal_catalog):
    first, second = minimal_catalog.roles[:2]
    kit_a, kit_b = selection_kit(minimal_catalog, first), selection_kit(minimal_catalog, second)
    assert {q.text for q in kit_a.interview} != {q.text for q in kit_b.interview}
    assert len(kit_a.criteria) == len(first.skills) + 1  # a criterion per skill, and "who fits"


def test_selection_pdf_is_fillable_tagged_and_titled(kits, minimal_catalog):
    role = minimal_catalog.roles[0]
    reader = PdfReader(kits / f"selection/{role.id}.pdf")
    assert reader.metadata.title == f"{role.title}: selection kit"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en" and "/StructTreeRoot" in root
    fields = reader.get_fields()
    for skill_id in role.skills:
        assert {f"criterion-{skill_id}-score", f"criterion-{skill_id}-evidence"} <= set(fields)
    assert {"criterion-fit-score", "apply-by", "candidate", "scorer", "interview-1-notes", "check"} <= set(fields)
    assert {"criterion-fit-scorer-1", "criterion-fit-scorer-2", "criterion-fit-agreed", "total-agreed"} <= set(fields)


def test_support_plan_holds_duties_principal_moves_and_two_three_part_check_ins(kits, minimal_catalog):
    role = minimal_catalog.roles[0]
    move = minimal_catalog.moves[role.skills[0]][0]
    for text in (pdf_text(kits / f"support-plans/{role.id}.pdf"), word_text(kits / f"support-plans/{role.id}.docx")):
        assert words(move.move) in text and words(role.support[0]) in text
        for heading in (SUPPORT_PLAN.goals, SUPPORT_PLAN.midyear, SUPPORT_PLAN.year_end):
            assert heading in text
        for part in (SUPPORT_PLAN.carried_out, SUPPORT_PLAN.competencies, SUPPORT_PLAN.results):
            assert text.count(part) == 2, part
        assert text.count(words(role.responsibilities[-1])) == 2  # asked about at both check-ins
    fields = PdfReader(kits / f"support-plans/{role.id}.pdf").get_fields()
    assert {"goal-1-1", "protected-time", "midyear-duty-1", "year-end-duty-1", "year-end-students"} <= set(fields)
    assert f"move-{role.skills[0]}-{move.id}" in fields


def test_blank_kits_have_room_to_write_the_role_in(kits):
    selection = PdfReader(kits / "selection/blank.pdf").get_fields()
    assert {"posting-responsibilities", "criterion-1-title", "criterion-1-score", "interview-1"} <= set(selection)
    text = pdf_text(kits / "selection/blank.pdf")
    assert SELECTION_KIT.blank_title in text and "4 · Strongly shown" in text
    plan = PdfReader(kits / "support-plans/blank.pdf").get_fields()
    assert {"midyear-row-1-name", "midyear-row-1", "support-skill-1", "goal-1-1"} <= set(plan)
    assert SUPPORT_PLAN.blank_title in word_text(kits / "support-plans/blank.docx")


def test_a_role_without_competencies_or_who_fits_still_gets_a_sensible_kit(minimal_catalog, tmp_path):
    role = minimal_catalog.roles[0].model_copy(update={"look_fors": []})
    skills = [skill.model_copy(update={"competencies": []}) for skill in minimal_catalog.skills]
    roles = [role, *minimal_catalog.roles[1:]]
    catalog = dataclasses.replace(minimal_catalog, roles=roles, skills=skills)
    kit = selection_kit(catalog, role)
    assert [c.title for c in kit.criteria] == [catalog.skill[s].name for s in role.skills]
    assert all(c.about and len(c.points) == 4 for c in kit.criteria)
    assert SELECTION_KIT.fit_question not in [q.text for q in kit.application]  # no signs to choose from
    plan = support_plan(catalog, role)
    assert all(row.label and not row.detail for row in plan.check_ins[0].skills)
    jobs = {job.path: job for job in plan_documents(catalog, SETTINGS)}
    selection, support = jobs[f"selection/{role.id}.pdf"], jobs[f"support-plans/{role.id}.docx"]
    assert render_pdf(str(selection.payload), selection.kind, "letter", tmp_path / "kit.pdf", (ROOT,)) > 2
    text = pdf_text(tmp_path / "kit.pdf")
    assert SELECTION_KIT.fit_title not in text and "Look for:" not in text and SELECTION_KIT.rubric in text
    word.write(support.payload, tmp_path / "plan.docx")  # type: ignore[arg-type]
    assert words(role.responsibilities[0]) in word_text(tmp_path / "plan.docx")


def test_a_warm_build_renders_nothing_and_a_changed_duty_rerenders_its_roles_documents(
    minimal_catalog, small_documents, tmp_path
):
    cache = tmp_path / "cache"
    shutil.copytree(
        small_documents[0] / "cache", cache, copy_function=shutil.copyfile
    )  # what a first build of the same data left
    build_documents(minimal_catalog, tmp_path / "one", cache, SETTINGS)
    assert not build_documents(minimal_catalog, tmp_path / "two", cache, SETTINGS).rendered
    role = minimal_catalog.roles[0]
    changed = role.model_copy(update={"responsibilities": [*role.responsibilities[:-1], "Keep a changed list."]})
    roles = [changed if r is role else r for r in minimal_catalog.roles]
    report = build_documents(dataclasses.replace(minimal_catalog, roles=roles), tmp_path / "three", cache, SETTINGS)
    kinds = ("job-descriptions", *KITS)
    assert sorted(report.rendered) == sorted(f"{kind}/{role.id}.{ext}" for kind in kinds for ext in ("pdf", "docx"))


def test_role_pages_and_the_template_page_link_the_kits(minimal_catalog):
    pages = {page.uri: page.markdown for page in build_pages(minimal_catalog)}
    for role in minimal_catalog.roles:
        markdown = pages[f"roles/{role.id}.md"]
        for folder, label in (("selection", "Selection kit"), ("support-plans", "Support plan")):
            assert f"[{label} (PDF)](../downloads/{folder}/{role.id}.pdf)" in markdown
            assert f"[{label} (Word)](../downloads/{folder}/{role.id}.docx)" in markdown
    template = pages["job-description/index.md"]
    for path in ("selection/blank.pdf", "selection/blank.docx", "support-plans/blank.pdf", "support-plans/blank.docx"):
        assert f"(../downloads/{path})" in template


def test_the_built_site_links_kits_that_resolve(built_site, catalog):
    role = catalog.roles[0]
    page = (built_site / "roles" / role.id / "index.html").read_text(encoding="utf-8")
    for path in (f"selection/{role.id}.pdf", f"support-plans/{role.id}.docx"):
        assert f'href="../../downloads/{path}"' in page
        assert (built_site / "downloads" / path).stat().st_size > 5_000
