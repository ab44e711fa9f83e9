"""Material's HTML is corrected on the finished page (src/tltoolkit/web/html_fixes.py), not in copies of
its templates: this notices when a Material (or MkDocs) upgrade changes what a correction targets.

Each correction is checked against the installed template's own text, rendered with placeholders
for its Jinja expressions. If Material rewrites that markup, the test names the template: look at
the new markup, then update or drop the correction (the HTML check in test_site_build.py and the
accessibility check in tests/browser/ say whether the problem is still there).
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import mkdocs
import pytest

from tltoolkit.web.html_fixes import fix_page, on_post_template

ROOT = Path(__file__).resolve().parents[1]
MATERIAL = Path(material.__file__).parent / "templates"
MKDOCS = Path(mkdocs.__file__).parent / "templates"


def _line(template: Path, marker: str) -> str:
    """The one line of `template` holding `marker`, as written there (Jinja left in)."""
    found = [line.strip() for line in template.read_text(encoding="utf-8").splitlines() if marker in line]
    assert len(found) == 1, (
        f"{template} has {len(found)} lines with {marker!r} (expected one): has Material changed it?"
    )
    return found[0]


def _rendered(line: str) -> str:
    """A template line with each `{{ ... }}` replaced by a sample value and `{% ... %}` tags dropped."""
    return re.sub(r"\{%.*?%\}", "", re.sub(r"\{\{.*?\}\}", "Sample", line))


def test_page_toggles_lose_autocomplete() -> None:
    for toggle in ("__drawer", "__search"):
        line = _line(MATERIAL / "base.html", f'id="{toggle}"')
        assert 'type="checkbox"' in line and 'autocomplete="off"' in line, line
        assert fix_page(line) == line.replace(' autocomplete="off"', "")
    text_input = _line(MATERIAL / "partials" / "search.html", 'class="md-search__input"')
    assert 'autocomplete="off"' in text_input
    assert fix_page(_rendered(text_input)) == _rendered(text_input)  # allowed on a text field: kept


def test_logo_image_is_decorative_inside_its_named_link() -> None:
    image = _rendered(_line(MATERIAL / "partials" / "logo.html", "<img "))
    assert image.endswith('alt="logo">'), image
    for partial in ("header.html", "nav.html"):
        link = _rendered(_line(MATERIAL / "partials" / partial, " md-logo"))
        assert 'aria-label="Sample"' in link, link  # the link names the site
        html = f"{link}\n  {image}\n</a>"
        assert fix_page(html) == html.replace('alt="logo"', 'alt=""'), partial
    assert fix_page(image) == image  # an image outside the logo link keeps its alt text


def test_search_dialog_gets_the_name_material_gives_its_options() -> None:
    search = MATERIAL / "partials" / "search.html"
    dialog = _line(search, 'role="dialog"')
    options = _line(search, 'class="md-search__options"')
    assert options == """<nav class="md-search__options" aria-label="{{ lang.t('search') }}">""", options
    html = f"{dialog}\n{_rendered(options).replace('Sample', 'Search')}"
    assert fix_page(html) == html.replace('role="dialog">', 'role="dialog" aria-label="Search">')
    assert fix_page(fix_page(html)) == fix_page(html)  # named once


def test_toc_title_points_at_the_toc_toggle_only_where_the_page_has_it() -> None:
    title = _line(MATERIAL / "partials" / "toc.html", 'class="md-nav__title"')
    toggle = _line(MATERIAL / "partials" / "nav-item.html", 'id="__toc"')
    assert title == '<label class="md-nav__title" for="__toc">' and 'type="checkbox"' in toggle
    assert fix_page(title) == '<label class="md-nav__title">'  # a page outside the navigation: no toggle
    assert fix_page(f"{toggle}\n{title}") == f"{toggle}\n{title}"


def test_sitemap_states_lastmod_only_for_a_dated_build() -> None:
    line = _line(MKDOCS / "sitemap.xml", "<lastmod>")
    xml = f"<url>\n  <loc>https://example.org/</loc>\n  {_rendered(line).replace('Sample', '2025-03-10')}\n</url>"
    assert "<lastmod>2025-03-10</lastmod>" in xml
    undated = on_post_template(xml, template_name="sitemap.xml", config={"extra": {"sitemap_dates": False}})
    assert "<lastmod>" not in undated and "<loc>https://example.org/</loc>" in undated
    assert on_post_template(xml, template_name="sitemap.xml", config={"extra": {"sitemap_dates": True}}) == xml


def test_materials_404_page_is_corrected_too() -> None:
    page = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
    assert on_post_template(page, template_name="404.html", config={"extra": {}}) == fix_page(page) != page


def _code_lines(template: str) -> set[str]:
    """The lines of a template that do something (no comments, no short `{% endblock %}`-like lines)."""
    template = re.sub(r"\{#.*?#\}", "", template, flags=re.DOTALL)
    return {line.strip() for line in template.splitlines() if len(line.strip()) > 20 and "{% extends" not in line}


OVERRIDES = sorted(p.relative_to(ROOT / "overrides") for p in (ROOT / "overrides").rglob("*") if p.is_file())


@pytest.mark.parametrize("override", OVERRIDES, ids=str)
def test_overrides_fill_materials_blocks_instead_of_copying_templates(override: Path) -> None:
    """A copied template goes stale unnoticed when Material changes; a block override does not."""
    ours = (ROOT / "overrides" / override).read_text(encoding="utf-8")
    advice = "fill a block of a template Material has, or correct the HTML in src/tltoolkit/web/html_fixes.py"
    assert re.match(r'(\{#.*?#\}\s*)?\{% extends "[^"]+" %\}', ours, flags=re.DOTALL), (
        f"overrides/{override} extends nothing: {advice}"
    )
    originals = [folder / override for folder in (MATERIAL, MKDOCS) if (folder / override).is_file()]
    for original in originals:
        shared = _code_lines(ours) & _code_lines(original.read_text(encoding="utf-8"))
        assert not shared, f"overrides/{override} copies lines of {original}: {sorted(shared)[:3]}; {advice}"
