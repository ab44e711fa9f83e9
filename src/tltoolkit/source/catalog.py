"""Load every data file, check references between them, and index the relationships.

`load_catalog(data_dir)` is the single entry point: it either returns a `Catalog`
whose cross-references all resolve, or raises `DataErrors` with every problem in
every file, so an editor sees the whole list at once.
"""

from __future__ import annotations

import errno
import os
import stat
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import models as m
from .errors import DataError, DataErrors
from .kinds import BY_NAME, KINDS, Merge, kind_of
from .overlay import MergedDocument, Overlay, merge_guides
from .overlay import merge as merge_file
from .references import check_references
from .validation import validate
from .yamlsource import Path_, YamlDocument, read_yaml

# Each data file and the model that describes it (from the table of kinds); guides live one per file in guides/.
FILES: dict[str, type[BaseModel]] = {kind.file: kind.model for kind in KINDS if not kind.one_per_file}
GUIDES_DIR = BY_NAME["guides"].file


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
    standards: m.StandardsFile
    files: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind -> its data files (toolkit's, district's)
    origins: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) -> the file the item came from
    credits: dict[str, m.Credited] = field(default_factory=dict)  # kind -> the sources a whole file credits
    planning: m.Planning | None = None  # the district's own pay, hours and release figures (district.yml)
    synonyms: m.SynonymsFile | None = None  # acronyms and synonyms for the role filter (synonyms.yml)

    def origin(self, kind: str, item_id: str) -> str:
        """The data file an editor changes to change this item (a role, a skill's moves, a guide...)."""
        return self.origins.get((kind, item_id)) or self.sources(kind)[-1]

    def sources(self, kind: str) -> tuple[str, ...]:
        """Every data file this kind was read from: the toolkit's, then the district's overlay file."""
        return self.files.get(kind) or (BY_NAME[kind].source,)

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

    @cached_property
    def domain(self) -> dict[str, m.Domain]:
        return {domain.id: domain for domain in self.standards.domains}

    def domains_named(self, ids: Iterable[str]) -> list[m.Domain]:
        return [self.domain[domain_id] for domain_id in ids]

    def roles_for_standard(self, domain_id: str) -> list[m.Role]:
        """Roles mapped to the domain, those with it as their most central domain first."""
        mapped = [role for role in self.roles if domain_id in role.standards]
        return sorted(mapped, key=lambda role: role.standards[0] != domain_id)

    def skills_named(self, ids: Iterable[str]) -> list[m.Skill]:
        return [self.skill[skill_id] for skill_id in ids]

    def roles_for_skill(self, skill_id: str) -> list[m.Role]:
        return self._roles_by_skill.get(skill_id, [])

    def guides_for_skill(self, skill_id: str) -> list[m.Guide]:
        return [guide for guide in self.guides if skill_id in guide.skills]

    # A role page lists the few guides most worth its holder's time, not every guide: all those
    # naming the role (up to GUIDES_NAMED), else the best of those sharing its skills (up to GUIDES_SHARED).
    GUIDES_NAMED = 3
    GUIDES_SHARED = 2

    def guides_for_role(self, role: m.Role) -> list[m.Guide]:
        """The guides that name the role first, then those sharing its skills, best first, only a few."""
        named = [guide for guide in self.guides if role.id in guide.roles][: self.GUIDES_NAMED]
        # A shared skill that few guides treat says more about a guide's fit than one most guides treat.
        weight = {skill: 1 / len(self.guides_for_skill(skill)) for skill in role.skills if self.guides_for_skill(skill)}
        shared = sorted(
            (g for g in self.guides if g not in named and set(g.skills) & set(weight)),
            key=lambda g: -sum(weight[s] for s in set(g.skills) & set(weight)),  # stable: data order on ties
        )
        return named + shared[: max(0, self.GUIDES_SHARED - len(named))]


