"""The published writing: each page says its own thing, the guides differ, US spelling, guide timing.

Sentences are compared after normalising case, punctuation and spacing, so a copy with a changed
comma still counts as a copy. Failures list every finding with its file and line.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import pytest
import yaml

from tltoolkit import DataErrors, load_catalog
from tltoolkit.documents.build import Settings, plan
from tltoolkit.web.site import build_pages

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
DATA_FILES = sorted([*DATA.glob("*.yml"), *(DATA / "guides").glob("*.yml")])
SAMPLE_DATA = sorted((ROOT / "examples" / "sample-district" / "data").rglob("*.yml"))

# Fields that are not prose (ids, dates, references) or are provenance notes, which name the same
# source on purpose in every item that follows it.
NOT_PROSE = {
    "id",
    "skill",
    "skills",
    "roles",
    "reviewed",
    "reviewed_by",
    "source",
    "sources",
    "adapted",
    "see_also",
    "organization",
    "url",
}
# Shorter fragments are standard values ("One year, renewable."), not sentences worth comparing.
MIN_WORDS = 5


def scalars(node: yaml.Node, key: str = "") -> Iterator[tuple[str, int, str]]:
    """(field name, line, text) for every string value in a YAML document, keys left out."""
    if isinstance(node, yaml.ScalarNode):
        if isinstance(node.value, str):
            yield key, node.start_mark.line + 1, node.value
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            yield from scalars(v, k.value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from scalars(item, key)


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9']+", " ", text.lower().replace("’", "'")).split())


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def sentences(path: Path) -> Iterator[tuple[str, str, str]]:
    """(normalised sentence, 'file:line', original) for every sentence of prose in a data file."""
    for key, line, text in scalars(yaml.compose(path.read_text(encoding="utf-8"))):
        if key in NOT_PROSE:
            continue
        for sentence in re.split(r"(?<=[.?!])\s+", text.strip()):
            if len(sentence.split()) >= MIN_WORDS:
                yield normalise(sentence), f"{shown(path)}:{line}", sentence


def repeats(files: list[Path]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = defaultdict(list)
    for path in files:
        for norm, where, _ in sentences(path):
            seen[norm].append(where)
    return {norm: places for norm, places in seen.items() if len(places) > 1}


def listing(found: dict[str, list[str]]) -> str:
    return "\n".join(f"  '{norm}' at {', '.join(places)}" for norm, places in sorted(found.items()))


# --- each page says its own thing -----------------------------------------------


def test_no_sentence_is_repeated_across_data_files() -> None:
    # roles.yml included: a repeat inside it is listed with its lines like any other.
    found = repeats(DATA_FILES)
    assert not found, f"{len(found)} sentence(s) published in more than one place:\n{listing(found)}"


# The files this work keeps; roles.yml and the others are kept elsewhere and checked above.
PAGE_FILES = [DATA / "conditions.yml", DATA / "principal_moves.yml", DATA / "focus_area.yml",
              DATA / "reflection.yml", DATA / "job_description.yml", *sorted((DATA / "guides").glob("*.yml"))]  # fmt: skip


def test_no_run_of_eight_words_is_shared_between_two_pages() -> None:
    """Near copies too: a reworded sentence still shares long runs of words with its original."""
    runs: dict[str, set[str]] = defaultdict(set)
    for path in PAGE_FILES:
        for norm, where, _ in sentences(path):
            words = norm.split()
            for i in range(len(words) - 7):
                runs[" ".join(words[i : i + 8])].add(where)
    shared = {
        run: sorted(places) for run, places in runs.items()
        if len({place.rsplit(":", 1)[0] for place in places}) > 1
    }  # fmt: skip
    assert not shared, "\n".join(f"'{run}' at {', '.join(places)}" for run, places in shared.items())


def test_the_repeat_check_finds_a_copied_sentence(tmp_path: Path) -> None:
    one, two = tmp_path / "one.yml", tmp_path / "two.yml"
    one.write_text("a:\n  - Hold a 20-minute check-in with each teacher leader every other week.\n", encoding="utf-8")
    two.write_text("b: >-\n  Start here.\n  hold a 20 minute check-in, with each teacher leader every other week\n",
                   encoding="utf-8")  # fmt: skip
    one_sentence = [(n, w) for n, w, _ in sentences(one)]
    assert len(one_sentence) == 1
    found = {n: p for n, p in repeats([one, two]).items()}
    assert list(found) == ["hold a 20 minute check in with each teacher leader every other week"]


def test_the_ideas_the_issue_named_each_live_on_one_page() -> None:
    """The strategies found six times over now have one home each; other pages link to it."""
    text = {path.name: path.read_text(encoding="utf-8").lower() for path in DATA_FILES}
    homes = {
        r"organization chart": {"principal_moves.yml"},
        r"20-minute check-in": {"principal_moves.yml"},
        r"accounts? (in|for) the (district )?data system|data system accounts": {"conditions.yml"},
        r"out of (their )?evaluations?": {"principal_moves.yml"},
    }
    for pattern, expected in homes.items():
        where = {name for name, body in text.items() if re.search(pattern, body)}
        assert where == expected, f"'{pattern}' appears in {sorted(where)}, expected only {sorted(expected)}"
    moves = text["principal_moves.yml"]
    assert len(re.findall(r"out of (their )?evaluations?", moves)) == 1


def test_conditions_and_focus_area_link_to_where_an_idea_lives(catalog) -> None:
    pages = {page.uri: page.markdown for page in build_pages(catalog)}
    conditions = pages["conditions/index.md"]
    assert "(../skills/shared-leadership.md#standing-one-on-ones)" in conditions
    assert "(../guides/protecting-leadership-time.md)" in conditions
    assert (
        "Principal move (Shared leadership): [Meet one-on-one with each teacher leader on a predictable schedule]"
        in conditions
    )
    area = pages["focus-area/index.md"]
    assert "Condition: [Protected time for leadership work](../conditions/index.md#protected-time)" in area
    printed = next(str(job.payload) for job in plan(catalog, Settings()) if job.path == "school-conditions.pdf")
    assert "“Meet one-on-one with each teacher leader on a predictable schedule” (Shared leadership)" in printed
    linked = sum(len(c.see_also) for c in catalog.conditions)
    assert linked >= len(catalog.conditions)  # nearly every condition points somewhere


def test_a_pointer_to_nothing_is_reported_at_its_line(minimal_data: Path) -> None:
    path = minimal_data / "conditions.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "- id: protected-time\n",
        "  see_also:\n  - move:data-use/timely-data-acess\n  - guide:no-such-guide\n- id: protected-time\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - move:data-use/timely-data-acess") + 1
    with pytest.raises(DataErrors) as caught:
        load_catalog(minimal_data)
    report = str(caught.value)
    assert (
        f"data/conditions.yml:{line}:5: conditions[0].see_also[0]: unknown move 'data-use/timely-data-acess' "
        "(did you mean 'data-use/timely-data-access'?)"
    ) in report
    assert f"data/conditions.yml:{line + 1}:5: conditions[0].see_also[1]: unknown guide 'no-such-guide'" in report


def test_a_pointer_must_name_its_kind(minimal_data: Path) -> None:
    path = minimal_data / "focus_area.yml"
    text = path.read_text(encoding="utf-8").replace(
        "  - title: Gauge readiness and what staff believe the roles will change\n",
        "  - title: Gauge readiness and what staff believe the roles will change\n    see_also: [protected-time]\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_catalog(minimal_data)
    assert "objectives[0].action_steps[0].see_also[0]" in str(caught.value)


# --- four distinct guides ----------------------------------------------------------


def test_no_two_guides_share_a_step_title_or_a_question(catalog) -> None:
    titles: dict[str, list[str]] = defaultdict(list)
    questions: dict[str, list[str]] = defaultdict(list)
    for guide in catalog.guides:
        for step in guide.steps:
            titles[normalise(step.title)].append(guide.id)
            for question in step.questions:
                questions[normalise(question)].append(guide.id)
    shared = {k: v for k, v in [*titles.items(), *questions.items()] if len(set(v)) > 1}
    assert not shared, "\n".join(f"'{k}' in {sorted(set(v))}" for k, v in shared.items())


def test_no_two_guides_ask_nearly_the_same_question(catalog) -> None:
    """Near copies too: no run of seven words shared by questions of two guides."""

    def runs(text: str) -> set[str]:
        words = normalise(text).split()
        return {" ".join(words[i : i + 7]) for i in range(len(words) - 6)}

    by_guide = {g.id: set().union(*(runs(q) for s in g.steps for q in s.questions)) for g in catalog.guides}
    overlaps = {(a, b): by_guide[a] & by_guide[b] for a, b in combinations(sorted(by_guide), 2)}
    assert not any(overlaps.values()), {pair: sorted(shared) for pair, shared in overlaps.items() if shared}


def test_only_the_role_guide_sorts_who_decides_what(catalog) -> None:
    """The 'who decides what' conversation belongs to clarifying-the-role; the others have their own subject."""
    decides = re.compile(r"\b(which decisions|who decides|decide, recommend|yours to make|need my approval)\b")
    holders = {
        guide.id for guide in catalog.guides
        if any(decides.search(q.lower()) for s in guide.steps for q in s.questions)
    }  # fmt: skip
    assert holders == {"clarifying-the-role"}


def test_each_guide_has_its_own_challenge_purpose_and_preparation(catalog) -> None:
    for field in ("challenge", "purpose", "title"):
        values = [normalise(getattr(g, field)) for g in catalog.guides]
        assert len(set(values)) == len(values), field
    preparation = [
        normalise(item) for g in catalog.guides for item in (*g.prepare.principal, *g.prepare.teacher_leader)
    ]
    assert len(set(preparation)) == len(preparation)


# --- agreements and next steps have their own minutes -------------------------------


def test_every_guide_times_its_agreements_and_next_steps(catalog) -> None:
    for guide in catalog.guides:
        assert guide.agreements_minutes and guide.next_steps_minutes, guide.id
        steps = sum(step.minutes for step in guide.steps)
        assert guide.minutes == steps + guide.agreements_minutes + guide.next_steps_minutes


def test_the_page_and_the_pdf_show_the_closing_minutes_and_the_full_total(catalog) -> None:
    pages = {page.uri: page.markdown for page in build_pages(catalog)}
    printed = {job.path: str(job.payload) for job in plan(catalog, Settings())}
    for guide in catalog.guides:
        page = pages[f"guides/{guide.id}.md"]
        assert f"## Agreements ({guide.agreements_minutes} min) {{#agreements}}" in page
        assert f"## Next steps ({guide.next_steps_minutes} min) {{#next-steps}}" in page
        assert f"| **Time** | {guide.minutes} minutes |" in page
        html = printed[f"guides/{guide.id}.pdf"]
        assert f'Agreements <span class="minutes">{guide.agreements_minutes} min</span>' in html
        assert f'Next steps <span class="minutes">{guide.next_steps_minutes} min</span>' in html
        assert f"About {guide.minutes} minutes" in html
    index = pages["guides/index.md"]
    assert all(f"{guide.minutes} minutes · Skills:" in index for guide in catalog.guides)


def test_a_guide_without_closing_minutes_still_loads_and_counts_its_steps(minimal_data: Path) -> None:
    path = minimal_data / "guides" / "clarifying-the-role.yml"
    assert "agreements_minutes" not in path.read_text(encoding="utf-8")  # written before the fields existed
    guide = load_catalog(minimal_data).guides[0]
    assert guide.agreements_minutes is None and guide.minutes == sum(step.minutes for step in guide.steps)
    page = {p.uri: p.markdown for p in build_pages(load_catalog(minimal_data))}["guides/clarifying-the-role.md"]
    assert "## Agreements {#agreements}" in page and "None" not in page


@pytest.mark.parametrize("value", [0, 61, "5"])
def test_closing_minutes_out_of_range_are_reported(minimal_data: Path, value: object) -> None:
    path = minimal_data / "guides" / "clarifying-the-role.yml"
    path.write_text(path.read_text(encoding="utf-8") + f"agreements_minutes: {value!r}\n".replace("'", '"'),
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(DataErrors) as caught:
        load_catalog(minimal_data)
    assert "guides/clarifying-the-role.yml" in str(caught.value) and "agreements_minutes" in str(caught.value)


# --- US spelling in published text ------------------------------------------------------

# British form (as a regex on a lowercase word) -> the US spelling to use.
BRITISH = {
    r"organis(e|ed|es|ing|ation|ations|er|ers)": "organize, organization",
    r"modell(ed|ing|er|ers)": "modeled, modeling",
    r"cancell(ed|ing)": "canceled, canceling",
    r"labell(ed|ing)": "labeled, labeling",
    r"travell(ed|ing|er|ers)": "traveled",
    r"counsell(ed|ing|or|ors)": "counseled, counselor",
    r"colour\w*": "color",
    r"licence[sd]?": "license",
    r"centre[sd]?": "center",
    r"programmes?": "program",
    r"behaviour\w*": "behavior",
    r"judgements?": "judgment",
    r"favour\w*": "favor",
    r"honour\w*": "honor",
    r"labour\w*": "labor",
    r"neighbour\w*": "neighbor",
    r"rumour\w*": "rumor",
    r"humour\w*": "humor",
    r"endeavour\w*": "endeavor",
    r"analys(e|ed|ing)": "analyze",
    r"(recogni|priorit|summar|real|util|minim|maxim|categor|custom|standard|special|apolog)is(e|ed|es|ing|ation)":
        "-ize",
    r"emphasis(e|ed|es|ing)": "emphasize",
    r"practis(e|ed|es|ing)": "practice (verb too)",
    r"enrolments?": "enrollment",
    r"fulfil(s|ment)?": "fulfill",
    r"defence|offence": "defense, offense",
    r"catalogue[sd]?": "catalog",
    r"learnt|spelt": "learned, spelled",
    r"whilst|amongst": "while, among",
    r"grey(s|er|est)?": "gray",
    r"focuss(ed|ing|es)": "focused",
    r"artefacts?": "artifact",
    r"acknowledgements?": "acknowledgment",
    r"calibre|fibre|metres?|theatres?": "-er",
    r"sceptic\w*": "skeptic",
    r"ageing": "aging",
}  # fmt: skip
SPELLING = re.compile(r"\b(" + "|".join(f"(?:{p})" for p in BRITISH) + r")\b", re.IGNORECASE)
# Titles of published works keep their own spelling.
QUOTED_TITLES = ["Towards a theory of leadership practice"]

TEMPLATES = sorted(
    [
        *(ROOT / "src" / "tltoolkit" / "web" / "templates").glob("*.j2"),
        *(ROOT / "src" / "tltoolkit" / "documents").rglob("*.html"),
    ]
)
DOCS = sorted((ROOT / "docs").glob("*.md"))


def british(text: str) -> list[str]:
    for title in QUOTED_TITLES:
        text = text.replace(title, "")
    return [m.group(0) for m in SPELLING.finditer(text)]


def yaml_findings(path: Path) -> list[str]:
    """Values only: field names such as a district's `colours:` are settings, not prose."""
    found = []
    for _, line, text in scalars(yaml.compose(path.read_text(encoding="utf-8"))):
        found += [f"{path.relative_to(ROOT)}:{line}: {word}" for word in british(text)]
    return found


