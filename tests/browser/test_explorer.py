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
from tltoolkit.source.models import Role
from tltoolkit.source.words import STOP_WORDS
from tltoolkit.web.inventory import one_line

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


WORDS_LABEL = "Words in the title, summary or responsibilities"


# --- what the data says a typed text should find ---------------------------------------
# Written apart from the page's code (words.py, roles-filter.js): a typed part is either a term of
# a synonym group in data/synonyms.yml, and then any term of its group must appear in the role's
# text as whole words, or another word, and then a word of the text must start with it or be
# its plural, -ing or -ed form.


def role_text(role: Role) -> str:
    return fold(" \n ".join([role.title, role.summary, *role.responsibilities]))


def term_pattern(term: str) -> str:
    parts = []
    for word in re.findall(r"[^\W_]+", fold(term)):
        base = re.escape(word[:-1]) + "(?:y|ies)" if word.endswith("y") else re.escape(word)
        parts.append(base + "(?:s|es|ing|ed)?")
    return r"\b" + r"\W+".join(parts) + r"\b"


def word_pattern(word: str) -> str:
    base = re.sub(r"(?<=...)(es|s|ing|ed)$", "", word)
    return rf"\b{re.escape(word)}|\b{re.escape(base)}(?:s|es|ing|ed)?\b"


def typed_parts(catalog: Catalog, typed: str) -> list[tuple[str, list[str]]]:
    """("group", its terms) or ("word", [the word]) for each part of `typed`, longest terms first."""
    words = re.findall(r"[^\W_]+", fold(typed))
    groups = [group.terms for group in catalog.synonyms.groups] if catalog.synonyms else []
    parts: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(words):
        for end in range(len(words), i, -1):
            phrase = " ".join(words[i:end])
            group = next((g for g in groups if any(re.fullmatch(term_pattern(t), phrase) for t in g)), None)
            if group:
                parts.append(("group", group))
                i = end
                break
        else:
            if words[i] not in STOP_WORDS:
                parts.append(("word", [words[i]]))
            i += 1
    return parts


def typed_matches(catalog: Catalog, role: Role, typed: str) -> bool:
    text = role_text(role)
    return all(
        any(re.search(term_pattern(t), text) for t in terms)
        if kind == "group"
        else re.search(word_pattern(terms[0]), text)
        for kind, terms in typed_parts(catalog, typed)
    )


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


@pytest.mark.parametrize("typed", ["Family", "data team", "écoles", "lead pla"])
def test_typing_keeps_roles_whose_text_has_every_word_or_its_synonyms(page: Page, catalog: Catalog, typed: str) -> None:
    open_inventory(page)
    page.get_by_label(WORDS_LABEL).press_sequentially(typed)
    expected = [r.id for r in inventory_order(catalog) if typed_matches(catalog, r, typed)]
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
    page.get_by_label(WORDS_LABEL).focus()
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
    page.get_by_label(WORDS_LABEL).fill("coach")
    page.get_by_label("Scope", exact=True).select_option(label=labels.SCOPE["school"])
    page.get_by_role("checkbox", name=catalog.skill["data-use"].name, exact=True).check()
    assert re.search(r"\?text=coach&scope=school&skill=data-use$", page.url), page.url
    shown = page.evaluate(VISIBLE_ROLE_IDS)

    page.reload()
    page.wait_for_selector("#tl-role-filters:not([hidden])")
    assert page.get_by_label(WORDS_LABEL).input_value() == "coach"
    assert page.get_by_label("Scope", exact=True).input_value() == "school"
    assert page.get_by_role("checkbox", name=catalog.skill["data-use"].name, exact=True).is_checked()
    assert page.evaluate(VISIBLE_ROLE_IDS) == shown
    expected = [
        r.id for r in inventory_order(catalog)
        if typed_matches(catalog, r, "coach") and r.scope == "school" and "data-use" in r.skills
    ]  # fmt: skip
    assert shown == expected


