"""Page content built from the catalog, without MkDocs: what a reader of each page gets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tltoolkit import load_catalog
from tltoolkit.content.job_description import job_description
from tltoolkit.documents import document_paths
from tltoolkit.web.downloads import build_downloads
from tltoolkit.web.render import plain
from tltoolkit.web.site import build_pages

ROOT = Path(__file__).resolve().parents[1]
LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.fixture(scope="module")
def pages(catalog):
    return {page.uri: page for page in build_pages(catalog)}


def test_shipped_data_meets_the_content_contract(catalog) -> None:
    assert len(catalog.roles) >= 40  # a range: adding a role breaks no test
    assert len({role.title.casefold() for role in catalog.roles}) == len(catalog.roles)
    assert all(4 <= len(role.responsibilities) <= 8 for role in catalog.roles)
    assert len(catalog.skills) >= 4 and all(len(skill.competencies) >= 3 for skill in catalog.skills)
    assert all(len(catalog.moves[skill.id]) >= 4 for skill in catalog.skills)
    assert len(catalog.conditions) >= 8 and all(len(c.strategies) >= 3 for c in catalog.conditions)
    assert len(catalog.guides) == 4
    # Every skill is needed by some role, and every kind of holding and selection occurs.
    assert all(catalog.roles_for_skill(skill.id) for skill in catalog.skills)
    assert {role.held for role in catalog.roles} == {"full-time-teaching", "partial-release", "full-release"}
    assert {role.selection for role in catalog.roles} == {
        "volunteer",
        "rotation",
        "principal-appointed",
        "elected",
        "application",
    }


def test_no_two_roles_share_a_summary_or_responsibility(catalog) -> None:
    seen: dict[str, str] = {}
    for role in catalog.roles:
        for text in [role.summary, *role.responsibilities]:
            key = " ".join(text.casefold().split())
            assert key not in seen, f"{role.id} repeats text from {seen.get(key)}: {text}"
            seen[key] = role.id


def test_every_page_kind_is_generated(pages, catalog) -> None:
    expected = {
        "roles/index.md", "roles/match.md", "skills/index.md", "principal-moves/index.md", "conditions/index.md",
        "guides/index.md", "job-description/index.md", "focus-area/index.md", "competencies/index.md",
        "reflection/index.md", "bibliography/index.md", "standards/index.md", "plan/index.md",
    }  # fmt: skip
    expected |= {f"roles/{role.id}.md" for role in catalog.roles}
    expected |= {f"skills/{skill.id}.md" for skill in catalog.skills}
    expected |= {f"guides/{guide.id}.md" for guide in catalog.guides}
    assert set(pages) == expected


def test_role_page_has_its_skills_moves_guides_and_job_description(pages, catalog) -> None:
    for role in catalog.roles:
        md = pages[f"roles/{role.id}.md"].markdown
        assert f"# {plain(role.title)}\n" in md
        for skill_id in role.skills:
            assert f"(../skills/{skill_id}.md)" in md
            for move in catalog.moves[skill_id]:
                assert plain(move.move) in md
        guides = catalog.guides_for_role(role)
        assert guides, f"{role.id} has no related guide"
        for guide in guides:
            assert f"(../guides/{guide.id}.md)" in md
        for heading in (
            "## Job description",
            "### Essential responsibilities",
            "### Supervision",
            "## Who fits this role",
        ):
            assert heading in md
        for item in role.responsibilities + role.look_fors:
            assert plain(item) in md


def test_relationships_are_navigable_both_ways(pages, catalog) -> None:
    for skill in catalog.skills:
        md = pages[f"skills/{skill.id}.md"].markdown
        for role in catalog.roles_for_skill(skill.id):
            assert f"(../roles/{role.id}.md)" in md
        for guide in catalog.guides_for_skill(skill.id):
            assert f"(../guides/{guide.id}.md)" in md
        assert f"(../skills/{skill.id}.md)" in pages["principal-moves/index.md"].markdown
    for guide in catalog.guides:
        md = pages[f"guides/{guide.id}.md"].markdown
        assert all(f"(../roles/{role_id}.md)" in md for role_id in guide.roles)
        assert all(f"(../skills/{skill_id}.md)" in md for skill_id in guide.skills)


def test_every_link_in_generated_pages_resolves(pages, catalog) -> None:
    hand_written = {str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*.md")}
    downloads = {download.uri for download in build_downloads(catalog)}
    downloads |= {f"downloads/{path}" for path in document_paths(catalog)}
    known = set(pages) | hand_written | downloads
    for uri, page in pages.items():
        for target in LINK.findall(page.markdown):
            path = target.split("#")[0].split("?")[0]  # the explorer's filters ride in the query
            if not path:
                continue
            resolved = _normalise(f"{Path(uri).parent}/{path}")
            assert resolved in known, f"{uri} links to missing {target}"


def _normalise(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def test_job_description_fills_every_template_section(catalog) -> None:
    role = catalog.role["math-coach"]
    sections = job_description(catalog.job_description, role)
    assert [s.id for s in sections][:3] == ["role-title", "role-summary", "responsibilities"]
    assert all(not s.is_empty for s in sections)
    blank = job_description(catalog.job_description)
    assert all(s.is_empty and s.prompts for s in blank)


def test_data_text_cannot_inject_markup(minimal_data: Path) -> None:
    roles = minimal_data / "roles.yml"
    hostile = "Team leader <script>alert(1)</script> *bold* [x](javascript:alert(1)) | cell"
    roles.write_text(roles.read_text().replace("title: Grade-level team leader", f"title: '{hostile}'"))
    md = {p.uri: p.markdown for p in build_pages(load_catalog(minimal_data))}["roles/grade-level-team-leader.md"]
    _, front, body = md.split("---\n", 2)
    assert 'title: "Team leader &lt;script&gt;' in front  # the theme prints titles unescaped
    assert "<script>" not in body and "](javascript:" not in body and "*bold*" not in body
    assert "&#60;script&#62;" in body  # shown as typed: character references, inert to Markdown and HTML


def test_review_due_counts_whole_months() -> None:
    from datetime import date

    from tltoolkit.content.stewardship import months_between

    assert months_between(date(2026, 9, 15), date(2028, 9, 14)) == 23
    assert months_between(date(2026, 9, 15), date(2028, 9, 15)) == 24
    assert months_between(date(2026, 1, 31), date(2026, 2, 28)) == 0
