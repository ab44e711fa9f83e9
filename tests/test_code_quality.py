"""Lint, format and types, so `scripts/test` and CI fail on them: ruff and mypy as configured in
pyproject.toml. Each failure prints the tool's own report (file, line, rule)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(*command: str) -> None:
    tool = BIN / command[0]
    if not tool.exists():
        pytest.fail(f"{command[0]} is not installed in {BIN}: run scripts/test (it installs the test extra)")
    result = subprocess.run([str(tool), *command[1:]], cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.fail(f"{' '.join(command)} reported:\n{result.stdout}{result.stderr}", pytrace=False)


def test_ruff_finds_nothing_to_fix():
    _run("ruff", "check", "--no-cache", "src", "hooks", "tests")


def test_the_code_is_formatted():
    _run("ruff", "format", "--check", "--no-cache", "src", "hooks", "tests")


def test_mypy_finds_no_type_errors():
    # The files and the strictness are set in pyproject.toml ([tool.mypy]): src/tltoolkit and hooks.
    # Its cache (.mypy_cache/, which ignores itself in git) makes a second run take seconds.
    _run("mypy")


def test_the_core_never_imports_mkdocs():
    """The package is plain Python, testable without MkDocs; only hooks/ adapt it."""
    code = (
        "import importlib, pkgutil, sys, tltoolkit\n"
        "for module in pkgutil.walk_packages(tltoolkit.__path__, 'tltoolkit.'):\n"
        "    if not module.name.endswith('__main__'):\n"
        "        importlib.import_module(module.name)\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('mkdocs', 'properdocs', 'material')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
