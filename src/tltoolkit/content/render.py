"""Jinja environment for page templates, with filters that keep data text plain."""

from __future__ import annotations

import html
import json
import posixpath
import re
import unicodedata
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from . import labels

# Data fields are plain text: characters that Markdown or HTML would act on are
# written as character references, so what an editor typed is what a reader sees.
_MARKUP = re.compile(r"[\\`*_\[\]|#~]")


def plain(value: object) -> str:
    """Data text for Markdown: whitespace folded, HTML and Markdown syntax neutralised."""
    text = " ".join(str(value).split())
    text = html.escape(text, quote=False)
    return _MARKUP.sub(lambda match: f"&#{ord(match.group())};", text)


def front_matter_value(value: object) -> str:
    """A front-matter string (title, description). The theme prints these into HTML
    without escaping (in <title>, meta tags and attributes), so escape them here."""
    return json.dumps(attr(value), ensure_ascii=False)


def attr(value: object) -> str:
    """Data text for an HTML attribute or element: whitespace folded, quotes and markup escaped."""
    return html.escape(" ".join(str(value).split()), quote=True)


def search_text(value: object) -> str:
    """Text the role filter matches typed words against: lower case, accents removed (as roles.js does)."""
    folded = unicodedata.normalize("NFD", " ".join(str(value).split()).lower())
    return attr("".join(char for char in folded if not unicodedata.combining(char)))


def relative_url(from_uri: str, to_uri: str) -> str:
    """Link from one Markdown source file to another (MkDocs resolves and checks it)."""
    target, _, anchor = to_uri.partition("#")
    path = posixpath.relpath(target, posixpath.dirname(from_uri) or ".")
    return f"{path}#{anchor}" if anchor else path


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("tltoolkit", "content/templates"),
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
    env.filters["held"] = labels.HELD.__getitem__
    env.filters["scope"] = labels.SCOPE.__getitem__
    env.filters["selection"] = labels.SELECTION.__getitem__
    env.filters["category"] = labels.CATEGORY.__getitem__
    env.filters["plural"] = lambda count, word, many=None: f"{count} {word if count == 1 else (many or word + 's')}"
    return env


class Renderer:
    """Renders one page template with a `url()` helper relative to that page."""

    def __init__(self) -> None:
        self.env = environment()

    def render(self, uri: str, template: str, /, **context: Any) -> str:
        def url(target: str) -> str:
            return relative_url(uri, target)

        return self.env.get_template(f"{template}.md.j2").render(url=url, uri=uri, **context)
