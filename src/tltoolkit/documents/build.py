"""Plan every printable document from the catalog, render what changed, copy the rest.

`build_documents` is the entry point: it turns the catalog into a list of `Job`s (one
per output file, each with a content hash), renders the jobs the cache does not hold on
a small process pool, copies every file into place and returns a `Report`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import multiprocessing
import pickle
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..content import labels, role_facts
from ..content.crossrefs import resolve_all
from ..content.job_description import job_description
from ..content.selection import selection_kit
from ..content.stewardship import Review
from ..content.support_plan import support_plan
from ..content.texts import (
    CONDITIONS,
    FOCUS_AREA_DESCRIPTION,
    GUIDE,
    GUIDES_BEFORE,
    GUIDES_INTRO,
    INVENTORY_COLUMNS,
    JOB_DESCRIPTION,
    PRINT,
    REFLECTION_INTRO,
    competencies_intro,
)
from ..source.catalog import Catalog
from ..source.district import Brand, District
from ..source.logo import Logo
from ..source.models import Credited, Move, Role
from . import cache as cache_mod
from . import kits, meetings, pdf
from .background import can_fork
from .docx import DocxSpec
from .fetcher import RefusedURL, logo_url
from .html import HtmlRenderer
from .kept import KeptPlan
from .word import WordDocument, WordSettings
from .workers import RenderPool

Paper = Literal["letter", "a4"]
PAPERS: tuple[str, ...] = ("letter", "a4")
# Fewer jobs than this render in the calling process: a pool costs more than it saves.
POOL_THRESHOLD = 4
# A worker is replaced by a fresh fork after this many documents: python-docx and lxml keep
# about 0.15 MB from every Word file, which over the 5,000 of a large inventory adds up.
TASKS_PER_WORKER = 500


@dataclass(frozen=True)
class Settings:
    """What the site configuration decides about the documents."""

    paper: Paper = "letter"
    toolkit_name: str = "Teacher Leadership Toolkit"
    author: str = "Teacher Leadership Toolkit"
    notice: str = ""  # licence or copyright line printed at the end of each document
    contact: str = ""  # "Questions: …" line in every page's footer
    district: str = ""  # short name in "Not yet reviewed by …"; "" reads "your district"
    logo: Logo | None = None  # district logo (checked .svg or .png) beside the name in every page's header
    brand: Brand | None = None  # district colours; None keeps the toolkit's indigo
    lang: str = "en"
    workers: int = 2
    allowed_roots: tuple[Path, ...] = ()  # folders WeasyPrint may read besides the package

    @classmethod
    def for_district(cls, district: District, allowed_roots: tuple[Path, ...] = ()) -> Settings:
        """Paper, names, licence, contact, logo and colours from a district's settings file."""
        return cls(
            paper=district.settings.paper,
            toolkit_name=district.site_name,
            author=district.name,
            notice=district.settings.licence or "",
            contact=district.contact_line,
            district=district.short_name,
            logo=district.logo_image,
            brand=district.brand,
            allowed_roots=allowed_roots,
        )

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {self.paper!r}")

    @functools.cached_property
    def word(self) -> WordSettings:
        """What every Word file takes from these settings, made once and shared by all of them."""
        return WordSettings(
            author=self.author,
            toolkit=self.toolkit_name,
            notice=self.notice,
            contact=self.contact,
            brand=self.brand.primary if self.brand else "",
            lang=self.lang,
            paper=self.paper,
        )


@dataclass(frozen=True)
class Job:
    """One output file: what to render, and the hash of everything it is made from."""

    path: str  # inside the downloads folder, e.g. "job-descriptions/math-coach.pdf"
    kind: str  # document kind: a folder holding template.html and style.css, or "docx"
    packed: bytes  # the payload, compressed: see `pack`
    key: str
    size: int  # the payload's size in bytes before compression: the largest are rendered first

    @property
    def suffix(self) -> str:
        return Path(self.path).suffix

    @property
    def payload(self) -> object:
        """The HTML for a PDF, a WordDocument for a Word file."""
        return unpack(self.packed, self.kind)


