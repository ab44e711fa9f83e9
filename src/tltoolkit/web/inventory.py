"""What the role inventory page adds to each row: a one-line summary and the word filter's index."""

from __future__ import annotations

from ..content.role_facts import one_line
from ..source.catalog import Catalog
from ..source.words import FilterIndex

__all__ = ["SORTS", "filter_index", "one_line"]  # one_line: the printed inventory shows it too


def filter_index(catalog: Catalog) -> FilterIndex:
    """The word filter's index over every role's title, summary and responsibilities."""
    texts = {role.id: [role.title, role.summary, *role.responsibilities] for role in catalog.roles}
    groups = [group.terms for group in catalog.synonyms.groups] if catalog.synonyms else []
    return FilterIndex(texts, groups)


# The inventory's orders: value in the address (?sort=), label; "" is the page's own, by area.
SORTS = {"": "Area", "title": "Title (A to Z)", "held": "When held", "filled": "Who fills it"}
