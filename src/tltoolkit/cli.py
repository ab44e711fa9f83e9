"""Command line: `python -m tltoolkit validate|schemas|new|paths ...` (see `--help`).

The scripts in scripts/ run this from the project folder and pass the folder they were started
in as TL_CALLER_DIR: paths the user types are taken from there, defaults (data/) from the project.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .district_folder import FolderError, check_config, locate
from .source.errors import DataErrors
from .source.load import load_toolkit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tltoolkit", description="Teacher Leadership Toolkit data tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every data file and list all problems")
    check.add_argument("data_dir", nargs="?", type=Path, help="folder of YAML files (default: data)")
    check.add_argument("--district", type=Path, help="a district's district.yml, its folder or its mkdocs.yml; "
                       "checks its settings and overlay with the toolkit's data")  # fmt: skip
    schemas = commands.add_parser("schemas", help="write the JSON Schemas for editors from the models")
    schemas.add_argument("--check", action="store_true", help="only report schemas or schema comments out of date")
    schemas.add_argument("--data", default="data", type=Path, help="folder of YAML files (default: data)")
    schemas.add_argument("--out", default="schemas", type=Path, help="folder for the schema files (default: schemas)")
    new = commands.add_parser("new", help="add a new role, guide or district folder, every field with its prompt")
    kinds = new.add_subparsers(dest="kind", required=True)
    for kind, what in (("role", "append a role to roles.yml"), ("guide", "write guides/<id>.yml")):
        sub = kinds.add_parser(kind, help=what)
        sub.add_argument("id", help="lowercase letters, digits and hyphens, like 'math-coach'")
        sub.add_argument("--title", help="the title (default: made from the id)")
        if kind == "role":
            sub.add_argument("--category", help="the role's category (default: the first allowed)")
        sub.add_argument("--skill", action="append", dest="skills", help="a skill id; repeat for more")
        sub.add_argument("--data", type=Path, help="folder of the toolkit's YAML files (default: data)")
        sub.add_argument("--district", type=Path, help="add to this district's own data instead (its district.yml, "
                         "folder or mkdocs.yml)")  # fmt: skip
    folder = kinds.add_parser("district", help="create a district's own folder: mkdocs.yml, district.yml, data/")
    folder.add_argument("folder", type=Path, help="a new folder inside the project, like districts/oakvale")
    folder.add_argument("--name", required=True, help="the district's full name, like 'Oakvale School District'")
    folder.add_argument("--short-name", help="a short form for headers, like 'Oakvale'")
    folder.add_argument("--paper", default="letter", help="paper of the printable documents: letter or a4")
    folder.add_argument("--primary", help="the brand colour as '#rrggbb' (white text on it needs 4.5:1)")
    paths = commands.add_parser("paths", help="check that a district's mkdocs.yml points back at the toolkit")
    paths.add_argument("config", type=Path, help="the district's mkdocs.yml")
    args = parser.parse_args(argv)

    if args.command == "schemas":
        return _schemas(args)
    if args.command == "paths":
        return _paths(args)
    if args.command == "new":
        return _new_district(args) if args.kind == "district" else _new(args)
    try:
        data_dir, district_file, config = _toolkit_and_district(args.data_dir, args.district)
    except FolderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if config and (problems := check_config(config)):  # first: a copied folder also misses the data folder
        print("\n".join(f"error: {problem}" for problem in problems), file=sys.stderr)
        return 1
    if not data_dir.is_dir():
        print(f"error: no data folder at {data_dir}", file=sys.stderr)
        return 2
    try:
        catalog, district = load_toolkit(data_dir, district_file)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    where = f"{data_dir} with {district_file}" if district else f"{data_dir}"
    print(
        f"{where}: all data is valid: {len(catalog.roles)} roles, {len(catalog.skills)} skills, "
        f"{sum(len(v) for v in catalog.moves.values())} principal moves, {len(catalog.conditions)} conditions, "
        f"{len(catalog.guides)} guides, {len(catalog.bibliography.entries)} works in the bibliography"
    )
    from .scaffold import placeholders
    from .source.catalog import display_root

    left = placeholders(data_dir)
    if district and district.overlay and district.overlay.is_dir():  # the district's own entries too
        root = display_root(data_dir, district.overlay)
        left = sorted(placeholders(data_dir, root) + placeholders(district.overlay, root))
    if left:
        for found in left:
            print(f"warning: {found}", file=sys.stderr)
        print(
            f"{len(left)} TODO prompt(s) still to replace; the site builds, but shows them as written", file=sys.stderr
        )
    return 0


def _new(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, new_guide, new_role

    try:
        data, district, config = _toolkit_and_district(args.data, args.district)
        if config and (problems := check_config(config)):
            raise ScaffoldError("\nerror: ".join(problems))
        if args.kind == "role":
            done = new_role(data, args.id, title=args.title, category=args.category, skills=args.skills,
                            district=district)  # fmt: skip
        else:
            done = new_guide(data, args.id, title=args.title, skills=args.skills, district=district)
    except (ScaffoldError, FolderError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except DataErrors as exc:  # the new entry did not validate: the file was put back as it was
        print(f"error: the new {args.kind} would not validate, nothing was changed:\n{exc.report()}", file=sys.stderr)
        return 1
    shown = done.file.relative_to(Path.cwd()) if done.file.is_relative_to(Path.cwd()) else done.file
    print(f"Added {args.kind} '{args.id}'. Next: edit {shown}:{done.line} and replace every TODO prompt.")
    for page in done.pages:
        print(f"  page:     /{page}   (scripts/site serves it at http://127.0.0.1:8000/{page})")
    for document in done.documents:
        print(f"  download: /{document}")
    check = f"scripts/validate --district {district}" if district else "scripts/validate"
    print(f"  check:    {check} lists the prompts still to replace")
    return 0


def _new_district(args: argparse.Namespace) -> int:
    from .district_folder import CONFIG, OVERLAY, README, SETTINGS, new_district

    try:
        done = new_district(Path.cwd(), _typed(args.folder), args.name, short_name=args.short_name, paper=args.paper,
                            primary=args.primary)  # fmt: skip
    except FolderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    at = _shown(done.folder)
    levels = done.prefix.count("../")
    print(f"Created {at}/ for {args.name}, {levels} level{'s' if levels > 1 else ''} below the project:")
    for name, what in ((SETTINGS, "the district's name, logo, colours, contact, licence, paper: each explained"),
                       (f"{OVERLAY}/", "the district's own roles, guides, conditions and moves (none yet)"),
                       (CONFIG, f"the toolkit's site settings, with paths leading back to it ('{done.prefix}')"),
                       (README, "what is here and the commands below")):  # fmt: skip
        print(f"  {at}/{name:<14} {what}")
    print(f"Next, from the project folder ({Path.cwd()}):")
    steps = [
        (f"edit {at}/{SETTINGS}", "take the '# ' away from the settings you want"),
        (f"scripts/validate --district {at}/{SETTINGS}", "check it, with the toolkit's data"),
        (f"scripts/new-role ID --district {at}/{SETTINGS}", "a role of the district's own (new-guide too)"),
        (f"scripts/site -f {at}/{CONFIG}", f"serve the site; 'scripts/site build -f ...' writes {at}/site/"),
        (f"scripts/site offline -f {at}/{CONFIG}", f"the copy to open from disk, in {at}/offline/"),
    ]
    width = max(len(command) for command, _ in steps)
    for number, (command, what) in enumerate(steps, 1):
        print(f"  {number}. {command:<{width}}   # {what}")
    return 0


def _paths(args: argparse.Namespace) -> int:
    try:
        problems = check_config(_typed(args.config))
    except FolderError as exc:
        problems = [str(exc)]
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


# --- paths the user typed --------------------------------------------------------


def _typed(path: Path) -> Path:
    """A path the user typed, taken from the folder they typed it in; shown from the project when inside it."""
    caller = Path(os.environ.get("TL_CALLER_DIR") or Path.cwd())
    return _relative(Path(os.path.abspath(caller / path)))


def _relative(path: Path) -> Path:
    here = Path.cwd()
    return path.relative_to(here) if path.is_relative_to(here) else path


def _shown(path: Path) -> str:
    return _relative(Path(os.path.abspath(path))).as_posix()


def _toolkit_and_district(data: Path | None, district: Path | None) -> tuple[Path, Path | None, Path | None]:
    """The toolkit's data folder, the district's settings file and its mkdocs.yml (each if known)."""
    located = locate(_typed(district)) if district is not None else None
    if data is not None:
        data_dir = _typed(data)
    elif located and located.data_dir is not None:  # the district's mkdocs.yml says where the toolkit's data is
        data_dir = _relative(Path(os.path.abspath(located.data_dir)))
    else:
        data_dir = Path("data")
    settings = _relative(Path(os.path.abspath(located.settings))) if located else None
    return data_dir, settings, located.config if located else None


def _schemas(args: argparse.Namespace) -> int:
    from .schemas import district_files, generate, sync

    if not args.data.is_dir():
        print(f"error: no data folder at {args.data}", file=sys.stderr)
        return 2
    lines = sync(
        args.out, args.data, write=not args.check, more=district_files(args.data.parent / "examples")
    )  # the sample district beside data/
    for line in lines:
        print(line, file=sys.stderr if args.check else sys.stdout)
    if args.check and lines:
        return 1
    if not lines:
        print(f"{args.out}: {len(generate())} schemas and every data file's schema comment are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
