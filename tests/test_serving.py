"""`mkdocs serve` after an edit: only what changed is made again, and the site is the one a full build makes."""

from __future__ import annotations

import dataclasses
import filecmp
import html
import logging
import re
import shutil
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort
from projects import project_copy

from tltoolkit.bench.synthetic import DATA, edit_role, synthetic_project, synthetic_roles, write_inventory
from tltoolkit.documents import Report, Settings, plan
from tltoolkit.documents.cache import Cache
from tltoolkit.documents.kept import KeptPlan
from tltoolkit.source import yamlsource
from tltoolkit.source.catalog import load_catalog
from tltoolkit.source.errors import DataErrors
from tltoolkit.web import serving
from tltoolkit.web.render import Memo
from tltoolkit.web.site import build_pages

SERVE_URL = "http://127.0.0.1:8000/"
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"  # the small valid data set


def test_generated_pages_are_made_again_only_when_their_data_changed(tmp_path):
    data = shutil.copytree(DATA, tmp_path / "data")
    write_inventory(data, synthetic_roles(60))
    memo = Memo()
    first = {page.uri: page.markdown for page in build_pages(load_catalog(data), memo=memo)}
    assert set(memo.rendered) == set(first)

    memo.begin()
    again = build_pages(load_catalog(data), memo=memo)
    assert memo.rendered == [] and {p.uri: p.markdown for p in again} == first

    role = edit_role(data, index=0)
    memo.begin()
    edited = {page.uri: page.markdown for page in build_pages(load_catalog(data), memo=memo)}
    assert f"roles/{role}.md" in memo.rendered
    assert "Edited for the benchmark." in edited[f"roles/{role}.md"]
    assert len(memo.rendered) < len(first) / 3  # the role's own page and the pages listing it
    assert edited == {page.uri: page.markdown for page in build_pages(load_catalog(data))}


def _jobs(jobs: list) -> dict[str, tuple[str, bytes]]:
    return {job.path: (job.key, job.packed) for job in jobs}


def test_a_role_s_documents_are_planned_again_only_when_what_they_are_made_from_changed(tmp_path):
    data = shutil.copytree(DATA, tmp_path / "data")
    write_inventory(data, synthetic_roles(60))
    kept, settings = KeptPlan(), Settings()

    def planned_while_serving(settings: Settings = settings) -> dict[str, tuple[str, bytes]]:
        kept.planned = []
        catalog = load_catalog(data)
        served = _jobs(plan(catalog, settings, kept))
        assert served == _jobs(plan(catalog, settings))  # what a one-off build plans, key for key
        return served

    first = planned_while_serving()
    assert len(kept.planned) == 2 * 61  # each role's job description and kits, and the blank ones
    assert planned_while_serving() == first and kept.planned == []

    role = edit_role(data, index=3)
    edited = planned_while_serving()
    assert kept.planned == [f"job-description/{role}", f"kits/{role}"]
    assert {path for path in first if edited[path] != first[path]} >= {
        f"{folder}/{role}.{ext}"
        for folder in ("job-descriptions", "selection", "support-plans")
        for ext in ("pdf", "docx")
    }

    # A skill's name shows in every role's kits: all of them are planned again.
    skills = data / "skills.yml"
    skills.write_text(skills.read_text().replace("name: Using data", "name: Using evidence", 1))
    planned_while_serving()
    assert len(kept.planned) == 2 * 61
    planned_while_serving(dataclasses.replace(settings, paper="a4"))  # and so does another paper
    assert len(kept.planned) == 2 * 61

    # A removed role's plan is forgotten.
    roles = yaml.safe_load((data / "roles.yml").read_text())["roles"]
    write_inventory(data, roles[:-2] + roles[-1:])
    planned_while_serving()
    assert len(kept.jobs) == 2 * 60


