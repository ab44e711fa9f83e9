"""Who the navigation is for, and where the editors' link to the data goes.

The navigation is the schools' (principals, teacher leaders, ILTs); the pages for the district
staff who keep the data sit in one section of their own, last. Generated pages name their
data file for editors: a quiet note at the bottom, or Material's "Edit this page" opening that
file when the site has a repo_url (the district's own file when its overlay supplies the item).
"""

from __future__ import annotations

import html
import importlib.util
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from projects import project_copy

from tltoolkit.source.load import load_toolkit
from tltoolkit.web.site import build_pages

ROOT = Path(__file__).resolve().parents[1]
STAFF_PAGES = {"editing/", "maintainers/", "performance/"}
REPO = "https://git.example.org/district/toolkit"


class _Nav(HTMLParser):
    """The primary navigation's top-level items (label -> the pages under it), the page's edit
    link and its editors' note."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, list[str]] = {}
        self.edit: str | None = None
        self.editors_note = ""
        self._stack: list[str] = []  # open tags inside the primary nav
        self._top: str | None = None  # the current top-level section's label
        self._label_depth: int | None = None
        self._note = False
        self._pending: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        if tag == "nav" and "md-nav--primary" in classes:
            self._stack = ["nav"]
            return
        if tag == "a" and a.get("rel") == "edit":
            self.edit = a.get("href")
        if tag == "p" and "tl-editors" in classes:
            self._note = True
        if self._stack:
            self._stack.append(tag)
            # Top-level items are <li class="md-nav__item"> directly in the first list.
            if tag == "li" and self._stack.count("li") == 1:
                self._top = None
                self._label_depth = len(self._stack)
            if tag == "a" and a.get("href"):
                if self._top is None:  # the section's own link (its index page), before its label
                    self._pending.append(a["href"])
                else:
                    self.sections[self._top].append(a["href"])

    def handle_data(self, data: str) -> None:
        text = data.strip()
        if self._note:
            self.editors_note += data
        if self._stack and self._top is None and self._label_depth is not None and text:
            self._top = text
            self.sections.setdefault(text, []).extend(self._pending)
            self._pending = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._note = False
        if self._stack:
            while self._stack and self._stack.pop() != tag:
                pass


def _parse(path: Path) -> _Nav:
    nav = _Nav()
    nav.feed(path.read_text(encoding="utf-8"))
    return nav


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The toolkit's site built as a district that keeps it in a repository would (repo_url set)."""
    base = tmp_path_factory.mktemp("nav")
    project = project_copy(base)
    (project / "data").symlink_to(ROOT / "data")
    config = project / "mkdocs.yml"
    text = config.read_text().replace("offline_zip: true", "offline_zip: false")  # not read here; a second build
    config.write_text(text + f"\nrepo_url: {REPO}\nedit_uri: edit/main/docs/\n", encoding="utf-8")
    out = base / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TL_DOCUMENTS": "off"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def plain_site(built_site: Path) -> Path:
    """The toolkit's site as it ships: no repo_url (the session's build, tests/conftest.py)."""
    return built_site


def _paths(page: str, links: list[str]) -> set[str]:
    """Links of `page` as paths from the site root ("roles/", "editing/")."""
    return {urljoin(f"http://site/{page}", link).removeprefix("http://site/") for link in links}


def _staff(paths: set[str]) -> set[str]:
    return paths & STAFF_PAGES


@pytest.mark.parametrize("page", ["", "roles/", "conditions/", "guides/", "roles/math-coach/", "focus-area/"])
def test_school_pages_navigation_has_no_staff_pages(plain_site: Path, page: str) -> None:
    nav = _parse(plain_site / page / "index.html")
    *schools_sections, staff_section = list(nav.sections)
    assert staff_section == "For district staff", list(nav.sections)
    schools = set().union(*(_paths(page, nav.sections[name]) for name in schools_sections))
    assert not _staff(schools), f"staff pages in the schools' navigation: {_staff(schools)}"
    for kind in ("", "roles/", "roles/match/", "skills/", "principal-moves/", "conditions/", "guides/",
                 "job-description/", "focus-area/", "bibliography/"):  # fmt: skip
        assert kind in schools, f"{kind!r} missing from the schools' navigation"
    # The district staff's section, last, holds its three pages and nothing else.
    assert _paths(page, nav.sections[staff_section]) == STAFF_PAGES


def test_navigation_names_the_job_description_page_by_its_title(plain_site: Path, catalog) -> None:
    title = html.escape(catalog.job_description.title, quote=False)
    page = (plain_site / "job-description" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf"<h1 id=[^>]*>{re.escape(title)}<", page), "the page's heading is the template's title"
    nav = (plain_site / "conditions" / "index.html").read_text(encoding="utf-8")
    link = re.search(
        r'<a href="\.\./job-description/" class="md-nav__link">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', nav
    )
    assert link and link.group(1) == title, link and link.group(1)


def test_generated_pages_end_with_an_editors_note_not_a_source_line(plain_site: Path) -> None:
    for page, data in (("roles/math-coach/", "data/roles.yml"), ("conditions/", "data/conditions.yml"),
                       ("guides/clarifying-the-role/", "data/guides/clarifying-the-role.yml")):  # fmt: skip
        nav = _parse(plain_site / page / "index.html")
        html = (plain_site / page / "index.html").read_text(encoding="utf-8")
        assert "Source data" not in html
        assert " ".join(nav.editors_note.split()) == f"For editors: this page is made from {data}.", page
        assert nav.edit is None  # no repo_url, no edit button
        # The note is the last thing in the article.
        article = html[html.index('<article class="md-content__inner') : html.index("</article>")]
        assert article.rstrip().rsplit("<p", 1)[1].startswith(' class="tl-editors"'), page


def test_with_a_repository_edit_this_page_opens_the_data_file(site: Path) -> None:
    role = _parse(site / "roles" / "math-coach" / "index.html")
    assert role.edit == f"{REPO}/edit/main/data/roles.yml"
    guide = _parse(site / "guides" / "clarifying-the-role" / "index.html")
    assert guide.edit == f"{REPO}/edit/main/data/guides/clarifying-the-role.yml"
    # A hand-written page edits its own Markdown file, as MkDocs does.
    assert _parse(site / "editing" / "index.html").edit == f"{REPO}/edit/main/docs/editing.md"
    # A page made from a whole folder has no single file to open: the note stays.
    assert _parse(site / "guides" / "index.html").edit is None
    css = (ROOT / "docs" / "stylesheets" / "toolkit.css").read_text(encoding="utf-8")
    assert '.md-content__button[rel="edit"] ~ .tl-editors { display: none; }' in css


def _hook():
    spec = importlib.util.spec_from_file_location("toolkit_hook_for_test", ROOT / "hooks" / "toolkit.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_overlaid_role_edits_the_districts_own_file() -> None:
    """The note for editors names the file an item comes from (the edit link itself: tests/test_kinds.py)."""
    sample = ROOT / "examples" / "sample-district"
    catalog, _ = load_toolkit(ROOT / "data", sample / "district.yml")
    pages = {page.uri: page for page in build_pages(catalog)}
    assert pages["roles/math-coach.md"].sources == ("examples/sample-district/data/roles.yml",)  # the district's
    assert pages["roles/literacy-coach.md"].sources == ("data/roles.yml",)  # the toolkit's
    note = pages["roles/math-coach.md"].markdown.rsplit("For editors", 1)[1]
    assert "examples/sample-district/data/roles.yml" in note
