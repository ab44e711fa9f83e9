"""In Chromium: a site built from data with an attack in every text field runs no script
from the data and requests nothing the data names.

Every page kind is opened, hovered and clicked where attributes could have been injected;
the search box is given the attack too. `window.__pwned` is what every payload sets.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from harness import serve

PAGES = [
    "", "roles/", "roles/match/", "roles/grade-level-team-leader/", "skills/", "skills/data-use/",
    "principal-moves/", "conditions/", "guides/", "guides/clarifying-the-role/", "job-description/",
    "focus-area/", "competencies/", "reflection/", "bibliography/", "plan/",
]  # fmt: skip
# Every event a handler written into the data could listen for when a reader points at, presses or
# clicks an element, sent to each visible one (`dispatchEvent` runs the element's listeners as a
# real pointer would; a page with an injected attribute fails the attribute check below anyway).
POKE = """() => {
  const events = ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'pointermove', 'mousemove',
                  'pointerdown', 'mousedown', 'focusin', 'pointerup', 'mouseup', 'click', 'mouseout', 'mouseleave'];
  for (const el of document.querySelectorAll('article h1, article h2, article h3, article td, article li, article p')) {
    if (!el.checkVisibility()) continue;
    for (const type of events) {
      const Kind = type.startsWith('pointer') ? PointerEvent : type.startsWith('focus') ? FocusEvent : MouseEvent;
      el.dispatchEvent(new Kind(type, {bubbles: !type.endsWith('enter') && !type.endsWith('leave'), cancelable: true, view: window}));
    }
  }
}"""


@pytest.fixture(scope="module")
def hostile_url(built_hostile_data, browser) -> Iterator[tuple[str, str]]:
    """The site served, and the bait URL in its data (the session's build, shared with tests/test_safety.py)."""
    with serve(built_hostile_data.site) as url:
        yield url, built_hostile_data.url


def test_no_script_from_the_data_runs_on_any_page(browser, hostile_url) -> None:
    url, bait = hostile_url
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    page.on("popup", lambda popup: dialogs.append(f"popup {popup.url}"))
    try:
        for path in PAGES:
            page.goto(url + path)
            page.wait_for_load_state("load")
            # Point at and click what data could have put attributes on: headings, cells, list items,
            # paragraphs. The events are sent inside the page, all at once (one round trip a page,
            # where Playwright's hover and dispatch took three an element).
            page.evaluate(POKE)
            assert page.evaluate("() => window.__pwned === undefined"), (
                f"{path}: {page.evaluate('() => window.__pwned')}"
            )
            assert (
                page.evaluate(
                    "() => document.querySelectorAll('article iframe, article object, article embed, article base').length"
                )
                == 0
            )
            injected = page.evaluate(
                """() => [...document.querySelectorAll('article *')].flatMap(el => [...el.attributes]
                    .filter(a => a.name.startsWith('on') || /^\\s*(javascript|data|vbscript):/i.test(a.value) && ['href','src','action'].includes(a.name))
                    .map(a => el.tagName + ' ' + a.name))"""
            )
            assert injected == [], f"{path}: {injected}"
            # The attack shows as text the reader can see (the home page is hand-written).
            assert not path or "<script>window.__pwned=" in page.locator("article").inner_text(), path
        # Search the attack: results render data from the search index.
        page.goto(url)
        # Typed once search is ready, as a visitor does: Material reads the box on key presses.
        page.wait_for_function(
            "document.querySelector('.md-search-result__meta').textContent.trim() !== 'Initializing search'",
            timeout=30_000,
        )
        page.get_by_role("textbox", name="Search").click()
        page.keyboard.type("grades")
        first = page.locator(".md-search-result__list > li").first.locator("a").first
        first.wait_for(timeout=30_000)  # the search index of this data is large: the worker takes a while
        for result in page.locator(".md-search-result__list a").all()[:10]:
            if result.is_visible():
                result.hover()
        assert "<script>window.__pwned=" in first.inner_text()  # shown as text
        assert page.evaluate("() => window.__pwned === undefined"), page.evaluate("() => window.__pwned")
    finally:
        context.close()
    assert dialogs == []
    assert not [r for r in requests if r.startswith(bait)], "a page requested the bait URL named in the data"
    assert all(r.startswith(url) for r in requests), [r for r in requests if not r.startswith(url)]


def test_the_conditions_check_shows_hostile_names_as_text(browser, hostile_url) -> None:
    """Rated, a condition whose name and strategies hold markup goes into the action plan as text."""
    url, _bait = hostile_url
    context = browser.new_context(base_url=url)
    page = context.new_page()
    try:
        page.goto("conditions/")
        page.wait_for_selector("#tl-cc-plan:not([hidden])")
        for radio in page.locator(".tl-cc-rating input[value='1']").all():
            radio.check()
        item = page.locator("#tl-cc-list > li").first
        assert "<script>window.__pwned=" in item.locator("h3").inner_text()
        assert "<script>window.__pwned=" in item.locator("ul li").first.inner_text()
        assert "<script>window.__pwned=" in page.locator("#tl-cc-status").inner_text()
        item.locator("a").first.hover()
        assert page.evaluate("() => window.__pwned === undefined"), page.evaluate("() => window.__pwned")
        assert page.locator("#tl-cc-list script, #tl-cc-list img, #tl-cc-list svg").count() == 0
    finally:
        context.close()
