"""Peak memory of one cold `mkdocs build --strict`, process by process: `python -m tltoolkit.bench.memory`.

A cold 5,000-role build takes about an hour on a shared 2-core machine; its peak (the plan, the
page build and two render workers at their steady state) is reached well before the end, so
`--seconds` stops the build after that long and reports what it saw until then. Every few seconds
it reads the proportional set size (PSS, /proc/PID/smaps_rollup: a page shared by forked
processes counts once in the total) and the RSS of the build and each of its descendants.

    python -m tltoolkit.bench.memory --roles 5000 --seconds 1200 --project /tmp/tl-5000
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from .synthetic import synthetic_project


def tree(root: int) -> list[int]:
    """`root` and every process descended from it, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(f"/proc/{entry.name}/stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def memory(pid: int) -> tuple[int, int] | None:
    """(PSS, RSS) in bytes, or None once the process is gone."""
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return None
    fields = {line.split(":")[0]: int(line.split()[1]) * 1024 for line in lines[1:] if line.endswith("kB")}
    return fields.get("Pss", 0), fields.get("Rss", 0)


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


def measure(project: Path, seconds: float, every: float = 2.0, log: Path | None = None) -> int:
    """Cold-build `project` for at most `seconds`; print the peak total PSS and its breakdown; return it."""
    shutil.rmtree(project / "site", ignore_errors=True)
    shutil.rmtree(project / ".cache" / "documents", ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TL_DOCUMENTS": "on"}
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or "mkdocs"
    output = open(log or os.devnull, "w")  # noqa: SIM115  (closed below)
    process = subprocess.Popen(
        [mkdocs, "build", "--strict"], cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    started = time.monotonic()
    peak, at_peak, peaks = 0, "", {"pages": 0, "documents": 0, "workers": 0}
    try:
        while process.poll() is None and time.monotonic() - started < seconds:
            rows = []
            for pid in tree(process.pid):
                if (mem := memory(pid)) is not None:
                    rows.append((pid, _name(pid), *mem))
            total = sum(pss for _, _, pss, _ in rows)
            if rows:
                peaks["pages"] = max(peaks["pages"], rows[0][2])
            if len(rows) > 1:
                peaks["documents"] = max(peaks["documents"], rows[1][2])
                peaks["workers"] = max(peaks["workers"], sum(pss for _, _, pss, _ in rows[2:]))
            elapsed = time.monotonic() - started
            line = " ".join(f"{name}[{pid}] pss {pss / 1e6:.0f} rss {rss / 1e6:.0f}" for pid, name, pss, rss in rows)
            print(f"{elapsed:7.0f} s  total pss {total / 1e6:6.0f} MB  {line}", flush=True)
            if total > peak:
                peak, at_peak = total, f"at {elapsed:.0f} s: {line}"
            time.sleep(every)
    finally:
        finished = process.poll() is not None
        if not finished:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait()
        output.close()
    ran = time.monotonic() - started
    state = "finished" if finished else "stopped"
    print(f"build {state} after {ran:.0f} s; peak total PSS {peak / 1e6:.0f} MB {at_peak}")
    print("peak PSS per part (MB): " + ", ".join(f"{k} {v / 1e6:.0f}" for k, v in peaks.items()))
    return peak


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=5000)
    parser.add_argument("--seconds", type=float, default=1200)
    parser.add_argument("--project", type=Path, help="a synthetic project (made here when missing)")
    parser.add_argument("--log", type=Path, help="where the build's own output goes")
    args = parser.parse_args(argv)
    project = args.project or Path(f"/tmp/tl-memory-{args.roles}")
    if not (project / "mkdocs.yml").exists():
        synthetic_project(project, args.roles)
    measure(project, args.seconds, log=args.log)


if __name__ == "__main__":
    main()
