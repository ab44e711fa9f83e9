"""Start a new role or discussion guide with every field present and a prompt in each.

The entry is built by walking the model's fields, so a field added to `models.py` shows up
here without a change: text fields get "TODO: <the field's description>", lists get as many
prompts as they need at least, coded fields their first allowed value with the others in a
comment, and references an id that exists. The result validates as it stands, so the site
builds at once; `python -m tltoolkit validate` lists the TODO prompts still to replace.

A role is appended to the end of roles.yml as text (nothing before it is rewritten, comments
survive); a guide gets a file of its own, starting with its schema comment. With a district's
settings file, the entry goes to the district's overlay folder instead (roles.yml is made, with
its schema comment, if the district has none yet) and is checked with the toolkit's data laid under it.
"""

from __future__ import annotations

import datetime
import json
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .schemas import GUIDE_SCHEMA, SCHEMA_DIR, SUFFIX, comment_line
from .source import models as m
from .source.catalog import GUIDES_DIR, Catalog, display_name, load_catalog
from .source.errors import DataError, DataErrors
from .source.references import RESERVED_ROLE_IDS
from .source.yamlsource import Path_, read_yaml

PLACEHOLDER = "TODO"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_GUIDE_IDS = {"index": "the guides page"}


class ScaffoldError(Exception):
    """A request that cannot be carried out; the message is one line for the user."""


@dataclass(frozen=True)
class Scaffolded:
    file: Path  # the file written
    line: int  # the first line with a prompt to replace
    pages: list[str]  # new site addresses, like "roles/math-coach/"
    documents: list[str]  # new downloads, like "downloads/job-descriptions/math-coach.pdf"


def new_role(
    data_dir: Path, role_id: str, *, title: str | None = None, category: str | None = None,
    skills: list[str] | None = None, district: Path | None = None,
) -> Scaffolded:  # fmt: skip
    """Append a new role to roles.yml (the toolkit's, or the overlay's of `district`); return where to go next."""
    data_dir = Path(data_dir)
    where = _where(data_dir, district)
    catalog = where.catalog
    _check_id(role_id, "role")
    if role_id in catalog.role:
        raise ScaffoldError(f"a role with id '{role_id}' already exists in {catalog.origin('roles', role_id)}")
    if role_id in RESERVED_ROLE_IDS:
        raise ScaffoldError(f"role id '{role_id}' is {RESERVED_ROLE_IDS[role_id]}: choose another")
    title = title or _title_from(role_id)
    taken = {role.title.casefold(): role.id for role in catalog.roles}
    if title.casefold() in taken:
        raise ScaffoldError(
            f"role '{taken[title.casefold()]}' already has the title '{title}': give another with --title"
        )
    given: dict[str, Any] = {"id": role_id, "title": title, **({"category": category} if category else {})}
    given |= {"skills": _check_skills(skills, catalog)} if skills else {}
    _check_given(m.Role, given)

    path = where.folder / "roles.yml"
    text: str | None = path.read_text(encoding="utf-8") if path.is_file() else None
    if text is not None:
        indent = _list_indent(text, path, "roles")
        prefix = (text if text.endswith("\n") else text + "\n") + "\n"  # a blank line before the entry, like the others
    else:  # a district's first role of its own
        indent = "  "
        schema = comment_line(path, data_dir.parent / SCHEMA_DIR / f"roles{SUFFIX}")
        about = "# The district's own roles: a new id adds a role, a toolkit role's id replaces it whole."
        prefix = f"{schema}\n{about}\nroles:\n"
    lines = _emit_item(m.Role, given, _references(catalog), indent)
    first_line = prefix.count("\n") + 1
    return _write_and_check(where.load, catalog, path, prefix + "\n".join(lines) + "\n", text, first_line, lines)


