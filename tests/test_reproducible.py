"""Two builds of the same input in separate checkouts give byte-identical output.

Each checkout is a copy of this working tree made into its own git repository with a fixed
commit date, built with the small data set (`extra: data_dir`) so the documents render
quickly. SOURCE_DATE_EPOCH is not set, so the date comes from the commit.
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
from tltoolkit.reproducible import EpochError, source_date_epoch, stable_zip

ROOT = Path(__file__).resolve().parents[1]
COMMIT_DATE = "2024-05-01T12:34:56+00:00"
COMMIT_EPOCH = 1714566896


def _checkout(target: Path) -> Path:
    """This working tree's files (tracked and new, not ignored) as a fresh git repository."""
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
    config.write_text(config.read_text().replace("\nextra:\n", "\nextra:\n  data_dir: tests/fixtures/minimal\n", 1))
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE}
    git = ["git", "-C", str(target), "-c", "user.name=Build test", "-c", "user.email=build@example.org"]
    subprocess.run(["git", "init", "-q", str(target)], check=True, env=env)
    subprocess.run([*git, "add", "-A"], check=True, env=env)
    subprocess.run([*git, "commit", "-q", "--no-gpg-sign", "-m", "snapshot"], check=True, env=env)
    return target


def _build(project: Path) -> Path:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=project, check=False)
    assert result.returncode == 0, result.stderr
    assert "build date 2024-05-01T12:34:56Z, from the last git commit" in result.stderr
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


def test_source_date_epoch_wins_and_is_checked(tmp_path: Path) -> None:
    assert source_date_epoch(tmp_path, {"SOURCE_DATE_EPOCH": "1700000000"}) == (1700000000, "SOURCE_DATE_EPOCH=1700000000")
    with pytest.raises(EpochError, match="whole number of seconds"):
        source_date_epoch(tmp_path, {"SOURCE_DATE_EPOCH": "yesterday"})
    epoch, origin = source_date_epoch(tmp_path, {})  # not a git checkout
    assert epoch > COMMIT_EPOCH and "builds will differ" in origin


def test_stable_zip_keeps_content_and_order_and_drops_clock_times() -> None:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("b.xml", date_time=(2031, 2, 3, 4, 5, 6)), "B")
        archive.writestr("a.xml", "A")
    fixed = stable_zip(buffer.getvalue(), (2024, 5, 1, 0, 0, 0))
    with zipfile.ZipFile(io.BytesIO(fixed)) as archive:
        assert [(e.filename, e.date_time) for e in archive.infolist()] == [("b.xml", (2024, 5, 1, 0, 0, 0)), ("a.xml", (2024, 5, 1, 0, 0, 0))]
        assert archive.read("b.xml") == b"B"
