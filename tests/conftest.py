"""Fixtures shared by the whole suite.

A full site build takes a minute or more, so each site the tests only read is built once per
session (`built_site`, `built_sample_district`, `built_hostile_district`,
`built_hostile_data`) into the session's
temporary folder, with its files made read-only: a test that needs to change data or settings
builds its own copy (tests/projects.py), never edits a shared site.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from projects import ROOT, build_ok, project_copy, read_only

from tltoolkit import Catalog, load_catalog

if TYPE_CHECKING:
    from hostile import HostileSite

DATA = ROOT / "data"
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
SAMPLE = ROOT / "examples" / "sample-district"


@pytest.fixture
def minimal_data(tmp_path: Path) -> Path:
    """A writable copy of the small valid data set, named `data` like the real one."""
    target = tmp_path / "data"
    shutil.copytree(MINIMAL, target)
    return target


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The toolkit's own data, loaded once. Tests must not change it (use `minimal_data` for that)."""
    return load_catalog(DATA)


@pytest.fixture(scope="session")
def minimal_catalog() -> Catalog:
    """The small valid data set (tests/fixtures/minimal), loaded once: every kind of page and document, few of each."""
    return load_catalog(MINIMAL)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This project built with `mkdocs build --strict` (documents and offline copy included). Read only."""
    return read_only(build_ok(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("toolkit") / "site"))


@pytest.fixture(scope="session")
def built_sample_district(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/sample-district built with `mkdocs build --strict`. Read only."""
    return read_only(build_ok(SAMPLE / "mkdocs.yml", tmp_path_factory.mktemp("sample-district") / "site"))


@pytest.fixture(scope="session")
def built_hostile_district(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal data under the district of tests/hostile_district.py (markup in every setting),
    built with documents on. Read only."""
    from hostile_district import hostile_district_project

    base = tmp_path_factory.mktemp("hostile-district")
    project = hostile_district_project(base)
    return read_only(build_ok(project / "mkdocs.yml", base / "site", env={"TL_DOCUMENTS": "on"}))


@pytest.fixture(scope="session")
def built_hostile_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileSite]:
    """The minimal data with an attack in every text field (tests/hostile.py), built with
    documents on; a listener named in the data as bait records any connection. Read only."""
    from hostile import HostileSite, Listener, hostile_data

    listener = Listener()
    base = tmp_path_factory.mktemp("hostile-data")
    project = project_copy(base)  # base/project/data: the data, next to base/site
    hostile_data(project / "data", listener.url)
    site = read_only(build_ok(project / "mkdocs.yml", base / "site"))
    yield HostileSite(site=site, url=listener.url, requests=list(listener.requests))
    listener.close()
