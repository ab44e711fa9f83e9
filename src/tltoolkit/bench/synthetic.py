"""Synthetic role inventories of any size that pass `load_catalog` validation.

The real roles come first, unchanged (the discussion guides name some of them); each
further role copies the text of a real one, so field lengths are realistic, and takes a
distinct id and title and its own mix of skills, timing, scope and selection.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import yaml

from ..content import labels

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "data"
# What a copy of the project needs to build the site on its own (the package is installed).
PROJECT_FILES = ("mkdocs.yml", "docs", "hooks", "overrides")


def _read(data_dir: Path, name: str) -> Any:
    return yaml.safe_load((data_dir / name).read_text(encoding="utf-8"))


def synthetic_roles(count: int, data_dir: Path = DATA, seed: int = 5000) -> list[dict[str, Any]]:
    """`count` roles as the data file holds them (dicts): the real roles, then copies with new ids."""
    real = _read(data_dir, "roles.yml")["roles"]
    skills = [skill["id"] for skill in _read(data_dir, "skills.yml")["skills"]]
    rng = random.Random(seed)
    roles = [dict(role) for role in real[:count]]
    for i in range(len(roles), count):
        base = real[i % len(real)]
        copy = i // len(real) + 1  # 2nd, 3rd ... copy of the same real role
        held = rng.choice(list(labels.HELD))
        # Released periods belong to partial-release roles only (the model checks it).
        release = (
            {} if held != "partial-release" else {k: base[k] for k in ("release_periods", "release_share") if k in base}
        )
        roles.append(
            {
                **{k: v for k, v in base.items() if k not in ("release_periods", "release_share")},
                **release,
                "id": f"{base['id']}-{copy}",
                "title": f"{base['title']} (site {copy})",
                "held": held,
                "scope": rng.choice(list(labels.SCOPE)),
                "selection": rng.choice(list(labels.SELECTION)),
                "skills": rng.sample(skills, rng.randint(1, 4)),
            }
        )
    return roles


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Unshared(_DUMPER):  # type: ignore[misc,valid-type]
    """Writes each role out in full, as an editor does: no `&id001` anchors for the lists the copies share."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def write_inventory(data_dir: Path, roles: list[dict[str, Any]], anchors: bool = True) -> None:
    """Replace `data_dir/roles.yml` with `roles`. With `anchors` (the builds' benchmarks), a list the
    copies share with a real role is written once and named (`&id001`, `*id001`): 1.1 MB at 500
    roles; without, every role is written out in full, as an editor would: 1.9 MB."""
    dumper = _DUMPER if anchors else _Unshared
    text = yaml.dump({"roles": roles}, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    (data_dir / "roles.yml").write_text("# Synthetic inventory for benchmarks and tests.\n" + text, encoding="utf-8")


def synthetic_project(target: Path, count: int, source: Path = ROOT, anchors: bool = True) -> Path:
    """A copy of the project (mkdocs.yml, docs/, hooks/, overrides/, data/) with `count` roles; returns `target`.

    The copy does not make the offline zip (hooks/offline.py): bench/offline.py measures what it
    adds, turning it on for its own builds.
    """
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name, dirs_exist_ok=True)
        else:
            shutil.copy2(path, target / name)
    shutil.copytree(source / "data", target / "data", dirs_exist_ok=True)
    config = target / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("offline_zip: true", "offline_zip: false"), encoding="utf-8"
    )
    if not (target / "src").exists():  # mkdocs.yml watches src/tltoolkit
        (target / "src").symlink_to(source / "src", target_is_directory=True)
    write_inventory(target / "data", synthetic_roles(count, source / "data"), anchors)
    return target


def edit_role(data_dir: Path, index: int = -1) -> str:
    """Change one role's summary in `data_dir/roles.yml`, as an editor would; return its id."""
    path = data_dir / "roles.yml"
    roles = yaml.safe_load(path.read_text(encoding="utf-8"))["roles"]
    role = roles[index]
    role["summary"] = role["summary"] + " Edited for the benchmark."
    write_inventory(data_dir, roles)
    return str(role["id"])
