"""A district's own folder: create one at any depth in the project, find it again, check its paths.

A district folder holds `mkdocs.yml` (the toolkit's settings, inherited, with paths leading back to
the toolkit's files), `district.yml` (the district's settings, every field explained) and `data/`
(its overlay). The paths in `mkdocs.yml` are relative, so they depend on how deep the folder sits:
`new_district` computes them, and `check_config` says in plain words what is wrong when a folder
was copied to another depth (MkDocs itself only says that '../../mkdocs.yml' does not exist).

The folder must be inside the project: one git repository then dates and reproduces the build,
the overlay stays inside the project (data outside it is refused), and the relative paths survive
cloning or moving the whole project.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import textwrap
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from .schemas import COMMENT, DISTRICT_SCHEMA, SCHEMA_DIR
from .source import models as m

CONFIG, SETTINGS, OVERLAY = "mkdocs.yml", "district.yml", "data"
README = "README.md"
TOOLKIT_HOOK = "hooks/toolkit.py"  # with mkdocs.yml beside it: the toolkit's project folder
# The toolkit's own folders: a district inside one would mix its files with the toolkit's
# (inside docs/ they would even be published as pages).
TOOLKIT_FOLDERS = ("data", "docs", "hooks", "overrides", "schemas", "scripts", "src", "tests", "site", "offline",
                   "node_modules", ".venv", ".git", ".cache")  # fmt: skip
PAPERS = typing.get_args(m.DistrictFile.model_fields["paper"].annotation)

# A sample value for each setting the district has not given yet, shown commented out.
EXAMPLES: dict[str, Any] = {
    "short_name": None,  # made from the name
    "site_name": None,  # made from the short name
    "logo": "logo.svg",
    "colours.primary": "#1a4f8b",  # white text on it: 8.3:1
    "colours.accent": "#b45309",  # 5.0:1 on white
    "contact.name": "Office of Teacher Leadership",
    "contact.email": "teacherleadership@district.example.org",
    "contact.phone": "(555) 010-0100",
    "contact.url": "https://district.example.org/teacher-leadership",
    "licence": None,  # made from the name and the year
    "remove.roles": ["union-building-rep"],
    "remove.conditions": ["protected-time"],
    "remove.guides": ["clarifying-the-role"],
    "remove.moves": {"data-use": ["timely-data-access"]},
    # Planning figures are the district's own (its contract's), never the toolkit's: the sample says so.
    "planning.currency": "USD",
    "planning.periods_per_day": 7,
    "planning.max_hours_per_week": 6,
    "planning.roles": "grade-level-team-leader",  # the sample entry's key: a role id
    "planning.roles.stipend": 1000,
    "planning.roles.hourly_rate": None,
    "planning.roles.hours_per_week": 2,
    "planning.roles.release_periods": None,
    "planning.roles.note": "Example only: put your contract's figures here",
}


class FolderError(Exception):
    """A district folder that cannot be made or used; the message is for the user, without a traceback."""


# --- the relative paths ------------------------------------------------------


def prefix_for(folder: Path, project: Path) -> str:
    """'../' once per level `folder` sits below `project`: the way back to the toolkit's files."""
    depth = len(Path(folder).relative_to(project).parts)
    return "../" * depth


def toolkit_paths(project: Path) -> dict[str, Any]:
    """The paths of the toolkit's mkdocs.yml that a district's copy must point back to."""
    config = _read_config(project / CONFIG)
    theme, extra = _mapping(config.get("theme")), _mapping(config.get("extra"))
    return {
        "docs_dir": config.get("docs_dir", "docs"),
        "custom_dir": theme.get("custom_dir"),
        "hooks": list(config.get("hooks") or []),
        "watch": list(config.get("watch") or []),
        "data_dir": extra.get("data_dir", "data"),
    }


