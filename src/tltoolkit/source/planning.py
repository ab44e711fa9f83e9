"""A district's planning figures (district.yml `planning:`), checked against the merged inventory.

Kept apart from district.py so the settings file's own checks and these cross-checks, which
need the catalog, stay small; `load_toolkit` calls `with_planning` once the data has loaded.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataError
from .validation import suggest
from .yamlsource import read_yaml

if TYPE_CHECKING:
    from .catalog import Catalog
    from .district import District


def with_planning(catalog: Catalog, district: District | None, errors: list[DataError]) -> Catalog:
    """The catalog with the district's figures attached; a role the inventory lacks goes to `errors`."""
    planning = district.settings.planning if district else None
    if district is None or planning is None:
        return catalog
    known = [role.id for role in catalog.roles]
    unknown = [role_id for role_id in planning.roles if role_id not in catalog.role]
    if unknown:  # read again only to point at the lines (the settings loaded without error)
        document = read_yaml(district.folder / Path(district.file).name, district.file)
        errors.extend(
            document.error(("planning", "roles", role_id), f"unknown role '{role_id}'{suggest(role_id, known)}")
            for role_id in unknown
        )
    return replace(catalog, planning=planning)