# A 5,000-role plan holds 30,000 payloads. As HTML strings and trees of Word blocks they grew the
# document process by about 440 MB (RSS 377 to 813 MB while planning, measured with
# bench/memory.py), memory every forked render worker maps too; packed, each is one bytes object
# of a few KB (the process grew by 128 MB) that only the worker rendering it unpacks.
def pack(payload: str | WordDocument) -> tuple[bytes, int]:
    """A payload as compressed bytes (HTML as UTF-8, a Word document pickled), and its size before."""
    data = payload.encode() if isinstance(payload, str) else pickle.dumps(payload, pickle.HIGHEST_PROTOCOL)
    return zlib.compress(data, 6), len(data)


def unpack(packed: bytes, kind: str) -> object:
    data = zlib.decompress(packed)
    return pickle.loads(data) if kind == "docx" else data.decode()


@dataclass
class Report:
    """What a build did, for the log."""

    rendered: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    pages: int = 0  # pages rendered in this build (cached documents not counted)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return len(self.rendered) + len(self.cached)

    def summary(self) -> str:
        return (
            f"{self.total} documents: {len(self.rendered)} rendered ({self.pages} pages), "
            f"{len(self.cached)} from cache, in {self.seconds:.2f} s"
        )


def document_paths(catalog: Catalog) -> list[str]:
    """Every file `build_documents` writes, relative to its `out_dir` (for links and checks)."""
    roles = [*(role.id for role in catalog.roles), "blank"]
    return [
        *(f"job-descriptions/{name}.{ext}" for name in roles for ext in ("pdf", "docx")),
        *(f"{folder}/{name}.{ext}" for folder in KIT_FOLDERS for name in roles for ext in ("pdf", "docx")),
        *(f"guides/{guide.id}.pdf" for guide in catalog.guides),
        *(f"guides/{guide.id}.docx" for guide in catalog.guides),
        "guides/all-guides.pdf",
        "guides/all-guides.docx",
        "school-conditions.pdf",
        "school-conditions.docx",
        "principal-moves.pdf",
        *RESOURCE_PATHS,
    ]


# The kits every role has beside its job description (and a blank one), by folder.
KIT_FOLDERS = ("selection", "support-plans")


# Called with (documents rendered so far, documents to render) after each one is done.
Progress = Callable[[int, int], None]


def build_documents(
    catalog: Catalog,
    out_dir: Path,
    cache_dir: Path,
    settings: Settings | None = None,
    progress: Progress | None = None,
    kept: KeptPlan | None = None,
) -> Report:
    """Write every printable document under `out_dir`, rendering only what changed; `kept` (while
    serving) holds the roles' jobs and the files placed in `out_dir` by earlier builds."""
    return start_documents(catalog, out_dir, cache_dir, settings, progress, kept).finish()


