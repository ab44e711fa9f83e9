"""Every kind of data the toolkit reads, in one table: its file, model, items, pages and overlay rule.

Loading (`catalog.py`), merging a district's overlay (`overlay.py`), the checks between files
(`references.py`), the JSON Schemas and the web pages' source notes all read this table, so a
new kind of data is a row here, its model in `models.py` and its page template.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from pydantic import BaseModel

from . import models as m


class Merge(Enum):
    """How a district's overlay file of this kind meets the toolkit's."""

    BY_ID = "items by id"  # the same id replaces the item in place; a new id is added
    BY_SKILL = "entries by skill, then moves by id"
    BY_FILE = "one item per file, by file name"
    WHOLE = "the district's file replaces the toolkit's"


class Provenance(Enum):
    """Where a kind records who reviewed it and which works it follows."""

    EACH_ITEM = "each item"  # `reviewed`, `reviewed_by` and `sources` on every item
    FILE = "the file"  # one item per file: the same fields at the top of the file
    CREDITED = "credited as a whole"  # `sources` at the top of the file; nobody reviews it as one
    NONE = "none"


@dataclass(frozen=True)
class Ids:
    """A list of items with ids inside a file: which model, where, and what an id is called in messages."""

    model: type[BaseModel]
    path: tuple[str, ...]  # keys down to the list; "*" steps into every item of a list on the way
    item: str  # "principal move": "principal move id 'x' is the address of ..."
    duplicate: str  # "move id": "duplicate move id 'x' (first used on line 3)"


@dataclass(frozen=True)
class Kind:
    """One kind of data."""

    name: str  # the file's stem, the kind in `Catalog.origin(kind, id)` and `Catalog.credits`
    file: str  # in data/ and in an overlay folder; for one item per file, the folder
    model: type[BaseModel]  # one whole file of this kind
    merge: Merge
    pages: tuple[str, ...]  # site pages built from it; `{id}` stands for an item's id
    ids: tuple[Ids, ...] = ()
    provenance: Provenance = Provenance.NONE
    remove: str | None = None  # the key under district.yml `remove:` that leaves toolkit items out

    @property
    def key(self) -> str | None:
        """The list of items at the top of the file ("roles"), if the file holds one."""
        return self.ids[0].path[0] if self.ids else None

    @property
    def item(self) -> str:
        """What one item is called in messages ("role")."""
        return self.ids[0].item if self.ids else self.name.replace("_", " ")

    @property
    def one_per_file(self) -> bool:
        return self.merge is Merge.BY_FILE

    @property
    def source(self) -> str:
        """Where the toolkit's own data of this kind lives, as shown to editors."""
        return f"data/{self.file}/" if self.one_per_file else f"data/{self.file}"


KINDS: tuple[Kind, ...] = (
    Kind(
        "skills", "skills.yml", m.SkillsFile, Merge.BY_ID, ("skills/index.md", "skills/{id}.md"),
        ids=(Ids(m.Skill, ("skills",), "skill", "skill id"),), provenance=Provenance.CREDITED,
    ),
    Kind(
        "roles", "roles.yml", m.RolesFile, Merge.BY_ID, ("roles/index.md", "roles/match.md", "roles/{id}.md", "plan/index.md"),
        ids=(Ids(m.Role, ("roles",), "role", "role id"),), provenance=Provenance.EACH_ITEM, remove="roles",
    ),
    Kind(
        "principal_moves", "principal_moves.yml", m.MovesFile, Merge.BY_SKILL,
        ("principal-moves/index.md", "skills/{id}.md"),  # a skill page lists the skill's moves
        ids=(Ids(m.Move, ("principal_moves", "*", "moves"), "principal move", "move id"),),
        provenance=Provenance.CREDITED, remove="moves",
    ),
    Kind(
        "conditions", "conditions.yml", m.ConditionsFile, Merge.BY_ID, ("conditions/index.md",),
        ids=(Ids(m.Condition, ("conditions",), "condition", "condition id"),),
        provenance=Provenance.EACH_ITEM, remove="conditions",
    ),
    Kind(
        "job_description", "job_description.yml", m.JobDescriptionTemplate, Merge.WHOLE,
        ("job-description/index.md",), provenance=Provenance.CREDITED,
    ),
    Kind("focus_area", "focus_area.yml", m.FocusArea, Merge.WHOLE, ("focus-area/index.md",),
         provenance=Provenance.CREDITED),
    Kind(
        "competencies", "competencies.yml", m.CompetencyFramework, Merge.WHOLE, ("competencies/index.md",),
        ids=(
            Ids(m.Stance, ("stances",), "stance", "stance id"),
            Ids(m.FrameworkCompetency, ("stances", "*", "competencies"), "competency", "competency id"),
        ),
        provenance=Provenance.CREDITED,
    ),
    Kind(
        "reflection", "reflection.yml", m.ReflectionFile, Merge.WHOLE, ("reflection/index.md",),
        ids=(Ids(m.ReflectionTheme, ("themes",), "reflection theme", "theme id"),), provenance=Provenance.CREDITED,
    ),
    Kind(
        "bibliography", "bibliography.yml", m.Bibliography, Merge.WHOLE, ("bibliography/index.md",),
        ids=(Ids(m.Work, ("entries",), "bibliography entry", "entry id"),),
    ),
    Kind("standards", "standards.yml", m.StandardsFile, Merge.WHOLE, ("standards/index.md",)),
    Kind("synonyms", "synonyms.yml", m.SynonymsFile, Merge.WHOLE, ()),  # feeds the role filter; no page of its own
    Kind(
        "guides", "guides", m.Guide, Merge.BY_FILE, ("guides/index.md", "guides/{id}.md"),
        provenance=Provenance.FILE, remove="guides",
    ),
)  # fmt: skip

BY_NAME = {kind.name: kind for kind in KINDS}
BY_FILE = {kind.file: kind for kind in KINDS}  # "roles.yml" -> roles; "guides" -> guides


def kind_of(file_name: str) -> Kind:
    """The kind of a data file named as in data/: "roles.yml", "guides/<id>.yml"."""
    return BY_FILE[file_name.split("/", 1)[0]]
