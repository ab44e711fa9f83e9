"""Hostile data: what anyone typed into a YAML text field reaches a page, a PDF or a Word
file as text, never as markup, and the documents load nothing from the network or from
outside the project.

The data set is `tests/hostile.py`: the minimal data with an attack in every free-text
field, found by walking the models. The browser half (no script runs) is in
tests/browser/test_hostile_data.py.
"""

from __future__ import annotations

import json
import os
import re
import sys
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import docx
import markdown as python_markdown
import pytest
import yaml
from hostile import PWNED, HostileSite, Listener, free_text_fields, hostile_data, payload

from tltoolkit import DataErrors, load_catalog
from tltoolkit.documents import Settings, plan
from tltoolkit.documents import pdf as pdf_mod
from tltoolkit.documents.docx import write_docx
from tltoolkit.documents.fetcher import RefusedURL
from tltoolkit.source.models import NAME_MAX
from tltoolkit.source.safe_text import fold, markdown

ROOT = Path(__file__).resolve().parents[1]
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "data", "poster", "xlink:href", "background"}
# Elements no data text may create (the theme's own <script>/<link>/<style> are checked by content).
FORBIDDEN_ELEMENTS = {"iframe", "frame", "object", "embed", "base", "applet", "meta-refresh"}


# --- a listener that counts every connection, and a record of files opened ----------------


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


_opened: list[str] | None = None


def _audit(event: str, args: tuple) -> None:  # type: ignore[type-arg]
    if _opened is not None and event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        _opened.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)  # audit hooks cannot be removed; this one records only inside `opened_files`


@pytest.fixture
def opened_files() -> Iterator[list[str]]:
    """Every file this process opens while the test runs (Python's `open` audit event)."""
    global _opened
    _opened = []
    try:
        yield _opened
    finally:
        _opened = None


