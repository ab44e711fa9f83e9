"""A district's own data laid over the toolkit's: items merged by id, errors kept at their own file.

The rules, in full (each kind's rule is its `merge` in `kinds.py`):

- An overlay folder holds files named like the toolkit's (`roles.yml`, `guides/<id>.yml`, ...),
  each a complete, valid file of its kind.
- In `roles.yml`, `skills.yml` and `conditions.yml`, an item whose `id` the toolkit already has
  replaces that item whole, in the toolkit's place; an item with a new id is added at the end.
- In `principal_moves.yml`, entries are matched by `skill`, then moves by `id`, the same way.
- A guide file replaces the toolkit's guide of the same file name, or is added.
- Any other file (`job_description.yml`, `focus_area.yml`, ...) replaces the toolkit's file whole.
- `remove:` in district.yml leaves toolkit items out (it cannot remove the district's own items,
  nor skills, which roles and principal moves are built on).
- The overlay folder must resolve inside the folder of district.yml, and each of its files inside
  the overlay folder (checked in `catalog.py`), so a district's files cannot publish others.

References between files are checked after merging, so a district role may use a district skill
and a toolkit guide naming a removed role is reported. The merged values stay traceable: every
error names the file and line the item came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataError
from .kinds import Merge, kind_of
from .models import Removals
from .yamlsource import Path_, YamlDocument, format_path


@dataclass(frozen=True)
class Overlay:
    """Where a district's data lives, what it removes, and the settings file that says so."""

    folder: Path
    remove: Removals = field(default_factory=Removals)
    settings: YamlDocument | None = None  # district.yml, to point at its `remove:` entries
    home: Path | None = None  # the folder of district.yml: the overlay must resolve inside it


@dataclass
class MergedDocument(YamlDocument):
    """Values merged from several files; `parts` map a merged path prefix to where it came from."""

    parts: list[tuple[Path_, YamlDocument, Path_]] = field(default_factory=list)

    def origin(self, path: Path_) -> tuple[YamlDocument, Path_]:
        """The file and the path in it of the value at merged `path` (longest matching prefix wins)."""
        best: tuple[Path_, YamlDocument, Path_] | None = None
        for prefix, doc, source in self.parts:
            if path[: len(prefix)] == prefix and (best is None or len(prefix) > len(best[0])):
                best = (prefix, doc, source)
        if best is None:
            return self.parts[0][1], path
        prefix, doc, source = best
        return doc, (*source, *path[len(prefix) :])

    def locate(self, path: Path_) -> tuple[int, int]:
        doc, source = self.origin(path)
        return doc.locate(source)

    def error(self, path: Path_, message: str) -> DataError:
        doc, source = self.origin(path)
        return doc.error(source, message)

    def where(self, path: Path_, seen_from: Path_) -> str:
        doc, source = self.origin(path)
        line = doc.locate(source)[0]
        return f"line {line}" if doc is self.origin(seen_from)[0] else f"{doc.file} line {line}"


def merge(name: str, base: YamlDocument, over: YamlDocument, overlay: Overlay) -> tuple[YamlDocument, list[DataError]]:
    """The toolkit's file `name` with the district's file of the same name laid over it."""
    kind = kind_of(name)
    if kind.merge is Merge.BY_ID and kind.key:
        # skills cannot be removed: roles and moves are built on them
        removed = getattr(overlay.remove, kind.remove) if kind.remove else []
        return _merge_list(base, over, (kind.key,), kind.item, _removals(overlay, ("remove", kind.key), removed))
    if kind.merge is Merge.BY_SKILL:
        return _merge_moves(base, over, overlay)
    return over, []  # any other file: the district's replaces the toolkit's


def merge_guides(
    base: dict[str, YamlDocument], over: dict[str, YamlDocument], overlay: Overlay
) -> tuple[dict[str, YamlDocument], list[DataError]]:
    """Guide files by name: the district's replace or add to the toolkit's; `remove.guides` drops some."""
    errors: list[DataError] = []
    merged = dict(base)
    by_id = {Path(name).stem: name for name in base}
    for index, guide_id in enumerate(overlay.remove.guides):
        where = ("remove", "guides", index)
        if guide_id not in by_id:
            errors.append(_settings_error(overlay, where, f"the toolkit has no guide '{guide_id}' to remove"))
        elif any(Path(name).stem == guide_id for name in over):
            errors.append(
                _settings_error(overlay, where, f"guide '{guide_id}' is removed here but the overlay adds it")
            )
        else:
            del merged[by_id[guide_id]]
    merged.update(over)
    return dict(sorted(merged.items())), errors


# --- lists of items with ids -------------------------------------------------


def _merge_list(
    base: YamlDocument, over: YamlDocument, key: Path_, what: str, removed: dict[str, _Where]
) -> tuple[YamlDocument, list[DataError]]:
    base_items, over_items = _items(base.data, key), _items(over.data, key)
    merged, parts, errors = _merge_items(base, over, key, key, base_items, over_items, what, removed)
    data = dict(base.data) if isinstance(base.data, dict) else {}
    data[key[-1]] = merged
    return MergedDocument(over.file, data, {}, [((), base, ()), *parts]), errors