def test_the_print_templates_are_compiled_once_while_serving(monkeypatch):
    import jinja2

    compiled: list[str | None] = []
    compile_ = jinja2.Environment.compile
    monkeypatch.setattr(
        jinja2.Environment,
        "compile",
        lambda env, source, name=None, *a, **k: compiled.append(name) or compile_(env, source, name, *a, **k),
    )
    catalog, kept = load_catalog(DATA), KeptPlan()
    first = _jobs(plan(catalog, Settings(), kept))
    assert "job_description/template.html" in compiled
    compiled.clear()
    kept.jobs.clear()  # every document planned again, from the compiled templates
    assert _jobs(plan(catalog, Settings(), kept)) == first and compiled == []


def test_the_server_s_first_build_plans_the_documents_in_its_own_process(tmp_path, monkeypatch):
    """A forked plan would be lost to the server: the first edit would plan every document again."""
    import os

    from tltoolkit.documents import background
    from tltoolkit.web import build as web_build

    ran: list[tuple[int, object, object]] = []

    def start_documents(*args: object) -> background.Pending[Report]:
        ran.append((os.getpid(), args[5], args[6]))  # kept, pool
        return background.Pending(Report)

    monkeypatch.setattr(web_build, "start_documents", start_documents)
    monkeypatch.setattr(web_build.background, "can_fork", lambda: True)  # as before the server's threads start
    monkeypatch.setattr(web_build.workers, "available", lambda: False)  # no render workers started here
    monkeypatch.setattr(serving, "SESSION", serving.Session(active=True))
    root = Path(__file__).resolve().parents[1]
    config = {
        "extra": {}, "docs_dir": str(root / "docs"), "site_dir": str(tmp_path / "site"),
        "site_name": "Teacher Leadership Toolkit", "site_author": None, "copyright": "",
        "theme": {"palette": [{"primary": "indigo"}]}, "extra_css": [],
    }  # fmt: skip
    build = web_build.SiteBuild.from_config(config, root / "mkdocs.yml", environ={"TL_DOCUMENTS": "on"})
    build.start_documents()
    build.finish()
    assert ran == [(os.getpid(), serving.SESSION.documents, None)]


def test_a_document_is_copied_into_the_site_again_only_when_it_changed(tmp_path):
    store = Cache(tmp_path / "cache")
    job = plan(load_catalog(DATA), Settings())[0]
    store.path(job.key, job.suffix).write_bytes(b"%PDF the document")
    kept, target = KeptPlan(), tmp_path / "site" / "a.pdf"
    target.parent.mkdir()
    assert kept.copy(store, job, target) and target.read_bytes() == b"%PDF the document"
    assert not kept.copy(store, job, target)  # this session put it there: not copied again
    target.write_bytes(b"changed by something else")
    assert kept.copy(store, job, target) and target.read_bytes() == b"%PDF the document"
    target.unlink()
    assert kept.copy(store, job, target) and target.is_file()


def test_a_parsed_data_file_is_kept_only_while_its_bytes_are_the_same(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlsource, "_kept", None)
    path = tmp_path / "roles.yml"
    path.write_text("roles:\n- id: coach\n  title: Coach\n", encoding="utf-8")
    assert yamlsource.read_yaml(path, "roles.yml") is not yamlsource.read_yaml(path, "roles.yml")  # not serving

    yamlsource.keep_parsed(True)
    first = yamlsource.read_yaml(path, "roles.yml")
    assert yamlsource.read_yaml(path, "roles.yml") is first
    path.write_text("roles:\n- id: coach\n  title: Math coach\n", encoding="utf-8")
    edited = yamlsource.read_yaml(path, "roles.yml")
    assert edited.data["roles"][0]["title"] == "Math coach" and edited.locate(("roles", 0, "title"))[0] == 3
    path.write_text("roles:\n- id: coach\n  title: [Coach\n", encoding="utf-8")  # a mistake: never kept
    messages = []
    for _ in range(2):
        with pytest.raises(DataErrors) as caught:
            yamlsource.read_yaml(path, "roles.yml")
        messages.append(caught.value.report())
    assert messages[0] == messages[1] and "roles.yml:" in messages[0]


