"""Every Word file the site offers opens in a real word processor: LibreOffice (headless) converts
each one to PDF, and the converted text holds the document's title, every heading and every
paragraph written into it. The PDFs' text is read by Poppler's pdftotext where it is installed
(poppler-utils; .ci/run installs it), else by pypdf: checking the 138 converted files took 21
CPU-seconds with pdftotext, 61 with pypdf (measured on 2 December 2026).

Without LibreOffice the test skips and says so; with TL_BROWSER_TESTS=required (as in CI, where
.ci/run installs Debian's libreoffice-writer-nogui) a missing LibreOffice fails it instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

INSTALL = "apt-get install libreoffice-writer-nogui"


def soffice_or_skip() -> str:
    """The path of LibreOffice's `soffice`, or skip (fail where required) with the reason."""
    soffice = shutil.which("soffice")
    if soffice is None:
        reason = f"LibreOffice is not installed ({INSTALL})"
        if os.environ.get("CI") or os.environ.get("TL_BROWSER_TESTS") == "required":
            pytest.fail(f"The Word files must be checked here (TL_BROWSER_TESTS=required): {reason}", pytrace=False)
        pytest.skip(f"Word files not opened in LibreOffice: {reason}")
    return soffice


def words(text: str) -> str:
    """Whitespace folded; a line broken after a hyphen joined again; typographic ligatures spelled out."""
    text = text.replace("\ufb01", "fi").replace("\ufb02", "fl")
    return re.sub(r"-\s+", "-", " ".join(text.split()))


def convert(soffice: str, files: list[Path], work: Path) -> Path:
    """All `files` converted to PDF by one LibreOffice start (starting it is most of the time)."""
    out = work / "pdf"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",  # a private profile: no clash with a running LibreOffice
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "HOME": str(work)},
    )
    assert result.returncode == 0, f"soffice failed:\n{result.stdout}\n{result.stderr}"
    return out


# Under 2 seconds a file, but the site offers over a hundred: about as long as building the site.
@pytest.mark.slow
def test_every_word_file_opens_and_converts_in_libreoffice(built_site: Path, tmp_path: Path) -> None:
    soffice = soffice_or_skip()
    downloads = built_site / "downloads"
    offered = sorted(downloads.rglob("*.docx"))
    assert len(offered) >= 10
    # Folders reuse names (job-descriptions/blank.docx, selection/blank.docx): flatten them apart.
    flat = {path: tmp_path / "in" / str(path.relative_to(downloads)).replace("/", "--") for path in offered}
    (tmp_path / "in").mkdir()
    for source, copy in flat.items():
        shutil.copyfile(source, copy)
    out = convert(soffice, list(flat.values()), tmp_path)
    problems = [problem for source, copy in flat.items() for problem in check(source, copy, out, downloads)]
    assert not problems, "\n".join(problems)


def page_texts(pdf: Path, reader: PdfReader) -> list[str]:
    """The text of each page: by Poppler's pdftotext where installed, else by pypdf (reading the text
    was half this test's time with pypdf). `-raw` keeps lines as drawn: a hyphen at a line's end stays."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        return [page.extract_text() for page in reader.pages]
    result = subprocess.run(
        [pdftotext, "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True, timeout=60
    )
    pages = result.stdout.decode("utf-8").split("\f")  # a form feed ends each page
    assert len(pages) == len(reader.pages) + 1 and not pages[-1].strip(), f"{pdf.name}: pdftotext's pages"
    return pages[:-1]


def check(source: Path, copy: Path, out: Path, downloads: Path) -> list[str]:
    """What is wrong with the PDF LibreOffice made of `source` (none: its text is all there)."""
    name = str(source.relative_to(downloads))
    problems = []
    converted = out / f"{copy.stem}.pdf"
    if not converted.is_file():
        return [f"{name}: not converted"]
    reader = PdfReader(converted)
    document = docx.Document(str(source))
    # A paragraph running onto the next page has that page's header and footer in its middle.
    running = [
        words(" ".join(p.text for p in part.paragraphs))
        for part in (document.sections[0].header, document.sections[0].footer)
    ]
    pages = [words(page) for page in page_texts(converted, reader)]
    text = words(" ".join(pages))
    for line in filter(None, running):
        pages = [page.replace(line, " ") for page in pages]
    between = words(" ".join(pages))  # the text without them (the closing note may repeat the footer)
    if reader.metadata.title != document.core_properties.title:
        problems.append(f"{name}: title {reader.metadata.title!r}")
    styles = {paragraph.style.name for paragraph in document.paragraphs}
    if not {"Title", "Heading 1"} <= styles:
        problems.append(f"{name}: no title or headings ({sorted(styles)})")
    missing = [
        p.text
        for p in document.paragraphs
        if p.text.strip() and words(p.text) not in text and words(p.text) not in between
    ]
    if missing:
        problems.append(f"{name}: {len(missing)} paragraphs missing, the first {missing[0]!r}")
    return problems


@pytest.mark.parametrize("required", [False, True], ids=["optional", "required"])
def test_without_libreoffice_the_check_skips_or_fails_when_required(
    monkeypatch: pytest.MonkeyPatch, required: bool
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: None)
    monkeypatch.delenv("CI", raising=False)
    if required:
        monkeypatch.setenv("TL_BROWSER_TESTS", "required")
    else:
        monkeypatch.delenv("TL_BROWSER_TESTS", raising=False)
    outcome = pytest.fail.Exception if required else pytest.skip.Exception
    with pytest.raises(outcome, match="LibreOffice is not installed"):
        soffice_or_skip()
