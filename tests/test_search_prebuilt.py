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
from tltoolkit.web.search_prebuilt import INDEX_KEY, inline, patched_worker, tokens, with_prebuilt_index
from tltoolkit.web.search_terms import role_terms

ROOT = Path(__file__).resolve().parents[1]
WORKERS = Path(material.__file__).parent / "templates" / search_prebuilt.WORKER
SCRIPT = ROOT / "tests" / "js" / "search-worker.mjs"


def _installed_worker() -> Path:
    found = sorted(WORKERS.glob("search.*.min.js"))
    assert len(found) == 1, f"Material's search workers: {found}"
    return found[0]


def _answers(
    node: str, worker: Path, index: Path, queries: list[str], together: bool = False
) -> tuple[bool | None, list[dict]]:
    """Whether the worker used the prebuilt index (None: Material's), and its answers to `queries`
    (sent one after another's answer, or `together`, as fast typing sends them)."""
    flag = ["--together"] if together else []
    result = subprocess.run(
        [node, str(SCRIPT), *flag, str(worker), str(index), *queries], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    first, *answers = [
        json.loads(line) for line in result.stdout.split("\n") if line
    ]  # not splitlines: \x85 is no line end here
    return first["prebuilt"], answers


def _compare(tmp_path: Path, index_text: str, prebuilt_text: str | None, queries: list[str]) -> list[dict]:
    """Material's worker's answers to `queries` on the search index as Material wrote it, and the
    site's on the index and its prebuilt file as the site ships them (or, with `prebuilt_text`
    None, with the prebuilt index inside, as the offline copy ships it), asserted equal; returns them."""
    node = node_or_skip()
    material_worker = _installed_worker()
    tmp_path.mkdir(parents=True, exist_ok=True)
    ours = tmp_path / "worker.js"
    ours.write_text(patched_worker(material_worker.read_text(encoding="utf-8")), encoding="utf-8")
    data = json.loads(index_text)
    assert INDEX_KEY in data["config"], "the site's search index names no prebuilt index"
    plain = dict(data, config={k: v for k, v in data["config"].items() if k != INDEX_KEY})
    (tmp_path / "material").mkdir()
    (tmp_path / "material" / "search_index.json").write_text(json.dumps(plain), encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "search_index.json").write_text(index_text, encoding="utf-8")
    if prebuilt_text is not None:
        (tmp_path / "site" / search_prebuilt.FILE).write_text(prebuilt_text, encoding="utf-8")
    _, expected = _answers(node, material_worker, tmp_path / "material" / "search_index.json", queries)
    used, got = _answers(node, ours, tmp_path / "site" / "search_index.json", queries)
    assert used, "the site's worker built its own index instead of using the prebuilt one"
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
    prebuilt = (built_site / "search" / search_prebuilt.FILE).read_text(encoding="utf-8")
    answers = dict(zip(queries, _compare(tmp_path / "online", index, prebuilt, queries), strict=True))
    _compare(tmp_path / "offline", inline(index, prebuilt), None, queries)  # the offline copy's, inside the index
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
    made = with_prebuilt_index(json.dumps({"config": config, "docs": docs}))
    assert made is not None
    words = ["welcome", "toolkit", "amp", "a", "b", "d", "f", "h", "istanbul", "σίσυφος", "y", "p", "q", "nested"]
    words += ["link", "bold", "tail", "coaching", "data", "use", "x", "href", "em", "part", "odd", "x>y"]
    _compare(tmp_path, *made, [*words, *(w[:2] for w in words)])
    assert list(tokens("<p>Welcome-to the <em>toolkit</em></p>")) == ["welcome", "to", "the", "toolkit"]


def test_other_search_settings_keep_materials_own_index(tmp_path: Path) -> None:
    """Another language or pipeline: the file stays as Material wrote it, and the worker builds."""
    docs = [{"location": "", "title": "Home", "text": "Running coaches"}]
    for change in ({"lang": ["de"]}, {"pipeline": ["stemmer", "stopWordFilter"]}, {"separator": "[\\s]+"}):
        config = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"], "fields": {}} | change
        text = json.dumps({"config": config, "docs": docs})
        assert with_prebuilt_index(text) is None, change


def test_a_prebuilt_index_from_another_build_is_not_used(tmp_path: Path) -> None:
    """An old search_prebuilt.json (a cache, a copy half updated): the worker builds the index itself."""
    node = node_or_skip()
    config = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}  # fmt: skip
    old = with_prebuilt_index(json.dumps({"config": config, "docs": [{"location": "", "title": "Coach", "text": "x"}]}))
    new = with_prebuilt_index(
        json.dumps({"config": config, "docs": [{"location": "", "title": "Mentor", "text": "x"}]})
    )
    assert old is not None and new is not None
    (tmp_path / "search_index.json").write_text(new[0], encoding="utf-8")
    (tmp_path / search_prebuilt.FILE).write_text(old[1], encoding="utf-8")
    worker = tmp_path / "worker.js"
    worker.write_text(patched_worker(_installed_worker().read_text(encoding="utf-8")), encoding="utf-8")
    used, answers = _answers(node, worker, tmp_path / "search_index.json", ["mentor", "coach"])
    assert used is False
    assert [len(answer["data"]["items"]) for answer in answers] == [1, 0]
    assert inline(new[0], old[1]) == new[0]  # nor put inside the offline copy's index


def test_fast_typing_is_answered_once_for_the_newest_query(tmp_path: Path) -> None:
    """Each keystroke sends a query; the ones a newer query overtook while the worker was busy are
    not answered, so the page shows the answer to what was typed without working through the rest."""
    node = node_or_skip()
    config = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}  # fmt: skip
    docs = [
        {"location": "", "title": "Home", "text": "Coaching and curriculum"},
        {"location": "a/", "title": "Literacy coach", "text": "Leads literacy work with teachers"},
        {"location": "b/", "title": "Data coach", "text": "Coaches teams on current data"},
    ]
    made = with_prebuilt_index(json.dumps({"config": config, "docs": docs}))
    assert made is not None
    (tmp_path / "search_index.json").write_text(made[0], encoding="utf-8")
    (tmp_path / search_prebuilt.FILE).write_text(made[1], encoding="utf-8")
    worker = tmp_path / "worker.js"
    worker.write_text(patched_worker(_installed_worker().read_text(encoding="utf-8")), encoding="utf-8")
    typed = "literacy coach"
    keystrokes = [typed[: n + 1] for n in range(len(typed))]
    used, answers = _answers(node, worker, tmp_path / "search_index.json", keystrokes, together=True)
    _, one_by_one = _answers(node, worker, tmp_path / "search_index.json", [typed])
    assert used
    assert answers == one_by_one, f"{len(answers)} answers to {len(keystrokes)} keystrokes sent together"
    assert _locations(answers[0])[0] == "a/"


@pytest.mark.parametrize("worker", sorted(WORKERS.glob("search.*.min.js")), ids=lambda p: p.name)
def test_materials_worker_has_the_two_places_the_patch_changes(worker: Path) -> None:
    """A Material upgrade that rewrites them fails here: update _BUILD and _POSITIONS in
    src/tltoolkit/web/search_prebuilt.py (and search_worker.js) to the new worker, then run this file."""
    patched = patched_worker(worker.read_text(encoding="utf-8"))
    assert patched.count("__tlSearch(") == 2 and "__tlSearch.positions(" in patched
