"""Checks between and within data files: unique ids, and references that resolve.

They read the parsed YAML values, not the models, so they still run when a file has
field errors: an editor sees every problem in one pass, not one batch per fix.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import models as m
from .errors import DataError
from .kinds import KINDS, Provenance
from .models import SECTION_IDS
from .overlay import MergedDocument
from .reserved import reserved
from .validation import suggest
from .words import stems
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

# Where each kind's ids are in the data (`kinds.py`): model, file, what it is called, path to its list
# ("*": every item). The names they may not take come from the outputs (`reserved.py`); a guide's id is
# its file name.
ID_LISTS: list[tuple[type[BaseModel], str, str, tuple[str, ...]]] = [
    (ids.model, kind.file, ids.item, ids.path) for kind in KINDS for ids in kind.ids
]


def check_references(docs: dict[str, YamlDocument], guides_dir: str) -> Iterator[DataError]:
    """Every cross-reference and uniqueness problem among the files that could be read."""
    skills, roles = docs.get("skills.yml"), docs.get("roles.yml")
    skill_ids = _values(_list(skills, "skills"), "id") if skills else None
    role_ids = _values(_list(roles, "roles"), "id") if roles else None

    yield from _unique_ids(docs)
    if roles:
        role_items = _list(roles, "roles")
        titles = [(i, title.casefold()) for i, title in _values(role_items, "title")]
        yield from _unique(roles, ("roles",), titles, "role title", "title")
        for i, role in enumerate(role_items):
            listed = _values(_list(role, "skills"))
            yield from _unique(roles, ("roles", i, "skills"), listed, "skill", None)
            yield from _known(roles, ("roles", i, "skills"), listed, skill_ids, "skill", None)

    yield from _standards(docs.get("standards.yml"), roles, docs.get("bibliography.yml"))

    if roles:
        yield from _role_sources(roles, docs.get("bibliography.yml"))

    if moves := docs.get("principal_moves.yml"):
        entries = _list(moves, "principal_moves")
        named = _values(entries, "skill")
        yield from _known(moves, ("principal_moves",), named, skill_ids, "skill", "skill")
        yield from _unique(moves, ("principal_moves",), named, "skill", "skill")
        if skill_ids is not None and len(named) == len(entries):
            for missing in sorted({s for _, s in skill_ids} - {s for _, s in named}):
                yield _missing_moves(moves, skills, skill_ids, missing)

    if template := docs.get("job_description.yml"):
        sections = [value for _, value in _values(_list(template, "sections"), "id")]
        if sections and sections != list(SECTION_IDS) and set(sections) <= set(SECTION_IDS):
            yield template.error(("sections",), f"sections must be, in this order: {', '.join(SECTION_IDS)}")

    if framework := docs.get("competencies.yml"):
        yield from _framework(framework, skill_ids)

    for name, doc in docs.items():
        if name.startswith(f"{guides_dir}/"):
            yield from _guide(doc, Path(name).stem, skill_ids, role_ids)

    if synonyms := docs.get("synonyms.yml"):
        yield from _synonyms(synonyms)

    yield from _see_also(docs, guides_dir)
    yield from check_provenance(docs)
    yield from _reserved_ids(docs, guides_dir)


def _standards(
    standards: YamlDocument | None, roles: YamlDocument | None, bibliography: YamlDocument | None
) -> Iterator[DataError]:
    """Unique domain ids and numbers, a source the bibliography holds, and each role's domains known."""
    domain_ids = _values(_list(standards, "domains"), "id") if standards else None
    if standards:
        yield from _unique(standards, ("domains",), domain_ids or [], "domain id", "id")
        numbers = _values(_list(standards, "domains"), "number")
        yield from _unique(standards, ("domains",), numbers, "domain number", "number")
        source = standards.data.get("source") if isinstance(standards.data, dict) else None
        entries = [value for _, value in _values(_list(bibliography, "entries"), "id")] if bibliography else None
        if isinstance(source, str) and entries is not None and source not in entries:
            message = f"unknown bibliography entry '{source}'{suggest(source, entries)}"
            yield standards.error(("source",), message)
    if roles:
        for i, role in enumerate(_list(roles, "roles")):
            listed = _values(_list(role, "standards"))
            yield from _unique(roles, ("roles", i, "standards"), listed, "standard", None)
            yield from _known(roles, ("roles", i, "standards"), listed, domain_ids, "standard", None)


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


