"""The role filter's words and synonyms: data/synonyms.yml checked like every data file, a district's
own file used in its place, and the inventory page carrying each role's words and synonym groups.

The browser tests (tests/browser/test_explorer.py) type into the real page; these check, without a
browser, what the page is built from.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tltoolkit import Catalog, DataErrors, load_catalog
from tltoolkit.source.load import load_toolkit
from tltoolkit.source.models import Role
from tltoolkit.source.words import STOP_WORDS, stem, tokens
from tltoolkit.web.inventory import one_line
from tltoolkit.web.site import build_pages

ROOT = Path(__file__).resolve().parents[1]
WORDS = json.loads((ROOT / "tests" / "js" / "fixtures" / "words.json").read_text(encoding="utf-8"))


def test_python_folds_splits_and_stems_as_the_script_does() -> None:
    # tests/js/roles-filter.test.js checks the same cases against docs/javascripts/roles-filter.js.
    for text, expected_tokens, expected_stems in WORDS["cases"]:
        assert tokens(text) == expected_tokens, text
        assert [stem(word) for word in tokens(text)] == expected_stems, text


# --- checking the file ---------------------------------------------------------------


def _problems(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_catalog(data)
    return [str(error) for error in caught.value.errors]


def test_a_term_twice_or_in_two_groups_is_reported_at_its_line(minimal_data: Path) -> None:
    (minimal_data / "synonyms.yml").write_text(
        "groups:\n"
        "  - terms: [English learner, ELL, ESL]\n"  # line 2
        "  - terms:\n"
        "      - special education\n"
        "      - ELLs\n"  # line 5: ELL again, as the filter reads it
        "      - Special  Education\n",  # line 6: the same term in its own group
        encoding="utf-8",
    )
    assert sorted(_problems(minimal_data)) == [
        (
            "data/synonyms.yml:5:9: groups[1].terms[1]: 'ELLs' is already in another group (on line 2); "
            "the filter treats them as one word, so keep one"
        ),
        (
            "data/synonyms.yml:6:9: groups[1].terms[2]: 'Special  Education' is already in this group (on line 4); "
            "the filter treats them as one word, so keep one"
        ),
    ]


def test_empty_groups_and_terms_without_letters_are_reported_together(minimal_data: Path) -> None:
    (minimal_data / "synonyms.yml").write_text(
        "groups:\n  - terms: []\n  - terms: [PLC]\n  - terms: [ILT, '--']\n  - words: [a, b]\n", encoding="utf-8"
    )
    problems = _problems(minimal_data)
    assert sorted(problems) == [
        "data/synonyms.yml:2:5: groups[0].terms: expected 2 to 30 items, got 0",
        "data/synonyms.yml:3:5: groups[1].terms: expected 2 to 30 items, got 1",
        "data/synonyms.yml:4:18: groups[2].terms[1]: the term '--' has no letter or digit, so the filter could never match it",
        "data/synonyms.yml:5:5: groups[3].words: unknown field 'words'; allowed: terms",
        "data/synonyms.yml:5:5: groups[3]: missing required field 'terms'",
    ]


def test_a_missing_synonyms_file_is_reported(minimal_data: Path) -> None:
    (minimal_data / "synonyms.yml").unlink()
    assert _problems(minimal_data) == ["data/synonyms.yml:1:1: required file is missing"]


def test_a_districts_synonyms_file_replaces_the_toolkits(minimal_data: Path, tmp_path: Path) -> None:
    district = tmp_path / "district"
    (district / "data").mkdir(parents=True)
    (district / "district.yml").write_text("name: Lakeview School District\noverlay: data\n", encoding="utf-8")
    (district / "data" / "synonyms.yml").write_text(
        "groups:\n  - terms: [MLL, multilingual learner]\n", encoding="utf-8"
    )
    catalog, _ = load_toolkit(minimal_data, district / "district.yml")
    assert catalog.synonyms is not None and [g.terms for g in catalog.synonyms.groups] == [
        ["MLL", "multilingual learner"]
    ]
    assert _index(_inventory(catalog))["groups"] == [["mll", "multilingual learner"]]


def test_a_mistake_in_a_districts_synonyms_file_names_that_file(minimal_data: Path, tmp_path: Path) -> None:
    district = tmp_path / "district"
    (district / "data").mkdir(parents=True)
    (district / "district.yml").write_text("name: Lakeview School District\noverlay: data\n", encoding="utf-8")
    (district / "data" / "synonyms.yml").write_text("groups:\n  - terms: [MLL, MLLs]\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_toolkit(minimal_data, district / "district.yml")
    assert [str(e).split(": ")[:2] for e in caught.value.errors] == [
        ["district/data/synonyms.yml:2:18", "groups[0].terms[1]"]
    ]


# --- what the inventory page carries -----------------------------------------------------


def _inventory(catalog: Catalog) -> str:
    return next(page.filled() for page in build_pages(catalog) if page.uri == "roles/index.md")


def _index(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="tl-roles-index">(.*?)</script>', page, re.DOTALL)
    assert found, "the inventory carries the word index"
    return json.loads(found.group(1))


def _rows(page: str) -> dict[str, tuple[list[int], list[int]]]:
    """Role id -> (word numbers, group numbers), read off the page's rows."""
    rows = re.findall(r'<tr [^>]*data-groups="([^"]*)"[^>]*data-words="([^"]*)"[^>]*>\s*<td><a href="([^"]+)/">', page)
    return {
        role_id: ([int(n, 36) for n in words.split()], [int(n) for n in groups.split()])
        for groups, words, role_id in rows
    }


