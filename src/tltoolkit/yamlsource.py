"""Read one YAML data file safely, keeping the line and column of every value.

PyYAML's `compose` gives a node tree with positions; we turn it into plain Python
values ourselves so that duplicate keys, unknown tags and runaway aliases become
`DataError`s naming the spot, and so later errors (pydantic, references) can be
mapped back to the line the editor has to change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import re

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import DataError, DataErrors
from .safe_text import forbidden_character

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


def read_yaml(path: Path, display: str) -> YamlDocument:
    """Parse `path`; raise DataErrors (naming `display`) for anything unreadable."""
    raw = path.read_bytes()
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
    return _Converter(display).document(root)


_SLOW = object()


def _compose_fast(text: str) -> Node | None | object:
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
    except Exception:  # noqa: BLE001 - the Python loader reports it precisely
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


# --- syntax errors, in the words of the person editing the file ----------------------


def syntax_error(exc: yaml.MarkedYAMLError, text: str, display: str) -> DataError:
    """A PyYAML syntax error as a sentence, at the line the editor has to change, the parser's words kept."""
    parser = exc.problem or exc.context or "unreadable YAML"
    try:
        line, column, sentence = _explain(exc, text)
    except Exception:  # noqa: BLE001 - an odd file must still get its message, never a traceback
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        sentence = "the file cannot be read from here on"
    return DataError(display, line, column, "", f"YAML syntax error: {sentence} (parser: {parser})")


_FIELD = re.compile(r"^\s*(?:-\s+)?[\w-]+:(?:\s|$)")  # a field name and its ':' at the start of a line
_BLOCK_END = "expected <block end>, but found "


def _explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """(line, column, sentence), 1-based; the line is the one to change, not always where the parser stopped."""
    lines = text.splitlines() or [""]
    problem, context = exc.problem or "", exc.context or ""
    at = exc.problem_mark or exc.context_mark
    row, col = (at.line, at.column) if at else (0, 0)
    row = min(row, len(lines) - 1)
    current = lines[row] if row < len(lines) else ""
    start = exc.context_mark

    def here(sentence: str, r: int = row, c: int | None = None) -> tuple[int, int, str]:
        return r + 1, (col if c is None else c) + 1, sentence

    if "'\\t'" in problem or "\t" in current[: _indent(current) + 1]:
        return here("a tab character: YAML needs spaces for indentation and after ':'; replace the tab with spaces",
                    c=current.find("\t") if "\t" in current else col)
    if "quoted scalar" in context and start is not None:
        if "end of stream" in problem or "document separator" in problem:
            return here(f"unclosed quote: the quote ({_char(lines, start)}) that starts this text is never closed; "
                        "add the closing quote at the end of the text", start.line, start.column)
        if "escape" in problem:  # point at the backslash, not the letter after it
            backslash = current.rfind("\\", 0, col + 1)
            sentence = ("a backslash in double quotes starts an escape such as \\n, and this one is not; "
                        "write \\\\ for a backslash, or use single quotes")
            return here(sentence, c=backslash if backslash >= 0 else col)
    if isinstance(exc, yaml.parser.ParserError) and (open_quote := _runaway_quote(text, exc.problem_mark)):
        first, last = open_quote.start_mark, open_quote.end_mark
        return here(f"unclosed quote: the quote ({_char(lines, first)}) that starts this text closes only on line "
                    f"{last.line + 1}; add the closing quote at the end of this line's text", first.line, first.column)
    if problem == "mapping values are not allowed here":
        return _mapping_value(lines, row, col)
    if problem.startswith(_BLOCK_END):
        found = problem.removeprefix(_BLOCK_END)
        if found == "'?'":
            return _field_in_list(lines, row)
        if found == "'-'" and (above := _before(lines, row)) is not None and lines[above].lstrip().startswith("-"):
            return _misaligned(lines, row)  # an item out of line with the items above it
        if found == "'-'":
            return here("a list item ('- ') where a field was expected: remove the '- ', or put the list under a field "
                        "name of its own, its items indented below it", c=_indent(current))
        if found == "'<scalar>'":
            return _after_value(exc, text, lines, row, col)
        return _misaligned(lines, row)
    if problem.startswith("expected '<document start>'"):
        return _misaligned(lines, row)
    if "could not find expected ':'" in problem and start is not None:
        return here("this line is neither a field ('name: value') nor indented under one: indent it under the field "
                    "it belongs to, or add the missing ':'", start.line, _indent(lines[start.line]))
    if "flow" in context and (opener := _open_bracket(text, exc.problem_mark)) is not None:
        char = _char(lines, opener)
        closer, kind = ("]", "list") if char == "[" else ("}", "mapping")
        return here(f"the '{char}' here starts a {kind} that is never closed with '{closer}': close it, or put the "
                    "text in quotes if it is meant as text", opener.line, opener.column)
    if ("scanning an anchor" in context or "scanning an alias" in context) and start is not None:
        char = _char(lines, start)
        return here(f"a value cannot start with '{char}': put the text in quotes", start.line, start.column)
    if "cannot start any token" in problem:
        char = current[col] if col < len(current) else "?"
        return here(f"a value cannot start with '{char}': put the text in quotes")
    if "undefined alias" in problem:
        return here("a value cannot start with '*' (it would refer to another value): put the text in quotes")
    if "block scalar" in context and start is not None:
        sentence = ("'|' or '>' at the start of a value begins a block of text on the lines below it; "
                    "to start the text with it, put the text in quotes")
        return here(sentence, start.line, start.column)
    if "another document" in problem:
        return here("a line '---' starts a second document, and a data file holds one: remove the line and "
                    "what follows it, or merge the two")
    return here("the file cannot be read from here on: check this line and the one above for a missing ':', "
                "indentation that does not line up, or text that needs quotes")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _char(lines: list[str], mark: yaml.Mark) -> str:
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if mark.column < len(line) else ""