def start_documents(
    catalog: Catalog,
    out_dir: Path,
    cache_dir: Path,
    settings: Settings | None = None,
    progress: Progress | None = None,
    kept: KeptPlan | None = None,
    pool: RenderPool | None = None,
) -> Started:
    """Plan the documents now and, with `pool` (the workers kept while serving), send what the cache
    lacks to it at once; `finish()` on the result waits for the renders and copies every file into
    place. Without `pool` the renders happen in `finish()`, on a forked pool or in this process."""
    settings = settings or Settings()
    started = time.perf_counter()
    with frozen():
        return _start(catalog, Path(out_dir), cache_mod.Cache(cache_dir), settings, progress, started, kept, pool)


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    """Keep the garbage collector from scanning everything already in memory (the site's pages,
    when called after them) again and again while thousands of documents are planned, and, in
    forked workers, from touching (and so copying) every inherited page. If something froze the
    heap already (`mkdocs serve`: tltoolkit.web.serve_gc), it is left to that to thaw."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _start(
    catalog: Catalog,
    out_dir: Path,
    store: cache_mod.Cache,
    settings: Settings,
    progress: Progress | None,
    started: float,
    kept: KeptPlan | None,
    pool: RenderPool | None,
) -> Started:
    jobs = plan(catalog, settings, kept)
    if (planned := sorted(job.path for job in jobs)) != (declared := sorted(document_paths(catalog))):
        # The site links every declared path: a document planned but not declared (or the reverse)
        # would be a broken link or an unlinked file. A programming error, caught before any is written.
        extra, missing = sorted(set(planned) - set(declared)), sorted(set(declared) - set(planned))
        raise RuntimeError(f"plan and document_paths disagree: not declared {extra}, not planned {missing}")
    todo = [job for job in jobs if not store.has(job.key, job.suffix)]
    todo_paths = {job.path for job in todo}
    report = Report(cached=[job.path for job in jobs if job.path not in todo_paths])
    if todo and settings.logo:
        keep_logo(store, settings.logo)
    # The workers read the logo's one copy; its bytes need not travel with every task.
    unlogoed = dataclasses.replace(settings, logo=None)
    renders = pool.render(todo, store, unlogoed) if pool is not None else _run(todo, store, unlogoed)
    return Started(jobs, len(todo), renders, report, store, out_dir, progress, started, kept, pool is not None)


@dataclass
class Started:
    """Documents planned and their renders begun (or, without a pool, about to be)."""

    jobs: list[Job]
    todo: int
    renders: Iterable[tuple[Job, int]]  # `_run`'s generator, or a pool's `Renders`
    report: Report
    store: cache_mod.Cache
    out_dir: Path
    progress: Progress | None
    started: float
    kept: KeptPlan | None
    in_background: bool  # the renders were sent to a pool's workers at once
    cancelled: bool = False

    def wait(self) -> Report:
        return self.finish()

    def finish(self) -> Report:
        """Wait for the renders, copy every document into place, forget stale cache entries."""
        with frozen():
            return self._finish()

    def _finish(self) -> Report:
        report, out_dir = self.report, self.out_dir
        try:
            for job, pages in self.renders:
                report.rendered.append(job.path)
                report.pages += pages
                if self.progress:
                    self.progress(len(report.rendered), self.todo)
        except BaseException:
            # A render failed or was stopped: a document this build changed and could not make is
            # taken out of the site, so no download gives the old one (`mkdocs serve` goes on serving).
            for job in self.jobs:
                if not self.store.has(job.key, job.suffix):
                    (out_dir / job.path).unlink(missing_ok=True)
            raise
        for folder in {(out_dir / job.path).parent for job in self.jobs}:  # a handful, not one per file
            folder.mkdir(parents=True, exist_ok=True)
        for job in self.jobs:
            if self.kept is None:
                self.store.copy_to(job.key, job.suffix, out_dir / job.path)
            else:  # serving: a file this session copied there and nothing changed since stays
                self.kept.copy(self.store, job, out_dir / job.path)
        self.store.prune(job.key for job in self.jobs)
        report.seconds = time.perf_counter() - self.started
        return report

    def cancel(self) -> None:
        """Drop the renders not yet begun (one under way still fills the cache); `wait()` then raises."""
        self.cancelled = True
        stop = getattr(self.renders, "cancel", None) or getattr(self.renders, "close", None)
        if stop is not None:
            stop()


# --- planning ----------------------------------------------------------------


def plan(catalog: Catalog, settings: Settings, kept: KeptPlan | None = None) -> list[Job]:
    """Every document the site offers, each with its content hash; a role's jobs from `kept` (while
    serving) if nothing they are made from changed."""
    html = HtmlRenderer(
        lang=settings.lang,
        author=settings.author,
        toolkit=settings.toolkit_name,
        notice=settings.notice,
        contact=settings.contact,
        logo=logo_url(settings.logo.digest, settings.logo.suffix) if settings.logo else "",
        brand=settings.brand,
        review=_review(catalog, settings),
    )
    if kept is not None:  # serving: each template compiled once, not once a plan (Jinja checks its source)
        html.env.bytecode_cache = kept.compiled
    # One style fingerprint per kind for the whole plan: checking the style files and fonts
    # again for each of thousands of documents was a third of a warm plan.
    style = functools.cache(lambda kind: pdf.style_fingerprint(kind, settings.paper))
    if kept is not None:
        kept.begin(catalog, settings)
    each: RoleJobs = kept.role_jobs if kept is not None else _make
    jobs = [
        *_per_role(
            catalog, each, "job-description", functools.partial(_job_description, catalog, html, settings, style)
        ),
        *_per_role(catalog, each, "kits", functools.partial(_kits, catalog, html, settings, style)),
        *_guides(catalog, html, settings, style),
        *_guides_word(catalog, html, settings),
        _conditions(catalog, html, settings, style),
        _conditions_word(catalog, html, settings),
        _moves(catalog, html, settings, style),
        *_resources(catalog, html, settings, style),
    ]
    if kept is not None:
        kept.end()
    return jobs


# A role's jobs of one group (its job description, its kits): made, or taken from a `KeptPlan`.
RoleJobs = Callable[[str, "Role | None", Callable[[], Iterable[Job]]], list[Job]]


def _make(group: str, role: Role | None, make: Callable[[], Iterable[Job]]) -> list[Job]:
    return list(make())


def _per_role(
    catalog: Catalog, each: RoleJobs, group: str, make: Callable[[Role | None], Iterable[Job]]
) -> Iterator[Job]:
    """`group`'s jobs for every role, then the blank ones (role None)."""
    for role in [*catalog.roles, None]:
        yield from each(group, role, functools.partial(make, role))


