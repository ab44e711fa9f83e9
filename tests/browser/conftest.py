"""Fixtures for the browser tests: the site built once per session with `mkdocs build --strict`
(`built_site` in tests/conftest.py, shared with the other tests), served on a loopback port, and
Debian's Chromium driven by Playwright.

Without Chromium (or Playwright) the tests skip and say how to install it; with
TL_BROWSER_TESTS=required (set by .ci/run) a missing browser fails them instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from harness import launch, missing_browser, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

REQUIRED = os.environ.get("TL_BROWSER_TESTS") == "required"


def _require_browser() -> None:
    if reason := missing_browser():
        if REQUIRED:
            pytest.fail(f"browser tests are required here (TL_BROWSER_TESTS=required): {reason}", pytrace=False)
        pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="session")
def site_dir(built_site: Path) -> Path:
    """The session's build of this project (tests/conftest.py), shared with the checks outside the browser."""
    _require_browser()
    return built_site


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
