"""Role facts a principal plans with: who fills each role, hours, release and pay, honestly given.

Expected results come from the data and the rules in docs/editing.md ("Who fills a role",
"Figures and their basis"), not from the rendered pages.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tltoolkit import Catalog, DataErrors
from tltoolkit.content import role_facts
from tltoolkit.content.job_description import job_description
from tltoolkit.source.load import load_toolkit
from tltoolkit.web.downloads import roles_csv, roles_json
from tltoolkit.web.render import plain
from tltoolkit.web.site import build_pages

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def pages(catalog: Catalog) -> dict[str, str]:
    return {page.uri: page.markdown for page in build_pages(catalog)}


def facts(catalog: Catalog, role_id: str) -> dict[str, str]:
    sections = job_description(catalog.job_description, catalog.role[role_id], catalog.planning)
    return {label: value for section in sections for label, value in section.facts}


# --- who fills each role -------------------------------------------------------------


def test_every_role_states_who_fills_it_on_its_page_and_in_its_job_description(catalog: Catalog) -> None:
    site = pages(catalog)
    for role in catalog.roles:
        said = role_facts.who_fills(role)
        assert facts(catalog, role.id)["Who fills it"] == said
        assert f"| **Filled by** | {plain(said)} |" in site[f"roles/{role.id}.md"], role.id
        if role.filled_by != "principal":
            assert role.filled_by_note, f"{role.id}: a role the principal does not fill says who does"
            assert "the principal does not" in said


def test_who_fills_a_role_agrees_with_how_it_is_selected(catalog: Catalog) -> None:
    # Elected and rotating roles cannot be the principal's to fill, and the reverse.
    for role in catalog.roles:
        assert (role.selection == "elected") == (role.filled_by == "election"), role.id
        assert (role.selection == "rotation") == (role.filled_by == "rotation"), role.id
        if role.filled_by == "principal":
            assert "principal" in role.selection_detail.lower(), role.id


def test_the_union_representative_is_elected_and_not_ranked(catalog: Catalog) -> None:
    union = catalog.role["union-building-rep"]
    assert union.filled_by == "election" and not role_facts.ranked(union)
    match = pages(catalog)["roles/match.md"]
    ranked_list, _, not_ranked = match.partition('id="tl-not-ranked"')
    assert "roles/union-building-rep" not in ranked_list.split('id="tl-match-results"')[1]
    assert plain("Elected by union members in the building; the principal does not appoint it.") in not_ranked


def test_matching_lists_each_role_once_ranked_or_apart(catalog: Catalog) -> None:
    match = pages(catalog)["roles/match.md"]
    results, _, apart = match.partition('id="tl-not-ranked"')
    results = results.split('id="tl-match-results"')[1]
    linked = lambda text: re.findall(r"\]\(([a-z0-9-]+)\.md\)\*\*", text)  # noqa: E731
    assert linked(results) == [r.id for r in _inventory(catalog) if r.filled_by == "principal"]
    assert linked(apart) == [r.id for r in _inventory(catalog) if r.filled_by != "principal"]


def _inventory(catalog: Catalog) -> list:
    from tltoolkit.content import labels

    return sorted(catalog.roles, key=lambda role: list(labels.CATEGORY).index(role.category))


# --- figures and their basis -----------------------------------------------------------


def test_no_figure_in_the_structured_facts_without_a_basis(catalog: Catalog) -> None:
    works = {work.id for work in catalog.bibliography.entries}
    for role in catalog.roles:
        hours = role.hours_per_week
        if hours is None:
            continue
        if hours.basis == "source":
            assert hours.sources and set(hours.sources) <= works, role.id
        else:  # the toolkit's own estimate, and every reader is told so
            assert role_facts.ESTIMATE in facts(catalog, role.id)["Weekly hours"], role.id


def test_toolkit_role_text_names_no_amount_of_money_or_percentage(catalog: Catalog) -> None:
    # Pay amounts are the district's to set (district.yml `planning:`); the toolkit cites none it cannot source.
    for role in catalog.roles:
        text = " ".join([role.time_commitment, role.compensation, role.summary, *role.responsibilities])
        assert not re.search(r"[$€£]\s?\d|\d\s?%|\bper ?cent\b", text), role.id


def test_release_is_described_from_what_the_role_defines(catalog: Catalog) -> None:
    for role in catalog.roles:
        said = facts(catalog, role.id)["Release from teaching"]
        if role.held == "full-time-teaching":
            assert said.startswith("None")
        elif role.release_periods:
            assert f"{role.release_periods.low}" in said and "period" in said
        elif role.held == "full-release":
            assert said.startswith("Full time")


@pytest.mark.parametrize(
    "hours, message",
    [
        ("{low: 2, high: 3, basis: source}", "basis 'source' needs at least one bibliography id"),
        ("{low: 2, high: 3, basis: source, sources: [no-such-work]}", "unknown bibliography entry 'no-such-work'"),
        ("{low: 3, high: 2, basis: duties}", "high (2) is below low (3)"),
    ],
)
def test_a_figure_without_a_valid_source_is_an_error_at_its_line(minimal_data: Path, hours: str, message: str) -> None:
    path = minimal_data / "roles.yml"
    text = path.read_text()
    old = "hours_per_week: {low: 1.5, high: 2, basis: duties}"
    assert old in text
    path.write_text(text.replace(old, f"hours_per_week: {hours}", 1))
    line = text[: text.index(old)].count("\n") + 1
    with pytest.raises(DataErrors) as caught:
        load_toolkit(minimal_data)
    found = [e for e in caught.value.errors if message in e.message]
    assert found, caught.value.report()
    assert found[0].file == "data/roles.yml" and line <= found[0].line <= line + 1


# --- the district's own figures ----------------------------------------------------------

PLANNING = """
planning:
  periods_per_day: 7
  max_hours_per_week: 5
  roles:
    grade-level-team-leader: {stipend: 1500, hours_per_week: 2, note: Contract article 14}
    data-team-facilitator: {hourly_rate: 42.5}