def new_guide(
    data_dir: Path, guide_id: str, *, title: str | None = None, skills: list[str] | None = None,
    district: Path | None = None,
) -> Scaffolded:  # fmt: skip
    """Write data/guides/<id>.yml (or the district overlay's); return where to go next."""
    data_dir = Path(data_dir)
    where = _where(data_dir, district)
    catalog = where.catalog
    _check_id(guide_id, "guide")
    path = where.folder / GUIDES_DIR / f"{guide_id}.yml"
    if path.exists() or guide_id in {guide.id for guide in catalog.guides}:
        found = catalog.origin("guides", guide_id)
        own = f"; for the district's own version, copy it into {path.parent} and edit it there" if district else ""
        raise ScaffoldError(f"a guide with id '{guide_id}' already exists: {found}{own}")
    if guide_id in RESERVED_GUIDE_IDS:
        raise ScaffoldError(f"guide id '{guide_id}' is the address of {RESERVED_GUIDE_IDS[guide_id]}: choose another")
    given: dict[str, Any] = {"id": guide_id, "title": title or _title_from(guide_id)}
    given |= {"skills": _check_skills(skills, catalog)} if skills else {}
    _check_given(m.Guide, given)

    schema = data_dir.parent / SCHEMA_DIR / GUIDE_SCHEMA
    lines = [comment_line(path, schema), *_emit_fields(m.Guide, given, _references(catalog), "")]
    made = not path.parent.is_dir()
    path.parent.mkdir(exist_ok=True)  # a district's first guide of its own
    try:
        return _write_and_check(where.load, catalog, path, "\n".join(lines) + "\n", None, 1, lines)
    except BaseException:
        if made and not any(path.parent.iterdir()):
            path.parent.rmdir()
        raise


# --- the entry, from the model -------------------------------------------------


def _references(catalog: Catalog) -> dict[str, tuple[list[str], str]]:
    """Fields that hold ids of other items: the ids they may take, and where those come from."""
    return {
        "skills": ([skill.id for skill in catalog.skills], "skill ids from skills.yml"),
        "skill": ([skill.id for skill in catalog.skills], "a skill id from skills.yml"),
        "roles": ([role.id for role in catalog.roles], "role ids from roles.yml"),
        "standards": ([domain.id for domain in catalog.standards.domains], "domain ids from standards.yml"),
    }


def _emit_item(model: type[BaseModel], given: dict[str, Any], refs: dict[str, Any], indent: str) -> list[str]:
    """A list item: '- ' before the first field, the rest aligned under it."""
    lines = _emit_fields(model, given, refs, indent + "  ")
    lines[0] = f"{indent}- {lines[0][len(indent) + 2 :]}"
    return lines


def _emit_fields(model: type[BaseModel], given: dict[str, Any], refs: dict[str, Any], indent: str) -> list[str]:
    lines: list[str] = []
    # Required fields first, in model order; the optional ones (shown commented out) after them.
    fields = sorted(model.model_fields.items(), key=lambda field: not field[1].is_required())
    for name, info in fields:
        annotation, _ = _unwrap_optional(info.annotation)
        prompt = f"{PLACEHOLDER}: {info.description or name.replace('_', ' ')}"
        comment = refs[name][1] if name in refs else _choices_comment(annotation)
        if name in given:
            lines += _emit_value(name, given[name], indent, comment)
        elif not info.is_required():  # optional: shown, commented out, for the editor to take up or leave
            sample = _sample(name, annotation, info, prompt, refs)
            lines += [f"{indent}# {line}" for line in _emit_value(name, sample, "", "(optional)")]
        elif _is_model(annotation):
            lines += [f"{indent}{name}:", *_emit_fields(annotation, {}, refs, indent + "  ")]
        elif (item := _list_item(annotation)) is not None and _is_model(item):
            lines.append(f"{indent}{name}:")
            for _ in range(max(_min_items(info), 1)):
                lines += _emit_item(item, {}, refs, indent + "  ")
        else:
            lines += _emit_value(name, _sample(name, annotation, info, prompt, refs), indent, comment)
    return lines