def load_catalog(data_dir: Path, overlay: Overlay | None = None) -> Catalog:
    """Read, validate and cross-check every data file under `data_dir`, with a district's `overlay` laid over it."""
    data_dir = Path(data_dir)
    errors: list[DataError] = []
    refused = _overlay_problem(overlay) if overlay is not None else None
    shown_with = (
        None if overlay is None else overlay.home if refused else overlay.folder
    )  # a refused overlay is shown nowhere
    root = display_root(data_dir, shown_with)
    base = _read_folder(data_dir, root, errors, required=True)
    docs = base
    if overlay is not None:
        settings = overlay.settings or YamlDocument("district settings", {}, {})
        if refused:
            errors.append(settings.error(("overlay",), refused))
        elif not overlay.folder.is_dir():
            errors.append(settings.error(("overlay",), f"no overlay folder at {display_name(overlay.folder, root)}"))
        else:
            docs = _overlaid(base, _read_folder(overlay.folder, root, errors, required=False), overlay, errors)

    errors.extend(check_references(docs, GUIDES_DIR))
    if errors:
        raise DataErrors(errors)
    parsed: dict[str, Any] = {}
    for name, doc in docs.items():  # merged files are checked whole too (e.g. at most 12 moves per skill)
        try:
            parsed[name] = validate(doc, _model(name))
        except DataErrors as exc:
            errors.extend(exc.errors)
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
        standards=parsed["standards.yml"],
        synonyms=parsed["synonyms.yml"],
        files=_files(docs, base),
        origins=_origins(docs),
        credits={name.removesuffix(".yml"): file for name, file in parsed.items() if isinstance(file, m.Credited)},
    )


def _model(name: str) -> type[BaseModel]:
    return kind_of(name).model


def _read_folder(folder: Path, root: Path, errors: list[DataError], required: bool) -> dict[str, YamlDocument]:
    """Every data file in `folder` that reads and validates, by name; problems go to `errors`.

    Every file must resolve, symbolic links followed, inside `folder`'s own tree: a link to a
    file elsewhere (another project, /etc/passwd) would publish it, so it is refused."""
    docs: dict[str, YamlDocument] = {}
    home = _resolved(folder)
    label = display_name(folder, root) + "/"

    def load(relative: str, model: type[BaseModel]) -> None:
        path = folder / relative
        display = _shown(path, root)
        problem = _file_problem(path, home, label)
        if problem == _MISSING:
            if required:
                errors.append(DataError(display, 1, 1, "", "required file is missing"))
            return
        if problem:
            errors.append(DataError(display, 1, 1, "", problem))
            return
        try:
            docs[relative] = read_yaml(path, display)
        except DataErrors as exc:
            errors.extend(exc.errors)
            return
        except OSError as exc:  # unreadable: permissions, or a file that vanished or changed kind meanwhile
            errors.append(DataError(display, 1, 1, "", f"cannot read the file ({exc.strerror or exc})"))
            return
        try:  # values that read but do not validate still take part in the reference checks
            validate(docs[relative], model)
        except DataErrors as exc:
            errors.extend(exc.errors)

    for name, model in FILES.items():
        load(name, model)
    guides_dir = folder / GUIDES_DIR
    guides_problem = _folder_problem(guides_dir, home, label)
    if guides_problem:
        errors.append(DataError(_shown(guides_dir, root) + "/", 1, 1, "", guides_problem))
    guide_files = sorted(guides_dir.glob("*.yml")) if not guides_problem and guides_dir.is_dir() else []
    if required and not guide_files and not guides_problem:
        errors.append(DataError(_shown(guides_dir, root) + "/", 1, 1, "", "no discussion guides found (*.yml)"))
    for path in guide_files:
        load(f"{GUIDES_DIR}/{path.name}", m.Guide)
    if not required:  # an overlay file the toolkit would silently ignore is almost always a misnamed one
        for path in sorted(folder.glob("*")):
            if path.name not in FILES and path.name != GUIDES_DIR and not path.name.startswith("."):
                message = (
                    f"not a toolkit data file; an overlay holds files named {', '.join(FILES)} or {GUIDES_DIR}/<id>.yml"
                )
                errors.append(DataError(_shown(path, root), 1, 1, "", message))
    return docs


