"""Jinja environment for page templates, with filters that keep data text plain."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import posixpath
import types
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import quote

import pydantic
import pydantic_core
from jinja2 import Environment, PackageLoader, StrictUndefined

from ..compiled import Compiled
from ..content import labels, role_facts
from ..source import safe_text
from . import html_parts, inventory, offline, search_terms

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


@dataclass(frozen=True)
class Links:
    """Links between pages as MkDocs writes them into a page's HTML, for HTML the toolkit writes itself
    (`html_parts`): MkDocs' rules for a page's address (`File.url`, following `use_directory_urls`)
    and for one address relative to another (`utils.get_relative_url`); tests compare the two."""

    directory_urls: bool = True

    def url(self, uri: str) -> str:
        """The site address of a Markdown source file: roles/x.md is roles/x/ (or roles/x.html)."""
        return _page_url(uri, self.directory_urls)

    def __call__(self, from_uri: str, to_uri: str) -> str:
        """The link from one page (a Markdown source path) to another, as MkDocs writes it."""
        return _relative_url(self.url(to_uri), self.url(from_uri))


@lru_cache(maxsize=1 << 16)  # the same few thousand pages, build after build
def _page_url(uri: str, directory_urls: bool) -> str:
    """As MkDocs' File.url for a Markdown source (`File.dest_uri`, then `index.html` dropped)."""
    parent, name = posixpath.split(uri)
    stem = posixpath.splitext(name)[0]
    stem = "index" if stem == "README" else stem
    if not directory_urls or stem == "index":
        url = posixpath.join(parent, stem + ".html")
    else:
        url = posixpath.join(parent, stem, "index.html")
    if directory_urls and url.rpartition("/")[2] == "index.html":
        url = (posixpath.dirname(url) or ".") + "/"
    return quote(url)


# One address relative to another, as MkDocs writes it (the offline copy's rule, kept per pair:
# the inventory asks for the same few thousand links on every build).
_relative_url = lru_cache(maxsize=1 << 16)(offline.relative_url)


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
    env.globals["html_marker"] = html_parts.marker  # where HTML made apart goes (html_parts.py)
    env.globals["inventory_sorts"] = inventory.SORTS
    env.globals["search_terms"] = search_terms.role_terms
    env.tests["ranked"] = role_facts.ranked  # roles the principal fills: the only ones matching ranks
    env.filters["plural"] = lambda count, word, many=None: f"{count} {word if count == 1 else (many or word + 's')}"
    return env


_PLAIN = frozenset({str, int, float, bool, type(None)})  # values whose repr shows all of them


@dataclass
class Memo:
    """Pages rendered by earlier builds (`mkdocs serve`), under a hash of their template and context:
    a page whose data did not change is not rendered again."""

    kept: dict[str, str] = field(default_factory=dict)
    compiled: Compiled = field(default_factory=Compiled)  # the page templates
    rendered: list[str] = field(default_factory=list)  # this build's pages that were rendered (not reused)
    _used: set[str] = field(default_factory=set)

    def begin(self) -> None:
        self.rendered, self._used = [], set()

    def end(self) -> None:
        """Forget the pages this build did not ask for (old versions, removed roles)."""
        for key in set(self.kept) - self._used:
            del self.kept[key]


class Renderer:
    """Renders one page template with a `url()` helper relative to that page, plus `common` context."""

    def __init__(self, memo: Memo | None = None, links: Links | None = None, **common: Any) -> None:
        self.env = environment()
        self.common = common
        self.memo = memo
        self.links = links or Links()
        self._hashes: dict[int, tuple[object, str]] = {}  # id -> (object, its hash): held, so no id is reused
        if memo is not None:
            self.env.bytecode_cache = memo.compiled
            sources = [self.env.loader.get_source(self.env, name)[0] for name in self.env.list_templates()]  # type: ignore[union-attr]
            self._templates = hashlib.sha256("\0".join(sources).encode()).hexdigest()

    def render(self, uri: str, template: str, /, **context: Any) -> str:
        """Page `uri`'s Markdown from `template`.md.j2; its `url()` links to other Markdown sources."""

        def url(target: str) -> str:
            return relative_url(uri, target)

        return self._render(uri, f"{template}.md.j2", url, **context)

    def html(self, uri: str, template: str, /, **context: Any) -> str:
        """HTML for page `uri` (`html_parts`) from `template`.html.j2; its `url()` gives the address
        MkDocs would write for a link to another Markdown source."""

        def url(target: str) -> str:
            return self.links(uri, target)

        return self._render(uri, f"{template}.html.j2", url, **context)

    def _render(self, uri: str, template: str, url: Any, /, **context: Any) -> str:
        def render() -> str:
            return self.env.get_template(template).render(url=url, uri=uri, **self.common, **context)

        if self.memo is None:
            return render()
        parts = [self._templates, uri, template, self._hash(self.links), self._hash(self.common), self._hash(context)]
        key = hashlib.sha256("\0".join(parts).encode()).hexdigest()
        self.memo._used.add(key)
        if (kept := self.memo.kept.get(key)) is None:
            kept = self.memo.kept[key] = render()
            if template.endswith(".md.j2"):  # a page counts once (its HTML parts change with its data)
                self.memo.rendered.append(uri)
        return kept

    def _hash(self, value: Any) -> str:
        """A hash of everything a template can read of `value`: the data models' and catalog's
        reprs show every field (functions show their name and the values they were given)."""
        if isinstance(value, (str, int, float, bool)) or value is None:
            return repr(value)
        if (known := self._hashes.get(id(value))) is not None:
            # Also a list or dict seen before in this build (the catalog's, shared by thousands of
            # pages): nothing changes the catalog or a page's context while the pages are made.
            return known[1]
        if isinstance(value, (list, tuple)):
            if all(type(item) in _PLAIN for item in value):  # text and numbers only: their repr says it all
                return repr(value)
            text = "[" + ",".join(self._hash(item) for item in value) + "]"
            self._hashes[id(value)] = (value, text)
            return text
        if isinstance(value, dict) and type(value) is dict:
            text = "{" + ",".join(f"{self._hash(k)}:{self._hash(v)}" for k, v in value.items()) + "}"
            self._hashes[id(value)] = (value, text)
            return text
        if known is None:
            known = self._hashes[id(value)] = (value, hashlib.sha256(self._describe(value).encode()).hexdigest())
        return known[1]

    def _describe(self, value: Any) -> str:
        """The text hashed for an object: a catalog (or a method or partial of it) by its fields'
        hashes, so the thousands of roles inside are described once a build, not once a page."""
        if isinstance(value, types.MethodType):
            return f"method {value.__func__.__qualname__} of {self._hash(value.__self__)}"
        if isinstance(value, functools.partial):
            return f"partial {self._hash(value.func)} {self._hash(value.args)} {self._hash(dict(value.keywords))}"
        if isinstance(value, pydantic.BaseModel):  # a data model: every field, serialized by pydantic's core
            with contextlib.suppress(pydantic_core.PydanticSerializationError):
                return f"{type(value).__module__}.{type(value).__qualname__} {value.model_dump_json(warnings=False)}"
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = [self._hash(getattr(value, f.name)) for f in dataclasses.fields(value)]
            return f"{type(value).__qualname__}({','.join(fields)})"
        return repr(value)
