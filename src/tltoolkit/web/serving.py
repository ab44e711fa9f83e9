"""Fast rebuilds while `mkdocs serve` runs: reuse what an edit did not change.

MkDocs 1.6 serve rebuilds the whole site after any change (its `--dirty` mode skips only pages
whose source file is older than their output: generated pages have no file, so are always rebuilt,
and the pages it skips drop out of the search index). Most of
that time goes, per page, on converting Markdown to HTML, on Material's templates and on the
search plugin reading the HTML back. Here, for the life of the serve process, each of the three
(and, before them, the page's generated Markdown: `render.Memo`) is kept per page under a hash of everything it is made from (the page's Markdown, its address,
the list of files, the navigation and the settings that shape it), and a page whose hash is
unchanged takes the previous result instead of doing the work again: a one-role edit converts
and renders the few pages whose Markdown changed. Anything else (a template, mkdocs.yml, a new
role, the build date) changes the hashes, so those pages are redone: the output is always what a
full build would write. A result made while MkDocs logged a warning is never kept, so the warning
comes back on the next build.

The serve folder is not emptied and written again either: MkDocs' `clean_directory` and
`write_file` (while a serve build runs) and each file's `copy_file` skip a file whose bytes (or,
for a copied file, whose source's size and time) are those this session last wrote there; after
the build, any file the build neither wrote nor declared (a removed role's page) is deleted, so
the folder holds what a clean build writes. The parsed YAML files are kept by their bytes too
(`yamlsource.keep_parsed`): only the edited file is read again, and of a long list only the
entries whose text changed. The theme's list of static files is kept while its folders are
unchanged. The printable documents' plan is kept per role, and a document this session already
put in the folder is not copied again (`tltoolkit.documents.kept`).

The pages that list every role's words (the inventory's rows, the planner's data) get them as HTML
after the theme (`html_parts`, in on_post_page after `rendered`): the output kept here holds only
their markers, so it stays the same, and is reused, when one role changes.

Nothing is kept outside `mkdocs serve` (`start("serve")`): a one-off build works as before.
The MkDocs objects are handled by the attributes MkDocs 1.6 and Material 9 give them; the MkDocs
events are wired in hooks/toolkit.py.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..compiled import Compiled
from ..documents.kept import KeptPlan
from ..documents.workers import RenderPool
from ..source import yamlsource
from .render import Memo
from .serve_documents import LaterDocuments
from .serve_gc import Collector

log = logging.getLogger("mkdocs.plugins.toolkit")
TEMPLATE = "toolkit-reused.html"  # the template a page whose output is reused renders: that output


@dataclass
class Rendered:
    """What `Page.render` leaves on a page."""

    content: str
    toc: Any
    title: str | None
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri


@dataclass
class BuildLog:
    """What the last build did, page by page (shown in the serve log and checked by the tests)."""

    converted: list[str] = field(default_factory=list)  # src_uri of pages whose Markdown was converted
    rendered: list[str] = field(default_factory=list)  # ... whose theme template was rendered
    indexed: list[str] = field(default_factory=list)  # ... whose HTML the search plugin read
    reused: int = 0  # pages whose template output was reused

    generated: list[str] = field(default_factory=list)  # uri of generated pages whose Markdown was made again
    written: list[str] = field(default_factory=list)  # site files written (their bytes changed)
    unchanged: int = 0  # site files left as they were (the same bytes)
    deleted: list[str] = field(default_factory=list)  # site files no longer made (a removed role's page)
    planned: list[str] | None = None  # role document groups planned again ("kits/math-coach"); None: documents off

    def summary(self) -> str:
        return (
            f"serve: {len(self.generated)} pages generated, {len(self.converted)} converted from Markdown, {len(self.rendered)} rendered, "
            f"{len(self.indexed)} indexed for search; {self.reused} unchanged pages reused; "
            f"{len(self.written)} files written, {self.unchanged} unchanged, {len(self.deleted)} deleted"
            + (f"; documents of {len(self.planned)} role groups planned" if self.planned is not None else "")
        )


@dataclass
class SiteFolder:
    """The serve folder between builds: what this session wrote to each file (a fingerprint of it)."""

    path: str = ""
    held: dict[str, str] = field(default_factory=dict)  # absolute path -> fingerprint of its bytes
    touched: set[str] = field(default_factory=set)  # written or left unchanged, this build
    declared: set[str] = field(default_factory=set)  # every file's destination, this build
    started: float = 0.0  # when this build began (a file older than that that no one touched is stale)
    patched: dict[str, Any] = field(default_factory=dict)  # MkDocs' own functions while a build runs
    theme: tuple[str, list[tuple[str, str]]] = ("", [])  # the theme folders' fingerprint, their static files

    def inside(self, path: str) -> bool:
        return bool(self.path) and path.startswith(self.path + os.sep)


class _Warnings(logging.Handler):
    """Counts the warnings MkDocs logs while a page is converted (such a result is not kept)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class Session:
    """The results kept between the builds of one serve process."""

    active: bool = False
    pages: Memo = field(default_factory=Memo)  # generated pages' Markdown (tltoolkit.web.site)
    documents: KeptPlan = field(default_factory=KeptPlan)  # each role's documents' plan (tltoolkit.documents)
    workers: RenderPool | None = None  # the documents' render processes (tltoolkit.documents.workers)
    later: LaterDocuments = field(default_factory=LaterDocuments)  # a save's documents, after its pages
    collector: Collector = field(default_factory=Collector)  # Python's cycle collector between builds
    markdown: dict[str, Rendered] = field(default_factory=dict)
    output: dict[str, str] = field(default_factory=dict)  # theme template output, with the toolkit's corrections
    search: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    files: dict[str, Any] = field(default_factory=dict)  # MkDocs' File of each document (`kept_file`)
    front: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)  # page source -> its Markdown, meta
    last: BuildLog = field(default_factory=BuildLog)
    compiled: Compiled = field(default_factory=lambda: Compiled())  # the theme's templates
    folder: SiteFolder = field(default_factory=SiteFolder)
    # per build
    _settings: str = ""
    _files: str = ""
    _site: str = ""
    _keys: dict[str, str] = field(default_factory=dict)  # page src_uri -> its output key, this build
    _reuse: dict[str, str] = field(default_factory=dict)  # page url -> output reused this build
    _same: set[str] = field(default_factory=set)  # pages' files whose output is the one written before
    _used: tuple[set[str], ...] = field(default_factory=lambda: (set(), set(), set(), set(), set()))

    # --- a build begins ---------------------------------------------------------

    def build_starts(self) -> None:
        """A build begins (`on_config`): no idle collection while it runs (tltoolkit.web.serve_gc)."""
        if self.active:
            self.collector.build_starts()

    def prepare(self, config: Any, utils: Any, files_class: Any = None, file_class: Any = None) -> None:
        """Before MkDocs cleans the site folder: while this build runs, `utils` (mkdocs.utils) keeps
        the folder (`clean_directory`) and skips writing a file whose bytes are already there, and
        `files_class` (mkdocs' Files) lists the theme's files again only if its folders changed (making
        each a `file_class`, mkdocs' File)."""
        if not self.active:
            return
        folder = self.folder
        path = os.path.abspath(config["site_dir"])
        if path != folder.path:  # another folder: nothing in it is known
            folder.path, folder.held = path, {}
        folder.touched, folder.declared, folder.started = set(), set(), time.time()
        self.last = BuildLog()
        self.documents.planned = None
        if not folder.patched:
            folder.patched = {"utils": utils, "write_file": utils.write_file, "clean_directory": utils.clean_directory}
            utils.write_file, utils.clean_directory = self._write_file, self._clean_directory
            if (meta := getattr(utils, "meta", None)) is not None:  # mkdocs.utils.meta
                folder.patched["meta"], folder.patched["get_data"] = meta, meta.get_data
                meta.get_data = self._front_matter
            if files_class is not None and file_class is not None:
                folder.patched["files_class"] = files_class
                folder.patched["add_files_from_theme"] = add = files_class.add_files_from_theme

                def add_files_from_theme(files: Any, env: Any, config: Any) -> None:
                    self._list_theme(files, env, config, add, file_class)

                files_class.add_files_from_theme = add_files_from_theme

    def _list_theme(self, files: Any, env: Any, config: Any, add: Callable[..., None], file_class: Any) -> None:
        """MkDocs' `Files.add_files_from_theme`, its listing of the theme's folders (Material's thousands
        of icons) kept while no folder in them changed (a file added or removed changes its folder's time)."""
        theme = config["theme"]
        mark = json.dumps([theme.dirs, list(theme.static_templates), _folder_times(theme.dirs)])
        if self.folder.theme[0] != mark:
            listed = type(files)([])
            add(listed, env, config)
            self.folder.theme = (mark, [(file.src_uri, file.src_dir) for file in listed])
        for path, folder in self.folder.theme[1]:
            if files.get_file_from_path(path) is None:  # the docs' own file wins, as in MkDocs
                files.append(file_class(path, folder, config["site_dir"], config["use_directory_urls"]))

    def _clean_directory(self, directory: str) -> None:
        if os.path.abspath(directory) != self.folder.path:
            self.folder.patched["clean_directory"](directory)

    def _write_file(self, content: bytes, output_path: str) -> None:
        path = os.path.abspath(output_path)
        if not self.folder.inside(path):
            self.folder.patched["write_file"](content, output_path)
            return
        if path in self._same and path in self.folder.held and os.path.exists(path):
            # A reused page's output is the one kept when it was written: the same bytes (reading 5,000
            # pages' hashes again cost half a second at 5,000 roles).
            self.folder.touched.add(path)
            self.last.unchanged += 1
            return
        self._write(path, _hash_bytes(content), lambda: self.folder.patched["write_file"](content, output_path))

    def _write(self, path: str, mark: str, write: Callable[[], None]) -> None:
        """Write `path` (by calling `write`) unless this session last wrote the same bytes there."""
        folder = self.folder
        folder.touched.add(path)
        if folder.held.get(path) == mark and os.path.exists(path):
            self.last.unchanged += 1
            return
        folder.held.pop(path, None)
        write()
        folder.held[path] = mark
        self.last.written.append(path)

    def _copy_or_keep(self, file: Any) -> None:
        """`file.copy_file` skips a file whose bytes (or source) are those last written there."""
        if getattr(file, "_kept_by", None) is self:  # a file kept from an earlier build (`kept_file`)
            return
        file._kept_by = self
        copy = file.copy_file

        def copy_or_keep(dirty: bool = False) -> None:
            content = getattr(file, "_content", None)
            if content is not None:
                mark = _hash_bytes(content.encode("utf-8") if isinstance(content, str) else content)
            elif file.abs_src_path:
                stat = os.stat(file.abs_src_path)
                mark = f"copy of {file.abs_src_path} {stat.st_size} {stat.st_mtime_ns}"
            else:
                copy(dirty)
                return
            self._write(os.path.abspath(file.abs_dest_path), mark, lambda: copy(dirty))

        file.copy_file = copy_or_keep

    def _tidy(self) -> None:
        """Delete what a clean build would not have: files this build neither wrote nor declared
        (nor anything wrote since it began), and folders left empty. Put MkDocs' functions back."""
        folder = self.folder
        keep = folder.touched | folder.declared
        for path in list(folder.held):
            if path not in folder.touched:  # written by something else this time (a document): unknown
                del folder.held[path]
        for root, dirs, names in os.walk(folder.path, topdown=False):
            if root == folder.path:
                names = [name for name in names if not name.startswith(".")]  # as clean_directory leaves them
                dirs = [name for name in dirs if not name.startswith(".")]
            for name in names:
                path = os.path.join(root, name)
                if path not in keep and os.stat(path).st_mtime < folder.started:
                    os.unlink(path)
                    self.last.deleted.append(path)
            for name in dirs:
                with contextlib.suppress(OSError):  # only if empty
                    os.rmdir(os.path.join(root, name))
        self.restore()

    def restore(self) -> None:
        """MkDocs' own `write_file` and `clean_directory` again (the build ended, or failed)."""
        if patched := self.folder.patched:
            utils = patched["utils"]
            utils.write_file, utils.clean_directory = patched["write_file"], patched["clean_directory"]
            if "meta" in patched:
                patched["meta"].get_data = patched["get_data"]
            if "files_class" in patched:
                patched["files_class"].add_files_from_theme = patched["add_files_from_theme"]
            self.folder.patched = {}

    def begin(self, config: Any, files: Any) -> None:
        """After the files are known: fingerprints of the settings and the list of files."""
        if not self.active:
            return
        self.last.generated = list(self.pages.rendered)
        listing = []  # links and their checks depend on which files exist, and where they go
        for file in files:
            if (facts := getattr(file, "_tl_facts", None)) is None:
                facts = (
                    os.path.abspath(file.abs_dest_path),
                    (file.src_uri, file.dest_uri, file.url, str(getattr(file, "inclusion", ""))),
                )
                if getattr(file, "_tl_kept", False):  # the same object next build, with the same facts
                    file._tl_facts = facts
            self.folder.declared.add(facts[0])
            listing.append(facts[1])
            if not getattr(file, "written_later", False):  # a document is written by the documents' build
                self._copy_or_keep(file)
        self._keys, self._reuse, self._same = {}, {}, set()
        self._used = (set(), set(), set(), self._used[3], set())  # [3]: the files, made before begin()
        self._settings = _hash(_settings(config), _theme_files(config))
        self._files = _hash(self._settings, json.dumps(sorted(listing)))

    def kept_file(self, key: str, make: Callable[[], Any]) -> Any:
        """A generated file's MkDocs object, made once while serving and used again while `key` is the
        same (at 5,000 roles, 30,000 documents' placeholders: making them took most of a second)."""
        if not self.active:
            return make()
        if (file := self.files.get(key)) is None:
            file = self.files[key] = make()
            file._tl_kept = True  # its destination and listing entry are kept on it (`begin`)
        self._used[3].add(key)
        return file

    def _front_matter(self, source: str) -> tuple[str, dict[str, Any]]:
        """MkDocs' `meta.get_data` (a page's YAML front matter read, and the Markdown after it), kept
        for the same source: every page's is read on every build, a second at 5,000 roles."""
        if (kept := self.front.get(source)) is None:
            kept = self.front[source] = self.folder.patched["get_data"](source)
        self._used[4].add(source)
        return kept[0], dict(kept[1])  # the page's own dict: a build may add to it ("template")

    def navigation(self, nav: Any) -> None:
        """The navigation's titles and addresses: every page's sidebar shows them."""
        if self.active:
            self._site = _hash(self._files, json.dumps(_nav(nav.items)))

    def end(self) -> None:
        """Forget what this build no longer has (a removed role, an old version of a page)."""
        if not self.active:
            return
        stores: tuple[dict[str, Any], ...] = (self.markdown, self.output, self.search, self.files, self.front)
        for store, used in zip(stores, self._used, strict=True):
            for key in set(store) - used:
                del store[key]
        self._used[3].clear()
        self._tidy()
        self.last.planned = self.documents.planned
        log.info("toolkit: %s", self.last.summary())
        self.collector.build_ends()  # what is kept is not scanned again by the next build's collections

    # --- Markdown to HTML -------------------------------------------------------

    def convert(self, page: Any, config: Any, files: Any) -> None:
        """Before MkDocs converts `page.markdown`: give the page the result kept for the same input."""
        if not self.active:
            return
        key = _hash(self._files, page.file.src_uri, page.markdown)
        render = type(page).render  # MkDocs' own, bound below

        def reuse_or_render(config: Any, files: Any) -> None:
            kept = self.markdown.get(key)
            if kept is None:
                warnings = _Warnings()
                logging.getLogger("mkdocs").addHandler(warnings)
                try:
                    render(page, config, files)
                finally:
                    logging.getLogger("mkdocs").removeHandler(warnings)
                self.last.converted.append(page.file.src_uri)
                if warnings.count:
                    return
                links = page.links_to_anchors
                kept = Rendered(
                    page.content,
                    page.toc,
                    page._title_from_render,
                    page.present_anchor_ids,
                    {f.src_uri: dict(a) for f, a in links.items()} if links is not None else None,
                )
                self.markdown[key] = kept
            else:
                page.content, page.toc, page._title_from_render = kept.content, kept.toc, kept.title
                page.present_anchor_ids = kept.anchors
                if kept.links_to_anchors is not None:
                    page.links_to_anchors = {
                        files.get_file_from_path(uri): dict(a) for uri, a in kept.links_to_anchors.items()
                    }
            self._used[0].add(key)

        page.render = reuse_or_render

    # --- the theme's template ---------------------------------------------------

    def choose_template(self, page: Any) -> None:
        """After the page's HTML is known: if the theme's output for the same inputs is kept,
        the page renders TEMPLATE, which prints that output, instead of the theme's templates."""
        if not self.active:
            return
        key = _hash(self._site, json.dumps(_page_inputs(page), default=str), page.content or "")
        self._keys[page.file.src_uri] = key
        if key in self.output and "template" not in page.meta:
            self._reuse[page.url] = self.output[key]
            page.meta["template"] = TEMPLATE
            self._used[1].add(key)

    def env(self, env: Any) -> Any:
        """The theme's Jinja environment, with TEMPLATE."""
        if self.active:
            env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({TEMPLATE: "{{ toolkit_reused(page) }}"}), env.loader])
            env.bytecode_cache = self.compiled  # each build has a new environment: compile the theme once
            env.globals["toolkit_reused"] = lambda page: Markup(self._reuse[page.url])
        return env

    def rendered(self, output: str, page: Any, fix: Callable[[str], str], fill: Callable[[str], str]) -> str:
        """The theme's output for a page, corrected by `fix` (the toolkit's on_post_page, a function of
        the output alone): kept for the next build, which prints it as it is (TEMPLATE). Then `fill`
        puts in the page's HTML parts, which are never kept (they change with data the page's key
        does not cover)."""
        if not self.active:
            return fill(fix(output))
        if page.meta.get("template") == TEMPLATE:
            self.last.reused += 1
            filled = fill(output)  # corrected when it was kept
            if filled is output:  # the bytes written for this page last time: no need to hash them again
                self._same.add(os.path.abspath(page.file.abs_dest_path))
            return filled
        output = fix(output)
        self.last.rendered.append(page.file.src_uri)
        if key := self._keys.get(page.file.src_uri):
            self.output[key] = output
            self._used[1].add(key)
        return fill(output)

    # --- the search index -------------------------------------------------------

    def index(self, plugins: Any) -> None:
        """Material's search plugin reads each page's HTML into entries: reuse them for the same HTML."""
        plugin = _search_plugin(plugins)
        if not self.active or plugin is None:
            return
        search_index = plugin.search_index
        add: Callable[[Any], None] = search_index.add_entry_from_context

        def reuse_or_add(page: Any) -> None:
            # The page's key for its template output covers all the search plugin reads (and more).
            key = self._keys.get(page.file.src_uri) or _hash(
                json.dumps(_page_inputs(page), default=str), page.content or ""
            )
            kept = self.search.get(key)
            if kept is None:
                before = len(search_index.entries)
                add(page)
                kept = self.search[key] = [dict(entry) for entry in search_index.entries[before:]]
                self.last.indexed.append(page.file.src_uri)
            else:
                search_index.entries.extend(dict(entry) for entry in kept)
                if page.meta.get("template") == TEMPLATE:
                    # Its kept output is printed as it is: the search plugin's pass over its HTML
                    # next (taking out data-search-* attributes) would be wasted work.
                    page.content = ""
            self._used[2].add(key)

        search_index.add_entry_from_context = reuse_or_add