def _sample(name: str, annotation: Any, info: FieldInfo, prompt: str, refs: dict[str, Any]) -> Any:
    """A value that satisfies the field, with the prompt where text goes."""
    if info.examples:
        return info.examples[0]
    item = _list_item(annotation)
    if item is not None:
        low = _min_items(info)
        if name in refs:
            ids = refs[name][0]
            if len(ids) < low:
                raise ScaffoldError(f"'{name}' needs {low} ids but the data has {len(ids)}")
            return ids[:low]
        count = max(low, 1)
        return [prompt if count == 1 else f"{PLACEHOLDER} ({i}/{count}):{prompt[len(PLACEHOLDER) + 1:]}"
                for i in range(1, count + 1)]  # fmt: skip
    if name in refs:
        return refs[name][0][0]
    if typing.get_origin(annotation) is Literal:
        return typing.get_args(annotation)[0]
    base = _base_type(annotation)
    if base is str and not any(getattr(meta, "pattern", None) for meta in info.metadata):
        return prompt
    if base is bool:
        return False
    if base is int:
        return _bound(info, "ge", 0)
    if base is datetime.date:
        return datetime.date.today()
    raise ScaffoldError(f"cannot make up a value for field '{name}': give it examples=[...] in models.py")


def _emit_value(name: str, value: Any, indent: str, comment: str) -> list[str]:
    tail = f"  # {comment}" if comment else ""
    if isinstance(value, list):
        if not value:
            return [f"{indent}{name}: []{tail}"]
        return [f"{indent}{name}:{tail}", *(f"{indent}  - {_scalar(item)}" for item in value)]
    return [f"{indent}{name}: {_scalar(value)}{tail}"]


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, datetime.date)):
        return value.isoformat() if isinstance(value, datetime.date) else str(value)
    text = str(value)
    return text if SLUG.match(text) and not text.isdigit() else json.dumps(text, ensure_ascii=False)


def _choices_comment(annotation: Any) -> str:
    target = _list_item(annotation) or annotation
    if typing.get_origin(target) is Literal:
        return "one of: " + ", ".join(map(str, typing.get_args(target)))
    return ""