def _review(catalog: Catalog, settings: Settings) -> Review:
    """Provenance wording for paper: the district's name and the bibliography the credits cite."""
    return Review(district=settings.district).with_works(catalog.bibliography.entries)


# A document kind's style fingerprint (CSS, fonts, code), computed once per plan.
Style = Callable[[str], str]


def _pdf(path: str, kind: str, html: str, settings: Settings, style: Style) -> Job:
    return Job(path, kind, *_packed(html, cache_mod.key("pdf", kind, settings.paper, style(kind), html)))


def _word(path: str, document: WordDocument) -> Job:
    return Job(path, "docx", *_packed(document, cache_mod.key("docx", document.fingerprint())))


def _packed(payload: str | WordDocument, key: str) -> tuple[bytes, str, int]:
    packed, size = pack(payload)
    return packed, key, size


def _job_description(
    catalog: Catalog, html: HtmlRenderer, settings: Settings, style: Style, role: Role | None
) -> Iterator[Job]:
    """A role's job description (None: the blank one), PDF and Word."""
    template = catalog.job_description
    name = role.id if role else "blank"
    title = f"{role.title}: role description" if role else template.title
    sections = job_description(template, role, catalog.planning)
    keywords = role.title if role else "job description template"
    page = html.render(
        "job_description",
        title=title,
        description=role.summary if role else template.purpose,
        keywords=keywords,
        created=_dated(role),
        template=template,
        role=role,
        sections=sections,
        words=JOB_DESCRIPTION,
    )
    yield _pdf(f"job-descriptions/{name}.pdf", "job_description", page, settings, style)
    spec = DocxSpec(
        title=role.title if role else template.title,
        kicker=JOB_DESCRIPTION.kicker if role else JOB_DESCRIPTION.blank_kicker,
        lead="" if role else template.purpose,
        facts_line=(
            f"{labels.CATEGORY[role.category]} · {labels.HELD[role.held]} · {labels.SCOPE[role.scope]} scope"
            if role
            else ""
        ),
        sections=sections,
        how_to_use=[] if role else list(template.how_to_use),
        settings=settings.word,
        stewardship=html.common["review"].line(role) if role else html.common["review"].sources_line(template),
        keywords=keywords,
        created=_dated(role),
    )
    yield _word(f"job-descriptions/{name}.docx", spec.document())


def _kits(catalog: Catalog, html: HtmlRenderer, settings: Settings, style: Style, role: Role | None) -> Iterator[Job]:
    """A role's selection kit and support plan (None: the blank ones), PDF and Word."""
    review = html.common["review"]
    name = role.id if role else "blank"
    kit = selection_kit(catalog, role)
    plan_ = support_plan(catalog, role)
    facts = (
        f"{labels.CATEGORY[role.category]} · {labels.HELD[role.held]} · {labels.SCOPE[role.scope]} scope"
        if role
        else ""
    )
    for kind, folder, content, words, blocks in (
        ("selection", "selection", kit, kit.words, kits.selection_blocks(kit)),
        ("support_plan", "support-plans", plan_, plan_.words, kits.support_plan_blocks(plan_)),
    ):
        title = f"{role.title}: {words.kicker.lower()}" if role else content.title
        description = f"{words.kicker} for the role of {role.title}." if role else content.title + "."
        keywords = f"{words.kicker.lower()}, {role.title}" if role else f"{words.kicker.lower()}, template"
        page = html.render(
            kind,
            title=title,
            description=description,
            keywords=keywords,
            created=_dated(role),
            role=role,
            kit=content,
            plan=content,
        )
        yield _pdf(f"{folder}/{name}.pdf", kind, page, settings, style)
        lead = kit.lead if kind == "selection" else plan_.words.lead
        document = WordDocument(
            title=content.title,
            kicker=words.kicker,
            blocks=blocks,
            settings=settings.word,
            facts_line=facts,
            lead=lead,
            small_print=(review.line(role) if role else "",),
            properties_title=title,  # and the running header's
            keywords=keywords,
            created=_dated(role),
        )
        yield _word(f"{folder}/{name}.docx", document)