def district_config(name: str, prefix: str, paths: dict[str, Any]) -> str:
    """The district's mkdocs.yml: the toolkit's, inherited, with every path leading back to it."""
    lines = [
        f"# {_one_line(name)}: the toolkit made the district's own (made by scripts/new-district).",
        "# Everything below the INHERIT line differs from the toolkit's mkdocs.yml; paths are relative",
        f"# to this folder, {_levels(prefix)} below the project, so each '{prefix}' leads back to the",
        "# toolkit. Moved to another depth, the paths no longer fit: make a new folder with",
        "# scripts/new-district and move district.yml and data/ into it. The district's name, logo,",
        "# colours, contact, licence and paper are in district.yml, and its own roles, guides,",
        "# conditions and moves in data/.",
        f"INHERIT: {prefix}{CONFIG}",
        "",
        f"docs_dir: {prefix}{paths['docs_dir']}",
        "site_dir: site",
        "theme:",
        "  name: material",
        *([f"  custom_dir: {prefix}{paths['custom_dir']}"] if paths["custom_dir"] else []),
        "hooks:",
        *(f"  - {prefix}{hook}" for hook in paths["hooks"]),
        "watch:",
        *(f"  - {prefix}{watched}" for watched in paths["watch"]),
        "  - .",
        "",
        "extra:",
        f"  data_dir: {prefix}{paths['data_dir']}      # the toolkit's data, kept as it ships",
        f"  district: {SETTINGS}    # this district's settings, branding and overlay",
    ]
    return "\n".join(lines) + "\n"


# --- district.yml, every field present and explained ---------------------------


def district_settings(
    name: str, *, short_name: str | None = None, paper: str = "letter", primary: str | None = None,
    schema_line: str = "", shown: str = SETTINGS, year: int | None = None,
) -> str:  # fmt: skip
    """district.yml with the values given set and every other field shown commented out with a sample."""
    short = _short_form(name)
    year = year or datetime.date.today().year
    examples = {
        **EXAMPLES,
        "short_name": short,
        "site_name": f"{short_name or short} Teacher Leadership Toolkit",
        "licence": f"© {year} {name}. Adapted from the Teacher Leadership Toolkit, CC BY 4.0.",
    }
    given: dict[str, Any] = {"name": name, "paper": paper, "review_after_months": 24, "overlay": OVERLAY}
    given |= {"short_name": short_name} if short_name else {}
    given |= {"colours.primary": primary} if primary else {}
    head = [
        *([schema_line] if schema_line else []),
        f"# {_one_line(name)}: one file for everything the district decides about its toolkit.",
        "# A line starting with '# ' is a comment: take the '# ' away from a setting (and from the lines",
        '# of its block) to use it. Fields: see "Keeping the data" on the site.',
        f"# Check this file: scripts/validate --district {shown}",
        "",
    ]
    given |= {"_shown": shown}
    return "\n".join(head + _fields(m.DistrictFile, given, examples, "", "")) + "\n"


def _fields(
    model: type[BaseModel], given: dict[str, Any], examples: dict[str, Any], key: str, indent: str,
    samples: bool = False,
) -> list[str]:  # fmt: skip
    """One block per field: its description, then its value (given), or a sample, commented out unless `samples`."""
    lines: list[str] = []
    for name, info in model.model_fields.items():
        dotted = f"{key}{name}"
        nested = _model_of(info.annotation)
        keyed = _keyed_model(info.annotation)
        active = dotted in given or (nested is not None and any(k.startswith(f"{dotted}.") for k in given))
        lines += _described(info.description or name.replace("_", " "), indent)
        if name == "overlay":
            shown = given.get("_shown", SETTINGS)
            lines.append(f"{indent}# Add a role there with: scripts/new-role ID --district {shown}")
        if keyed is not None and dotted not in given:  # id -> settings: one sample entry, its fields explained
            entry = [f"{name}:", f"  {examples[dotted]}:", *_fields(keyed, given, examples, f"{dotted}.", "    ", True)]
            lines += [f"{indent}{line}" if samples else f"{indent}# {line}" for line in entry]
        elif nested is not None:
            if active or samples:
                lines += [f"{indent}{name}:", *_fields(nested, given, examples, f"{dotted}.", indent + "  ", samples)]
            else:  # the whole block commented out once, samples inside, for the district to take up or leave
                block = [f"{name}:", *_fields(nested, given, examples, f"{dotted}.", "  ", samples=True)]
                lines += [f"{indent}# {line}" for line in block]
        elif dotted in given:
            lines += _value(name, given[dotted], indent)
        else:
            if dotted not in examples:
                raise FolderError(f"no sample value for district setting '{dotted}': add one to EXAMPLES")
            sample = _value(name, examples[dotted], "")
            lines += [f"{indent}{line}" if samples else f"{indent}# {line}" for line in sample]
        if not indent:
            lines.append("")
    return lines


