"""Knowledge kept in one place: what web pages and printed documents share is defined once."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tltoolkit import load_catalog
from tltoolkit.content import labels
from tltoolkit.content.self_assessment import RATINGS
from tltoolkit.documents import build as documents_build
from tltoolkit.documents.html import environment as print_environment
from tltoolkit.web.render import environment as page_environment


def test_pages_and_documents_label_codes_alike():
    for env in (page_environment(), print_environment()):
        for name, label in labels.FILTERS.items():
            assert env.filters[name] is label
    assert page_environment().from_string("{{ 'full-release'|held }}").render() == "Full release"
    assert print_environment().from_string("{{ 'full-release'|held }}").render() == "Full release"


def test_documents_the_site_does_not_declare_stop_the_build(minimal_data: Path, tmp_path: Path, monkeypatch):
    """The site links the declared paths; a planned document outside them is refused, even under `python -O`."""
    catalog = load_catalog(minimal_data)
    declared = documents_build.document_paths(catalog)
    monkeypatch.setattr(documents_build, "document_paths", lambda catalog: declared[1:])
    with pytest.raises(RuntimeError, match=f"not declared \\['{declared[0]}'\\]"):
        documents_build.build_documents(catalog, tmp_path / "out", tmp_path / "cache")
    assert not (tmp_path / "out").exists()  # nothing written


def test_the_conditions_rating_scale_is_the_same_on_the_web_and_in_the_pdf(catalog, built_site: Path) -> None:
    """The fillable PDF and the check on /conditions/ rate on one scale (content/self_assessment.py)."""
    assert 3 <= len(RATINGS) <= 6
    job = next(
        job for job in documents_build.plan(catalog, documents_build.Settings()) if job.path == "school-conditions.pdf"
    )
    printed = re.findall(
        r'<input type="radio" name="([a-z0-9-]+)-rating" value="(\d)"[^>]*>\s*([^<]+?)</label>', str(job.payload)
    )
    page = (built_site / "conditions" / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'name="tl-cc-([a-z0-9-]+)-rating" value="([1-9])"[^>]*> <b>\d</b> ([^<]+)</label>', page)
    for found in (printed, shown):
        assert {condition for condition, _, _ in found} == {c.id for c in catalog.conditions}
        assert sorted({(int(value), label) for _, value, label in found}) == list(enumerate(RATINGS, start=1))
    # The page's script orders by the same scale, from the data the page embeds.
    block = re.search(r'<script type="application/json" id="tl-cc-data">(.*?)</script>', page, flags=re.S)
    assert block and json.loads(block.group(1))["ratings"] == list(RATINGS)
