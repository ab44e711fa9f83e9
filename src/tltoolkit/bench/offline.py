"""The offline copy's cost: the same publishing build with and without `extra: offline_zip`.

`scripts/bench` runs it for each size (`measure`, `report`, `targets`); on its own,
`python -m tltoolkit.bench.offline --sizes 43,500` measures only this. The two builds take turns,
`repeat` times, after one build that fills the document cache, and each keeps its fastest run.
Target: the build with the zip at most 1.2x the build without it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..reproducible import UNDATED
from ..web.offline import ZIP, Page, make_zip

if TYPE_CHECKING:
    from .run import Build, Size

WITHOUT, WITH, STEP = "publish", "publish+zip", "zip step"  # keys in Size.builds
LIMIT = 1.2
_OFF, _ON = "offline_zip: false", "offline_zip: true"


def measure(
    project: Path,
    build: Callable[[Path, bool], Build],
    documents: bool,
    repeat: int,
    log: Callable[[str], None],
    prime: bool = True,
) -> dict[str, Build]:
    """Build `project` without and with the zip, taking turns; the fastest of each. Leaves the zip off.
    `prime`: build once first, so the document cache is full (not needed after other warm builds)."""
    config = project / "mkdocs.yml"
    best: dict[str, Build] = {}
    try:
        _zip(config, on=False)
        if prime:
            build(project, documents)  # documents into the cache, so both builds below are warm
        for _ in range(repeat):
            for name, on in ((WITHOUT, False), (WITH, True)):
                log(f"  {name} build{'' if documents else ', documents off'}")
                _zip(config, on)
                latest = build(project, documents)
                if on and not (project / "site" / ZIP).is_file():
                    raise SystemExit(f"benchmark: the build with offline_zip made no {ZIP}")
                if name not in best or latest.seconds < best[name].seconds:
                    best[name] = latest
        best[STEP] = replace(best[WITH], seconds=min(zip_step(project / "site") for _ in range(repeat)))
    finally:
        _zip(config, on=False)
    return best


def zip_step(site: Path) -> float:
    """Seconds to make the offline zip of a built site again, in this process: the step alone,
    which a busy machine blurs less than the difference of two whole builds."""
    with zipfile.ZipFile(site / ZIP) as archive:  # the pages' names in the copy give their URLs on the site
        names = [name.split("/", 1)[1] for name in archive.namelist() if name.endswith(".html")]
    pages = [Page(name.removesuffix("index.html") if name.endswith("index.html") else name[:-5] + "/", name)
             for name in names if name != "404.html"]  # fmt: skip
    started = time.perf_counter()
    make_zip(site, pages, UNDATED)
    return time.perf_counter() - started


def report(sizes: list[Size]) -> list[str]:
    """A table: each size's publishing build without and with the offline zip."""
    rows = [
        "| roles | publishing build | with the offline zip | ratio | the zip step alone | build + step, ratio |",
        "| ----: | ---------------: | -------------------: | ----: | -----------------: | ------------------: |",
    ]
    for size in sizes:
        if WITH in size.builds and WITHOUT in size.builds:
            a, b = size.builds[WITHOUT].seconds, size.builds[WITH].seconds
            step = size.builds[STEP].seconds if STEP in size.builds else 0.0
            rows.append(
                f"| {size.roles:,} | {a:.1f} s | {b:.1f} s | {b / a:.2f} | {step:.1f} s | {(a + step) / a:.2f} |"
            )
    return rows if len(rows) > 2 else []


def targets(sizes: list[Size]) -> list[tuple[str, float, float, str]]:
    out = []
    for s in sizes:
        if WITH in s.builds and WITHOUT in s.builds:
            a = s.builds[WITHOUT].seconds
            out.append((f"publishing build with the offline zip vs without ({s.roles:,} roles)", s.builds[WITH].seconds / a, LIMIT, "≤"))  # fmt: skip
            if STEP in s.builds:
                out.append((f"the same, as build + the zip step alone ({s.roles:,} roles)", (a + s.builds[STEP].seconds) / a, LIMIT, "≤"))  # fmt: skip
    return out


def _zip(config: Path, on: bool) -> None:
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(_ON, _OFF) if not on else text.replace(_OFF, _ON), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    from .run import Size, mkdocs_build
    from .synthetic import synthetic_project

    parser = argparse.ArgumentParser(prog="python -m tltoolkit.bench.offline", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="43,500", help="inventory sizes, comma-separated (default: 43,500)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each build, alternating (default: 2)")
    parser.add_argument("--documents-off", action="store_true", help="pages only (TL_DOCUMENTS=off)")
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    sizes = []
    with tempfile.TemporaryDirectory(prefix="tl-bench-offline-") as tmp:
        for roles in (int(n) for n in args.sizes.split(",")):
            log(f"{roles} roles")
            project = synthetic_project(Path(tmp) / f"roles-{roles}", roles)
            size = Size(roles)
            size.builds = measure(project, mkdocs_build, not args.documents_off, max(1, args.repeat), log)
            sizes.append(size)
    print("\n".join(report(sizes)))
    for name, value, limit, op in targets(sizes):
        print(f"- {name}: {value:.2f} (target {op} {limit:g}: {'met' if value <= limit else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
