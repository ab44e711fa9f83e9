"""The school-conditions check on /conditions/ in Chromium: ticks, ratings and notes by keyboard,
kept across a reload under the site's own key; the action plan weakest first with strategies and
the principal moves that help; starting over asks first; the print view is the action plan; phones,
accessibility, storage refused, JavaScript off; and no request carries an answer or leaves the site.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from harness import serve
from pypdf import PdfReader
from test_accessibility import axe_script, blocking, report, run_axe  # noqa: F401 (axe_script is a fixture)

from tltoolkit import Catalog
from tltoolkit.content.self_assessment import RATINGS, sign_key

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

KEY = "tltoolkit-conditions:/"  # the site is served at the root


def open_check(page: Page, path: str = "conditions/") -> None:
    page.goto(path)
    page.wait_for_selector("#tl-cc-plan:not([hidden])")


def saved(page: Page, key: str = KEY) -> dict:
    text = page.evaluate("(key) => localStorage.getItem(key)", key)
    assert text, "the answers were not saved in the browser"
    return json.loads(text)["answers"]


def rating_group(page: Page, catalog: Catalog, condition: str):
    return page.get_by_role("group", name=f"Our rating for {catalog_name(catalog, condition)}")


def catalog_name(catalog: Catalog, condition: str) -> str:
    return next(c.name for c in catalog.conditions if c.id == condition)


def rate(
    page: Page, catalog: Catalog, condition: str, rating: int, signs: tuple[int, ...] = (), note: str = ""
) -> None:
    """Answer for one condition as a person does: tick by Space, choose a rating by Space, type a note."""
    found = next(c for c in catalog.conditions if c.id == condition)
    for index in signs:
        page.get_by_role("checkbox", name=found.signs[index], exact=True).focus()
        page.keyboard.press("Space")
    if rating:
        rating_group(page, catalog, condition).get_by_role("radio", name=f"{rating} {RATINGS[rating - 1]}").focus()
        page.keyboard.press("Space")
    if note:
        page.get_by_label(f"Notes and next step for {found.name} (optional)").focus()
        page.keyboard.type(note)


def plan_order(page: Page) -> list[str]:
    return page.eval_on_selector_all("#tl-cc-list > li", "items => items.map((li) => li.dataset.condition)")


ANSWERS = [  # condition, rating, signs ticked, note
    ("protected-time", 3, (0, 1), ""),
    ("trust", 1, (0,), "Ask the ILT in March"),
    ("access-to-data", 1, (), ""),
    ("growth-support", 2, (1,), ""),
    ("focused-improvement-agenda", 4, (0, 1, 2), ""),
]
WEAKEST_FIRST = ["access-to-data", "trust", "growth-support", "protected-time", "focused-improvement-agenda"]


def answer_all(page: Page, catalog: Catalog) -> None:
    for condition, rating, signs, note in ANSWERS:
        rate(page, catalog, condition, rating, signs, note)


# --- answering, keeping, ordering ------------------------------------------------------------------


def test_answers_by_keyboard_are_kept_across_a_reload_and_order_the_plan(page: Page, catalog: Catalog) -> None:
    open_check(page)
    answer_all(page, catalog)
    trust = next(c for c in catalog.conditions if c.id == "trust")
    assert saved(page)["trust"] == {"signs": [sign_key(trust.signs[0])], "rating": 1, "note": "Ask the ILT in March"}
    assert plan_order(page) == WEAKEST_FIRST
    page.reload()
    page.wait_for_selector("#tl-cc-plan:not([hidden])")
    # Every box, rating and note is back.
    for condition, rating, signs, note in ANSWERS:
        found = next(c for c in catalog.conditions if c.id == condition)
        for index, sign in enumerate(found.signs):
            assert page.get_by_role("checkbox", name=sign, exact=True).is_checked() == (index in signs), (
                condition,
                index,
            )
        group = rating_group(page, catalog, condition)
        assert group.get_by_role("radio", name=f"{rating} {RATINGS[rating - 1]}").is_checked(), condition
        assert page.get_by_label(f"Notes and next step for {found.name} (optional)").input_value() == note
    # Weakest first: rating, then the share of signs ticked (trust and access-to-data are both 1).
    assert plan_order(page) == WEAKEST_FIRST
    first = page.locator("#tl-cc-list > li").first
    assert first.locator(".tl-cc-meta").inner_text() == "1 Not yet · 0 of 3 signs ticked"
    trust = page.locator('#tl-cc-list > li[data-condition="trust"]')
    assert "Our note: Ask the ILT in March" in trust.inner_text()
    # Unrated conditions are listed apart, as not yet rated.
    unrated = page.locator("#tl-cc-unrated-list > li")
    assert unrated.count() == len(catalog.conditions) - len(ANSWERS)
    assert page.get_by_role("heading", name="Not yet rated").is_visible()
    unrated_ids = {c.id for c in catalog.conditions} - {condition for condition, *_ in ANSWERS}
    assert unrated.all_inner_texts() == [c.name for c in catalog.conditions if c.id in unrated_ids]
    status = page.locator("#tl-cc-status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == (
        f"{len(ANSWERS)} of {len(catalog.conditions)} conditions rated. "
        f"Weakest: {catalog_name(catalog, 'access-to-data')} (Not yet, 0 of 3 signs ticked)."
    )


def serve_signs_reversed(page: Page, condition: str) -> None:
    """From now on, serve /conditions/ with one condition's signs in reverse order, boxes and data
    alike, as a district's overlay that reorders them would build it."""

    def reverse(route: Route) -> None:
        response = route.fetch()
        html = response.text()
        boxes = re.compile(
            rf'(<ul class="task-list tl-checklist">\n)((?:<li[^\n]*data-condition="{condition}"[^\n]*\n)+)'
        )
        found = boxes.search(html)
        assert found, f"no boxes for {condition}"
        html = html[: found.start(2)] + "".join(reversed(found.group(2).splitlines(True))) + html[found.end(2) :]
        keys = re.compile(rf'("id":"{condition}",[^{{}}]*?"signs":)(\[[^\]]*\])')
        data = keys.search(html)
        assert data, f"no data for {condition}"
        html = (
            html[: data.start(2)]
            + json.dumps(json.loads(data.group(2))[::-1], separators=(",", ":"))
            + html[data.end(2) :]
        )
        route.fulfill(response=response, body=html)

    page.route("**/conditions/", reverse)


