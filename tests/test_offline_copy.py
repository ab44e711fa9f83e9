"""The offline copy made from the built site (tltoolkit.web.offline): every link leads to a file
of the copy, search has its index as a script, nothing is loaded from the network, and the copy
is byte for byte what Material's offline plugin builds (`OFFLINE=true`, as `scripts/site offline`
runs). tests/browser/test_offline.py opens the copy in Chromium.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from mkdocs.utils import get_relative_url
from projects import ROOT, build_ok, project_copy

from tltoolkit.reproducible import write_zip
from tltoolkit.web.offline import FOLDER, STORED, ZIP, OfflineError, Page, offline_files, relative_url


def _links(html: bytes) -> list[str]:
    """The href and src of every element, as a browser reads the page."""
    return [str(url) for url in lxml.html.fromstring(html).xpath("//@href | //@src")]


@pytest.fixture(scope="module")
def copy(built_site: Path) -> dict[str, bytes]:
    """The files of the zip the toolkit's build offers, by path inside its one folder."""
    with zipfile.ZipFile(built_site / ZIP) as archive:
        return {name.removeprefix(f"{FOLDER}/"): archive.read(name) for name in archive.namelist()}


def test_every_link_in_the_copy_opens_a_file_of_the_copy(copy: dict[str, bytes]) -> None:
    pages = [name for name in copy if name.endswith(".html")]
    assert len(pages) > 40
    checked = 0
    for name in pages:
        for url in _links(copy[name]):
            parts = urlsplit(url)
            if parts.scheme or url.startswith("#") or name == "404.html":  # 404 is served by a server, at any depth
                continue
            assert not parts.path.endswith("/") and parts.path not in ("", ".", ".."), f"{name}: a folder link {url}"
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path)))
            assert target in copy, f"{name}: {url} leads nowhere in the copy"
            checked += 1
    assert checked > 1000


def test_pages_are_files_named_after_their_page(copy: dict[str, bytes], built_site: Path) -> None:
    assert "roles/literacy-coach.html" in copy and "roles/literacy-coach/index.html" not in copy
    assert "roles/index.html" in copy and "index.html" in copy
    online = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert len(online) == len([name for name in copy if name.endswith(".html")])


def test_search_index_is_a_script_whose_places_are_pages_of_the_copy(copy: dict[str, bytes]) -> None:
    script = copy["search/search_index.js"].decode("utf-8")
    assert script.startswith("var __index = ")
    index = json.loads(script.removeprefix("var __index = "))
    assert json.loads(copy["search/search_index.json"]) == index
    assert any(doc["title"] == "Literacy coach" for doc in index["docs"])
    for doc in index["docs"]:
        assert urlsplit(doc["location"]).path in copy, doc["location"]
    home = copy["index.html"].decode("utf-8")
    assert '<script src="javascripts/vendor/iframe-worker-shim.js"></script>' in home  # search without a server
    assert "javascripts/vendor/iframe-worker-shim.js" in copy


def test_nothing_in_the_copy_is_loaded_from_the_network(copy: dict[str, bytes]) -> None:
    for name, data in copy.items():
        if name.endswith(".html"):
            html = data.decode("utf-8")
            loaded = re.findall(r'<(?:script|img|iframe)\b[^>]*\ssrc="([^"]*)"', html)
            loaded += re.findall(
                r'<link\b[^>]*\brel="(?:stylesheet|icon|preload|modulepreload)"[^>]*\shref="([^"]*)"', html
            )
            assert not [url for url in loaded if urlsplit(url).scheme or url.startswith("//")], name
            assert "unpkg.com" not in html, name


def test_the_copy_offers_no_zip_of_itself(copy: dict[str, bytes], built_site: Path) -> None:
    assert f'href="{ZIP}"' in (built_site / "index.html").read_text(encoding="utf-8")
    links = [url for name, data in copy.items() if name.endswith(".html") for url in _links(data)]
    assert links and not [url for url in links if url.endswith(".zip")]
    assert not any(name.endswith((".zip", ".map")) for name in copy)


