"""The role explorer in a real browser: search, filters, URL state, matching and downloads.

Expected results come from the data (`load_catalog`), not from the page, so a filter that
shows the wrong roles fails here.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from tltoolkit import Catalog
from tltoolkit.content import labels
from tltoolkit.models import Role

if TYPE_CHECKING:
    from playwright.sync_api import Page

VISIBLE_ROLE_IDS = """() => Array.from(document.querySelectorAll('#tl-roles tbody tr'))
  .filter((tr) => !tr.hidden).map((tr) => tr.querySelector('a').getAttribute('href').replace(/\\/$/, ''))"""
MATCH_ORDER = """() => Array.from(document.querySelectorAll('#tl-match-results > li'))
  .filter((li) => !li.hidden).map((li) => li.querySelector('a').getAttribute('href').replace(/^\\.\\.\\//, '').replace(/\\/$/, ''))"""


def inventory_order(catalog: Catalog) -> list[Role]:
    return sorted(catalog.roles, key=lambda role: list(labels.CATEGORY).index(role.category))


def ids(roles: list[Role]) -> list[str]:
    return [role.id for role in roles]


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", " ".join(text.split()).lower())
    return "".join(char for char in text if not unicodedata.combining(char))


def open_inventory(page: Page, query: str = "") -> None:
    page.goto("roles/" + query)
    page.wait_for_selector("#tl-role-filters:not([hidden])")


# --- site search --------------------------------------------------------------


def test_site_search_finds_a_role_by_its_title(page: Page) -> None:
    page.goto("")
    # Material drops a query typed before its search worker has built the index: wait for
    # it, then type key by key as a person does (it searches on each key released).
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.trim() !== 'Initializing search'"
    )
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type("Literacy coach")
    first = page.locator(".md-search-result__list > li").first.locator("a").first
    first.wait_for()
    assert urlsplit(first.get_attribute("href") or "").path == "/roles/literacy-coach/"
    assert "Literacy coach" in first.inner_text()


# --- filtering the inventory ----------------------------------------------------


def test_without_javascript_the_whole_table_shows_and_no_controls(browser, base_url: str, catalog: Catalog) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("roles/")
    assert page.locator("#tl-roles tbody tr").count() == len(catalog.roles)
    assert page.locator("#tl-roles tbody tr:visible").count() == len(catalog.roles)
    assert not page.locator("#tl-role-filters").is_visible()
    context.close()


def test_with_javascript_every_role_shows_until_filtered(page: Page, catalog: Catalog) -> None:
    open_inventory(page)
    assert page.evaluate(VISIBLE_ROLE_IDS) == ids(inventory_order(catalog))
    assert page.locator("#tl-roles-count").inner_text() == f"Showing all {len(catalog.roles)} roles."


def test_each_skill_checkbox_narrows_to_the_roles_drawing_on_that_skill(page: Page, catalog: Catalog) -> None:
    open_inventory(page)
    for skill in catalog.skills:
        box = page.get_by_role("checkbox", name=skill.name, exact=True)  # the label carries the skill's name
        box.check()
        expected = [role.id for role in inventory_order(catalog) if skill.id in role.skills]
        assert page.evaluate(VISIBLE_ROLE_IDS) == expected, skill.id
        assert page.locator("#tl-roles-count").inner_text() == f"Showing {len(expected)} of {len(catalog.roles)} roles."
        box.uncheck()


def test_ticking_two_skills_keeps_roles_that_draw_on_both(page: Page, catalog: Catalog) -> None:
    open_inventory(page)
    first, second = catalog.skills[0], catalog.skills[1]
    page.get_by_role("checkbox", name=first.name, exact=True).check()
    page.get_by_role("checkbox", name=second.name, exact=True).check()
    expected = [r.id for r in inventory_order(catalog) if {first.id, second.id} <= set(r.skills)]
    assert page.evaluate(VISIBLE_ROLE_IDS) == expected


@pytest.mark.parametrize(
    ("label", "field", "options"),
    [
        ("When held", "held", labels.HELD),
        ("Scope", "scope", labels.SCOPE),
        ("Selection", "selection", labels.SELECTION),
        ("Who fills it", "filled_by", labels.FILLED_BY),
    ],
)
def test_each_option_narrows_to_the_roles_the_data_gives_it(
    page: Page, catalog: Catalog, label: str, field: str, options: dict[str, str]
) -> None:
    open_inventory(page)
    select = page.get_by_label(label, exact=True)
    for value, text in options.items():
        select.select_option(label=text)
        expected = [role.id for role in inventory_order(catalog) if getattr(role, field) == value]
        assert page.evaluate(VISIBLE_ROLE_IDS) == expected, value
    select.select_option(value="")
    assert len(page.evaluate(VISIBLE_ROLE_IDS)) == len(catalog.roles)


@pytest.mark.parametrize("typed", ["coach", "Family", "data team", "écoles"])
def test_typing_keeps_roles_whose_title_or_summary_has_every_word(page: Page, catalog: Catalog, typed: str) -> None:
    open_inventory(page)
    page.get_by_label("Words in the title or summary").press_sequentially(typed)
    words = fold(typed).split()
    expected = [r.id for r in inventory_order(catalog) if all(w in fold(f"{r.title} {r.summary}") for w in words)]
    assert page.evaluate(VISIBLE_ROLE_IDS) == expected
    if not expected:
        assert page.locator("#tl-roles-count").inner_text().startswith("No role matches")


def test_filters_combine_and_clear(page: Page, catalog: Catalog) -> None:
    open_inventory(page)
    page.get_by_label("When held", exact=True).select_option(label=labels.HELD["partial-release"])
    page.get_by_role("checkbox", name=catalog.skill["improving-instruction"].name, exact=True).check()
    expected = [
        r.id for r in inventory_order(catalog) if r.held == "partial-release" and "improving-instruction" in r.skills
    ]
    assert page.evaluate(VISIBLE_ROLE_IDS) == expected
    page.get_by_role("button", name="Clear filters").click()
    assert len(page.evaluate(VISIBLE_ROLE_IDS)) == len(catalog.roles)
    assert page.url.endswith("/roles/")


def test_filters_are_usable_from_the_keyboard(page: Page, catalog: Catalog) -> None:
    open_inventory(page)
    assert page.locator("#tl-roles-count").get_attribute("aria-live") == "polite"
    page.get_by_label("Words in the title or summary").focus()
    page.keyboard.press("Tab")  # to "When held"
    page.keyboard.press("Tab")  # to "Scope"
    page.keyboard.press("Tab")  # to "Selection"
    page.keyboard.press("Tab")  # to "Standards domain"
    page.keyboard.press("Tab")  # to "Who fills it"
    page.keyboard.press("Tab")  # to the first skill
    page.keyboard.press("Space")
    first = catalog.skills[0]
    assert page.evaluate("document.activeElement.value") == first.id
    assert page.evaluate(VISIBLE_ROLE_IDS) == [r.id for r in inventory_order(catalog) if first.id in r.skills]


def test_standards_filter_shows_the_roles_mapped_to_each_domain_and_keeps_it_in_the_address(
    page: Page, catalog: Catalog
) -> None:
    open_inventory(page)
    select = page.get_by_label("Standards domain", exact=True)
    for domain in catalog.standards.domains:
        select.select_option(label=f"Domain {domain.number}: {domain.short_name}")
        expected = [role.id for role in inventory_order(catalog) if domain.id in role.standards]
        assert page.evaluate(VISIBLE_ROLE_IDS) == expected, domain.id
        assert page.url.endswith(f"/roles/?standard={domain.id}"), page.url
        assert page.locator("#tl-roles-count").inner_text() == f"Showing {len(expected)} of {len(catalog.roles)} roles."

    # A bookmarked address opens with the domain chosen, and combines with the other filters.
    domain = catalog.standards.domains[0]
    open_inventory(page, f"?held=full-time-teaching&standard={domain.id}")
    assert page.get_by_label("Standards domain", exact=True).input_value() == domain.id
    expected = [r.id for r in inventory_order(catalog) if r.held == "full-time-teaching" and domain.id in r.standards]
    assert page.evaluate(VISIBLE_ROLE_IDS) == expected
    # The standards page's link for a domain opens the inventory filtered to it.
    page.goto("standards/")
    page.get_by_role("link", name=re.compile(r"^Show (these \d+ roles|this role) in the inventory$")).first.click()
    page.wait_for_selector("#tl-role-filters:not([hidden])")
    assert page.evaluate(VISIBLE_ROLE_IDS) == [r.id for r in inventory_order(catalog) if domain.id in r.standards]


# --- the URL keeps the state ------------------------------------------------------


def test_filter_state_round_trips_through_the_url(page: Page, catalog: Catalog) -> None:
    open_inventory(page)
    page.get_by_label("Words in the title or summary").fill("coach")
    page.get_by_label("Scope", exact=True).select_option(label=labels.SCOPE["school"])
    page.get_by_role("checkbox", name=catalog.skill["data-use"].name, exact=True).check()
    assert re.search(r"\?text=coach&scope=school&skill=data-use$", page.url), page.url
    shown = page.evaluate(VISIBLE_ROLE_IDS)

    page.reload()
    page.wait_for_selector("#tl-role-filters:not([hidden])")
    assert page.get_by_label("Words in the title or summary").input_value() == "coach"
    assert page.get_by_label("Scope", exact=True).input_value() == "school"
    assert page.get_by_role("checkbox", name=catalog.skill["data-use"].name, exact=True).is_checked()
    assert page.evaluate(VISIBLE_ROLE_IDS) == shown
    expected = [
        r.id for r in inventory_order(catalog)
        if "coach" in fold(r.title + " " + r.summary) and r.scope == "school" and "data-use" in r.skills
    ]  # fmt: skip
    assert shown == expected


def test_a_bookmarked_url_opens_filtered_and_ignores_unknown_values(page: Page, catalog: Catalog) -> None:
    open_inventory(page, "?held=full-release&skill=equity&skill=no-such-skill&scope=galaxy")
    expected = [r.id for r in inventory_order(catalog) if r.held == "full-release" and "equity" in r.skills]
    assert page.evaluate(VISIBLE_ROLE_IDS) == expected
    assert page.get_by_label("Scope", exact=True).input_value() == ""


# --- matching roles to skills -------------------------------------------------------


def appointed(catalog: Catalog) -> list[Role]:
    """The roles matching may rank: those the principal fills, in inventory order."""
    return [role for role in inventory_order(catalog) if role.filled_by == "principal"]


def ranked(catalog: Catalog, chosen: set[str]) -> list[str]:
    order = appointed(catalog)
    fitting = [r for r in order if chosen & set(r.skills)]
    fitting.sort(key=lambda r: (-len(chosen & set(r.skills)), len(set(r.skills) - chosen)))  # stable: inventory order
    return ids(fitting)


def test_matching_ranks_a_role_having_all_chosen_skills_first(page: Page, catalog: Catalog) -> None:
    target = next(role for role in catalog.roles if len(role.skills) == 3)
    page.goto("roles/match/")
    page.wait_for_selector("#tl-match:not([hidden])")
    for skill in catalog.skills_named(target.skills):
        page.get_by_role("checkbox", name=skill.name, exact=True).check()
    order = page.evaluate(MATCH_ORDER)
    first = catalog.role[order[0]]
    assert set(target.skills) <= set(first.skills)
    assert order == ranked(catalog, set(target.skills))

    item = page.locator("#tl-match-results > li").first
    assert "Matched:" in item.inner_text() and "Missing:" in item.inner_text()
    link = item.get_by_role("link", name="job description")
    assert link.get_attribute("href") == f"../{first.id}/#job-description"
    status = page.locator("#tl-match-status").inner_text()
    assert f"on all {len(target.skills)}" in status


def test_matching_explains_matched_and_missing_skills(page: Page, catalog: Catalog) -> None:
    page.goto("roles/match/?skill=data-use")
    page.wait_for_selector("#tl-match:not([hidden])")
    order = page.evaluate(MATCH_ORDER)
    assert order == ranked(catalog, {"data-use"})
    role = catalog.role[order[0]]
    missing = ", ".join(s.name for s in catalog.skills_named(role.skills) if s.id != "data-use") or "none"
    why = page.locator("#tl-match-results > li:not([hidden]) .tl-why").first.inner_text()
    assert f"Matched: {catalog.skill['data-use'].name}." in why
    assert f"Missing: {missing}." in why


def test_matching_state_survives_a_reload_and_prints_the_chosen_skills(page: Page, catalog: Catalog) -> None:
    page.goto("roles/match/")
    page.wait_for_selector("#tl-match:not([hidden])")
    page.get_by_role("checkbox", name=catalog.skill["equity"].name, exact=True).check()
    page.get_by_role("checkbox", name=catalog.skill["family-engagement"].name, exact=True).check()
    assert page.url.endswith("?skill=equity&skill=family-engagement")
    page.reload()
    page.wait_for_selector("#tl-match:not([hidden])")
    assert page.evaluate(MATCH_ORDER) == ranked(catalog, {"equity", "family-engagement"})
    page.emulate_media(media="print")
    assert not page.locator("#tl-match").is_visible()
    summary = page.locator("#tl-match-summary")
    assert summary.is_visible()
    assert catalog.skill["family-engagement"].name in summary.inner_text()


def test_matching_with_nothing_ticked_lists_every_role_the_principal_fills(page: Page, catalog: Catalog) -> None:
    page.goto("roles/match/")
    page.wait_for_selector("#tl-match:not([hidden])")
    assert page.evaluate(MATCH_ORDER) == ids(appointed(catalog))


NOT_RANKED = """() => Array.from(document.querySelectorAll('#tl-not-ranked > li'))
  .map((li) => [li.querySelector('a').getAttribute('href').replace(/^\\.\\.\\//, '').replace(/\\/$/, ''),
                li.querySelector('.tl-not-ranked-why').textContent.trim()])"""


def test_matching_never_ranks_a_role_the_principal_does_not_fill_and_says_who_does(
    page: Page, catalog: Catalog
) -> None:
    union = catalog.role["union-building-rep"]
    assert union.filled_by == "election"
    others = [role for role in inventory_order(catalog) if role.filled_by != "principal"]
    # Tick every skill of every such role: before this change the union representative came first for some.
    skills = sorted({skill for role in others for skill in role.skills})
    page.goto("roles/match/?" + "&".join(f"skill={skill}" for skill in skills))
    page.wait_for_selector("#tl-match:not([hidden])")
    page.wait_for_function("document.querySelector('#tl-match-status').textContent.includes('Best fit first')")
    order = page.evaluate(MATCH_ORDER)
    assert order, "something is ranked"
    assert not {role.id for role in others} & set(order)
    assert order == ranked(catalog, set(skills))
    listed = dict(page.evaluate(NOT_RANKED))
    assert list(listed) == ids(others)
    assert listed[union.id] == "Elected by union members in the building; the principal does not appoint it."
    assert page.locator("#tl-not-ranked").is_visible()


# --- downloads --------------------------------------------------------------------


def test_roles_csv_is_served_for_excel(page: Page, catalog: Catalog) -> None:
    open_inventory(page)
    href = page.get_by_role("link", name="spreadsheet (roles.csv)").get_attribute("href")
    response = page.request.get(page.url.rsplit("/", 1)[0] + "/" + href)
    assert response.ok
    assert response.headers["content-type"].startswith("text/csv")
    body = response.body()
    assert body.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark: Excel then reads UTF-8
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert rows[0][:3] == ["ID", "Title", "Area"]
    assert len(rows) == 1 + len(catalog.roles)
    assert [row[0] for row in rows[1:]] == ids(catalog.roles)
    skills = rows[0].index("Skills")
    assert rows[1][skills] == "; ".join(s.name for s in catalog.skills_named(catalog.roles[0].skills))


def test_roles_json_is_served_and_parses(page: Page, catalog: Catalog) -> None:
    open_inventory(page)
    href = page.get_by_role("link", name="data (roles.json)").get_attribute("href")
    response = page.request.get(page.url.rsplit("/", 1)[0] + "/" + href)
    assert response.ok
    assert response.headers["content-type"].startswith("application/json")
    data = json.loads(response.text())
    assert [role["id"] for role in data["roles"]] == ids(catalog.roles)
    assert data["roles"][0]["skills"] == catalog.roles[0].skills
    assert {s["id"] for s in data["skills"]} == set(catalog.skill)


# --- who fits this role -------------------------------------------------------------


def test_role_page_has_a_who_fits_checklist(page: Page, catalog: Catalog) -> None:
    role = catalog.roles[0]
    page.goto(f"roles/{role.id}/")
    heading = page.get_by_role("heading", name="Who fits this role")
    assert heading.is_visible()
    items = page.locator("#who-fits-this-role + p + ul li")
    assert items.count() == len(role.look_fors)
    assert page.locator("#who-fits-this-role + p + ul input[type=checkbox]").count() == len(role.look_fors)
