"""Load every data file, check references between them, and index the relationships.

`load_catalog(data_dir)` is the single entry point: it either returns a `Catalog`
whose cross-references all resolve, or raises `DataErrors` with every problem in
every file, so an editor sees the whole list at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import models as m
from .errors import DataError, DataErrors
from .references import check_references
from .validation import validate
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

    errors.extend(check_references(docs, GUIDES_DIR))
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
