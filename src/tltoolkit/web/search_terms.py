"""The words of a role's responsibilities that site search needs and the page's indexed text lacks.

Every visitor's browser downloads the search index, so a role page puts only its title and
summary there in full (the summary is what a search result shows). Its responsibilities would
more than double that; instead the index gets each of their words once, leaving out the words
the title and summary already have, the common words search ignores anyway, and repeats of a
word with another ending ("coach", "coaches", "coaching"). A word found only in a
responsibility then still finds the role, for about half the bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..source.models import Role

# The words Material's search (lunr) drops from queries and pages in English: no use indexing them.
STOP_WORDS = frozenset(
    [
        "a",
        "able",
        "about",
        "across",
        "after",
        "all",
        "almost",
        "also",
        "am",
        "among",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "but",
        "by",
        "can",
        "cannot",
        "could",
        "dear",
        "did",
        "do",
        "does",
        "either",
        "else",
        "ever",
        "every",
        "for",
        "from",
        "get",
        "got",
        "had",
        "has",
        "have",
        "he",
        "her",
        "hers",
        "him",
        "his",
        "how",
        "however",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "just",
        "least",
        "let",
        "like",
        "likely",
        "may",
        "me",
        "might",
        "most",
        "must",
        "my",
        "neither",
        "no",
        "nor",
        "not",
        "of",
        "off",
        "often",
        "on",
        "only",
        "or",
        "other",
        "our",
        "own",
        "rather",
        "said",
        "say",
        "says",
        "she",
        "should",
        "since",
        "so",
        "some",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "tis",
        "to",
        "too",
        "twas",
        "us",
        "wants",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "yet",
        "you",
        "your",
    ]
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")  # search splits words at hyphens too
# Words too general to tell one role from another ("each", "such", "within"): left out to save bytes.
GENERAL_WORDS = frozenset(
    [
        "each",
        "such",
        "before",
        "within",
        "through",
        "using",
        "back",
        "out",
        "see",
        "give",
        "keep",
        "same",
        "including",
        "first",
        "second",
        "two",
        "three",
        "new",
        "more",
        "well",
        "over",
        "up",
        "way",
        "ways",
        "both",
        "per",
    ]
)


@lru_cache(maxsize=1 << 16)  # a few thousand distinct words, met a million times at 5,000 roles
def _stem(word: str) -> str:
    """One form for a word's plural and verb forms ("meetings", "meeting", "meet"), enough for this."""
    if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
        word = word[:-1]
    for ending in ("ing", "ed", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _words(text: str) -> Iterable[str]:
    return (match.group().lower() for match in _WORD.finditer(text))


def extra_terms(indexed: str, more: Iterable[str]) -> str:
    """The distinct words of `more` (in their order) that `indexed` lacks, space-separated."""
    seen = {_stem(word) for word in _words(indexed)}
    kept: list[str] = []
    for text in more:
        for word in _words(text):
            stem = _stem(word)
            if len(word) < 2 or word in STOP_WORDS or word in GENERAL_WORDS or stem in seen:
                continue
            seen.add(stem)
            kept.append(word)
    return " ".join(kept)


def role_terms(role: Role) -> str:
    """The words of a role's responsibilities that its title and summary do not already hold."""
    return extra_terms(f"{role.title} {role.summary}", role.responsibilities)
