"""What data text may contain, and how it is written into each output: the one place for both.

The policy. Every text field in the data (titles, names, summaries, lists of
responsibilities, guidance, notes, authors...) is plain text, everywhere it appears: on
a web page, in a PDF and in a Word file. There is no Markdown, no HTML and no link in
the data, so nobody editing a YAML file can add a script, an event handler, a
`javascript:` or remote link, an image, a frame or a stylesheet to the published site
or the documents, on purpose or by pasting. What an editor types is what a reader
sees: `grades <3`, `*not emphasis*` and `<script>` all show as those characters.

Why not a Markdown subset in prose fields: the same text also fills the PDFs and the
Word files, where Markdown would show as stray asterisks unless rendered three ways,
and no field in the data needs emphasis or links (links between roles, skills and
guides come from ids, written by the templates).

How each output applies it:

- Markdown pages (`markdown`): whitespace folded to single spaces, then every
  character that HTML or one of the enabled Markdown extensions acts on (`& < > " '`,
  `` \\ ` * _ [ ] | # ~ ! ``, the `{ }` of attr_list, which could otherwise add
  `onclick=` or `style=` to a heading or table cell) written as a numeric character
  reference, plus a line-start list, definition or heading marker. A reference is
  shown as its character by the browser and is inert to Markdown.
- HTML attributes and raw HTML blocks in page templates (`markdown` too: the same
  references are valid there); page front matter (`front_matter`), which the theme
  prints into `<title>` and `<meta>` unescaped.
- Print HTML for WeasyPrint: Jinja autoescaping (`documents/html.py`); data never
  supplies a URL, and the URL fetcher refuses anything but the project's own files.
- Word: python-docx writes text runs (XML-escaped), never fields or hyperlinks.

Cost: each character reference is one match of Python-Markdown's inline processor, which
rebuilds the text of the element for every match, so one field's work grows with the square of
its length (a 600 KB field of `&` took minutes). No spelling of the text avoids that: every
character that must be escaped costs one match whatever its form (`\\*` too). The length caps
in `models.py` bound it instead: a 3,000-character paragraph of nothing but escaped characters
takes tens of milliseconds, ordinary prose of that length a few, so a build's work grows in
step with the number of fields.

Characters no output can carry (control characters other than tab and line breaks,
lone surrogates from a `"\\ud800"` escape, U+FFFE/U+FFFF) are refused when the YAML is
read, with the file, line and field (`forbidden_character`), instead of crashing the
Word writer or the page writer later.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata

# HTML's own characters and those Python-Markdown or an enabled extension acts on.
_ACTIVE = re.compile(r"[&<>\"'\\`*_\[\]|#~{}!]")
# A marker that makes a line a list item, a definition or a setext underline when the
# text starts a line in the template (`1. `, `- `, `+ `, `: `, `=`).
_BLOCK_START = re.compile(r"\d{1,9}[.)]|[-+:=]")


def _reference(match: re.Match[str]) -> str:
    return f"&#{ord(match.group())};"


def fold(value: object) -> str:
    """Runs of whitespace (line breaks included) become one space; ends trimmed."""
    return " ".join(str(value).split())


def markdown(value: object) -> str:
    """Data text for a Markdown page, an HTML block or an attribute value: shown as typed, never markup."""
    text = _ACTIVE.sub(_reference, fold(value))
    if marker := _BLOCK_START.match(text):
        end = marker.end()
        text = f"{text[: end - 1]}&#{ord(text[end - 1])};{text[end:]}"
    return text


def front_matter(value: object) -> str:
    """A front-matter string (title, description). The theme prints these into HTML
    without escaping (in <title>, meta tags and attributes), so escape them here; JSON
    quoting makes any text a valid YAML scalar."""
    return json.dumps(html.escape(fold(value), quote=True), ensure_ascii=False)


def search_text(value: object) -> str:
    """Text the role filter matches typed words against: lower case, accents removed
    (as roles.js does), escaped for the attribute that carries it."""
    folded = unicodedata.normalize("NFD", fold(value).lower())
    return markdown("".join(char for char in folded if not unicodedata.combining(char)))


# Control characters except tab, line feed, carriage return and next line (U+0085);
# surrogates; the two non-characters XML forbids.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def forbidden_character(text: str) -> str | None:
    """Why `text` cannot be published (the first bad character named), or None when it can."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    code = f"U+{ord(found.group()):04X}"
    if unicodedata.category(found.group()) == "Cs":
        return f"contains {code}, half of a surrogate pair, which is not a character; delete it"
    if found.group() in "\ufffe\uffff":
        return f"contains {code}, which is not a character; delete it"
    return f"contains the control character {code}, which cannot be printed; delete it"
