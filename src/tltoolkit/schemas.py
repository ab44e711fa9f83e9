"""JSON Schemas for the data files, generated from the models and never edited by hand.

Editors that understand JSON Schema (VS Code with the YAML extension, JetBrains IDEs, and
anything else built on yaml-language-server) complete field names, show each field's
description on hover and flag mistakes as you type. Every data file names its schema
in its first line:

    # yaml-language-server: $schema=../schemas/roles.schema.json

`python -m tltoolkit schemas` (`scripts/schemas`) rewrites `schemas/` from the models and
puts that line at the top of any data file that lacks it; `--check` only reports.
The hook also publishes the schemas with the site, under `schemas/`.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from .plan_file import PlanFile
from .source import models as m
from .source.catalog import FILES, GUIDES_DIR

SCHEMA_DIR = "schemas"
SUFFIX = ".schema.json"
COMMENT = "# yaml-language-server: $schema="
REGENERATE = "scripts/schemas"
GUIDE_SCHEMA = f"guide{SUFFIX}"
DISTRICT_SCHEMA = f"district{SUFFIX}"
PLAN_SCHEMA = f"plan{SUFFIX}"  # not a data file: the planner's export (src/tltoolkit/plan_file.py)


def schema_models() -> dict[str, tuple[str, type[BaseModel]]]:
    """Schema file name -> (the data file(s) it describes, model)."""
    found = {f"{Path(name).stem}{SUFFIX}": (f"data/{name}", model) for name, model in FILES.items()}
    found[GUIDE_SCHEMA] = (f"data/{GUIDES_DIR}/<id>.yml", m.Guide)
    found[DISTRICT_SCHEMA] = ("district.yml", m.DistrictFile)
    found[PLAN_SCHEMA] = ("a school plan file (exported by the planner at /plan/)", PlanFile)
    return found


def render(model: type[BaseModel], data_file: str) -> str:
    """The schema of one model as deterministic JSON text (sorted keys, two-space indent, final newline)."""
    # Draft 7, with "definitions": the newest draft yaml-language-server (VS Code, JetBrains, ...) fully supports.
    schema = model.model_json_schema(mode="validation", ref_template="#/definitions/{model}")
    if "$defs" in schema:
        schema["definitions"] = schema.pop("$defs")
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = data_file
    source = "src/" + model.__module__.replace(".", "/") + ".py"
    schema["$comment"] = f"Generated from {source} by {REGENERATE}; do not edit."
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def generate() -> dict[str, str]:
    """Every schema file's name and text."""
    return dict(_generated())


@functools.cache  # the schemas follow the models' code alone: made once a process (`mkdocs serve` rebuilds)
def _generated() -> dict[str, str]:
    return {name: render(model, data_file) for name, (data_file, model) in sorted(schema_models().items())}


def data_files(data_dir: Path) -> list[tuple[Path, str]]:
    """Every data file present under `data_dir` with the name of its schema file."""
    data_dir = Path(data_dir)
    found = [(data_dir / name, f"{Path(name).stem}{SUFFIX}") for name in FILES if (data_dir / name).is_file()]
    found += [(path, GUIDE_SCHEMA) for path in sorted((data_dir / GUIDES_DIR).glob("*.yml"))]
    return found


def district_files(root: Path) -> list[tuple[Path, str]]:
    """Each district settings file under `root` (e.g. examples/) and its overlay's data files."""
    found: list[tuple[Path, str]] = []
    for settings in sorted(Path(root).glob("*/district.yml")):
        found.append((settings, DISTRICT_SCHEMA))
        if (overlay := settings.parent / "data").is_dir():
            found += data_files(overlay)
    return found


def comment_line(data_file: Path, schema_file: Path) -> str:
    """The first line that points `data_file` at `schema_file` by a relative path (works offline)."""
    relative = os.path.relpath(schema_file.resolve(), data_file.resolve().parent)
    return f"{COMMENT}{Path(relative).as_posix()}"


def sync(
    schema_dir: Path,
    data_dir: Path,
    *,
    write: bool,
    shown: Path | None = None,
    more: Sequence[tuple[Path, str]] = (),  # other files to keep pointed at their schema (district examples)
) -> list[str]:
    """Bring `schema_dir` and the data files' first lines up to date (write) or list what differs (check).

    Returns one line per file changed or out of date; an empty list means all was current.
    Paths in the lines are relative to `shown` (default: the current folder).
    """
    schema_dir, data_dir = Path(schema_dir), Path(data_dir)
    base = Path(shown) if shown else Path.cwd()

    def show(path: Path) -> str:
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            return str(path)

    lines: list[str] = []
    expected = generate()
    for name, text in expected.items():
        path = schema_dir / name
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        if write:
            schema_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            lines.append(f"wrote {show(path)}")
        else:
            state = "is missing" if current is None else "is out of date"
            lines.append(f"{show(path)} {state}: run {REGENERATE}")
    for path in sorted(schema_dir.glob(f"*{SUFFIX}")) if schema_dir.is_dir() else []:
        if path.name not in expected:
            if write:
                path.unlink()
                lines.append(f"removed {show(path)} (no model describes it any more)")
            else:
                lines.append(f"{show(path)} is no longer generated: run {REGENERATE}")

    for data_file, schema_name in [*data_files(data_dir), *more]:
        wanted = comment_line(data_file, schema_dir / schema_name)
        text = data_file.read_text(encoding="utf-8")
        first, _, rest = text.partition("\n")
        if first.rstrip("\r") == wanted:
            continue
        if write:
            # Replace a stale schema line, or put the line above everything else; the rest stays byte for byte.
            body = rest if first.startswith(COMMENT) else text
            data_file.write_text(f"{wanted}\n{body}", encoding="utf-8")
            lines.append(f"set the schema comment in {show(data_file)}")
        else:
            lines.append(f"{show(data_file)}:1: first line should be '{wanted}': run {REGENERATE}")
    return lines