def test_ticks_follow_their_signs_when_a_district_reorders_them(page: Page, catalog: Catalog) -> None:
    trust = next(c for c in catalog.conditions if c.id == "trust")
    assert len(trust.signs) >= 2
    open_check(page)
    rate(page, catalog, "trust", 2, (0,))
    serve_signs_reversed(page, "trust")
    page.reload()
    page.wait_for_selector("#tl-cc-plan:not([hidden])")
    boxes = page.locator('input[type=checkbox][data-condition="trust"]')
    assert boxes.first.evaluate("(box) => box.labels[0].textContent.trim()") == trust.signs[-1], "the order changed"
    # The tick is on the sign that was ticked, wherever it now stands, and on no other.
    for index, sign in enumerate(trust.signs):
        assert page.get_by_role("checkbox", name=sign, exact=True).is_checked() == (index == 0), sign
    item = page.locator('#tl-cc-list > li[data-condition="trust"]')
    assert f"1 of {len(trust.signs)} signs ticked" in item.inner_text()
    assert page.locator("#tl-cc-migrated").is_hidden()


def test_ticks_an_earlier_version_saved_by_position_are_cleared_and_said_so(page: Page, catalog: Catalog) -> None:
    trust = next(c for c in catalog.conditions if c.id == "trust")
    old = {
        "format": "tltoolkit-conditions",
        "version": 1,
        "answers": {"trust": {"signs": [0, 1], "rating": 2, "note": "Ask Ana"}},
    }
    page.goto("conditions/")
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, json.dumps(old)])
    page.reload()
    page.wait_for_selector("#tl-cc-plan:not([hidden])")
    # No old tick lands on a sign (the list may have changed since); the rating and note stay.
    for sign in trust.signs:
        assert not page.get_by_role("checkbox", name=sign, exact=True).is_checked(), sign
    assert rating_group(page, catalog, "trust").get_by_role("radio", name=f"2 {RATINGS[1]}").is_checked()
    assert page.get_by_label(f"Notes and next step for {trust.name} (optional)").input_value() == "Ask Ana"
    note = page.locator("#tl-cc-migrated")
    assert (
        note.is_visible() and "ticked signs saved by an earlier version of this page were cleared" in note.inner_text()
    )
    # Saved again in the current form, so the note is said once.
    assert saved(page)["trust"] == {"signs": [], "rating": 2, "note": "Ask Ana"}
    page.reload()
    page.wait_for_selector("#tl-cc-plan:not([hidden])")
    assert page.locator("#tl-cc-migrated").is_hidden()


