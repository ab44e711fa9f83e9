"""The overlay folder and every data file stay inside their own folders, with real symbolic links.

The rule (README, "Make it your district's"): the overlay folder must resolve inside the folder of
district.yml, and every data file read (data/, the overlay, guides/ included) must resolve, links
followed, inside its own folder's tree. Anything else (a link out, a dangling link, a loop, a folder
or a named pipe where a file belongs) is a data error naming the file, never a traceback, and
the other files are still checked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tltoolkit import DataErrors, load_catalog
from tltoolkit.source.load import load_toolkit

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """tmp/data (minimal data), tmp/district/{district.yml, data/} and tmp/elsewhere/ (valid files, outside both)."""
    shutil.copytree(MINIMAL, tmp_path / "data")
    (tmp_path / "district" / "data").mkdir(parents=True)
    (tmp_path / "district" / "district.yml").write_text("name: Lakeview School District\noverlay: data\n")
    shutil.copytree(MINIMAL, tmp_path / "elsewhere")
    return tmp_path


def problems(tree: Path, district: bool = True) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        if district:
            load_toolkit(tree / "data", tree / "district" / "district.yml")
        else:
            load_catalog(tree / "data")
    return [str(error) for error in caught.value.errors]


def set_overlay(tree: Path, value: str) -> None:
    (tree / "district" / "district.yml").write_text(f"name: Lakeview School District\noverlay: {value}\n")


def break_roles(tree: Path) -> str:
    """A field error in data/roles.yml, to show the other files are still checked."""
    path = tree / "data" / "roles.yml"
    path.write_text(path.read_text().replace("  scope: team", "  scope: planet", 1))
    return "roles[0].scope: expected one of 'team', 'school' or 'district', got the text 'planet'"


# --- the overlay setting ---------------------------------------------------------------


@pytest.mark.parametrize("value", ["/etc", "../..", "../elsewhere"])
def test_an_overlay_outside_the_district_folder_is_refused_at_its_line(tree: Path, value: str) -> None:
    set_overlay(tree, value)
    other = break_roles(tree)
    found = problems(tree)
    target = (tree / "district" / value).resolve()
    assert found == sorted(
        [
            f"district/district.yml:2:1: overlay: the overlay folder '{value}' must be inside the folder of "
            f"district/district.yml (it leads to {target})",
            f"data/roles.yml:7:3: {other}",
        ]
    )
    assert not any("passwd" in message or "/etc/" in message for message in found)  # nothing under /etc was read


def test_an_overlay_that_is_a_link_to_outside_is_refused(tree: Path) -> None:
    (tree / "district" / "data").rmdir()
    (tree / "district" / "data").symlink_to(tree / "elsewhere", target_is_directory=True)
    assert problems(tree) == [
        f"district/district.yml:2:1: overlay: the overlay folder 'data' must be inside the folder of "
        f"district/district.yml (it leads to {(tree / 'elsewhere').resolve()})"
    ]


def test_an_overlay_link_loop_is_reported(tree: Path) -> None:
    (tree / "district" / "data").rmdir()
    (tree / "district" / "data").symlink_to(tree / "district" / "data")
    assert problems(tree) == [
        "district/district.yml:2:1: overlay: the overlay folder 'data' is a symbolic link that leads back to itself (a loop)"
    ]


def test_an_overlay_in_a_subfolder_reached_through_an_inside_link_is_accepted(tree: Path) -> None:
    (tree / "district" / "data").rmdir()
    (tree / "district" / "own" / "data").mkdir(parents=True)
    (tree / "district" / "data").symlink_to(tree / "district" / "own" / "data", target_is_directory=True)
    catalog, _ = load_toolkit(tree / "data", tree / "district" / "district.yml")
    assert len(catalog.roles) == 3


# --- data files that are links, folders or pipes ----------------------------------------


def test_a_data_file_linked_to_a_file_outside_is_refused_and_not_read(tree: Path) -> None:
    roles = tree / "data" / "roles.yml"
    roles.unlink()
    roles.symlink_to(tree / "elsewhere" / "roles.yml")  # valid content: only where it is makes it wrong
    found = problems(tree, district=False)
    assert found == [
        f"data/roles.yml:1:1: is a link to {(tree / 'elsewhere' / 'roles.yml').resolve()}, outside data/; "
        "a data file must be inside its own folder (copy it in)"
    ]


def test_an_overlay_file_linked_to_etc_passwd_is_refused(tree: Path) -> None:
    (tree / "district" / "data" / "roles.yml").symlink_to("/etc/passwd")
    assert problems(tree) == [
        "district/data/roles.yml:1:1: is a link to /etc/passwd, outside district/data/; "
        "a data file must be inside its own folder (copy it in)"
    ]


def test_a_link_to_another_file_inside_the_folder_is_read(tree: Path) -> None:
    archive = tree / "data" / "archive"
    archive.mkdir()
    (tree / "data" / "roles.yml").rename(archive / "roles.yml")
    (tree / "data" / "roles.yml").symlink_to(archive / "roles.yml")
    assert len(load_catalog(tree / "data").roles) == 3


def test_a_link_loop_is_reported_and_the_other_files_still_checked(tree: Path) -> None:
    skills = tree / "data" / "skills.yml"
    skills.unlink()
    skills.symlink_to(skills)
    other = break_roles(tree)
    assert problems(tree, district=False) == [
        f"data/roles.yml:7:3: {other}",
        "data/skills.yml:1:1: is a symbolic link that leads back to itself (a loop); replace it with the file",
    ]


def test_a_dangling_link_is_reported(tree: Path) -> None:
    (tree / "district" / "data" / "conditions.yml").symlink_to("gone.yml")
    assert problems(tree) == ["district/data/conditions.yml:1:1: is a link to 'gone.yml', which does not exist"]


@pytest.mark.parametrize("where", ["data", "district/data"])
def test_a_folder_named_like_a_data_file_is_reported(tree: Path, where: str) -> None:
    path = tree / where / "roles.yml"
    if path.exists():
        path.unlink()
    path.mkdir()
    assert problems(tree) == [f"{where}/roles.yml:1:1: is a folder, not a data file"]


def test_a_named_pipe_is_reported_without_waiting_on_it(tree: Path) -> None:
    os.mkfifo(tree / "district" / "data" / "conditions.yml")
    assert problems(tree) == ["district/data/conditions.yml:1:1: is a named pipe, not a data file"]


def test_a_device_is_reported(tree: Path) -> None:
    (tree / "district" / "data" / "reflection.yml").symlink_to("/dev/zero")
    [message] = problems(tree)
    assert message.startswith("district/data/reflection.yml:1:1: is a link to /dev/zero, outside district/data/")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_reported(tree: Path) -> None:
    path = tree / "data" / "reflection.yml"
    path.chmod(0)
    try:
        assert problems(tree, district=False) == ["data/reflection.yml:1:1: cannot read the file (Permission denied)"]
    finally:
        path.chmod(0o644)


# --- guides/ ------------------------------------------------------------------------------


def test_a_guides_folder_linked_to_outside_is_refused(tree: Path) -> None:
    guides = tree / "data" / "guides"
    shutil.rmtree(guides)
    guides.symlink_to(tree / "elsewhere" / "guides", target_is_directory=True)
    assert problems(tree, district=False) == [
        f"data/guides/:1:1: is a link to {(tree / 'elsewhere' / 'guides').resolve()}, outside data/; "
        "data files must be inside their own folder (copy them in)"
    ]


def test_a_guide_file_linked_to_outside_is_refused(tree: Path) -> None:
    (tree / "district" / "data" / "guides").mkdir()
    (tree / "district" / "data" / "guides" / "extra.yml").symlink_to(
        tree / "elsewhere" / "guides" / "clarifying-the-role.yml"
    )
    [message] = problems(tree)
    assert message.startswith("district/data/guides/extra.yml:1:1: is a link to ")
    assert "outside district/data/" in message


def test_the_validate_command_reports_links_without_a_traceback(tree: Path) -> None:
    (tree / "district" / "data" / "roles.yml").symlink_to("/etc/passwd")
    (tree / "district" / "data" / "skills.yml").symlink_to(tree / "district" / "data" / "skills.yml")
    result = subprocess.run(
        [sys.executable, "-m", "tltoolkit", "validate", str(tree / "data"), "--district", str(tree / "district" / "district.yml")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "district/data/roles.yml:1:1: is a link to /etc/passwd" in result.stderr
    assert "district/data/skills.yml:1:1: is a symbolic link that leads back to itself" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_file_where_the_guides_folder_belongs_is_reported(tree: Path) -> None:
    (tree / "district" / "data" / "guides").write_text("id: not-a-folder\n")
    assert problems(tree) == ["district/data/guides/:1:1: is a file, not a folder of guides (<id>.yml)"]
