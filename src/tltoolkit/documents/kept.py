"""The documents' plan while `mkdocs serve` runs: each role's jobs kept between rebuilds.

A plan renders every document's print HTML (and builds every Word file's description) to hash it,
even when the cache holds the finished file: at 500 roles some 3,000 Jinja renders and as many
compressions on every save, more than the rest of a serve rebuild. A role's six documents (job
description, selection kit and support plan, PDF and Word) are made from that role, the catalog's
other parts (skills, moves, the job-description template, the district's planning figures, the
bibliography: never another role) and the settings, templates, styles and code of this package.
So while serving, a role's jobs are kept under a hash of its fields and of all those, and made
again only when one of them changes: editing a role plans that role's documents again, editing a
skill plans every role's. The files already in the site folder are not copied again either.

Nothing is kept outside `mkdocs serve`; a one-off build plans everything, as before.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pydantic_core

from ..compiled import Compiled
from . import cache as cache_mod

if TYPE_CHECKING:
    from ..source.catalog import Catalog
    from ..source.models import Role
    from .build import Job, Settings

HERE = Path(__file__).parent


@dataclass
class KeptPlan:
    """Jobs of earlier plans and the files copied into the site, for the life of a serve process."""

    jobs: dict[str, list[Job]] = field(default_factory=dict)  # role's group key -> its jobs
    placed: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # site file -> (job key, size, mtime)
    compiled: Compiled = field(default_factory=Compiled)  # the print templates
    planned: list[str] | None = None  # the last plan's groups made again ("kits/math-coach")
    _shared: str = ""
    _used: set[str] = field(default_factory=set)
    _roles: dict[int, tuple[Role, str]] = field(default_factory=dict)  # this plan's roles' fields, by id()

    def begin(self, catalog: Catalog, settings: Settings) -> None:
        """A plan starts: fingerprint what every role's documents share."""
        self.planned, self._used, self._roles = [], set(), {}
        self._shared = cache_mod.key(_others(catalog), repr(settings), _package_files())

    def role_jobs(self, group: str, role: Role | None, make: Callable[[], Iterable[Job]]) -> list[Job]:
        """`group`'s jobs for `role` (None: the blank ones): the kept ones if nothing they read changed."""
        key = cache_mod.key(self._shared, group, self._fields(role))
        self._used.add(key)
        if (jobs := self.jobs.get(key)) is None:
            jobs = self.jobs[key] = list(make())
            if self.planned is not None:
                self.planned.append(f"{group}/{role.id if role else 'blank'}")
        return jobs

    def _fields(self, role: Role | None) -> str:
        """The role's fields as JSON, made once a plan (each role has two groups)."""
        if role is None:
            return ""
        if (known := self._roles.get(id(role))) is None:
            known = self._roles[id(role)] = (role, role.model_dump_json())  # held: no id() is reused
        return known[1]

    def end(self) -> None:
        """Forget what this plan did not ask for (a removed role, an old version of one)."""
        for key in set(self.jobs) - self._used:
            del self.jobs[key]
        self._roles = {}

    def copy(self, store: cache_mod.Cache, job: Job, target: Path) -> bool:
        """Copy `job`'s file from the cache to `target` unless this session put it there and it is
        unchanged since (same size and time); True if copied."""
        path = str(target)
        with_key = self.placed.get(path)
        if with_key is not None and with_key[0] == job.key:
            try:
                stat = os.stat(path)
            except OSError:
                pass
            else:
                if (stat.st_size, stat.st_mtime_ns) == with_key[1:]:
                    return False
        self.placed.pop(path, None)
        store.copy_to(job.key, job.suffix, target)
        stat = os.stat(path)
        self.placed[path] = (job.key, stat.st_size, stat.st_mtime_ns)
        return True


def _others(catalog: Catalog) -> bytes:
    """Every part of the catalog but its roles, as JSON (a role's documents read only its own role)."""
    parts: dict[str, Any] = {f.name: getattr(catalog, f.name) for f in dataclasses.fields(catalog)}
    del parts["roles"]
    parts["origins"] = sorted(parts["origins"].items())  # keyed by (kind, id): no JSON object
    return pydantic_core.to_json(parts)


def _package_files() -> str:
    """Name, size and time of every file of this package (templates, styles, fonts, the code that
    renders): what the documents' keys read besides the data and settings (each file checked by its
    size and time, as `pdf.style_fingerprint` and `word.WordDocument.fingerprint` check theirs)."""
    found = []
    for root, dirs, names in os.walk(HERE):
        dirs[:] = sorted(name for name in dirs if name != "__pycache__")
        for name in sorted(names):
            stat = os.stat(os.path.join(root, name))
            found.append(f"{root}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(found)
