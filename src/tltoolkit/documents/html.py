"""Print HTML from the catalog: one Jinja template per document kind, autoescaped.

Data fields are plain text, so Jinja's HTML autoescaping is all they need; the same
content objects as the web pages (`content.job_description`) fill the templates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context

from ..content import labels
from ..content.stewardship import Review
from ..content.texts import GUIDE

HERE = Path(__file__).parent


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,  # a typo in a template fails the build, not the document
        auto_reload=False,  # one environment per build: templates cannot change within it
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(labels.FILTERS)
    env.filters["stewardship"] = _stewardship
    env.filters["write_in_mm"] = write_in_mm
    return env


# Room to write by hand for a timed part of a meeting: a line (about 7 mm of handwriting) for
# every few minutes, never so little that a note does not fit nor so much that one step fills a page.
WRITE_IN_MM = (20, 1.5, 48)  # at least, per minute, at most


def write_in_mm(minutes: int | None) -> int:
    """Height in millimetres of the notes box for a part of a meeting that takes `minutes`."""
    least, per_minute, most = WRITE_IN_MM
    return round(min(most, max(least, 10 + per_minute * (minutes or 0))))


@pass_context
def _stewardship(context: Context, item: Any) -> str:
    """'Not yet reviewed by …: adapt it before use · Sources: …' (no review-due flag on paper).

    The `review` in the shared context knows the district's name and the bibliography.
    """
    return str(context["review"].line(item))


class HtmlRenderer:
    """Renders `<kind>/template.html` with the context every document shares."""

    def __init__(self, **common: Any) -> None:
        self.env = environment()
        self.common = common
        # Macros imported without context (the guide body) still see the provenance wording.
        self.env.globals["review"] = common.get("review") or Review()
        self.env.globals["guide_words"] = GUIDE

    def render(self, kind: str, **context: Any) -> str:
        return self.env.get_template(f"{kind}/template.html").render(**self.common, **context)
