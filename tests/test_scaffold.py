"""`tltoolkit new role|guide`: a complete entry that validates at once, appended without disturbing the file."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated, Literal

import pytest
import yaml
from pydantic import Field, StringConstraints, create_model

from tltoolkit import load_catalog
from tltoolkit.cli import main
from tltoolkit.scaffold import ScaffoldError, _emit_fields, _list_indent, new_guide, new_role, placeholders
from tltoolkit.source.load import load_toolkit
from tltoolkit.source.models import Item, Model, Text


def test_new_role_is_appended_valid_and_leaves_the_file_before_it_alone(minimal_data: Path, capsys) -> None:
    roles = minimal_data / "roles.yml"
    before = roles.read_text(encoding="utf-8")

    code = main(["new", "role", "science-lead-teacher", "--title", "Science lead: K-5", "--category", "curriculum",
                 "--data", str(minimal_data)])  # fmt: skip

    assert code == 0
    after = roles.read_text(encoding="utf-8")
    assert after.startswith(before), "the existing text must stay byte for byte"
    catalog = load_catalog(minimal_data)
    role = catalog.role["science-lead-teacher"]
    assert (role.title, role.category) == ("Science lead: K-5", "curriculum")
    assert role.skills == [catalog.skills[0].id]
    assert len(role.responsibilities) == 4  # as many as the model requires at least
    assert role.summary.startswith("TODO: ")

    out = capsys.readouterr().out
    line = int(out.split("roles.yml:")[1].split()[0])
    assert after.splitlines()[line - 1].strip().startswith('summary: "TODO')  # the first prompt to replace
    assert "/roles/science-lead-teacher/" in out
    assert "/downloads/job-descriptions/science-lead-teacher.pdf" in out
    assert "/downloads/job-descriptions/science-lead-teacher.docx" in out


def test_new_role_keeps_comments_and_the_list_indentation(tmp_path: Path, minimal_data: Path) -> None:
    roles = minimal_data / "roles.yml"
    text = roles.read_text(encoding="utf-8").replace("\n- ", "\n  - ").replace("\n  ", "\n    ").replace(
        "\n    - id:", "\n  - id:")  # fmt: skip
    text = "# yaml-language-server: $schema=../schemas/roles.schema.json\n" + text + "  # a trailing comment"
    roles.write_text(text, encoding="utf-8")
    load_catalog(minimal_data)  # still valid after re-indenting

    new_role(minimal_data, "math-interventionist")

    after = roles.read_text(encoding="utf-8")
    assert after.startswith(text + "\n")
    assert '\n  - id: math-interventionist\n    title: "Math interventionist"\n' in after
    assert load_catalog(minimal_data).role["math-interventionist"].title == "Math interventionist"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["grade-level-team-leader"],
            "error: a role with id 'grade-level-team-leader' already exists in data/roles.yml",
        ),
        (["Math_Coach"], "error: 'Math_Coach' is not a valid role id: use lowercase letters, digits and hyphens"),
        (
            ["match"],
            "error: role id 'match' is the address of the page 'Match roles to your faculty' (roles/match.md): choose another",
        ),
        (["new-one", "--category", "sports"], "error: --category 'sports' is not one of: teams, mentoring"),
        (["new-one", "--skill", "dta-use"], "error: unknown skill 'dta-use': choose from"),
        (
            ["new-one", "--title", "GRADE-LEVEL TEAM LEADER"],
            "error: role 'grade-level-team-leader' already has the title 'GRADE-LEVEL TEAM LEADER': give another with --title",
        ),
    ],
    ids=["duplicate-id", "bad-id", "reserved-id", "bad-category", "unknown-skill", "duplicate-title"],
)
def test_refusals_are_one_line_and_change_nothing(minimal_data: Path, capsys, args: list[str], message: str) -> None:
    before = (minimal_data / "roles.yml").read_text(encoding="utf-8")
    assert main(["new", "role", *args, "--data", str(minimal_data)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1, err
    assert (minimal_data / "roles.yml").read_text(encoding="utf-8") == before


def test_new_role_refuses_a_list_it_cannot_append_to() -> None:
    with pytest.raises(ScaffoldError, match="'roles:' must be the last entry of roles.yml to add to it"):
        _list_indent("roles:\n- id: a\nother: 1\n", Path("roles.yml"), "roles")
    with pytest.raises(ScaffoldError, match="must be a list written one '- ' item per line"):
        _list_indent("roles: [{id: a}]\n", Path("roles.yml"), "roles")
    assert _list_indent("# note\nroles:\n\n    - id: a\n      title: b\n", Path("roles.yml"), "roles") == "    "


def test_new_role_refuses_while_the_data_has_problems(minimal_data: Path) -> None:
    (minimal_data / "skills.yml").write_text("skills: []\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match=r"the data has \d+ problem\(s\) to fix first: run scripts/validate"):
        new_role(minimal_data, "math-interventionist")


def test_new_guide_gets_its_own_file_with_the_schema_comment(minimal_data: Path, capsys) -> None:
    code = main(["new", "guide", "sharing-the-load", "--skill", "shared-leadership", "--data", str(minimal_data)])

    assert code == 0
    path = minimal_data / "guides" / "sharing-the-load.yml"
    assert path.read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=../../schemas/guide.schema.json"
    )
    guide = next(g for g in load_catalog(minimal_data).guides if g.id == "sharing-the-load")
    assert guide.title == "Sharing the load" and guide.skills == ["shared-leadership"] and guide.roles == []
    assert len(guide.steps) == 2 and guide.minutes == 20
    out = capsys.readouterr().out
    assert "guides/sharing-the-load.yml:4 " in out and "/guides/sharing-the-load/" in out
    assert "/downloads/guides/sharing-the-load.pdf" in out

    assert main(["new", "guide", "sharing-the-load", "--data", str(minimal_data)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_validate_lists_the_prompts_left_but_passes(minimal_data: Path, capsys) -> None:
    assert placeholders(minimal_data) == []
    new_role(minimal_data, "math-interventionist")
    capsys.readouterr()

    assert main(["validate", str(minimal_data)]) == 0
    err = capsys.readouterr().err
    assert "warning: data/roles.yml:" in err and "roles[3].summary: TODO prompt still to replace" in err
    assert "16 TODO prompt(s) still to replace" in err


class _Step(Model):
    title: Text = Field(description="The step's name.")
    done: bool = Field(description="Whether it is done.")


class _FutureRole(Model):
    """Stands for a model after someone adds fields: the skeleton must follow without code changes."""

    id: str
    reviewed: datetime.date = Field(description="When the entry was last checked.")
    source: Text = Field(description="Where the content comes from.")
    level: int = Field(ge=2, le=5)
    tone: Literal["plain", "formal"]
    steps: Annotated[list[_Step], Field(min_length=2, max_length=4)]
    aliases: Annotated[list[Item], Field(min_length=0, max_length=3)]
    link: Text | None = None


def test_skeleton_follows_the_model_fields() -> None:
    lines = _emit_fields(_FutureRole, {"id": "x"}, {}, "")
    data = yaml.safe_load("\n".join(lines))
    entry = _FutureRole.model_validate(data)
    assert entry.source == "TODO: Where the content comes from." and entry.level == 2 and entry.tone == "plain"
    assert len(entry.steps) == 2 and entry.aliases == ["TODO: aliases"]
    assert "tone: plain  # one of: plain, formal" in lines
    assert any(line.startswith("# link:") for line in lines), "optional fields are offered, commented out"


@pytest.mark.parametrize(
    "field", [float, Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}$")]], ids=["float", "text-with-pattern"]
)
def test_skeleton_asks_for_examples_when_it_cannot_make_up_a_value(field: object) -> None:
    odd = create_model("Odd", value=(field, ...))
    with pytest.raises(ScaffoldError, match="cannot make up a value for field 'value': give it examples"):
        _emit_fields(odd, {}, {}, "")
    with_example = create_model("Odd", value=(field, Field(examples=[2026.5 if field is float else "2026-05"])))
    assert with_example.model_validate(yaml.safe_load("\n".join(_emit_fields(with_example, {}, {}, ""))))


# --- a district's own entries (--district) ---------------------------------------------


@pytest.fixture
def district(minimal_data: Path) -> Path:
    """A district folder beside the small data set, with an empty overlay folder."""
    folder = minimal_data.parent / "districts" / "oakvale"
    (folder / "data").mkdir(parents=True)
    (folder / "district.yml").write_text("name: Oakvale School District\noverlay: data\n", encoding="utf-8")
    return folder / "district.yml"


def test_new_role_for_a_district_goes_to_its_own_roles_file(minimal_data: Path, district: Path, capsys) -> None:
    toolkit_roles = (minimal_data / "roles.yml").read_bytes()

    assert main(["new", "role", "oakvale-reading-lead", "--data", str(minimal_data), "--district", str(district)]) == 0

    own = district.parent / "data" / "roles.yml"
    text = own.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../../schemas/roles.schema.json"
    assert (minimal_data / "roles.yml").read_bytes() == toolkit_roles  # the toolkit's file is not touched
    catalog, _ = load_toolkit(minimal_data, district)
    assert catalog.role["oakvale-reading-lead"].title == "Oakvale reading lead"
    assert catalog.origin("roles", "oakvale-reading-lead").endswith("districts/oakvale/data/roles.yml")
    out = capsys.readouterr().out
    line = int(out.split("roles.yml:")[1].split()[0])
    assert text.splitlines()[line - 1].strip().startswith('summary: "TODO')
    assert "/roles/oakvale-reading-lead/" in out and f"scripts/validate --district {district}" in out

    new_role(minimal_data, "oakvale-math-lead", district=district)  # the second is appended after the first
    assert own.read_text(encoding="utf-8").startswith(text + "\n")
    assert {"oakvale-reading-lead", "oakvale-math-lead"} <= set(load_toolkit(minimal_data, district)[0].role)


def test_validate_with_the_district_lists_its_prompts_too(minimal_data: Path, district: Path, capsys) -> None:
    new_role(minimal_data, "oakvale-reading-lead", district=district)
    capsys.readouterr()
    assert main(["validate", str(minimal_data), "--district", str(district)]) == 0
    err = capsys.readouterr().err
    assert "warning: districts/oakvale/data/roles.yml:" in err
    assert "roles[0].summary: TODO prompt still to replace" in err
    assert "warning: data/roles.yml" not in err


@pytest.mark.parametrize(
    ("settings", "args", "message"),
    [
        (
            None,
            ["grade-level-team-leader"],
            "a role with id 'grade-level-team-leader' already exists in data/roles.yml",
        ),
        ("name: Oakvale\n", ["new-one"], "names no folder for the district's own data: add the line 'overlay: data'"),
        (
            "name: Oakvale\noverlay: data\npaper: legal\n",
            ["new-one"],
            "error: the data has 1 problem(s) to fix first: run scripts/validate --district",
        ),
    ],
    ids=["toolkit-id", "no-overlay", "bad-settings"],
)
def test_district_refusals_change_nothing(minimal_data: Path, district: Path, capsys, settings: str | None,
                                          args: list[str], message: str) -> None:  # fmt: skip
    if settings is not None:
        district.write_text(settings, encoding="utf-8")
    assert main(["new", "role", *args, "--data", str(minimal_data), "--district", str(district)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1, err
    assert list((district.parent / "data").iterdir()) == []


def test_new_guide_for_a_district(minimal_data: Path, district: Path, capsys) -> None:
    done = new_guide(minimal_data, "oakvale-onboarding", district=district)

    assert done.file == district.parent / "data" / "guides" / "oakvale-onboarding.yml"
    assert done.file.read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=../../../../schemas/guide.schema.json"
    )
    assert "oakvale-onboarding" in {g.id for g in load_toolkit(minimal_data, district)[0].guides}
    toolkit_guide = sorted((minimal_data / "guides").glob("*.yml"))[0].stem
    assert main(["new", "guide", toolkit_guide, "--data", str(minimal_data), "--district", str(district)]) == 2
    err = capsys.readouterr().err
    assert f"a guide with id '{toolkit_guide}' already exists: data/guides/{toolkit_guide}.yml; " in err
    assert "for the district's own version, copy it into" in err
