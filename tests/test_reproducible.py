"""Two builds of the same input in separate checkouts, or copies without git, give byte-identical output.

Each checkout is a copy of this working tree, built with the small data set (`extra: data_dir`)
so the documents render quickly, and SOURCE_DATE_EPOCH unset. Made into its own git repository
with a fixed commit date, its date comes from the commit; without git, from the data's latest
review date; with neither, there is no date: files carry 1980-01-01 and no page states one.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tltoolkit import load_catalog
from tltoolkit.reproducible import UNDATED, EpochError, build_date, stable_zip, write_zip

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow  # a dozen builds of copies of the project
COMMIT_DATE = "2024-05-01T12:34:56+00:00"
COMMIT_EPOCH = 1714566896


def _copy(target: Path, site_url: bool = False, strip_reviews: bool = False) -> Path:
    """This working tree's files (tracked and new, not ignored), built with the small data set."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True, check=True,
    ).stdout.decode().split("\0")  # fmt: skip
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    config = target / "mkdocs.yml"
    text = config.read_text().replace("\nextra:\n", "\nextra:\n  data_dir: tests/fixtures/minimal\n", 1)
    config.write_text(
        ("site_url: https://toolkit.example.org/\n" if site_url else "") + text
    )  # the sitemap lists pages
    if strip_reviews:  # data with no review dates: the build has no date at all
        for data in (target / "tests" / "fixtures" / "minimal").glob("*.yml"):
            data.write_text(re.sub(r"(?m)^ *reviewed(?:_by)?: .*\n", "", data.read_text()))
    return target


def _checkout(target: Path) -> Path:
    """A copy made into a fresh git repository with one commit at COMMIT_DATE."""
    _copy(target)
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE}
    git = ["git", "-C", str(target), "-c", "user.name=Build test", "-c", "user.email=build@example.org"]
    subprocess.run(["git", "init", "-q", str(target)], check=True, env=env)
    subprocess.run([*git, "add", "-A"], check=True, env=env)
    subprocess.run([*git, "commit", "-q", "--no-gpg-sign", "-m", "snapshot"], check=True, env=env)
    return target


def _build(
    project: Path, date_line: str = "build date 2024-05-01T12:34:56Z, from the last git commit", documents: bool = True
) -> Path:
    env = {key: value for key, value in os.environ.items() if key not in ("SOURCE_DATE_EPOCH", "TL_DOCUMENTS")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if not documents:  # the pages and the offline zip are dated all the same; nothing to render
        env["TL_DOCUMENTS"] = "off"
    env["GIT_CEILING_DIRECTORIES"] = str(project.parent)  # a copy without .git finds no repository above it
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=project, check=False)
    assert result.returncode == 0, result.stderr
    assert date_line in result.stderr
    return project / "site"


def _differences(a: Path, b: Path) -> list[str]:
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    differ = [str(p) for p in sorted(files_a & files_b) if (a / p).read_bytes() != (b / p).read_bytes()]
    return differ + [f"only in one build: {p}" for p in sorted(files_a ^ files_b)]


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("reproducible")
    return _build(_checkout(base / "one")), _build(_checkout(base / "two"))


def test_two_checkouts_build_byte_identical_sites(two_builds) -> None:
    one, two = two_builds
    kinds = {p.suffix for p in one.rglob("*") if p.is_file()}
    assert {".html", ".pdf", ".docx", ".csv", ".json", ".xml", ".gz"} <= kinds
    assert _differences(one, two) == []


def test_the_site_is_dated_by_the_last_commit_and_documents_by_their_review(two_builds) -> None:
    one, _ = two_builds
    # Documents carry their content's date (here the role's review date), so a new commit leaves the cache valid.
    role = next(role for role in load_catalog(ROOT / "tests" / "fixtures" / "minimal").roles if role.reviewed)
    with zipfile.ZipFile(one / "downloads" / "job-descriptions" / f"{role.id}.docx") as archive:
        expected = (role.reviewed.year, role.reviewed.month, role.reviewed.day, 0, 0, 0)
        assert {entry.date_time for entry in archive.infolist()} == {expected}
        core = archive.read("docProps/core.xml").decode()
    assert re.search(rf"<dcterms:created[^>]*>{role.reviewed.isoformat()}T00:00:00Z<", core)
    with open(one / "sitemap.xml.gz", "rb") as handle:
        # gzip header time: MkDocs dates the sitemap by day, from SOURCE_DATE_EPOCH (set by the hook)
        assert int.from_bytes(handle.read(8)[4:8], "little") == COMMIT_EPOCH - COMMIT_EPOCH % 86400
    assert gzip.decompress((one / "sitemap.xml.gz").read_bytes()) == (one / "sitemap.xml").read_bytes()


def test_a_rebuild_from_the_document_cache_is_identical(two_builds) -> None:
    one, two = two_builds
    project = one.parent
    before = {p: p.read_bytes() for p in (one / "downloads").rglob("*") if p.is_file()}
    _build(project)  # every document comes from .cache/documents this time
    assert {p: p.read_bytes() for p in (one / "downloads").rglob("*") if p.is_file()} == before
    assert _differences(one, two) == []


# --- copies without git -------------------------------------------------------------------------

REVIEWED = "2025-03-10"  # the one review date in tests/fixtures/minimal
NO_DATE = "build date none, from nowhere"


