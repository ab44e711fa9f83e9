"""The offline copy: the built site made to open from disk, zipped for the home page's download link.

`make_zip` derives the copy from the finished site (no second build): what Material's offline
plugin changes in a build (`OFFLINE=true`, which `scripts/site offline` still runs) is done to the
built files here, byte for byte:

- pages move from `x/index.html` to `x.html` and every link to a page names its file
  (`../skills/data-use/` becomes `../skills/data-use.html`, the home page `index.html`), since a
  browser opening files does not turn a folder into its index.html;
- each page loads the iframe-worker shim (`SHIM`), which runs search without a Web Worker, and
  the search index is also written as a script (`search/search_index.js`), with the search
  worker's word counts inside it (a worker cannot fetch them from disk; `search_prebuilt.inline`);
- the home page loses the download link (the zip cannot hold itself).

Source maps are left out (they are for the theme's developers). Every entry carries the build
date, so the same site gives the same zip on any machine. Files compressed already (PDFs, Word
files, fonts, images, gzip: `STORED`) are stored, the rest deflated. tests/test_offline_copy.py
compares the result with the offline plugin's build, file by file.
"""

from __future__ import annotations

import gzip
import io
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..reproducible import iso_date, write_zip, zip_date_time
from . import search_prebuilt

ZIP = "downloads/teacher-leadership-toolkit-offline.zip"
FOLDER = "teacher-leadership-toolkit"  # the one folder inside the zip
SHIM = "javascripts/vendor/iframe-worker-shim.js"  # Material's offline plugin would take it from a CDN


class OfflineError(Exception):
    """The offline copy cannot be made from this site (the message says why)."""


@dataclass(frozen=True)
class Page:
    """A page's URL on the site (`""`, `roles/`, `roles/literacy-coach/`) and in the offline copy
    (`index.html`, `roles/index.html`, `roles/literacy-coach.html`), both as MkDocs writes them."""

    online: str
    offline: str

    @property
    def online_file(self) -> str:
        return (
            unquote(self.online) + "index.html"
            if self.online.endswith("/") or not self.online
            else unquote(self.online)
        )

    @property
    def offline_file(self) -> str:
        return unquote(self.offline)


# Formats compressed inside already, stored in the zip as they are: deflating them again took most
# of the step's time (at 500 roles, 3.0 of the 3.7 s spent deflating) for 5 to 8 % of their size.
# Pages, scripts, styles and data are deflated. WeasyPrint deflates every stream of its PDFs and a
# Word file is a zip of deflated parts (tests/test_offline_copy.py checks both on a built site).
STORED = (".pdf", ".docx", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".gz")


def make_zip(site_dir: Path, pages: Iterable[Page], epoch: int, site_url: str = "") -> tuple[Path, int]:
    """Zip the offline copy of the built site in `site_dir` into it, dated `epoch` (the build date).
    Returns the zip and its number of files."""
    target = site_dir / ZIP
    entries = ((f"{FOLDER}/{name}", data) for name, data in offline_files(site_dir, pages, site_url))
    target.parent.mkdir(parents=True, exist_ok=True)
    return target, write_zip(target, entries, zip_date_time(iso_date(epoch)), STORED)


def zip_folder(folder: Path, target: Path, epoch: int) -> int:
    """Zip `folder` as one folder named FOLDER, every entry dated `epoch`; returns the number of files."""
    files = sorted(path for path in folder.rglob("*") if path.is_file() and path.suffix != ".map")
    entries = ((f"{FOLDER}/{path.relative_to(folder).as_posix()}", path.read_bytes()) for path in files)
    return write_zip(target, entries, zip_date_time(iso_date(epoch)), STORED)


