"""`scripts/new-district`: a district's own folder at any depth, its paths, its refusals, and the whole flow.

The unit tests make folders in a throwaway copy of the project (tests/projects.py); the flow at the
end runs the scripts there as a district would, builds the district's site with
`mkdocs build --strict` and its offline copy with `scripts/site offline -f`.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from projects import ROOT, project_copy

from tltoolkit.cli import main
from tltoolkit.district_folder import (
    EXAMPLES,
    FolderError,
    Located,
    _read_config,
    check_config,
    district_settings,
    locate,
    new_district,
)  # fmt: skip
from tltoolkit.source.district import load_district
from tltoolkit.source.load import load_toolkit
from tltoolkit.source.models import DistrictFile

NAME = "Oakvale School District"


@pytest.fixture(autouse=True)
def _typed_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths typed are taken from the test's working folder unless a test says otherwise."""
    monkeypatch.delenv("TL_CALLER_DIR", raising=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project with its data and schemas, to make district folders in."""
    project = project_copy(tmp_path)
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "schemas", project / "schemas")
    return project


# --- the paths, at each depth -------------------------------------------------------


@pytest.mark.parametrize(
    "where", ["oakvale", "districts/oakvale", "districts/east/oakvale"], ids=["depth-1", "depth-2", "depth-3"]
)
def test_paths_lead_back_to_the_toolkit_at_any_depth(project: Path, where: str, catalog) -> None:
    depth = where.count("/") + 1
    done = new_district(project, project / where, NAME)

    folder = project / where
    assert done.folder == folder and done.prefix == "../" * depth
    config = _read_config(folder / "mkdocs.yml")
    assert config["INHERIT"] == "../" * depth + "mkdocs.yml"
    targets = {
        config["INHERIT"]: "mkdocs.yml", config["docs_dir"]: "docs", config["theme"]["custom_dir"]: "overrides",
        config["extra"]["data_dir"]: "data", **{hook: f"hooks/{Path(hook).name}" for hook in config["hooks"]},
    }  # fmt: skip
    assert len(config["hooks"]) == 2
    for written, toolkit in targets.items():
        assert os.path.normpath(folder / written) == str(project / toolkit), written
    assert [os.path.normpath(folder / w) for w in config["watch"]] == [
        str(project / "data"),
        str(project / "src" / "tltoolkit"),
        str(folder),
    ]
    assert config["extra"]["district"] == "district.yml" and config["site_dir"] == "site"
    schema = (folder / "district.yml").read_text(encoding="utf-8").splitlines()[0]
    assert schema == "# yaml-language-server: $schema=" + "../" * depth + "schemas/district.schema.json"
    assert check_config(folder / "mkdocs.yml") == []
    merged, district = load_toolkit(project / "data", folder / "district.yml")  # valid at once
    assert district.name == NAME and district.settings.paper == "letter" and len(merged.roles) == len(catalog.roles)


def test_the_folder_may_be_given_from_anywhere(project: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    (project / "districts").mkdir()
    monkeypatch.chdir(project)  # as the scripts run it, from the project folder...
    monkeypatch.setenv("TL_CALLER_DIR", str(project / "districts"))  # ...for someone working in districts/
    assert main(["new", "district", "oakvale", "--name", NAME]) == 0
    assert (project / "districts" / "oakvale" / "mkdocs.yml").is_file()
    out = capsys.readouterr().out
    assert "Created districts/oakvale/ for Oakvale School District, 2 levels below the project" in out
    for step in ("edit districts/oakvale/district.yml", "scripts/validate --district districts/oakvale/district.yml",
                 "scripts/new-role ID --district districts/oakvale/district.yml",
                 "scripts/site -f districts/oakvale/mkdocs.yml",
                 "scripts/site offline -f districts/oakvale/mkdocs.yml"):  # fmt: skip
        assert step in out

    monkeypatch.delenv("TL_CALLER_DIR")
    assert main(["new", "district", str(project / "examples" / "oakvale"), "--name", NAME]) == 0  # absolute
    assert _read_config(project / "examples" / "oakvale" / "mkdocs.yml")["INHERIT"] == "../../mkdocs.yml"


def test_the_config_is_the_sample_districts_at_the_same_depth(project: Path) -> None:
    """The worked example and the command say the same thing (the example is what people read)."""
    new_district(project, project / "examples" / "oakvale", NAME)
    made = _read_config(project / "examples" / "oakvale" / "mkdocs.yml")
    assert made == _read_config(ROOT / "examples" / "sample-district" / "mkdocs.yml")


def test_data_folder_is_empty_but_kept_and_valid(project: Path, catalog) -> None:
    new_district(project, project / "oakvale", NAME)
    data = project / "oakvale" / "data"
    assert [p.name for p in data.iterdir()] == [".gitkeep"]  # git keeps no empty folder
    merged, _ = load_toolkit(project / "data", project / "oakvale" / "district.yml")
    assert len(merged.roles) == len(catalog.roles)  # not "not a toolkit data file", not "no overlay folder"
    assert "/offline/" in (project / "oakvale" / ".gitignore").read_text()
    readme = (project / "oakvale" / "README.md").read_text(encoding="utf-8")
    assert "scripts/new-role ID --district oakvale/district.yml" in readme


# --- district.yml ------------------------------------------------------------------


def _take_up_everything(text: str) -> str:
    """district.yml with every commented-out setting (and the comments inside its block) taken up."""
    setting = re.compile(r"# (?!yaml-language-server)( *#| *[a-z_][a-z0-9_-]*:| *- )")
    return "\n".join(line[2:] if setting.match(line) else line for line in text.splitlines())


def test_every_setting_is_present_explained_and_valid_when_taken_up(tmp_path: Path) -> None:
    text = district_settings(NAME, primary="#1b5e20", paper="a4")
    settings = tmp_path / "district.yml"
    settings.write_text(text, encoding="utf-8")
    district, _ = load_district(settings)
    assert (district.name, district.short_name, district.settings.paper) == (NAME, NAME, "a4")
    assert district.settings.colours.primary == "#1b5e20" and district.settings.contact is None

    # Every field of the model (nested ones too) is there with its description, so a new field shows up.
    def fields(model, prefix=""):
        for name, info in model.model_fields.items():
            yield prefix + name, info
            nested = next((a for a in (info.annotation, *getattr(info.annotation, "__args__", ()))
                           if isinstance(a, type) and hasattr(a, "model_fields")), None)  # fmt: skip
            if nested is not None:
                yield from fields(nested, f"{prefix}{name}.")

    flat = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    for dotted, info in fields(DistrictFile):
        assert re.search(rf"^[# ]*{dotted.split('.')[-1]}:", text, re.M), dotted
        assert " ".join(info.description.split()) in flat, dotted

    # Every sample is valid: taking all of them up gives a district that validates (with a logo file).
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', encoding="utf-8")
    settings.write_text(_take_up_everything(text), encoding="utf-8")
    district, _ = load_district(settings)
    assert district.short_name == "Oakvale" and district.settings.contact.email == EXAMPLES["contact.email"]
    assert district.settings.remove.moves == {"data-use": ["timely-data-access"]}
    assert district.site_name == "Oakvale Teacher Leadership Toolkit"


def test_sample_removals_name_real_toolkit_items(catalog) -> None:
    assert set(EXAMPLES["remove.roles"]) <= set(catalog.role)
    assert set(EXAMPLES["remove.conditions"]) <= {c.id for c in catalog.conditions}
    assert set(EXAMPLES["remove.guides"]) <= {g.id for g in catalog.guides}
    assert {m.id for m in catalog.moves["data-use"]} >= set(EXAMPLES["remove.moves"]["data-use"])


def test_names_with_quotes_and_markup_stay_literal(project: Path) -> None:
    name = 'Springfield "Eagles" & Co: <b>#1</b>'
    new_district(project, project / "springfield", name, short_name="Springfield: 'E'")
    district, _ = load_district(project / "springfield" / "district.yml")
    assert (district.name, district.short_name) == (name, "Springfield: 'E'")
    config = (project / "springfield" / "mkdocs.yml").read_text(encoding="utf-8")
    assert _read_config(project / "springfield" / "mkdocs.yml")["INHERIT"] == "../mkdocs.yml"
    assert config.splitlines()[0].startswith("# Springfield")  # the name only in a comment there


# --- refusals ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "args", "message"),
    [
        ("taken", [], "already exists and is not empty: choose a new folder (nothing is overwritten)"),
        ("..", [], "is outside the project"),
        ("../elsewhere/oakvale", [], "is outside the project"),
        (".", [], "is the project folder itself"),
        ("docs/oakvale", [], "is inside the toolkit's own folder 'docs/'"),
        ("data/oakvale", [], "is inside the toolkit's own folder 'data/'"),
        ("a-file", [], "is a file, not a folder"),
        ("riverside/oakvale", [], "is inside the district folder"),
        ("linked/oakvale", [], "is reached through a symbolic link"),
        ("oakvale", ["--paper", "legal"], "--paper 'legal' is not one of: letter, a4"),
        ("oakvale", ["--name", " "], "--name must not be empty"),
        ("oakvale", ["--primary", "#ffff00"], "white text on #ffff00 has a contrast of 1.1:1"),
        ("oakvale", ["--primary", "yellow"], "colours.primary"),
    ],
    ids=[
        "not-empty",
        "parent",
        "outside",
        "project",
        "docs",
        "data",
        "file",
        "nested",
        "symlink",
        "paper",
        "name",
        "contrast",
        "colour",
    ],
)
def test_refusals_say_why_and_leave_nothing(project: Path, monkeypatch, capsys, target: str, args: list[str],
                                            message: str) -> None:  # fmt: skip
    (project / "taken").mkdir()
    (project / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    (project / "a-file").write_text("", encoding="utf-8")
    new_district(project, project / "riverside", "Riverside")
    (project / "real" / "deep").mkdir(parents=True)
    (project / "linked").symlink_to(project / "real" / "deep")
    before = sorted(str(p) for p in project.parent.rglob("*"))
    monkeypatch.chdir(project)

    code = main(["new", "district", target, "--name", NAME, *args])

    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err, err
    assert err.startswith("error: ")
    assert sorted(str(p) for p in project.parent.rglob("*")) == before  # nothing made, nothing changed


def test_refuses_outside_a_toolkit_project(tmp_path: Path) -> None:
    with pytest.raises(FolderError, match="is not the toolkit's project folder"):
        new_district(tmp_path, tmp_path / "oakvale", NAME)


# --- finding a district, and a folder copied to another depth ----------------------------


def test_a_district_is_found_from_its_folder_config_or_settings(project: Path) -> None:
    new_district(project, project / "districts" / "oakvale", NAME)
    folder = project / "districts" / "oakvale"
    for given in (folder, folder / "mkdocs.yml", folder / "district.yml"):
        found = locate(given)
        assert found.settings == folder / "district.yml" and found.config == folder / "mkdocs.yml"
        assert os.path.normpath(found.data_dir) == str(project / "data")
    (folder / "mkdocs.yml").unlink()  # a district.yml alone: the toolkit's data is where --data says (or data/)
    assert locate(folder / "district.yml") == Located(folder / "district.yml", None, None)
    with pytest.raises(FolderError, match="no file or folder at"):
        locate(folder / "nope")
    with pytest.raises(FolderError, match="holds no district.yml"):
        locate(project / "districts")
    with pytest.raises(FolderError, match="names no district"):
        locate(project / "mkdocs.yml")


def test_validate_takes_the_district_by_folder_or_config(project: Path, catalog, monkeypatch, capsys) -> None:
    new_district(project, project / "districts" / "oakvale", NAME)
    monkeypatch.chdir(project / "districts")  # data/ is found through the district's mkdocs.yml
    for given in ("oakvale", "oakvale/mkdocs.yml", "oakvale/district.yml"):
        code = main(["validate", "--district", given])
        out, err = capsys.readouterr()
        assert code == 0, err
        assert f"all data is valid: {len(catalog.roles)} roles" in out and "oakvale/district.yml" in out
    assert main(["validate", "--district", "nowhere"]) == 2
    assert capsys.readouterr().err == "error: no file or folder at nowhere\n"


def test_a_folder_copied_to_another_depth_is_explained(project: Path, monkeypatch, capsys) -> None:
    new_district(project, project / "districts" / "oakvale", NAME)
    shutil.copytree(project / "districts" / "oakvale", project / "oakvale")  # one level up: '../../' now wrong

    problems = check_config(project / "oakvale" / "mkdocs.yml")

    assert len(problems) == 1
    assert "its paths do not lead back to the toolkit (6 missing, first INHERIT: '../../mkdocs.yml')" in problems[0]
    assert "written for a folder 2 levels below the project, but" in problems[0]
    assert "is 1 level below it (copied from another folder?). Replace '../../' with '../'" in problems[0]
    assert "scripts/new-district DIR --name" in problems[0]
    monkeypatch.chdir(project)
    assert main(["validate", "--district", "oakvale"]) == 1
    assert "Replace '../../' with '../' in oakvale/mkdocs.yml" in capsys.readouterr().err
    assert main(["paths", "oakvale/mkdocs.yml"]) == 1

    config = project / "oakvale" / "mkdocs.yml"  # following the advice is enough
    config.write_text(config.read_text(encoding="utf-8").replace("../../", "../"), encoding="utf-8")
    assert check_config(config) == [] and main(["paths", "oakvale/mkdocs.yml"]) == 0


# --- the whole flow, with the scripts ------------------------------------------------------


def _scripts_project(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    project = project_copy(tmp_path)
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "schemas", project / "schemas")
    for name in ("scripts", "pyproject.toml", "constraints.txt"):
        (project / name).symlink_to(ROOT / name)
    # The scripts use this environment as it is: stop rather than let _venv.sh install into it.
    venv = Path(sys.prefix)
    stamp = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + (ROOT / "constraints.txt").read_bytes())
    if not (venv / f".installed-{stamp.hexdigest()[:16]}-site").exists():
        pytest.skip(f"{venv} has no 'site' install stamp: the scripts would reinstall into it")
    env = {**os.environ, "TL_VENV": str(venv), "PYTHONPATH": str(project / "src"), "NO_MKDOCS_2_WARNING": "1",
           "TL_DOCUMENTS": "off"}  # fmt: skip
    env.pop("TL_CALLER_DIR", None)
    return project, env


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=600)


@pytest.mark.slow  # the scripts end to end, with a site build and its offline copy
def test_a_district_from_nothing_to_its_site_and_offline_copy(tmp_path: Path, catalog) -> None:
    project, env = _scripts_project(tmp_path)
    scripts = project / "scripts"
    (project / "districts").mkdir()

    # 1. The folder, two levels down, made from inside districts/.
    made = _run([str(scripts / "new-district"), "oakvale", "--name", NAME, "--short-name", "Oakvale",
                 "--primary", "#1a4f8b"], project / "districts", env)  # fmt: skip
    assert made.returncode == 0, made.stderr
    folder = project / "districts" / "oakvale"
    assert "scripts/site -f districts/oakvale/mkdocs.yml" in made.stdout

    # 2. A role of the district's own, added from inside the district's folder.
    added = _run([str(scripts / "new-role"), "oakvale-reading-lead", "--title", "Oakvale reading lead",
                  "--district", "district.yml"], folder, env)  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "edit districts/oakvale/data/roles.yml:" in added.stdout and "/roles/oakvale-reading-lead/" in added.stdout
    roles = (folder / "data" / "roles.yml").read_text(encoding="utf-8")
    assert roles.startswith("# yaml-language-server: $schema=../../../schemas/roles.schema.json\n")
    assert (project / "data" / "roles.yml").read_bytes() == (ROOT / "data" / "roles.yml").read_bytes()

    # 3. Validated with the toolkit's data, from the project folder.
    checked = _run([str(scripts / "validate"), "--district", "districts/oakvale"], project, env)
    assert checked.returncode == 0, checked.stderr
    assert f"all data is valid: {len(catalog.roles) + 1} roles" in checked.stdout  # the toolkit's and its own
    assert "warning: districts/oakvale/data/roles.yml:" in checked.stderr  # its TODO prompts, where they are

    # 4. The site: the district's name on its pages, the new role's page.
    site = tmp_path / "site"
    build = _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "districts/oakvale/mkdocs.yml",
                  "-d", str(site)], project, env)  # fmt: skip
    assert build.returncode == 0, build.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Oakvale Teacher Leadership Toolkit</title>" in home
    assert 'content="Oakvale School District"' in home  # the author meta tag
    page = (site / "roles" / "oakvale-reading-lead" / "index.html").read_text(encoding="utf-8")
    assert "Oakvale reading lead" in page
    assert 'href="oakvale-reading-lead/"' in (site / "roles" / "index.html").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #1a4f8b;" in (site / "stylesheets" / "district.css").read_text()

    # 5. The offline copy, into the district's folder by default.
    offline = _run([str(scripts / "site"), "offline", "-f", "mkdocs.yml"], folder, env)
    assert offline.returncode == 0, offline.stderr
    with zipfile.ZipFile(folder / "offline" / "teacher-leadership-toolkit-offline.zip") as archive:
        names = archive.namelist()
        index = archive.read("teacher-leadership-toolkit/index.html").decode("utf-8")
    assert "Oakvale Teacher Leadership Toolkit</title>" in index
    assert any("oakvale-reading-lead" in name for name in names)
    assert not (project / "offline").exists()  # not the plain toolkit's, not in the project's folder


def test_scripts_explain_a_copied_folder_and_wrong_paths(tmp_path: Path) -> None:
    project, env = _scripts_project(tmp_path)
    shutil.copytree(ROOT / "examples" / "sample-district", project / "oakvale")  # the copy people make by hand

    for command in (["site", "build", "-f", "oakvale/mkdocs.yml"], ["site", "offline", "-f", "oakvale/mkdocs.yml"],
                    ["validate", "--district", "oakvale"], ["validate", "--district", "oakvale/district.yml"],
                    ["new-role", "x-lead", "--district", "oakvale/district.yml"]):  # fmt: skip
        result = _run([str(project / "scripts" / command[0]), *command[1:]], project, env)
        assert result.returncode == (2 if command[0] == "new-role" else 1), command  # new-role: a refusal, as always
        assert "Replace '../../' with '../' in oakvale/mkdocs.yml" in result.stderr, command
        assert "Traceback" not in result.stderr and "Inherited config file" not in result.stderr
    assert not (project / "oakvale" / "site").exists() and not (project / "oakvale" / "offline").exists()

    for command, message in ((["site", "build", "-f", "nowhere/mkdocs.yml"], "error: no mkdocs.yml at"),
                             (["new-role", "x-lead", "--district", "nowhere.yml"], "no file or folder at nowhere.yml"),
                             (["site", "offline", "-d", "out"], "give the offline copy's folder as DIR"),
                             (["site", "offline", "-f", "x/mkdocs.yml", "out"],
                              "error: give the folder first: scripts/site offline out -f")):  # fmt: skip
        result = _run([str(project / "scripts" / command[0]), *command[1:]], project, env)
        assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr, command