# --- what may be read: regular files inside their own folder --------------------------

_MISSING = "missing"


def _file_problem(path: Path, home: Path, label: str) -> str | None:
    """Why the data file at `path` may not be read (`_MISSING` when there is none), or None."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return _MISSING
    except OSError as exc:
        return f"cannot read the file ({exc.strerror or exc})"
    target, problem = _follow(path, "file")
    if problem or target is None:
        return problem
    if not target.is_relative_to(home):
        return f"is a link to {target}, outside {label}; a data file must be inside its own folder (copy it in)"
    kind = _kind(target)
    return None if kind is None else f"is {kind}, not a data file"


def _folder_problem(path: Path, home: Path, label: str) -> str | None:
    """Why the guides folder at `path` may not be read, or None (also when it is absent)."""
    if not path.is_symlink():
        return (
            f"is {_kind(path) or 'a file'}, not a folder of guides (<id>.yml)"
            if path.exists() and not path.is_dir()
            else None
        )
    target, problem = _follow(path, "folder")
    if problem or target is None:
        return problem
    if not target.is_relative_to(home):
        return f"is a link to {target}, outside {label}; data files must be inside their own folder (copy them in)"
    return None if target.is_dir() else f"is {_kind(target) or 'a file'}, not a folder of guides (<id>.yml)"


def _follow(path: Path, what: str) -> tuple[Path | None, str | None]:
    """Where `path` leads with every link followed, or why it leads nowhere."""
    try:
        return path.resolve(strict=True), None
    except FileNotFoundError:
        return None, f"is a link to '{os.readlink(path)}', which does not exist" if path.is_symlink() else _MISSING
    except RuntimeError:  # Python 3.11's way of saying ELOOP
        return None, f"is a symbolic link that leads back to itself (a loop); replace it with the {what}"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, f"is a symbolic link that leads back to itself (a loop); replace it with the {what}"
        return None, f"cannot read the {what} ({exc.strerror or exc})"


def _kind(target: Path) -> str | None:
    """None for a regular file, else what `target` is, in words."""
    mode = target.stat().st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"  # pragma: no cover


def _overlay_problem(overlay: Overlay) -> str | None:
    """Why the district's overlay folder may not be used: it must lie inside the folder of district.yml."""
    if overlay.home is None:
        return None
    given = (
        overlay.settings.data.get("overlay") if overlay.settings and isinstance(overlay.settings.data, dict) else None
    )
    named = f"the overlay folder '{given if isinstance(given, str) else overlay.folder}'"
    settings_file = overlay.settings.file if overlay.settings else "district.yml"
    try:
        target = overlay.folder.resolve(strict=False)
    except (RuntimeError, OSError):
        return f"{named} is a symbolic link that leads back to itself (a loop)"
    home = _resolved(overlay.home)
    if not target.is_relative_to(home):
        return f"{named} must be inside the folder of {settings_file} (it leads to {target})"
    return None


def _resolved(path: Path) -> Path:
    """`path` with symbolic links followed, or made absolute as written when they cannot be (a loop)."""
    try:
        return Path(path).resolve()
    except (RuntimeError, OSError):
        return Path(os.path.abspath(path))


def _shown(path: Path, root: Path) -> str:
    """How a data file is named in messages: by where it stands, not where a link leads."""
    return f"{display_name(path.parent, root)}/{path.name}"


