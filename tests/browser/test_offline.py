"""The offline copy: the zip the site offers for download, unzipped and opened from disk (file://)
as a principal would from a USB stick. Pages link to each other, search finds a role, and the role
explorer filters; nothing is asked of any web server.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from tltoolkit import Catalog

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ZIP = "downloads/teacher-leadership-toolkit-offline.zip"


@pytest.fixture(scope="module")
def offline_home(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(site_dir / ZIP) as archive:
        names = archive.namelist()
        assert all(name.startswith("teacher-leadership-toolkit/") for name in names), "one folder inside"
        assert not any(name.endswith(".zip") for name in names), "the copy does not hold a zip of itself"
        archive.extractall(target)
    return target / "teacher-leadership-toolkit" / "index.html"


@pytest.fixture
def disk_page(browser: Browser, offline_home: Path) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.route("http*://**", lambda route: route.abort())  # recorded above, never sent
    page.goto(offline_home.as_uri())
    yield page
    context.close()
    assert not errors, f"script errors on the offline copy: {errors}"
    assert requests and all(urlsplit(url).scheme in ("file", "data", "blob", "about") for url in requests), [
        url for url in requests if urlsplit(url).scheme not in ("file", "data", "blob", "about")
    ]


def test_the_site_offers_the_offline_copy_and_the_copy_does_not(site_dir: Path, disk_page: Page) -> None:
    online_home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert f'href="{ZIP}"' in online_home
    assert disk_page.locator(f'a[href$="{ZIP.rsplit("/", 1)[1]}"]').count() == 0


def test_pages_link_to_each_other_from_disk(disk_page: Page, catalog: Catalog) -> None:
    disk_page.get_by_role("link", name="School conditions").first.click()
    disk_page.wait_for_url("**/conditions/index.html")
    assert disk_page.get_by_role("heading", level=1).inner_text().startswith("School conditions")
    disk_page.get_by_role("link", name="Discussion guides").first.click()
    disk_page.wait_for_url("**/guides/index.html")
    guide = catalog.guides[0]
    disk_page.get_by_role("link", name=guide.title, exact=True).first.click()
    disk_page.wait_for_url(f"**/guides/{guide.id}.html")
    assert disk_page.get_by_role("heading", level=1).inner_text().startswith(guide.title)


def test_search_works_from_disk(disk_page: Page) -> None:
    disk_page.get_by_role("textbox", name="Search").click()  # from disk, search starts when opened
    disk_page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.trim() !== 'Initializing search'"
    )
    disk_page.keyboard.type("Literacy coach")  # key presses: what Material's search box listens to
    first = disk_page.locator(".md-search-result__list > li").first.locator("a").first
    first.wait_for()
    assert "Literacy coach" in first.inner_text()
    first.click()
    disk_page.wait_for_url("**/roles/literacy-coach.html?h=*")  # ?h= highlights the words
    assert disk_page.get_by_role("heading", level=1).inner_text().startswith("Literacy coach")


def test_role_explorer_filters_from_disk(disk_page: Page, catalog: Catalog) -> None:
    disk_page.get_by_role("link", name="Find your role").click()  # the teacher leaders' start on the home page
    disk_page.wait_for_url("**/roles/index.html")
    disk_page.wait_for_selector("#tl-role-filters:not([hidden])")
    rows = disk_page.locator("#tl-roles tbody tr:visible")
    assert rows.count() == min(len(catalog.roles), 100)
    expected = [role for role in catalog.roles if "data-use" in role.skills]
    disk_page.get_by_role("checkbox", name=catalog.skill["data-use"].name, exact=True).check()
    assert rows.count() == len(expected) < len(catalog.roles)
    assert "skill=data-use" in disk_page.url
    rows.first.locator("a").first.click()
    disk_page.wait_for_url("**/roles/*.html")
    title = disk_page.get_by_role("heading", level=1).inner_text().rstrip("¶")
    assert title in {role.title for role in expected}


def test_the_school_plan_works_from_disk(disk_page: Page) -> None:
    """The planner from file://: enter people, suggest, and the plan is still there after a reload."""
    disk_page.get_by_role("link", name="school plan", exact=True).click()  # from the home page
    disk_page.wait_for_url("**/plan/index.html")
    disk_page.wait_for_selector("#tl-plan:not([hidden])")
    for name, hours in [("Ana Ruiz", "3"), ("Marcus Bell", "2")]:
        disk_page.get_by_label("Name", exact=True).fill(name)
        disk_page.get_by_label("Hours a week they can give").fill(hours)
        disk_page.get_by_role("checkbox", name="Shared leadership").check()
        disk_page.get_by_role("button", name="Add person").click()
    disk_page.get_by_label("Places to fill: Grade-level team leader").fill("2")
    disk_page.get_by_role("button", name="Suggest people for open places").click()
    assert disk_page.locator("#tl-plan-status").inner_text().startswith("2 of 2 places filled; 2 teacher leaders;")
    disk_page.reload()
    disk_page.wait_for_selector("#tl-plan:not([hidden])")
    assert disk_page.locator("#tl-plan-status").inner_text().startswith("2 of 2 places filled")
    with disk_page.expect_download() as info:
        disk_page.get_by_role("button", name="Export plan file").click()
    assert info.value.suggested_filename.endswith(".json")


def test_the_conditions_check_works_from_disk(disk_page: Page, catalog: Catalog) -> None:
    """The check from file://: a rating is kept across a reload, and the plan links to files on disk."""
    disk_page.get_by_role("link", name="School conditions").first.click()
    disk_page.wait_for_url("**/conditions/index.html")
    disk_page.wait_for_selector("#tl-cc-plan:not([hidden])")
    condition = next(c for c in catalog.conditions if any(ref.startswith("move:") for ref in c.see_also))
    group = disk_page.get_by_role("group", name=f"Our rating for {condition.name}")
    group.get_by_role("radio", name="1 Not yet").check()
    disk_page.reload()
    disk_page.wait_for_selector("#tl-cc-plan:not([hidden])")
    # Chromium keeps localStorage for files; a browser that does not says so instead.
    kept = disk_page.get_by_role("group", name=f"Our rating for {condition.name}").get_by_role(
        "radio", name="1 Not yet"
    )
    assert kept.is_checked() or disk_page.locator("#tl-cc-storage").is_visible()
    if not kept.is_checked():
        kept.check()
    item = disk_page.locator(f'#tl-cc-list > li[data-condition="{condition.id}"]')
    move = item.locator(".tl-cc-sub + ul a").first
    assert move.get_attribute("href").startswith("../skills/")  # type: ignore[union-attr]
    move.click()
    disk_page.wait_for_url("**/skills/*.html#*")