def _guides(catalog: Catalog, html: HtmlRenderer, settings: Settings, style: Style) -> Iterator[Job]:
    entries: list[dict[str, object]] = []
    for guide in catalog.guides:
        entry = {
            "guide": guide,
            "skills": catalog.skills_named(guide.skills),
            "roles": [catalog.role[r] for r in guide.roles],
        }
        entries.append(entry)
        page = html.render(
            "guide",
            title=guide.title,
            description=guide.purpose,
            keywords="discussion guide",
            created=_dated(guide),
            **entry,
        )
        yield _pdf(f"guides/{guide.id}.pdf", "guide", page, settings, style)
    booklet = html.render(
        "booklet",
        title=GUIDE.booklet_title,
        description="All the leadership discussion guides in one booklet.",
        keywords="discussion guides",
        created=_dated(*catalog.guides),
        entries=entries,
        intro=GUIDES_INTRO,
        before=GUIDES_BEFORE,
    )
    yield _pdf("guides/all-guides.pdf", "booklet", booklet, settings, style)


def _conditions(catalog: Catalog, html: HtmlRenderer, settings: Settings, style: Style) -> Job:
    page = html.render(
        "conditions",
        title=CONDITIONS.title,
        description="A self-assessment: the school conditions teacher leaders need, with signs and strategies.",
        keywords="school conditions, self-assessment",
        created=_dated(*catalog.conditions),
        conditions=catalog.conditions,
        links={condition.id: resolve_all(catalog, condition.see_also) for condition in catalog.conditions},
        words=CONDITIONS,
    )
    return _pdf("school-conditions.pdf", "conditions", page, settings, style)


def _guides_word(catalog: Catalog, html: HtmlRenderer, settings: Settings) -> Iterator[Job]:
    """Each discussion guide as a Word file to adapt, then all of them as one."""
    review = html.common["review"]
    entries = []
    for guide in catalog.guides:
        skills, roles = catalog.skills_named(guide.skills), [catalog.role[r] for r in guide.roles]
        entries.append((guide, skills, roles, review.line(guide)))
        blocks = meetings.guide_blocks(guide, skills, roles)
        document = WordDocument(
            guide.title, GUIDE.kicker, tuple(blocks), settings.word, lead=guide.challenge,
            small_print=(review.line(guide),), keywords="discussion guide", created=_dated(guide),
        )  # fmt: skip
        yield _word(f"guides/{guide.id}.docx", document)
    blocks = meetings.booklet_blocks(entries, GUIDES_BEFORE)
    document = WordDocument(
        GUIDE.booklet_title, settings.toolkit_name, tuple(blocks), settings.word, lead=GUIDES_INTRO,
        keywords="discussion guides", created=_dated(*catalog.guides),
    )  # fmt: skip
    yield _word("guides/all-guides.docx", document)


def _conditions_word(catalog: Catalog, html: HtmlRenderer, settings: Settings) -> Job:
    """The school-conditions self-assessment as a Word file to adapt."""
    review = html.common["review"]
    links = {condition.id: resolve_all(catalog, condition.see_also) for condition in catalog.conditions}
    provenance = {condition.id: review.line(condition) for condition in catalog.conditions}
    blocks = meetings.conditions_blocks(catalog.conditions, links, provenance)
    document = WordDocument(
        CONDITIONS.title, CONDITIONS.kicker, tuple(blocks), settings.word, lead=CONDITIONS.lead,
        keywords="school conditions, self-assessment", created=_dated(*catalog.conditions),
    )  # fmt: skip
    return _word("school-conditions.docx", document)


def _moves(catalog: Catalog, html: HtmlRenderer, settings: Settings, style: Style) -> Job:
    page = html.render(
        "moves",
        title="Chart of key principal moves",
        description="What principals can do to support teacher leaders, skill by skill.",
        keywords="principal moves",
        created="",
        skills=catalog.skills,
        moves=catalog.moves,
        credited=catalog.credits.get("principal_moves"),
        words=PRINT,
    )
    return _pdf("principal-moves.pdf", "moves", page, settings, style)