def offline_files(site_dir: Path, pages: Iterable[Page], site_url: str = "") -> Iterator[tuple[str, bytes]]:
    """Every file of the offline copy of `site_dir` (its path inside the copy, its content), in the
    order `zip_folder` would put them. `pages` are the site's Markdown pages; `site_url` its setting."""
    copy = _Copy(list(pages), site_url)
    renamed = {page.online_file: page for page in copy.pages}
    names: dict[str, str] = {}  # path in the copy -> path in site_dir
    for path in site_dir.rglob("*"):
        name = path.relative_to(site_dir).as_posix()
        if not path.is_file() or path.suffix == ".map" or name == ZIP:
            continue
        names[renamed[name].offline_file if name in renamed else name] = name
    names["search/search_index.js"] = "search/search_index.json"
    if "search/search_index.json" not in names:
        del names["search/search_index.js"]
    # The search worker cannot fetch its word counts from disk: they go inside the index (as an
    # offline build puts them, tltoolkit.web.search_prebuilt).
    prebuilt = names.pop(f"search/{search_prebuilt.FILE}", None)
    for name in sorted(names, key=PurePosixPath):
        source = names[name]
        data = (site_dir / source).read_bytes()
        if source in renamed:
            yield name, copy.page(data.decode("utf-8"), renamed[source]).encode("utf-8")
        elif source == "404.html":
            yield name, copy.not_found_page(data.decode("utf-8")).encode("utf-8")
        elif source == "search/search_index.json":
            text = data.decode("utf-8")
            if prebuilt is not None:
                text = search_prebuilt.inline(text, (site_dir / prebuilt).read_text(encoding="utf-8"))
            index = copy.search_index(text)
            yield name, (f"var __index = {index}" if name.endswith(".js") else index).encode("utf-8")
        elif source in ("sitemap.xml", "sitemap.xml.gz"):
            yield name, copy.sitemap(data, gzipped=source.endswith(".gz"))
        else:
            yield name, data


# --- The rewriting ----------------------------------------------------------------------------

# Links are attributes of tags: not text (a code sample may show `href="..."`; only its `<` is
# escaped), nor what scripts, styles and comments hold.
_TAG = re.compile(r"(<script\b[^>]*>)(.*?</script>)|<style\b.*?</style>|<!--.*?-->|<[a-zA-Z][^<>]*>", re.S)
_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_CANONICAL = re.compile(r'(<link rel="canonical" href=")([^"]*)(")')
_SCOPE = re.compile(r'(__md_scope=new URL\(")([^"]*)(",location\))')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_CONFIG_URL = re.compile(r'("(base|search)": ")([^"]*)(")')
_LOCATION = re.compile(r'("location":")([^"]*)(")')
_LOC = re.compile(r"(<loc>)([^<]*)(</loc>)")
_QUERY_OR_FRAGMENT = re.compile(r"[?#]")
# Material's `libs` block (its polyfills) in the page head, just after its stylesheets: the
# offline build lists the shim there. A change in Material's head fails here, not in a browser.
_LIBS = re.compile(
    r'(assets/stylesheets/(?:main|palette)\.[0-9a-f]+\.min\.css">\n      \n      \n\n\n    \n    \n      )'
)
# overrides/main.html's download section, as the home page has it when the zip is offered.
_DOWNLOAD = re.compile(r'    <div class="md-typeset tl-offline">\n.*?\n    </div>\n  \n', re.S)