def test_compressed_files_are_stored_the_rest_deflated_and_every_file_is_the_sites(built_site: Path) -> None:
    """A deliberate difference from a zip with every entry deflated: PDFs, Word files, fonts, images
    and gzip files are compressed inside already and are stored as they are (deflating them again
    took most of the zip step for a few per cent of their size); all else is deflated."""
    with zipfile.ZipFile(built_site / ZIP) as archive:
        assert archive.testzip() is None  # every entry reads back with its checksum
        entries = {info.filename.removeprefix(f"{FOLDER}/"): info for info in archive.infolist()}
        stored = {name for name, info in entries.items() if info.compress_type == zipfile.ZIP_STORED}
        deflated = {name for name, info in entries.items() if info.compress_type == zipfile.ZIP_DEFLATED}
        assert stored | deflated == set(entries)
        assert stored == {name for name in entries if name.lower().endswith(STORED)}
        assert {PurePosixPath(name).suffix for name in stored} >= {".pdf", ".docx", ".woff2", ".png", ".gz"}
        assert {PurePosixPath(name).suffix for name in deflated} >= {".html", ".js", ".css", ".json", ".csv", ".xml"}
        changed = {name for name in entries if name.endswith(".html") or name.startswith(("search/", "sitemap"))}
        for name in set(entries) - changed:  # the rest of the copy: the site's files, byte for byte
            assert archive.read(f"{FOLDER}/{name}") == (built_site / name).read_bytes(), name
        # What storing costs: the site's PDFs and Word files deflated again would be under 10 % smaller.
        documents = [archive.read(f"{FOLDER}/{name}") for name in stored if name.endswith((".pdf", ".docx"))]
    assert len(documents) > 200
    size, deflated_size = sum(map(len, documents)), sum(len(zlib.compress(data)) for data in documents)
    assert 0.9 * size < deflated_size < size


@pytest.mark.parametrize("url", ["", ".", "./", "index.html", "roles/", "roles/x.html", "assets/a.css", "a/b/c/"])
@pytest.mark.parametrize("other", ["", "index.html", "roles/", "roles/x/", "roles/x.html", "a/b.html", "404.html"])
def test_relative_urls_are_written_as_mkdocs_writes_them(url: str, other: str) -> None:
    assert relative_url(url, other) == get_relative_url(url, other)


# Material's page head as far as the polyfills (its `libs` block), which the copy adds the shim to.
_HEAD = '<link rel="stylesheet" href="{}assets/stylesheets/main.0a1b.min.css">\n      \n      \n\n\n    \n    \n      \n    \n'


def test_only_links_change_not_code_samples_scripts_or_comments(tmp_path: Path) -> None:
    (tmp_path / "roles" / "x").mkdir(parents=True)
    body = (
        '<a href="../">All roles</a> <a href="../../#start">Home</a> <img src="../../assets/i.png">'
        ' <code>&lt;a href="../"&gt;</code> <script>var s = \'<a href="../">\';</script> <!-- <a href="../"> -->'
    )
    (tmp_path / "roles" / "x" / "index.html").write_text(_HEAD.format("../../") + body)
    (tmp_path / "roles" / "index.html").write_text(_HEAD.format("../"))
    (tmp_path / "index.html").write_text(_HEAD.format(""))
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text('{"docs":[{"location":"roles/x/#duties","text":"x"}]}')
    pages = [Page("", "index.html"), Page("roles/", "roles/index.html"), Page("roles/x/", "roles/x.html")]
    copy = {name: data.decode() for name, data in offline_files(tmp_path, pages)}
    assert sorted(copy) == sorted(["index.html", "roles/index.html", "roles/x.html", "search/search_index.js",
                                   "search/search_index.json"])  # fmt: skip
    shim = '<script src="../javascripts/vendor/iframe-worker-shim.js"></script>'
    head = _HEAD.format("../").removesuffix("\n    \n") + f"\n        {shim}\n      \n    \n"  # after the polyfills
    assert copy["roles/x.html"] == head + (
        '<a href="index.html">All roles</a> <a href="../index.html#start">Home</a> <img src="../assets/i.png">'
        ' <code>&lt;a href="../"&gt;</code> <script>var s = \'<a href="../">\';</script> <!-- <a href="../"> -->'
    )
    assert copy["search/search_index.js"] == 'var __index = {"docs":[{"location":"roles/x.html#duties","text":"x"}]}'