def test_each_item_of_the_plan_has_its_strategies_and_the_moves_that_help(page: Page, catalog: Catalog) -> None:
    open_check(page)
    rate(page, catalog, "protected-time", 2)
    item = page.locator('#tl-cc-list > li[data-condition="protected-time"]')
    condition = next(c for c in catalog.conditions if c.id == "protected-time")
    assert item.locator("ul").first.locator("li").all_inner_texts() == condition.strategies
    # The moves its see_also names, linked where the condition's own "See also" links.
    moves = [ref.removeprefix("move:") for ref in condition.see_also if ref.startswith("move:")]
    assert moves
    hrefs = item.get_by_role("link").evaluate_all("links => links.map((a) => a.getAttribute('href'))")
    for move in moves:
        skill, _, move_id = move.partition("/")
        assert f"../skills/{skill}/#{move_id}" in hrefs
    skill, _, move_id = moves[0].partition("/")
    move = next(m for m in catalog.moves[skill] if m.id == move_id)
    item.get_by_role("link", name=move.move.rstrip(".")).click()
    page.wait_for_url(f"**/skills/{skill}/#{move_id}")


def test_the_status_line_changes_as_answers_change(page: Page, catalog: Catalog) -> None:
    open_check(page)
    status = page.locator("#tl-cc-status")
    assert status.inner_text() == "No condition rated yet. Rate one to start your action plan."
    rate(page, catalog, "trust", 2)
    assert status.inner_text().startswith(f"1 of {len(catalog.conditions)} conditions rated. Weakest: ")
    rating_group(page, catalog, "trust").get_by_role("radio", name="Not rated yet").check()
    assert status.inner_text() == "No condition rated yet. Rate one to start your action plan."
    assert page.evaluate("(key) => localStorage.getItem(key)", KEY) is None


def test_starting_over_asks_first(page: Page, catalog: Catalog) -> None:
    open_check(page)
    rate(page, catalog, "trust", 2, (0,), "keep me")
    page.get_by_role("button", name="Start over").click()
    confirm = page.locator("#tl-cc-confirm")
    assert confirm.is_visible() and "cannot be undone" in confirm.inner_text()
    assert page.evaluate("() => document.activeElement.id") == "tl-cc-confirm-no"  # the safe choice
    page.keyboard.press("Enter")
    assert not confirm.is_visible()
    assert page.evaluate("() => document.activeElement.id") == "tl-cc-clear"
    assert saved(page)["trust"]["rating"] == 2
    page.get_by_role("button", name="Start over").click()
    page.get_by_role("button", name="Clear my answers").click()
    assert page.evaluate("(key) => localStorage.getItem(key)", KEY) is None
    assert rating_group(page, catalog, "trust").get_by_role("radio", name="Not rated yet").is_checked()
    assert page.locator("input[type=checkbox][data-condition]:checked").count() == 0
    assert page.locator("textarea[data-condition]").evaluate_all("areas => areas.map((a) => a.value).join('')") == ""
    assert page.locator("#tl-cc-list > li").count() == 0
    assert page.locator("#tl-cc-message").inner_text() == "Your answers were cleared from this browser."


