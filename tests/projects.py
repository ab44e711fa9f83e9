"""A throwaway copy of the project for tests that build the site from other data.

The code, pages and theme overrides are linked, not copied; mkdocs.yml is copied so a test may
change it; `data/` is left for the test to fill.
"""

from __future__ import annotations

import shutil
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