def _merge_items(
    base: YamlDocument,
    over: YamlDocument,
    base_key: Path_,
    over_key: Path_,
    base_items: list[Any],
    over_items: list[Any],
    what: str,
    removed: dict[str, _Where],
    merged_key: Path_ | None = None,
) -> tuple[list[Any], list[tuple[Path_, YamlDocument, Path_]], list[DataError]]:
    """Base items in order (overridden ones replaced in place, removed ones dropped), then new ones."""
    merged_key = merged_key or base_key
    overrides = {item_id: j for j, item in enumerate(over_items) if (item_id := _id(item)) is not None}
    errors = [
        removed_at.error(f"{what} '{item_id}' is removed here but the overlay defines it")
        for item_id, removed_at in _present(removed, overrides)
    ]
    known = {_id(item) for item in base_items}
    errors += [
        at.error(f"the toolkit has no {what} '{item_id}' to remove")
        for item_id, at in removed.items()
        if item_id not in known and item_id not in overrides
    ]
    merged: list[Any] = []
    parts: list[tuple[Path_, YamlDocument, Path_]] = []
    used: set[int] = set()
    for i, item in enumerate(base_items):
        item_id = _id(item)
        if item_id in removed and item_id not in overrides:
            continue
        if item_id in overrides:
            j = overrides[item_id]
            used.add(j)
            parts.append(((*merged_key, len(merged)), over, (*over_key, j)))
            merged.append(over_items[j])
        else:
            parts.append(((*merged_key, len(merged)), base, (*base_key, i)))
            merged.append(item)
    for j, item in enumerate(over_items):
        if j not in used:
            parts.append(((*merged_key, len(merged)), over, (*over_key, j)))
            merged.append(item)
    return merged, parts, errors


def _merge_moves(base: YamlDocument, over: YamlDocument, overlay: Overlay) -> tuple[YamlDocument, list[DataError]]:
    key = ("principal_moves",)
    base_entries, over_entries = _items(base.data, key), _items(over.data, key)
    over_by_skill = {e.get("skill"): j for j, e in enumerate(over_entries) if isinstance(e, dict)}
    base_skills = {e.get("skill") for e in base_entries if isinstance(e, dict)}
    errors: list[DataError] = []
    for skill_id in overlay.remove.moves:
        if skill_id not in base_skills:
            where = _Where(overlay, ("remove", "moves", skill_id))
            errors.append(where.error(f"the toolkit has no principal moves for skill '{skill_id}'"))
    merged: list[Any] = []
    parts: list[tuple[Path_, YamlDocument, Path_]] = [((), base, ())]
    for i, entry in enumerate(base_entries):
        skill = entry.get("skill") if isinstance(entry, dict) else None
        at = (*key, len(merged))
        removed = _removals(overlay, ("remove", "moves", skill), overlay.remove.moves.get(skill, [])) if skill else {}
        if skill in over_by_skill or removed:
            j = over_by_skill.get(skill)
            over_moves = _items(over_entries[j], ("moves",)) if j is not None else []
            moves, move_parts, move_errors = _merge_items(
                base, over, (*key, i, "moves"), (*key, j if j is not None else 0, "moves"),
                _items(entry, ("moves",)), over_moves, "principal move", removed, (*at, "moves"),
            )  # fmt: skip
            errors += move_errors
            parts += [(at, base, (*key, i)), *move_parts]
            merged.append({**entry, "moves": moves})
        else:
            parts.append((at, base, (*key, i)))
            merged.append(entry)
    for j, entry in enumerate(over_entries):
        skill = entry.get("skill") if isinstance(entry, dict) else None
        if skill not in base_skills:
            parts.append(((*key, len(merged)), over, (*key, j)))
            merged.append(entry)
    data = {**base.data, "principal_moves": merged} if isinstance(base.data, dict) else {"principal_moves": merged}
    return MergedDocument(over.file, data, {}, parts), errors


# --- small helpers -----------------------------------------------------------


@dataclass(frozen=True)
class _Where:
    """A spot in district.yml's `remove:` block (or nowhere, when it was not read from a file)."""

    overlay: Overlay
    path: Path_

    def error(self, message: str) -> DataError:
        return _settings_error(self.overlay, self.path, message)


def _settings_error(overlay: Overlay, path: Path_, message: str) -> DataError:
    if overlay.settings is None:
        return DataError("district settings", 1, 1, format_path(path), message)
    return overlay.settings.error(path, message)


def _removals(overlay: Overlay, base: Path_, ids: list[str]) -> dict[str, _Where]:
    return {item_id: _Where(overlay, (*base, index)) for index, item_id in enumerate(ids)}


def _present(removed: dict[str, _Where], overrides: dict[str, int]) -> Iterator[tuple[str, _Where]]:
    return ((item_id, at) for item_id, at in removed.items() if item_id in overrides)


def _items(data: Any, key: Path_) -> list[Any]:
    value = data.get(key[-1]) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _id(item: Any) -> str | None:
    value = item.get("id") if isinstance(item, dict) else None
    return value if isinstance(value, str) else None
