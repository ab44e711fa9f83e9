"""The names an id may not take, read off the outputs themselves.

An id becomes a path (`roles/<id>.md`, `downloads/job-descriptions/<id>.pdf`) or an anchor on a
page (`conditions/index.md#<id>`). A role called `blank` would overwrite the blank template's files,
a guide called `all-guides` the booklet, a skill called `index` the skills page, and a condition
named like a heading on its page would take that heading's anchor. Rather than keep a second list
of such names by hand, the outputs are built once from a small probe catalog, one item of each
kind with a marker for its id: every path or anchor holding a marker is a pattern for that kind,
and every fixed path or anchor that fits a pattern is a name the kind may not use. A new page or
download reserves its name without any change here.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import re
import types
import typing
import unicodedata
from datetime import date
from typing import Any

from annotated_types import MinLen
from pydantic import BaseModel

from . import models as m

FILLER = "qqfillerqq"  # free text in the probe; a heading holding it comes from data, not from a template


def marker(model: type[BaseModel]) -> str:
    return f"qq{model.__name__.lower()}qq"


@functools.cache
def reserved() -> dict[type[BaseModel], dict[str, str]]:
    """Model with an `id` -> {reserved id: what already uses it, in words, with its path}."""
    pages, paths = _outputs()
    titles = {uri: title for uri, markdown in pages.items() if (title := _title(markdown))}
    fixed = [path for path in paths if not _markers_in(path)]
    taken: dict[type[BaseModel], dict[str, list[str]]] = {}
    for path in paths:
        for model, mark in _markers_in(path):
            pattern = re.compile("^" + re.escape(path).replace(re.escape(mark), f"({m.SLUG})") + "$")
            for other in fixed:
                if match := pattern.match(other):
                    taken.setdefault(model, {}).setdefault(match.group(1), []).append(other)
    result: dict[type[BaseModel], dict[str, str]] = {}
    for model, names in taken.items():
        for name, where in names.items():
            if len(where) == 1 and where[0] in titles:
                result.setdefault(model, {})[name] = f"the address of the page '{titles[where[0]]}' ({where[0]})"
            else:
                result.setdefault(model, {})[name] = f"the name of files the toolkit writes itself ({', '.join(where)})"
    for uri, markdown in pages.items():
        page = f"the page '{titles[uri]}'" if uri in titles else "the page it is listed on"
        shown = re.sub(r"qq(\w+?)qq", lambda found: f"<{found.group(1)} id>", uri)
        for model in (model for model in _MODELS if f"{{#{marker(model)}}}" in markdown):
            for anchor, heading in _anchors(markdown).items():
                about = f"the heading '{heading}'" if heading else "an element"
                what = f"the anchor of {about} on {page} ({shown}#{anchor})"
                result.setdefault(model, {}).setdefault(anchor, what)
    return result


# --- the outputs of the probe catalog ---------------------------------------------------


def _outputs() -> tuple[dict[str, str], list[str]]:
    """The probe's pages (uri -> Markdown) and every path the site writes for it."""
    from ..web.downloads import build_downloads
    from ..web.site import build_pages
    from .catalog import Catalog

    hints = typing.get_type_hints(Catalog)
    values: dict[str, Any] = {}
    for item in dataclasses.fields(Catalog):
        if item.default is item.default_factory is dataclasses.MISSING:
            values[item.name] = _kind_value(hints[item.name])
        elif typing.get_origin(hints[item.name]) is dict and _models_in(typing.get_args(hints[item.name])[1]):
            model = _models_in(typing.get_args(hints[item.name])[1])[0]  # e.g. what each file credits, by kind
            values[item.name] = collections.defaultdict(functools.partial(_probe, model))
    catalog = Catalog(**values)
    pages = {page.uri: page.markdown for page in build_pages(catalog)}
    paths = [*pages, *(download.uri for download in build_downloads(catalog))]
    try:
        from ..documents.build import document_paths
    except (ImportError, OSError):  # WeasyPrint's system libraries missing: no documents are built either
        return pages, paths
    return pages, [*paths, *(f"downloads/{path}" for path in document_paths(catalog))]


_MODELS: list[type[BaseModel]] = [
    model
    for model in vars(m).values()
    if isinstance(model, type) and issubclass(model, BaseModel) and "id" in model.model_fields
]
# Id fields that name an item of another kind (by field name -> that kind's model name).
_REFERENCES = {"skills": "Skill", "skill": "Skill", "roles": "Role", "standards": "Domain", "source": "Work"}


