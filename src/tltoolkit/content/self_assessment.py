"""The school-conditions self-assessment, shared by the fillable PDF and the check on /conditions/:
the rating scale, and what the web check needs to order conditions and suggest what to do."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence

from ..source.catalog import Catalog
from .crossrefs import resolve_all

# The rating scale, lowest first; a rating is its position counted from 1.
RATINGS: tuple[str, ...] = ("Not yet", "Getting started", "Partly in place", "Fully in place")


def sign_key(text: str) -> str:
    """A sign's identity in the answers the page saves: the first 8 hex digits of the SHA-256 of
    its words (Unicode NFC, runs of whitespace as one space, case folded). A tick follows the sign's
    text, not its place in the list, so a district that reorders or edits the signs never finds a
    saved tick on a different sign (an edited sign is a new sign: its old tick is dropped)."""
    words = " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:8]


def sign_keys(signs: Sequence[str]) -> list[str]:
    """The keys of one condition's signs, in order; a repeated sign gets `-2`, `-3`... so every
    box on the page has its own key."""
    keys: list[str] = []
    for text in signs:
        key = base = sign_key(text)
        n = 1
        while key in keys:
            n += 1
            key = f"{base}-{n}"
        keys.append(key)
    return keys


def check_data(catalog: Catalog) -> dict[str, object]:
    """What the page's script needs beyond the page's own markup: the scale, and per condition its
    name, its signs' keys in page order (`sign_keys`, the same as the boxes' `data-sign`), its
    strategies and what its `see_also` points at.

    Conditions are tied to principal moves only through `see_also` ('move:<skill>/<id>'):
    conditions name no skills, so there is no shared-skill relation to derive one from. The links'
    targets are not here: the page takes each href from the condition's own "See also" list, which
    MkDocs has resolved for the site and for the offline copy alike (same order as `links`)."""
    return {
        "ratings": list(RATINGS),
        "conditions": [
            {
                "id": condition.id,
                "name": condition.name,
                "signs": sign_keys(condition.signs),
                "strategies": list(condition.strategies),
                "links": [
                    {"kind": link.kind, "title": link.title, "skill": link.skill}
                    for link in resolve_all(catalog, condition.see_also)
                ],
            }
            for condition in catalog.conditions
        ],
    }