def _unique_ids(docs: dict[str, YamlDocument]) -> Iterator[DataError]:
    """No id twice in a list of items with ids, for every such list the table of kinds names."""
    for kind in KINDS:
        if (doc := docs.get(kind.file)) is None:
            continue
        for ids in kind.ids:
            for base, items in _lists_at(doc.data, ids.path, ()):
                yield from _unique(doc, base, _values(items, "id"), ids.duplicate, "id")


def _lists_at(data: Any, key: tuple[str, ...], at: Path_) -> Iterator[tuple[Path_, list[Any]]]:
    """(path, list) for the list at `key` ("*": in each item of the list before it)."""
    head, *rest = key
    items = data.get(head) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return
    if not rest:
        yield (*at, head), items
        return
    for i, item in enumerate(items):  # rest[0] == "*"
        yield from _lists_at(item, tuple(rest[1:]), (*at, head, i))


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


def _role_sources(roles: YamlDocument, bibliography: YamlDocument | None) -> Iterator[DataError]:
    """A figure's `sources` must name bibliography entries: a published number carries its source."""
    work_ids = _values(_list(bibliography, "entries"), "id") if bibliography else None
    for i, role in enumerate(_list(roles, "roles")):
        hours = role.get("hours_per_week") if isinstance(role, dict) else None
        if isinstance(hours, dict):
            listed = _values(_list(hours, "sources"))
            yield from _known(
                roles, ("roles", i, "hours_per_week", "sources"), listed, work_ids, "bibliography entry", None
            )


def _framework(doc: YamlDocument, skill_ids: Pairs | None) -> Iterator[DataError]:
    levels = [n for n in (lv.get("level") for lv in _list(doc, "levels") if isinstance(lv, dict)) if isinstance(n, int)]
    for i, stance in enumerate(_list(doc, "stances")):
        competencies = _list(stance, "competencies")
        for j, competency in enumerate(competencies):
            given = [lv.get("level") for lv in _list(competency, "levels") if isinstance(lv, dict)]
            if levels and given and given != levels:
                path = ("stances", i, "competencies", j, "levels")
                yield doc.error(path, f"expected one entry for each level {levels}, in order")
            skills = _values(_list(competency, "skills"))
            yield from _unique(doc, ("stances", i, "competencies", j, "skills"), skills, "skill", None)
            yield from _known(doc, ("stances", i, "competencies", j, "skills"), skills, skill_ids, "skill", None)


def _guide(doc: YamlDocument, stem: str, skill_ids: Pairs | None, role_ids: Pairs | None) -> Iterator[DataError]:
    guide_id = doc.data.get("id") if isinstance(doc.data, dict) else None
    if isinstance(guide_id, str) and guide_id != stem:
        yield doc.error(("id",), f"guide id '{guide_id}' must match its file name '{stem}'")
    yield from _known(doc, ("skills",), _values(_list(doc, "skills")), skill_ids, "skill", None)
    yield from _known(doc, ("roles",), _values(_list(doc, "roles")), role_ids, "role", None)