def _read_both(path: Path, text: str) -> tuple[object, object]:
    """`path` read as the server reads it (pieces kept from its last read) and as a one-off build reads it."""
    path.write_text(text, encoding="utf-8")
    results = []
    for read in (
        lambda: yamlsource.read_yaml(path, "data/roles.yml"),
        lambda: yamlsource._read(path.read_bytes(), "data/roles.yml"),
    ):
        try:
            results.append(read())
        except DataErrors as exc:
            results.append(exc.report())
    return results[0], results[1]


def test_an_edited_inventory_is_read_again_only_where_its_text_changed(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlsource, "_kept", None)
    yamlsource.keep_parsed(True)
    data = shutil.copytree(DATA, tmp_path / "data")
    write_inventory(data, synthetic_roles(60), anchors=False)  # each role written out, as an editor does
    path = data / "roles.yml"
    good = path.read_text(encoding="utf-8")
    served, whole = _read_both(path, good)
    assert served == whole

    parsed: list[str] = []
    parse = yamlsource._parse
    monkeypatch.setattr(yamlsource, "_parse", lambda text, *a, **k: parsed.append(text) or parse(text, *a, **k))
    edit_role(data, index=5)
    served = yamlsource.read_yaml(path, "data/roles.yml")
    assert len(parsed) == 2 and "Edited for the benchmark." in parsed[0]  # the edited role, then the fields around it
    assert served == yamlsource._read(path.read_bytes(), "data/roles.yml")
    assert "Edited for the benchmark." in served.data["roles"][5]["summary"]

    # Every edit reads as a whole read does: values, and the line and column of each (lines added
    # above a role move it), or the same message for a mistake.
    first, second, *others = good.split("\n- id: ")
    edits = {
        "a longer summary": good.replace("  summary: ", "  summary: |\n    Two\n\n    paragraphs.\n  tagline2: ", 1),
        "comments between roles": good.replace("\n- id: ", "\n# a note\n\n- id: ", 5),
        "a role removed": "\n- id: ".join([first, *others]),
        "a role added twice": "\n- id: ".join([first, second, second, *others]),
        "a field after the list": good + "notes: 1\n",
        "the list given twice": good + "roles: []\n",
        "a wrong value": good.replace("  held: ", "  held: sometimes-", 1),
        "a syntax error": good.replace("  title: ", "  title: [", 1),
        "a quote across two roles": good.replace("  tagline: ", '  tagline: "', 1),
        "an anchor": good.replace("  skills:\n", "  skills: &shared\n", 1).replace(
            "  skills:\n", "  skills: *shared\n", 2
        ),
        "indented entries": good.replace("\n- ", "\n  - ").replace("\n  ", "\n    ").replace("\n    - ", "\n  - "),
        "Windows line ends": good.replace("\n", "\r\n"),
        "back as it was": good,
    }
    for name, text in edits.items():
        served, whole = _read_both(path, text)
        assert served == whole, name
        if isinstance(whole, str):
            assert "roles.yml:" in whole, name
        else:
            assert whole.locate(("roles", 3, "summary")) == served.locate(("roles", 3, "summary")), name


