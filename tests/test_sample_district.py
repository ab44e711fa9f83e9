"""The worked example, examples/sample-district, built with `mkdocs build --strict` (once per session): what its readers get."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tltoolkit.source.logo import read_logo

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample-district"
A4 = (595, 842)


@pytest.fixture(scope="module")
def site(built_sample_district: Path) -> Path:
    return built_sample_district  # built once per session (tests/conftest.py)


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_name_logo_and_colours_are_the_districts(site: Path) -> None:
    page = html(site, "roles/math-coach")
    assert "<title>Math coach - Riverside Unified Teacher Leadership Toolkit</title>" in page
    assert re.search(r'<span class="md-ellipsis">\s*Riverside Unified Teacher Leadership Toolkit', page)
    # The link around the logo carries the site name; the image itself is decorative (alt="").
    assert '<img src="../../assets/district-logo.svg" alt="">' in page and 'alt="logo"' not in page
    # The checked logo as lxml writes it out again: the same drawing, nothing but what was checked.
    assert (site / "assets" / "district-logo.svg").read_bytes() == read_logo(SAMPLE / "logo.svg", "logo.svg").data
    assert 'data-md-color-primary="custom"' in page and "stylesheets/district.css" in page
    css = (site / "stylesheets" / "district.css").read_text()
    assert "--md-primary-fg-color: #1b5e20;" in css and "--md-accent-fg-color: #b45309;" in css


def test_footer_carries_the_licence_and_contact(site: Path) -> None:
    page = html(site, "conditions")
    assert "© 2026 Riverside Unified School District. Adapted from the Teacher Leadership Toolkit, CC BY 4.0." in page
    assert '<a href="mailto:teacherleadership@riverside.example.org">' in page
    assert '<a href="tel:5550104200">(555) 010-4200</a>' in page


def test_added_overridden_and_removed_items(site: Path) -> None:
    inventory = html(site, "roles")
    for role_id, title in (("dual-language-program-lead", "Dual-language program lead"),
                           ("restorative-practices-lead", "Restorative practices lead"), ("math-coach", "Math coach")):  # fmt: skip
        assert f'href="{role_id}/"' in inventory and title in inventory
        assert (site / "roles" / role_id / "index.html").is_file()
    assert "union-building-rep" not in inventory and not (site / "roles" / "union-building-rep").exists()
    assert "Illustrative Mathematics rollout in grades K to 8" in html(site, "roles/math-coach")
    assert "early-release Wednesday afternoons belong to teams" in html(site, "conditions")
    assert "In March, before Riverside schools submit" in html(site, "guides/protecting-leadership-time")
    assert "team-leader view in the district data system" in html(site, "principal-moves")
    restorative = html(site, "roles/restorative-practices-lead")
    assert "Reviewed 20 August 2026 by Riverside Office of Teacher Leadership" in restorative
    assert "Written by the Riverside Office of Teacher Leadership, 2026." in restorative
    # Toolkit items the district has not reviewed say so, with the district's name.
    assert "Not yet reviewed by Riverside Unified: adapt it before use" in html(site, "roles/literacy-coach")


def test_pdfs_are_a4_and_carry_the_district(site: Path) -> None:
    downloads = site / "downloads"
    for path in (downloads / "job-descriptions" / "dual-language-program-lead.pdf", downloads / "guides" / "all-guides.pdf",
                 downloads / "school-conditions.pdf"):  # fmt: skip
        reader = PdfReader(path)
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == A4, path
        assert reader.metadata.author == "Riverside Unified School District", path
        text = pdf_text(path)
        assert "RIVERSIDE UNIFIED TEACHER LEADERSHIP TOOLKIT" in text, path
        assert "teacherleadership@riverside.example.org" in text, path
        assert "Adapted from the Teacher Leadership Toolkit, CC BY 4.0." in text, path
    role = pdf_text(downloads / "job-descriptions" / "dual-language-program-lead.pdf")
    assert "Reviewed 20 August 2026 by Riverside Office of Teacher Leadership · Written by the Riverside Office" in role
    conditions = pdf_text(downloads / "school-conditions.pdf")
    assert "Not yet reviewed by Riverside Unified: adapt it before use" in conditions


def test_word_files_carry_the_district(site: Path) -> None:
    document = docx.Document(str(site / "downloads" / "job-descriptions" / "restorative-practices-lead.docx"))
    section = document.sections[0]
    assert (
        section.header.paragraphs[0].text == "Riverside Unified Teacher Leadership Toolkit · Restorative practices lead"
    )
    footer = section.footer.paragraphs[0].text
    assert "© 2026 Riverside Unified School District" in footer and "Office of Teacher Leadership" in footer
    assert document.core_properties.author == "Riverside Unified School District"
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