def _kind_value(annotation: Any) -> Any:
    """One probe item for a Catalog field: a list of one, a model, or principal moves keyed by skill id."""
    origin = typing.get_origin(annotation)
    if origin is list:
        return [_probe(typing.get_args(annotation)[0])]
    if origin is dict:  # moves: skill id -> the skill's moves
        return {marker(m.Skill): _kind_value(typing.get_args(annotation)[1])}
    return _probe(annotation)


def _markers_in(text: str) -> list[tuple[type[BaseModel], str]]:
    return [(model, marker(model)) for model in _MODELS if marker(model) in text]


def _probe(model: type[BaseModel], index: int = 0) -> Any:
    """An instance of `model` with every field filled (lists at their minimum length), not validated."""
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name == "id" and _strip(info.annotation) is str:  # a free id (a slug), not a fixed choice
            values[name] = marker(model)
        elif name in _REFERENCES and _is_slug(info.annotation, info.metadata) and hasattr(m, _REFERENCES[name]):
            ref = marker(getattr(m, _REFERENCES[name]))
            values[name] = [ref] if typing.get_origin(_strip(info.annotation)) is list else ref
        else:
            values[name] = _value(info.annotation, info.metadata, index)
    return model.model_construct(**values)


def _value(annotation: Any, metadata: list[Any], index: int) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        return _value(base, [*meta, *metadata], index)
    if origin is typing.Literal:
        choices = typing.get_args(annotation)
        return choices[index % len(choices)]
    if origin in (typing.Union, types.UnionType):
        return _value(next(a for a in typing.get_args(annotation) if a is not type(None)), metadata, index)
    if origin is list:
        low = max([meta.min_length for meta in metadata if isinstance(meta, MinLen)] + [0])
        (inner,) = typing.get_args(annotation)
        return [_value(inner, [], i) for i in range(low)]
    if origin is dict:
        return {}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _probe(annotation, index)
    if annotation is date:
        return date(2000, 1, 1)
    if annotation is bool:
        return False
    if annotation in (int, float):
        return _number(annotation, metadata)
    return FILLER


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [found for arg in typing.get_args(annotation) for found in _models_in(arg)]


def _number(kind: type, metadata: list[Any]) -> float:
    """1 when the bounds allow it, else the lowest value they allow (halfway into an open interval)."""
    bounds: dict[str, float] = {
        name: getattr(meta, name)
        for meta in metadata
        for name in ("ge", "gt", "le", "lt")
        if getattr(meta, name, None) is not None
    }
    low = bounds.get("ge", bounds.get("gt"))
    high = bounds.get("le", bounds.get("lt"))
    if (low is None or low < 1 or (low == 1 and "ge" in bounds)) and (
        high is None or high > 1 or (high == 1 and "le" in bounds)
    ):
        value: float = 1
    else:
        floor = low if low is not None else 0.0  # no model has only an upper bound below 1 (yet)
        value = (
            floor if "ge" in bounds else (floor + (min(high, floor + 2) - floor) / 2 if high is not None else floor + 1)
        )
    return int(value) if kind is int and float(value).is_integer() else value


def _is_slug(annotation: Any, metadata: list[Any]) -> bool:
    """An id (a str with a pattern), or a list of them."""
    if typing.get_origin(annotation) is list:
        annotation, metadata = typing.get_args(annotation)[0], []
    if typing.get_origin(annotation) is typing.Annotated:
        annotation, *more = typing.get_args(annotation)
        metadata = [*metadata, *more]
    return annotation is str and any(getattr(meta, "pattern", None) for meta in metadata)


def _strip(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


# --- anchors on a page ------------------------------------------------------------------

_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*$", re.MULTILINE)
_EXPLICIT = re.compile(r"\{#([^}\s]+)\}")
_HTML_ID = re.compile(r"\bid=\"([^\"]+)\"")


def _anchors(markdown: str) -> dict[str, str]:
    """Anchors a template gives this page whatever the data (explicit ids, headings' own slugs) -> heading text."""
    found = {a: "" for a in _EXPLICIT.findall(markdown) + _HTML_ID.findall(markdown) if not _markers_in(a)}
    for heading in _HEADING.findall(markdown):
        if FILLER not in heading and not _EXPLICIT.search(heading) and not _markers_in(heading):
            found[_slug(heading)] = heading
    return found


def _title(markdown: str) -> str | None:
    """The page title in a template's front matter, when it is fixed text (not from the data)."""
    found = re.search(r"^title: *\"?([^\"\n]+)\"?$", markdown.split("\n---", 1)[0], re.MULTILINE)
    return found.group(1) if found and FILLER not in found.group(1) and not _markers_in(found.group(1)) else None


def _slug(text: str) -> str:
    """Python-Markdown's toc slug (mkdocs.yml keeps its default)."""
    text = unicodedata.normalize("NFKD", re.sub(r"<[^>]+>", "", text)).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)