def _before(lines: list[str], row: int) -> int | None:
    """The nearest line above `row` that holds something other than a comment."""
    for r in range(row - 1, -1, -1):
        stripped = lines[r].strip()
        if stripped and not stripped.startswith("#"):
            return r
    return None


def _key_column(line: str) -> int:
    """Where a line's field name starts (after a '- ' that opens a list item)."""
    column = _indent(line)
    while line[column : column + 2] == "- " or line[column:] == "-":
        column += 2
        column += len(line[column:]) - len(line[column:].lstrip(" "))
    return column


def _mapping_value(lines: list[str], row: int, col: int) -> tuple[int, int, str]:
    """'mapping values are not allowed here': a ': ' in unquoted text, a field indented under a value,
    or a ':' with no space after it on the line above."""
    current = lines[row]
    if _FIELD.match(current[:col]) or current[:col].lstrip().startswith("- ") and ":" in current[:col]:
        return row + 1, col + 1, "a ': ' inside unquoted text: put the whole text in quotes (\"...\")"
    above = _before(lines, row)
    if above is not None and (glued := re.search(r"^\s*(?:-\s+)?[^\s:#]+:(?=\S)", lines[above])):
        return above + 1, glued.end() + 1, "a ':' after a field name needs a space after it: write 'name: value'"
    if above is not None and _FIELD.match(current) and (odd := _odd_above(lines, row, above)) is not None:
        return odd
    if above is not None and _FIELD.match(current) and (shift := _indent(current) - _key_column(lines[above])) > 0:
        return row + 1, _indent(current) + 1, (
            f"this line is indented {shift} {'space' if shift == 1 else 'spaces'} more than the field above it "
            f"(line {above + 1}): a field must line up with the fields beside it"
        )
    sentence = "a ': ' inside unquoted text that goes on from the line above: put the whole text in quotes"
    return row + 1, col + 1, sentence


def _misaligned(lines: list[str], row: int) -> tuple[int, int, str]:
    above = _level_above(lines, row)
    if above is not None and (odd := _odd_above(lines, row, above)) is not None:
        return odd
    parent = _parent_line(lines, row)  # or the line taken for the parent is the sibling out of step
    if parent is not None and _kind(lines[parent]) == _kind(lines[row]) and (odd := _odd_above(lines, row, parent)):
        return odd
    current = lines[row]
    here, item = _indent(current), _kind(current) == "item"
    if above is None:
        return row + 1, here + 1, f"this line is indented differently from the lines around it: {_RULES[item]}"
    there = _indent(lines[above]) if item else _key_column(lines[above])
    return _differs(row, here, there, above, item)


_RULES = {True: "a list item must line up with the items beside it", False: "a field must line up with the fields beside it"}


