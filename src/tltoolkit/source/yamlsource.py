"""Read one YAML data file safely, keeping the line and column of every value.

PyYAML's `compose` gives a node tree with positions; we turn it into plain Python
values ourselves so that duplicate keys, unknown tags and runaway aliases become
`DataError`s naming the spot, and so later errors (pydantic, references) can be
mapped back to the line the editor has to change.
"""

from __future__ import annotations

import hashlib
import itertools
import re
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


# While `mkdocs serve` runs, each file's last parse, by its path and name shown.
_kept: dict[tuple[str, str], _Kept] | None = None


@dataclass
class _Entry:
    """One entry of a file's long list, parsed from its text alone."""

    value: Any
    marks: list[tuple[Path_, int, int]]  # path inside the entry, line counted from the entry's first (0), column


@dataclass
class _Kept:
    """A file's last good parse: its bytes' hash, the document, and its long list's entries by their text."""

    digest: str
    document: YamlDocument
    entries: dict[str, _Entry]


def keep_parsed(on: bool) -> None:
    """Keep each file's parsed document (`mkdocs serve`: a rebuild re-reads only the files whose bytes
    changed, and of an edited file only the entries of its long list whose text changed), or keep none.
    A file that fails to parse is never kept, so its message comes back each time. The documents (and
    the entries, shared between them) are shared, so nothing may change one (the overlay's merges make
    new ones)."""
    global _kept
    _kept = {} if on else None


def read_yaml(path: Path, display: str) -> YamlDocument:
    """Parse `path`; raise DataErrors (naming `display`) for anything unreadable."""
    raw = path.read_bytes()
    if _kept is None:
        return _read(raw, display)
    digest, where = hashlib.sha256(raw).hexdigest(), (str(path), display)
    kept = _kept.get(where)
    if kept is not None and kept.digest == digest:
        return kept.document
    text = _decode(raw, display)
    entries: dict[str, _Entry] = {}
    document = _in_pieces(text, display, kept.entries, entries) if kept is not None and kept.entries else None
    if document is None:  # the whole file, as a one-off build reads it (and its exact message if it fails)
        document, plain = _parse(text, display)
        entries = {}
        if plain and _in_pieces(text, display, {}, entries) != document:  # read in pieces, it must be the same
            entries = {}
    _kept[where] = _Kept(digest, document, entries)
    return document


def _read(raw: bytes, display: str) -> YamlDocument:
    return _parse(_decode(raw, display), display)[0]


def _parse(text: str, display: str, depth: int = 0) -> tuple[YamlDocument, bool]:
    """The document, and whether the file is plain (libyaml read it, no anchors or aliases).
    `depth`: how deep the text's root sits in the file it was cut from (an entry of a list: 1)."""
    try:
        root, plain = _compose_fast(text, depth)
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
    return _Converter(display).document(cast(Node, root), depth), plain  # _SLOW was replaced above


_SLOW = object()


