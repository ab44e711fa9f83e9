"""The role inventory as data files people can download: a spreadsheet (CSV) and JSON.

The CSV is written for people: labels instead of codes, list fields joined with "; ",
UTF-8 with a byte order mark so Excel reads accented letters correctly. The JSON is
written for programs: the data's own field names and codes, with the labels beside
them. Nothing here imports MkDocs.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass

from ..content import labels, role_facts
from ..source.catalog import Catalog
from ..source.kinds import BY_NAME
from ..source.models import Planning, Role

LIST_SEPARATOR = "; "
# A spreadsheet treats a cell starting with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Download:
    uri: str  # path inside the site, e.g. "downloads/roles.csv"
    content: bytes
    media_type: str


# Column header -> value for one role. The order here is the column order.
def _csv_row(role: Role, catalog: Catalog) -> dict[str, str]:
    hours, periods = role.hours_per_week, role.release_periods
    local = catalog.planning.roles.get(role.id) if catalog.planning else None
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
        "Filled by": labels.FILLED_BY[role.filled_by],
        "Who fills it": role_facts.who_fills(role),
        "Time commitment": role.time_commitment,
        # Figures in their own columns, so a spreadsheet can add them up; the basis beside them.
        "Weekly hours (low)": _number(hours.low if hours else None),
        "Weekly hours (high)": _number(hours.high if hours else None),
        "Weekly hours basis": _basis(role),
        "Released periods a day (low)": _number(periods.low if periods else None),
        "Released periods a day (high)": _number(periods.high if periods else None),
        "Share of day released": _number(1 if role.held == "full-release" else role.release_share),
        "Pay approach": _join(labels.PAY[way] for way in role.pay),
        "Compensation": role.compensation,
        "District stipend": _number(local.stipend if local else None),
        "District hourly rate": _number(local.hourly_rate if local else None),
        "District hours a week": _number(local.hours_per_week if local else None),
        "District released periods": _number(local.release_periods if local else None),
        "Reports to": role.reports_to,
        "Evaluated by": role.evaluated_by,
        "Term": role.term,
        "Support": _join(role.support),
    }


def build_downloads(catalog: Catalog) -> list[Download]:
    """Every downloadable data file for the site."""
    return [
        Download("downloads/roles.csv", roles_csv(catalog), "text/csv"),
        Download("downloads/roles.json", roles_json(catalog), "application/json"),
    ]


def roles_csv(catalog: Catalog) -> bytes:
    """One row per role, a header row first; UTF-8 with BOM and CRLF line ends, as Excel expects."""
    if not catalog.roles:
        return b""
    header = _csv_lines([list(_csv_row(catalog.roles[0], catalog))])
    return (header + "".join(_csv_line(role, catalog) for role in catalog.roles)).encode("utf-8-sig")


_csv_texts: dict[str, str] = {}  # a role's row's inputs (a hash of them) -> its line in roles.csv


def _csv_line(role: Role, catalog: Catalog) -> str:
    """A role's line of roles.csv, kept by what it is made from (`mkdocs serve` makes the file on every
    save: at 5,000 roles, making every row again took about half a second)."""
    local = catalog.planning.roles.get(role.id) if catalog.planning else None
    named = [skill.name for skill in catalog.skills_named(role.skills)]
    domains = [(d.number, d.name) for d in catalog.domains_named(role.standards)]
    made_from = (
        f"{role.model_dump_json(warnings=False)}\0{named}\0{domains}\0{local.model_dump_json() if local else ''}"
    )
    key = hashlib.sha256(made_from.encode()).hexdigest()
    if (text := _csv_texts.get(key)) is None:
        if len(_csv_texts) >= _ROLE_TEXTS_KEPT:
            _csv_texts.clear()
        text = _csv_texts[key] = _csv_lines([[_cell(value) for value in _csv_row(role, catalog).values()]])
    return text


def _csv_lines(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def roles_json(catalog: Catalog, fields: Iterable[str] | None = None) -> bytes:
    """The roles with the data's field names and codes, plus the skills, standards domains and labels they refer to.
    `fields`: only these fields of each role (the planner page embeds only what its scripts read)."""
    include = set(fields) if fields is not None else None
    document = {
        "source": BY_NAME["roles"].source,
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
            "filled_by": labels.FILLED_BY,
            "pay": labels.PAY,
        },
        # Weekly hours with basis "duties" are the toolkit's estimate from the role's own duties.
        "roles": _ROLES if catalog.roles else [],
        "planning": _planning(catalog.planning),
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if catalog.roles:  # each role as json.dumps writes it inside the list, kept by its content (`mkdocs serve`)
        fields = tuple(sorted(include)) if include is not None else None
        roles = ",\n".join(_role_json(role, fields) for role in catalog.roles)
        text = text.replace(json.dumps(_ROLES), "[\n" + roles + "\n  ]", 1)
    return text.encode("utf-8")


_ROLES = "\0roles"  # where the roles go (no data text holds a NUL)
_role_texts: dict[str, str] = {}  # a role's fields (a hash of their JSON) -> its text in roles.json
_ROLE_TEXTS_KEPT = 20_000


def _role_json(role: Role, fields: tuple[str, ...] | None) -> str:
    """One role of roles.json, indented as the list's item (json.dumps at two levels down)."""
    include = set(fields) if fields is not None else None
    key = hashlib.sha256(f"{fields}\0{role.model_dump_json(include=include, warnings=False)}".encode()).hexdigest()
    if (text := _role_texts.get(key)) is None:
        if len(_role_texts) >= _ROLE_TEXTS_KEPT:
            _role_texts.clear()
        dumped = json.dumps(role.model_dump(mode="json", include=include), ensure_ascii=False, indent=2)
        text = _role_texts[key] = "\n".join(
            "    " + line for line in dumped.split("\n")
        )  # no raw newline inside a JSON string
    return text


def _planning(planning: Planning | None) -> dict[str, object] | None:
    """The district's own figures (district.yml `planning:`), or null when it gives none."""
    return planning.model_dump(mode="json", exclude_none=True) if planning else None


def _basis(role: Role) -> str:
    hours = role.hours_per_week
    if hours is None:
        return ""
    return role_facts.ESTIMATE if hours.basis == "duties" else "source: " + ", ".join(hours.sources)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _join(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(" ".join(value.split()) for value in values)


def _cell(value: str) -> str:
    """Whitespace folded to single spaces; a leading formula character made literal with an apostrophe."""
    text = " ".join(value.split())
    return f"'{text}" if text.startswith(_FORMULA_START) else text
