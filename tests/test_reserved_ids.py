"""Ids that would take the path or anchor of something the toolkit writes itself are refused.

The reserved names are read off the outputs (`tltoolkit.source.reserved`); these tests give each kind
each of its reserved names in the minimal data set and expect one error at that id.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tltoolkit import DataErrors, load_catalog
from tltoolkit.source import models as m
from tltoolkit.source.load import load_toolkit
from tltoolkit.source.references import ID_LISTS
from tltoolkit.source.reserved import reserved

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
LISTS = {model: (file, what, key) for model, file, what, key in ID_LISTS}
CASES = [(model, name) for model, names in reserved().items() for name in sorted(names)]


def _first_id(file: Path, key: tuple[str, ...]) -> str:
    """The id of the first item in the list at `key` ("*": the first item of an outer list)."""
    import yaml

    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    for part in key:
        data = data[0] if part == "*" else data[part]
    return data[0]["id"]


def _rename(data: Path, old: str, new: str) -> None:
    """Change an id everywhere it is used, so the only problem left is the new name itself."""
    for path in data.rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, text), encoding="utf-8")


def _problems(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_catalog(data)
    return [str(error) for error in caught.value.errors]


def test_the_outputs_reserve_the_names_the_issue_found() -> None:
    names = {model: set(found) for model, found in reserved().items()}
    assert {"blank", "index", "match"} <= names[m.Role]
    assert {"index", "all-guides"} <= names[m.Guide]
    assert "index" in names[m.Skill]
    assert "school-conditions-and-sample-strategies" in names[m.Condition]  # the page's own heading anchor


def test_every_kind_with_reserved_names_is_checked() -> None:
    assert set(reserved()) - {m.Guide} <= set(LISTS)


@pytest.mark.parametrize(("model", "name"), CASES, ids=[f"{model.__name__}-{name}" for model, name in CASES])
def test_each_reserved_name_is_refused_for_its_kind(tmp_path: Path, model: type, name: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    if model is m.Guide:
        (data / "guides" / "clarifying-the-role.yml").rename(data / "guides" / f"{name}.yml")
        _rename(data, "clarifying-the-role", name)
        file, prefix = f"guides/{name}.yml", f"guide id '{name}' (the file name) is "
    else:
        file, what, key = LISTS[model]
        _rename(data, _first_id(data / file, key), name)
        prefix = f"{what} id '{name}' is "
    text = (data / file).read_text(encoding="utf-8")
    line = text[: text.index(f"id: {name}\n")].count("\n") + 1

    [problem] = _problems(data)

    assert problem.startswith(f"data/{file}:{line}:")
    assert f"id: {prefix}{reserved()[model][name]}; " in problem


def test_the_messages_say_what_uses_the_name(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    _rename(data, "grade-level-team-leader", "blank")
    _rename(data, "data-use", "index")
    (data / "guides" / "clarifying-the-role.yml").rename(data / "guides" / "all-guides.yml")
    _rename(data, "clarifying-the-role", "all-guides")
    assert _problems(data) == [
        "data/guides/all-guides.yml:2:1: id: guide id 'all-guides' (the file name) is the name of files the toolkit "
        "writes itself (downloads/guides/all-guides.pdf, downloads/guides/all-guides.docx); rename the file and its id",
        "data/roles.yml:3:3: roles[0].id: role id 'blank' is the name of files the toolkit writes itself "
        "(downloads/job-descriptions/blank.pdf, downloads/job-descriptions/blank.docx, "
        "downloads/selection/blank.pdf, downloads/selection/blank.docx, downloads/support-plans/blank.pdf, "
        "downloads/support-plans/blank.docx); choose another id",
        "data/skills.yml:3:3: skills[0].id: skill id 'index' is the address of the page 'Core leadership skills' "
        "(skills/index.md); choose another id",
    ]


def test_a_district_role_with_a_reserved_id_is_reported_at_the_overlay(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL, tmp_path / "data")
    district = tmp_path / "district"
    (district / "data").mkdir(parents=True)
    (district / "district.yml").write_text("name: Lakeview School District\noverlay: data\n")
    roles = (MINIMAL / "roles.yml").read_text(encoding="utf-8")
    first = roles[: roles.index("\n- id: ", roles.index("- id: ") + 1)]  # the first role only
    (district / "data" / "roles.yml").write_text(
        first.replace("id: grade-level-team-leader", "id: match", 1).replace(
            "title: Grade-level team leader", "title: Lakeview match lead"
        )
    )
    with pytest.raises(DataErrors) as caught:
        load_toolkit(tmp_path / "data", district / "district.yml")
    assert [str(e) for e in caught.value.errors] == [
        "district/data/roles.yml:3:3: roles[0].id: role id 'match' is the address of the page 'Match roles to your "
        "faculty' (roles/match.md); choose another id"
    ]