def _value(name: str, value: Any, indent: str) -> list[str]:
    if isinstance(value, dict):
        return [f"{indent}{name}:", *(f"{indent}  {k}: [{', '.join(map(_scalar, v))}]" for k, v in value.items())]
    if isinstance(value, list):
        return [f"{indent}{name}: [{', '.join(map(_scalar, value))}]"]
    return [f"{indent}{name}: {_scalar(value)}"]


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool | int):
        return str(value).lower() if isinstance(value, bool) else str(value)
    text = str(value)
    plain = re.fullmatch(rf"{m.SLUG}|[a-z0-9]+\.(?:svg|png)", text) and not text.isdigit()
    if plain and text not in ("null", "true", "false", "yes", "no", "on", "off"):
        return text
    return json.dumps(text, ensure_ascii=False)


def _described(description: str, indent: str) -> list[str]:
    return [f"{indent}# {line}" for line in textwrap.wrap(description, width=96 - len(indent))]


def _keyed_model(annotation: Any) -> type[BaseModel] | None:
    """`RolePlanning` for a `dict[Slug, RolePlanning]` field; None for any other field."""
    if typing.get_origin(annotation) is dict:
        value = typing.get_args(annotation)[-1]
        if isinstance(value, type) and issubclass(value, BaseModel):
            return value
    return None


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model of a field that holds one (`Colours`, `Colours | None`); a dict or list of models is a value."""
    if typing.get_origin(annotation) in (dict, list):
        return None
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _short_form(name: str) -> str:
    """'Oakvale School District' -> 'Oakvale'; a name with no usual ending is kept whole."""
    short = re.sub(r"\s+(unified\s+)?(public\s+)?(school\s+district|schools|district)$", "", name.strip(), flags=re.I)
    return short or name


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- making the folder -----------------------------------------------------------


@dataclass(frozen=True)
class NewDistrict:
    folder: Path
    files: list[Path]  # what was written, in the order shown to the user
    prefix: str


def check_target(folder: Path, project: Path) -> Path:
    """The folder to create, absolute; refuse (FolderError) where a district folder could not work."""
    shown = folder  # as the user gave it
    lexical, project = Path(os.path.abspath(project)), project.resolve()
    folder = Path(os.path.abspath(folder))
    resolved = folder.resolve()
    typed = folder.relative_to(lexical).parts if folder.is_relative_to(lexical) else ()
    if typed and typed[0] in TOOLKIT_FOLDERS:  # before following links: docs/ may be one
        raise FolderError(
            f"{shown} is inside the toolkit's own folder '{typed[0]}/': its files would mix with the "
            "toolkit's; choose a folder of its own, like districts/oakvale"
        )
    if resolved == project:
        raise FolderError(f"{shown} is the project folder itself: give a new folder inside it, like districts/oakvale")
    if not resolved.is_relative_to(project):
        raise FolderError(
            f"{shown} is outside the project ({project}): a district folder must be inside it, so that one "
            "repository holds the toolkit and the district (builds are dated and reproduced from it) and the "
            "relative paths back to the toolkit keep working when the project is copied or moved"
        )
    relative = resolved.relative_to(project)
    if relative.parts[0] in TOOLKIT_FOLDERS:
        raise FolderError(
            f"{shown} is inside the toolkit's own folder '{relative.parts[0]}/': its files would mix with the "
            "toolkit's; choose a folder of its own, like districts/oakvale"
        )
    if typed and typed != relative.parts:
        # Reached through a symbolic link: MkDocs would count the '../' from the link's place, not the folder's.
        raise FolderError(f"{shown} is reached through a symbolic link; give the folder's own path, {resolved}")
    if resolved.exists() and not resolved.is_dir():
        raise FolderError(f"{shown} is a file, not a folder")
    if resolved.is_dir() and any(resolved.iterdir()):
        raise FolderError(f"{shown} already exists and is not empty: choose a new folder (nothing is overwritten)")
    for parent in resolved.parents:
        if parent == project:
            break
        if (parent / SETTINGS).is_file():
            raise FolderError(f"{shown} is inside the district folder {parent}: choose a folder of its own")
    return resolved


def new_district(
    project: Path, folder: Path, name: str, *, short_name: str | None = None, paper: str = "letter",
    primary: str | None = None,
) -> NewDistrict:  # fmt: skip
    """Create the district folder; validate it with the toolkit's data; remove it again if it does not validate."""
    from .source.errors import DataErrors
    from .source.load import load_toolkit

    project = Path(project).resolve()
    if not _is_toolkit(project):
        raise FolderError(f"{project} is not the toolkit's project folder (no {CONFIG} and {TOOLKIT_HOOK} there)")
    if paper not in PAPERS:
        raise FolderError(f"--paper '{paper}' is not one of: {', '.join(PAPERS)}")
    for option, value in (("--name", name), ("--short-name", short_name)):
        if value is not None and not value.strip():
            raise FolderError(f"{option} must not be empty")
    target = check_target(folder, project)
    prefix = prefix_for(target, project)
    shown = target.relative_to(project).as_posix()
    settings_file = target / SETTINGS
    # Lexical, like the other paths here: the schema is reached the way the folder was (no symlinks followed).
    schema_line = COMMENT + os.path.relpath(project / SCHEMA_DIR / DISTRICT_SCHEMA, target).replace(os.sep, "/")
    config_text = district_config(name, prefix, toolkit_paths(project))
    settings_text = district_settings(name, short_name=short_name, paper=paper, primary=primary,
                                      schema_line=schema_line, shown=f"{shown}/{SETTINGS}")  # fmt: skip
    created = [p for p in (target, *target.parents) if not p.exists()]  # to take away again on failure
    files = [target / CONFIG, settings_file, target / OVERLAY / ".gitkeep", target / README, target / ".gitignore"]
    target.joinpath(OVERLAY).mkdir(parents=True)
    try:
        files[0].write_text(config_text, encoding="utf-8")
        files[1].write_text(settings_text, encoding="utf-8")
        files[2].write_text("", encoding="utf-8")  # git keeps no empty folder; a dot file is not read as data
        files[3].write_text(_readme(name, shown), encoding="utf-8")
        files[4].write_text("# What `scripts/site offline -f` writes here by default\n/offline/\n", encoding="utf-8")
        load_toolkit(project / toolkit_paths(project)["data_dir"], settings_file)
    except DataErrors as exc:
        _remove(files, created)
        message = f"the new district's settings would not validate, nothing was created:\n{exc.report()}"
        raise FolderError(message) from None
    except BaseException:
        _remove(files, created)
        raise
    return NewDistrict(target, files, prefix)


