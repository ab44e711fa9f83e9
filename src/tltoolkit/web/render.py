"""Jinja environment for page templates, with filters that keep data text plain."""

from __future__ import annotations

import posixpath
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..content import labels, role_facts
from ..source import safe_text
from . import inventory, search_terms

# Data fields are plain text: every filter that writes data into a page comes from
# `tltoolkit.source.safe_text`, which states the policy. `plain` is the Markdown one.
plain = safe_text.markdown
attr = safe_text.markdown  # same escaping: valid in raw HTML text and quoted attributes
front_matter_value = safe_text.front_matter
search_text = safe_text.search_text


# posixpath.relpath asks the system for the working folder on every call: with a few folders and
# the same targets linked from page after page, remembering the answers saves that (and its work).
_relpath = lru_cache(maxsize=1 << 16)(posixpath.relpath)


def relative_url(from_uri: str, to_uri: str) -> str:
    """Link from one Markdown source file to another (MkDocs resolves and checks it)."""
    target, _, anchor = to_uri.partition("#")
    path = _relpath(target, posixpath.dirname(from_uri) or ".")
    return f"{path}#{anchor}" if anchor else path


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("tltoolkit", "web/templates"),
        undefined=StrictUndefined,  # a typo in a template fails the build, not the page
        auto_reload=False,  # one environment per build: templates cannot change within it
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # `{#anchor}` is Markdown attribute syntax here, not a Jinja comment.
        comment_start_string="{%#",
        comment_end_string="#%}",
        autoescape=False,  # output is Markdown; data goes through the `t` filter
    )
    env.filters["t"] = plain
    env.filters["yaml_str"] = front_matter_value
    env.filters["attr"] = attr
    env.filters["search_text"] = search_text
    env.filters.update(labels.FILTERS)
    env.globals["who_fills"] = role_facts.who_fills
    env.filters["one_line"] = inventory.one_line  # the inventory's summary under each title
    env.globals["filter_index"] = inventory.filter_index  # the inventory's word index (words.py)
    env.globals["inventory_sorts"] = inventory.SORTS
    env.globals["search_terms"] = search_terms.role_terms
    env.tests["ranked"] = role_facts.ranked  # roles the principal fills: the only ones matching ranks
    env.filters["plural"] = lambda count, word, many=None: f"{count} {word if count == 1 else (many or word + 's')}"
    return env


class Renderer:
    """Renders one page template with a `url()` helper relative to that page, plus `common` context."""

    def __init__(self, **common: Any) -> None:
        self.env = environment()
        self.common = common

    def render(self, uri: str, template: str, /, **context: Any) -> str:
        def url(target: str) -> str:
            return relative_url(uri, target)

        return self.env.get_template(f"{template}.md.j2").render(url=url, uri=uri, **self.common, **context)