def _see_also(docs: dict[str, YamlDocument], guides_dir: str) -> Iterator[DataError]:
    """Each `see_also` entry names a condition, guide or principal move that exists."""
    known: dict[str, list[str]] = {"guide": [Path(name).stem for name in docs if name.startswith(f"{guides_dir}/")]}
    if conditions := docs.get("conditions.yml"):  # a file that could not be read is reported elsewhere
        known["condition"] = [value for _, value in _values(_list(conditions, "conditions"), "id")]
    if moves := docs.get("principal_moves.yml"):
        known["move"] = [f"{entry.get('skill')}/{move_id}"
                         for entry in _list(moves, "principal_moves") if isinstance(entry, dict)
                         for _, move_id in _values(_list(entry, "moves"), "id")]  # fmt: skip
    places: list[tuple[YamlDocument, Path_]] = []
    if conditions:
        places += [(conditions, ("conditions", i)) for i in range(len(_list(conditions, "conditions")))]
    if area := docs.get("focus_area.yml"):
        for i, objective in enumerate(_list(area, "objectives")):
            places += [
                (area, ("objectives", i, "action_steps", j)) for j in range(len(_list(objective, "action_steps")))
            ]
    for doc, base in places:
        item: Any = doc.data
        for key in base:
            item = item[key]
        for index, ref in _values(_list(item, "see_also")):
            kind, _, target = ref.partition(":")
            if kind in known and target and target not in known[kind]:
                path = (*base, "see_also", index)
                yield doc.error(path, f"unknown {kind} '{target}'{suggest(target, known[kind])}")


# --- provenance: who reviewed an item, and which works it follows -------------

# Files whose items carry their own review and sources, and files credited as a whole (`kinds.py`).
_STEWARDED_LISTS = {kind.file: kind.key for kind in KINDS if kind.provenance is Provenance.EACH_ITEM and kind.key}
_STEWARDED_FILES = tuple(kind.file for kind in KINDS if kind.provenance is Provenance.FILE)
_CREDITED_FILES = tuple(kind.file for kind in KINDS if kind.provenance is Provenance.CREDITED)


def check_provenance(docs: dict[str, YamlDocument]) -> Iterator[DataError]:
    """A review date comes with who reviewed (and the reverse); every credited source is in the bibliography."""
    bibliography = docs.get("bibliography.yml")
    work_ids = _values(_list(bibliography, "entries"), "id") if bibliography else None
    for name, doc in docs.items():
        if name in _STEWARDED_LISTS:
            key = _STEWARDED_LISTS[name]
            targets: list[tuple[Path_, Any]] = [((key, i), item) for i, item in enumerate(_list(doc, key))]
        elif name.split("/", 1)[0] in _STEWARDED_FILES or name in _CREDITED_FILES:
            targets = [((), doc.data)]
        else:
            continue
        for base, item in targets:
            if not isinstance(item, dict):
                continue
            if name not in _CREDITED_FILES:
                yield from _reviewed_with_reviewer(doc, base, item)
            sources = _values(_list(item, "sources"))
            yield from _unique(doc, (*base, "sources"), sources, "source", None)
            yield from _known(doc, (*base, "sources"), sources, work_ids, "bibliography entry", None)


def _reviewed_with_reviewer(doc: YamlDocument, base: Path_, item: dict[str, Any]) -> Iterator[DataError]:
    # A date alone would claim a review nobody can vouch for; a name alone says nothing of when.
    has_date, has_reviewer = item.get("reviewed") is not None, item.get("reviewed_by") is not None
    if has_date and not has_reviewer:
        yield doc.error((*base, "reviewed"), "a review date needs reviewed_by: who reviewed it (a name and/or role)")
    elif has_reviewer and not has_date:
        yield doc.error((*base, "reviewed_by"), "reviewed_by needs reviewed: the date of that review (YYYY-MM-DD)")


# --- tolerant access to parsed values ----------------------------------------


def _synonyms(doc: YamlDocument) -> Iterator[DataError]:
    """Each term in one group only, once: compared as the word filter sees them (ELLs = ELL, coaching = coach)."""
    first: dict[tuple[str, ...], tuple[int, int]] = {}
    for g, group in enumerate(_list(doc, "groups")):
        for t, term in _values(_list(group, "terms")):
            key = stems(term) if isinstance(term, str) else ()
            if not key:
                continue
            if key in first:
                earlier = first[key]
                where = doc.where(("groups", earlier[0], "terms", earlier[1]), ("groups", g, "terms", t))
                same = "this group" if earlier[0] == g else "another group"
                yield doc.error(
                    ("groups", g, "terms", t),
                    f"'{term}' is already in {same} (on {where}); the filter treats them as one word, so keep one",
                )
            else:
                first[key] = (g, t)


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