def _serve_build(project: Path, site: Path) -> None:
    """One build as `mkdocs serve` makes it (in this process, so the kept results carry over)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    if not serving.SESSION.active:  # once per server, as `mkdocs serve` does
        config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL)


def _differences(one: Path, other: Path) -> list[str]:
    found: list[str] = []

    def walk(compared: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + name for name in compared.left_only + compared.right_only + compared.diff_files)
        for name, sub in compared.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    filecmp.clear_cache()
    walk(filecmp.dircmp(one, other), "")
    return found


@pytest.mark.slow
def test_serve_rebuilds_only_the_edited_pages_and_matches_a_full_build(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("TL_DOCUMENTS", "off")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setattr(serving, "SESSION", serving.Session())
    monkeypatch.setattr(yamlsource, "_kept", None)  # parsed files kept while "serving", not after the test
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    project = synthetic_project(tmp_path / "project", 60, anchors=False)  # roles.yml read in pieces
    served = tmp_path / "served"

    _serve_build(project, served)
    pages = len(serving.SESSION.last.rendered)
    assert pages > 60 and serving.SESSION.last.reused == 0

    role = edit_role(project / "data")
    _serve_build(project, served)
    done = serving.SESSION.last
    assert f"roles/{role}.md" in done.converted and f"roles/{role}.md" in done.rendered
    assert len(done.converted) <= 5 and len(done.rendered) <= 5 and len(done.indexed) <= 5
    assert done.reused >= pages - 5
    assert "Edited for the benchmark." in (served / "roles" / role / "index.html").read_text()
    assert "Edited for the benchmark." in (served / "downloads" / "roles.json").read_text()  # the explorer's data
    assert yamlsource._kept is not None
    inventory = [kept for (path, _), kept in yamlsource._kept.items() if path.endswith("roles.yml")]
    assert len(inventory) == 1 and len(inventory[0].entries) == 60  # read in pieces, one per role
    # The serve folder is not emptied and written again: only the files whose bytes changed are written.
    assert 0 < len(done.written) <= 40 and done.unchanged >= 10 * len(done.written) and done.deleted == []
    kept = serving.SESSION

    # The same data built from nothing: every file the same, the search index and sitemap included.
    monkeypatch.setattr(serving, "SESSION", serving.Session())
    full = tmp_path / "full"
    _serve_build(project, full)
    assert serving.SESSION.last.reused == 0
    assert (served / "search" / "search_index.json").read_bytes() == (
        full / "search" / "search_index.json"
    ).read_bytes()
    assert _differences(served, full) == []

    # A setting every page shows (the footer): every page is rendered again, and shows it.
    config = project / "mkdocs.yml"
    settings = yaml.safe_load(config.read_text().split("\nhooks:")[0])
    config.write_text(config.read_text().replace(settings["copyright"], "Changed while serving."))
    _serve_build(project, full)
    assert len(serving.SESSION.last.rendered) == pages and serving.SESSION.last.reused == 0
    assert "Changed while serving." in (full / "roles" / role / "index.html").read_text()

    # A mistake in the data while serving: the message names file, line and field, the same each
    # time it is saved (a file that does not read is never kept), and the served site stays.
    monkeypatch.setattr(serving, "SESSION", kept)
    data = project / "data" / "roles.yml"
    good = data.read_text()
    data.write_text(good.replace("  held: ", "  held: sometimes-", 1))
    messages = []
    for _ in range(2):
        caplog.clear()
        with pytest.raises(Abort), caplog.at_level(logging.ERROR):
            _serve_build(project, served)
        messages.append(next(r.getMessage() for r in caplog.records if "roles.yml" in r.getMessage()))
    assert messages[0] == messages[1]
    assert re.search(r"roles\.yml:\d+:\d+: roles\[0\]\.held", messages[0]), messages[0]
    assert "Edited for the benchmark." in (served / "roles" / role / "index.html").read_text()

    # Fixed, with a role removed: its page and downloads leave the served folder, which again
    # holds exactly what a full build writes.
    data.write_text(good)
    roles = yaml.safe_load(good)["roles"]
    removed = roles[-2]["id"]
    write_inventory(project / "data", roles[:-2] + roles[-1:])
    _serve_build(project, served)
    assert not (served / "roles" / removed).exists()
    assert any(f"/roles/{removed}/" in path for path in serving.SESSION.last.deleted)
    monkeypatch.setattr(serving, "SESSION", serving.Session())
    again = tmp_path / "full-again"
    _serve_build(project, again)
    assert _differences(served, again) == []


def test_the_theme_listing_kept_while_serving_is_mkdocs_own_and_sees_a_new_file(tmp_path, monkeypatch):
    from mkdocs import utils
    from mkdocs.commands.build import get_files
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    project = synthetic_project(tmp_path / "project", 20)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    env = config.theme.get_env()

    def listed(session: serving.Session | None) -> list[tuple[str, str | None]]:
        files = get_files(config)
        if session is None:
            files.add_files_from_theme(env, config)
        else:
            session.prepare(config, utils, Files, File)
            try:
                files.add_files_from_theme(env, config)
            finally:
                session.restore()
        return [(file.src_uri, file.abs_src_path) for file in files]

    session = serving.Session(active=True)
    assert listed(session) == listed(None)
    kept = session.folder.theme
    assert len(kept[1]) > 10  # its scripts, stylesheets and fonts (of some 14,000 files, icons mostly)
    assert listed(session) == listed(None) and session.folder.theme is kept  # the second time from what was kept
    (project / "overrides" / "extra.css").write_text("p {}\n")  # while serving: a file added to the theme
    now = listed(session)
    assert now == listed(None) and ("extra.css", str(project / "overrides" / "extra.css")) in now


def _rows(page: Path) -> dict[str, tuple[str, list[str], bool]]:
    """The inventory's rows by the link of their title: visible text, every link, whether any element
    other than a link or the tagline's span is inside."""
    rows = re.findall(r"<tr data-filled=.*?</tr>", page.read_text(encoding="utf-8"), flags=re.S)
    found = {}
    for row in rows:
        links = re.findall(r'<a href="([^"]*)">', row)
        tags = set(re.findall(r"<(\w+)", row)) - {"tr", "td", "a", "span"}
        text = html.unescape(" ".join(re.sub(r"<[^>]*>", " ", row).split()))
        found[links[0]] = (text, links, bool(tags))
    return found


