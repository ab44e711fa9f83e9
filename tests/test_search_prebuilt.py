"""Site search loads an index made at build time (tltoolkit.web.search_prebuilt) and answers every
query as Material's own worker does after building the index in the browser: the same pages, in
the same order, with the same scores and the same words highlighted.

The comparison runs both workers in Node (tests/js/search-worker.mjs): Material's as installed,
given the search index as Material wrote it, and the site's, given the index as the site ships it.
A Material upgrade that moves what the patch changes fails here, naming the file to update.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import material
import pytest
from test_js_units import node_or_skip

from tltoolkit.web import search_prebuilt
from tltoolkit.web.search_prebuilt import INDEX_KEY, patched_worker, tokens, with_prebuilt_index
from tltoolkit.web.search_terms import role_terms

ROOT = Path(__file__).resolve().parents[1]
WORKERS = Path(material.__file__).parent / "templates" / search_prebuilt.WORKER
SCRIPT = ROOT / "tests" / "js" / "search-worker.mjs"


def _installed_worker() -> Path:
    found = sorted(WORKERS.glob("search.*.min.js"))
    assert len(found) == 1, f"Material's search workers: {found}"
    return found[0]


def _answers(node: str, worker: Path, index: Path, queries: list[str]) -> list[dict]:
    result = subprocess.run(
        [node, str(SCRIPT), str(worker), str(index), *queries], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.split("\n") if line]  # not splitlines: \x85 is no line end here


def _compare(tmp_path: Path, index_text: str, queries: list[str]) -> list[dict]:
    """Both workers' answers to `queries`, asserted equal; returns them."""
    node = node_or_skip()
    material_worker = _installed_worker()
    ours = tmp_path / "worker.js"
    ours.write_text(patched_worker(material_worker.read_text(encoding="utf-8")), encoding="utf-8")
    data = json.loads(index_text)
    assert INDEX_KEY in data["config"], "the site's search index has no prebuilt index"
    plain = dict(data, config={k: v for k, v in data["config"].items() if k != INDEX_KEY})
    (tmp_path / "plain.json").write_text(json.dumps(plain), encoding="utf-8")
    (tmp_path / "prebuilt.json").write_text(index_text, encoding="utf-8")
    expected = _answers(node, material_worker, tmp_path / "plain.json", queries)
    got = _answers(node, ours, tmp_path / "prebuilt.json", queries)
    assert len(got) == len(expected) == len(queries)
    for query, a, b in zip(queries, expected, got, strict=True):
        assert b == a, f"query {query!r}: the prebuilt index answers differently"
    return got


def _locations(answer: dict) -> list[str]:
    return [group[0]["location"] for group in answer["data"]["items"]]


def test_the_site_s_search_answers_as_materials_worker_does(built_site: Path, catalog, tmp_path: Path) -> None:
    # A word of a role's responsibilities that neither its title nor its summary has.
    role = next(r for r in catalog.roles if len(role_terms(r).split()) > 5)
    only_there = max(role_terms(role).split(), key=len)
    queries = [
        "Literacy coach", "coach", "lit", "data team", "mentor new teachers", "the", "ELL",
        "+coach -literacy", "-coach", "protected time", "bibliography", "zzzz", only_there, role.title,
    ]  # fmt: skip
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    answers = dict(zip(queries, _compare(tmp_path, index, queries), strict=True))
    assert f"roles/{role.id}/" in _locations(answers[only_there])[:10], f"{only_there!r} does not find {role.id}"
    assert _locations(answers[role.title])[0] == f"roles/{role.id}/"
    assert "<mark>" in json.dumps(answers["Literacy coach"])  # the words found are highlighted
    assert not answers["zzzz"]["data"]["items"]


def test_the_site_serves_the_patched_worker(built_site: Path) -> None:
    served = built_site / search_prebuilt.WORKER / _installed_worker().name
    assert served.read_text(encoding="utf-8") == patched_worker(_installed_worker().read_text(encoding="utf-8"))


def test_words_are_split_as_materials_tokenizer_splits_them(tmp_path: Path) -> None:
    """Markup, hyphens, JavaScript's white space (which is not Python's), capitals, tags as a list."""
    odd = ["a\u00a0b", "c\ufeffd", "e\x1cf", "g\x85h", "İstanbul", "ΣΊΣΥΦΟΣ", "x>y", "p<q", "1<2>3"]
    docs = [
        {"location": "", "title": "Home page", "text": "<p>Welcome-to the <em>toolkit</em> &amp; more</p>"},
        {"location": "a/", "title": "Odd text", "text": " ".join(odd), "boost": 4},
        {"location": "a/#part", "title": "Part", "text": "<p>nested <a href='x-y'>link <b>bold</b></a> tail</p>"},
        {"location": "b/", "title": "Tagged", "text": "", "tags": ["Coaching", "data-use"]},
    ]
    config = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"],
              "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}  # fmt: skip
    text = with_prebuilt_index(json.dumps({"config": config, "docs": docs}))
    words = ["welcome", "toolkit", "amp", "a", "b", "d", "f", "h", "istanbul", "σίσυφος", "y", "p", "q", "nested"]
    words += ["link", "bold", "tail", "coaching", "data", "use", "x", "href", "em", "part", "odd", "x>y"]
    _compare(tmp_path, text, [*words, *(w[:2] for w in words)])
    assert list(tokens("<p>Welcome-to the <em>toolkit</em></p>")) == ["welcome", "to", "the", "toolkit"]


def test_other_search_settings_keep_materials_own_index(tmp_path: Path) -> None:
    """Another language or pipeline: the file stays as Material wrote it, and the worker builds."""
    docs = [{"location": "", "title": "Home", "text": "Running coaches"}]
    for change in ({"lang": ["de"]}, {"pipeline": ["stemmer", "stopWordFilter"]}, {"separator": "[\\s]+"}):
        config = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"], "fields": {}} | change
        text = json.dumps({"config": config, "docs": docs})
        assert with_prebuilt_index(text) == text, change


@pytest.mark.parametrize("worker", sorted(WORKERS.glob("search.*.min.js")), ids=lambda p: p.name)
def test_materials_worker_has_the_two_places_the_patch_changes(worker: Path) -> None:
    """A Material upgrade that rewrites them fails here: update _BUILD and _POSITIONS in
    src/tltoolkit/web/search_prebuilt.py (and search_worker.js) to the new worker, then run this file."""
    patched = patched_worker(worker.read_text(encoding="utf-8"))
    assert patched.count("__tlSearch(") == 2 and "__tlSearch.positions(" in patched
