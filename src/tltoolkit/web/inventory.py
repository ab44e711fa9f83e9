"""What the role inventory page adds to each row: a one-line summary and the word filter's index."""

from __future__ import annotations

import re

from ..source.catalog import Catalog
from ..source.models import Role
from ..source.words import FilterIndex

# A sentence ends at . ! or ? followed by a space and a capital letter or digit (not "e.g. the").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def one_line(role: Role) -> str:
    """The role's one-line summary: its tagline when the data gives one, else its summary's first sentence."""
    if role.tagline:
        return role.tagline
    return _SENTENCE_END.split(" ".join(role.summary.split()), maxsplit=1)[0]


def filter_index(catalog: Catalog) -> FilterIndex:
    """The word filter's index over every role's title, summary and responsibilities."""
    texts = {role.id: [role.title, role.summary, *role.responsibilities] for role in catalog.roles}
    groups = [group.terms for group in catalog.synonyms.groups] if catalog.synonyms else []
    return FilterIndex(texts, groups)


# The inventory's orders: value in the address (?sort=), label; "" is the page's own, by area.
SORTS = {"": "Area", "title": "Title (A to Z)", "held": "When held", "filled": "Who fills it"}