# --- type helpers ----------------------------------------------------------------


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _strip_annotated(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _list_item(annotation: Any) -> Any:
    annotation = _strip_annotated(annotation)
    return typing.get_args(annotation)[0] if typing.get_origin(annotation) is list else None


def _is_model(annotation: Any) -> bool:
    annotation = _strip_annotated(annotation)
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _base_type(annotation: Any) -> Any:
    return _strip_annotated(annotation)


def _min_items(info: FieldInfo) -> int:
    return next((meta.min_length for meta in info.metadata if hasattr(meta, "min_length")), 0) or 0


def _bound(info: FieldInfo, name: str, default: int) -> int:
    return next((getattr(meta, name) for meta in info.metadata if hasattr(meta, name)), default)


# --- checks and writing --------------------------------------------------------


@dataclass(frozen=True)
class _Where:
    """Where a new entry goes, how the data it joins is loaded, and that data as it is now."""

    folder: Path  # the toolkit's data folder, or the district's overlay
    load: Callable[[], Catalog]
    catalog: Catalog


def _where(data_dir: Path, district: Path | None) -> _Where:
    if not data_dir.is_dir():
        raise ScaffoldError(f"no data folder at {data_dir}")
    if district is None:
        load: Callable[[], Catalog] = lambda: load_catalog(data_dir)  # noqa: E731
        check = "scripts/validate"
    else:
        from .source.load import load_toolkit

        load = lambda: load_toolkit(data_dir, district)[0]  # noqa: E731
        check = f"scripts/validate --district {district}"
    try:
        catalog = load()
    except DataErrors as exc:
        raise ScaffoldError(f"the data has {len(exc.errors)} problem(s) to fix first: run {check}") from None
    if district is None:
        return _Where(data_dir, load, catalog)
    from .source.district import load_district

    overlay = load_district(district)[0].overlay
    if overlay is None:
        raise ScaffoldError(f"{district} names no folder for the district's own data: add the line 'overlay: data' "
                            "to it and make that folder beside it")  # fmt: skip
    return _Where(overlay, load, catalog)


def _check_id(item_id: str, kind: str) -> None:
    if not SLUG.match(item_id) or len(item_id) > 80:
        raise ScaffoldError(
            f"'{item_id}' is not a valid {kind} id: use lowercase letters, digits and hyphens, like 'math-coach'"
        )


def _check_skills(skills: list[str], catalog: Catalog) -> list[str]:
    for skill in skills:
        if skill not in catalog.skill:
            raise ScaffoldError(f"unknown skill '{skill}': choose from {', '.join(catalog.skill)}")
    return skills


def _check_given(model: type[BaseModel], given: dict[str, Any]) -> None:
    """Values from the command line, checked against their fields before anything is written."""
    for name, value in given.items():
        annotation, _ = _unwrap_optional(model.model_fields[name].annotation)
        allowed = typing.get_args(annotation) if typing.get_origin(annotation) is Literal else None
        if allowed and value not in allowed:
            raise ScaffoldError(f"--{name} '{value}' is not one of: {', '.join(allowed)}")
        if isinstance(value, str) and not value.strip():
            raise ScaffoldError(f"--{name} must not be empty")


def _title_from(item_id: str) -> str:
    return item_id.replace("-", " ").capitalize()


def _list_indent(text: str, path: Path, key: str) -> str:
    """The indentation of the items of the top-level list `key`, which must end the file."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        raise ScaffoldError(f"{path} is not valid YAML: run scripts/validate") from None
    keys = [k.value for k, _ in root.value] if isinstance(root, yaml.MappingNode) else []
    if not isinstance(root, yaml.MappingNode) or not keys or keys[-1] != key:
        raise ScaffoldError(f"'{key}:' must be the last entry of {path} to add to it")
    items = root.value[-1][1]
    if not isinstance(items, yaml.SequenceNode) or items.flow_style or not items.value:
        raise ScaffoldError(f"'{key}' in {path} must be a list written one '- ' item per line")
    line = text.splitlines()[items.value[0].start_mark.line]
    match = re.match(r"^(\s*)-\s", line)
    if not match:
        raise ScaffoldError(f"'{key}' in {path} must be a list written one '- ' item per line")
    return match.group(1)


def _write_and_check(
    load: Callable[[], Catalog], before: Catalog, path: Path, text: str, original: str | None, first_line: int,
    lines: list[str],
) -> Scaffolded:  # fmt: skip
    """Write, validate, and put the file back as it was if the result does not validate."""
    path.write_text(text, encoding="utf-8")
    try:
        after = load()
    except DataErrors:
        if original is None:
            path.unlink()
        else:
            path.write_text(original, encoding="utf-8")
        raise
    todo = next((i for i, line in enumerate(lines) if PLACEHOLDER in line and not line.lstrip().startswith("#")), 0)
    pages, documents = _new_outputs(before, after)
    return Scaffolded(path, first_line + todo, pages, documents)


def _new_outputs(before: Catalog, after: Catalog) -> tuple[list[str], list[str]]:
    from .documents import document_paths
    from .web.site import build_pages

    old = {page.uri for page in build_pages(before)}
    pages = [_address(page.uri) for page in build_pages(after) if page.uri not in old]
    old_docs = set(document_paths(before))
    documents = [f"downloads/{path}" for path in document_paths(after) if path not in old_docs]
    return pages, documents


def _address(uri: str) -> str:
    stem = uri.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else f"{stem}/"


# --- placeholders left in the data -----------------------------------------------


def placeholders(data_dir: Path, root: Path | None = None) -> list[DataError]:
    """Every text value that still starts with the scaffold's TODO prompt (file names shown from `root`)."""
    from .schemas import data_files

    found: list[DataError] = []
    for path, _ in data_files(Path(data_dir)):
        display = display_name(path, root) if root else f"{Path(data_dir).name}/{path.relative_to(data_dir).as_posix()}"
        try:
            doc = read_yaml(path, display)
        except DataErrors:
            continue
        found += [
            doc.error(where, "TODO prompt still to replace")
            for where, value in _strings(doc.data, ())
            if value.startswith(PLACEHOLDER)
        ]
    return sorted(found)


def _strings(value: Any, where: Path_) -> typing.Iterator[tuple[Path_, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*where, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*where, index))
