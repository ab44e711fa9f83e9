"""The explorer's generated pages, built without MkDocs: inventory rows carry the data the script filters on."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tltoolkit import Catalog, DataErrors, load_catalog
from tltoolkit.web.render import Links
from tltoolkit.web.site import Page, build_pages

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def built(catalog: Catalog) -> dict[str, Page]:
    return {page.uri: page for page in build_pages(catalog)}


@pytest.fixture(scope="module")
def pages(built: dict[str, Page]) -> dict[str, str]:
    return {uri: page.markdown for uri, page in built.items()}


def test_inventory_rows_carry_each_roles_filter_values(catalog: Catalog, built: dict[str, Page]) -> None:
    row = r'<tr data-filled="[^"]*" data-groups="[^"]*" data-held="([^"]*)" data-scope="([^"]*)" data-selection="([^"]*)" data-skills="([^"]*)"'
    inventory = built["roles/index.md"]
    rows = re.findall(row, dict(inventory.html)["roles-rows"])
    assert sorted(rows) == sorted((r.held, r.scope, r.selection, " ".join(r.skills)) for r in catalog.roles)
    # The rows go in after Markdown, where the page's marker is: its Markdown holds no role's summary.
    assert "<!-- toolkit: roles-rows -->" in inventory.markdown
    assert not any(role.summary in inventory.markdown for role in catalog.roles)


@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_written_as_html_are_the_ones_mkdocs_writes(built: dict[str, Page], directory_urls: bool) -> None:
    from mkdocs.structure.files import File

    def file(uri: str) -> File:
        return File(uri, "docs", "site", use_directory_urls=directory_urls)

    links = Links(directory_urls)
    uris = [*built, "index.md", "README.md", "a/README.md", "a/b/c.md"]
    for source in [*uris[:: max(1, len(uris) // 40)], "index.md", "roles/index.md", "a/b/c.md"]:  # a sample
        for target in uris:
            assert links(source, target) == file(target).url_relative_to(file(source)), (source, target)


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


def test_a_page_that_lost_a_marker_for_its_html_fails_naming_page_and_marker() -> None:
    from tltoolkit.web.html_parts import MissingMarker, fill, marker

    assert (
        fill("roles/index.md", f"<tbody>{marker('rows')}</tbody>", {"rows": "<tr></tr>"}) == "<tbody><tr></tr></tbody>"
    )
    for page in ("<tbody></tbody>", f"{marker('rows')}{marker('rows')}"):
        with pytest.raises(MissingMarker, match=r"roles/index\.md: .*<!-- toolkit: rows -->"):
            fill("roles/index.md", page, {"rows": "<tr></tr>"})