def _remove(files: list[Path], created: list[Path]) -> None:
    for path in files:
        path.unlink(missing_ok=True)
    for folder in [files[0].parent / OVERLAY, *created]:
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def _readme(name: str, shown: str) -> str:
    return f"""# {_one_line(name)}: the Teacher Leadership Toolkit, made the district's own

- `district.yml`: the district's name, logo, colours, contact, licence line, paper size and review
  interval; every setting is there, explained, most of them commented out until you use them.
- `data/`: the district's own roles, guides, conditions and principal moves, in files named like
  the toolkit's `data/` (`roles.yml`, `guides/<id>.yml`, ...). Same id: replaces the toolkit's
  item. New id: added. `remove:` in `district.yml` leaves toolkit items out.
- `mkdocs.yml`: the toolkit's site settings, inherited; its paths lead back to the toolkit from
  this folder's depth, so keep the folder where it is.

From the project folder:

```sh
scripts/validate --district {shown}                  # check district.yml and data/ with the toolkit's data
scripts/new-role ID --district {shown}/district.yml  # add a role of the district's own (new-guide too)
scripts/site -f {shown}/mkdocs.yml                   # serve the district's site at http://127.0.0.1:8000
scripts/site build -f {shown}/mkdocs.yml             # build it into {shown}/site/
scripts/site offline -f {shown}/mkdocs.yml           # the copy to open from disk, in {shown}/offline/
```
"""


# --- finding a district again, and checking its paths ----------------------------


@dataclass(frozen=True)
class Located:
    settings: Path  # district.yml
    data_dir: Path | None  # the toolkit's data, when a mkdocs.yml names it
    config: Path | None  # the district's mkdocs.yml, if there is one


