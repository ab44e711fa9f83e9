"""The role inventory as data files people can download: a spreadsheet (CSV) and JSON.

The CSV is written for people: labels instead of codes, list fields joined with "; ",
UTF-8 with a byte order mark so Excel reads accented letters correctly. The JSON is
written for programs: the data's own field names and codes, with the labels beside
them. Nothing here imports MkDocs.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass

from ..catalog import Catalog
from ..models import Role
from . import labels

LIST_SEPARATOR = "; "
# A spreadsheet treats a cell starting with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Download:
    uri: str  # path inside the site, e.g. "downloads/roles.csv"
    content: bytes
    media_type: str
    source: str  # the data file an editor changes to change this file


# Column header -> value for one role. The order here is the column order.
def _csv_row(role: Role, catalog: Catalog) -> dict[str, str]:
    return {
        "ID": role.id,
        "Title": role.title,
        "Area": labels.CATEGORY[role.category],
        "When held": labels.HELD[role.held],
        "Scope": labels.SCOPE[role.scope],
        "Selection": labels.SELECTION[role.selection],
        "Skills": _join(skill.name for skill in catalog.skills_named(role.skills)),
        "Standards domains": _join(f"Domain {d.number}: {d.name}" for d in catalog.domains_named(role.standards)),
        "Summary": role.summary,
        "Responsibilities": _join(role.responsibilities),
        "Qualifications": _join(role.qualifications),
        "Who fits (look-fors)": _join(role.look_fors),
        "How chosen": role.selection_detail,
        "Time commitment": role.time_commitment,
        "Compensation": role.compensation,
        "Reports to": role.reports_to,
        "Evaluated by": role.evaluated_by,
        "Term": role.term,
        "Support": _join(role.support),
    }


def build_downloads(catalog: Catalog) -> list[Download]:
    """Every downloadable data file for the site."""
    return [
        Download("downloads/roles.csv", roles_csv(catalog), "text/csv", "data/roles.yml"),
        Download("downloads/roles.json", roles_json(catalog), "application/json", "data/roles.yml"),
    ]


def roles_csv(catalog: Catalog) -> bytes:
    """One row per role, a header row first; UTF-8 with BOM and CRLF line ends, as Excel expects."""
    rows = [_csv_row(role, catalog) for role in catalog.roles]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: _cell(value) for column, value in row.items()})
    return out.getvalue().encode("utf-8-sig")


def roles_json(catalog: Catalog) -> bytes:
    """The roles with the data's field names and codes, plus the skills, standards domains and labels they refer to."""
    document = {
        "source": "data/roles.yml",
        "skills": [{"id": skill.id, "name": skill.name} for skill in catalog.skills],
        "standards": {
            "name": catalog.standards.name,
            "domains": [
                {"id": d.id, "number": d.number, "name": d.name, "short_name": d.short_name}
                for d in catalog.standards.domains
            ],
        },
        "labels": {
            "category": labels.CATEGORY,
            "held": labels.HELD,
            "scope": labels.SCOPE,
            "selection": labels.SELECTION,
        },
        "roles": [role.model_dump(mode="json") for role in catalog.roles],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _join(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(" ".join(value.split()) for value in values)


def _cell(value: str) -> str:
    """Whitespace folded to single spaces; a leading formula character made literal with an apostrophe."""
    text = " ".join(value.split())
    return f"'{text}" if text.startswith(_FORMULA_START) else text
