"""A 390 px phone: no page of any kind scrolls sideways, and nothing in it either (tables,
cards, buttons), except code samples for editors, which keep their lines as typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from harness import PAGE_KINDS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PHONE = {"width": 390, "height": 844}
# Boxes wider than the screen that scroll inside the page: Material wraps each table in one.
SCROLLERS = """() => [...document.querySelectorAll('.md-content *')]
  .filter((e) => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1
    && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && !e.closest('pre'))
  .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}: ${e.scrollWidth} px in ${e.clientWidth}`)"""
# The explorer helper is making the role inventory and match page fit phones on its own branch.


@pytest.fixture
def phone(browser: Browser, base_url: str):
    context = browser.new_context(base_url=base_url, viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.mark.parametrize("kind", sorted(PAGE_KINDS))
def test_no_page_kind_scrolls_sideways_on_a_phone(phone: Page, kind: str) -> None:
    phone.goto(PAGE_KINDS[kind])
    phone.wait_for_load_state("load")
    width, inner = phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    scrollers = phone.evaluate(SCROLLERS)
    assert width <= inner, f"{kind}: the page is {width} px wide on a {inner} px screen"
    assert not scrollers, f"{kind}: scrolls sideways inside: {scrollers}"


def test_download_buttons_keep_apart_on_a_phone(phone: Page) -> None:
    for path in ("roles/instructional-coach/", "job-description/"):
        phone.goto(path)
        boxes = [b.bounding_box() for b in phone.locator("a.md-button[download]").all()[:2]]
        first, second = boxes
        assert first and second
        if second["y"] >= first["y"] + first["height"] - 1:  # wrapped onto the next line
            gap = second["y"] - (first["y"] + first["height"])
        else:  # side by side
            gap = second["x"] - (first["x"] + first["width"])
        assert gap >= 8, f"{path}: download buttons {gap:.0f} px apart"


def test_guides_index_gives_each_guide_the_width_of_the_screen(phone: Page, catalog) -> None:
    phone.goto("guides/")
    cards = phone.locator(".tl-guide-cards li")
    assert cards.count() == len(catalog.guides)
    for card in cards.all():
        box = card.bounding_box()
        assert box and box["width"] >= 300, f"a guide's card is {box and box['width']} px wide"
