"""Every generated web page, as Markdown, built from the validated catalog.

One function per page kind; each returns `Page`s that the MkDocs hook adds as
virtual files. Nothing here imports MkDocs.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial

from ..content import labels, self_assessment
from ..content.crossrefs import resolve_all
from ..content.job_description import Section, job_description
from ..content.stewardship import Review
from ..content.texts import (
    FOCUS_AREA_DESCRIPTION,
    GUIDES_BEFORE,
    GUIDES_INTRO,
    JOB_DESCRIPTION,
    REFLECTION_INTRO,
    competencies_intro,
)
from ..source.catalog import Catalog
from ..source.kinds import KINDS
from ..source.models import JobDescriptionTemplate, Planning, Role, Work
from . import html_parts
from .downloads import roles_json
from .html_parts import data_script
from .inventory import filter_index
from .render import Links, Memo, Renderer


@dataclass(frozen=True)
class Page:
    uri: str  # Markdown source path inside the site, e.g. "roles/math-coach.md"
    markdown: str
    sources: tuple[str, ...]  # the data files an editor changes to change this page (`page_sources`)
    # HTML put into the finished page in place of each named marker (`html_parts`)
    html: tuple[tuple[str, str], ...] = ()

    def filled(self) -> str:
        """The Markdown with the HTML parts in place: all the page shows, to read it without MkDocs."""
        return html_parts.fill(self.uri, self.markdown, dict(self.html))


def page_sources(catalog: Catalog, uri: str) -> tuple[str, ...]:
    """The data files a page is built from, by the table of kinds: an item's page names the file the
    item came from (the district's overlay file for its own items), a list page every file of its kind."""
    fixed = [kind for kind in KINDS if uri in kind.pages]
    found: list[str] = []
    for kind in fixed or KINDS:
        if fixed:
            found += catalog.sources(kind.name)
            continue
        for pattern in (pattern for pattern in kind.pages if "{id}" in pattern):
            before, _, after = pattern.partition("{id}")
            item = uri.removeprefix(before).removesuffix(after)
            if uri.startswith(before) and uri.endswith(after) and item and "/" not in item:
                found.append(catalog.origin(kind.name, item))
    return tuple(dict.fromkeys(found))


def _page(catalog: Catalog, r: Renderer, uri: str, template: str, /, **context: object) -> Page:
    """One page, its source note naming the data files it is built from."""
    sources = page_sources(catalog, uri)
    return Page(uri, r.render(uri, template, sources=sources, **context), sources)


def build_pages(
    catalog: Catalog, review: Review | None = None, memo: Memo | None = None, links: Links | None = None
) -> list[Page]:
    """All generated pages for the site; `review` decides which items are flagged as due for review;
    pages kept in `memo` (while serving) are reused when their data did not change; `links` writes
    the links in the HTML parts (as the site's `use_directory_urls` has them)."""
    # Credits print the bibliography's short citations and link to its entries.
    renderer = Renderer(memo, links, review=(review or Review()).with_works(catalog.bibliography.entries))
    return [
        page
        for builder in (_roles, _skills, _standards, _moves, _conditions, _guides, _job_description, _resources, _plan)
        for page in builder(catalog, renderer)
    ]


# A role page names at most this many other roles of its area (its neighbours in the data
# file), so its size does not grow with the inventory; the inventory lists them all.
RELATED_ROLES = 8
MATCH_URI = "roles/match.md"  # the matching page sits beside the role pages; no role may take its id


def role_url(role: Role) -> str:
    return f"roles/{role.id}.md"


def _roles(catalog: Catalog, r: Renderer) -> Iterator[Page]:
    ordered = sorted(catalog.roles, key=lambda role: list(labels.CATEGORY).index(role.category))
    held = Counter(role.held for role in catalog.roles)
    filters = [  # name in the URL, visible label, the "no filter" option, options
        ("held", "When held", "Any time", labels.HELD),
        ("scope", "Scope", "Any scope", labels.SCOPE),
        ("selection", "Selection", "Any way", labels.SELECTION),
        ("standard", "Standards domain", "Any domain", _domain_options(catalog)),
        ("filled", "Who fills it", "Anyone", labels.FILLED_BY),
    ]
    uri = "roles/index.md"
    page = _page(catalog, r, uri, "roles_index", roles=ordered, catalog=catalog, held=held, filters=filters)
    # The rows and the word filter's index, which change with any role, go in as HTML (html_parts).
    index = filter_index(catalog)
    words = {role.id: index.words(role.id) for role in ordered}
    groups = {role.id: index.groups(role.id) for role in ordered}
    rows = r.html(uri, "roles_rows", roles=ordered, catalog=catalog, words=words, groups=groups)
    script = data_script("tl-roles-index", index.script_json())
    yield replace(page, html=(("roles-index", script), ("roles-rows", rows)))
    yield _page(catalog, r, MATCH_URI, "match", roles=ordered, catalog=catalog)
    by_category: dict[str, list[Role]] = {}
    position: dict[str, int] = {}
    for role in catalog.roles:
        group = by_category.setdefault(role.category, [])
        position[role.id] = len(group)
        group.append(role)
    for role in catalog.roles:
        uri = role_url(role)
        group = by_category[role.category]
        yield _page(
            catalog,
            r,
            uri,
            "role",
            role=role,
            skills=[catalog.skill[s] for s in role.skills],
            domains=catalog.domains_named(role.standards),
            standards=catalog.standards,
            moves=catalog.moves,
            guides=catalog.guides_for_role(role),
            # The title and summary open the page, so the web job description starts after them.
            # Made by the template, when it renders: while serving, an unchanged role's page is not
            # rendered again, and its key then hashes the role and the template, not their product.
            sections=partial(_role_sections, catalog.job_description, role, catalog.planning),
            related=_neighbours(group, position[role.id], RELATED_ROLES),
            related_total=len(group) - 1,
            words=JOB_DESCRIPTION,
        )


def _role_sections(template: JobDescriptionTemplate, role: Role, planning: Planning | None) -> list[Section]:
    """A role page's job description: the template's sections after the title and summary."""
    return job_description(template, role, planning)[2:]


def _domain_options(catalog: Catalog) -> dict[str, str]:
    """The explorer's menu of standards domains: number and short name, in the standards' order."""
    return {domain.id: f"Domain {domain.number}: {domain.short_name}" for domain in catalog.standards.domains}


def _neighbours(group: list[Role], index: int, count: int) -> list[Role]:
    """Up to `count` roles around `group[index]` (not itself), in the data file's order."""
    start = max(0, min(index - count // 2, len(group) - 1 - count))
    window = group[start : start + count + 1]
    return [role for role in window if role is not group[index]][:count]


def _skills(catalog: Catalog, r: Renderer) -> Iterator[Page]:
    yield _page(catalog, r, "skills/index.md", "skills_index", catalog=catalog, credited=catalog.credits["skills"])
    for skill in catalog.skills:
        uri = f"skills/{skill.id}.md"
        context = {
            "skill": skill,
            "moves": catalog.moves[skill.id],
            "roles": catalog.roles_for_skill(skill.id),
            "guides": catalog.guides_for_skill(skill.id),
            "framework": catalog.competencies,
            "credited": catalog.credits["skills"],
        }
        yield _page(catalog, r, uri, "skill", **context)


def _standards(catalog: Catalog, r: Renderer) -> Iterator[Page]:
    uri = "standards/index.md"
    context = {
        "standards": catalog.standards,
        "work": next((w for w in catalog.bibliography.entries if w.id == catalog.standards.source), None),
        "roles_for": catalog.roles_for_standard,
    }
    yield _page(catalog, r, uri, "standards", **context)


def _moves(catalog: Catalog, r: Renderer) -> Iterator[Page]:
    uri = "principal-moves/index.md"
    yield _page(catalog, r, uri, "principal_moves", catalog=catalog, credited=catalog.credits["principal_moves"])


def _conditions(catalog: Catalog, r: Renderer) -> Iterator[Page]:
    uri = "conditions/index.md"
    links = {c.id: resolve_all(catalog, c.see_also) for c in catalog.conditions}
    check = script_json(json.dumps(self_assessment.check_data(catalog)).encode())
    context = {
        "conditions": catalog.conditions,
        "links": links,
        "ratings": self_assessment.RATINGS,
        "sign_keys": {c.id: self_assessment.sign_keys(c.signs) for c in catalog.conditions},
        "check_json": check,
    }
    yield _page(catalog, r, uri, "conditions", **context)


def _guides(catalog: Catalog, r: Renderer) -> Iterator[Page]:
    yield _page(
        catalog, r, "guides/index.md", "guides_index", catalog=catalog, intro=GUIDES_INTRO, before=GUIDES_BEFORE
    )
    for guide in catalog.guides:
        uri = f"guides/{guide.id}.md"
        context = {
            "guide": guide,
            "skills": [catalog.skill[s] for s in guide.skills],
            "roles": [catalog.role[rid] for rid in guide.roles],
        }
        yield _page(catalog, r, uri, "guide", **context)


def _job_description(catalog: Catalog, r: Renderer) -> Iterator[Page]:
    uri = "job-description/index.md"
    context = {
        "template": catalog.job_description,
        "sections": job_description(catalog.job_description),
        "roles": sorted(catalog.roles, key=lambda role: role.title.casefold()),
    }
    yield _page(catalog, r, uri, "job_description", **context)


def _by_author(work: Work) -> tuple[str, str]:
    """Bibliography order: first author or editor, else the organization or title; then year."""
    first = (work.authors or work.editors or [work.organization or work.title])[0]
    return first.casefold(), str(work.year)


def _resources(catalog: Catalog, r: Renderer) -> Iterator[Page]:
    works = sorted(catalog.bibliography.entries, key=_by_author)
    pages: dict[str, tuple[str, dict[str, object]]] = {
        "focus-area/index.md": (
            "focus_area",
            {"area": catalog.focus_area, "links": partial(resolve_all, catalog), "description": FOCUS_AREA_DESCRIPTION},
        ),
        "competencies/index.md": (
            "competencies",
            {
                "framework": catalog.competencies,
                "skills": catalog.skill,
                "intro": competencies_intro(len(catalog.competencies.levels)),
            },
        ),
        "reflection/index.md": (
            "reflection",
            {"themes": catalog.reflection.themes, "credited": catalog.reflection, "intro": REFLECTION_INTRO},
        ),
        "bibliography/index.md": ("bibliography", {"works": works, "kinds": labels.WORK_KIND}),
    }
    for uri, (template, context) in pages.items():
        yield _page(catalog, r, uri, template, **context)


# --- the school's plan (issue 15) -----------------------------------------------------------

PLAN_URI = "plan/index.md"
# The fields of a role the planner's scripts read (docs/javascripts/plan/*.js). The page embeds
# roles.json with only these: the whole object is about 3.8 KB a role (19 MB at 5,000 roles), and
# every build parses it twice more (Markdown, search) and every visit downloads it.
PLANNER_FIELDS = ("id", "title", "summary", "held", "skills", "filled_by", "filled_by_note", "hours_per_week",
                  "release_periods", "release_share")  # fmt: skip


def _plan(catalog: Catalog, r: Renderer) -> Iterator[Page]:
    """The planner: a page whose script works on the inventory embedded in it (the roles.json object,
    its roles cut to the fields the scripts read)."""
    page = _page(catalog, r, PLAN_URI, "plan")
    inventory = data_script("tl-plan-catalog", script_json(roles_json(catalog, PLANNER_FIELDS)))
    yield replace(page, html=(("plan-catalog", inventory),))  # after Markdown: it changes with any role


def script_json(document: bytes) -> str:
    r"""JSON text safe inside <script type="application/json"> in a Markdown page: `<`, `>` and `&`
    as \u escapes, so data holding `</script>` or `<!--` cannot end the element or open a comment,
    and Markdown finds no tag or entity in it; one line, so no blank line ends the HTML block."""
    text = json.dumps(json.loads(document), ensure_ascii=False, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text
