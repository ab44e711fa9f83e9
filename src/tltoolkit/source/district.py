"""A district's settings file (district.yml): name, logo, colours, contact, licence, paper, own data.

`load.py` reads it together with the data (`load_toolkit`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import models as m
from .catalog import display_name, display_root
from .errors import DataError, DataErrors
from .logo import Logo, LogoError, read_logo
from .validation import validate
from .yamlsource import YamlDocument, read_yaml

TOOLKIT = "Teacher Leadership Toolkit"
BOTH_SPELLINGS = "give the colours once, as 'colours' or as 'colors', not both (they are the same setting)"
LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}
WHITE, SLATE = "#ffffff", "#1e2029"  # the page backgrounds of the light and dark site schemes
TEXT_CONTRAST, UI_CONTRAST = 4.5, 3.0  # WCAG 2.1 AA: body text, and hover/highlight colour


@dataclass(frozen=True)
class Brand:
    """The colours every output uses, worked out from the district's two."""

    primary: str
    accent: str

    @property
    def primary_light(self) -> str:
        return mix(self.primary, WHITE, 0.15)

    @property
    def primary_dark(self) -> str:
        return mix(self.primary, "#000000", 0.15)

    @property
    def link_on_dark(self) -> str:
        """The primary, lightened until it reads as link text on the dark scheme's background."""
        return readable(self.primary, SLATE, TEXT_CONTRAST, towards=WHITE)

    @property
    def accent_on_white(self) -> str:
        """The accent, darkened if needed so small printed text in it stays readable."""
        return readable(self.accent, WHITE, TEXT_CONTRAST, towards="#000000")

    @property
    def tint(self) -> str:
        return mix(self.primary, WHITE, 0.9)

    @property
    def rule(self) -> str:
        return mix(self.primary, WHITE, 0.7)


@dataclass(frozen=True)
class District:
    """Validated settings, with paths resolved and the defaults filled in."""

    settings: m.DistrictFile
    folder: Path  # where district.yml is; the logo and overlay are relative to it
    file: str  # district.yml as shown in messages

    @property
    def name(self) -> str:
        return self.settings.name

    @property
    def short_name(self) -> str:
        return self.settings.short_name or self.settings.name

    @property
    def site_name(self) -> str:
        return self.settings.site_name or f"{self.short_name} {TOOLKIT}"

    @property
    def logo(self) -> Path | None:
        return (self.folder / self.settings.logo).resolve() if self.settings.logo else None

    @cached_property
    def logo_image(self) -> Logo | None:
        """The checked logo, read once: the site, the favicon and every PDF use these bytes, never the file.

        Raises LogoError when the file is not fit to publish; `load_district` has reported that already.
        """
        return read_logo(self.logo, self.settings.logo) if self.logo and self.settings.logo else None

    @property
    def brand(self) -> Brand | None:
        colours = self.settings.colours
        return Brand(colours.primary.lower(), (colours.accent or colours.primary).lower()) if colours else None

    @property
    def contact_line(self) -> str:
        """'Questions: Office of Teacher Leadership · tl@district.org · 555-0100 · https://…', or ''."""
        contact = self.settings.contact
        if contact is None:
            return ""
        return "Questions: " + " · ".join(p for p in (contact.name, contact.email, contact.phone, contact.url) if p)

    @property
    def overlay(self) -> Path | None:
        return self.folder / self.settings.overlay if self.settings.overlay else None


def load_district(path: Path, display: str | None = None) -> tuple[District, YamlDocument]:
    """Read and check district.yml: fields, colour contrast, the logo file; every problem raised at once."""
    district, document, errors = read_district(path, display)
    if errors:
        raise DataErrors(errors)
    return district, document


def read_district(path: Path, display: str | None = None) -> tuple[District, YamlDocument, list[DataError]]:
    """The district (its settings as far as they are valid), the file, and every problem in it.

    Raises DataErrors only when the file cannot be read at all. A wrong field does not stop the
    other checks: contrast and logo run on whichever values are valid, so one pass shows all."""
    path = Path(path)
    display = display or display_name(path, display_root(path.parent, None))
    if not path.is_file():
        raise DataErrors([DataError(display, 1, 1, "", "no district settings file here")])
    document, spelled, errors = _one_spelling(read_yaml(path, display))
    try:
        settings = validate(document, m.DistrictFile)
    except DataErrors as exc:
        errors.extend(exc.errors)
        settings = _valid_fields(document)
    district = District(settings, path.resolve().parent, display)
    errors += [*_check_colours(document), *_check_logo(document, district)]
    if spelled != "colours":  # name the field as the district wrote it
        errors = [_respelled(error) for error in errors]
    return district, document, errors