def test_two_sites_on_one_host_keep_their_answers_apart(
    browser: Browser, site_dir: Path, tmp_path: Path, catalog: Catalog
) -> None:
    """Two districts' sites under one host (…/district-a/, …/district-b/) share one localStorage."""
    for name in ("district-a", "district-b"):
        (tmp_path / name).symlink_to(site_dir, target_is_directory=True)
    with serve(tmp_path) as url:
        context = browser.new_context(base_url=url)
        try:
            page = context.new_page()
            open_check(page, "district-a/conditions/")
            rate(page, catalog, "trust", 3)
            assert saved(page, "tltoolkit-conditions:/district-a/")["trust"]["rating"] == 3
            open_check(page, "district-b/conditions/")
            assert rating_group(page, catalog, "trust").get_by_role("radio", name="Not rated yet").is_checked()
            assert page.locator("#tl-cc-list > li").count() == 0
        finally:
            context.close()


# --- print, phones, accessibility -------------------------------------------------------------------


def test_the_print_view_is_the_action_plan(page: Page, catalog: Catalog, tmp_path: Path) -> None:
    open_check(page)
    answer_all(page, catalog)
    page.emulate_media(media="print")
    assert page.get_by_role("heading", name="Your action plan").is_visible()
    assert not page.get_by_role("heading", name=catalog.conditions[0].name, level=2).is_visible()
    assert not page.locator(".md-header").is_visible() and not page.locator("#tl-cc-intro").is_visible()
    visible = page.evaluate(
        """() => [...document.querySelectorAll('article button, article input, article textarea, article fieldset')]
              .filter((el) => el.getClientRects().length > 0).map((el) => el.id || el.outerHTML.slice(0, 60))"""
    )
    assert visible == []
    items = page.locator("#tl-cc-list > li")
    assert items.count() == len(ANSWERS)
    for index in range(len(ANSWERS)):
        who = items.nth(index).locator(".tl-cc-who")
        assert who.is_visible() and who.inner_text().split() == ["Who:", "By", "when:"]
        assert items.nth(index).locator("li").first.is_visible()  # a strategy
    assert page.locator("#tl-cc-unrated").is_visible()
    # Printed: the plan in order, lines to write on, and no blank page.
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), format="Letter")
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages]
    assert all(pages), [len(text) for text in pages]
    text = " ".join(pages)
    positions = [text.find(catalog_name(catalog, condition)) for condition in WEAKEST_FIRST]
    assert -1 not in positions and positions == sorted(positions), positions
    assert text.count("By when:") == len(ANSWERS)
    assert "Signs it is in place" not in text and "Start over" not in text


def test_phone_width_has_no_sideways_scroll(browser: Browser, base_url: str, catalog: Catalog) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        open_check(page)
        answer_all(page, catalog)
        page.get_by_role("button", name="Start over").click()
        width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], width
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_answered_check_has_no_serious_accessibility_violations(
    browser: Browser,
    base_url: str,
    catalog: Catalog,
    axe_script: str,  # noqa: F811 (the fixture imported above)
    scheme: str,
) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        open_check(page)
        answer_all(page, catalog)
        page.get_by_role("button", name="Start over").click()  # the confirmation showing
        violations = blocking(run_axe(page, axe_script))
    finally:
        context.close()
    assert not violations, f"conditions ({scheme}):\n{report(violations)}"


