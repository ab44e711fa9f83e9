"""Private by default: the site asks no other host for anything (no web fonts, icons, scripts or
analytics from elsewhere). Every request the browser makes is recorded while it loads every kind
of page, runs a site search and uses the role explorer; all must go to the site's own address.
Requests to other hosts are recorded and then refused, so the test never reaches the network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from harness import PAGE_KINDS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Request, Route


def record_requests(page: Page, base_url: str) -> list[str]:
    """Every URL the page asks for from now on; those for other hosts are refused after recording."""
    seen: list[str] = []
    origin = urlsplit(base_url).netloc

    def on_request(request: Request) -> None:
        seen.append(request.url)

    def refuse_outside(route: Route) -> None:
        if urlsplit(route.request.url).netloc == origin:
            route.continue_()
        else:
            route.abort()

    page.on("request", on_request)
    page.route("**/*", refuse_outside)
    return seen


def elsewhere(urls: list[str], base_url: str) -> list[str]:
    origin = urlsplit(base_url)
    return [url for url in urls if urlsplit(url)[:2] != origin[:2] and urlsplit(url).scheme not in ("data", "blob")]


def test_every_page_kind_asks_only_its_own_site(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    seen = record_requests(page, base_url)
    for path in PAGE_KINDS.values():
        page.goto(path)
        page.wait_for_load_state("networkidle")
    context.close()
    assert len(seen) > len(PAGE_KINDS), "the pages' own files were requested too"
    assert any(url.endswith(".woff2") for url in seen), "the self-hosted typeface was loaded"
    assert not elsewhere(seen, base_url), "\n".join(elsewhere(seen, base_url))


def test_search_and_explorer_ask_only_their_own_site(page: Page, base_url: str) -> None:
    seen = record_requests(page, base_url)
    page.goto("")
    # Typed once search is ready: Material reads the box on key presses and when the index is
    # ready, so text filled in at once, with no key pressed, is only seen if the index is slower.
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.trim() !== 'Initializing search'"
    )
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type("coach")
    page.locator(".md-search-result__list > li").first.wait_for()
    assert any("search_index.json" in url for url in seen), "the search index came from the site"
    assert any("search_prebuilt.json" in url for url in seen), "so did the word counts the search worker fetches"

    page.goto("roles/")
    page.wait_for_selector("#tl-role-filters:not([hidden])")
    page.locator("#tl-filter-q").fill("data")
    page.locator("#tl-role-filters select").first.select_option(index=1)
    page.goto("roles/match/")
    page.wait_for_selector("#tl-match:not([hidden])")
    page.locator("#tl-match input[type=checkbox]").first.check()
    page.wait_for_load_state("networkidle")
    assert not elsewhere(seen, base_url), "\n".join(elsewhere(seen, base_url))