def _compose_fast(text: str, depth: int = 0) -> tuple[Node | object | None, bool]:
    """The node tree from libyaml (about ten times faster: 5,000 roles in 1 s, not 10 s), or
    `_SLOW` when the pure-Python loader must do it; and whether the text has no anchor or alias.
    libyaml's composer recurses in C and would crash on deep nesting, so its (iterative) parser
    checks the depth first; any problem goes to the Python loader, so every message an editor
    sees stays the same."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return _SLOW, False
    try:
        plain = True
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return _SLOW, False
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                plain = False
        return yaml.compose(text, Loader=loader), plain
    except Exception:
        return _SLOW, False


# --- reading an edited file in pieces (while serving) -------------------------------
#
# A data file is mostly one long list (`roles:` and an entry per role). While serving, an edit
# changes one entry or a few, so the file is cut at the lines that start the list's entries and
# each entry is parsed from its own text: an entry whose text is the same as last time takes the
# last value (its lines moved by as many as the lines before it did). The rest of the file (the
# other fields, the list left empty) is parsed alone. This gives the document a whole parse
# gives: a cut lands only where an entry begins (a `-` at the list's indentation, at the start of
# a line), each piece must parse on its own without errors, anchors or aliases, the rest must
# read the list's field as empty, and the first time a file is cut its pieces are checked against
# the whole parse. Anything else (a mistake above all) reads the whole file, which gives the
# message a one-off build gives.

_KEY_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*):[ \t]*(?:#.*)?\r?$", re.MULTILINE)
_BLANK_LINES = re.compile(r"(?:[ \t]*(?:#.*)?\r?\n)*")
_ENTRY = re.compile(r"( *)-(?: |\r?\n|\r?$)")
_ODD_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")  # line breaks PyYAML counts that `\n` does not


@dataclass
class _Cut:
    key: str  # the list's field
    key_line: int  # its line (from 0)
    starts: list[int]  # where each entry begins in the text, then where the list ends
    lines: list[int]  # the line (from 0) of each of those


def _cut(text: str) -> _Cut | None:
    """Where the file's longest top-level list of entries begins and ends."""
    if _ODD_BREAK.search(text):
        return None
    best: _Cut | None = None
    for key in _KEY_LINE.finditer(text):
        blank = _BLANK_LINES.match(text, key.end() + 1)  # always matches (maybe nothing)
        first = blank.end() if blank else key.end() + 1
        if first >= len(text) or not (entry := _ENTRY.match(text, first)):
            continue
        indent = len(entry.group(1))
        # A line as little indented as the entries, or less, that is neither blank nor a comment:
        # an entry if it starts with `-` at the entries' indentation, else the end of the list.
        shallow = re.compile(rf"^ {{0,{indent}}}(?=[^ ])(?![ \t]*(?:#|\r?$))", re.MULTILINE)
        starts, end = [first], len(text)
        for line in shallow.finditer(text, first + 1):
            at = line.start()
            if line.end() - at == indent and _ENTRY.match(text, at):
                starts.append(at)
            else:
                end = at
                break
        if best is None or len(starts) > len(best.starts) - 1:
            starts.append(end)
            key_line = text.count("\n", 0, key.start())
            lines = [key_line + text.count("\n", key.start(), starts[0])]
            for one, other in itertools.pairwise(starts):
                lines.append(lines[-1] + text.count("\n", one, other))
            best = _Cut(key.group(1), key_line, starts, lines)
    return best if best is not None and len(best.starts) > 2 else None


def _in_pieces(text: str, display: str, known: dict[str, _Entry], made: dict[str, _Entry]) -> YamlDocument | None:
    """The document read in pieces (entries from `known` when their text is the same; every
    entry used is put in `made`), or None when the file cannot be read so."""
    cut = _cut(text)
    if cut is None:
        return None
    starts = cut.starts
    entries: list[tuple[int, _Entry]] = []
    count = 0
    for begin, end, first in zip(starts, starts[1:], cut.lines, strict=False):
        piece = text[begin:end]
        entry = known.get(piece) or made.get(piece)
        if entry is None:
            try:
                document, plain = _parse(piece, display, depth=1)
            except DataErrors:
                return None
            if not plain or not isinstance(document.data, list) or len(document.data) != 1:
                return None
            inside = [(path[1:], line - 1, column) for path, (line, column) in document.marks.items() if path]
            entry = _Entry(document.data[0], inside)
        made[piece] = entry
        entries.append((first, entry))
        count += len(entry.marks)
    rest = text[: starts[0]] + "\n" * (cut.lines[-1] - cut.lines[0]) + text[starts[-1] :]
    try:
        document, plain = _parse(rest, display)
    except DataErrors:
        return None
    data, key = document.data, cut.key
    if not plain or not isinstance(data, dict) or key not in data or data[key] is not None:
        return None
    if document.marks.get((key,)) != (cut.key_line + 1, 1) or count + len(document.marks) > MAX_NODES:
        return None
    marks = dict(document.marks)
    for index, (first, entry) in enumerate(entries):
        for path, line, column in entry.marks:
            marks[(key, index, *path)] = (first + line + 1, column)
    return YamlDocument(display, {**data, key: [entry.value for _, entry in entries]}, marks)


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

    def document(self, root: Node, depth: int = 0) -> YamlDocument:
        try:
            data = self.value(root, (), depth)
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
