"""Site search's index built with the site, so a visitor's browser loads it instead of building it.

Material's search worker fetches search/search_index.json (each page's title and text) and builds
a lunr index from it in the browser: tokenizing every page, counting words, scoring them. At 5,000
roles that took 1.9 s before search was ready. Here the part that reads the text is done at build
time: each indexed word once, and per page and field which words it holds how often. That is its
own file, search/search_prebuilt.json, which the worker, patched with search_worker.js, fetches
itself as soon as it starts, while the page is still fetching and reading search_index.json; it
makes the lunr index from it, scoring as lunr does, instead of reading every page.
search_index.json only says which prebuilt file goes with it (in its `config`, which Material's
page hands the worker whole): a key made from what the counts are made from, so a prebuilt file
from another build (an old copy in a cache) is never used; then, as without one, the worker builds the index itself.
The offline copy, whose worker cannot fetch from disk, carries the counts inside its
`search_index.js` instead (`inline`).

The words must be the ones the worker would have indexed, or results change: Material's tokenizer
(text outside HTML tags, split by the configured separator, lowercased) and lunr's stop word
filter. Only Material's settings for English (its defaults) are rebuilt here; any other language,
pipeline or separator leaves the file as Material wrote it, and the worker builds the index as
before. tests/test_search_prebuilt.py runs Material's own worker and the patched one on the same
site and compares their results.

Where each word sits in a page (what Material highlights in a result) is not shipped either: the
patched worker finds it with Material's own tokenizer once search is ready, in slices that let
queries through, or for a result when a query needs it first.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from .search_terms import STOP_WORDS

INDEX_KEY = "index"  # where search_index.json's "config" names its prebuilt index
FORMAT = 2  # of the prebuilt index; the worker builds as before from any other
FILE = "search_prebuilt.json"  # beside search_index.json (search_worker.js fetches it by this name)
# The settings this module rebuilds: Material's for English.
SEPARATOR = r"[\s\-]+"
PIPELINE = ["stopWordFilter"]
LANG = ["en"]
# JavaScript's \s (what the separator means in the browser): Python's \s differs at a few characters.
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_SPLIT = re.compile(f"[{_JS_SPACE}\\-]+")
_ANGLE = re.compile("[<>]")


def with_prebuilt_index(text: str) -> tuple[str, str] | None:
    """Material's search_index.json naming its prebuilt index, and that index (search_prebuilt.json);
    None when its settings are not the ones rebuilt here."""
    data = json.loads(text)
    config = data.get("config", {})
    locations = [doc["location"] for doc in data["docs"]]
    if not supported(config) or len(set(locations)) != len(locations):  # lunr keys pages by location
        return None
    key = _key(config, data["docs"])
    prebuilt = {"version": FORMAT, "key": key, **build_index(config, data["docs"])}
    config[INDEX_KEY] = {"version": FORMAT, "key": key}
    return _json(data), _json(prebuilt)


def _key(config: dict[str, Any], docs: list[dict[str, Any]]) -> str:
    """What the counts are made from: the settings and every page's fields but its address (which
    the offline copy rewrites, and which the worker takes from the index itself)."""
    made_from = [config, [{name: value for name, value in doc.items() if name != "location"} for doc in docs]]
    return hashlib.sha256(json.dumps(made_from, separators=(",", ":")).encode("utf-8")).hexdigest()[:20]


def inline(index_text: str, prebuilt_text: str) -> str:
    """search_index.json with its prebuilt index inside, for a worker that cannot fetch it (offline)."""
    data = json.loads(index_text)
    prebuilt = json.loads(prebuilt_text)
    if data.get("config", {}).get(INDEX_KEY) != {"version": prebuilt.get("version"), "key": prebuilt.get("key")}:
        return index_text  # not the pair one build wrote: the worker builds the index itself
    data["config"][INDEX_KEY] = prebuilt
    return _json(data)


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))  # as Material writes it


def supported(config: dict[str, Any]) -> bool:
    return (
        config.get("lang") == LANG
        and config.get("separator") == SEPARATOR
        and config.get("pipeline") == PIPELINE
        and INDEX_KEY not in config
    )


# --- the worker --------------------------------------------------------------------------------

WORKER = "assets/javascripts/workers/"  # Material's search worker: search.<hash>.min.js in there
_OURS = Path(__file__).with_name("search_worker.js")
# Where Material's worker builds its index, and where it reads a result's word positions (9.x).
_BUILD = re.compile(
    r"(constructor\(\{config:(?P<config>\w+),docs:(?P<docs>\w+),options:\w+\}\)\{"
    r"let \w+=\w+\(this\.table=new Map\);this\.map=\w+\((?P=docs)\),this\.options=\w+,)"
    r"this\.index=lunr\(function\(\)\{"
)
_POSITIONS = re.compile(
    r"(\{ref:(?P<ref>\w+),score:\w+,matchData:(?P<match>\w+)\}.{0,600}?)"
    r"for\(let (?P<d>\w+) of Object\.values\((?P=match)\.metadata\)\)"
    r'typeof (?P=d)\[(?P<f>\w+)\]!="undefined"&&(?P<m>\w+)\.push\(\.\.\.(?P=d)\[(?P=f)\]\.position\);'
)


class WorkerChanged(Exception):
    """Material's search worker is not as this module knows it (a Material upgrade)."""


