"""Command line: `python -m tltoolkit validate [DATA_DIR]`."""

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
    args = parser.parse_args(argv)

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
