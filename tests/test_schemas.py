"""The JSON Schemas editors use: current with the models, named by every data file, and agreeing with pydantic."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from pydantic import ValidationError

from tltoolkit.cli import main
from tltoolkit.schemas import COMMENT, data_files, district_files, generate, sync
from tltoolkit.source import models as m

ROOT = Path(__file__).resolve().parents[1]
DATA, SCHEMAS = ROOT / "data", ROOT / "schemas"
EXAMPLES = district_files(ROOT / "examples")  # the sample district's settings and overlay files


def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_committed_schemas_match_the_models() -> None:
    problems = sync(SCHEMAS, DATA, write=False, shown=ROOT, more=EXAMPLES)
    assert not problems, "\n".join(problems)


def test_every_data_file_names_its_schema_on_the_first_line() -> None:
    files = data_files(DATA) + EXAMPLES
    assert len(files) >= 13 + 2  # nine files plus the guides, and the sample district's
    for path, schema_name in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(COMMENT), f"{path.relative_to(ROOT)}: first line is {first!r}"
        target = (path.parent / first.removeprefix(COMMENT)).resolve()
        assert target == SCHEMAS / schema_name and target.is_file(), f"{path.relative_to(ROOT)} -> {target}"


@pytest.mark.parametrize(
    "path", [path for path, _ in data_files(DATA) + EXAMPLES], ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_every_data_file_is_valid_against_its_schema(path: Path) -> None:
    schema_name = dict(data_files(DATA) + EXAMPLES)[path]
    errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator(schema_name).iter_errors(
        yaml.load(path.read_text(encoding="utf-8"), Loader=_EditorLoader))]  # fmt: skip
    assert not errors, "\n".join(errors)


class _EditorLoader(yaml.SafeLoader):
    """Reads YAML as an editor's schema check does: dates stay text (JSON has no date type)."""


_EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _first_role() -> dict:
    return yaml.safe_load((DATA / "roles.yml").read_text(encoding="utf-8"))["roles"][0]


@pytest.mark.parametrize(
    ("change", "schema_says"),
    [
        (lambda r: r.update(titel=r.pop("title")), "Additional properties are not allowed ('titel' was unexpected)"),
        (lambda r: r.update(category="sports"), "'sports' is not one of"),
        (lambda r: r.update(id="Math Coach"), "does not match"),
        (lambda r: r.update(responsibilities=r["responsibilities"][:3]), "is too short"),
        (lambda r: r.update(summary=""), "should be non-empty"),
        (lambda r: r.pop("term"), "'term' is a required property"),
    ],
    ids=["unknown-field", "unknown-category", "bad-id", "too-few-items", "empty-text", "missing-field"],
)
def test_schema_and_models_reject_the_same_mistakes(change, schema_says: str) -> None:
    role = copy.deepcopy(_first_role())
    change(role)
    messages = [e.message for e in _validator("roles.schema.json").iter_errors({"roles": [role]})]
    assert any(schema_says in message for message in messages), messages
    with pytest.raises(ValidationError):  # pydantic rejects it too
        m.RolesFile.model_validate({"roles": [role]})


def test_schemas_carry_field_descriptions_for_hover_help() -> None:
    schema = json.loads((SCHEMAS / "roles.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"  # what yaml-language-server supports
    role = schema["definitions"]["Role"]
    assert set(role["properties"]) == set(m.Role.model_fields)
    assert all(prop.get("description") for prop in role["properties"].values())
    assert role["additionalProperties"] is False


def test_out_of_date_schema_and_missing_comment_are_reported_then_fixed(tmp_path: Path) -> None:
    data, schemas = tmp_path / "data", tmp_path / "schemas"
    shutil.copytree(DATA, data)
    shutil.copytree(SCHEMAS, schemas)
    roles = (schemas / "roles.schema.json").read_text(encoding="utf-8")
    (schemas / "roles.schema.json").write_text(roles.replace("Unique id", "An id"), encoding="utf-8")
    (schemas / "old.schema.json").write_text("{}\n", encoding="utf-8")
    guide = data / "guides" / "clarifying-the-role.yml"
    body = guide.read_text(encoding="utf-8").split("\n", 1)[1]
    guide.write_text(body, encoding="utf-8")

    assert sync(schemas, data, write=False, shown=tmp_path) == [
        "schemas/roles.schema.json is out of date: run scripts/schemas",
        "schemas/old.schema.json is no longer generated: run scripts/schemas",
        "data/guides/clarifying-the-role.yml:1: first line should be "
        "'# yaml-language-server: $schema=../../schemas/guide.schema.json': run scripts/schemas",
    ]
    assert main(["schemas", "--check", "--data", str(data), "--out", str(schemas)]) == 1
    assert main(["schemas", "--data", str(data), "--out", str(schemas)]) == 0
    assert sync(schemas, data, write=False) == []
    assert (schemas / "roles.schema.json").read_text(encoding="utf-8") == roles
    assert not (schemas / "old.schema.json").exists()
    assert (
        guide.read_text(encoding="utf-8") == "# yaml-language-server: $schema=../../schemas/guide.schema.json\n" + body
    )


def test_generation_is_deterministic_and_covers_every_model() -> None:
    first, second = generate(), generate()
    assert first == second
    assert all(text.endswith("}\n") for text in first.values())
    assert {"roles.schema.json", "guide.schema.json", "skills.schema.json"} <= set(first)
