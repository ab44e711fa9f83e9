"""The role filter's logic in Node (`node --test tests/js/roles-filter.test.js`), run under pytest.

The script's pure functions (docs/javascripts/roles-filter.js) are tested without a browser;
without Node the test skips and says so (TL_BROWSER_TESTS=required, as in CI, fails it instead).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests" / "js" / "roles-filter.test.js"


def test_role_filter_logic_passes_its_node_tests() -> None:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("TL_BROWSER_TESTS") == "required":
            pytest.fail("Node is required here to run tests/js/ (install nodejs)", pytrace=False)
        pytest.skip("Node is not installed: tests/js/roles-filter.test.js not run (install nodejs)")
    result = subprocess.run(
        [node, "--test", str(TESTS)], check=False, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