SESSION = Session()


def start(command: str) -> None:
    """Called once when MkDocs starts: `serve` keeps results between its rebuilds, a build keeps none."""
    SESSION.active = command == "serve"
    yamlsource.keep_parsed(SESSION.active)


def stop() -> None:
    """Called once when MkDocs stops: the documents still rendering and the render workers end."""
    SESSION.later.stop()
    SESSION.collector.stop()
    if SESSION.workers is not None:
        SESSION.workers.close()
        SESSION.workers = None


# --- fingerprints ------------------------------------------------------------------


def _hash_bytes(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


_SETTINGS = (
    "site_name", "site_url", "site_description", "site_author", "copyright", "repo_url", "repo_name",
    "edit_uri", "extra", "extra_css", "extra_javascript", "extra_templates", "use_directory_urls",
    "markdown_extensions", "mdx_configs", "validation", "docs_dir", "strict", "dev_addr",
)  # fmt: skip


def _settings(config: Any) -> str:
    """The settings that shape pages (mkdocs.yml as loaded and as the hooks changed it)."""
    theme = config["theme"]
    chosen = {name: config.get(name) for name in _SETTINGS}
    chosen["theme"] = {"name": theme.name, "dirs": theme.dirs, **dict(theme.items())}
    chosen["plugins"] = sorted(config["plugins"])
    return json.dumps(chosen, sort_keys=True, default=str)


def _theme_files(config: Any) -> str:
    """Names, sizes and times of the theme's and overrides' templates: an edited template re-renders all.
    (Only templates: Material's folder also holds thousands of icons, read when a page names one.)"""
    found = []
    for folder in config["theme"].dirs:
        for root, dirs, names in os.walk(folder):
            dirs[:] = [name for name in dirs if not name.startswith(".")]
            for name in names:
                if name.endswith((".html", ".xml")):
                    stat = (Path(root) / name).stat()
                    found.append(f"{root}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(sorted(found))


def _folder_times(folders: list[str]) -> list[tuple[str, int]]:
    """Each folder under `folders` with the time it last changed (a file in it added, removed or renamed)."""
    return [(root, os.stat(root).st_mtime_ns) for folder in folders for root, _, _ in os.walk(folder)]


def _nav(items: Any) -> list[Any]:
    return [
        [getattr(item, "title", None), getattr(item, "url", None), _nav(getattr(item, "children", None) or [])]
        for item in items
    ]


def _toc(items: Any) -> list[Any]:
    return [[item.id, item.title, item.level, _toc(item.children)] for item in items]


def _page_inputs(page: Any) -> list[Any]:
    """What the theme and the search plugin read of a page, besides its HTML."""

    def link(other: Any) -> list[Any] | None:
        return [other.title, other.url] if other is not None else None

    meta = {key: value for key, value in page.meta.items() if (key, value) != ("template", TEMPLATE)}

    return [
        page.file.src_uri, page.url, page.title, meta, page.canonical_url, page.edit_url,
        page.is_homepage, link(page.previous_page), link(page.next_page),
        [getattr(a, "title", None) for a in page.ancestors], _toc(page.toc or []),
    ]  # fmt: skip


def _search_plugin(plugins: Any) -> Any:
    for name in ("material/search", "search"):
        plugin = plugins.get(name)
        index = getattr(plugin, "search_index", None)
        if index is not None and hasattr(index, "add_entry_from_context") and hasattr(index, "entries"):
            return plugin
    return None
