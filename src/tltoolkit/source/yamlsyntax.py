"""YAML syntax errors in the words of the person editing the file, at the line they have to change.

PyYAML says `expected <block end>, but found '?'` where the parser gave up, often a line after
the slip. These functions read the lines around that spot to say what is wrong in a sentence
(indentation that does not line up, a tab, a ': ' in unquoted text, a quote left open ...)
and point at the line out of step; the parser's own words follow as a detail.
tests/cases/yaml_syntax/ holds the common mistakes with their messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from .errors import DataError


def syntax_error(exc: yaml.MarkedYAMLError, text: str, display: str) -> DataError:
    """A PyYAML syntax error as a sentence, at the line the editor has to change, the parser's words kept."""
    parser = exc.problem or exc.context or "unreadable YAML"
    if exc.context and parser.startswith("but "):  # "expected a single document in the stream but found another"
        parser = f"{exc.context} {parser}"
    try:
        line, column, sentence = _explain(exc, text)
    except Exception:
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
        return here(
            "a tab character: YAML needs spaces for indentation and after ':'; replace the tab with spaces",
            c=current.find("\t") if "\t" in current else col,
        )
    if "quoted scalar" in context and start is not None:
        if "end of stream" in problem or "document separator" in problem:
            return here(
                f"unclosed quote: the quote ({_char(lines, start)}) that starts this text is never closed; "
                "add the closing quote at the end of the text",
                start.line,
                start.column,
            )
        if "escape" in problem:  # point at the backslash, not the letter after it
            backslash = current.rfind("\\", 0, col + 1)
            sentence = (
                "a backslash in double quotes starts an escape such as \\n, and this one is not; "
                "write \\\\ for a backslash, or use single quotes"
            )
            return here(sentence, c=backslash if backslash >= 0 else col)
    if isinstance(exc, yaml.parser.ParserError) and (open_quote := _runaway_quote(text, exc.problem_mark)):
        first, last = open_quote.start_mark, open_quote.end_mark
        return here(
            f"unclosed quote: the quote ({_char(lines, first)}) that starts this text closes only on line "
            f"{last.line + 1}; add the closing quote at the end of this line's text",
            first.line,
            first.column,
        )
    if problem == "mapping values are not allowed here":
        return _mapping_value(lines, row, col)
    if problem.startswith(_BLOCK_END):
        found = problem.removeprefix(_BLOCK_END)
        if found == "'?'":
            return _field_in_list(lines, row)
        if found == "'-'" and (above := _before(lines, row)) is not None and lines[above].lstrip().startswith("-"):
            return _misaligned(lines, row)  # an item out of line with the items above it
        if found == "'-'":
            return here(
                "a list item ('- ') where a field was expected: remove the '- ', or put the list under a field "
                "name of its own, its items indented below it",
                c=_indent(current),
            )
        if found == "'<scalar>'":
            return _after_value(exc, text, lines, row, col)
        return _misaligned(lines, row)
    if problem.startswith("expected '<document start>'"):
        return _misaligned(lines, row)
    if "could not find expected ':'" in problem and start is not None:
        return here(
            "this line is neither a field ('name: value') nor indented under one: indent it under the field "
            "it belongs to, or add the missing ':'",
            start.line,
            _indent(lines[start.line]),
        )
    if "flow" in context and (opener := _open_bracket(text, exc.problem_mark)) is not None:
        char = _char(lines, opener)
        closer, kind = ("]", "list") if char == "[" else ("}", "mapping")
        return here(
            f"the '{char}' here starts a {kind} that is never closed with '{closer}': close it, or put the "
            "text in quotes if it is meant as text",
            opener.line,
            opener.column,
        )
    if ("scanning an anchor" in context or "scanning an alias" in context) and start is not None:
        char = _char(lines, start)
        return here(f"a value cannot start with '{char}': put the text in quotes", start.line, start.column)
    if "cannot start any token" in problem:
        char = current[col] if col < len(current) else "?"
        return here(f"a value cannot start with '{char}': put the text in quotes")
    if "undefined alias" in problem:
        return here("a value cannot start with '*' (it would refer to another value): put the text in quotes")
    if "block scalar" in context and start is not None:
        sentence = (
            "'|' or '>' at the start of a value begins a block of text on the lines below it; "
            "to start the text with it, put the text in quotes"
        )
        return here(sentence, start.line, start.column)
    if "another document" in problem:
        return here(
            "a line '---' starts a second document, and a data file holds one: remove the line and "
            "what follows it, or merge the two"
        )
    return here(
        "the file cannot be read from here on: check this line and the one above for a missing ':', "
        "indentation that does not line up, or text that needs quotes"
    )


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
    if _FIELD.match(current[:col]) or (current[:col].lstrip().startswith("- ") and ":" in current[:col]):
        return row + 1, col + 1, "a ': ' inside unquoted text: put the whole text in quotes (\"...\")"
    above = _before(lines, row)
    if above is not None and (glued := re.search(r"^\s*(?:-\s+)?[^\s:#]+:(?=\S)", lines[above])):
        return above + 1, glued.end() + 1, "a ':' after a field name needs a space after it: write 'name: value'"
    if above is not None and _FIELD.match(current) and (odd := _odd_above(lines, row, above)) is not None:
        return odd
    if above is not None and _FIELD.match(current) and (shift := _indent(current) - _key_column(lines[above])) > 0:
        return (
            row + 1,
            _indent(current) + 1,
            (
                f"this line is indented {shift} {'space' if shift == 1 else 'spaces'} more than the field above it "
                f"(line {above + 1}): a field must line up with the fields beside it"
            ),
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


_RULES = {
    True: "a list item must line up with the items beside it",
    False: "a field must line up with the fields beside it",
}


def _differs(row: int, here: int, there: int, other: int, item: bool) -> tuple[int, int, str]:
    return (
        row + 1,
        here + 1,
        (
            f"this line is indented differently from the lines around it ({here} {'space' if here == 1 else 'spaces'} "
            f"here, {there} on line {other + 1}): {_RULES[item]}"
        ),
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
    here = _indent(lines[row])
    above = (r for r in range(row - 1, -1, -1) if _content(lines[r]) and _kind(lines[r]) != "text")
    return next((r for r in above if _indent(lines[r]) < here), None)


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
    usual = _key_column(lines[parent]) + 2 if parent is not None else None
    if first and here == usual != there and kind == _kind(lines[above]):
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
            return (
                row + 1,
                here + 1,
                (
                    f"a field where a list item ('- ') was expected: indent it by {column} spaces to line up with the "
                    f"fields of the item on line {r + 1}, or start a new item with '- '"
                ),
            )
    return row + 1, here + 1, "a field where a list item ('- ') was expected: indent it under the item it belongs to"


def _after_value(exc: yaml.MarkedYAMLError, text: str, lines: list[str], row: int, col: int) -> tuple[int, int, str]:
    """More text after a value that ended: a quote closed early (often an apostrophe), or text after ']'."""
    quoted = _quoted_before(text, exc.problem_mark)
    if quoted is not None and quoted.start_mark.line < quoted.end_mark.line:
        start = quoted.start_mark
        return (
            start.line + 1,
            start.column + 1,
            (
                f"unclosed quote: the quote ({_char(lines, start)}) that starts this text closes only on line "
                f"{quoted.end_mark.line + 1}; add the closing quote at the end of this line's text"
            ),
        )
    if (block := _block_text(lines, row)) is not None:
        return block
    previous = lines[row][:col].rstrip()
    if quoted is not None and quoted.style == "'":
        return (
            row + 1,
            col + 1,
            (
                "text goes on after the closing quote: inside single quotes write an apostrophe "
                "twice ('it''s'), or put the text in double quotes"
            ),
        )
    if quoted is not None:
        return (
            row + 1,
            col + 1,
            (
                "text goes on after the closing quote: put the whole text in quotes, and a quote "
                'inside double quotes as \\" (or use single quotes)'
            ),
        )
    if previous.endswith(("]", "}")):
        return (
            row + 1,
            col + 1,
            (
                "text goes on after ']' or '}': a value that starts with '[' or '{' is read as a "
                "list or mapping; put the whole text in quotes"
            ),
        )
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
    item = re.match(r"\s*-\s+[>|]", lines[header])
    usual = (_indent(lines[header]) if item else _key_column(lines[header])) + 2
    shift = f"{there - here} {'space' if there - here == 1 else 'spaces'}"
    if (first == row - 1 and here == usual != there) or (first < row - 1 and _indent(lines[row - 1]) == here):
        return (
            first + 1,
            there + 1,
            (  # the first line was pushed right: the lines after it agree
                f"this line is indented {shift} more than the lines of text after it (line {row + 1}): "
                "the lines of one text must start at one column"
            ),
        )
    return (
        row + 1,
        here + 1,
        (
            f"this line is indented {shift} less than the text above it (line {first + 1}, after the "
            f"'{indicator}' on line {header + 1}): the lines of one text must start at one column"
        ),
    )


def _tokens(text: str) -> Iterator[yaml.Token]:
    """The file's tokens, from libyaml when present (a 20 MB file scans in seconds, not minutes)."""
    return yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _runaway_quote(text: str, mark: yaml.Mark | None) -> yaml.ScalarToken | None:
    """A quoted text before `mark` that runs over lines that look like fields: its closing quote is missing."""
    if mark is None:
        return None
    try:
        for token in _tokens(text):
            if token.start_mark.index >= mark.index:
                return None
            multiline = token.start_mark.line < token.end_mark.line
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"') and multiline:
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
        for token in _tokens(text):
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
        for token in _tokens(text):
            if token.start_mark.index >= mark.index:
                break
            last = token
    except yaml.YAMLError:
        pass
    return last if isinstance(last, yaml.ScalarToken) and last.style in ("'", '"') else None