class _Copy:
    def __init__(self, pages: list[Page], site_url: str) -> None:
        self.pages = pages
        self.by_url = {page.online: page.offline for page in pages}
        self.site_url = site_url
        self._relatives: dict[tuple[str, str], str] = {}
        self.root = urlsplit(site_url).path or "/"  # what absolute links start with (the 404 page's)
        if not self.root.endswith("/"):
            self.root += "/"

    def page(self, html: str, page: Page) -> str:
        html = _links(html, lambda url: self.url(url, page))
        html = _CANONICAL.sub(lambda m: m[1] + self.absolute(m[2]) + m[3], html, count=1)
        base = relative_url(".", page.offline)
        html = _SCOPE.sub(lambda m: m[1] + base + m[3], html, count=1)
        html = self._config(html, lambda url, key: base if key == "base" else self.url(url, page))
        html = self._shim(html, relative_url(SHIM, page.offline))
        if page.online == "":
            html, found = _DOWNLOAD.subn("", html, count=1)
            if not found and ZIP in html:
                raise OfflineError(
                    "the home page's offline download section (overrides/main.html) is not where expected"
                )
        return html

    def not_found_page(self, html: str) -> str:
        """The 404 page: its links are absolute (it is shown at any depth)."""
        html = _links(html, self.absolute)
        html = self._config(html, lambda url, key: url if key == "base" else self.absolute(url))
        return self._shim(html, self.root + SHIM)

    def search_index(self, text: str) -> str:
        return _LOCATION.sub(lambda m: m[1] + self.site_path(m[2]) + m[3], text)

    def sitemap(self, data: bytes, gzipped: bool) -> bytes:
        if not gzipped:
            return self._sitemap_text(data.decode("utf-8")).encode("utf-8")
        mtime = int.from_bytes(data[4:8], "little")  # as MkDocs wrote it: the build date
        text = self._sitemap_text(gzip.decompress(data).decode("utf-8"))
        out = io.BytesIO()
        with gzip.GzipFile(fileobj=out, filename="sitemap.xml.gz", mode="wb", mtime=mtime) as archive:
            archive.write(text.encode("utf-8"))
        return out.getvalue()

    def _sitemap_text(self, xml: str) -> str:
        return _LOC.sub(lambda m: m[1] + self.absolute(m[2]) + m[3], xml)

    def url(self, url: str, page: Page) -> str:
        """A link as written on `page` online, as the offline copy writes it."""
        if not url or url.startswith(("#", "/")) or (":" in url and urlsplit(url).scheme):
            return url  # as MkDocs leaves them (the canonical link is done apart)
        path, rest = _split(url)
        online_dir = page.online if page.online.endswith("/") or not page.online else posixpath.dirname(page.online)
        target = _normal(posixpath.join(online_dir, path))
        return self._relative(self._target(target, path), page.offline) + rest

    def _relative(self, url: str, other: str) -> str:
        """`relative_url`, remembered by the folder of `other`: the same few thousand links recur
        on every page of a folder (the navigation; at 500 roles, 37,622 links, 4,705 different)."""
        folder = other.rpartition("/")[0] if "." in other.rpartition("/")[2] else other
        if (found := self._relatives.get((url, folder))) is None:
            found = self._relatives[(url, folder)] = relative_url(url, other)
        return found

    def absolute(self, url: str) -> str:
        """An absolute link (a path from the server's root, or the site's address) for the offline copy."""
        for start in (self.site_url, self.root):
            if start and url.startswith(start):
                path, rest = _split(url[len(start) :])
                return start + self._target(_normal(path), path) + rest
        return url

    def site_path(self, location: str) -> str:
        """A location relative to the site's root (the search index's)."""
        path, rest = _split(location)
        return self._target(_normal(path), path) + rest

    def _target(self, normal: str, written: str) -> str:
        """The offline URL (from the root) of `normal`: a page's file, or the same path for any other file."""
        if normal == "" or written.endswith("/") or posixpath.basename(written) in (".", ".."):
            key = normal if normal == "" or normal.endswith("/") else normal + "/"
            if key in self.by_url:
                return self.by_url[key]
        return normal or "."

    def _config(self, html: str, change: Callable[[str, str], str]) -> str:
        def config(match: re.Match[str]) -> str:
            body = _CONFIG_URL.sub(lambda m: m[1] + change(m[3], m[2]) + m[4], match[2])
            return match[1] + body + match[3]

        return _CONFIG.sub(config, html, count=1)

    def _shim(self, html: str, url: str) -> str:
        html, found = _LIBS.subn(lambda m: f'{m[1]}\n        <script src="{url}"></script>\n      ', html, count=1)
        if not found:
            raise OfflineError("Material's page head is not as expected: cannot add the offline search shim")
        return html


def _links(html: str, change: Callable[[str], str]) -> str:
    """`html` with each tag's href and src changed by `change`."""

    def attributes(tag: str) -> str:
        return _URL_ATTRIBUTE.sub(lambda m: m[1] + change(m[2]) + m[3], tag)

    def tag(match: re.Match[str]) -> str:
        if match[1] is not None:  # a script: its src, not its code
            return attributes(match[1]) + match[2]
        found = match[0]
        if ('href="' not in found and 'src="' not in found) or found.startswith(("<style", "<!--")):
            return found  # most tags have no link: no second regex for them
        return attributes(found)

    return _TAG.sub(tag, html)


def _split(url: str) -> tuple[str, str]:
    """`url`'s path and what follows it (`?query#fragment`)."""
    if match := _QUERY_OR_FRAGMENT.search(url):
        return url[: match.start()], url[match.start() :]
    return url, ""


def _normal(path: str) -> str:
    """`path` from the site's root, normalized; "" is the root, a trailing slash is kept."""
    normal = posixpath.normpath("/" + path)[1:]
    return normal + "/" if normal and path.endswith("/") else normal


def relative_url(url: str, other: str) -> str:
    """`url` (from the site's root) relative to the page at `other`, as MkDocs' `url` filter writes it
    (mkdocs.utils.get_relative_url, which this package does not import)."""
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    other_parts, dest_parts = _parts(other), _parts(url)
    common = 0
    for a, b in zip(other_parts, dest_parts, strict=False):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(other_parts) - common) + dest_parts[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def _parts(path: str) -> list[str]:
    normal = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return normal.split("/") if normal else []
