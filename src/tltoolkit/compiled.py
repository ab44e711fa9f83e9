"""Jinja's compiled templates kept in memory, for the environments `mkdocs serve` makes on each rebuild.

Both the page templates (`web.render`) and the print templates (`documents`) get a new environment
per build; with this cache each template is compiled once per process. Jinja compares a kept
compilation with its template's source before using it, so an edited template is compiled again.
"""

from __future__ import annotations

import jinja2


class Compiled(jinja2.BytecodeCache):
    """Compiled templates, in memory, by Jinja's key for each template."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.kept.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()
