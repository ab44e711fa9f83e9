"""Load every data file, check references between them, and index the relationships.

`load_catalog(data_dir)` is the single entry point: it either returns a `Catalog`
whose cross-references all resolve, or raises `DataErrors` with every problem in
every file, so an editor sees the whole list at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import models as m
from .errors import DataError, DataErrors
from .validation import suggest, validate
from .yamlsource import YamlDocument, read_yaml

# Each data file and the model that describes it; guides live one per file in guides/.
FILES: dict[str, type[BaseModel]] = {
    "skills.yml": m.SkillsFile,
    "roles.yml": m.RolesFile,
    "principal_moves.yml": m.MovesFile,
    "conditions.yml": m.ConditionsFile,
    "job_description.yml": m.JobDescriptionTemplate,
    "focus_area.yml": m.FocusArea,
    "competencies.yml": m.CompetencyFramework,
    "reflection.yml": m.ReflectionFile,
    "bibliography.yml": m.Bibliography,
}
GUIDES_DIR = "guides"
# Pages that share the roles/ folder with the role pages: no role may take their address.
RESERVED_ROLE_IDS = {"index": "the role inventory", "match": "the role matching page"}


@dataclass(frozen=True)
class Catalog:
    """All toolkit content, validated, with the relationships between items indexed."""

    skills: list[m.Skill]
    roles: list[m.Role]
    moves: dict[str, list[m.Move]]  # skill id -> principal moves
    conditions: list[m.Condition]
    guides: list[m.Guide]
    job_description: m.JobDescriptionTemplate
    focus_area: m.FocusArea
    competencies: m.CompetencyFramework
    reflection: m.ReflectionFile
    bibliography: m.Bibliography
    sources: dict[str, str] = field(default_factory=dict)  # kind -> data file it came from

    @cached_property
    def skill(self) -> dict[str, m.Skill]:
        return {skill.id: skill for skill in self.skills}

    @cached_property
    def role(self) -> dict[str, m.Role]:
        return {role.id: role for role in self.roles}

    @cached_property
    def _roles_by_skill(self) -> dict[str, list[m.Role]]:
        index: dict[str, list[m.Role]] = defaultdict(list)
        for role in self.roles:
            for skill_id in role.skills:
                index[skill_id].append(role)
        return index

    def skills_named(self, ids: Iterable[str]) -> list[m.Skill]:
        return [self.skill[skill_id] for skill_id in ids]

    def roles_for_skill(self, skill_id: str) -> list[m.Role]:
        return self._roles_by_skill.get(skill_id, [])

    def guides_for_skill(self, skill_id: str) -> list[m.Guide]:
        return [guide for guide in self.guides if skill_id in guide.skills]

    def guides_for_role(self, role: m.Role) -> list[m.Guide]:
        """Guides naming the role first, then guides that share one of its skills."""
        named = [guide for guide in self.guides if role.id in guide.roles]
        shared = [g for g in self.guides if g not in named and set(g.skills) & set(role.skills)]
        return named + shared


def load_catalog(data_dir: Path) -> Catalog:
    """Read, validate and cross-check every data file under `data_dir`."""
    data_dir = Path(data_dir)
    errors: list[DataError] = []
    docs: dict[str, YamlDocument] = {}
    parsed: dict[str, Any] = {}

    def load(relative: str, model: type[BaseModel]) -> None:
        display = f"{data_dir.name}/{relative}"
        path = data_dir / relative
        if not path.is_file():
            errors.append(DataError(display, 1, 1, "", "required file is missing"))
            return
        try:
            docs[relative] = read_yaml(path, display)
            parsed[relative] = validate(docs[relative], model)
        except DataErrors as exc:
            errors.extend(exc.errors)

    for name, model in FILES.items():
        load(name, model)
    guide_files = sorted((data_dir / GUIDES_DIR).glob("*.yml")) if (data_dir / GUIDES_DIR).is_dir() else []
    if not guide_files:
        errors.append(DataError(f"{data_dir.name}/{GUIDES_DIR}/", 1, 1, "", "no discussion guides found (*.yml)"))
    for path in guide_files:
        load(f"{GUIDES_DIR}/{path.name}", m.Guide)

    if errors:  # references can only be checked between files that loaded
        raise DataErrors(errors)
    errors.extend(_check_references(docs, parsed))
    if errors:
        raise DataErrors(errors)

    guides = [parsed[name] for name in sorted(parsed) if name.startswith(f"{GUIDES_DIR}/")]
    return Catalog(
        skills=parsed["skills.yml"].skills,
        roles=parsed["roles.yml"].roles,
        moves={entry.skill: entry.moves for entry in parsed["principal_moves.yml"].principal_moves},
        conditions=parsed["conditions.yml"].conditions,
        guides=guides,
        job_description=parsed["job_description.yml"],
        focus_area=parsed["focus_area.yml"],
        competencies=parsed["competencies.yml"],
        reflection=parsed["reflection.yml"],
        bibliography=parsed["bibliography.yml"],
        sources={name.removesuffix(".yml"): f"data/{name}" for name in FILES},
    )


# --- cross-file checks -------------------------------------------------------


def _check_references(docs: dict[str, YamlDocument], parsed: dict[str, Any]) -> Iterator[DataError]:
    skills_doc, roles_doc, moves_doc = docs["skills.yml"], docs["roles.yml"], docs["principal_moves.yml"]
    skill_ids = [skill.id for skill in parsed["skills.yml"].skills]
    role_ids = [role.id for role in parsed["roles.yml"].roles]

    yield from _unique(skills_doc, "skills", skill_ids, "skill id")
    yield from _unique(roles_doc, "roles", role_ids, "role id")
    yield from _unique(roles_doc, "roles", [r.title.casefold() for r in parsed["roles.yml"].roles], "role title", "title")
    for i, role in enumerate(parsed["roles.yml"].roles):
        yield from _known(roles_doc, ("roles", i, "skills"), role.skills, skill_ids, "skill")
        yield from _unique(roles_doc, ("roles", i, "skills"), role.skills, "skill", None)
        if role.id in RESERVED_ROLE_IDS:
            yield roles_doc.error(("roles", i, "id"), f"role id '{role.id}' is the address of {RESERVED_ROLE_IDS[role.id]}")

    moves = parsed["principal_moves.yml"].principal_moves
    yield from _known(moves_doc, ("principal_moves",), [e.skill for e in moves], skill_ids, "skill", "skill")
    yield from _unique(moves_doc, "principal_moves", [e.skill for e in moves], "skill", "skill")
    for i, entry in enumerate(moves):
        yield from _unique(moves_doc, ("principal_moves", i, "moves"), [mv.id for mv in entry.moves], "move id")
    for missing in sorted(set(skill_ids) - {e.skill for e in moves}):
        yield moves_doc.error(("principal_moves",), f"no principal moves for skill '{missing}'")

    conditions = parsed["conditions.yml"].conditions
    yield from _unique(docs["conditions.yml"], "conditions", [c.id for c in conditions], "condition id")

    sections = [s.id for s in parsed["job_description.yml"].sections]
    if sections != list(m.SECTION_IDS):
        expected = ", ".join(m.SECTION_IDS)
        yield docs["job_description.yml"].error(("sections",), f"sections must be, in this order: {expected}")

    framework = parsed["competencies.yml"]
    comp_doc = docs["competencies.yml"]
    level_numbers = [level.level for level in framework.levels]
    yield from _unique(comp_doc, "stances", [s.id for s in framework.stances], "stance id")
    for i, stance in enumerate(framework.stances):
        yield from _unique(comp_doc, ("stances", i, "competencies"), [c.id for c in stance.competencies], "competency id")
        for j, comp in enumerate(stance.competencies):
            if [lv.level for lv in comp.levels] != level_numbers:
                path = ("stances", i, "competencies", j, "levels")
                yield comp_doc.error(path, f"expected one entry for each level {level_numbers}, in order")

    yield from _unique(docs["reflection.yml"], "themes", [t.id for t in parsed["reflection.yml"].themes], "theme id")
    yield from _unique(docs["bibliography.yml"], "entries", [w.id for w in parsed["bibliography.yml"].entries], "entry id")

    for name, doc in docs.items():
        if not name.startswith(f"{GUIDES_DIR}/"):
            continue
        guide: m.Guide = parsed[name]
        stem = Path(name).stem
        if guide.id != stem:
            yield doc.error(("id",), f"guide id '{guide.id}' must match its file name '{stem}'")
        yield from _known(doc, ("skills",), guide.skills, skill_ids, "skill")
        yield from _known(doc, ("roles",), guide.roles, role_ids, "role")


def _unique(
    doc: YamlDocument, where: str | tuple[str | int, ...], values: Iterable[str], what: str, attr: str | None = "id"
) -> Iterator[DataError]:
    base = (where,) if isinstance(where, str) else where
    seen: dict[str, int] = {}
    for i, value in enumerate(values):
        path = (*base, i, attr) if attr else (*base, i)
        if value in seen:
            first_line = doc.locate((*base, seen[value], attr) if attr else (*base, seen[value]))[0]
            yield doc.error(path, f"duplicate {what} '{value}' (first used on line {first_line})")
        else:
            seen[value] = i


def _known(
    doc: YamlDocument, base: tuple[str | int, ...], values: Iterable[str], known: list[str], what: str, attr: str | None = None
) -> Iterator[DataError]:
    for i, value in enumerate(values):
        if value not in known:
            path = (*base, i, attr) if attr else (*base, i)
            yield doc.error(path, f"unknown {what} '{value}'{suggest(value, known)}")
