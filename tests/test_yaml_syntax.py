"""YAML syntax errors in plain words, at the line the editor has to change; one broken file hides no other.

tests/cases/yaml_syntax/ holds one mistake per file with the expected message in its first line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tltoolkit import DataErrors
from tltoolkit.source.load import load_toolkit
from tltoolkit.source.yamlsource import read_yaml

CASES = Path(__file__).parent / "cases" / "yaml_syntax"
EXPECT = re.compile(r"^# expect (\d+):(\d+): (.+)$")


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.yml"))


@pytest.mark.parametrize("path", case_files(), ids=lambda path: path.stem)
def test_a_syntax_error_is_explained_at_the_line_to_change(path: Path) -> None:
    expected = EXPECT.match(path.read_text(encoding="utf-8").splitlines()[0])
    assert expected, f"{path.name}: the first line must be '# expect LINE:COLUMN: message'"
    line, column, message = expected.groups()
    with pytest.raises(DataErrors) as caught:
        read_yaml(path, f"data/{path.name}")
    [error] = caught.value.errors
    assert (error.file, error.line, error.column) == (f"data/{path.name}", int(line), int(column)), str(error)
    sentence, _, parser = error.message.removeprefix("YAML syntax error: ").partition(" (parser: ")
    assert sentence == message
    assert parser.endswith(")") and len(parser) > 1, "the parser's own words follow as a detail"


def test_the_case_folder_covers_the_common_mistakes() -> None:
    assert len(case_files()) >= 20


def test_the_parser_words_are_kept_as_the_detail(tmp_path: Path) -> None:
    path = tmp_path / "roles.yml"
    path.write_text("roles:\n  - id: a\n  title: T\n")
    with pytest.raises(DataErrors) as caught:
        read_yaml(path, "data/roles.yml")
    assert str(caught.value.errors[0]).endswith("(parser: expected <block end>, but found '?')")


# --- one broken file hides no other -------------------------------------------------------

SETTINGS = "name: Lakeview School District\npaper: a4\noverlay: data\n"
BROKEN = "roles:\n  - id: a\n   title: T\n"  # line 3 misaligned


@pytest.fixture
def district(minimal_data: Path) -> Path:
    folder = minimal_data.parent / "district"
    (folder / "data").mkdir(parents=True)
    (folder / "district.yml").write_text(SETTINGS)
    return folder


def locations(data: Path, district: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_toolkit(data, district / "district.yml")
    return [f"{error.file}:{error.line}" for error in caught.value.errors]


def test_a_broken_data_file_hides_neither_the_other_data_files_nor_the_overlay(
    minimal_data: Path, district: Path
) -> None:
    (minimal_data / "skills.yml").write_text(BROKEN.replace("roles", "skills"))
    conditions = minimal_data / "conditions.yml"
    conditions.write_text(conditions.read_text().replace("- id: protected-time", "- id: Protected Time", 1))
    (district / "data" / "focus_area.yml").write_text("audience: [unclosed\n")
    (district / "data" / "roles.yml").write_text(BROKEN)
    found = locations(minimal_data, district)
    line = next(i for i, text in enumerate(conditions.read_text().splitlines(), 1) if "Protected Time" in text)
    assert found == [
        f"data/conditions.yml:{line}",
        "data/skills.yml:3",
        "district/data/focus_area.yml:1",
        "district/data/roles.yml:3",
    ]


def test_a_broken_district_file_hides_neither_the_data_nor_the_overlay(minimal_data: Path, district: Path) -> None:
    (district / "district.yml").write_text(SETTINGS.replace("paper: a4", "paper: 'a4"))
    (district / "data" / "roles.yml").write_text(BROKEN)
    roles = minimal_data / "roles.yml"
    roles.write_text(roles.read_text().replace("  held: full-time-teaching", "  held: sometimes", 1))
    found = locations(minimal_data, district)
    assert [where.split(":")[0] for where in found] == [
        "data/roles.yml",
        "district/data/roles.yml",
        "district/district.yml",
    ]
    assert found[1:] == ["district/data/roles.yml:3", "district/district.yml:2"]


# --- the line to change, over real files ----------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
REAL = ["data/guides/clarifying-the-role.yml", "data/skills.yml", "examples/sample-district/district.yml"]


def mistakes(text: str) -> list[tuple[int, str, str]]:
    """(line, what, changed text): each line pushed one space right, pulled one space left, or given a
    quote that is never closed, as an editor's slip would."""
    lines = text.split("\n")
    found = []
    for i, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        variants = {"one space more": " " + line}
        if line.startswith(" "):
            variants["one space less"] = line[1:]
        if re.match(r"^\s*(?:- )?[\w-]+: [^\s\"'>|]", line):
            key, value = line.split(": ", 1)
            variants["an opening quote"] = f'{key}: "{value}'
        for what, changed in variants.items():
            found.append((i + 1, what, "\n".join([*lines[:i], changed, *lines[i + 1 :]])))
    return found


@pytest.mark.parametrize("name", REAL)
def test_a_slip_on_any_line_of_a_real_file_is_reported_on_that_line(name: str, tmp_path: Path) -> None:
    path = tmp_path / "file.yml"
    wrong, reported = [], 0
    for line, what, text in mistakes((ROOT / name).read_text(encoding="utf-8")):
        path.write_text(text, encoding="utf-8")
        try:
            read_yaml(path, name)
        except DataErrors as exc:
            [error] = exc.errors
            reported += 1
            if error.line != line:
                wrong.append(f"{what} on line {line}: {error}")
    assert reported >= 20  # most slips break the file (a line of text pushed right is still valid YAML)
    assert wrong == []