# The printed versions of the resource pages, each linked from its page (focus area, competencies,
# reflection questions, the role inventory, and the principal moves as a one-page poster).
FOCUS_AREA_PDF = "focus-area.pdf"
COMPETENCIES_PDF = "competencies.pdf"
REFLECTION_PDF = "reflection-questions.pdf"
INVENTORY_PDF = "roles-inventory.pdf"
POSTER_PDF = "principal-moves-poster.pdf"
RESOURCE_PATHS = (FOCUS_AREA_PDF, COMPETENCIES_PDF, REFLECTION_PDF, INVENTORY_PDF, POSTER_PDF)


def _resources(catalog: Catalog, html: HtmlRenderer, settings: Settings, style: Style) -> Iterator[Job]:
    yield _focus_area(catalog, html, settings, style)
    yield _competencies(catalog, html, settings, style)
    yield _reflection(catalog, html, settings, style)
    yield _inventory(catalog, html, settings, style)
    yield _poster(catalog, html, settings, style)


def _focus_area(catalog: Catalog, html: HtmlRenderer, settings: Settings, style: Style) -> Job:
    area = catalog.focus_area
    page = html.render(
        "focus_area",
        title=area.title,
        description=FOCUS_AREA_DESCRIPTION,
        keywords="focus area, instructional leadership team",
        created="",
        area=area,
        links=[
            [resolve_all(catalog, action.see_also) for action in objective.action_steps]
            for objective in area.objectives
        ],
        words=PRINT,
    )
    return _pdf(FOCUS_AREA_PDF, "focus_area", page, settings, style)


def _competencies(catalog: Catalog, html: HtmlRenderer, settings: Settings, style: Style) -> Job:
    framework = catalog.competencies
    page = html.render(
        "competencies",
        title="Teacher leader competencies",
        description="A competency framework for teacher leaders, grouped by stance, with observable evidence at each level.",
        keywords="competencies",
        created="",
        framework=framework,
        level_names={level.level: level.name for level in framework.levels},
        skills=catalog.skill,
        intro=competencies_intro(len(framework.levels)),
        words=PRINT,
    )
    return _pdf(COMPETENCIES_PDF, "competencies", page, settings, style)


def _reflection(catalog: Catalog, html: HtmlRenderer, settings: Settings, style: Style) -> Job:
    page = html.render(
        "reflection",
        title="Reflection questions",
        description="Questions for teacher leaders, principals and leadership teams to reflect on teacher leadership together.",
        keywords="reflection questions",
        created="",
        themes=catalog.reflection.themes,
        credited=catalog.reflection,
        intro=REFLECTION_INTRO,
        words=PRINT,
    )
    return _pdf(REFLECTION_PDF, "reflection", page, settings, style)


def _inventory(catalog: Catalog, html: HtmlRenderer, settings: Settings, style: Style) -> Job:
    areas: dict[str, list[Role]] = {category: [] for category in labels.CATEGORY}
    for role in catalog.roles:
        areas[role.category].append(role)
    # The roles' works, each once in the order they first appear: the roles credit them one by one.
    works = list(dict.fromkeys(work for role in catalog.roles for work in role.sources))
    page = html.render(
        "inventory",
        title=PRINT.inventory_title,
        description=PRINT.inventory_lead,
        keywords="role inventory",
        created=_dated(*catalog.roles),
        areas={category: roles for category, roles in areas.items() if roles},
        count=len(catalog.roles),
        skills=catalog.skill,
        one_line=role_facts.one_line,
        columns=INVENTORY_COLUMNS,
        credited=Credited(sources=works, adapted=PRINT.inventory_sources_note),
        words=PRINT,
    )
    return _pdf(INVENTORY_PDF, "inventory", page, settings, style)


# The poster prints each move's example while its longest column stays within this load: words of
# moves and examples, plus 10 for each move's own line and spacing. The toolkit's longest column is
# 335; one of 355 still ends above the sheet's foot. Beyond it the poster gives only the moves, so a
# district that adds moves still gets one sheet (tests/test_print_pieces.py renders one at the limit).
POSTER_LOAD = 350


