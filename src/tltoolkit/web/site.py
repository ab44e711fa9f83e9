"""Every generated web page, as Markdown, built from the validated catalog.

One function per page kind; each returns `Page`s that the MkDocs hook adds as
virtual files. Nothing here imports MkDocs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from ..source.catalog import Catalog
from ..source.models import Role, Work
from ..content import labels
from ..content.crossrefs import resolve_all
from ..content.job_description import job_description
from .render import Renderer
from ..content.stewardship import Review
from ..content.texts import GUIDES_BEFORE, GUIDES_INTRO


@dataclass(frozen=True)
class Page:
    uri: str  # Markdown source path inside the site, e.g. "roles/math-coach.md"
    markdown: str
    source: str  # the data file an editor changes to change this page


def build_pages(catalog: Catalog, review: Review | None = None) -> list[Page]:
    """All generated pages for the site; `review` decides which items are flagged as due for review."""
    # Credits print the bibliography's short citations and link to its entries.
    renderer = Renderer(review=(review or Review()).with_works(catalog.bibliography.entries))
    return [
        page
        for builder in (_roles, _skills, _standards, _moves, _conditions, _guides, _job_description, _resources)
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
    yield Page(
        "roles/index.md",
        r.render("roles/index.md", "roles_index", roles=ordered, catalog=catalog, held=held, filters=filters),
        "data/roles.yml",
    )
    yield Page(MATCH_URI, r.render(MATCH_URI, "match", roles=ordered, catalog=catalog), "data/roles.yml")
    by_category: dict[str, list[Role]] = {}
    position: dict[str, int] = {}
    for role in catalog.roles:
        group = by_category.setdefault(role.category, [])
        position[role.id] = len(group)
        group.append(role)
    for role in catalog.roles:
        uri = role_url(role)
        group = by_category[role.category]
        yield Page(
            uri,
            r.render(
                uri,
                "role",
                role=role,
                skills=[catalog.skill[s] for s in role.skills],
                domains=catalog.domains_named(role.standards),
                standards=catalog.standards,
                moves=catalog.moves,
                guides=catalog.guides_for_role(role),
                # The title and summary open the page, so the web job description starts after them.
                sections=job_description(catalog.job_description, role, catalog.planning)[2:],
                related=_neighbours(group, position[role.id], RELATED_ROLES),
                related_total=len(group) - 1,
                source_file=catalog.origin("roles", role.id),
            ),
            catalog.origin("roles", role.id),
        )


def _domain_options(catalog: Catalog) -> dict[str, str]:
    """The explorer's menu of standards domains: number and short name, in the standards' order."""
    return {domain.id: f"Domain {domain.number}: {domain.short_name}" for domain in catalog.standards.domains}


def _neighbours(group: list[Role], index: int, count: int) -> list[Role]:
    """Up to `count` roles around `group[index]` (not itself), in the data file's order."""
    start = max(0, min(index - count // 2, len(group) - 1 - count))
    window = group[start : start + count + 1]
    return [role for role in window if role is not group[index]][:count]


def _skills(catalog: Catalog, r: Renderer) -> Iterator[Page]:
    index = r.render("skills/index.md", "skills_index", catalog=catalog, credited=catalog.credits["skills"])
    yield Page("skills/index.md", index, "data/skills.yml")
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
        yield Page(uri, r.render(uri, "skill", **context), "data/skills.yml")


def _standards(catalog: Catalog, r: Renderer) -> Iterator[Page]:
    uri = "standards/index.md"
    context = {
        "standards": catalog.standards,
        "work": next((w for w in catalog.bibliography.entries if w.id == catalog.standards.source), None),
        "roles_for": catalog.roles_for_standard,
    }
    yield Page(uri, r.render(uri, "standards", **context), "data/standards.yml")


def _moves(catalog: Catalog, r: Renderer) -> Iterator[Page]:
    uri = "principal-moves/index.md"
    page = r.render(uri, "principal_moves", catalog=catalog, credited=catalog.credits["principal_moves"])
    yield Page(uri, page, "data/principal_moves.yml")


def _conditions(catalog: Catalog, r: Renderer) -> Iterator[Page]:
    uri = "conditions/index.md"
    links = {c.id: resolve_all(catalog, c.see_also) for c in catalog.conditions}
    yield Page(uri, r.render(uri, "conditions", conditions=catalog.conditions, links=links), "data/conditions.yml")


def _guides(catalog: Catalog, r: Renderer) -> Iterator[Page]:
    index = r.render("guides/index.md", "guides_index", catalog=catalog, intro=GUIDES_INTRO, before=GUIDES_BEFORE)
    yield Page("guides/index.md", index, "data/guides/")
    for guide in catalog.guides:
        uri = f"guides/{guide.id}.md"
        context = {
            "guide": guide,
            "skills": [catalog.skill[s] for s in guide.skills],
            "roles": [catalog.role[rid] for rid in guide.roles],
            "source_file": catalog.origin("guides", guide.id),
        }
        yield Page(uri, r.render(uri, "guide", **context), context["source_file"])


def _job_description(catalog: Catalog, r: Renderer) -> Iterator[Page]:
    uri = "job-description/index.md"
    context = {
        "template": catalog.job_description,
        "sections": job_description(catalog.job_description),
        "roles": sorted(catalog.roles, key=lambda role: role.title.casefold()),
    }
    yield Page(uri, r.render(uri, "job_description", **context), "data/job_description.yml")


def _by_author(work: Work) -> tuple[str, str]:
    """Bibliography order: first author or editor, else the organization or title; then year."""
    first = (work.authors or work.editors or [work.organization or work.title])[0]
    return first.casefold(), str(work.year)


def _resources(catalog: Catalog, r: Renderer) -> Iterator[Page]:
    works = sorted(catalog.bibliography.entries, key=_by_author)
    pages = {
        "focus-area/index.md": ("focus_area", {"area": catalog.focus_area, "links": partial(resolve_all, catalog)},
                                "data/focus_area.yml"),
        "competencies/index.md": (
            "competencies",
            {"framework": catalog.competencies, "skills": catalog.skill},
            "data/competencies.yml",
        ),
        "reflection/index.md": (
            "reflection",
            {"themes": catalog.reflection.themes, "credited": catalog.reflection},
            "data/reflection.yml",
        ),
        "bibliography/index.md": ("bibliography", {"works": works, "kinds": labels.WORK_KIND}, "data/bibliography.yml"),
    }
    for uri, (template, context, source) in pages.items():
        yield Page(uri, r.render(uri, template, **context), source)
