"""Throwaway copies of the project, and the one command the tests build a site with.

The code, pages and theme overrides are linked, not copied; mkdocs.yml is copied so a test may
change it; `data/` is left for the test to fill.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINKED = ("docs", "hooks", "overrides", "src")  # everything mkdocs.yml points at, besides data/


def project_copy(base: Path) -> Path:
    project = base / "project"
    project.mkdir()
    for name in LINKED:
        (project / name).symlink_to(ROOT / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def build(
    config: Path,
    site: Path,
    *,
    engine: str = "mkdocs",
    env: dict[str, str] | None = None,
    quiet: bool = False,
    cwd: Path = ROOT,
) -> subprocess.CompletedProcess[str]:
    """`<engine> build --strict -f config -d site`; the result, failed or not.

    `env` is added to this process's environment (e.g. {"TL_DOCUMENTS": "off"}); the notice about
    MkDocs 2 is switched off, so stderr holds only the build's own messages.
    """
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **(env or {})}
    command = [
        sys.executable,
        "-m",
        engine,
        "build",
        "--strict",
        *(["-q"] if quiet else []),
        "-f",
        str(config),
        "-d",
        str(site),
    ]
    return subprocess.run(command, capture_output=True, text=True, env=full_env, check=False, cwd=cwd)


def build_ok(config: Path, site: Path, *, engine: str = "mkdocs", env: dict[str, str] | None = None) -> Path:
    """`build`, asserting that it succeeded without a warning; returns the site folder."""
    result = build(config, site, engine=engine, env=env)
    assert result.returncode == 0, f"{engine} build of {config} failed:\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr
    return site


def read_only(folder: Path) -> Path:
    """Make every file under `folder` read-only: a site shared by many tests must not be changed by one."""
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            path.chmod(0o444)
    return folder


def html_errors(site: Path, pages: list[Path]) -> list[str]:
    """The Nu HTML Checker's errors on `pages` (one Java start for all: it is the slow part), as
    'path:line: message' relative to `site`. Skips without Java and vnu-jar, or fails where the
    checks are required (CI, TL_BROWSER_TESTS=required)."""
    import json

    import pytest

    jar = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    java = shutil.which("java")
    if not jar.is_file() or java is None:
        reason = "the HTML check needs Java and vnu-jar: run the tests with scripts/test, which runs `npm ci`"
        if os.environ.get("CI") or os.environ.get("TL_BROWSER_TESTS") == "required":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    command = [java, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, pages)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    prefix = "file:" + str(site) + "/"
    errors = [
        f"{m.get('url', '').replace(prefix, '')}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors or result.returncode == 0, f"the HTML checker failed: {result.stderr[-2000:]}"
    return errors
