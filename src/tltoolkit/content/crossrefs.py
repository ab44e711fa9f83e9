"""Resolve `see_also` pointers ('move:<skill>/<id>', 'condition:<id>', 'guide:<id>') to link text and target.

References are checked when the data loads (references.py), so every pointer here resolves.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..source.catalog import Catalog


@dataclass(frozen=True)
class Link:
    kind: str  # how the page names the target: "principal move", "condition", "discussion guide"
    title: str
    uri: str  # Markdown source path, with an anchor where the target is part of a page
    skill: str = ""  # for a principal move, the name of the skill it supports


def resolve(catalog: Catalog, ref: str) -> Link:
    kind, _, target = ref.partition(":")
    if kind == "move":
        skill_id, _, move_id = target.partition("/")
        move = next(m for m in catalog.moves[skill_id] if m.id == move_id)
        return Link(
            "principal move", move.move.rstrip("."), f"skills/{skill_id}.md#{move_id}", catalog.skill[skill_id].name
        )
    if kind == "condition":
        condition = next(c for c in catalog.conditions if c.id == target)
        return Link("condition", condition.name, f"conditions/index.md#{target}")
    guide = next(g for g in catalog.guides if g.id == target)
    return Link("discussion guide", guide.title, f"guides/{target}.md")


def resolve_all(catalog: Catalog, refs: list[str]) -> list[Link]:
    return [resolve(catalog, ref) for ref in refs]