def _resolves(page: Path, link: str) -> bool:
    target = page.parent / link
    return (target / "index.html").is_file() if link.endswith("/") else target.is_file()


def test_an_edited_role_shows_in_the_inventory_while_serving_as_in_a_full_build(tmp_path, monkeypatch):
    monkeypatch.setenv("TL_DOCUMENTS", "off")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setattr(serving, "SESSION", serving.Session())
    monkeypatch.setattr(yamlsource, "_kept", None)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    project = project_copy(tmp_path)
    shutil.copytree(MINIMAL, project / "data")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("offline_zip: true", "offline_zip: false"))
    served = tmp_path / "served"
    _serve_build(project, served)

    # An editor changes a role's title and one-line summary, pasting markup into both.
    data = project / "data" / "roles.yml"
    roles = yaml.safe_load(data.read_text())["roles"]
    role = roles[1]["id"]
    roles[1]["title"] = 'Data <b>team</b> & "lead" *x*'
    roles[1]["tagline"] = (
        "Runs <script>alert(1)</script> the data team's cycles {: onclick=x } <!-- toolkit: roles-rows -->"
    )
    write_inventory(project / "data", roles)
    _serve_build(project, served)
    assert "roles/index.md" not in serving.SESSION.last.converted  # its Markdown holds no role's text
    inventory = served / "roles" / "index.html"
    text, links, markup = _rows(inventory)[f"{role}/"]
    assert text.startswith(f"{roles[1]['title']} {roles[1]['tagline']} ")  # as typed, shown as text
    assert not markup  # no element from the data
    assert len(_rows(inventory)) == len(roles) and all(_resolves(inventory, link) for link in links)

    # The same data built from nothing: the inventory (and every other file) is the same.
    monkeypatch.setattr(serving, "SESSION", serving.Session())
    full = tmp_path / "full"
    _serve_build(project, full)
    assert inventory.read_bytes() == (full / "roles" / "index.html").read_bytes()
    assert (served / "plan" / "index.html").read_bytes() == (full / "plan" / "index.html").read_bytes()
    assert _differences(served, full) == []

    # Without directory addresses (roles/x.html), every link in the rows still finds its page.
    config.write_text(config.read_text() + "\nuse_directory_urls: false\n")
    flat = tmp_path / "flat"
    _serve_build(project, flat)
    rows = _rows(flat / "roles" / "index.html")
    assert f"{role}.html" in rows and len(rows) == len(roles)
    assert all(_resolves(flat / "roles" / "index.html", link) for _, links, _ in rows.values() for link in links)
