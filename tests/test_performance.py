"""What keeps the build fast with a large inventory (speed itself is measured by scripts/bench):
synthetic inventories validate, the document cache re-renders only what changed and reports
progress, a role page does not grow with the number of roles, and rendering can be switched off."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from projects import build

from tltoolkit import load_catalog
from tltoolkit.bench.synthetic import synthetic_project, synthetic_roles, write_inventory
from tltoolkit.documents import Settings, build_documents
from tltoolkit.web import search_prebuilt
from tltoolkit.web.site import RELATED_ROLES, build_pages

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = Settings(allowed_roots=(ROOT,))


def _catalog_with(count: int, tmp_path: Path):
    data = tmp_path / f"data-{count}"
    shutil.copytree(ROOT / "data", data)
    write_inventory(data, synthetic_roles(count))
    return load_catalog(data)


def test_synthetic_inventory_passes_validation_with_distinct_ids_and_titles(tmp_path):
    catalog = _catalog_with(300, tmp_path)
    assert len(catalog.roles) == 300
    assert len({role.id for role in catalog.roles}) == 300
    assert len({role.title.casefold() for role in catalog.roles}) == 300
    real = load_catalog(ROOT / "data")
    assert catalog.roles[: len(real.roles)] == real.roles  # the guides' references still resolve
    copy = catalog.roles[len(real.roles)]
    assert copy.summary == real.roles[0].summary and copy.title != real.roles[0].title  # realistic lengths


def test_synthetic_roles_are_the_same_each_run():
    assert synthetic_roles(120) == synthetic_roles(120)


def test_documents_cache_progress_and_one_edited_role(minimal_data, tmp_path):
    catalog = load_catalog(minimal_data)
    cache, calls = tmp_path / "cache", []
    first = build_documents(catalog, tmp_path / "a", cache, SETTINGS, progress=lambda *done: calls.append(done))
    total = len(first.rendered)
    assert total == first.total and not first.cached  # cold: every document is a cache miss
    assert calls == [(n, total) for n in range(1, total + 1)]  # progress counts up to the total

    calls.clear()
    again = build_documents(catalog, tmp_path / "b", cache, SETTINGS, progress=lambda *done: calls.append(done))
    assert again.rendered == [] and len(again.cached) == total and calls == []  # warm: all hits
    assert sorted(p.relative_to(tmp_path / "b").as_posix() for p in (tmp_path / "b").rglob("*.*")) == sorted(
        first.rendered
    )

    role = catalog.roles[1]
    edited = role.model_copy(update={"summary": role.summary + " Edited."})
    catalog = dataclasses.replace(catalog, roles=[edited if r is role else r for r in catalog.roles])
    third = build_documents(catalog, tmp_path / "c", cache, SETTINGS, progress=lambda *done: calls.append(done))
    # Its job description and the two kits that print its summary, each as PDF and Word.
    own = [
        f"{folder}/{role.id}.{ext}"
        for folder in ("job-descriptions", "selection", "support-plans")
        for ext in ("docx", "pdf")
    ]
    assert sorted(third.rendered) == sorted(own)
    assert len(third.cached) == total - len(own) and calls == [(n, len(own)) for n in range(1, len(own) + 1)]


def _role_page(catalog, role_id: str) -> str:
    return next(page.markdown for page in build_pages(catalog) if page.uri == f"roles/{role_id}.md")


@pytest.mark.slow  # pages for 100 and 300 roles (enough for more than RELATED_ROLES in an area in both)
def test_a_role_page_does_not_grow_with_the_inventory(tmp_path):
    small, large = _catalog_with(100, tmp_path), _catalog_with(300, tmp_path)
    role = small.roles[0]
    pages = {n: _role_page(c, role.id) for n, c in ((100, small), (300, large))}
    # The same page, but for the count of other roles in its area ("and 36 more").
    assert abs(len(pages[100]) - len(pages[300])) <= 3
    others = re.findall(r"\]\(([a-z0-9-]+)\.md\)", pages[300].split("## Other roles", 1)[1])
    others.remove("index")  # the link to the inventory
    assert 0 < len(others) == RELATED_ROLES and role.id not in others
    in_area = sum(r.category == role.category for r in large.roles) - 1
    assert f"and {in_area - RELATED_ROLES} more in the [role inventory](index.md)" in pages[300]


def test_a_small_area_still_lists_every_other_role():
    catalog = load_catalog(ROOT / "data")
    role = catalog.roles[0]
    page = _role_page(catalog, role.id)
    for other in catalog.roles:
        if other.category == role.category and other is not role:
            assert f"({other.id}.md)" in page
    assert "more in the [role inventory]" not in page


@pytest.mark.slow  # two builds of synthetic inventories
def test_documents_off_builds_strict_and_other_pages_stay_the_same_size(tmp_path):
    sizes, index = {}, {}
    for count in (43, 150):
        project = synthetic_project(tmp_path / f"project-{count}", count)
        site = tmp_path / f"site-{count}"
        result = build(project / "mkdocs.yml", site, env={"TL_DOCUMENTS": "off"})
        assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
        assert "documents off" in result.stderr and " rendered (" not in result.stderr
        # Links to the documents resolve in strict mode; the files are empty placeholders.
        assert (site / "downloads" / "job-descriptions" / "literacy-coach.pdf").stat().st_size == 0
        # Pages that do not list roles, navigation included.
        sizes[count] = [(site / page / "index.html").read_text() for page in ("", "conditions", "roles/literacy-coach")]
        # The index's text, and the word counts the browser makes lunr's index from (search_prebuilt.py).
        index[count] = tuple(
            (site / "search" / name).stat().st_size for name in ("search_index.json", search_prebuilt.FILE)
        )
    assert sizes[43][:2] == sizes[150][:2]
    # A role page changes only by its list of other roles in its area, which is capped.
    assert abs(len(sizes[43][2]) - len(sizes[150][2])) < 1500
    # Role pages are in the search index by title, summary and facts: well under 1 KB a role,
    # and their word counts add well under 1 KB more.
    assert (index[150][0] - index[43][0]) / (150 - 43) < 1000
    assert 0 < (index[150][1] - index[43][1]) / (150 - 43) < 1000


def test_fast_yaml_loading_gives_the_same_values_and_positions(monkeypatch):
    from tltoolkit.source import yamlsource

    fast = yamlsource.read_yaml(ROOT / "data" / "roles.yml", "data/roles.yml")
    monkeypatch.setattr(yamlsource, "_compose_fast", lambda text, depth=0: (yamlsource._SLOW, False))
    slow = yamlsource.read_yaml(ROOT / "data" / "roles.yml", "data/roles.yml")
    assert fast.data == slow.data and fast.marks == slow.marks


def test_deep_nesting_is_refused_without_reaching_libyaml_composer(tmp_path):
    from tltoolkit.source import yamlsource
    from tltoolkit.source.errors import DataErrors

    path = tmp_path / "deep.yml"
    path.write_text("a: " + "[" * 200_000 + "]" * 200_000)  # crashes libyaml's recursive composer
    with pytest.raises(DataErrors, match="nesting is deeper than 64 levels"):
        yamlsource.read_yaml(path, "deep.yml")


def test_the_documents_switch_reads_the_environment_before_mkdocs_yml(monkeypatch):
    from tltoolkit.web.build import documents_enabled

    on, off = {}, {"documents": False}  # mkdocs.yml `extra:`
    monkeypatch.delenv("TL_DOCUMENTS", raising=False)
    assert documents_enabled(on) and not documents_enabled(off)
    monkeypatch.setenv("TL_DOCUMENTS", "off")
    assert not documents_enabled(on)
    monkeypatch.setenv("TL_DOCUMENTS", "on")
    assert documents_enabled(off)


def test_a_new_build_date_keeps_every_cached_document(minimal_data, tmp_path, monkeypatch):
    """A new commit (or SOURCE_DATE_EPOCH) changes the build date; documents are dated by their
    content's review date, so none of them goes stale and nothing is rendered again."""
    catalog = load_catalog(minimal_data)
    cache = tmp_path / "cache"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = build_documents(catalog, tmp_path / "a", cache, SETTINGS)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    again = build_documents(catalog, tmp_path / "b", cache, SETTINGS)
    assert first.rendered and again.rendered == [] and len(again.cached) == first.total