@pytest.fixture(scope="module")
def undated_copies(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two copies without .git, SOURCE_DATE_EPOCH or any review date in the data."""
    base = tmp_path_factory.mktemp("undated")
    return tuple(_build(_copy(base / name, site_url=True, strip_reviews=True), NO_DATE) for name in ("one", "two"))


def test_two_copies_without_git_or_dates_build_byte_identical_sites(undated_copies) -> None:
    one, two = undated_copies
    kinds = {p.suffix for p in one.rglob("*") if p.is_file()}
    assert {".html", ".pdf", ".docx", ".zip", ".xml", ".gz"} <= kinds
    assert _differences(one, two) == []


def test_without_a_date_nothing_states_one_and_files_carry_the_zip_minimum(undated_copies) -> None:
    one, _ = undated_copies
    sitemap = (one / "sitemap.xml").read_text()
    assert "<loc>https://toolkit.example.org/roles/</loc>" in sitemap and "<lastmod>" not in sitemap
    with open(one / "sitemap.xml.gz", "rb") as handle:
        assert int.from_bytes(handle.read(8)[4:8], "little") == UNDATED
    with zipfile.ZipFile(one / "downloads" / "teacher-leadership-toolkit-offline.zip") as archive:
        entries = archive.infolist()
    assert {(e.date_time, e.create_system, e.external_attr >> 16) for e in entries} == {
        ((1980, 1, 1, 0, 0, 0), 3, 0o644)
    }
    assert "1980" not in (one / "index.html").read_text()


def test_without_git_the_date_comes_from_the_latest_review(tmp_path: Path) -> None:
    site = _build(
        _copy(tmp_path / "copy", site_url=True),
        f"build date {REVIEWED}T00:00:00Z, from the latest review date",
        documents=False,  # what is dated here is the site (the documents' own date: the test above)
    )
    assert f"<lastmod>{REVIEWED}</lastmod>" in (site / "sitemap.xml").read_text()
    with zipfile.ZipFile(site / "downloads" / "teacher-leadership-toolkit-offline.zip") as archive:
        assert {e.date_time for e in archive.infolist()} == {(2025, 3, 10, 0, 0, 0)}


def test_the_build_date_sources_in_order(tmp_path: Path) -> None:
    from datetime import date

    environ = {"SOURCE_DATE_EPOCH": "1700000000"}
    assert build_date(tmp_path, [date(2025, 3, 10)], environ).epoch == 1700000000
    with pytest.raises(EpochError, match="whole number of seconds"):
        build_date(tmp_path, [], {"SOURCE_DATE_EPOCH": "yesterday"})
    from_content = build_date(tmp_path, [date(2024, 1, 2), date(2025, 3, 10)], {})  # not a git checkout
    assert (from_content.day, from_content.known) == (date(2025, 3, 10), True)
    assert "latest review date" in from_content.origin
    none = build_date(tmp_path, [], {})
    assert (none.epoch, none.known, none.day) == (UNDATED, False, None) and "'review due' is off" in none.origin
    # What the hook hands the offline copy's build when there is no date means no date there too.
    assert build_date(tmp_path, [], {"SOURCE_DATE_EPOCH": str(UNDATED)}).known is False


def test_the_one_zip_writer_ignores_the_machine(tmp_path: Path) -> None:
    write_zip(tmp_path / "a.zip", [("x/b.txt", b"B"), ("x/a.txt", b"A")], (2024, 5, 1, 0, 0, 0))
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        assert [(e.filename, e.create_system, e.external_attr >> 16) for e in archive.infolist()] == [
            ("x/b.txt", 3, 0o644),
            ("x/a.txt", 3, 0o644),
        ]


def test_the_zip_writer_stores_only_the_kinds_it_is_told_and_word_files_deflate_everything(tmp_path: Path) -> None:
    text = b"the same line again " * 200
    write_zip(
        tmp_path / "a.zip", [("x/a.PDF", text), ("x/b.pdf.txt", text), ("x/c.docx", text)], stored=(".pdf", ".docx")
    )
    write_zip(tmp_path / "b.zip", [("x/a.pdf", text)])  # as a Word file's parts are written: no `stored`
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        assert [(e.filename, e.compress_type) for e in archive.infolist()] == [
            ("x/a.PDF", zipfile.ZIP_STORED), ("x/b.pdf.txt", zipfile.ZIP_DEFLATED), ("x/c.docx", zipfile.ZIP_STORED)
        ]  # fmt: skip
        assert [archive.read(e) for e in archive.namelist()] == [text] * 3 and archive.testzip() is None
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        assert archive.getinfo("x/a.pdf").compress_type == zipfile.ZIP_DEFLATED


def test_stable_zip_keeps_content_and_order_and_drops_clock_times() -> None:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("b.xml", date_time=(2031, 2, 3, 4, 5, 6)), "B")
        archive.writestr("a.xml", "A")
    fixed = stable_zip(buffer.getvalue(), (2024, 5, 1, 0, 0, 0))
    with zipfile.ZipFile(io.BytesIO(fixed)) as archive:
        assert [(e.filename, e.date_time) for e in archive.infolist()] == [
            ("b.xml", (2024, 5, 1, 0, 0, 0)),
            ("a.xml", (2024, 5, 1, 0, 0, 0)),
        ]
        assert archive.read("b.xml") == b"B"
