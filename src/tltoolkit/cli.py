"""Command line: `python -m tltoolkit validate|schemas|new ...` (see `--help`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .catalog import load_catalog
from .errors import DataErrors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tltoolkit", description="Teacher Leadership Toolkit data tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every data file and list all problems")
    check.add_argument("data_dir", nargs="?", default="data", type=Path, help="folder of YAML files (default: data)")
    schemas = commands.add_parser("schemas", help="write the JSON Schemas for editors from the models")
    schemas.add_argument("--check", action="store_true", help="only report schemas or schema comments out of date")
    schemas.add_argument("--data", default="data", type=Path, help="folder of YAML files (default: data)")
    schemas.add_argument("--out", default="schemas", type=Path, help="folder for the schema files (default: schemas)")
    args = parser.parse_args(argv)

    if args.command == "schemas":
        return _schemas(args)
    if not args.data_dir.is_dir():
        print(f"error: no data folder at {args.data_dir}", file=sys.stderr)
        return 2
    try:
        catalog = load_catalog(args.data_dir)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(
        f"{args.data_dir}: all data is valid: {len(catalog.roles)} roles, {len(catalog.skills)} skills, "
        f"{sum(len(v) for v in catalog.moves.values())} principal moves, {len(catalog.conditions)} conditions, "
        f"{len(catalog.guides)} guides, {len(catalog.bibliography.entries)} works in the bibliography"
    )
    return 0


def _schemas(args: argparse.Namespace) -> int:
    from .schemas import generate, sync

    if not args.data.is_dir():
        print(f"error: no data folder at {args.data}", file=sys.stderr)
        return 2
    lines = sync(args.out, args.data, write=not args.check)
    for line in lines:
        print(line, file=sys.stderr if args.check else sys.stdout)
    if args.check and lines:
        return 1
    if not lines:
        print(f"{args.out}: {len(generate())} schemas and every data file's schema comment are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
