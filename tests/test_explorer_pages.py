"""The explorer's generated pages, built without MkDocs: inventory rows carry the data the script filters on."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tltoolkit import Catalog, DataErrors, load_catalog
from tltoolkit.web.site import build_pages

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def pages(catalog: Catalog) -> dict[str, str]:
    return {page.uri: page.markdown for page in build_pages(catalog)}


def test_inventory_rows_carry_each_roles_filter_values(catalog: Catalog, pages: dict[str, str]) -> None:
    row = r'<tr data-skills="([^"]*)" data-held="([^"]*)" data-scope="([^"]*)" data-selection="([^"]*)"'
    rows = re.findall(row, pages["roles/index.md"])
    assert sorted(rows) == sorted((" ".join(r.skills), r.held, r.scope, r.selection) for r in catalog.roles)


def test_inventory_controls_are_labelled_and_hidden_until_the_script_runs(
    catalog: Catalog, pages: dict[str, str]
) -> None:
    page = pages["roles/index.md"]
    assert '<form class="tl-filters" id="tl-role-filters" role="search" aria-label="Filter the roles" hidden>' in page
    for skill in catalog.skills:
        assert f'<label><input type="checkbox" name="skill" value="{skill.id}"> {skill.name}</label>' in page
    assert 'role="status" aria-live="polite"' in page
    assert "(../downloads/roles.csv)" in page and "(../downloads/roles.json)" in page


def test_match_page_lists_every_role_with_a_job_description_link(catalog: Catalog, pages: dict[str, str]) -> None:
    page = pages["roles/match.md"]
    for role in catalog.roles:
        if role.filled_by == "principal":  # ranked, with its job description
            assert f"[job description]({role.id}.md#job-description)" in page
        else:  # listed apart, with who fills it
            assert f"[job description]({role.id}.md#job-description)" not in page
            assert f"**[{role.title}]({role.id}.md)** · " in page


def test_a_role_cannot_take_the_matching_page_address(tmp_path: Path) -> None:

    data = shutil.copytree(DATA, tmp_path / "data")
    roles = data / "roles.yml"
    first_id = load_catalog(DATA).roles[0].id
    roles.write_text(roles.read_text().replace(f"id: {first_id}\n", "id: match\n", 1))
    with pytest.raises(DataErrors) as caught:
        load_catalog(data)
    assert (
        "role id 'match' is the address of the page 'Match roles to your faculty' (roles/match.md)"
        in caught.value.report()
    )