def test_a_change_in_materials_page_head_stops_the_build_instead_of_breaking_search(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html><head><title>x</title></head><body></body></html>")
    with pytest.raises(OfflineError, match="page head"):
        list(offline_files(tmp_path, [Page("", "index.html")]))


# --- the same bytes as Material's offline plugin ----------------------------------------------


@pytest.mark.slow  # builds the small project twice: with the zip, and with OFFLINE=true
def test_the_copy_is_what_materials_offline_plugin_builds(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", project / "data")
    config = project / "mkdocs.yml"
    # A site address: canonical links, the sitemap (and its gzip) name pages too.
    config.write_text("site_url: https://toolkit.example.org/sub/\n" + config.read_text(encoding="utf-8"))
    env = {"TL_DOCUMENTS": "off", "SOURCE_DATE_EPOCH": "1714566896"}  # documents are copied as they are
    site = build_ok(config, tmp_path / "site", env=env)
    plugin = build_ok(config, tmp_path / "plugin", env={**env, "OFFLINE": "true"})
    with zipfile.ZipFile(site / ZIP) as archive:
        ours = {name.removeprefix(f"{FOLDER}/"): archive.read(name) for name in archive.namelist()}
    theirs = {p.relative_to(plugin).as_posix(): p.read_bytes() for p in plugin.rglob("*") if p.is_file()}
    theirs = {name: data for name, data in theirs.items() if not name.endswith(".map")}
    assert sorted(ours) == sorted(theirs)
    assert [name for name in sorted(ours) if ours[name] != theirs[name]] == []
    assert b"https://toolkit.example.org/sub/roles/index.html" in ours["sitemap.xml"]


# --- the benchmark's measurement ----------------------------------------------------------------


def test_the_benchmark_builds_with_and_without_the_zip_in_turns_and_leaves_it_off(tmp_path: Path) -> None:
    from tltoolkit.bench import offline as bench
    from tltoolkit.bench.run import Build, Size

    project = tmp_path / "project"
    (project / "site" / "downloads").mkdir(parents=True)
    (project / "site" / "roles.csv").write_text("x")
    (project / "mkdocs.yml").write_text("extra:\n  offline_zip: false\n")
    seen: list[bool] = []
    times = iter([9.0, 1.0, 2.0, 1.5, 1.6])  # prime, then without/with, twice

    def fake_build(where: Path, documents: bool) -> Build:
        zip_on = "offline_zip: true" in (where / "mkdocs.yml").read_text()
        seen.append(zip_on)
        if zip_on:  # what the hook makes
            write_zip(where / "site" / ZIP, [(f"{FOLDER}/roles.csv", b"x")])
        return Build(seconds=next(times), peak_rss=0)

    builds = bench.measure(project, fake_build, True, 2, lambda _: None)
    assert seen == [False, False, True, False, True]
    assert (builds[bench.WITHOUT].seconds, builds[bench.WITH].seconds) == (1.0, 1.6)  # the fastest of each
    assert "offline_zip: false" in (project / "mkdocs.yml").read_text()
    assert builds[bench.STEP].seconds < 1.0  # the zip step alone, timed on the built site
    size = Size(43, builds)
    assert "| 43 | 1.0 s | 1.6 s | 1.60 | 0.0 s |" in "\n".join(bench.report([size]))
    assert bench.targets([size])[0][1:] == (1.6, 1.2, "≤")