def test_a_bookmarked_url_opens_filtered_and_ignores_unknown_values(page: Page, catalog: Catalog) -> None:
    open_inventory(page, "?held=full-release&skill=equity&skill=no-such-skill&scope=galaxy")
    expected = [r.id for r in inventory_order(catalog) if r.held == "full-release" and "equity" in r.skills]
    assert page.evaluate(VISIBLE_ROLE_IDS) == expected
    assert page.get_by_label("Scope", exact=True).input_value() == ""


# --- the word filter: what principals type ----------------------------------------------

TYPED = ["ELL", "ESL", "EL", "English learner", "SPED", "special education", "instructional coaching", "coaches",
         "PLC", "ILT", "MTSS", "well"]  # fmt: skip


@pytest.mark.parametrize("typed", TYPED)
def test_typed_words_acronyms_and_synonyms_find_exactly_the_roles_the_data_says(
    page: Page, catalog: Catalog, typed: str
) -> None:
    expected = [r.id for r in inventory_order(catalog) if typed_matches(catalog, r, typed)]
    assert expected, f"the data has roles for {typed!r}"
    open_inventory(page)
    page.get_by_label(WORDS_LABEL).press_sequentially(typed)
    assert page.evaluate(VISIBLE_ROLE_IDS) == expected
    assert page.locator("#tl-roles-count").inner_text() == f"Showing {len(expected)} of {len(catalog.roles)} roles."
    assert page.url.endswith("?text=" + typed.replace(" ", "+"))


def test_an_acronym_is_not_found_inside_other_words(page: Page, catalog: Catalog) -> None:
    # The old filter matched letters anywhere: "ELL" showed every role with "well" in it.
    inside_words = {r.id for r in catalog.roles if "ell" in fold(r.title + " " + r.summary)}
    english_learners = [r.id for r in inventory_order(catalog) if typed_matches(catalog, r, "ELL")]
    assert inside_words - set(english_learners), "the data has roles with 'ell' only inside other words"
    open_inventory(page, "?text=ELL")
    assert page.evaluate(VISIBLE_ROLE_IDS) == english_learners
    assert "english-learner-specialist" in english_learners


def test_the_filter_reads_responsibilities_too(page: Page, catalog: Catalog) -> None:
    # A word found only in a role's responsibilities, not its title or summary, still finds it.
    role, word = next(
        (r, w)
        for r in inventory_order(catalog)
        for w in re.findall(r"[a-z]{9,}", role_text(r))
        if w not in fold(r.title + " " + r.summary) and sum(w in role_text(o) for o in catalog.roles) == 1
    )
    open_inventory(page, "?text=" + word)
    assert page.evaluate(VISIBLE_ROLE_IDS) == [
        r.id for r in inventory_order(catalog) if typed_matches(catalog, r, word)
    ]
    assert role.id in page.evaluate(VISIBLE_ROLE_IDS)


# --- the inventory's structure: area, summary, order -------------------------------------

ROW_FACTS = """() => Array.from(document.querySelectorAll('#tl-roles tbody tr')).map((tr) => ({
  title: tr.cells[0].querySelector('a').textContent, tagline: tr.querySelector('.tl-tagline').textContent,
  area: tr.cells[1].textContent, held: tr.cells[2].textContent, filled: tr.cells[4].textContent}))"""


def test_each_row_shows_its_area_and_a_one_line_summary(page: Page, catalog: Catalog) -> None:
    open_inventory(page)
    headers = page.locator("#tl-roles thead th").all_inner_texts()
    assert headers == ["Role", "Area", "When held", "Scope", "Who fills it", "Skills"]
    expected = [
        {"title": r.title, "tagline": one_line(r), "area": labels.CATEGORY[r.category], "held": labels.HELD[r.held],
         "filled": labels.FILLED_BY[r.filled_by]}
        for r in inventory_order(catalog)
    ]  # fmt: skip
    assert page.evaluate(ROW_FACTS) == expected
    for row in expected:
        assert len(row["tagline"]) <= 120 and row["tagline"].endswith(".")  # one line, not a paragraph


SORTS = {
    "Title (A to Z)": ("title", lambda r: r.title.casefold()),
    "When held": ("held", lambda r: list(labels.HELD).index(r.held)),
    "Who fills it": ("filled", lambda r: list(labels.FILLED_BY).index(r.filled_by)),
}


