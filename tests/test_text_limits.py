"""Every free-text field has a length cap (models.py: NAME_MAX, ITEM_MAX, TEXT_MAX), reported with
the length and the limit; a field at its cap still loads and renders as typed.

A 600 KB summary of escaped characters used to take minutes to build (Markdown's inline processing
costs more than linear time in one field's length); the cap keeps each field's work bounded, so the
build's cost grows with the number of fields, not with the square of one field's size.
"""

from __future__ import annotations

import html as html_module
import re
import typing
from pathlib import Path

import markdown as python_markdown
import pytest
import yaml
from pydantic import BaseModel

from tltoolkit import DataErrors, load_catalog
from tltoolkit.source import models as m
from tltoolkit.source.catalog import FILES
from tltoolkit.source.district import load_district
from tltoolkit.source.safe_text import fold
from tltoolkit.web.site import build_pages

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = "&<*_[`\\"  # characters the page escaping turns into character references


def _set(path: Path, where: tuple[str | int, ...], value: str) -> int:
    """Set the value at `where` in a data file (rewritten by PyYAML); return the line it is on."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    target = data
    for part in where[:-1]:
        target = target[part]
    target[where[-1]] = value
    text = yaml.safe_dump(data, sort_keys=False, width=10**9, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    key = where[-1]
    lines = text.split("\n")
    return next(
        i for i, line in enumerate(lines, 1) if (value[:20] in line) and (isinstance(key, int) or f"{key}:" in line)
    )


def _problems(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_catalog(data)
    return [str(error) for error in caught.value.errors]


def test_a_huge_summary_is_refused_with_its_length_and_the_cap(minimal_data: Path) -> None:
    line = _set(minimal_data / "roles.yml", ("roles", 0, "summary"), "&" * 612_000)
    assert _problems(minimal_data) == [
        f"data/roles.yml:{line}:3: roles[0].summary: 612,000 characters; a summary may have at most 3,000"
    ]


@pytest.mark.parametrize(
    ("file", "where", "length", "expected"),
    [
        (
            "roles.yml",
            ("roles", 0, "title"),
            m.NAME_MAX + 1,
            "roles[0].title: 201 characters; a title may have at most 200",
        ),
        (
            "roles.yml",
            ("roles", 0, "responsibilities", 0),
            m.ITEM_MAX + 1,
            "roles[0].responsibilities[0]: 1,001 characters; an item of responsibilities may have at most 1,000",
        ),
        (
            "conditions.yml",
            ("conditions", 0, "description"),
            m.TEXT_MAX + 1,
            "conditions[0].description: 3,001 characters; a description may have at most 3,000",
        ),
        (
            "guides/clarifying-the-role.yml",
            ("steps", 0, "title"),
            m.NAME_MAX + 1,
            "steps[0].title: 201 characters; a title may have at most 200",
        ),
    ],
)
def test_each_kind_of_cap_names_the_field_and_its_limit(
    minimal_data: Path, file: str, where: tuple[str | int, ...], length: int, expected: str
) -> None:
    line = _set(minimal_data / file, where, "x" * length)
    [problem] = _problems(minimal_data)
    assert problem.startswith(f"data/{file}:{line}:") and problem.endswith(expected)


def test_a_district_name_over_its_cap_is_refused(tmp_path: Path) -> None:
    (tmp_path / "district.yml").write_text(f"name: {'N' * 250}\n")
    with pytest.raises(DataErrors) as caught:
        load_district(tmp_path / "district.yml", "district.yml")
    assert [str(e) for e in caught.value.errors] == [
        "district.yml:1:1: name: 250 characters; a name may have at most 200"
    ]


def test_fields_at_their_caps_load_and_render_as_typed(minimal_data: Path) -> None:
    summary = (HOSTILE * m.TEXT_MAX)[: m.TEXT_MAX]
    title = ("Title " + HOSTILE * m.NAME_MAX)[: m.NAME_MAX]
    _set(minimal_data / "roles.yml", ("roles", 0, "summary"), summary)
    _set(minimal_data / "roles.yml", ("roles", 0, "title"), title)
    catalog = load_catalog(minimal_data)
    assert catalog.roles[0].summary == summary and catalog.roles[0].title == title

    page = next(p for p in build_pages(catalog) if p.uri == f"roles/{catalog.roles[0].id}.md")
    html = python_markdown.markdown(
        page.markdown.split("\n---\n", 1)[1], extensions=["tables", "attr_list", "md_in_html", "toc"]
    )
    shown = html_module.unescape(re.sub(r"<[^>]+>", "", html))
    assert fold(summary) in shown and fold(title) in shown


def test_every_free_text_field_has_a_cap() -> None:
    uncapped = [field for model in [*FILES.values(), m.Guide, m.DistrictFile] for field in _uncapped(model)]
    assert not uncapped, uncapped


def _uncapped(model: type[BaseModel], seen: set[type] | None = None) -> list[str]:
    seen = seen if seen is not None else set()
    if model in seen:
        return []
    seen.add(model)
    found = []
    for name, info in model.model_fields.items():
        for _annotation, metadata in _strings(info.annotation, list(info.metadata)):
            limits = [getattr(meta, "max_length", None) or getattr(meta, "pattern", None) for meta in metadata]
            if not any(limits):  # a pattern (ids, colours, addresses) bounds what it accepts too
                found.append(f"{model.__name__}.{name}")
        for arg in _models(info.annotation):
            found += _uncapped(arg, seen)
    return found


def _strings(annotation: typing.Any, metadata: list) -> list[tuple[typing.Any, list]]:
    """Every str inside `annotation` (through Annotated, lists, optionals), with its constraints."""
    if annotation is str:
        return [(annotation, metadata)]
    if typing.get_origin(annotation) is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        return _strings(base, [*meta, *(metadata if base is str else [])])
    if typing.get_origin(annotation) is typing.Literal:
        return []
    return [found for arg in typing.get_args(annotation) for found in _strings(arg, [])]


def _models(annotation: typing.Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [inner for arg in typing.get_args(annotation) for inner in _models(arg)]
