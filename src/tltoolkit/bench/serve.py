"""Serving edits: how long a one-role edit takes to show while `mkdocs serve` runs.

Starts `mkdocs serve` on a free port in a synthetic project, waits until it serves, edits one
role's summary as an editor would, and asks for that role's page until the edit shows. MkDocs'
server holds a page request while it rebuilds, so the time is what a browser reloading after
the edit sees: the whole rebuild (documents included), not just the page's file.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .synthetic import edit_role, write_inventory

MARK = "Edited for the benchmark."  # what `edit_role` adds to the summary


@dataclass
class Served:
    start: float  # seconds until the server answered (the first, full build)
    edits: list[float]  # seconds from saving each edit until the role page showed it
    downloads: list[float] = field(default_factory=list)  # ... until its job description's PDF was served


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, timeout: float) -> str | None:
    body = _get_bytes(url, timeout)
    return body.decode("utf-8") if body is not None else None


def _get_bytes(url: str, timeout: float) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return bytes(response.read())
    except (urllib.error.URLError, OSError):
        return None


def _role_id(project: Path, index: int) -> str:
    roles = yaml.load((project / "data" / "roles.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["roles"]
    return str(roles[index]["id"])


def serve_edits(project: Path, documents: bool = True, edits: int = 2, timeout: float = 3600.0) -> Served:
    """Serve `project`, then edit one role `edits` times (a different role each time), timing each.
    The inventory is first written out role by role, as an editor keeps it (no YAML anchors shared
    between roles), which is how the server reads an edited file in pieces."""
    data = project / "data"
    write_inventory(
        data,
        yaml.load((data / "roles.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["roles"],
        anchors=False,
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TL_DOCUMENTS": "on" if documents else "off"}
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or "mkdocs"
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            [mkdocs, "serve", "--strict", "-a", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        try:
            while _get(base, 5) is None:
                if process.poll() is not None or time.perf_counter() - started > timeout:
                    output.seek(0)
                    raise SystemExit(f"benchmark: mkdocs serve did not start in {project}:\n{output.read()[-3000:]}")
                time.sleep(0.2)
            served = Served(time.perf_counter() - started, [])
            for n in range(edits):
                role = _role_id(project, -1 - n)
                page = f"{base}roles/{role}/"
                before = (_get(page, timeout) or "").count(MARK)  # the role may have been edited before
                time.sleep(1.0)  # the file watcher settles; an edit lands on a quiet server
                edit_role(project / "data", index=-1 - n)  # reads and dumps the YAML, then saves the file
                saved = time.perf_counter()
                while (_get(page, timeout) or "").count(MARK) <= before:  # the server holds it while rebuilding
                    if process.poll() is not None or time.perf_counter() - saved > timeout:
                        output.seek(0)
                        raise SystemExit(f"benchmark: the edit did not show in {project}:\n{output.read()[-3000:]}")
                    time.sleep(0.05)
                served.edits.append(time.perf_counter() - saved)
                if documents:  # the server holds a download until the save's documents are in place
                    _get_bytes(f"{base}downloads/job-descriptions/{role}.pdf", timeout)
                    served.downloads.append(time.perf_counter() - saved)
            return served
        finally:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