def _overlaid(
    base: dict[str, YamlDocument], over: dict[str, YamlDocument], overlay: Overlay, errors: list[DataError]
) -> dict[str, YamlDocument]:
    merged: dict[str, YamlDocument] = {}
    for name in FILES:
        if name in base and name in over:
            merged[name], problems = merge_file(name, base[name], over[name], overlay)
            errors.extend(problems)
        elif name in base:
            merged[name] = base[name]
        elif name in over:
            merged[name] = over[name]
    guides, problems = merge_guides(
        {n: d for n, d in base.items() if n.startswith(f"{GUIDES_DIR}/")},
        {n: d for n, d in over.items() if n.startswith(f"{GUIDES_DIR}/")},
        overlay,
    )
    errors.extend(problems)
    for kind in KINDS:  # removals with no overlay file of that kind still apply
        name = kind.file
        if (
            kind.remove
            and not kind.one_per_file
            and getattr(overlay.remove, kind.remove)
            and name in base
            and name not in over
        ):
            merged[name], problems = merge_file(name, base[name], _empty(name, base[name]), overlay)
            errors.extend(problems)
    return {**merged, **guides}


def _empty(name: str, like: YamlDocument) -> YamlDocument:
    return YamlDocument(like.file, {kind_of(name).key: []}, {})


def _origins(docs: dict[str, YamlDocument]) -> dict[tuple[str, str], str]:
    """(kind, id) -> the file an item came from: items merged by id, principal moves by skill, guides by file."""
    found: dict[tuple[str, str], str] = {}
    for kind in KINDS:
        if kind.one_per_file:
            for name, one in docs.items():
                if name.startswith(f"{kind.file}/"):
                    found[(kind.name, Path(name).stem)] = one.file
            continue
        doc = docs.get(kind.file)
        if kind.key is None or doc is None or not isinstance(doc.data, dict):
            continue
        at = "skill" if kind.merge is Merge.BY_SKILL else "id"  # what an entry is matched by
        for index, item in enumerate(doc.data.get(kind.key) or []):
            if isinstance(item, dict) and isinstance(item.get(at), str):
                found[(kind.name, item[at])] = _origin(doc, (kind.key, index), item)
    return found


def _origin(doc: YamlDocument, path: Path_, item: dict[str, Any]) -> str:
    """The file an item came from; for principal moves matched by skill, the district's file if any move is its."""
    if not isinstance(doc, MergedDocument):
        return doc.file
    source = doc.origin(path)[0].file
    moves = item.get("moves")
    count = len(moves) if isinstance(moves, list) else 0
    files = [doc.origin((*path, "moves", index))[0].file for index in range(count)]
    return next((file for file in files if file != source), source)


def _files(docs: dict[str, YamlDocument], base: dict[str, YamlDocument]) -> dict[str, tuple[str, ...]]:
    """Kind -> the files its data was read from, the toolkit's first (a folder, for one item per file)."""
    found: dict[str, list[str]] = {}
    for name, doc in docs.items():
        kind = kind_of(name)
        parts = [part for _, part, _ in doc.parts] if isinstance(doc, MergedDocument) else [doc]
        for part in parts:
            shown = part.file.rsplit("/", 1)[0] + "/" if kind.one_per_file else part.file
            if shown not in found.setdefault(kind.name, []):
                found[kind.name].append(shown)
    toolkit = {doc.file for doc in base.values()} | {doc.file.rsplit("/", 1)[0] + "/" for doc in base.values()}
    return {kind: tuple(sorted(files, key=lambda file: file not in toolkit)) for kind, files in found.items()}


def display_root(data_dir: Path, overlay_dir: Path | None) -> Path:
    """The folder file names are shown relative to: data/'s parent, or the folder both share."""
    base = _resolved(data_dir).parent
    if overlay_dir is None:
        return base
    return Path(os.path.commonpath([base, _resolved(overlay_dir)]))


def display_name(path: Path, root: Path) -> str:
    """`path` relative to `root`, or in full when it is elsewhere or they share nothing but the file system's root."""
    resolved = _resolved(path)
    if root == Path(root.anchor) or not resolved.is_relative_to(root):
        return str(resolved)
    return str(resolved.relative_to(root))