def _text(role: Role) -> str:
    return " \n ".join([role.title, role.summary, *role.responsibilities])


def test_every_row_carries_the_words_of_its_title_summary_and_responsibilities(catalog: Catalog) -> None:
    page = _inventory(catalog)
    vocabulary = _index(page)["words"]
    rows = _rows(page)
    assert set(rows) == {role.id for role in catalog.roles}
    for role in catalog.roles:
        words = {vocabulary[n] for n in rows[role.id][0]}
        assert words == set(tokens(_text(role))) - STOP_WORDS, role.id
        last_duty = tokens(role.responsibilities[-1])
        assert set(last_duty) - STOP_WORDS <= words  # responsibilities count, not only title and summary


def _term_pattern(term: str) -> str:
    """A term as whole words, each in its plural, -ing or -ed form too (written apart from words.py)."""
    parts = []
    for word in re.findall(r"[^\W_]+", term.lower()):
        base = word[:-1] + "(?:y|ies)" if word.endswith("y") else re.escape(word)
        parts.append(base + "(?:s|es|ing|ed)?")
    return r"\b" + r"\W+".join(parts) + r"\b"


def test_each_row_names_the_synonym_groups_its_text_uses_as_whole_words(catalog: Catalog) -> None:
    page = _inventory(catalog)
    rows = _rows(page)
    assert catalog.synonyms is not None
    for number, group in enumerate(catalog.synonyms.groups):
        patterns = [re.compile(_term_pattern(term), re.IGNORECASE) for term in group.terms]
        expected = {role.id for role in catalog.roles if any(p.search(_text(role)) for p in patterns)}
        assert {role_id for role_id, (_, groups) in rows.items() if number in groups} == expected, group.terms


def test_the_index_is_inert_inside_its_script_element(catalog: Catalog) -> None:
    page = _inventory(catalog)
    script = re.search(r'id="tl-roles-index">(.*?)</script>', page, re.DOTALL)
    assert script and "<" not in script.group(1) and "&" not in script.group(1)


def test_each_row_shows_a_one_line_summary_under_its_title(catalog: Catalog) -> None:
    page = _inventory(catalog)
    for role in catalog.roles:
        line = one_line(role)
        assert line and len(line) <= len(role.summary)
        assert line == (role.tagline or role.summary.split(". ")[0] + ".")
    shown = re.findall(r'<span class="tl-tagline">([^<]*)</span>', page)
    assert len(shown) == len(catalog.roles)


def test_the_first_sentence_does_not_stop_at_an_abbreviation() -> None:
    class Stub:
        tagline = None
        summary = "Leads the team, e.g. the grade 3 teachers. Then more."

    assert one_line(Stub()) == "Leads the team, e.g. the grade 3 teachers."  # type: ignore[arg-type]
