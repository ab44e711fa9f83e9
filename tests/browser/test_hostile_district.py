"""In Chromium: a district whose name, licence and contact carry markup runs no script from them,
opens no dialog, requests nothing, and shows each value as typed in the tab title, header,
navigation and footer. The values are in tests/hostile_district.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from harness import PAGE_KINDS, serve
from hostile_district import CONTACT_NAME, LICENCE, SITE_NAME

# Page kinds the minimal data has (its roles differ from the full data's).
PAGES = [path for kind, path in PAGE_KINDS.items() if kind != "role"] + ["roles/data-team-facilitator/"]


@pytest.fixture(scope="module")
def district_url(built_hostile_district: Path, browser) -> Iterator[str]:
    with serve(built_hostile_district) as url:  # the session's build, shared with tests/test_district_text.py
        yield url


def test_district_values_run_nothing_and_read_as_typed(browser, district_url: str) -> None:
    url = district_url
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
            # Hover and click where the values are: the logo link, the header title, the footer.
            for element in page.locator(".md-header a.md-logo, .md-header__topic, .md-footer-meta *").all():
                if element.is_visible():
                    element.hover(force=True)
                    element.dispatch_event("mouseover")
            assert page.evaluate("() => window.__pwned === undefined"), (
                f"{path}: {page.evaluate('() => window.__pwned')}"
            )
            assert page.title() == SITE_NAME or page.title().endswith(f" - {SITE_NAME}"), path
            assert page.locator(".md-header__topic .md-ellipsis").first.inner_text().strip() == SITE_NAME, path
            assert page.locator(".md-header a.md-logo").get_attribute("aria-label") == SITE_NAME, path
            assert page.locator(".tl-licence").inner_text() == LICENCE, path
            assert CONTACT_NAME in page.locator(".tl-contact").inner_text(), path
            assert (
                page.evaluate(
                    "() => document.querySelectorAll('.md-header img, .md-footer img, .md-footer b, svg[onload]').length"
                )
                == 0
            ), path
        # On a phone the navigation drawer shows the site name too.
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(url + "roles/")
        page.locator("label.md-header__button[for='__drawer']").click()
        drawer_title = page.locator("nav.md-nav--primary > label.md-nav__title")
        drawer_title.wait_for(state="visible")
        assert drawer_title.inner_text().strip() == SITE_NAME
        assert page.evaluate("() => window.__pwned === undefined")
    finally:
        context.close()
    assert dialogs == []
    assert all(r.startswith(url) for r in requests), [r for r in requests if not r.startswith(url)]
