"""A district's names, licence and contact reach every page, PDF and Word file as the literal text.

The district in tests/hostile_district.py puts quotes, ampersands, a literal `&amp;` and markup
that would set `window.__pwned` into every free-text setting. The site is built once with
`mkdocs build --strict` (documents and offline copy on); each page's title, author, header,
navigation and footer must read back as typed, with no element or attribute made from them.
The browser half (nothing runs in Chromium) is tests/browser/test_hostile_district.py.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import lxml.html
import pytest
from hostile_district import CONTACT_NAME, EMAIL, LICENCE, NAME, PHONE, SITE_NAME, URL
from projects import html_errors
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
ZIP = "downloads/teacher-leadership-toolkit-offline.zip"


@pytest.fixture(scope="module")
def site(built_hostile_district: Path) -> Path:
    return built_hostile_district  # built once per session, documents on (tests/conftest.py)


def pages(site: Path) -> dict[str, str]:
    """Every HTML page of the site and of its offline copy, by name."""
    found = {str(path.relative_to(site)): path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}
    with zipfile.ZipFile(site / ZIP) as archive:
        for name in archive.namelist():
            if name.endswith(".html"):
                found[f"offline:{name}"] = archive.read(name).decode("utf-8")
    return found


def text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def one(tree: lxml.html.HtmlElement, xpath: str, page: str) -> lxml.html.HtmlElement:
    found = tree.xpath(xpath)
    assert len(found) == 1, f"{page}: {len(found)} matches for {xpath}"
    return found[0]


def test_every_page_shows_the_district_values_as_typed(site: Path) -> None:
    checked = 0
    for name, html in pages(site).items():
        if "<title>Redirecting" in html:
            continue
        tree = lxml.html.fromstring(html)
        title = text(one(tree, "//head/title", name))
        assert title == SITE_NAME or title.endswith(f" - {SITE_NAME}"), f"{name}: {title!r}"
        assert one(tree, "//head/meta[@name='author']", name).get("content") == NAME, name
        header = one(
            tree, "//header//*[contains(@class, 'md-header__topic')][1]//*[contains(@class, 'md-ellipsis')]", name
        )
        assert text(header) == SITE_NAME, name
        nav_title = one(
            tree, "//nav[contains(@class, 'md-nav--primary')]/label[contains(@class, 'md-nav__title')]", name
        )
        assert text(nav_title) == SITE_NAME, name
        for logo in tree.xpath("//a[contains(@class, 'md-logo')]"):  # header and navigation
            assert logo.get("title") == SITE_NAME and logo.get("aria-label") == SITE_NAME, name
        assert text(one(tree, "//footer//*[@class='tl-licence']", name)) == LICENCE, name
        contact = one(tree, "//footer//*[@class='tl-contact']", name)
        assert text(contact) == f"Questions about this toolkit: {CONTACT_NAME} · {EMAIL} · {PHONE} · {URL}", name
        assert [a.get("href") for a in contact.xpath(".//a")] == [f"mailto:{EMAIL}", "tel:5550104200,7", URL], name
        checked += 1
    assert checked > 40  # every page of the site and of the offline copy


def test_no_element_or_attribute_comes_from_the_district_values(site: Path) -> None:
    for name, html in pages(site).items():
        tree = lxml.html.fromstring(html)
        assert not tree.xpath("//img[@onerror] | //*[local-name()='svg'][@onload] | //footer//b"), name
        handlers = [
            (el.tag, attr)
            for el in tree.iter()
            if isinstance(el.tag, str)
            for attr in el.attrib
            if attr.startswith("on")
        ]
        assert handlers == [], f"{name}: {handlers}"
        scripts = [script.text or "" for script in tree.xpath("//script")]
        assert not [s for s in scripts if "__pwned" in s], name
        # Titles end where the page's title ends: the name's </title> did not close it early.
        assert html.count("<title>") == html.count("</title>") == 1, name


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_pdfs_carry_the_literal_values_in_header_footer_and_metadata(site: Path) -> None:
    documents = sorted((site / "downloads").rglob("*.pdf"))
    assert len(documents) >= 6
    contact = f"Questions: {CONTACT_NAME} · {EMAIL} · {PHONE} · {URL}"
    for path in documents:
        reader = PdfReader(path)
        assert reader.metadata.author == NAME, path
        body = pdf_text(path)
        assert SITE_NAME.upper() in body.upper(), path  # the running header (set in capitals by the style)
        assert contact in body, path  # the running footer
        assert LICENCE in body, path  # the notice at the end


def test_word_files_carry_the_literal_values_in_header_footer_and_properties(site: Path) -> None:
    documents = sorted((site / "downloads").rglob("*.docx"))
    assert len(documents) >= 4
    for path in documents:
        document = docx.Document(io.BytesIO(path.read_bytes()))
        properties = document.core_properties
        assert (properties.author, properties.last_modified_by, properties.comments) == (NAME, NAME, LICENCE), path
        header = " ".join(p.text for p in document.sections[0].header.paragraphs)
        footer = " ".join(p.text for p in document.sections[0].footer.paragraphs)
        assert header.startswith(SITE_NAME), (path, header)
        assert LICENCE in footer and f"Questions: {CONTACT_NAME} · {EMAIL}" in footer, (path, footer)
        assert f"{SITE_NAME}. {LICENCE}" in [p.text.strip() for p in document.paragraphs], path  # the closing note


def test_pages_stay_valid_html(site: Path) -> None:
    """Quotes and markup in the names once broke the HTML itself: the Nu HTML Checker finds no error."""
    pages = ("index.html", "404.html", "roles/index.html", "roles/data-team-facilitator/index.html")
    errors = html_errors(site, [site / page for page in pages])
    assert not errors, "\n".join(errors[:20])
