"""axe-core (the npm package, installed by scripts/test) on every kind of page, in the light and
dark colour schemes at desktop width and in the light scheme at phone width: no serious or
critical violation.

Rules checked: WCAG 2.0, 2.1 and 2.2 levels A and AA, and axe's best practices. Colour contrast
is among them, so each scheme's colours are checked. The explorer pages are checked with their
filters in use too, and the search dialog with results showing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import REQUIRED
from harness import PAGE_KINDS, node_tool

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BLOCKING = {"serious", "critical"}
SCHEMES = ["light", "dark"]
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}
# Page kinds, plus the explorer pages in use (filters applied, roles ranked).
PAGES = {
    **PAGE_KINDS,
    "roles-filtered": "roles/?text=coach&skill=data-use&held=partial-release",
    "roles-filtered-standard": "roles/?standard=families-community&scope=school",
    "match-ranked": "roles/match/?skill=data-use&skill=equity&skill=adult-learning",
}
RUN_AXE = """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then((result) => result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + (n.failureSummary || '').split('\\n').slice(0, 2).join(' ')),
  })))"""


@pytest.fixture(scope="module")
def axe_script() -> str:
    path = node_tool("axe-core/axe.min.js")
    if path is None:
        reason = "axe-core is not installed: run the tests with scripts/test, which runs `npm ci`"
        if REQUIRED:
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return path.read_text(encoding="utf-8")


def run_axe(page: Page, axe_script: str) -> list[dict]:
    page.add_script_tag(content=axe_script)
    return page.evaluate(RUN_AXE, TAGS)


def report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['impact']}: {v['id']} ({v['help']}), {len(v['nodes'])} element(s)")
        lines += [f"    {node}" for node in v["nodes"][:5]]
    return "\n".join(lines)


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in BLOCKING]


# Colours do not change with the width, so phones are checked in the light scheme only.
CASES = [(scheme, device) for scheme in SCHEMES for device in VIEWPORTS if scheme == "light" or device == "desktop"]


@pytest.mark.parametrize(("scheme", "device"), CASES)
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_serious_accessibility_violations(
    browser: Browser, base_url: str, axe_script: str, kind: str, scheme: str, device: str
) -> None:
    width, height = VIEWPORTS[device]
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": height}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(PAGES[kind])
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        if kind in ("roles-filtered", "match-ranked"):
            page.wait_for_selector("#tl-role-filters:not([hidden]), #tl-match:not([hidden])")
        violations = blocking(run_axe(page, axe_script))
    finally:
        context.close()
    assert not violations, f"{PAGES[kind] or 'home'} ({scheme}, {device}):\n{report(violations)}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_dialog_with_results_has_no_serious_violations(
    browser: Browser, base_url: str, axe_script: str, scheme: str
) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto("")
        # Material drops a query typed before its search worker has built the index (slow on a
        # busy machine): wait for it, then type key by key as a person does.
        page.wait_for_function(
            "document.querySelector('.md-search-result__meta').textContent.trim() !== 'Initializing search'"
        )
        page.get_by_role("textbox", name="Search").click()
        page.keyboard.type("coach")
        page.locator(".md-search-result__list > li").first.wait_for()
        violations = blocking(run_axe(page, axe_script))
    finally:
        context.close()
    assert not violations, f"search dialog ({scheme}):\n{report(violations)}"
