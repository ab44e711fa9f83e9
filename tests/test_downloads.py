"""roles.csv and roles.json, built from the catalog without MkDocs."""

from __future__ import annotations

import csv
import io
import json

from tltoolkit import Catalog
from tltoolkit.content import labels
from tltoolkit.web.downloads import _cell, build_downloads, roles_csv, roles_json


def read_csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_csv_opens_in_excel_as_utf8_with_one_row_per_role(catalog: Catalog) -> None:
    content = roles_csv(catalog)
    assert content.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in content and b"\n\n" not in content
    rows = read_csv(content)
    assert len(rows) == len(catalog.roles) + 1
    assert all(len(row) == len(rows[0]) for row in rows)
    assert len(rows[0]) == len(set(rows[0]))


def test_csv_uses_labels_and_joins_lists(catalog: Catalog) -> None:
    header, *rows = read_csv(roles_csv(catalog))
    role, row = catalog.roles[0], dict(zip(header, rows[0], strict=True))
    assert row["ID"] == role.id
    assert row["When held"] == labels.HELD[role.held]
    assert row["Skills"] == "; ".join(skill.name for skill in catalog.skills_named(role.skills))
    assert row["Responsibilities"] == "; ".join(" ".join(item.split()) for item in role.responsibilities)
    assert all("\n" not in cell for line in rows for cell in line)


def test_csv_cell_starting_like_a_formula_is_kept_as_text() -> None:
    assert _cell("=SUM(A1:A2)") == "'=SUM(A1:A2)"
    assert _cell("@home") == "'@home"
    assert _cell("  plain\n text ") == "plain text"


def test_json_keeps_the_data_codes_and_names_the_labels(catalog: Catalog) -> None:
    data = json.loads(roles_json(catalog))
    assert data["source"] == "data/roles.yml"
    assert [role["id"] for role in data["roles"]] == [role.id for role in catalog.roles]
    assert data["roles"][0] == catalog.roles[0].model_dump(mode="json")
    assert set(data["labels"]) == {"category", "held", "scope", "selection", "filled_by", "pay"}
    assert [skill["id"] for skill in data["skills"]] == [skill.id for skill in catalog.skills]


def test_downloads_are_listed_with_their_media_types(catalog: Catalog) -> None:
    assert [(d.uri, d.media_type) for d in build_downloads(catalog)] == [
        ("downloads/roles.csv", "text/csv"),
        ("downloads/roles.json", "application/json"),
    ]


def test_roles_json_made_from_kept_roles_is_the_whole_document_dumped(catalog: Catalog) -> None:
    """roles.json is put together from each role's text (kept while serving): the same bytes as
    dumping the whole document at once, every time and for the planner's few fields too."""
    from tltoolkit.web.site import PLANNER_FIELDS

    for fields in (None, PLANNER_FIELDS):
        include = set(fields) if fields is not None else None
        document = json.loads(roles_json(catalog, fields))
        document["roles"] = [role.model_dump(mode="json", include=include) for role in catalog.roles]
        whole = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        assert roles_json(catalog, fields) == whole
        assert roles_json(catalog, fields) == whole


def test_the_spreadsheet_follows_a_renamed_skill_and_an_edited_role(tmp_path) -> None:
    """Each role's row is kept by what it is made from (`mkdocs serve` makes the file on every save):
    a skill's new name and a role's new summary both show in the next file."""
    import shutil
    from pathlib import Path

    import yaml

    from tltoolkit.bench.synthetic import write_inventory
    from tltoolkit.source.catalog import load_catalog

    data = shutil.copytree(Path(__file__).resolve().parents[1] / "data", tmp_path / "data")
    before = roles_csv(load_catalog(data))
    assert b"Using data" in before
    skills = data / "skills.yml"
    skills.write_text(skills.read_text(encoding="utf-8").replace("name: Using data", "name: Reading evidence"))
    roles = yaml.safe_load((data / "roles.yml").read_text(encoding="utf-8"))["roles"]
    roles[0]["summary"] = "Edited, " + roles[0]["summary"]
    write_inventory(data, roles, anchors=False)
    after_csv = roles_csv(load_catalog(data))
    assert b"Using data" not in after_csv and b"Reading evidence" in after_csv
    header, *rows = read_csv(after_csv)
    assert any(dict(zip(header, row, strict=True))["Summary"].startswith("Edited, ") for row in rows)
