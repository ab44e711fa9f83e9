"""The planner's JavaScript unit tests (tests/js/, Node's built-in runner), run as part of pytest.

Without Node the test skips and says so; with TL_BROWSER_TESTS=required (as for the browser
tests) a missing Node fails it instead. The tests get the toolkit's own roles.json, built from
data/ the way the site builds it, through TL_ROLES_JSON, and the conditions check's data (what
/conditions/ embeds) through TL_CONDITIONS_JSON.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tltoolkit import load_catalog
from tltoolkit.content import self_assessment
from tltoolkit.source.models import Planning, Role
from tltoolkit.web.downloads import roles_json
from tltoolkit.web.site import PLANNER_FIELDS

ROOT = Path(__file__).resolve().parents[1]
MIN_NODE = 18  # node --test with --test-reporter
TEST_FILES = sorted((ROOT / "tests/js").glob("*.test.mjs"))


def node_or_skip() -> str:
    """The path of a usable `node`, or skip (fail when required) with the reason."""
    node = shutil.which("node")
    reason = None
    if node is None:
        reason = "Node.js is not installed (apt-get install nodejs)"
    else:
        version = subprocess.run([node, "--version"], check=False, capture_output=True, text=True).stdout.strip()
        match = re.match(r"v(\d+)", version)
        if not match or int(match.group(1)) < MIN_NODE:
            reason = f"Node.js {MIN_NODE} or newer is needed for node --test, found {version or 'an unknown version'}"
    if reason:
        if os.environ.get("TL_BROWSER_TESTS") == "required":
            pytest.fail(f"JavaScript unit tests are required here (TL_BROWSER_TESTS=required): {reason}", pytrace=False)
        pytest.skip(f"JavaScript unit tests skipped: {reason}")
    assert node is not None
    return node


def test_planner_unit_tests_pass_in_node(tmp_path: Path) -> None:
    node = node_or_skip()
    catalog = load_catalog(ROOT / "data")
    roles = tmp_path / "roles.json"
    # What /plan/ embeds: roles.json with each role cut to the fields the planner reads.
    roles.write_bytes(roles_json(catalog, PLANNER_FIELDS))
    conditions = tmp_path / "conditions.json"
    conditions.write_text(json.dumps(self_assessment.check_data(catalog)), encoding="utf-8")
    result = subprocess.run(
        # The files by name: Node 20 searches a folder given to --test, Node 22 reads it as a glob.
        [node, "--test", "--test-reporter=tap", *(str(path.relative_to(ROOT)) for path in TEST_FILES)],
        check=False,
        cwd=ROOT,
        env={**os.environ, "TL_ROLES_JSON": str(roles), "TL_CONDITIONS_JSON": str(conditions)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert len(TEST_FILES) >= 4, TEST_FILES
    assert result.returncode == 0, f"node --test tests/js/*.test.mjs failed:\n{output}"
    counts = dict(re.findall(r"^# (pass|fail|skipped|todo|cancelled) (\d+)$", result.stdout, re.MULTILINE))
    assert counts.get("fail") == "0" and int(counts.get("pass", "0")) >= 30, output
    # The tests on the whole inventory and conditions need their files; a skip would mean one did not run.
    assert counts.get("skipped") == "0", f"a JavaScript test was skipped:\n{output}"


def test_the_fixture_catalog_has_the_shape_of_roles_json() -> None:
    """tests/js/fixtures/catalog.json is a frozen sample of downloads/roles.json: it must keep its shape."""
    real = json.loads(roles_json(load_catalog(ROOT / "data")))
    fixture = json.loads((ROOT / "tests/js/fixtures/catalog.json").read_text(encoding="utf-8"))
    assert set(fixture) == set(real)
    real_role_keys = set(real["roles"][0])
    for role in fixture["roles"]:
        assert set(role) == real_role_keys, role["id"]
    assert [s["id"] for s in fixture["skills"]] == [s["id"] for s in real["skills"]]
    # Its planning block is what district.yml's `planning:` publishes.
    Planning.model_validate(fixture["planning"])


@pytest.mark.parametrize("required", [False, True], ids=["optional", "required"])
def test_without_node_the_tests_skip_or_fail_when_required(monkeypatch: pytest.MonkeyPatch, required: bool) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: None)
    if required:
        monkeypatch.setenv("TL_BROWSER_TESTS", "required")
    else:
        monkeypatch.delenv("TL_BROWSER_TESTS", raising=False)
    outcome = pytest.fail.Exception if required else pytest.skip.Exception
    with pytest.raises(outcome, match="Node.js is not installed"):
        node_or_skip()


def test_the_planner_page_embeds_every_role_field_its_scripts_read() -> None:
    """/plan/ embeds only site.PLANNER_FIELDS of each role: a script reading another field would get undefined."""
    fields = set(Role.model_fields)
    scripts = (ROOT / "docs/javascripts/plan").glob("*.js")
    read = {name for path in scripts for name in re.findall(r"\brole\.(\w+)", path.read_text(encoding="utf-8"))}
    assert {"id", "hours_per_week"} <= read  # the pattern still finds the reads
    assert read & fields <= set(PLANNER_FIELDS), sorted(read & fields - set(PLANNER_FIELDS))
