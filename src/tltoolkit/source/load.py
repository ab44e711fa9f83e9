"""Everything a build or `tltoolkit validate` reads, in one pass: the toolkit's data, the district's
settings (district.yml) and its own data laid over the toolkit's, checked together, so every
problem in all of them is reported at once, each at its file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

from .catalog import Catalog, display_name, display_root, load_catalog
from .district import District, read_district
from .errors import DataError, DataErrors
from .overlay import Overlay
from .planning import with_planning


def load_toolkit(data_dir: Path, district_file: Path | None = None) -> tuple[Catalog, District | None]:
    """The catalog (with the district's overlay, if any) and the district; every problem raised at once."""
    errors: list[DataError] = []
    district: District | None = None
    overlay: Overlay | None = None
    if district_file is not None:
        shared = display_root(Path(data_dir), Path(district_file).parent)
        try:
            district, document, problems = read_district(district_file, display_name(Path(district_file), shared))
        except DataErrors as exc:  # district.yml unreadable: the data (and the overlay, if found) still checked
            errors.extend(exc.errors)
            if (folder := _overlay_named_in(Path(district_file))) is not None:
                overlay = Overlay(folder, home=Path(district_file).resolve().parent)
        else:
            errors.extend(problems)
            if district.overlay is not None:  # even when other settings are wrong, so its problems show too
                overlay = Overlay(district.overlay, district.settings.remove, document, district.folder)
    try:
        catalog = load_catalog(data_dir, overlay)
        catalog = with_planning(catalog, district, errors)  # the district's pay and hours, checked by role
    except DataErrors as exc:
        errors.extend(exc.errors)
    if errors:
        raise DataErrors(errors)
    return catalog, district


_OVERLAY_LINE = re.compile(r"""^overlay:[ ]+(["']?)([^"'#\r\n]+?)\1[ ]*(?:#.*)?$""", re.MULTILINE)


def _overlay_named_in(path: Path) -> Path | None:
    """The overlay folder a district.yml that does not parse names on a line of its own, so the
    overlay's problems are listed with the syntax error instead of after it is fixed."""
    try:
        found = _OVERLAY_LINE.search(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    if found is None:
        return None
    base = path.resolve().parent
    folder = (base / found.group(2)).resolve()
    return folder if folder.is_relative_to(base) and folder.is_dir() else None