def _differs(row: int, here: int, there: int, other: int, item: bool) -> tuple[int, int, str]:
    return row + 1, here + 1, (
        f"this line is indented differently from the lines around it ({here} {'space' if here == 1 else 'spaces'} "
        f"here, {there} on line {other + 1}): {_RULES[item]}"
    )


def _kind(line: str) -> str:
    stripped = line.lstrip()
    return "item" if stripped.startswith("- ") or stripped == "-" else "field" if _FIELD.match(line) else "text"


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _structure_before(lines: list[str], row: int) -> int | None:
    """The nearest field or list item above `row` (lines of text in between skipped)."""
    for r in range(row - 1, -1, -1):
        if _content(lines[r]) and _kind(lines[r]) != "text":
            return r
    return None


def _level_above(lines: list[str], row: int) -> int | None:
    """The line that set the level `row` breaks: of the fields and items indented more than `row` between
    it and its parent (the first line above indented less), the nearest of the least indented."""
    here, best = _indent(lines[row]), None
    for r in range(row - 1, -1, -1):
        if not _content(lines[r]) or _kind(lines[r]) == "text":
            continue
        if _indent(lines[r]) < here:
            break
        if _indent(lines[r]) > here and (best is None or _indent(lines[r]) < _indent(lines[best])):
            best = r
    return best if best is not None else _structure_before(lines, row)


def _parent_line(lines: list[str], row: int) -> int | None:
    """The nearest field or item above `row` indented less than it."""
    return next((r for r in range(row - 1, -1, -1)
                 if _content(lines[r]) and _kind(lines[r]) != "text" and _indent(lines[r]) < _indent(lines[row])), None)


def _odd_above(lines: list[str], row: int, above: int) -> tuple[int, int, str] | None:
    """The message for `above` when it, not `row` where the parser stopped, is the line out of step:
    the items beside it line up with `row`, or (for the first line under a field) the lines after do."""
    here, kind, there = _indent(lines[row]), _kind(lines[row]), _indent(lines[above])
    item = _kind(lines[above]) == "item"

    def sibling(rows: range) -> int | None:  # the nearest line of `above`'s kind, about its level
        for r in rows:
            if not _content(lines[r]):
                continue
            if _kind(lines[r]) == _kind(lines[above]) and _indent(lines[r]) <= max(here, there):
                return r
            if _indent(lines[r]) <= there:  # out of `above`'s list or mapping
                return None
        return None

    def agrees(r: int) -> bool:  # `r` is out of line with `above` and in line with `row`
        expected = _key_column(lines[r]) if _kind(lines[r]) == "item" and kind == "field" else _indent(lines[r])
        return _indent(lines[r]) != there and expected == here

    if item and (r := sibling(range(above - 1, -1, -1))) is not None and agrees(r):
        return _differs(above, there, _indent(lines[r]), r, item)
    parent = _structure_before(lines, above)
    first = parent is not None and lines[parent].rstrip().endswith(":") and _indent(lines[parent]) < there
    if first and (r := sibling(range(row + 1, len(lines)))) is not None and agrees(r):
        return _differs(above, there, _indent(lines[r]), r, item)
    if first and parent is not None and here == _key_column(lines[parent]) + 2 != there and kind == _kind(lines[above]):
        return _differs(above, there, here, row, item)  # one against one: the usual two-space step decides
    if parent is None and there > here == 0:  # the first line of the file is indented; the rest are not
        return _differs(above, there, here, row, item)
    return None


def _field_in_list(lines: list[str], row: int) -> tuple[int, int, str]:
    """A field at the column of a list's '- ': it belongs to no item."""
    here = _indent(lines[row])
    for r in range(row - 1, -1, -1):
        line = lines[r]
        if line.strip() and not line.lstrip().startswith("#") and _indent(line) < here:
            break  # left the list this line is in
        if _indent(line) == here and line.lstrip().startswith("-"):
            column = _key_column(line)
            return row + 1, here + 1, (
                f"a field where a list item ('- ') was expected: indent it by {column} spaces to line up with the "
                f"fields of the item on line {r + 1}, or start a new item with '- '"
            )
    return row + 1, here + 1, "a field where a list item ('- ') was expected: indent it under the item it belongs to"