"""


@pytest.fixture
def district(minimal_data: Path) -> Path:
    folder = minimal_data.parent / "district"
    folder.mkdir()
    (folder / "district.yml").write_text("name: Lakeview School District\n" + PLANNING)
    return folder / "district.yml"


def test_district_figures_appear_on_the_role_page_in_documents_and_downloads(
    minimal_data: Path, district: Path
) -> None:
    catalog, _ = load_toolkit(minimal_data, district)
    page = pages(catalog)["roles/grade-level-team-leader.md"]
    assert "**District stipend:** " + plain("$1,500 a year") in page
    assert "**District hours:** " + plain("2 hours a week") in page
    assert "**District figures from:** " + plain("Contract article 14") in page
    said = facts(catalog, "data-team-facilitator")
    assert said["District hourly rate"] == "$42.50 an hour"
    assert "To decide" not in said  # the district has decided the pay
    assert "To decide" in facts(catalog, "assessment-coordinator")

    rows = {row["ID"]: row for row in csv.DictReader(io.StringIO(roles_csv(catalog).decode("utf-8-sig")))}
    assert rows["grade-level-team-leader"]["District stipend"] == "1500"
    assert rows["data-team-facilitator"]["District hourly rate"] == "42.5"
    document = json.loads(roles_json(catalog))
    assert document["planning"]["roles"]["grade-level-team-leader"]["stipend"] == 1500
    assert document["planning"]["periods_per_day"] == 7


def test_without_district_figures_the_page_says_what_to_decide(catalog: Catalog) -> None:
    page = pages(catalog)["roles/grade-level-team-leader.md"]
    assert "**District " not in page
    assert "**To decide:**" in page and not re.search(r"To decide:\*\* [^\n]*\d", page)


def test_an_unknown_role_in_district_planning_is_an_error_at_its_line(minimal_data: Path, district: Path) -> None:
    text = district.read_text().replace("data-team-facilitator:", "data-team-facilitatr:")
    district.write_text(text)
    with pytest.raises(DataErrors) as caught:
        load_toolkit(minimal_data, district)
    [error] = caught.value.errors
    assert error.line == text[: text.index("data-team-facilitatr")].count("\n") + 1
    assert error.path == "planning.roles.data-team-facilitatr"
    assert "unknown role 'data-team-facilitatr'" in error.message and "data-team-facilitator" in error.message


def test_negative_or_huge_district_amounts_are_errors_all_at_once(minimal_data: Path, district: Path) -> None:
    text = (
        district.read_text().replace("stipend: 1500", "stipend: -5").replace("hourly_rate: 42.5", "hourly_rate: 99999")
    )
    district.write_text(text)
    with pytest.raises(DataErrors) as caught:
        load_toolkit(minimal_data, district)
    paths = {error.path for error in caught.value.errors}
    assert {
        "planning.roles.grade-level-team-leader.stipend",
        "planning.roles.data-team-facilitator.hourly_rate",
    } <= paths
    assert all(error.file.endswith("district.yml") and error.line > 1 for error in caught.value.errors)


def test_a_role_the_district_removed_cannot_take_figures(minimal_data: Path, district: Path) -> None:
    (district.parent / "data").mkdir()
    district.write_text(district.read_text() + "overlay: data\nremove:\n  roles: [grade-level-team-leader]\n")
    with pytest.raises(DataErrors) as caught:
        load_toolkit(minimal_data, district)
    assert any("unknown role 'grade-level-team-leader'" in e.message for e in caught.value.errors)


# --- summaries are sentences ---------------------------------------------------------------

RELATIVE = {"who", "that", "which", "whose", "whom", "where"}
AUXILIARY = {"is", "are", "was", "were", "has", "have", "does", "do", "can", "will", "must", "may", "should"}
# Openers of a leading phrase ("When a school ..., ", "In districts ..., "): the main clause follows the comma.
OPENERS = {"when", "if", "in", "by", "because", "although", "while", "working", "with", "unlike", "as", "after"}
# Verbs the summaries use that no role lists as a duty (the duties give the rest).
SUMMARY_VERBS = {"host", "manage", "strengthen", "leave", "serve", "require"}


def verbs(catalog_roles: list) -> set[str]:
    """Verbs from the roles' own text: each duty starts with one ("Plan and run ...")."""
    return {
        duty.split()[0].lower().strip(",") for role in catalog_roles for duty in role.responsibilities
    } | SUMMARY_VERBS