def patched_worker(text: str) -> str:
    """Material's search worker, made to use the prebuilt index when the search index has one."""
    text, built = _BUILD.subn(
        lambda m: f"{m[1]}this.index=__tlSearch({m['config']},{m['docs']},this.table)(function(){{", text
    )
    text, read = _POSITIONS.subn(
        lambda m: (
            f"{m[1]}for(let[tlTerm,{m['d']}]of Object.entries({m['match']}.metadata))"
            f'typeof {m["d"]}[{m["f"]}]!="undefined"&&{m["m"]}.push(...{m["d"]}[{m["f"]}].position'
            f"||__tlSearch.positions({m['ref']},{m['f']},tlTerm));"
        ),
        text,
    )
    if (built, read) != (1, 1):
        raise WorkerChanged(
            f"Material's search worker has {built} index builds and {read} position reads where this "
            "toolkit expects one of each: the prebuilt search index is left out (src/tltoolkit/web/search_prebuilt.py)"
        )
    return _OURS.read_text(encoding="utf-8") + "\n" + text


def write(site_dir: Path, inline_it: bool = False) -> None:
    """Add the prebuilt index to the site's search/ folder, if it has a search index; with
    `inline_it` (a build of the offline copy), inside search_index.json instead of beside it."""
    path = site_dir / "search" / "search_index.json"
    prebuilt_path = path.with_name(FILE)
    if path.is_file():
        made = with_prebuilt_index(path.read_text(encoding="utf-8"))
        if made is not None:
            path.write_text(inline(*made) if inline_it else made[0], encoding="utf-8")
            if not inline_it:
                prebuilt_path.write_text(
                    made[1], encoding="utf-8"
                )  # always: `mkdocs serve` keeps what this build wrote
                return
    prebuilt_path.unlink(missing_ok=True)


# --- Material's tokenizer --------------------------------------------------------------------


def tokens(value: str | list[str] | None) -> Iterator[str]:
    """The words of a field, lowercased, as Material's `tokenize` gives them to lunr."""
    for text in [] if value is None else value if isinstance(value, list) else [value]:
        for start, end in _text_runs(text):
            yield from (word for word in _SPLIT.split(text[start:end].lower()) if word)


@lru_cache(maxsize=1 << 15)  # `mkdocs serve`: a rebuild reads again only the pages that changed
def _counts(value: str | tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """How often each word of a field that lunr indexes occurs in it, in the order they first occur."""
    words = tokens(list(value) if isinstance(value, tuple) else value)
    return tuple(Counter(word for word in words if word not in STOP_WORDS).items())


def _text_runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of text outside markup, as Material's `extract` divides a field:
    a run ends at each `<` and starts after each `>`."""
    start = 0
    for match in _ANGLE.finditer(text):
        end = match.start()
        if match[0] == ">":
            start = end + 1
        elif end > start:
            yield start, end
            start = end
    if len(text) > start:
        yield start, len(text)


# --- what lunr's builder would count ----------------------------------------------------------


def build_index(config: dict[str, Any], docs: list[dict[str, Any]]) -> dict[str, Any]:
    """What the worker needs to make, without reading the text, the lunr index it would build
    from `docs`: each indexed word (in the order lunr numbers them) and, per page and field, which
    words it holds how often. Scores are left to the worker, which computes them as lunr does.

    `counts` is one run of numbers, page by page and field by field (in `fields` order): how many
    numbers the field has, then the words' numbers in ascending order, each as the step from the
    one before, doubled, plus one when the word occurs more than once (then the count follows).
    The run is written as text (`_digits`), which the browser reads faster than a list."""
    fields = list(config["fields"])
    numbers: dict[str, int] = {}
    counts: list[int] = []
    for doc in docs:
        for name in fields:
            value = doc.get(name)
            found = _counts(tuple(value) if isinstance(value, list) else value) if value is not None else ()
            encoded = _encode({numbers.setdefault(word, len(numbers)): count for word, count in found})
            counts.append(len(encoded))
            counts.extend(encoded)
    return {"docs": len(docs), "fields": fields, "terms": list(numbers), "counts": _digits(counts)}


def _encode(counts: dict[int, int]) -> list[int]:
    out: list[int] = []
    last = 0
    for number in sorted(counts):
        count = counts[number]
        out.append((number - last) * 2 + (count > 1))
        if count > 1:
            out.append(count)
        last = number
    return out


# Each number in base 32, first digit first: the last digit from one set of 32 characters, any
# before it from another. Neither needs escaping in JSON (no `"` nor `\\`).
_LAST = [chr(48 + d) for d in range(32)]  # 0 ... O
_MORE = [chr(93 + d) for d in range(32)]  # ] ... |


def _digits(numbers: list[int]) -> str:
    out: list[str] = []
    for number in numbers:
        more = number >> 5
        if more:
            out.append(_more(more))
        out.append(_LAST[number & 31])
    return "".join(out)


def _more(number: int) -> str:
    return (_more(number >> 5) if number >> 5 else "") + _MORE[number & 31]
