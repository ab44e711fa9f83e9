"""HTML a generated page gets after MkDocs has converted its Markdown: lists written as HTML directly.

The role inventory's table (a row per role) and the word filter's index, and the planner's copy of
the inventory, change whenever one role does. As Markdown, each edit while serving converted them
again (the inventory: 0.4 s at 500 roles, 2.4 s at 2,000, the largest single cost of a rebuild),
and the search plugin read the table back. Instead a page's Markdown holds a marker (an HTML
comment, which Markdown passes through as it is) where each part goes, and the page carries the
parts' HTML (`site.Page.html`); `fill` puts them into the finished page, after the theme and the
toolkit's corrections. So the page's Markdown, its HTML and its theme output stay the same when a
role changes, and `mkdocs serve` reuses them (`serving`: the output kept is the one with the
markers); only the parts are made again.

What this gives up: MkDocs checks no link in a part (they are made from ids the catalog checked, by
`render.Links`, which follows MkDocs' rules) and the search plugin does not read a part (the
inventory's table is excluded from search anyway, and a script never was). Data text in a part is
escaped as in any page (`safe_text.markdown`: numeric references, valid in HTML).
"""

from __future__ import annotations

from collections.abc import Mapping

_MARKER = "<!-- toolkit: {} -->"


class MissingMarker(Exception):
    """A page carries a part its HTML has no place for (a template lost its marker)."""


def marker(name: str) -> str:
    """Where part `name` goes in a page's Markdown (and so in its HTML)."""
    return _MARKER.format(name)


def fill(uri: str, html: str, parts: Mapping[str, str]) -> str:
    """Page `uri`'s finished HTML with each part in place of its marker (each marker is there once)."""
    for name, part in parts.items():
        before, found, after = html.partition(marker(name))
        if not found or marker(name) in after:
            raise MissingMarker(f"{uri}: the page should hold {marker(name)} once, to be replaced by its HTML")
        html = before + part + after
    return html


def data_script(element_id: str, json_text: str) -> str:
    """A JSON data block (`json_text` already safe inside <script>: `site.script_json`)."""
    return f'<script type="application/json" id="{element_id}">{json_text}</script>'