def locate(given: Path) -> Located:
    """A district from its district.yml, its folder, or its mkdocs.yml."""
    given = Path(given)
    if given.is_dir():
        config = given / CONFIG if (given / CONFIG).is_file() else None
        if config is None and not (given / SETTINGS).is_file():
            raise FolderError(f"{given} holds no {SETTINGS} (nor a {CONFIG} naming one): is it a district's folder?")
        return _from_config(config) if config else Located(given / SETTINGS, None, None)
    if not given.exists():
        raise FolderError(f"no file or folder at {given}")
    if given.name == CONFIG:
        return _from_config(given)
    beside = given.parent / CONFIG  # district.yml: its folder's mkdocs.yml, if it names it, says where the data is
    if beside.is_file():
        try:
            found = _from_config(beside)
        except FolderError:
            found = None
        if found is not None and found.settings.is_file() and os.path.samefile(found.settings, given):
            return found
    return Located(given, None, None)  # read and checked (line by line) by load_district


def _mapping(value: Any) -> dict[str, Any]:
    """`value` when it is a mapping (a section of mkdocs.yml), else an empty one."""
    return value if isinstance(value, dict) else {}


def _from_config(config: Path) -> Located:
    settings = _read_config(config)
    extra = _mapping(settings.get("extra"))
    district = extra.get("district")
    if not isinstance(district, str):
        raise FolderError(f"{config} names no district (extra: district: {SETTINGS}): it is the plain toolkit's")
    data_dir = extra.get("data_dir")
    settings_file = config.parent / district
    return Located(settings_file, config.parent / data_dir if isinstance(data_dir, str) else None, config)


def check_config(config: Path, project: Path | None = None) -> list[str]:
    """What is wrong with the paths of a district's mkdocs.yml, each in a sentence that says the fix."""
    config = Path(config)
    settings = _read_config(config)
    inherit = settings.get("INHERIT")
    if not isinstance(inherit, str):
        return []  # not an inheriting district file: MkDocs checks the rest
    folder = config.parent
    paths: list[tuple[str, str]] = [("INHERIT", inherit)]
    for key, value in (("docs_dir", settings.get("docs_dir")),
                       ("theme.custom_dir", (settings.get("theme") or {}).get("custom_dir")),
                       ("extra.data_dir", (settings.get("extra") or {}).get("data_dir"))):  # fmt: skip
        if isinstance(value, str):
            paths.append((key, value))
    paths += [("hooks", hook) for hook in settings.get("hooks") or [] if isinstance(hook, str)]
    missing = [(key, value) for key, value in paths if not (folder / value).exists()]
    if not missing:
        return []
    written = found.group(1) if (found := re.match(r"^((?:\.\./)*)", inherit)) else ""
    project = project or _project_above(folder)
    if project is not None and folder.resolve().is_relative_to(project.resolve()):
        right = prefix_for(folder.resolve(), project.resolve())
        if right != written:  # the usual cause: a district folder copied to another depth
            return [
                f"{config}: its paths do not lead back to the toolkit ({len(missing)} missing, first "
                f"{missing[0][0]}: '{missing[0][1]}'). They are written for a folder {_levels(written)} below the "
                f"project, but {folder}{os.sep} is {_levels(right)} below it (copied from another folder?). Replace "
                f"'{written}' with '{right}' in {config} (and in the $schema line of {SETTINGS}), or start the "
                'district with scripts/new-district DIR --name "...", which works the paths out'
            ]
    return [f"{config}: {key}: '{value}' does not exist (seen from {folder}{os.sep})" for key, value in missing]


def _levels(prefix: str) -> str:
    count = prefix.count("../")
    return f"{count} level{'' if count == 1 else 's'}"


def _project_above(folder: Path) -> Path | None:
    """The nearest folder above `folder` that holds the toolkit (its mkdocs.yml and hooks/toolkit.py)."""
    return next((parent for parent in Path(os.path.abspath(folder)).parents if _is_toolkit(parent)), None)


def _is_toolkit(folder: Path) -> bool:
    return (folder / CONFIG).is_file() and (folder / TOOLKIT_HOOK).is_file()


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml whatever its tags (`!ENV`, `!!python/name:`): only plain paths are needed here."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def _read_config(path: Path) -> dict[str, Any]:
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_Tolerant)
    except (OSError, UnicodeDecodeError) as exc:
        raise FolderError(f"cannot read {path}: {exc}") from None
    except yaml.YAMLError as exc:
        raise FolderError(f"{path} is not valid YAML: {' '.join(str(exc).split())}") from None
    return loaded if isinstance(loaded, dict) else {}
