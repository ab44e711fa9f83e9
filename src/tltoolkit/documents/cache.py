"""A content-addressed store of finished documents, kept outside site/.

A document's key hashes everything it is made from (its HTML or data, the styles,
fonts and code that render it), so an unchanged document is copied instead of
rendered again, and a changed one can never be served stale.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class Cache:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)

    def path(self, key: str, suffix: str) -> Path:
        return self.folder / f"{key}{suffix}"

    def has(self, key: str, suffix: str) -> bool:
        return self.path(key, suffix).is_file()

    def temporary(self, key: str, suffix: str) -> Path:
        """Where to write a document before `commit` makes it visible (no half-written entries)."""
        return self.folder / f".{key}.{os.getpid()}{suffix}"

    def commit(self, temporary: Path, key: str, suffix: str) -> None:
        os.replace(temporary, self.path(key, suffix))

    def copy_to(self, key: str, suffix: str, target: Path) -> None:
        """Copy an entry to `target`, whose folder must exist."""
        shutil.copyfile(self.path(key, suffix), target)

    def prune(self, keep: Iterable[str]) -> int:
        """Remove entries no current document uses; return how many went."""
        wanted = set(keep)
        removed = 0
        for entry in self.folder.iterdir():
            if entry.is_file() and entry.name.split(".")[0] not in wanted:
                entry.unlink(missing_ok=True)
                removed += 1
        return removed
