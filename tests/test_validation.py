"""Bad data gives one clear line per problem: file, line, column, field path, what was expected."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tltoolkit import DataErrors, load_catalog

# Each case edits one file of the minimal data set. `old` is replaced by `new` (first
# occurrence); `{line}` in an expected message stands for the line where `new` starts.
CASES = {
    "unknown field with suggestion": (
        "roles.yml",
        "  title: Grade-level team leader",
        "  titel: Grade-level team leader",
        [
            "data/roles.yml:{line}:3: roles[0].titel: unknown field 'titel' (did you mean 'title'?)",
            "data/roles.yml:3:3: roles[0]: missing required field 'title'",
        ],
    ),
    "unknown skill reference": (
        "roles.yml",
        "  skills:\n  - shared-leadership\n  - data-use",
        "  skills:\n  - shared-leadership\n  - dta-use",
        ["data/roles.yml:{line+2}:5: roles[0].skills[1]: unknown skill 'dta-use' (did you mean 'data-use'?)"],
    ),
    "wrong type": (
        "roles.yml",
        "  title: Data team facilitator",
        "  title: 2024",
        ["data/roles.yml:{line}:3: roles[1].title: expected text, got the number 2024"],
    ),
    "list expected": (
        "roles.yml",
        "  skills:\n  - data-use\n  summary:",
        "  skills: data-use\n  summary:",
        ["data/roles.yml:{line}:3: roles[1].skills: expected a list, got the text 'data-use'"],
    ),
    "value not allowed, with suggestion": (
        "roles.yml",
        "  held: full-time-teaching",
        "  held: full-time",
        [
            "data/roles.yml:{line}:3: roles[0].held: expected one of 'full-time-teaching', 'partial-release' or "
            "'full-release', got the text 'full-time' (did you mean 'full-time-teaching'?)"
        ],
    ),
    "unknown field in a nested list": (
        "skills.yml",
        "  - name: Creating a data culture",
        "  - nam: Creating a data culture",
        [
            "data/skills.yml:{line}:5: skills[0].competencies[1].nam: unknown field 'nam' (did you mean 'name'?)",
            "data/skills.yml:{line}:5: skills[0].competencies[1]: missing required field 'name'",
        ],
    ),
    "too few items": (
        "guides/clarifying-the-role.yml",
        "skills:\n- shared-leadership\n",
        "skills: []\n",
        ["data/guides/clarifying-the-role.yml:{line}:1: skills: expected 1 to 6 items, got 0"],
    ),
    "empty text": (
        "roles.yml",
        "  reports_to: Principal",
        "  reports_to: '  '",
        ["data/roles.yml:{line}:3: roles[0].reports_to: must not be empty"],
    ),
    "invalid id": (
        "roles.yml",
        "- id: assessment-coordinator",
        "- id: Grade Level",
        [
            "data/roles.yml:{line}:3: roles[2].id: the text 'Grade Level' is not a valid id: use lowercase "
            "letters, digits and hyphens, like 'grade-level-team-leader'"
        ],
    ),
    "duplicate id": (
        "roles.yml",
        "- id: assessment-coordinator",
        "- id: grade-level-team-leader",
        ["data/roles.yml:{line}:3: roles[2].id: duplicate role id 'grade-level-team-leader' (first used on line 3)"],
    ),
    "duplicate key": (
        "roles.yml",
        "  scope: team\n",
        "  scope: team\n  scope: school\n",
        ["data/roles.yml:{line+1}:3: roles[0].scope: duplicate key 'scope' (first given on line {line})"],
    ),
    "yaml syntax error": (
        "conditions.yml",
        "conditions:\n- id:",
        "conditions:\n- id: [unclosed\n- id:",
        # At the '[' that is never closed (the line to change), not where the parser gave up a line later.
        [
            "data/conditions.yml:{line+1}:7: YAML syntax error: the '[' here starts a list that is never closed with ']': "
            "close it, or put the text in quotes if it is meant as text (parser: expected ',' or ']', but got ':')"
        ],
    ),
    "guide names an unknown role": (
        "guides/clarifying-the-role.yml",
        "- data-team-facilitator",
        "- data-team-facilitatr",
        [
            "data/guides/clarifying-the-role.yml:{line}:3: roles[1]: unknown role 'data-team-facilitatr' "
            "(did you mean 'data-team-facilitator'?)"
        ],
    ),
    "guide names an unknown skill": (
        "guides/clarifying-the-role.yml",
        "skills:\n- shared-leadership",
        "skills:\n- shared-leadershp",
        [
            "data/guides/clarifying-the-role.yml:{line+1}:3: skills[0]: unknown skill 'shared-leadershp' "
            "(did you mean 'shared-leadership'?)"
        ],
    ),
    "guide id differs from file name": (
        "guides/clarifying-the-role.yml",
        "id: clarifying-the-role",
        "id: clarify-role",
        [
            "data/guides/clarifying-the-role.yml:{line}:1: id: guide id 'clarify-role' must match its file name 'clarifying-the-role'"
        ],
    ),
    "moves for an unknown skill": (
        "principal_moves.yml",
        "- skill: shared-leadership",
        "- skill: shared-leader",
        [
            "data/principal_moves.yml:{line}:3: principal_moves[1].skill: unknown skill 'shared-leader' "
            "(did you mean 'shared-leadership'?)",
            "data/principal_moves.yml:2:1: principal_moves: no principal moves for skill 'shared-leadership'",
        ],
    ),
    "review date in the future": (
        "roles.yml",
        "  reports_to: Principal",
        "  reports_to: Principal\n  reviewed: 2999-01-31\n  reviewed_by: A. Ruiz",
        ["data/roles.yml:{line+1}:3: roles[0].reviewed: the review date 2999-01-31 is in the future"],
    ),
    "review date quoted": (
        "conditions.yml",
        "- id: protected-time",
        "- id: protected-time\n  reviewed: '2026-09-15'\n  reviewed_by: A. Ruiz",
        [
            "data/conditions.yml:{line+1}:3: conditions[1].reviewed: expected a date written YYYY-MM-DD, without quotes, "
            "got the text '2026-09-15'"
        ],
    ),
    "review date that does not exist": (
        "guides/clarifying-the-role.yml",
        "id: clarifying-the-role",
        "id: clarifying-the-role\nreviewed: 2026-02-30",
        ["data/guides/clarifying-the-role.yml:{line+1}:11: reviewed: '2026-02-30' is not a real date (YYYY-MM-DD)"],
    ),
    "empty adapted note": (
        "roles.yml",
        "  reports_to: Principal",
        "  reports_to: Principal\n  adapted: ''",
        ["data/roles.yml:{line+1}:3: roles[0].adapted: must not be empty"],
    ),
    "object construction refused": (
        "focus_area.yml",
        "audience: ",
        "audience: !!python/object/apply:os.system ['true']\nunused: ",
        [
            "data/focus_area.yml:{line}:11: audience: tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"
        ],
    ),
}


def _apply(data: Path, file: str, old: str, new: str) -> int:
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"case anchor not found in {file}: {old!r}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def _problems(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_catalog(data)
    return [str(error) for error in caught.value.errors]


def _expand(message: str, line: int) -> str:
    return message.replace("{line+2}", str(line + 2)).replace("{line+1}", str(line + 1)).replace("{line}", str(line))


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_data_gives_file_line_field_message(minimal_data: Path, case: str) -> None:
    file, old, new, expected = CASES[case]
    line = _apply(minimal_data, file, old, new)
    assert sorted(_problems(minimal_data)) == sorted(_expand(message, line) for message in expected)


def test_minimal_data_is_valid(minimal_data: Path) -> None:
    catalog = load_catalog(minimal_data)
    assert [role.id for role in catalog.roles] == [
        "grade-level-team-leader",
        "data-team-facilitator",
        "assessment-coordinator",
    ]


def test_every_problem_in_every_file_is_reported_at_once(minimal_data: Path) -> None:
    _apply(minimal_data, "roles.yml", "  scope: team", "  scope: planet")
    _apply(minimal_data, "roles.yml", "  title: Data team facilitator", "  title: [1, 2]")
    _apply(minimal_data, "conditions.yml", "  name: ", "  nme: ")
    _apply(minimal_data, "bibliography.yml", "  year: ", "  year: '2004'\n  unused: ")
    problems = _problems(minimal_data)
    files = {problem.split(":")[0] for problem in problems}
    assert files == {"data/roles.yml", "data/conditions.yml", "data/bibliography.yml"}
    assert len(problems) >= 5


def test_reference_problems_are_reported_alongside_field_problems(minimal_data: Path) -> None:
    # One pass shows both kinds, so fixing a typo does not reveal a second batch of errors.
    _apply(minimal_data, "roles.yml", "  title: Data team facilitator", "  titel: Data team facilitator")
    _apply(minimal_data, "roles.yml", "  - data-use\n  summary:", "  - dta-use\n  summary:")
    problems = "\n".join(_problems(minimal_data))
    assert "unknown field 'titel'" in problems and "unknown skill 'dta-use'" in problems


def test_empty_file(minimal_data: Path) -> None:
    (minimal_data / "skills.yml").write_text("# nothing yet\n")
    assert _problems(minimal_data) == ["data/skills.yml:1:1: the file is empty"]


def test_missing_file(minimal_data: Path) -> None:
    (minimal_data / "reflection.yml").unlink()
    assert _problems(minimal_data) == ["data/reflection.yml:1:1: required file is missing"]


def test_not_utf8_names_the_line(minimal_data: Path) -> None:
    path = minimal_data / "conditions.yml"
    raw = path.read_bytes().replace(b"  name: ", b"  name: caf\xe9 ", 1)
    path.write_bytes(raw)
    line = raw[: raw.index(b"\xe9")].count(b"\n") + 1
    problem = _problems(minimal_data)[0]
    assert problem.startswith(f"data/conditions.yml:{line}:")
    assert "not valid UTF-8" in problem


def test_utf16_file_is_explained(minimal_data: Path) -> None:
    path = minimal_data / "reflection.yml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert _problems(minimal_data) == ["data/reflection.yml:1:1: the file is UTF-16 or UTF-32; save it as UTF-8"]


def test_utf8_bom_is_accepted(minimal_data: Path) -> None:
    path = minimal_data / "reflection.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    load_catalog(minimal_data)


def test_alias_bomb_is_stopped(minimal_data: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    (minimal_data / "reflection.yml").write_text("\n".join(lines) + "\n")
    (problem,) = _problems(minimal_data)
    assert problem.startswith("data/reflection.yml:") and "aliases expand too far" in problem


def test_deep_nesting_is_stopped(minimal_data: Path) -> None:
    (minimal_data / "reflection.yml").write_text("themes: " + "[" * 5000 + "]" * 5000 + "\n")
    (problem,) = _problems(minimal_data)
    assert problem.startswith("data/reflection.yml:1:") and "nesting is deeper than" in problem


def test_job_description_sections_must_be_complete_and_in_order(minimal_data: Path) -> None:
    _apply(minimal_data, "job_description.yml", "- id: compensation", "- id: role-title")
    problem = _problems(minimal_data)[0]
    assert (
        problem.startswith("data/job_description.yml:")
        and "sections must be, in this order: role-title, role-summary" in problem
    )


def test_validate_command_lists_problems_without_traceback(minimal_data: Path) -> None:
    _apply(minimal_data, "roles.yml", "  scope: team", "  scope: planet")
    result = subprocess.run(
        [sys.executable, "-m", "tltoolkit", "validate", str(minimal_data)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "roles[0].scope: expected one of 'team', 'school' or 'district', got the text 'planet'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_validate_command_confirms_good_data(catalog) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tltoolkit", "validate", "data"],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.returncode == 0, result.stderr
    assert f"all data is valid: {len(catalog.roles)} roles" in result.stdout
