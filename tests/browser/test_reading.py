"""What a principal notices while reading, checked in Chromium: the keyboard focus outline is
visible enough (3:1), table text is readable, a page with no headings gives its width to the
content, the sidebar of a school page shows no staff pages, and search finds a role by a word
of its responsibilities."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from tltoolkit import Catalog

# The focused element's outline colour and the colour around it: the outline is drawn outside
# the element (a button's own fill is not behind it), so the first opaque background from its
# parent up, or the page's.
FOCUS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  let node = parseFloat(style.outlineOffset) < 0 ? el : el.parentElement, behind = null;
  while (node && node.nodeType === 1) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg && !bg.endsWith(', 0)') && bg !== 'transparent') { behind = bg; break; }
    node = node.parentElement;
  }
  return {outline: style.outlineColor, style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          behind: behind || getComputedStyle(document.body).backgroundColor, tag: el.tagName};
}"""


def _rgb(css: str) -> tuple[float, float, float, float]:
    parts = [float(p) for p in re.findall(r"[\d.]+", css)]
    return (parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else 1.0)


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(front: str, back: str) -> float:
    """WCAG contrast of colour `front` (alpha blended over `back`) against `back`."""
    fr, fg, fb, alpha = _rgb(front)
    br, bg, bb, _ = _rgb(back)
    blended = (fr * alpha + br * (1 - alpha), fg * alpha + bg * (1 - alpha), fb * alpha + bb * (1 - alpha))
    lighter, darker = sorted((_luminance(blended), _luminance((br, bg, bb))), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_helper_agrees_with_known_pairs() -> None:
    assert round(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 1) == 21.0
    assert 2.7 < contrast("rgb(255, 110, 64)", "rgb(255, 255, 255)") < 2.9  # Material's deep orange accent


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focus_outline_stands_out_three_to_one(browser: Browser, base_url: str, scheme: str) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto("roles/instructional-coach/")
        targets = {
            "link in the text": page.locator(".md-content .tl-facts a").first,
            "download button": page.locator(".md-content a.md-button").first,
            "navigation link": page.locator(".md-sidebar--primary a.md-nav__link:visible").first,
        }
        for name, target in targets.items():
            target.focus()
            page.keyboard.press("Shift+Tab")  # keyboard use: the browser shows :focus-visible
            page.keyboard.press("Tab")
            focus = page.evaluate(FOCUS)
            assert focus["style"] != "none" and focus["width"] >= 1, f"{scheme}, {name}: no outline {focus}"
            ratio = contrast(focus["outline"], focus["behind"])
            assert ratio >= 3, (
                f"{scheme}, {name}: focus outline {focus['outline']} on {focus['behind']} is {ratio:.2f}:1"
            )
    finally:
        context.close()


def test_table_text_is_close_to_body_text(page: Page) -> None:
    page.goto("skills/")
    body = float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)"))
    cell = float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset td')).fontSize)"))
    assert cell >= 0.9 * body, f"table text {cell} px against {body} px body text"


def test_a_page_without_headings_gives_the_table_of_contents_column_to_the_content(page: Page) -> None:
    page.goto("guides/")  # no headings under its title
    assert not page.locator(".md-sidebar--secondary").is_visible()
    wide = page.locator(".md-content").bounding_box()
    page.goto("conditions/")  # headings: its table of contents shows
    assert page.locator(".md-sidebar--secondary").is_visible()
    narrow = page.locator(".md-content").bounding_box()
    assert wide and narrow and wide["width"] > narrow["width"] + 150


@pytest.mark.parametrize("path", ["conditions/", "roles/math-coach/"])
def test_a_school_page_sidebar_shows_no_staff_pages_until_asked(page: Page, path: str) -> None:
    page.goto(path)
    sidebar = page.locator(".md-sidebar--primary")
    visible = [urlsplit(a.get_attribute("href") or "").path for a in sidebar.locator("a:visible").all()]
    assert len(visible) >= 8, visible  # the schools' pages, role pages (outside the navigation) too
    assert not [href for href in visible if re.search(r"(editing|maintainers|performance)/$", href)], visible
    staff = sidebar.locator(".md-nav--primary > .md-nav__list > .md-nav__item").last
    assert staff.locator("label, a").first.inner_text().strip() == "For district staff"
    staff.locator("label").first.click()  # the folded section opens on demand
    assert staff.get_by_role("link", name="Keeping the data").is_visible()


def _word_only_in_one_role_s_responsibilities(catalog: Catalog) -> tuple[str, str]:
    """A word (7+ letters) in one role's responsibilities and in no title, summary or other role's."""

    def words(text: str) -> set[str]:
        return set(re.findall(r"[a-z]{7,}", text.lower()))

    elsewhere = set().union(*(words(f"{role.title} {role.summary}") for role in catalog.roles))
    owners: dict[str, set[str]] = {}
    for role in catalog.roles:
        for word in words(" ".join(role.responsibilities)):
            owners.setdefault(word, set()).add(role.id)
    candidates = sorted((w, ids.pop()) for w, ids in owners.items() if len(ids) == 1 and w not in elsewhere)
    assert candidates
    return candidates[0]


def test_search_finds_a_role_by_a_word_only_in_its_responsibilities(page: Page, catalog: Catalog) -> None:
    word, role_id = _word_only_in_one_role_s_responsibilities(catalog)
    page.goto("")
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.trim() !== 'Initializing search'"
    )
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type(word)
    page.locator(".md-search-result__list > li").first.wait_for()
    found = [
        urlsplit(a.get_attribute("href") or "").path for a in page.locator(".md-search-result__list > li > a").all()
    ]
    assert f"/roles/{role_id}/" in found, f"searching {word!r}: {found}"
    # The result says where the word comes from, and runs no facts together.
    result = page.locator(".md-search-result__list > li > a").nth(found.index(f"/roles/{role_id}/")).inner_text()
    assert catalog.role[role_id].title in result and "When held" not in result
    assert "From its responsibilities:" in result and word in result.lower()
