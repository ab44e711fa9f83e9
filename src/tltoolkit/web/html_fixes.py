"""Corrections to the HTML Material for MkDocs writes, made on each finished page.

Material 9.x writes a few things the accessibility check (axe) and the HTML check (Nu HTML Checker)
reject. Fixing them in the finished HTML, instead of in copies of Material's templates, keeps
`overrides/` to the toolkit's own block: a copied template silently goes stale when Material
changes, while a fix here only touches markup that still has the problem. tests/test_overrides.py
checks that the installed Material still writes each target, so an upgrade that changes one says so.

`on_post_template` has MkDocs' event signature: hooks/toolkit.py imports it as its own event, and
its `on_post_page` applies `fix_page` to each page. Nothing here imports MkDocs.
"""

from __future__ import annotations

import re
from typing import Any

# HTML allows `autocomplete` only on text-like inputs; Material puts autocomplete="off" on its two
# page toggles (checkboxes), which the Nu HTML Checker reports as an error on every page.
_CHOICE_INPUT = re.compile(r'<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*>')
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')

# The logo's link already carries the site's name (aria-label); Material's alt="logo" made a
# screen reader say the word "logo" after it. Decorative inside the link: alt="".
_LOGO_ALT = re.compile(r'(class="md-(?:header|nav)__button md-logo"[^>]*>\s*<img\b[^>]*?\balt=")logo(")')

# A dialog must have a name (axe: aria-dialog-name). Material's search dialog has none; it gets
# the word Material already uses, in the site's language, for the search options inside it.
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_NAME = re.compile(r'<nav class="md-search__options" aria-label="([^"]*)">')

# The table of contents' title is a label for the "__toc" toggle, which Material draws only for
# pages in the navigation (role, skill and guide pages are not). A label for a missing control is
# invalid HTML, so the title loses its `for` where the page has no such toggle.
_TOC_TITLE = '<label class="md-nav__title" for="__toc">'
_TOC_TOGGLE = 'id="__toc"'

# MkDocs' sitemap writes <lastmod> from the build date; a build with no real date (see
# reproducible.build_date) must not publish the placeholder as a fact.
_LASTMOD = re.compile(r"<lastmod>[^<]*</lastmod>")


def fix_page(html: str) -> str:
    """One page of the site (or Material's 404 page) with the corrections above."""
    html = _CHOICE_INPUT.sub(lambda tag: _AUTOCOMPLETE.sub("", tag[0]), html)
    html = _LOGO_ALT.sub(r"\1\2", html)
    if _SEARCH_DIALOG in html and (name := _SEARCH_NAME.search(html)):
        html = html.replace(_SEARCH_DIALOG, f'{_SEARCH_DIALOG[:-1]} aria-label="{name[1]}">')
    if _TOC_TOGGLE not in html:
        html = html.replace(_TOC_TITLE, '<label class="md-nav__title">')
    return html


def undated_sitemap(xml: str) -> str:
    """The sitemap without <lastmod>, for a build whose date is unknown."""
    return _LASTMOD.sub("", xml)


# --- MkDocs events (hooks/toolkit.py imports these) ----------------------------------------------


def on_post_template(output_content: str, /, *, template_name: str, config: Any) -> str:
    """Pages MkDocs renders from the theme alone: Material's 404.html, and the sitemap."""
    if template_name.endswith(".html"):
        return fix_page(output_content)
    if template_name == "sitemap.xml" and config["extra"].get("sitemap_dates") is False:
        return undated_sitemap(output_content)
    return output_content