def test_the_plain_mkdocs_reference_is_like_the_role_pages_without_the_toolkit(tmp_path):
    """scripts/bench compares the page build with plain MkDocs building as many pages (bench/floor.py):
    the same Markdown extensions, pages out of the navigation and about as long as the role pages."""
    import yaml

    from tltoolkit.bench.floor import FOLDER, plain_project

    project = plain_project(tmp_path / "plain", 60)
    settings = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    block = re.search(r"^markdown_extensions:\n(?:[ -].*\n)+", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert block and settings["markdown_extensions"] == yaml.safe_load(block[0])["markdown_extensions"]
    assert settings["not_in_nav"].strip() == f"/{FOLDER}/*.md" and settings["nav"] == [{"Home": "index.md"}]
    plain = sorted((project / "docs" / FOLDER).glob("*.md"))
    assert len(plain) == 59
    role_pages = [
        p.markdown for p in build_pages(load_catalog(ROOT / "data")) if re.fullmatch(r"roles/[^/]+\.md", p.uri)
    ]
    mean = sum(len(p.read_text(encoding="utf-8")) for p in plain) / len(plain)
    assert 0.5 < mean / (sum(map(len, role_pages)) / len(role_pages)) < 1.2
    assert not any("{" in p.read_text(encoding="utf-8") or "<" in p.read_text(encoding="utf-8") for p in plain)
