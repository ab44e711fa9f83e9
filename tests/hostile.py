"""A copy of the small data set with an attack in every free-text field.

The fields are found by walking the pydantic models, not listed by hand: a field added to
`tltoolkit.source.models` later is covered without touching this file. Identifiers (slugs) and
codes (Literal choices) keep their valid values so the data still loads; every other
string, optional ones included, becomes `payload(tag)`, where `tag` names the field
(`roles.yml roles[0].title`) so a failing check says which field leaked.
"""

from __future__ import annotations

import datetime
import re
import socket
import threading
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from tltoolkit.source import models
from tltoolkit.source.catalog import FILES, GUIDES_DIR

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"

# Set by markup that runs: the browser tests assert it never is.
PWNED = "window.__pwned"


def payload(tag: str, listener: str) -> str:
    """Everything a hostile or careless editor could type, with `listener` (http://127.0.0.1:port/) as bait.

    The attr_list attack (`{: onclick=... }`) must end the text to take effect, so it comes last.
    A field with a length cap (a title: 200 characters) gets the attacks that fit, in this order,
    still ending with the attr_list one, so the data loads and each field is still attacked.
    """
    parts = [
        f"<script>{PWNED}='script {tag}'</script>",
        f'<img src="{listener}img.png" onerror="{PWNED}=\'onerror {tag}\'">',
        f"<svg onload=\"{PWNED}='svg'\"></svg>",
        f"[a link](javascript:{PWNED}='md-link') [b](data:text/html,<script>alert(1)</script>)",
        f"![remote image]({listener}md-image.png) ![file](file:///etc/passwd)",
        f"<{listener}autolink> <javascript:alert(1)>",
        f"<iframe src=\"javascript:{PWNED}='iframe'\"></iframe>",
        f"<style>@import url({listener}style.css);</style>",
        f'<link rel="stylesheet" href="{listener}link.css">',
        f"<a href=\"javascript:{PWNED}='a-href'\" onclick=\"{PWNED}='a-onclick'\">click</a>",
        f'<object data="{listener}object"></object> <base href="{listener}">',
        "&lt;b&gt;entity&lt;/b&gt; &#60;script&#62; &amp;",
        "grades <3 & more > less, *not emphasis* _nor this_ `nor code` ~~x~~ | pipe #",
        "!!! note",
        f"[ref]: javascript:{PWNED}='ref'",
    ]
    last = f'{{: onclick="{PWNED}=\'attr_list {tag}\'" onmouseover="{PWNED}=1" style="position:fixed;inset:0" }}'
    limit = _limit(tag)
    text = " ".join([f"[[{tag}]]", *parts, last])
    if limit is None or len(text) <= limit:
        return text
    last = f'{{: onclick="{PWNED}=1" style="position:fixed;inset:0" }}'  # the short form
    chosen = [f"[[{tag}]]"]
    for part in parts:
        if len(" ".join([*chosen, part, last])) <= limit:
            chosen.append(part)
    return " ".join([*chosen, last])


def hostile_data(target: Path, listener: str = "http://127.0.0.1:9/") -> Path:
    """Write the minimal data set, every free-text field replaced, to `target` (a `data` folder)."""
    target.mkdir(parents=True, exist_ok=True)
    sources = {name: model for name, model in FILES.items()}
    sources.update({f"{GUIDES_DIR}/{path.name}": models.Guide for path in sorted((MINIMAL / GUIDES_DIR).glob("*.yml"))})
    for name, model in sources.items():
        data = yaml.safe_load((MINIMAL / name).read_text(encoding="utf-8"))
        instance = model.model_validate(data)
        poisoned = _poison(instance, f"{name} ", listener)
        out = target / name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(yaml.safe_dump(poisoned, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return target


def free_text_fields() -> list[str]:
    """`Model.field` for every field that holds free text, for reporting what the fixture covers."""
    seen: list[str] = []

    def visit(model: type[BaseModel]) -> None:
        for name, info in model.model_fields.items():
            key = f"{model.__name__}.{name}"
            if _is_free_text(info.annotation, info.metadata) and key not in seen:
                seen.append(key)
            for inner in _models_in(info.annotation):
                visit(inner)

    for model in [*FILES.values(), models.Guide]:
        visit(model)
    return seen


def _poison(instance: BaseModel, where: str, listener: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, info in type(instance).model_fields.items():
        value = getattr(instance, name)
        tag = f"{where}{name}"
        if _is_free_text(info.annotation, info.metadata):
            if isinstance(value, list):
                out[name] = [payload(f"{tag}[{i}]", listener) for i in range(len(value))]
            else:  # optional text is filled in too, so its place on the page is covered
                out[name] = payload(tag, listener)
        elif isinstance(value, BaseModel):
            out[name] = _poison(value, f"{tag}.", listener)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            out[name] = [_poison(item, f"{tag}[{i}].", listener) for i, item in enumerate(value)]
        elif value is not None:
            out[name] = value
    if "reviewed_by" in out and out.get("reviewed") is None:  # a reviewer needs a review date (both or neither)
        out["reviewed"] = datetime.date(2025, 1, 1)
    return out


def _limit(tag: str) -> int | None:
    """The length cap of the field a tag such as `roles.yml roles[0].title` names (None: unknown, or no cap)."""
    name, _, path = tag.partition(" ")
    model: Any = models.Guide if name.startswith(f"{GUIDES_DIR}/") else FILES.get(name)
    annotation: Any = None
    for part in re.findall(r"[A-Za-z_]+", path):
        if model is None or part not in model.model_fields:
            return None
        info = model.model_fields[part]
        annotation = typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        inner = _models_in(info.annotation)
        model = inner[0] if inner else None
    return _max_length(annotation) if annotation is not None else None


def _max_length(annotation: Any) -> int | None:
    """max_length of a str annotation, looking through Annotated, lists and optional values."""
    if typing.get_origin(annotation) is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        if base is str:
            found = [m.max_length for m in meta if getattr(m, "max_length", None)]
            return min(found) if found else None
        return _max_length(base)
    return next((found for arg in typing.get_args(annotation) if (found := _max_length(arg))), None)


def _is_free_text(annotation: Any, metadata: list[Any] = ()) -> bool:  # type: ignore[assignment]
    """str without a pattern (not a slug), a list of those, or an optional one."""
    origin = typing.get_origin(annotation)
    if annotation is str:
        return not any(getattr(meta, "pattern", None) for meta in metadata)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        return _is_free_text(base, meta)
    if origin is list:
        return _is_free_text(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return any(_is_free_text(arg) for arg in typing.get_args(annotation) if arg is not type(None))
    return False


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [inner for arg in typing.get_args(annotation) for inner in _models_in(arg)]


# --- a listener that records every connection, and the site built from hostile data ----------


class Listener:
    """A TCP socket on 127.0.0.1 that accepts and records every connection, sends nothing."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(64)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/"
        self.requests: list[bytes] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            connection.settimeout(2)
            try:
                self.requests.append(connection.recv(4096) or b"(connected)")
            except OSError:
                self.requests.append(b"(connected)")
            connection.close()

    def close(self) -> None:
        self.socket.close()


@dataclass(frozen=True)
class HostileSite:
    """The site built from the hostile data (tests/conftest.py `built_hostile_data`)."""

    site: Path
    url: str  # the listener named in the data as bait: nothing may ever connect to it
    requests: list[bytes]  # what the listener received while the site was built
