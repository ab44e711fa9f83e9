"""The site as `mkdocs build --strict` writes it (the session's shared build): checks on the HTML a reader gets."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from projects import build, html_errors, project_copy

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site  # the session's one build of this project (tests/conftest.py)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.resources: list[str] = []  # what the browser loads by itself: scripts, styles, images, frames
        self.ids: set[str] = set()
        self.nav_links: list[str] = []
        self._nav_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if attr.get("id"):
            self.ids.add(attr["id"])  # type: ignore[arg-type]
        if tag == "nav" and "md-nav--primary" in (attr.get("class") or ""):
            self._nav_depth = 1
        elif tag == "nav" and self._nav_depth:
            self._nav_depth += 1
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and attr.get("src"):
            self.resources.append(attr["src"])  # type: ignore[arg-type]
        if tag == "link" and attr.get("href") and attr.get("rel") not in ("canonical", "alternate"):
            self.resources.append(attr["href"])  # type: ignore[arg-type]
        if tag == "a" and attr.get("href"):
            self.links.append(attr["href"])  # type: ignore[arg-type]
            if self._nav_depth:
                self.nav_links.append(attr["href"])  # type: ignore[arg-type]

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_every_page_kind_is_built(site: Path, catalog) -> None:
    for folder in ("roles", "skills", "principal-moves", "conditions", "guides", "job-description",
                   "focus-area", "competencies", "reflection", "bibliography", "editing"):  # fmt: skip
        assert (site / folder / "index.html").is_file(), folder
    for role in catalog.roles:
        assert (site / "roles" / role.id / "index.html").is_file()
    for guide in catalog.guides:
        assert (site / "guides" / guide.id / "index.html").is_file()
    assert not any((ROOT / "docs" / "roles").glob("*")), "generated pages must stay virtual"


def test_no_broken_internal_links_or_anchors(site: Path) -> None:
    """Every link, stylesheet, script and image on every page of the site, and every #anchor."""
    parsed = {path: _parse(path) for path in site.rglob("*.html")}
    assert len(parsed) > 60
    broken = []
    for path, page in parsed.items():
        for href in page.links + page.resources:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            base = site if parts.path.startswith("/") else path.parent  # 404.html links from the root
            target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)} -> {href}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in parsed[target].ids:
                broken.append(f"{path.relative_to(site)} -> {href} (no such anchor)")
    assert not broken, "\n".join(broken[:20])


def test_pages_load_nothing_from_other_hosts(site: Path) -> None:
    """Private by default: fonts, icons, scripts and styles all come from the site itself."""
    outside = []
    for path in site.rglob("*.html"):
        for url in _parse(path).resources:
            if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                outside.append(f"{path.relative_to(site)}: {url}")
    assert not outside, "\n".join(outside[:20])
    css = " ".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert not re.findall(r"url\(\s*['\"]?(?:https?:)?//", css), "a stylesheet loads something from another host"


def test_every_page_is_valid_html(site: Path) -> None:
    """The Nu HTML Checker (npm vnu-jar; needs Java) finds no error on any page of the site."""
    errors = html_errors(site, sorted(site.rglob("*.html")))
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors[:20])


def test_role_page_links_its_skills_and_guides(site: Path, catalog) -> None:
    role = catalog.role["data-team-facilitator"]
    page = _parse(site / "roles" / role.id / "index.html")
    for skill_id in role.skills:
        assert f"../../skills/{skill_id}/" in page.links
    for guide in catalog.guides_for_role(role):
        assert f"../../guides/{guide.id}/" in page.links


def test_role_pages_stay_out_of_the_navigation(site: Path, catalog) -> None:
    # Navigation is embedded in every page: it must not grow with the number of roles.
    nav = _parse(site / "conditions" / "index.html").nav_links
    role_pages = {f"../roles/{role.id}/" for role in catalog.roles}
    assert nav and not role_pages & set(nav)


def test_search_index_has_every_role_guide_and_move(site: Path, catalog) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_location = {doc["location"]: doc for doc in index["docs"]}
    for role in catalog.roles:
        doc = by_location[f"roles/{role.id}/"]
        assert doc["title"] == role.title and doc.get("boost", 1) > 1
    for guide in catalog.guides:
        assert by_location[f"guides/{guide.id}/"]["title"] == guide.title
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("principal-moves/"))
    for moves in catalog.moves.values():
        for move in moves:
            assert move.move.split()[1] in text


def test_bad_data_fails_the_build_and_keeps_the_previous_site(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    shutil.copytree(ROOT / "data", project / "data")
    roles = project / "data" / "roles.yml"
    roles.write_text(roles.read_text().replace("data-use", "dta-use", 1))
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build")

    result = build(project / "mkdocs.yml", site)

    assert result.returncode != 0
    assert "unknown skill 'dta-use' (did you mean 'data-use'?)" in result.stderr
    assert re.search(r"data/roles\.yml:\d+:\d+: roles\[\d+\]\.skills\[\d+\]", result.stderr)
    assert "Traceback" not in result.stderr
    assert (site / "index.html").read_text() == "previous build"
    assert [p.name for p in site.iterdir()] == ["index.html"]


def test_the_conditions_check_scripts_load_on_its_page_only(site: Path) -> None:
    """Each page's own scripts stay on that page: the other pages load no more than they did."""
    loading = {
        str(path.relative_to(site)): [src for src in _parse(path).resources if "javascripts/conditions/" in src]
        for path in site.rglob("*.html")
    }
    assert loading.pop("conditions/index.html") == [
        "../javascripts/conditions/check.js",
        "../javascripts/conditions/page.js",
    ]
    assert not [page for page, scripts in loading.items() if scripts]