def text_findings(path: Path, text: str) -> list[str]:
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        found += [f"{path.relative_to(ROOT)}:{number}: {word}" for word in british(line)]
    return found


def published_markdown(text: str) -> str:
    """A page without its code: fenced blocks and `spans` show settings keys and file names."""
    text = re.sub(r"^```.*?^```", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S | re.M)
    return re.sub(r"`[^`\n]*`", "", text)


def published_template(text: str) -> str:
    """A template's text: comments, template code and HTML attribute names left out."""
    blank = lambda m: "\n" * m.group(0).count("\n")  # noqa: E731 - keeps line numbers
    for pattern in (r"\{%#.*?#%\}", r"\{#.*?#\}", r"<!--.*?-->", r"/\*.*?\*/", r"\{\{.*?\}\}", r"\{%.*?%\}"):
        text = re.sub(pattern, blank, text, flags=re.S)
    return re.sub(r"\baria-[a-z]+=", "", text)


KNOWN_ELSEWHERE: dict[str, str] = {
    # Files other work owns; the failure lists what is left with its line.
}


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, marks=pytest.mark.xfail(reason=KNOWN_ELSEWHERE[str(p.relative_to(ROOT))], strict=False))
        if str(p.relative_to(ROOT)) in KNOWN_ELSEWHERE else p
        for p in [*DATA_FILES, *SAMPLE_DATA]
    ],
    ids=lambda p: str(p.relative_to(ROOT)),
)  # fmt: skip
def test_data_files_use_us_spelling(path: Path) -> None:
    found = yaml_findings(path)
    assert not found, "British spellings (US spelling is used in published text):\n" + "\n".join(found)


def test_pages_and_templates_use_us_spelling() -> None:
    found = []
    for path in DOCS:
        found += text_findings(path, published_markdown(path.read_text(encoding="utf-8")))
    for path in TEMPLATES:
        found += text_findings(path, published_template(path.read_text(encoding="utf-8")))
    assert not found, "British spellings (US spelling is used in published text):\n" + "\n".join(found)


def test_the_spelling_check_catches_what_it_should_and_spares_the_rest() -> None:
    assert british("The meeting was cancelled; she modelled the protocol in the centre.") == [
        "cancelled", "modelled", "centre"
    ]  # fmt: skip
    assert british("Organisation, colours, behaviour and judgement") == [
        "Organisation",
        "colours",
        "behaviour",
        "judgement",
    ]
    assert british("item analyses, emphasis, practice, license, Towards a theory of leadership practice") == []
    assert published_markdown("```yaml\ncolours:\n```\nthe `licence` setting") == "\n\n\nthe  setting"
    assert british(published_template('<p aria-labelledby="x">{# a colour #}{{ settings.licence }}</p>')) == []