def third_person(verb: str) -> str:
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    if re.search(r"(s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    return verb + "s"


def has_main_verb(sentence: str, base: set[str]) -> bool:
    """A finite verb in the main clause, not inside a 'who ...' clause or after 'to'.

    A fragment such as "A full-time coach who works with teachers ..." has its only verb
    after "who"; "A teacher released from the classroom ..." has none at all.
    """
    if sentence.split()[0].lower() in OPENERS and "," in sentence:
        sentence = sentence.split(",", 1)[1]
    clause = sentence.split(",", 1)[0]
    words = [w.lower() for w in re.findall(r"[A-Za-z'-]+", clause)]
    finite = {third_person(v) for v in base} | AUXILIARY
    plural_subject = words[0].endswith("s")
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        if before in RELATIVE or before == "to":
            continue
        if word in finite:
            return True
        plural_before = before.endswith("s") and not before.endswith("'s")
        if word in base and (plural_subject or plural_before) and before not in {"and", "or"}:
            return True  # "Teachers on a hiring committee help ...", "Many states and districts require ..."
    return False


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(text.split()))[0]


def test_every_summary_is_written_in_sentences(catalog: Catalog) -> None:
    base = verbs(catalog.roles)
    for role in catalog.roles:
        summary = " ".join(role.summary.split())
        assert summary[0].isupper() and summary.endswith("."), role.id
        assert has_main_verb(first_sentence(summary), base), f"{role.id}: {first_sentence(summary)!r}"


@pytest.mark.parametrize(
    "fragment",
    [  # the shapes of the six fragments this check was written to catch
        "An experienced classroom teacher paired with one or two first-year teachers in the same building, "
        "usually in the same grade or subject, to help them get through their first year.",
        "A released teacher who coaches a caseload of novice teachers, usually those in their first three years.",
        "The school's point person for its ties with colleges and universities, handling placements and research requests.",
        "A full-time coach who works with teachers across grades and subjects on the school's instructional priority.",
        "A teacher released from the classroom for a set period to carry a district initiative across schools.",
    ],
)
def test_the_sentence_check_catches_a_fragment(catalog: Catalog, fragment: str) -> None:
    assert not has_main_verb(fragment, verbs(catalog.roles))


# --- English learners: one account of the annual test ------------------------------------


def test_english_learner_roles_agree_on_the_annual_proficiency_test(catalog: Catalog) -> None:
    for role_id in ("english-learner-specialist", "language-assessment-team-facilitator"):
        time = " ".join(catalog.role[role_id].time_commitment.split())
        assert "the state sets" in time and "January and March" in time, role_id
        assert "spring proficiency testing" not in time and "winter testing window" not in time
    specialist = " ".join(" ".join(catalog.role["english-learner-specialist"].responsibilities).split())
    assert "California" in specialist  # 'designated ELD' is named as one state's term, not a federal one
    facilitator = " ".join(" ".join(catalog.role["language-assessment-team-facilitator"].responsibilities).split())
    assert "at least two years" in facilitator and "check your state's rules" in facilitator


def test_the_sample_district_data_validates_with_the_new_fields(tmp_path: Path) -> None:
    sample = ROOT / "examples" / "sample-district"
    shutil.copytree(sample, tmp_path / "sample")
    catalog, _ = load_toolkit(DATA, tmp_path / "sample" / "district.yml")
    assert all(role.filled_by for role in catalog.roles)
    assert yaml.safe_load((sample / "data" / "roles.yml").read_text())["roles"][0]["filled_by"] == "committee"


def test_pdf_and_word_job_descriptions_carry_the_facts_and_district_figures(
    minimal_data: Path, district: Path, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from tltoolkit.documents.build import Settings, plan
    from tltoolkit.documents.docx import write_docx
    from tltoolkit.documents.pdf import render_pdf

    catalog, _ = load_toolkit(minimal_data, district)
    settings = Settings(allowed_roots=(ROOT,))
    jobs = {job.path: job for job in plan(catalog, settings)}
    pdf = jobs["job-descriptions/grade-level-team-leader.pdf"]
    render_pdf(pdf.payload, pdf.kind, settings.paper, tmp_path / "role.pdf", (ROOT,))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(tmp_path / "role.pdf").pages).split())
    write_docx(jobs["job-descriptions/grade-level-team-leader.docx"].payload, tmp_path / "role.docx")
    import docx

    word = " ".join(" ".join(p.text for p in docx.Document(tmp_path / "role.docx").paragraphs).split())
    for printed in (text, word):
        assert "Who fills it" in printed and "Weekly hours" in printed and "District stipend" in printed
        assert "$1,500 a year" in printed and role_facts.ESTIMATE.split(";")[0] in printed
