"""The floor: plain MkDocs + Material building as many pages as the toolkit's site, in the same run.

Issue 18 asks the toolkit's warm page build (documents off, no offline zip) to cost at most twice
what MkDocs itself costs per page. The reference is a site with none of the toolkit: the Material
theme, its search plugin, the toolkit's `markdown_extensions`, one page in the navigation and the
rest `not_in_nav`, as the role pages are. Each page is hand-written-style Markdown built from a real
role's text (title, summary, a facts table, the job description's sections, look-fors, skills with
their principal moves, links to neighbouring pages), so it is about as long as a role page and has
the same kinds of blocks, but none of the toolkit's own markup (hidden search words, attribute
lists, HTML blocks). The template is fixed here, not taken from the toolkit's, so making the
toolkit's pages cheaper cannot make the floor cheaper too.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..content import labels, role_facts
from ..content.job_description import job_description
from ..source.catalog import Catalog, load_catalog
from ..source.models import Role
from .synthetic import DATA, ROOT

FOLDER = "pages"  # the out-of-navigation pages, like roles/


def _settings() -> dict[str, object]:
    """The plain site's mkdocs.yml: the toolkit's Markdown extensions, Material, search, nothing else."""
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant)  # a SafeLoader
    return {
        "site_name": "Plain MkDocs reference",
        "theme": {"name": "material", "language": "en", "font": False},
        "plugins": ["search"],
        "markdown_extensions": ours["markdown_extensions"],
        "not_in_nav": f"/{FOLDER}/*.md\n",
        "nav": [{"Home": "index.md"}],
    }


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml with its `!ENV` tags as plain values (only markdown_extensions is used)."""


_Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)


def page_markdown(catalog: Catalog, role: Role, number: int, total: int) -> str:
    """One plain page from `role`'s text: the kinds of blocks a role page has, written as an author would."""
    skills = [catalog.skill[s] for s in role.skills]
    near = [(number + step) % total for step in (-2, -1, 1, 2)]
    lines = [f"# {role.title} ({number})", "", role.summary, "", "| | |", "| --- | --- |"]
    lines += [
        f"| **Area** | {labels.CATEGORY[role.category]} |",
        f"| **When held** | {labels.HELD[role.held]} |",
        f"| **Scope** | {labels.SCOPE[role.scope]} |",
        f"| **Selection** | {labels.SELECTION[role.selection]} |",
        f"| **Filled by** | {role_facts.who_fills(role)} |",
        "| **Skills** | "
        + ", ".join(f"[{s.name}](page-{n:05d}.md)" for s, n in zip(skills, near, strict=False))
        + " |",
        "",
        "## Job description",
        "",
        "A starting point: adapt it with the teacher leader who will hold the role, using the",
        "[job description template](../index.md).",
        "",
        f"[Download PDF](page-{near[0]:05d}.md) and [Download Word](page-{near[1]:05d}.md)",
        "",
    ]
    for section in job_description(catalog.job_description, role, catalog.planning)[2:]:
        lines += [f"### {section.title}", ""]
        if section.text:
            lines += [section.text, ""]
        if section.items:
            lines += [*(f"- {item}" for item in section.items), ""]
        for label, value in section.facts:
            lines += [f"**{label}:** {value}", ""]
    lines += ["## Who fits this role", "", "Look for a teacher who shows these qualities already:", ""]
    lines += [*(f"- [ ] {item}" for item in role.look_fors), ""]
    lines += ["## Skills and principal moves", ""]
    for skill, n in zip(skills, near * 2, strict=False):
        lines += [f"### {skill.name}", "", f"{skill.summary} [More about {skill.name.lower()}](page-{n:05d}.md).", ""]
        lines += ["Principal moves that support it:", ""]
        lines += [*(f"- **{move.move}** {move.why}" for move in catalog.moves[skill.id]), ""]
    lines += ["## Discussion guides", ""]
    lines += [
        *(
            f"- [{g.title}](page-{n:05d}.md): {g.purpose}"
            for g, n in zip(catalog.guides_for_role(role), near * 2, strict=False)
        ),
        "",
    ]
    others = [(other, (number + step) % total) for step, other in enumerate(catalog.roles[:8], start=1)]
    lines += ["## Other pages", "", ", ".join(f"[{other.title}](page-{n:05d}.md)" for other, n in others) + ".", ""]
    return "\n".join(lines)


def plain_project(target: Path, pages: int, data_dir: Path = DATA) -> Path:
    """A plain MkDocs + Material project of `pages` pages (one in the navigation); returns `target`."""
    catalog = load_catalog(data_dir)
    roles = catalog.roles
    docs = target / "docs" / FOLDER
    docs.mkdir(parents=True, exist_ok=True)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(_settings(), sort_keys=False), encoding="utf-8")
    others = pages - 1
    index = [
        "# Plain MkDocs reference",
        "",
        f"{others:,} pages out of the navigation, like the toolkit's role pages:",
        "",
    ]
    (target / "docs" / "index.md").write_text("\n".join([*index, "[the first](pages/page-00000.md)", ""]))
    for n in range(others):
        text = page_markdown(catalog, roles[n % len(roles)], n, others)
        (docs / f"page-{n:05d}.md").write_text(text, encoding="utf-8")
    return target


def site_pages(site: Path) -> int:
    """How many pages a built site has (its HTML files, Material's 404 page aside)."""
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html")
