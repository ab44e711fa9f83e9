"""Command line: `python -m tltoolkit validate|schemas|new ...` (see `--help`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .district import load_toolkit
from .errors import DataErrors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tltoolkit", description="Teacher Leadership Toolkit data tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every data file and list all problems")
    check.add_argument("data_dir", nargs="?", default="data", type=Path, help="folder of YAML files (default: data)")
    check.add_argument("--district", type=Path, help="a district's settings file (district.yml), with its overlay")
    schemas = commands.add_parser("schemas", help="write the JSON Schemas for editors from the models")
    schemas.add_argument("--check", action="store_true", help="only report schemas or schema comments out of date")
    schemas.add_argument("--data", default="data", type=Path, help="folder of YAML files (default: data)")
    schemas.add_argument("--out", default="schemas", type=Path, help="folder for the schema files (default: schemas)")
    new = commands.add_parser("new", help="add a new role or guide with every field and its prompts")
    kinds = new.add_subparsers(dest="kind", required=True)
    for kind, what in (("role", "append a role to roles.yml"), ("guide", "write guides/<id>.yml")):
        sub = kinds.add_parser(kind, help=what)
        sub.add_argument("id", help="lowercase letters, digits and hyphens, like 'math-coach'")
        sub.add_argument("--title", help="the title (default: made from the id)")
        if kind == "role":
            sub.add_argument("--category", help="the role's category (default: the first allowed)")
        sub.add_argument("--skill", action="append", dest="skills", help="a skill id; repeat for more")
        sub.add_argument("--data", default="data", type=Path, help="folder of YAML files (default: data)")
    args = parser.parse_args(argv)

    if args.command == "schemas":
        return _schemas(args)
    if args.command == "new":
        return _new(args)
    if not args.data_dir.is_dir():
        print(f"error: no data folder at {args.data_dir}", file=sys.stderr)
        return 2
    try:
        catalog, district = load_toolkit(args.data_dir, args.district)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    where = f"{args.data_dir} with {args.district}" if district else f"{args.data_dir}"
    print(
        f"{where}: all data is valid: {len(catalog.roles)} roles, {len(catalog.skills)} skills, "
        f"{sum(len(v) for v in catalog.moves.values())} principal moves, {len(catalog.conditions)} conditions, "
        f"{len(catalog.guides)} guides, {len(catalog.bibliography.entries)} works in the bibliography"
    )
    from .scaffold import placeholders

    if left := placeholders(args.data_dir):
        for found in left:
            print(f"warning: {found}", file=sys.stderr)
        print(f"{len(left)} TODO prompt(s) still to replace; the site builds, but shows them as written", file=sys.stderr)
    return 0


def _new(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, new_guide, new_role

    try:
        if args.kind == "role":
            done = new_role(args.data, args.id, title=args.title, category=args.category, skills=args.skills)
        else:
            done = new_guide(args.data, args.id, title=args.title, skills=args.skills)
    except ScaffoldError as exc:
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
    print("  check:    scripts/validate lists the prompts still to replace")
    return 0


def _schemas(args: argparse.Namespace) -> int:
    from .schemas import district_files, generate, sync

    if not args.data.is_dir():
        print(f"error: no data folder at {args.data}", file=sys.stderr)
        return 2
    lines = sync(args.out, args.data, write=not args.check, more=district_files(args.data.parent / "examples"))  # the sample district beside data/
    for line in lines:
        print(line, file=sys.stderr if args.check else sys.stdout)
    if args.check and lines:
        return 1
    if not lines:
        print(f"{args.out}: {len(generate())} schemas and every data file's schema comment are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
