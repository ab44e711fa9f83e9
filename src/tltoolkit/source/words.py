"""Words as the role filter sees them: folded, split and reduced to a simple stem.

The role inventory's word filter (docs/javascripts/roles-filter.js) matches what a principal
types against each role's title, summary and responsibilities. The page carries, per role, the
words it uses (indexes into one vocabulary for the page) and the synonym groups it mentions
(data/synonyms.yml); phrases such as "English learner" are found here, at build time, because
the page keeps each role's words without their order. The script folds, splits and stems what
is typed with the same rules: `tests/js/fixtures/words.json` holds cases both sides must pass.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

# Words the filter ignores when typed alone; they still count inside a phrase ("English as a second language").
STOP_WORDS = frozenset(
    [
        *("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "of", "on", "or", "so"),
        *("than", "that", "the", "their", "them", "then", "they", "this", "to", "what", "when", "who", "with"),
    ]
)
_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script


def fold(text: str) -> str:
    """Lower case without accents (as the script folds what is typed)."""
    if text.isascii():  # no accents to take off: most text, and 13 million characters at 5,000 roles
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokens(text: str) -> list[str]:
    """The words of `text`, folded, in order; punctuation and hyphens separate words."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=1 << 16)  # the same few thousand words, a million times at 5,000 roles
def stem(word: str) -> str:
    """A light English stem, so coach, coaches, coaching and coached meet ("coach").

    Plural -s/-es/-ies, then -ing/-ed/-ied, then a doubled final consonant and a final e.
    Short words keep their letters (acronyms such as ELL, IEP, PLC), except a plural s (ELs)."""
    if not word.isalpha():
        return word
    if len(word) <= 3:
        return word[:-1] if len(word) == 3 and word.endswith("s") and not word.endswith("ss") else word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses") or (word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh"))):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ied") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word) >= 6:
        word = word[:-3]
    elif word.endswith("ed") and len(word) >= 5:
        word = word[:-2]
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeioulsz":
        word = word[:-1]
    if len(word) >= 4 and word.endswith("e"):
        word = word[:-1]
    return word


def stems(text: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in tokens(text))


class TermIndex:
    """The synonym groups' terms as stem sequences, to find which groups a text mentions."""

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        self.groups = [[" ".join(tokens(term)) for term in terms] for terms in groups]
        self._starts: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for number, terms in enumerate(groups):
            for term in terms:
                sequence = stems(term)
                if sequence:
                    self._starts.setdefault(sequence[0], []).append((sequence, number))

    def groups_in(self, texts: Iterable[str]) -> list[int]:
        """Numbers of the groups one of whose terms appears, as whole words, in one of `texts`."""
        found: set[int] = set()
        for text in texts:  # one field at a time: a phrase does not run from a title into a summary
            words = stems(text)
            for i, word in enumerate(words):
                for sequence, number in self._starts.get(word, ()):
                    if words[i : i + len(sequence)] == sequence:
                        found.add(number)
        return sorted(found)


class FilterIndex:
    """What the inventory page carries for the word filter: one vocabulary, and per role its words and groups."""

    def __init__(self, texts_by_role: dict[str, list[str]], groups: Sequence[Sequence[str]]) -> None:
        self.terms = TermIndex(groups)
        words_by_role = {role: list(_role_words(tuple(texts))) for role, texts in texts_by_role.items()}
        counts = Counter(word for words in words_by_role.values() for word in words)
        # Most used first, so the commonest words get the shortest numbers.
        self.vocabulary = sorted(counts, key=lambda word: (-counts[word], word))
        number = {word: _base36(i) for i, word in enumerate(self.vocabulary)}  # each word's once, not each use
        self._words = {role: " ".join(number[w] for w in words) for role, words in words_by_role.items()}
        terms = tuple(map(tuple, groups))
        self._groups = {role: self._groups_of(terms, tuple(texts)) for role, texts in texts_by_role.items()}

    def _groups_of(self, terms: tuple[tuple[str, ...], ...], texts: tuple[str, ...]) -> str:
        """Kept per role's texts across builds (`mkdocs serve` rebuilds after each edit)."""
        key = (terms, texts)
        if (found := _GROUPS_SEEN.get(key)) is None:
            if len(_GROUPS_SEEN) > _KEEP:
                _GROUPS_SEEN.clear()
            found = _GROUPS_SEEN[key] = " ".join(map(str, self.terms.groups_in(texts)))
        return found

    def words(self, role_id: str) -> str:
        """The role's words as base-36 numbers into the vocabulary, space-separated."""
        return self._words[role_id]

    def groups(self, role_id: str) -> str:
        """Numbers of the synonym groups the role's text mentions, space-separated."""
        return self._groups[role_id]

    def script_json(self) -> str:
        """The vocabulary, synonym groups and stop words as JSON safe inside a <script> element."""
        data = {"words": self.vocabulary, "groups": self.terms.groups, "stop": sorted(STOP_WORDS)}
        text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
        # Tokens hold letters and digits only; escaping these as well keeps any future field inert.
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_KEEP = 1 << 15  # roles' results kept between builds (a few MB at most)
_GROUPS_SEEN: dict[tuple[tuple[tuple[str, ...], ...], tuple[str, ...]], str] = {}


@functools.lru_cache(maxsize=_KEEP)
def _role_words(texts: tuple[str, ...]) -> tuple[str, ...]:
    """A role's words (title, summary, responsibilities), first use first, without stop words."""
    return tuple(dict.fromkeys(w for text in texts for w in tokens(text) if w not in STOP_WORDS))


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out