# --- the escaping, context by context ---------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking MkDocs' `!ENV [NAME, default]` tags as their default."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def _extensions() -> tuple[list[str], dict]:  # type: ignore[type-arg]
    """The Markdown extensions mkdocs.yml enables, with their settings."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = options or {}
    return names, settings


class _Shape(HTMLParser):
    """Elements with their attribute names, and the text, of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple[str, ...]]] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.attributes += [(tag, name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def shape(html: str) -> _Shape:
    parsed = _Shape()
    parsed.feed(html)
    return parsed


# Where templates put data text: each line is Markdown with {} for the field.
CONTEXTS = [
    "{}",
    "# {}",
    "## {} {{#fixed-id}}",
    "- {}",
    "- [ ] {}",
    "1. {}",
    "**{}** {}",
    "[{}](../skills/data-use.md)",
    "| a | b |\n| --- | --- |\n| {} | {} |",
    '!!! tip "Facilitation tip"\n    {}',
    "<div markdown>\n\n{}\n\n</div>",
    '<p class="x" markdown="span">{}</p>',
    "<label>{}</label>",
    '<p data-text="{}">x</p>',
]

ATTACKS = [
    payload("field", "http://127.0.0.1:9/"),
    "{: onclick=alert(1) }",
    "text {: #id .class onmouseover=alert(1) style=color:red }",
    "text {onclick=alert(1)}",
    "[x](javascript:alert(1))",
    "![x](http://127.0.0.1:9/x.png)",
    "<http://127.0.0.1:9/>",
    "<iframe src=x></iframe>",
    "<!-- comment --> <![CDATA[ x ]]> <?php ?>",
    "&#60;script&#62; &lt;b&gt; &amp;",
    "1. starts like a list",
    "- starts like a list",
    ": starts like a definition",
    "=== underline",
    "!!! note",
    "[^1] [x][1] *[HTML]: abbreviation",
    "    indented code",
    "\\<script>",
    "grades <3 & pupils >= 4",
]


@pytest.mark.parametrize("context", CONTEXTS)
def test_data_text_never_becomes_markup_in_any_template_context(context: str) -> None:
    names, settings = _extensions()
    expected = shape(
        python_markdown.markdown(
            context.format(*["SAFE"] * context.count("{}")), extensions=names, extension_configs=settings
        )
    )
    for attack in ATTACKS:
        source = context.format(*[markdown(attack)] * context.count("{}"))
        html = python_markdown.markdown(source, extensions=names, extension_configs=settings)
        got = shape(html)
        assert got.elements == expected.elements, f"{attack!r} in {context!r} changed the markup:\n{html}"
        if "data-text" in context:
            assert ("p", "data-text", fold(attack)) in got.attributes
        else:
            assert fold(attack) in " ".join("".join(got.text).split()), (
                f"{attack!r} in {context!r} is not shown as typed:\n{html}"
            )


# --- the whole site built from hostile data ----------------------------------------------------


@pytest.fixture(scope="module")
def hostile_site(built_hostile_data: HostileSite) -> tuple[Path, HostileSite]:
    """The session's hostile-data build (tests/conftest.py), shared with the browser tests: `.url`
    is the listener named in the data, `.requests` what it received during the build."""
    return built_hostile_data.site, built_hostile_data


def _bad_markup(html: str, listener_url: str) -> list[str]:
    problems = []
    parsed = shape(html)
    for tag, name, value in parsed.attributes:
        lowered = re.sub(r"\s", "", value).lower()
        if name.startswith("on"):
            problems.append(f"<{tag} {name}={value[:60]!r}>")
        if name in URL_ATTRIBUTES and (
            lowered.startswith(("javascript:", "vbscript:", "data:", "file:")) or listener_url in value
        ):
            problems.append(f"<{tag} {name}={value[:60]!r}>")
        if name == "style" and "position:fixed" in lowered:
            problems.append(f"<{tag} style={value[:60]!r}>")
    problems += [f"<{tag}>" for tag, _ in parsed.elements if tag in FORBIDDEN_ELEMENTS]
    # Script and style elements (the theme's own) must hold nothing from the data; the one
    # data block, the planner's inventory (application/json), holds it as inert JSON text.
    for block in re.findall(r"<(script|style)\b([^>]*)>(.*?)</\1>", html, flags=re.S | re.I):
        if 'type="application/json" id="tl-plan-catalog"' in block[1]:
            problems += _data_block_problems(block[2])
        elif PWNED in block[2] or "alert(" in block[2] or listener_url in block[2]:
            problems.append(f"<{block[0]}> with data: {block[2][:60]!r}")
    return problems


def _data_block_problems(text: str) -> list[str]:
    """The planner's embedded inventory: valid JSON with no character that could end the element."""
    if re.search(r"[<>&]", text):
        return [f"<script type=application/json> holds markup characters: {text[:60]!r}"]
    try:
        json.loads(text)
    except ValueError as exc:
        return [f"<script type=application/json> is not valid JSON: {exc}"]
    return []


def test_hostile_site_builds_and_every_page_shows_the_data_as_text(hostile_site) -> None:
    site, server = hostile_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 15
    problems = {
        str(page.relative_to(site)): found
        for page in pages
        if (found := _bad_markup(page.read_text(encoding="utf-8"), server.url))
    }
    assert not problems, problems
    # Each page kind shows the attack as the characters typed.
    shown = "\n".join(" ".join("".join(shape(page.read_text(encoding="utf-8")).text).split()) for page in pages)
    for tag in ("roles.yml roles[0].title", "skills.yml skills[0].description", "conditions.yml conditions[0].signs[0]",
                "guides/clarifying-the-role.yml steps[0].note", "bibliography.yml entries[0].note",
                "job_description.yml sections[0].guidance", "focus_area.yml objectives[0].action_steps[0].steps[0]",
                "competencies.yml stances[0].competencies[0].levels[0].evidence", "principal_moves.yml principal_moves[0].moves[0].why",
                "reflection.yml themes[0].questions[0]"):  # fmt: skip
        assert fold(payload(tag, server.url)) in shown, tag
    assert not server.requests, "the build made a request"


def test_every_free_text_field_reaches_the_site_as_text(hostile_site) -> None:
    """The fixture covers every field the models hold; each appears somewhere, escaped."""
    site, _server = hostile_site
    assert len(free_text_fields()) >= 60
    shown = "\n".join(
        " ".join("".join(shape(p.read_text(encoding="utf-8")).text).split()) for p in site.rglob("*.html")
    )
    tags = set(re.findall(r"\[\[([^\]]+)\]\]", shown))
    data = set(
        re.findall(
            r"\[\[([^\]]+)\]\]",
            "".join(p.read_text(encoding="utf-8") for p in (site.parent / "project" / "data").rglob("*.yml")),
        )
    )
    # Fields the web pages leave out on purpose: optional bibliography details of a book.
    missing = {tag for tag in data - tags if not re.search(r"entries\[\d+\]\.(journal|issue|pages)", tag)}
    assert not missing, sorted(missing)[:20]


# --- print HTML and Word from hostile data -------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_catalog(tmp_path_factory: pytest.TempPathFactory):
    return load_catalog(hostile_data(tmp_path_factory.mktemp("hostile-data") / "data", "http://127.0.0.1:9/"))


def test_print_html_holds_the_data_as_text_only(hostile_catalog) -> None:
    jobs = [job for job in plan(hostile_catalog, Settings()) if job.suffix == ".pdf"]
    assert len(jobs) >= 6
    for job in jobs:
        html = str(job.payload)
        assert not _bad_markup(html, "http://127.0.0.1:9/"), (job.path, _bad_markup(html, "http://127.0.0.1:9/"))
        assert "<script" not in html.lower() and "<iframe" not in html.lower(), job.path
        if job.path not in ("selection/blank.pdf", "support-plans/blank.pdf"):  # fixed wording only: no data in them
            assert "&lt;script&gt;" in html, job.path


def test_word_files_hold_the_data_as_literal_text_without_links(hostile_site) -> None:
    site, _ = hostile_site
    files = sorted((site / "downloads" / "job-descriptions").glob("*.docx"))
    assert len(files) == 4  # three roles and the blank template
    for path in files:
        with zipfile.ZipFile(path) as archive:
            body = archive.read("word/document.xml").decode()
            relations = "".join(archive.read(name).decode() for name in archive.namelist() if name.endswith(".rels"))
        assert "&lt;script&gt;window.__pwned=" in body, path.name  # the typed text, XML-escaped
        assert "<w:hyperlink" not in body and "<w:fldSimple" not in body and "<w:instrText" not in body
        assert 'TargetMode="External"' not in relations


# --- no fetching ----------------------------------------------------------------------------------


def test_the_site_build_with_its_documents_requested_nothing(hostile_site) -> None:
    site, server = hostile_site
    assert (
        len(list((site / "downloads").rglob("*.pdf"))) == 8 + 2 * 4
    )  # and a selection kit and support plan per role and blank
    assert server.requests == []


def test_rendering_hostile_data_requests_nothing_and_reads_nothing_outside(
    hostile_catalog, listener: Listener, opened_files: list[str], tmp_path: Path
) -> None:
    # In this process, where the audit hook sees every file opened: the self-assessment,
    # whose every condition, sign and strategy holds the attack with a remote image.
    job = next(job for job in plan(hostile_catalog, Settings()) if job.path == "school-conditions.pdf")
    html = str(job.payload).replace("http://127.0.0.1:9/", listener.url)
    opened_files.clear()
    assert pdf_mod.render_pdf(html, job.kind, "letter", tmp_path / "out.pdf") > 1
    assert listener.requests == []
    assert opened_files and not [path for path in opened_files if path.startswith("/etc")]


HOSTILE_HTML = {
    "img": '<img src="{url}image.png" alt="">',
    "stylesheet link": '<link rel="stylesheet" href="{url}style.css">',
    "css @import": '<style>@import url("{url}import.css");</style>',
    "css background": '<p style="background: url({url}background.png)">x</p>',
    "css @font-face": "<style>@font-face {{ font-family: X; src: url({url}font.ttf) }} p {{ font-family: X }}</style><p>x</p>",
    "object": '<object data="{url}object"></object>',
    "attachment": '<a rel="attachment" href="{url}attachment">a</a>',
    "base": '<base href="{url}"><img src="relative.png" alt="">',
    "file img": '<img src="file:///etc/passwd" alt="">',
    "file stylesheet": '<link rel="stylesheet" href="file:///etc/passwd">',
    "relative escape": '<img src="../../../../../../../../etc/passwd" alt="">',
    "outside file": '<img src="{secret}" alt="">',
}


@pytest.mark.parametrize("case", HOSTILE_HTML)
def test_weasyprint_refuses_network_and_outside_files_with_a_clear_error(
    case: str, listener: Listener, opened_files: list[str], tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    opened_files.clear()
    body = HOSTILE_HTML[case].format(url=listener.url, secret=secret.as_uri())
    html = f"<!doctype html><html lang='en'><head><title>t</title></head><body><p>Text</p>{body}</body></html>"
    with pytest.raises(RefusedURL, match=r"not '(http|file)|outside the project"):
        pdf_mod.render_pdf(html, "guide", "letter", tmp_path / "out.pdf")
    assert listener.requests == []
    assert not [path for path in opened_files if path.startswith("/etc") or path == str(secret)]


# --- characters no output can carry ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("escape", "message"),
    [
        ("\\0", "the control character U+0000"),
        ("\\e", "the control character U+001B"),
        ("\\x9b", "the control character U+009B"),
        ("\\ud800", "U+D800, half of a surrogate pair"),
        ("\\uffff", "U+FFFF, which is not a character"),
    ],
)
def test_unprintable_characters_are_refused_with_file_line_and_field(
    minimal_data: Path, escape: str, message: str
) -> None:
    roles = minimal_data / "roles.yml"
    text = roles.read_text(encoding="utf-8")
    summary = re.search(r"^  summary: .*(\n    .*)*", text, flags=re.M)
    assert summary
    roles.write_text(
        text[: summary.start()] + f'  summary: "Leads {escape} the team"' + text[summary.end() :], encoding="utf-8"
    )
    with pytest.raises(DataErrors) as caught:
        load_catalog(minimal_data)
    line = text[: summary.start()].count("\n") + 1
    report = str(caught.value)
    assert f"data/roles.yml:{line}:12: roles[0].summary: the text contains {message}" in report
    report.encode("utf-8")  # printable: no surrogate reaches the terminal


def test_a_role_title_at_its_cap_and_a_long_licence_still_build_the_word_file(
    minimal_data: Path, tmp_path: Path
) -> None:
    roles = minimal_data / "roles.yml"
    text = roles.read_text(encoding="utf-8")
    title = ("Very long title " * 40)[:NAME_MAX].strip()  # titles are capped (models.NAME_MAX); a licence is longer
    roles.write_text(re.sub(r"^  title: .*$", "  title: " + title, text, count=1, flags=re.M), encoding="utf-8")
    catalog = load_catalog(minimal_data)
    settings = Settings(notice="Very long licence " * 40)
    job = next(job for job in plan(catalog, settings) if job.path == f"job-descriptions/{catalog.roles[0].id}.docx")
    write_docx(job.payload, tmp_path / "role.docx")  # python-docx refused properties over 255 characters

    document = docx.Document(str(tmp_path / "role.docx"))
    assert document.core_properties.title == title
    assert len(document.core_properties.comments) == 255 and document.core_properties.comments.endswith("…")
    assert title in "\n".join(p.text for p in document.paragraphs)
