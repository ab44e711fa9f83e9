"""Every kind of file the README and overlay.py say a district may overlay: it loads, the merged
catalog and the generated pages show the district's item, and a mistake in it is reported at the
overlay file and line.

Each case writes one small overlay file, built from the minimal data set, whose district item
carries the word LAKEVIEW-MARK in one text field; the broken variant turns that field into a list.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tltoolkit import DataErrors
from tltoolkit.source.load import load_toolkit
from tltoolkit.web.site import build_pages

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
MARK = "LAKEVIEW-MARK"


def _load(name: str) -> dict:
    return yaml.safe_load((MINIMAL / name).read_text(encoding="utf-8"))


def _dump(data: dict) -> str:
    return yaml.safe_dump(data, sort_keys=False, width=1000, allow_unicode=True)


def _roles() -> dict[str, str]:
    role = {**_load("roles.yml")["roles"][0], "id": "lakeview-literacy-lead", "title": f"Literacy lead {MARK}"}
    return {"roles.yml": _dump({"roles": [role]})}


def _skills_replaced() -> dict[str, str]:
    skill = {**_load("skills.yml")["skills"][0], "name": f"Using data {MARK}"}  # same id: replaces the toolkit's
    return {"skills.yml": _dump({"skills": [skill]})}


def _skills_added() -> dict[str, str]:
    skill = {**_load("skills.yml")["skills"][0], "id": "family-partnership", "name": f"Family partnership {MARK}"}
    moves = _load("principal_moves.yml")["principal_moves"][0]
    return {  # a new skill needs its principal moves too
        "skills.yml": _dump({"skills": [skill]}),
        "principal_moves.yml": _dump({"principal_moves": [{**moves, "skill": "family-partnership"}]}),
    }


def _conditions() -> dict[str, str]:
    condition = {
        **_load("conditions.yml")["conditions"][0],
        "id": "district-mentors",
        "name": f"District mentors {MARK}",
    }
    return {"conditions.yml": _dump({"conditions": [condition]})}


def _moves() -> dict[str, str]:
    move = {**_load("principal_moves.yml")["principal_moves"][0]["moves"][0], "id": "lakeview-days"}
    move["move"] = f"Hold two data days a year {MARK}."
    return {"principal_moves.yml": _dump({"principal_moves": [{"skill": "data-use", "moves": [move]}]})}


def _guide() -> dict[str, str]:
    guide = {**_load("guides/clarifying-the-role.yml"), "id": "lakeview-start", "title": f"Starting out {MARK}"}
    return {"guides/lakeview-start.yml": _dump(guide)}


def _whole(name: str, path: tuple[str | int, ...]) -> Callable[[], dict[str, str]]:
    """A copy of the toolkit's file `name` with the text at `path` replaced: the district's version of it."""

    def build() -> dict[str, str]:
        data = _load(name)
        target = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = f"District version {MARK}"
        return {name: _dump(data)}

    return build


# kind -> (overlay files, what in the merged catalog shows the district's item, the page that shows it)
KINDS: dict[str, tuple[Callable[[], dict[str, str]], Callable, str]] = {
    "roles": (_roles, lambda c: c.role["lakeview-literacy-lead"].title, "roles/lakeview-literacy-lead.md"),
    "skills, replaced": (_skills_replaced, lambda c: c.skill["data-use"].name, "skills/data-use.md"),
    "skills, added": (_skills_added, lambda c: c.skill["family-partnership"].name, "skills/family-partnership.md"),
    "conditions": (_conditions, lambda c: c.conditions[-1].name, "conditions/index.md"),
    "principal moves": (_moves, lambda c: c.moves["data-use"][-1].move, "principal-moves/index.md"),
    "guides": (
        _guide,
        lambda c: next(g.title for g in c.guides if g.id == "lakeview-start"),
        "guides/lakeview-start.md",
    ),
    "job_description": (
        _whole("job_description.yml", ("title",)),
        lambda c: c.job_description.title,
        "job-description/index.md",
    ),
    "focus_area": (_whole("focus_area.yml", ("title",)), lambda c: c.focus_area.title, "focus-area/index.md"),
    "competencies": (
        _whole("competencies.yml", ("stances", 0, "name")),
        lambda c: c.competencies.stances[0].name,
        "competencies/index.md",
    ),
    "reflection": (
        _whole("reflection.yml", ("themes", 0, "title")),
        lambda c: c.reflection.themes[0].title,
        "reflection/index.md",
    ),
    "bibliography": (
        _whole("bibliography.yml", ("entries", 0, "note")),
        lambda c: c.bibliography.entries[0].note,
        "bibliography/index.md",
    ),
}


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    """tmp/data (the minimal toolkit data) and tmp/district/district.yml with `overlay: data`."""
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    district = tmp_path / "district"
    (district / "data").mkdir(parents=True)
    (district / "district.yml").write_text("name: Lakeview School District\noverlay: data\n")
    return data, district


def _write(district: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = district / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("kind", KINDS)
def test_each_overlay_kind_merges_and_its_page_shows_the_district_item(project: tuple[Path, Path], kind: str) -> None:
    data, district = project
    files, shown, page = KINDS[kind]
    _write(district, files())

    catalog, _ = load_toolkit(data, district / "district.yml")

    assert MARK in shown(catalog)
    pages = {p.uri: p.markdown for p in build_pages(catalog)}
    assert MARK in pages[page]


@pytest.mark.parametrize("kind", KINDS)
def test_a_mistake_in_each_overlay_kind_is_reported_at_the_overlay_file_and_line(
    project: tuple[Path, Path], kind: str
) -> None:
    data, district = project
    files = KINDS[kind][0]()
    name = next(n for n, text in files.items() if MARK in text)
    text = files[name]
    line_text = next(line for line in text.splitlines() if MARK in line)
    line = text.splitlines().index(line_text) + 1
    key, value = line_text.split(": ", 1)
    files[name] = text.replace(line_text, f"{key}: [{value}]")  # text becomes a list
    _write(district, files)

    with pytest.raises(DataErrors) as caught:
        load_toolkit(data, district / "district.yml")

    [error] = caught.value.errors
    assert (error.file, error.line) == (f"district/data/{name}", line)
    assert error.message == "expected text, got a list of 1"


def test_a_new_district_skill_without_moves_is_reported_at_the_skill(project: tuple[Path, Path]) -> None:
    data, district = project
    files = _skills_added()
    del files["principal_moves.yml"]
    _write(district, files)

    with pytest.raises(DataErrors) as caught:
        load_toolkit(data, district / "district.yml")

    assert [str(e) for e in caught.value.errors] == [
        "district/data/skills.yml:2:3: skills[0].id: no principal moves for skill 'family-partnership'; "
        "add them to principal_moves.yml in the overlay folder"
    ]
