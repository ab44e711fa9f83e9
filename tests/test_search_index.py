"""What site search holds for a role: a readable snippet (its summary, no facts run together),
the words of its responsibilities, and no more bytes than the budget on docs/performance.md."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from tltoolkit.content import labels
from tltoolkit.web.search_terms import GENERAL_WORDS, STOP_WORDS, extra_terms

ROOT = Path(__file__).resolve().parents[1]
# The facts table's labels, which the index used to run together with their values
# ("Area Coaching and instructional support When held Full release Scope ...").
FACT_LABELS = ("Area", "When held", "Scope", "Selection", "Filled by", "Skills")


@pytest.fixture(scope="module")
def index(built_site: Path) -> dict[str, dict]:
    """The session's build's search index by location (tests/conftest.py); the documents do not change it."""
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return {doc["location"]: doc for doc in docs}


def _text(doc: dict) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", doc["text"]))


def test_a_role_result_opens_with_its_summary_and_runs_no_facts_together(index, catalog) -> None:
    for role in catalog.roles:
        entry = index[f"roles/{role.id}/"]
        first = re.match(r"<p>(.*?)</p>", entry["text"])
        assert first and html.unescape(first.group(1)) == " ".join(role.summary.split()), role.id
        text = _text(entry)
        for label in FACT_LABELS:
            assert not re.search(rf"(^|\s){label}\s", text), f"{role.id}: '{label}' label in its search text"
        # Nor the values the labels ran into.
        for value in (labels.HELD[role.held], labels.SCOPE[role.scope] + " Selection", catalog.standards.name):
            assert value not in text, f"{role.id}: fact '{value}' in its search text"
        # Only the page's first section: its job description, skills and guides stay out.
        assert not [loc for loc in index if loc.startswith(f"roles/{role.id}/#")], role.id


def test_every_distinctive_word_of_a_role_s_responsibilities_is_in_its_entry(index, catalog) -> None:
    for role in catalog.roles:
        entry = index[f"roles/{role.id}/"]
        indexed = set(re.findall(r"[^\W_]+", f"{entry['title']} {_text(entry)}".lower()))  # both are searched
        for item in role.responsibilities:
            for word in set(re.findall(r"[^\W_]+", item.lower())):
                if len(word) < 5 or word in STOP_WORDS or word in GENERAL_WORDS:
                    continue
                # Search stems words, so a form with another ending is as good ("meet" for "meetings", "hires" for "hiring"; the browser test searches with the real thing).
                stem = word[: max(3, len(word) - 4)]
                assert any(other.startswith(stem) for other in indexed), f"{role.id}: '{word}' not findable"


def test_role_entries_keep_within_the_search_index_budget(index, catalog) -> None:
    # docs/performance.md: the index every visitor downloads stays under 1 KB a role.
    sizes = [len(json.dumps(index[f"roles/{role.id}/"], separators=(",", ":"))) for role in catalog.roles]
    assert sum(sizes) / len(sizes) < 1000, f"{sum(sizes) / len(sizes):.0f} bytes a role"


def test_extra_terms_leave_out_what_the_snippet_has_common_words_and_repeated_forms() -> None:
    terms = extra_terms(
        "Math coach: helps teachers plan lessons",
        ["Coaches teachers on fractions and ratios", "Plans the coaching cycle; meets with the team each week"],
    )
    words = terms.split()
    assert "fractions" in words and "ratios" in words and "cycle" in words and "week" in words
    for left_out in ("coaches", "teachers", "plans", "coaching", "on", "and", "the", "with", "each"):
        assert left_out not in words, left_out
    assert len(words) == len(set(words))
    assert extra_terms("All said", ["All said."]) == ""


def test_lists_of_roles_on_other_pages_stay_out_of_the_index(index, catalog) -> None:
    # They grow with the inventory (thousands of roles in a large district); each role is found by its own page.
    for location, doc in index.items():
        if location.startswith("roles/") and location.count("/") == 2 and location != "roles/match/":
            continue
        listed = sum(role.title in doc["text"] for role in catalog.roles)
        assert listed <= 8, f"{location} lists {listed} roles in the search index"
