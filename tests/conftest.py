from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


@pytest.fixture
def minimal_data(tmp_path: Path) -> Path:
    """A writable copy of the small valid data set, named `data` like the real one."""
    target = tmp_path / "data"
    shutil.copytree(MINIMAL, target)
    return target


@pytest.fixture(scope="session")
def catalog():
    from tltoolkit import load_catalog

    return load_catalog(DATA)
