"""The standards crosswalk: the Teacher Leader Model Standards as data, every role mapped to its
domains, the references checked like any other, and the mapping shown on pages and in downloads."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from tltoolkit import Catalog, DataErrors, load_catalog
from tltoolkit.source.load import load_toolkit
from tltoolkit.source.safe_text import markdown
from tltoolkit.web.downloads import roles_csv, roles_json
from tltoolkit.web.site import build_pages

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

# As published by the Teacher Leadership Exploratory Consortium (2011), in their order.
PUBLISHED = [
    ("I", "Fostering a Collaborative Culture to Support Educator Development and Student Learning"),
    ("II", "Accessing and Using Research to Improve Practice and Student Learning"),
    ("III", "Promoting Professional Learning for Continuous Improvement"),
    ("IV", "Facilitating Improvements in Instruction and Student Learning"),
    ("V", "Promoting the Use of Assessments and Data for School and District Improvement"),
    ("VI", "Improving Outreach and Collaboration with Families and Community"),
    ("VII", "Advocating for Student Learning and the Profession"),
]


@pytest.fixture(scope="module")
def pages(catalog: Catalog) -> dict[str, str]:
    return {page.uri: page.filled() for page in build_pages(catalog)}


def problems(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_catalog(data)
    return [str(error) for error in caught.value.errors]


def replace(path: Path, old: str, new: str) -> tuple[int, int]:
    """Replace the first `old` in the file; return the line and column where it started (1-based)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    index = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:index].count("\n") + 1, index - text.rfind("\n", 0, index)


# --- the standards as data ----------------------------------------------------------


def test_the_seven_domains_are_named_and_numbered_as_published(catalog: Catalog) -> None:
    assert catalog.standards.name == "Teacher Leader Model Standards"
    assert [(d.number, d.name) for d in catalog.standards.domains] == PUBLISHED
    source = next(w for w in catalog.bibliography.entries if w.id == catalog.standards.source)
    assert (source.authors, source.year) == (["Teacher Leadership Exploratory Consortium"], 2011)


def test_summaries_are_our_own_sentences_not_the_domain_names(catalog: Catalog) -> None:
    for domain in catalog.standards.domains:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", domain.summary) if s]
        assert 1 <= len(sentences) <= 2, domain.id
        assert domain.name.casefold() not in domain.summary.casefold()


def test_every_role_is_mapped_to_one_to_four_known_domains(catalog: Catalog) -> None:
    known = {d.id for d in catalog.standards.domains}
    for role in catalog.roles:
        assert 1 <= len(role.standards) <= 4, role.id
        assert set(role.standards) <= known and len(set(role.standards)) == len(role.standards), role.id
    # The crosswalk reaches every domain, and a few roles that plainly centre on one have it first.
    assert {d for role in catalog.roles for d in role.standards} == known
    assert catalog.role["data-team-facilitator"].standards[0] == "assessment-data"
    assert catalog.role["family-engagement-lead"].standards[0] == "families-community"
    assert catalog.role["new-teacher-mentor"].standards[:2] == ["instruction", "professional-learning"]


def test_roles_for_a_standard_lists_those_central_to_it_first(catalog: Catalog) -> None:
    for domain in catalog.standards.domains:
        mapped = catalog.roles_for_standard(domain.id)
        assert {r.id for r in mapped} == {r.id for r in catalog.roles if domain.id in r.standards}
        central = [r.standards[0] == domain.id for r in mapped]
        assert central == sorted(central, reverse=True), domain.id


# --- validation ------------------------------------------------------------------------


def test_unknown_domain_names_file_line_column_and_suggests(minimal_data: Path) -> None:
    line, column = replace(minimal_data / "roles.yml", "assessment-data, instruction]", "asessment-data, instruction]")
    assert problems(minimal_data) == [
        f"data/roles.yml:{line}:{column}: roles[0].standards[1]: unknown standard 'asessment-data' "
        "(did you mean 'assessment-data'?)"
    ]


def test_role_without_standards_or_with_a_domain_twice_is_reported(minimal_data: Path) -> None:
    roles = minimal_data / "roles.yml"
    replace(roles, "  standards: [assessment-data]\n", "")
    line, column = replace(roles, "[assessment-data, research, collaborative-culture]", "[research, research]")
    third, _ = replace(roles, "- id: assessment-coordinator", "- id: assessment-coordinator")
    assert sorted(problems(minimal_data)) == sorted(
        [
            f"data/roles.yml:{line}:{column + 11}: roles[1].standards[1]: duplicate standard 'research' "
            f"(first used on line {line})",
            f"data/roles.yml:{third}:3: roles[2]: missing required field 'standards'",
        ]
    )


def test_bad_standards_file_is_reported_at_its_lines(minimal_data: Path) -> None:
    path = minimal_data / "standards.yml"
    source_line, _ = replace(path, "source: tlec-2011", "source: tlec-201")
    dup_line, _ = replace(path, "  - id: research\n    number: II", "  - id: research\n    number: I")
    assert sorted(problems(minimal_data)) == sorted(
        [
            f"data/standards.yml:{dup_line + 1}:5: domains[1].number: duplicate domain number 'I' (first used on line 6)",
            f"data/standards.yml:{source_line}:1: source: unknown bibliography entry 'tlec-201' "
            "(did you mean 'tlec-2011'?)",
        ]
    )