def _after_value(exc: yaml.MarkedYAMLError, text: str, lines: list[str], row: int, col: int) -> tuple[int, int, str]:
    """More text after a value that ended: a quote closed early (often an apostrophe), or text after ']'."""
    quoted = _quoted_before(text, exc.problem_mark)
    if quoted is not None and quoted.start_mark.line < quoted.end_mark.line:
        start = quoted.start_mark
        return start.line + 1, start.column + 1, (
            f"unclosed quote: the quote ({_char(lines, start)}) that starts this text closes only on line "
            f"{quoted.end_mark.line + 1}; add the closing quote at the end of this line's text"
        )
    if (block := _block_text(lines, row)) is not None:
        return block
    previous = lines[row][:col].rstrip()
    if quoted is not None and quoted.style == "'":
        return row + 1, col + 1, ("text goes on after the closing quote: inside single quotes write an apostrophe "
                                  "twice ('it''s'), or put the text in double quotes")
    if quoted is not None:
        return row + 1, col + 1, ("text goes on after the closing quote: put the whole text in quotes, and a quote "
                                  "inside double quotes as \\\" (or use single quotes)")
    if previous.endswith(("]", "}")):
        return row + 1, col + 1, ("text goes on after ']' or '}': a value that starts with '[' or '{' is read as a "
                                  "list or mapping; put the whole text in quotes")
    return row + 1, col + 1, "text goes on after the value ended: put the whole text in quotes"


_BLOCK_HEADER = re.compile(r"(?:^|[:-])\s*([>|][-+0-9]*)\s*(?:#.*)?$")  # 'summary: >-' and the like


def _block_text(lines: list[str], row: int) -> tuple[int, int, str] | None:
    """Text at `row` that ends a block ('>-' or '|') too early: its lines do not start at one column."""
    first = None
    for r in range(row - 1, -1, -1):
        if not lines[r].strip():
            continue
        if _BLOCK_HEADER.search(lines[r]):
            break
        if _kind(lines[r]) != "text":
            return None
        first = r
    else:
        return None
    if first is None or _indent(lines[first]) <= _indent(lines[row]):
        return None
    header, here, there = r, _indent(lines[row]), _indent(lines[first])
    indicator = found.group(1) if (found := _BLOCK_HEADER.search(lines[header])) else ">"
    # Where such text usually starts: two spaces in from its field, or from the '- ' of a list item.
    usual = _indent(lines[header]) + 2 if re.match(r"\s*-\s+[>|]", lines[header]) else _key_column(lines[header]) + 2
    shift = f"{there - here} {'space' if there - here == 1 else 'spaces'}"
    if (first == row - 1 and here == usual != there) or (first < row - 1 and _indent(lines[row - 1]) == here):
        return first + 1, there + 1, (  # the first line was pushed right: the lines after it agree
            f"this line is indented {shift} more than the lines of text after it (line {row + 1}): "
            "the lines of one text must start at one column"
        )
    return row + 1, here + 1, (
        f"this line is indented {shift} less than the text above it (line {first + 1}, after the "
        f"'{indicator}' on line {header + 1}): the lines of one text must start at one column"
    )


def _runaway_quote(text: str, mark: yaml.Mark | None) -> yaml.ScalarToken | None:
    """A quoted text before `mark` that runs over lines that look like fields: its closing quote is missing."""
    if mark is None:
        return None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                return None
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"') and token.start_mark.line < token.end_mark.line:
                inside = text[token.start_mark.index : token.end_mark.index].splitlines()[1:]
                if any(_FIELD.match(line) for line in inside):
                    return token
    except yaml.YAMLError:
        pass
    return None


def _open_bracket(text: str, mark: yaml.Mark | None) -> yaml.Mark | None:
    """Where the innermost '[' or '{' still open at `mark` starts."""
    if mark is None:
        return None
    openers: list[yaml.Mark] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
                openers.append(token.start_mark)
            elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)) and openers:
                openers.pop()
    except yaml.YAMLError:
        pass
    return openers[-1] if openers else None


def _quoted_before(text: str, mark: yaml.Mark | None) -> yaml.ScalarToken | None:
    """The quoted scalar that ends right before `mark` (scanning stops at the first token after it)."""
    if mark is None:
        return None
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            last = token
    except yaml.YAMLError:
        pass
    return last if isinstance(last, yaml.ScalarToken) and last.style in ("'", '"') else None


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
        except Exception:  # noqa: BLE001 - PyYAML raises ValueError, OverflowError, AttributeError (`!!timestamp x`)...
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