@pytest.mark.parametrize("label", SORTS)
def test_sorting_orders_the_rows_and_is_kept_in_the_address(page: Page, catalog: Catalog, label: str) -> None:
    value, key = SORTS[label]
    expected = ids(sorted(inventory_order(catalog), key=key))  # stable: the inventory's order among equals
    assert expected != ids(inventory_order(catalog))
    open_inventory(page)
    assert page.locator("#tl-roles th[aria-sort]").all_inner_texts() == ["Area"]
    page.get_by_label("Sort by").select_option(label=label)
    assert page.evaluate(VISIBLE_ROLE_IDS) == expected
    assert page.url.endswith(f"/roles/?sort={value}")
    sorted_by = {"title": "Role", "held": "When held", "filled": "Who fills it"}[value]
    assert page.locator("#tl-roles th[aria-sort='ascending']").all_inner_texts() == [sorted_by]

    page.reload()
    page.wait_for_selector("#tl-role-filters:not([hidden])")
    assert page.get_by_label("Sort by").input_value() == value
    assert page.evaluate(VISIBLE_ROLE_IDS) == expected

    # Filters keep the order; clearing them keeps it too.
    page.get_by_label("Scope", exact=True).select_option(label=labels.SCOPE["school"])
    assert page.evaluate(VISIBLE_ROLE_IDS) == [i for i in expected if catalog.role[i].scope == "school"]
    page.get_by_role("button", name="Clear filters").click()
    assert page.evaluate(VISIBLE_ROLE_IDS) == expected
    assert page.url.endswith(f"/roles/?sort={value}")


def test_without_javascript_rows_show_area_and_summary(browser, base_url: str, catalog: Catalog) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("roles/")
    assert page.evaluate(ROW_FACTS)[0]["tagline"] == one_line(inventory_order(catalog)[0])
    assert page.locator("#tl-roles tbody tr td:nth-child(2)").all_inner_texts() == [
        labels.CATEGORY[r.category] for r in inventory_order(catalog)
    ]
    context.close()


# --- phones and printing ------------------------------------------------------------------

NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


@pytest.mark.parametrize(
    "path", ["roles/", "roles/?text=coach&sort=title", "roles/match/", "roles/match/?skill=data-use&skill=equity"]
)
def test_nothing_scrolls_sideways_on_a_phone(browser, base_url: str, path: str) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844}, device_scale_factor=1)
    page = context.new_page()
    page.goto(path)
    page.wait_for_selector("form:not([hidden])")
    assert page.evaluate(NO_SIDEWAYS_SCROLL), page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    if path.startswith("roles/?") or path == "roles/":
        # Each role is a card: its facts stacked under the title, every one inside the screen.
        first = page.locator("#tl-roles tbody tr").first
        box = first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
        skills = first.locator("td").last.bounding_box()
        assert skills and skills["x"] + skills["width"] <= 390 and skills["y"] > box["y"] + 40
    context.close()


def test_printing_the_inventory_says_which_filters_are_applied_and_hides_the_controls(
    page: Page, catalog: Catalog
) -> None:
    open_inventory(page, "?text=coach&skill=data-use&held=partial-release")
    expected = [
        r for r in catalog.roles
        if typed_matches(catalog, r, "coach") and "data-use" in r.skills and r.held == "partial-release"
    ]  # fmt: skip
    page.emulate_media(media="print")
    assert not page.locator("#tl-role-filters").is_visible()
    assert not page.get_by_label("Sort by").is_visible()
    line = page.locator("#tl-roles-applied")
    assert line.is_visible()
    assert line.inner_text() == (
        f"Filtered: text \u2018coach\u2019, skill {catalog.skill['data-use'].name}, when held: "
        f"{labels.HELD['partial-release']} \u2014 {len(expected)} of {len(catalog.roles)} roles."
    )
    assert len(page.evaluate(VISIBLE_ROLE_IDS)) == len(expected)
    page.emulate_media(media="screen")
    assert not line.is_visible()  # on screen the controls say it already

    open_inventory(page)
    page.emulate_media(media="print")
    assert page.locator("#tl-roles-applied").inner_text() == f"All {len(catalog.roles)} roles."


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
