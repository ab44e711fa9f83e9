"""The table of data kinds (`tltoolkit.source.kinds`) and what reads it: every data file is a kind,
every page names the files it is built from, and a district's own items name the district's file,
in the page's editors' note and in MkDocs' edit link."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest

from tltoolkit.source.catalog import FILES, GUIDES_DIR
from tltoolkit.source.kinds import KINDS, Merge
from tltoolkit.web.build import SiteBuild
from tltoolkit.web.site import build_pages

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample-district"


def test_every_data_file_is_a_kind_and_every_kind_is_read():
    on_disk = {path.name for path in (ROOT / "data").iterdir()}
    assert on_disk == {kind.file for kind in KINDS}
    assert set(FILES) | {GUIDES_DIR} == {kind.file for kind in KINDS}
    assert {kind.merge for kind in KINDS} == set(Merge)  # every overlay rule is in use


def test_every_page_names_the_data_it_is_built_from(catalog):
    pages = build_pages(catalog)
    assert pages
    for page in pages:
        assert page.sources, page.uri
        assert all((ROOT / source).exists() for source in page.sources), (page.uri, page.sources)
        note = f"For editors: this page is made from <code>{' and '.join(page.sources)}</code>"
        assert note in html.unescape(page.markdown), page.uri  # file names are escaped like any text
    sources = {page.uri: page.sources for page in pages}
    assert sources["roles/index.md"] == ("data/roles.yml",)
    assert sources["skills/data-use.md"] == ("data/skills.yml", "data/principal_moves.yml")
    assert sources["guides/index.md"] == ("data/guides/",)


def _edit_links(config_file: Path, extra: dict[str, Any]) -> dict[str, str | None]:
    """Each generated file's edit link, from the build the hook makes (mkdocs.yml's keys it reads, no MkDocs)."""
    config = {
        "extra": extra, "docs_dir": str(ROOT / "docs"), "site_dir": str(config_file.parent / "site"),
        "site_name": "Teacher Leadership Toolkit", "site_author": None, "copyright": "",
        "theme": {"palette": [{"primary": "indigo"}]}, "extra_css": [],
    }  # fmt: skip
    build = SiteBuild.from_config(
        config, config_file, environ={"SOURCE_DATE_EPOCH": "1700000000", "TL_DOCUMENTS": "off"}
    )
    return {file.uri: file.edit for file in build.files()}


def test_edit_links_name_the_real_file_relative_to_the_docs_folder():
    links = _edit_links(ROOT / "mkdocs.yml", {})
    assert links["roles/math-coach.md"] == "../data/roles.yml"
    assert links["skills/data-use.md"] == "../data/skills.yml"
    assert links["guides/clarifying-the-role.md"] == "../data/guides/clarifying-the-role.yml"
    assert links["guides/index.md"] is None  # a folder: nothing to open in an editor
    assert links["downloads/roles.csv"] is None  # generated, not edited


@pytest.fixture(scope="module")
def sample_links() -> dict[str, str | None]:
    return _edit_links(SAMPLE / "mkdocs.yml", {"data_dir": "../../data", "district": "district.yml"})


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("roles/math-coach.md", "../examples/sample-district/data/roles.yml"),  # the district's own version
        ("roles/instructional-coach.md", "../data/roles.yml"),  # the toolkit's, unchanged
        ("roles/index.md", "../examples/sample-district/data/roles.yml"),  # lists the district's roles too
        (
            "guides/protecting-leadership-time.md",
            "../examples/sample-district/data/guides/protecting-leadership-time.yml",
        ),
        ("focus-area/index.md", "../data/focus_area.yml"),
    ],
)
def test_a_districts_pages_edit_the_file_that_supplies_them(sample_links, uri, expected):
    assert sample_links[uri] == expected
