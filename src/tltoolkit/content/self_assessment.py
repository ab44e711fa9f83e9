"""The school-conditions self-assessment, shared by the fillable PDF and the check on /conditions/:
the rating scale, and what the web check needs to order conditions and suggest what to do."""

from __future__ import annotations

from ..source.catalog import Catalog
from .crossrefs import resolve_all

# The rating scale, lowest first; a rating is its position counted from 1.
RATINGS: tuple[str, ...] = ("Not yet", "Getting started", "Partly in place", "Fully in place")


def check_data(catalog: Catalog) -> dict[str, object]:
    """What the page's script needs beyond the page's own markup: the scale, and per condition its
    name, how many signs it has, its strategies and what its `see_also` points at.

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
                "signs": len(condition.signs),
                "strategies": list(condition.strategies),
                "links": [
                    {"kind": link.kind, "title": link.title, "skill": link.skill}
                    for link in resolve_all(catalog, condition.see_also)
                ],
            }
            for condition in catalog.conditions
        ],
    }
