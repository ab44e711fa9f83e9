"""Read one YAML data file safely, keeping the line and column of every value.

PyYAML's `compose` gives a node tree with positions; we turn it into plain Python
values ourselves so that duplicate keys, unknown tags and runaway aliases become
`DataError`s naming the spot, and so later errors (pydantic, references) can be
mapped back to the line the editor has to change.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import DataError, DataErrors
from .safe_text import forbidden_character
from .yamlsyntax import syntax_error

Path_ = tuple[str | int, ...]

# Limits that keep a crafted file from exhausting memory or the stack. A district inventory
# of 5,000 roles is about 8 MB and 230,000 values; these leave room for twice that.
MAX_BYTES = 20 * 1024 * 1024
MAX_NODES = 1_000_000  # values after alias expansion
MAX_DEPTH = 64

_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


@dataclass
class YamlDocument:
    """A parsed data file: its values plus where each value stands in the file."""

    file: str
    data: Any
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_) -> tuple[int, int]:
        """Line and column of `path`, or of its nearest ancestor present in the file."""
        for end in range(len(path), -1, -1):
            if (mark := self.marks.get(tuple(path[:end]))) is not None:
                return mark
        return (1, 1)

    def error(self, path: Path_, message: str) -> DataError:
        line, column = self.locate(path)
        return DataError(self.file, line, column, format_path(path), message)

    def where(self, path: Path_, seen_from: Path_) -> str:
        """'line 12': where `path` is, for a message about `seen_from` (merged files add the file name)."""
        return f"line {self.locate(path)[0]}"


def format_path(path: Path_) -> str:
    """('roles', 7, 'skills', 1) -> 'roles[7].skills[1]'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


# While `mkdocs serve` runs, each file's last parse, by its path and name shown: (hash of its bytes, document).
_kept: dict[tuple[str, str], tuple[str, YamlDocument]] | None = None


def keep_parsed(on: bool) -> None:
    """Keep each file's parsed document (`mkdocs serve`: a rebuild re-reads only the files whose bytes
    changed), or keep none. A file that fails to parse is never kept, so its message comes back each
    time. The documents are shared, so nothing may change one (the overlay's merges make new ones)."""
    global _kept
    _kept = {} if on else None


def read_yaml(path: Path, display: str) -> YamlDocument:
    """Parse `path`; raise DataErrors (naming `display`) for anything unreadable."""
    raw = path.read_bytes()
    if _kept is None:
        return _read(raw, display)
    digest, where = hashlib.sha256(raw).hexdigest(), (str(path), display)
    kept = _kept.get(where)
    if kept is not None and kept[0] == digest:
        return kept[1]
    document = _read(raw, display)
    _kept[where] = (digest, document)
    return document


def _read(raw: bytes, display: str) -> YamlDocument:
    text = _decode(raw, display)
    try:
        root = _compose_fast(text)
        if root is _SLOW:  # libyaml missing, nesting too deep, or a problem: report it the usual way
            root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        raise DataErrors([syntax_error(exc, text, display)]) from None
    except yaml.reader.ReaderError as exc:
        line, column = _line_col(text, exc.position)
        message = f"character {exc.character!r} is not allowed in a YAML file"
        raise DataErrors([DataError(display, line, column, "", message)]) from None
    except RecursionError:
        raise DataErrors([DataError(display, 1, 1, "", f"nesting is deeper than {MAX_DEPTH} levels")]) from None
    if root is None:
        raise DataErrors([DataError(display, 1, 1, "", "the file is empty")])
    return _Converter(display).document(cast(Node, root))  # _SLOW was replaced above


_SLOW = object()


