"""Checks between and within data files: unique ids, and references that resolve.

They read the parsed YAML values, not the models, so they still run when a file has
field errors: an editor sees every problem in one pass, not one batch per fix.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .errors import DataError
from pydantic import BaseModel

from . import models as m
from .models import SECTION_IDS
from .overlay import MergedDocument
from .reserved import reserved
from .validation import suggest
from .yamlsource import Path_, YamlDocument

Pairs = list[tuple[int, str]]  # (index in its list, value)

class _ReservedFor(Mapping[str, str]):
    """Reserved id -> what uses it, for one model; worked out on first use (it renders the probe's pages)."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.model = model

    def __getitem__(self, key: str) -> str:
        return reserved().get(self.model, {})[key]

    def __iter__(self) -> Iterator[str]:
        return iter(reserved().get(self.model, {}))

    def __len__(self) -> int:
        return len(reserved().get(self.model, {}))


RESERVED_ROLE_IDS: Mapping[str, str] = _ReservedFor(m.Role)  # for scripts/new-role

# Where each kind's ids are in the data: model, file, what it is called, path to its list ("*": every item).
# The names they may not take come from the outputs (`reserved.py`); a guide's id is its file name.
ID_LISTS: list[tuple[type[BaseModel], str, str, tuple[str, ...]]] = [
    (m.Role, "roles.yml", "role", ("roles",)),
    (m.Skill, "skills.yml", "skill", ("skills",)),
    (m.Condition, "conditions.yml", "condition", ("conditions",)),
    (m.Move, "principal_moves.yml", "principal move", ("principal_moves", "*", "moves")),
    (m.ReflectionTheme, "reflection.yml", "reflection theme", ("themes",)),
    (m.Stance, "competencies.yml", "stance", ("stances",)),
    (m.FrameworkCompetency, "competencies.yml", "competency", ("stances", "*", "competencies")),
    (m.Work, "bibliography.yml", "bibliography entry", ("entries",)),
]


def check_references(docs: dict[str, YamlDocument], guides_dir: str) -> Iterator[DataError]:
    """Every cross-reference and uniqueness problem among the files that could be read."""
    skills, roles = docs.get("skills.yml"), docs.get("roles.yml")
    skill_ids = _values(_list(skills, "skills"), "id") if skills else None
    role_ids = _values(_list(roles, "roles"), "id") if roles else None

    if skills:
        yield from _unique(skills, ("skills",), skill_ids or [], "skill id", "id")
    if roles:
        role_items = _list(roles, "roles")
        yield from _unique(roles, ("roles",), role_ids or [], "role id", "id")
        titles = [(i, title.casefold()) for i, title in _values(role_items, "title")]
        yield from _unique(roles, ("roles",), titles, "role title", "title")
        for i, role in enumerate(role_items):
            listed = _values(_list(role, "skills"))
            yield from _unique(roles, ("roles", i, "skills"), listed, "skill", None)
            yield from _known(roles, ("roles", i, "skills"), listed, skill_ids, "skill", None)

    if moves := docs.get("principal_moves.yml"):
        entries = _list(moves, "principal_moves")
        named = _values(entries, "skill")
        yield from _known(moves, ("principal_moves",), named, skill_ids, "skill", "skill")
        yield from _unique(moves, ("principal_moves",), named, "skill", "skill")
        for i, entry in enumerate(entries):
            yield from _unique(moves, ("principal_moves", i, "moves"), _values(_list(entry, "moves"), "id"), "move id", "id")
        if skill_ids is not None and len(named) == len(entries):
            for missing in sorted({s for _, s in skill_ids} - {s for _, s in named}):
                yield _missing_moves(moves, skills, skill_ids, missing)

    for name, key, what in (
        ("conditions.yml", "conditions", "condition id"),
        ("reflection.yml", "themes", "theme id"),
        ("bibliography.yml", "entries", "entry id"),
    ):
        if doc := docs.get(name):
            yield from _unique(doc, (key,), _values(_list(doc, key), "id"), what, "id")

    if template := docs.get("job_description.yml"):
        sections = [value for _, value in _values(_list(template, "sections"), "id")]
        if sections and sections != list(SECTION_IDS) and set(sections) <= set(SECTION_IDS):
            yield template.error(("sections",), f"sections must be, in this order: {', '.join(SECTION_IDS)}")

    if framework := docs.get("competencies.yml"):
        yield from _framework(framework)

    for name, doc in docs.items():
        if name.startswith(f"{guides_dir}/"):
            yield from _guide(doc, Path(name).stem, skill_ids, role_ids)

    yield from _reserved_ids(docs, guides_dir)


def _reserved_ids(docs: dict[str, YamlDocument], guides_dir: str) -> Iterator[DataError]:
    """Ids that would take a path or an anchor the toolkit's own outputs already use."""
    taken = reserved()
    for model, name, what, key in ID_LISTS:
        names = taken.get(model, {})
        if (doc := docs.get(name)) is None or not names:
            continue
        for path, item_id in _ids_at(doc.data, key, ()):
            if item_id in names:
                yield doc.error((*path, "id"), f"{what} id '{item_id}' is {names[item_id]}; choose another id")
    names = taken.get(m.Guide, {})
    for name, doc in docs.items():
        if name.startswith(f"{guides_dir}/") and (guide_id := Path(name).stem) in names:
            message = f"guide id '{guide_id}' (the file name) is {names[guide_id]}; rename the file and its id"
            yield doc.error(("id",), message)


def _ids_at(data: Any, key: tuple[str, ...], at: Path_) -> Iterator[tuple[Path_, str]]:
    """(path of the item, its id) for every item with a text id in the list at `key` ("*": each item)."""
    head, *rest = key
    items = data.get(head) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return
    for i, item in enumerate(items):
        if rest and rest[0] == "*":
            yield from _ids_at(item, tuple(rest[1:]), (*at, head, i))
        elif isinstance(item, dict) and isinstance(item.get("id"), str):
            yield (*at, head, i), item["id"]


def _missing_moves(moves: YamlDocument, skills: YamlDocument | None, skill_ids: Pairs, missing: str) -> DataError:
    """At the moves file, or, for a skill a district added, at that skill in the district's own file."""
    index = next(i for i, value in skill_ids if value == missing)
    if isinstance(skills, MergedDocument) and skills.origin(("skills", index))[0] is not skills.parts[0][1]:
        message = f"no principal moves for skill '{missing}'; add them to principal_moves.yml in the overlay folder"
        return skills.error(("skills", index, "id"), message)
    return moves.error(("principal_moves",), f"no principal moves for skill '{missing}'")


def _framework(doc: YamlDocument) -> Iterator[DataError]:
    levels = [n for n in (lv.get("level") for lv in _list(doc, "levels") if isinstance(lv, dict)) if isinstance(n, int)]
    stances = _list(doc, "stances")
    yield from _unique(doc, ("stances",), _values(stances, "id"), "stance id", "id")
    for i, stance in enumerate(stances):
        competencies = _list(stance, "competencies")
        yield from _unique(doc, ("stances", i, "competencies"), _values(competencies, "id"), "competency id", "id")
        for j, competency in enumerate(competencies):
            given = [lv.get("level") for lv in _list(competency, "levels") if isinstance(lv, dict)]
            if levels and given and given != levels:
                path = ("stances", i, "competencies", j, "levels")
                yield doc.error(path, f"expected one entry for each level {levels}, in order")


def _guide(doc: YamlDocument, stem: str, skill_ids: Pairs | None, role_ids: Pairs | None) -> Iterator[DataError]:
    guide_id = doc.data.get("id") if isinstance(doc.data, dict) else None
    if isinstance(guide_id, str) and guide_id != stem:
        yield doc.error(("id",), f"guide id '{guide_id}' must match its file name '{stem}'")
    yield from _known(doc, ("skills",), _values(_list(doc, "skills")), skill_ids, "skill", None)
    yield from _known(doc, ("roles",), _values(_list(doc, "roles")), role_ids, "role", None)


# --- tolerant access to parsed values ----------------------------------------


def _list(source: YamlDocument | Any, key: str) -> list[Any]:
    """source[key] when it is a list, else [] (field errors are reported elsewhere)."""
    data = source.data if isinstance(source, YamlDocument) else source
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _values(items: list[Any], field: str | None = None) -> Pairs:
    """(index, text) for each item (or item[field]) that is text."""
    pairs = []
    for i, item in enumerate(items):
        value = item.get(field) if field and isinstance(item, dict) else (None if field else item)
        if isinstance(value, str):
            pairs.append((i, value))
    return pairs


def _path(base: Path_, index: int, field: str | None) -> Path_:
    return (*base, index, field) if field else (*base, index)


def _unique(doc: YamlDocument, base: Path_, pairs: Pairs, what: str, field: str | None) -> Iterator[DataError]:
    first: dict[str, int] = {}
    for index, value in pairs:
        if value in first:
            here = _path(base, index, field)
            where = doc.where(_path(base, first[value], field), here)
            yield doc.error(here, f"duplicate {what} '{value}' (first used on {where})")
        else:
            first[value] = index


def _known(
    doc: YamlDocument, base: Path_, pairs: Pairs, known: Pairs | None, what: str, field: str | None
) -> Iterator[DataError]:
    if known is None:  # the file that defines these ids could not be read
        return
    names = [value for _, value in known]
    for index, value in pairs:
        if value not in names:
            yield doc.error(_path(base, index, field), f"unknown {what} '{value}'{suggest(value, names)}")