def test_missing_standards_file(minimal_data: Path) -> None:
    (minimal_data / "standards.yml").unlink()
    assert problems(minimal_data) == ["data/standards.yml:1:1: required file is missing"]


def test_a_district_replaces_the_standards_file_whole_and_roles_are_checked_against_it(minimal_data: Path) -> None:
    district = minimal_data.parent / "district"
    (district / "data").mkdir(parents=True)
    (district / "district.yml").write_text("name: Lakeview School District\noverlay: data\n")
    own = {
        "name": "Lakeview Teacher Leader Standards",
        "source": "tlec-2011",
        "domains": [{"id": "assessment-data", "number": "1", "name": "Using evidence", "short_name": "Evidence",
                     "summary": "Teacher leaders use evidence."}],
    }  # fmt: skip
    (district / "data" / "standards.yml").write_text(yaml.safe_dump(own, sort_keys=False))
    with pytest.raises(DataErrors) as caught:
        load_toolkit(minimal_data, district / "district.yml")
    unknown = sorted({str(e).split(": ", 2)[2] for e in caught.value.errors})
    assert unknown == [
        "unknown standard 'collaborative-culture'",
        "unknown standard 'instruction'",
        "unknown standard 'research'",
    ]

    for name in ("roles.yml",):  # map the toolkit's roles to the district's one domain, as the district would
        text = (minimal_data / name).read_text()
        text = re.sub(r"standards: \[[^\]]*\]", "standards: [assessment-data]", text)
        (minimal_data / name).write_text(text)
    catalog, _ = load_toolkit(minimal_data, district / "district.yml")
    assert catalog.standards.name == "Lakeview Teacher Leader Standards"
    assert [d.id for d in catalog.standards.domains] == ["assessment-data"]


# --- shown on pages and in downloads ------------------------------------------------


def _sections(page: str) -> dict[str, str]:
    """Domain id -> the text of its section on the standards page."""
    parts = re.split(r"^## Domain [IVX]+: .* \{ #([a-z-]+) \}$", page, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_standards_page_lists_each_domain_with_exactly_its_roles(catalog: Catalog, pages: dict[str, str]) -> None:
    page = pages["standards/index.md"]
    sections = _sections(page)
    assert list(sections) == [d.id for d in catalog.standards.domains]
    for domain in catalog.standards.domains:
        assert f"## Domain {domain.number}: {domain.name} {{ #{domain.id} }}" in page
        text = sections[domain.id]
        assert markdown(" ".join(domain.summary.split())) in " ".join(text.split())
        linked = re.findall(r"\]\(\.\./roles/([a-z0-9-]+)\.md\)", text)
        assert sorted(linked) == sorted(r.id for r in catalog.roles if domain.id in r.standards), domain.id
        central = re.search(r"\*\*Central to [^*]*:\*\* (.*)", text)
        expected_central = [r.id for r in catalog.roles if r.standards[0] == domain.id]
        assert (re.findall(r"roles/([a-z0-9-]+)\.md", central.group(1)) if central else []) == expected_central
        assert f"(../roles/index.md?standard={domain.id})" in text
    assert "Teacher Leadership Exploratory Consortium (2011)" in page
    assert "not part of the standards" in page


def test_role_page_lists_its_domains_most_central_first_with_links(catalog: Catalog, pages: dict[str, str]) -> None:
    for role in catalog.roles:
        row = next(line for line in pages[f"roles/{role.id}.md"].splitlines() if line.startswith("| **Teacher Leader"))
        linked = re.findall(r"\]\(\.\./standards/index\.md#([a-z-]+)\)", row)
        assert linked == role.standards, role.id
        first = catalog.domain[role.standards[0]]
        assert f"[Domain {first.number}: {first.short_name}]" in row


def test_inventory_rows_carry_domains_and_offer_a_labelled_domain_menu(catalog: Catalog, pages: dict[str, str]) -> None:
    page = pages["roles/index.md"]
    rows = re.findall(
        r'<tr data-filled="[^"]*" [^>]*data-standards="([^"]*)"[^>]*>\s*<td><a href="([a-z0-9-]+)/">', page
    )
    assert sorted(rows) == sorted((" ".join(r.standards), r.id) for r in catalog.roles)
    assert '<label for="tl-filter-standard">Standards domain</label>' in page
    assert '<select id="tl-filter-standard" name="standard">' in page
    options = re.findall(r'<option value="([a-z-]+)">Domain [IVX]+: ([^<]+)</option>', page)
    assert options == [(d.id, d.short_name) for d in catalog.standards.domains]


def test_csv_has_a_column_naming_each_roles_domains(catalog: Catalog) -> None:
    header, *rows = list(csv.reader(io.StringIO(roles_csv(catalog).decode("utf-8-sig"), newline="")))
    column = header.index("Standards domains")
    assert header[column - 1] == "Skills"
    for role, row in zip(catalog.roles, rows, strict=True):
        names = [f"Domain {catalog.domain[d].number}: {catalog.domain[d].name}" for d in role.standards]
        assert row[column] == "; ".join(names)


def test_json_has_the_domains_and_each_roles_domain_ids(catalog: Catalog) -> None:
    data = json.loads(roles_json(catalog))
    assert data["standards"]["name"] == "Teacher Leader Model Standards"
    assert [(d["number"], d["name"]) for d in data["standards"]["domains"]] == PUBLISHED
    assert [role["standards"] for role in data["roles"]] == [role.standards for role in catalog.roles]
