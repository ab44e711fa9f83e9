"""A district whose settings carry quotes, ampersands and markup in every free-text field.

Shared by tests/test_district_text.py (pages, PDFs, Word files) and
tests/browser/test_hostile_district.py (nothing runs in Chromium). Each value sets
`window.__pwned` if it ever became markup; each must reach every output as typed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from projects import project_copy

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"

NAME = """Springfield "Eagles" & Co's <img src=x onerror="window.__pwned='name'"> District"""
SHORT_NAME = "</title><script>window.__pwned='short_name'</script> Springfield &amp; 'Co'"  # '&amp;' meant as text
SITE_NAME = f"{SHORT_NAME} Teacher Leadership Toolkit"  # the default: '<short name> Teacher Leadership Toolkit'
LICENCE = """&amp; stays as typed; <b onmouseover="window.__pwned='licence'">bold</b> "quoted" & 'single' © 2026"""
CONTACT_NAME = """<svg onload="window.__pwned='contact'"/> Office of "Leaders" & Aides"""
EMAIL = "leaders@springfield.example.org"
PHONE = "(555) 010-4200 ext. 7"
URL = "https://springfield.example.org/leaders?a=1&b=2"
VALUES = {"name": NAME, "site name": SITE_NAME, "licence": LICENCE, "contact name": CONTACT_NAME}

SETTINGS = yaml.safe_dump(
    {
        "name": NAME,
        "short_name": SHORT_NAME,
        "contact": {"name": CONTACT_NAME, "email": EMAIL, "phone": PHONE, "url": URL},
        "licence": LICENCE,
    },
    allow_unicode=True,
    sort_keys=False,
    width=1000,
)


def hostile_district_project(base: Path) -> Path:
    """A project copy with the minimal data and the hostile district.yml, named in its mkdocs.yml."""
    project = project_copy(base)
    shutil.copytree(MINIMAL, project / "data")
    (project / "district.yml").write_text(SETTINGS, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nextra:\n" in text
    config.write_text(text.replace("\nextra:\n", "\nextra:\n  district: district.yml\n", 1), encoding="utf-8")
    return project
