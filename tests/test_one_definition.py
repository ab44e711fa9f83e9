"""Knowledge kept in one place: what web pages and printed documents share is defined once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tltoolkit import load_catalog
from tltoolkit.content import labels
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