def test_keyboard_focus_is_visible_on_the_tick_boxes_and_ratings(page: Page, catalog: Catalog) -> None:
    open_check(page)
    sign = catalog.conditions[0].signs[0]
    page.get_by_role("checkbox", name=sign, exact=True).focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # focus by keyboard, so :focus-visible applies
    outline = page.evaluate(
        """() => { const box = document.activeElement.nextElementSibling;
                  return getComputedStyle(box, '::before').outlineStyle; }"""
    )
    assert outline == "solid"
    radio = rating_group(page, catalog, catalog.conditions[0].id).get_by_role("radio", name=f"1 {RATINGS[0]}")
    radio.focus()
    page.keyboard.press("ArrowRight")  # arrows move through the scale and choose
    assert (
        rating_group(page, catalog, catalog.conditions[0].id).get_by_role("radio", name=f"2 {RATINGS[1]}").is_checked()
    )
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") == "solid"


# --- without storage, without JavaScript, privacy ---------------------------------------------------------


@pytest.fixture
def no_storage_page(browser: Browser, base_url: str) -> Iterator[tuple[Page, list[str]]]:
    """A browser that refuses localStorage, as some do for pages opened from a file: to the check's
    scripts only (the theme's own script does not catch the error, which is not ours to test)."""
    context = browser.new_context(base_url=base_url)
    context.add_init_script(
        """const real = window.localStorage;
        Object.defineProperty(window, 'localStorage', {get() {
          if ((new Error().stack || '').includes('/javascripts/conditions/')) throw new DOMException('denied', 'SecurityError');
          return real;
        }});"""
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, errors
    context.close()


def test_without_storage_the_check_says_so_and_still_works(no_storage_page, catalog: Catalog) -> None:
    page, errors = no_storage_page
    open_check(page)
    message = page.locator("#tl-cc-storage")
    assert message.is_visible()
    assert "does not let the page keep your answers" in message.inner_text()
    rate(page, catalog, "trust", 1, (0,))
    rate(page, catalog, "protected-time", 2)
    assert plan_order(page) == ["trust", "protected-time"]
    assert errors == []


def test_without_javascript_the_page_reads_as_before(browser: Browser, base_url: str, catalog: Catalog) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("conditions/")
        text = page.locator("article").inner_text()
        for condition in catalog.conditions:
            assert condition.name in text and condition.signs[0] in text and condition.strategies[0] in text
        assert page.get_by_role("checkbox", name=catalog.conditions[0].signs[0], exact=True).is_visible()
        # Nothing that needs the script shows: no rating, note, plan or promise to keep answers.
        for hidden in ("#tl-cc-plan", "#tl-cc-intro", ".tl-cc-answer"):
            assert not page.locator(hidden).first.is_visible(), hidden
        assert page.get_by_role("link", name="Download the self-assessment (fillable PDF)").is_visible()
    finally:
        context.close()


def test_no_request_carries_an_answer_or_leaves_the_site(page: Page, base_url: str, catalog: Catalog) -> None:
    requests: list[tuple[str, str]] = []
    page.on("request", lambda request: requests.append((request.url, request.post_data or "")))
    open_check(page)
    page.wait_for_load_state("networkidle")
    loaded = len(requests)
    rate(page, catalog, "trust", 1, (0, 1), "Quarterman keeps the minutes")
    rate(page, catalog, "growth-support", 3)
    page.get_by_role("button", name="Start over").click()
    page.get_by_role("button", name="Keep my answers").click()
    page.wait_for_timeout(300)
    assert len(requests) == loaded, requests[loaded:]  # answering asks nothing of any server
    page.reload()
    page.wait_for_selector("#tl-cc-plan:not([hidden])")
    site = urlsplit(base_url)
    for url, body in requests:
        assert "Quarterman" not in url and "Quarterman" not in body, url
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc) == (site.scheme, site.netloc), f"{url} leaves the site"