def poster_load(moves: list[Move]) -> int:
    return sum(len(f"{move.move} {move.example}".split()) + 10 for move in moves)


def _poster(catalog: Catalog, html: HtmlRenderer, settings: Settings, style: Style) -> Job:
    longest = max((poster_load(catalog.moves[skill.id]) for skill in catalog.skills), default=0)
    page = html.render(
        "poster",
        title="Key principal moves",
        description="What principals can do to support teacher leaders, skill by skill, on one sheet.",
        keywords="principal moves, poster",
        created="",
        skills=catalog.skills,
        moves=catalog.moves,
        credited=catalog.credits.get("principal_moves"),
        examples=longest <= POSTER_LOAD,
        words=PRINT,
    )
    return _pdf(POSTER_PDF, "poster", page, settings, style)


LOGO_FOLDER = "logo"  # inside the cache: the one copy of the checked logo every PDF draws


def keep_logo(store: cache_mod.Cache, logo: Logo) -> Path:
    """Write the checked logo once, named by its hash (the name the print HTML uses), and drop old ones."""
    folder = store.folder / LOGO_FOLDER
    folder.mkdir(exist_ok=True)
    path = folder / f"{logo.digest}{logo.suffix}"
    for old in folder.iterdir():
        if old != path:
            old.unlink(missing_ok=True)
    if not path.is_file() or path.read_bytes() != logo.data:
        temporary = folder / f".{logo.digest}{logo.suffix}"
        temporary.write_bytes(logo.data)
        temporary.replace(path)
    return path


def _dated(*items: object) -> str:
    """A document's date: the latest review date of what it prints, or none.

    Dated by its content, not by the build: the same data gives the same file on any day
    (reproducible), and a new commit or build date does not make every cached document stale.
    """
    dates = [reviewed for item in items if (reviewed := getattr(item, "reviewed", None))]
    return f"{max(dates).isoformat()}T00:00:00Z" if dates else ""


# --- rendering ---------------------------------------------------------------


def _run(jobs: list[Job], store: cache_mod.Cache, settings: Settings) -> Iterator[tuple[Job, int]]:
    """Render `jobs` into the cache, largest first, on up to `settings.workers` processes."""
    jobs = sorted(jobs, key=lambda job: -job.size)
    tasks = [(job, store, settings) for job in jobs]
    # The pool forks, so workers start at once with WeasyPrint already imported (spawning
    # costs ~1 s each). A process running other threads (`mkdocs serve` watching files)
    # must not fork: there, and for a handful of jobs, render here instead.
    if len(jobs) < POOL_THRESHOLD or settings.workers < 2 or not can_fork():
        for task in tasks:
            yield task[0], _produce(*task)
        return
    # Freeze the plan too, as build_documents froze what came before it: a collection, here or in
    # a forked worker, would otherwise write to every job's memory and so copy the pages it shares.
    gc.freeze()
    context = multiprocessing.get_context("fork")
    processes = min(settings.workers, len(jobs))
    with context.Pool(processes, maxtasksperchild=TASKS_PER_WORKER) as pool:
        for index, pages in pool.imap_unordered(_produce_numbered, enumerate(tasks)):
            yield jobs[index], pages


def _produce_numbered(numbered: tuple[int, tuple[Job, cache_mod.Cache, Settings]]) -> tuple[int, int]:
    index, task = numbered
    return index, _produce(*task)


def warm_up(settings: Settings) -> None:
    """Ready a new render worker for a role's documents (see `workers.RenderPool.warm`)."""
    pdf.warm_up(("job_description", "selection", "support_plan"), settings.paper, settings.allowed_roots)


def _produce(job: Job, store: cache_mod.Cache, settings: Settings) -> int:
    """Render one job into the cache; return its page count (0 for Word files)."""
    temporary = store.temporary(job.key, job.suffix)
    if job.kind == "docx":
        from . import word

        word.write(job.payload, temporary)  # type: ignore[arg-type]
        pages = 0
    else:
        try:
            pages = pdf.render_pdf(
                str(job.payload), job.kind, settings.paper, temporary, settings.allowed_roots,
                logo_dir=store.folder / LOGO_FOLDER,
            )  # fmt: skip
        except RefusedURL as exc:
            raise RefusedURL(f"{job.path}: {exc}") from None
    store.commit(temporary, job.key, job.suffix)
    return pages