def _one_spelling(document: YamlDocument) -> tuple[YamlDocument, str, list[DataError]]:
    """district.yml with 'colors' (US spelling) read as 'colours', the spelling used, and an error if both
    are given. Values and their lines move with the key, so every message still points at the file."""
    data = document.data
    if not isinstance(data, dict) or "colors" not in data:
        return document, "colours", []
    if "colours" in data:  # the second is reported and left out, so it is not also an unknown field
        both = document.error(("colors",), BOTH_SPELLINGS)
        kept = {key: value for key, value in data.items() if key != "colors"}
        return YamlDocument(document.file, kept, document.marks), "colours", [both]
    renamed = {("colours" if key == "colors" else key): value for key, value in data.items()}
    marks = {(("colours", *p[1:]) if p[:1] == ("colors",) else p): mark for p, mark in document.marks.items()}
    return YamlDocument(document.file, renamed, marks), "colors", []


def _respelled(error: DataError) -> DataError:
    """An error under 'colours' named 'colors', as the district wrote it."""
    if error.path == "colours" or error.path.startswith(("colours.", "colours[")):
        return replace(error, path="colors" + error.path.removeprefix("colours"))
    return error


def _valid_fields(document: YamlDocument) -> m.DistrictFile:
    """The settings with every field that is valid on its own; the others left at their defaults."""
    data = document.data if isinstance(document.data, dict) else {}
    kept: dict[str, Any] = {}
    for key, value in data.items():
        if key not in m.DistrictFile.model_fields:
            continue
        try:  # each field alone, beside a stand-in name (the one required field)
            alone = m.DistrictFile.model_validate({"name": "-", key: value})
        except ValidationError:
            continue
        kept[key] = getattr(alone, key)
    return m.DistrictFile.model_construct(**{"name": "", **kept})


def _check_colours(document: YamlDocument) -> list[DataError]:
    """Contrast of each colour given as '#rrggbb', read from the file (so a wrong sibling does not hide it)."""
    data = document.data if isinstance(document.data, dict) else {}
    colours = data.get("colours")
    if not isinstance(colours, dict):
        return []
    primary, accent = (_hex(colours.get(name)) for name in ("primary", "accent"))
    errors = []
    if primary and (ratio := contrast(primary, WHITE)) < TEXT_CONTRAST:
        better = readable(primary, WHITE, TEXT_CONTRAST, towards="#000000")
        message = (
            f"white text on {primary} has a contrast of {ratio:.1f}:1, below the {TEXT_CONTRAST}:1 that "
            f"headers and links need (WCAG AA); a darker shade such as {better} works"
        )
        errors.append(document.error(("colours", "primary"), message))
    if accent and (ratio := contrast(accent, WHITE)) < UI_CONTRAST:
        better = readable(accent, WHITE, UI_CONTRAST, towards="#000000")
        message = (
            f"{accent} on white has a contrast of {ratio:.1f}:1, below the {UI_CONTRAST}:1 a hover "
            f"colour needs; a darker shade such as {better} works"
        )
        errors.append(document.error(("colours", "accent"), message))
    return errors


def _hex(value: object) -> str | None:
    return value if isinstance(value, str) and re.fullmatch(m.HEX_COLOUR_PATTERN, value) else None


def _check_logo(document: YamlDocument, district: District) -> list[DataError]:
    logo, given = district.logo, district.settings.logo
    if logo is None or given is None:
        return []
    if not logo.is_relative_to(district.folder):
        return [document.error(("logo",), f"the logo '{given}' must be inside the folder of {district.file}")]
    if logo.suffix.lower() not in LOGO_TYPES:
        return [document.error(("logo",), f"the logo must be an .svg or .png image, not '{given}'")]
    if not logo.is_file():
        return [document.error(("logo",), f"no logo file at '{given}' (relative to {district.file})")]
    try:
        district.logo_image  # noqa: B018 - reads and checks the file once, keeping the checked bytes
    except LogoError as exc:
        return [document.error(("logo",), str(exc))]
    except OSError as exc:
        return [document.error(("logo",), f"the logo '{given}' could not be read ({exc.strerror or exc})")]
    return []


# --- colour arithmetic (WCAG 2.1 relative luminance and contrast ratio) ------


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(colour: str, other: str, amount: float) -> str:
    """`colour` moved `amount` (0 to 1) of the way towards `other`."""
    a, b = _rgb(colour), _rgb(other)
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


def readable(colour: str, background: str, ratio: float, towards: str) -> str:
    """`colour`, moved towards `towards` in small steps until it reaches `ratio` against `background`."""
    for step in range(0, 101, 2):
        candidate = mix(colour, towards, step / 100)
        if contrast(candidate, background) >= ratio:
            return candidate
    return towards
