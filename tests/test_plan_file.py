"""The plan file's JSON Schema (schemas/plan.schema.json, from src/tltoolkit/plan_file.py) and the
planner's own checks (docs/javascripts/plan/model.js) agree on the example plans in
tests/js/fixtures/plans/, and share their limits."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError
from test_js_units import node_or_skip

from tltoolkit import load_catalog, plan_file
from tltoolkit.web.downloads import roles_json

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "tests/js/fixtures/plans"
SCHEMA = ROOT / "schemas/plan.schema.json"


def _examples(kind: str) -> list[Path]:
    return sorted((PLANS / kind).glob("*.json"))


def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _schema_errors(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator().iter_errors(data)]


def test_there_are_examples_of_each_kind() -> None:
    assert (
        len(_examples("valid")) >= 3 and len(_examples("invalid")) >= 15 and len(_examples("invalid-references")) >= 4
    )


def test_the_issues_sample_plan_is_valid() -> None:
    sample = {
        "format": "tltoolkit-plan", "version": 1, "school": "Lincoln Elementary", "year": "2027-28",
        "people": [{"id": "p1", "name": "Ana Ruiz", "skills": ["data-use"], "hours_per_week": 3, "interests": "",
                    "notes": ""}],
        "openings": [{"role": "grade-level-team-leader", "count": 5}],
        "assignments": [{"person": "p1", "role": "data-team-facilitator", "locked": False}],
    }  # fmt: skip
    assert not list(_validator().iter_errors(sample))
    plan_file.PlanFile.model_validate_json(json.dumps(sample))


@pytest.mark.parametrize("path", _examples("valid"), ids=lambda p: p.name)
def test_valid_examples_pass_the_schema_and_the_model(path: Path) -> None:
    assert not _schema_errors(path)
    plan_file.PlanFile.model_validate_json(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", _examples("invalid"), ids=lambda p: p.name)
def test_invalid_examples_fail_the_schema_and_the_model(path: Path) -> None:
    assert _schema_errors(path), f"{path.name} passes the schema"
    with pytest.raises(ValidationError):
        plan_file.PlanFile.model_validate_json(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", _examples("invalid-references"), ids=lambda p: p.name)
def test_reference_problems_are_beyond_the_schema_but_not_the_planner(path: Path) -> None:
    # A JSON Schema cannot say "a person of this file" or "a skill of this toolkit": the shape is fine...
    assert not _schema_errors(path)
    # ... the model catches what the file itself shows (it does not know the toolkit's skills) ...
    if path.name != "unknown-skill.json":
        with pytest.raises(ValidationError):
            plan_file.PlanFile.model_validate_json(path.read_text(encoding="utf-8"))
    # ... and the planner, which has the catalog, refuses them all (test_the_planner_agrees).


def test_the_planner_agrees(tmp_path: Path) -> None:
    """model.js accepts exactly the examples the schema accepts, and refuses every reference problem."""
    node = node_or_skip()
    roles = tmp_path / "roles.json"
    roles.write_bytes(roles_json(load_catalog(ROOT / "data")))
    script = """
const fs = require("fs"), path = require("path");
const T = require(process.argv[1]);
const catalog = JSON.parse(fs.readFileSync(process.argv[2], "utf-8"));
const out = {};
for (const kind of ["valid", "invalid", "invalid-references"]) {
  const dir = path.join(process.argv[3], kind);
  for (const name of fs.readdirSync(dir)) out[kind + "/" + name] = T.parsePlan(fs.readFileSync(path.join(dir, name), "utf-8"), catalog).ok;
}
out.LIMITS = T.LIMITS;
console.log(JSON.stringify(out));
"""
    model_js = ROOT / "docs/javascripts/plan/model.js"
    result = subprocess.run(
        [node, "-e", script, str(model_js), str(roles), str(PLANS)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    verdicts = json.loads(result.stdout)
    limits = verdicts.pop("LIMITS")
    for kind in ("valid", "invalid", "invalid-references"):
        for path in _examples(kind):
            js_ok = verdicts[f"{kind}/{path.name}"]
            schema_ok = not _schema_errors(path)
            if kind == "invalid-references":
                assert not js_ok, f"the planner accepts {kind}/{path.name}"
            else:
                verdict = "accepts" if js_ok else "refuses"
                assert js_ok == schema_ok, f"{kind}/{path.name}: the planner {verdict} it but the schema does not"
    shared = {
        "people": plan_file.MAX_PEOPLE, "openings": plan_file.MAX_OPENINGS, "assignments": plan_file.MAX_ASSIGNMENTS,
        "name": plan_file.MAX_NAME, "text": plan_file.MAX_TEXT, "countPerOpening": plan_file.MAX_PLACES,
        "hours": plan_file.MAX_HOURS,
    }  # fmt: skip
    assert {key: limits[key] for key in shared} == shared