def _compose_fast(text: str) -> Node | object | None:
    """The node tree from libyaml (about ten times faster: 5,000 roles in 1 s, not 10 s), or
    `_SLOW` when the pure-Python loader must do it. libyaml's composer recurses in C and would
    crash on deep nesting, so its (iterative) parser checks the depth first; any problem
    goes to the Python loader, so every message an editor sees stays the same."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return _SLOW
    try:
        depth = 0
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return _SLOW
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
        return yaml.compose(text, Loader=loader)
    except Exception:
        return _SLOW


def _decode(raw: bytes, display: str) -> str:
    if len(raw) > MAX_BYTES:
        message = f"the file is {len(raw):,} bytes; data files are limited to {MAX_BYTES:,}"
        raise DataErrors([DataError(display, 1, 1, "", message)])
    if raw.startswith(_UTF16_32_BOMS):
        raise DataErrors([DataError(display, 1, 1, "", "the file is UTF-16 or UTF-32; save it as UTF-8")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        message = f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
        raise DataErrors([DataError(display, line, column, "", message)]) from None


def _line_col(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


class _Converter:
    """Node tree -> plain values, recording marks; collects every problem it meets."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.errors: list[DataError] = []
        self.count = 0
        self.scalars = SafeConstructor()

    def document(self, root: Node) -> YamlDocument:
        try:
            data = self.value(root, (), 0)
        except _Abort as stop:
            self.errors.append(stop.error)
            data = None
        if self.errors:
            raise DataErrors(self.errors)
        return YamlDocument(self.display, data, self.marks)

    def fail(self, node: Node, path: Path_, message: str) -> DataError:
        mark = node.start_mark
        return DataError(self.display, mark.line + 1, mark.column + 1, format_path(path), message)

    def value(self, node: Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Abort(self.fail(node, path, f"more than {MAX_NODES:,} values (aliases expand too far)"))
        if depth > MAX_DEPTH:
            raise _Abort(self.fail(node, path, f"nesting is deeper than {MAX_DEPTH} levels"))
        self.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ_TAG:
                self.errors.append(self.fail(node, path, f"tag {node.tag!r} is not allowed"))
            return [self.value(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != _MAP_TAG:
                self.errors.append(self.fail(node, path, f"tag {node.tag!r} is not allowed"))
            return self.mapping(node, path, depth)
        raise _Abort(self.fail(node, path, "unsupported YAML node"))  # pragma: no cover

    def scalar(self, node: ScalarNode, path: Path_) -> Any:
        try:
            value = self.scalars.construct_object(node, deep=True)
        except ConstructorError:
            self.errors.append(self.fail(node, path, f"tag {node.tag!r} is not allowed"))
            return None
        except Exception:
            if node.tag == "tag:yaml.org,2002:timestamp" and node.value[:4].isdigit():  # looks like a date, is not one
                self.errors.append(self.fail(node, path, f"{node.value!r} is not a real date (YYYY-MM-DD)"))
                return None
            kind = node.tag.rsplit(":", 1)[-1]
            shown = node.value if len(node.value) <= 40 else node.value[:39] + "…"
            message = f"cannot read {shown!r} as {kind}; put it in quotes if it is meant as text"
            self.errors.append(self.fail(node, path, message))
            return None
        if isinstance(value, str) and (problem := forbidden_character(value)):
            # Only a "\0"-style escape gets such a character past the YAML reader.
            self.errors.append(self.fail(node, path, f"the text {problem}"))
            return None
        return value

    def mapping(self, node: MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                self.errors.append(self.fail(key_node, path, "field names must be plain text"))
                continue
            key = key_node.value
            if problem := forbidden_character(key):
                self.errors.append(self.fail(key_node, path, f"a field name {problem}"))
                continue
            key_line = key_node.start_mark.line + 1
            if key in first_line:
                message = f"duplicate key '{key}' (first given on line {first_line[key]})"
                self.errors.append(self.fail(key_node, (*path, key), message))
                continue
            first_line[key] = key_line
            result[key] = self.value(value_node, (*path, key), depth + 1)
            # Point at the key, not the value: that is the line an editor looks for.
            self.marks[(*path, key)] = (key_line, key_node.start_mark.column + 1)
        return result


class _Abort(Exception):
    def __init__(self, error: DataError) -> None:
        self.error = error
