"""Turn pydantic's validation errors into one readable line per problem."""

from __future__ import annotations

import difflib
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import DataError, DataErrors
from .models import EMAIL_PATTERN, HEX_COLOUR_PATTERN, PHONE_PATTERN, WEB_ADDRESS_PATTERN
from .yamlsource import YamlDocument

M = TypeVar("M", bound=BaseModel)

_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "list_type": "a list",
    "model_type": "a mapping of fields",
    "dict_type": "a mapping of fields",
    "bool_type": "true or false",
    "date_type": "a date written YYYY-MM-DD, without quotes",
}


def validate(document: YamlDocument, model: type[M]) -> M:
    """Validate a parsed file against its model; raise DataErrors listing every problem."""
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        errors = [_to_data_error(document, model, err) for err in exc.errors(include_url=False)]
        raise DataErrors(errors) from None


_ID_HINT = "is not a valid id: use lowercase letters, digits and hyphens, like 'grade-level-team-leader'"
_PATTERN_HINTS = {  # keyed by the models' own patterns (one definition, in models.py)
    HEX_COLOUR_PATTERN: "is not a colour: write '#' and six hexadecimal digits, like '#1b5e20'",
    EMAIL_PATTERN: "is not a plain email address: write the address alone, like 'office@district.org' "
    "(no 'mailto:', '?', '&', commas, spaces or angle brackets)",
    WEB_ADDRESS_PATTERN: "is not a web address: write https:// and the site's name, like "
    "'https://district.org/leaders', with no spaces, quotes or angle brackets",
    PHONE_PATTERN: "is not a phone number: use digits, spaces and + ( ) - . only, with an optional 'ext 12' at the end",
}


def suggest(word: str, choices: typing.Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a close match exists, else ''."""
    choices = list(choices)
    same_but_case = [choice for choice in choices if choice.casefold() == word.casefold()]
    match = same_but_case or difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {_short(value)!r}"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _to_data_error(document: YamlDocument, model: type[BaseModel], err: Any) -> DataError:
    loc = tuple(part for part in err["loc"] if isinstance(part, (str, int)))
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "missing":  # point at the mapping that lacks the field
        message, loc = f"missing required field '{loc[-1]}'", loc[:-1]
    elif kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        hint = suggest(str(loc[-1]), allowed)
        message = f"unknown field '{loc[-1]}'{hint}" + ("" if hint else f"; allowed: {', '.join(allowed)}")
    elif kind in _TYPE_NAMES:
        message = f"expected {_TYPE_NAMES[kind]}, got {describe(value)}"
    elif kind == "literal_error":
        message = (
            f"expected one of {ctx.get('expected')}, got {describe(value)}{suggest(str(value), _literal_choices(ctx))}"
        )
    elif kind in ("too_short", "too_long") and isinstance(value, list):
        message = f"expected {_count_range(model, loc)} items, got {len(value)}"
    elif kind == "string_too_short":
        message = "must not be empty"
    elif kind == "string_too_long" and isinstance(value, str):
        message = _too_long(loc, len(value), ctx.get("max_length", 0))
    elif kind == "string_pattern_mismatch":
        message = f"{describe(value)} {_PATTERN_HINTS.get(ctx.get('pattern', ''), _ID_HINT)}"
    elif kind in ("greater_than_equal", "less_than_equal"):
        message = f"expected a number {err['msg'].removeprefix('Input should be ')}, got {describe(value)}"
    elif kind == "value_error" and ctx.get("error"):
        message = str(ctx["error"])
    else:
        message = err["msg"]
    return document.error(loc, message)


def _too_long(loc: tuple[str | int, ...], length: int, limit: int) -> str:
    """'612,000 characters; a summary may have at most 3,000' (or 'an item of responsibilities ...')."""
    if loc and isinstance(loc[-1], int):
        noun = f"item of {str(loc[-2]).replace('_', ' ')}" if len(loc) > 1 else "item"
    else:
        noun = str(loc[-1]).replace("_", " ") if loc else "text"
    article = "an" if noun[0] in "aeiou" else "a"
    return f"{length:,} characters; {article} {noun} may have at most {limit:,}"


def _literal_choices(ctx: dict[str, Any]) -> list[str]:
    return [part.strip(" '") for part in str(ctx.get("expected", "")).replace(" or ", ",").split(",")]


def _count_range(model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    field = _field_info(model, loc)
    bounds = {type(m).__name__: m for m in (field.metadata if field else [])}
    low = getattr(bounds.get("MinLen"), "min_length", None)
    high = getattr(bounds.get("MaxLen"), "max_length", None)
    if low is not None and high is not None:
        return f"{low}" if low == high else f"{low} to {high}"
    return f"at least {low}" if low is not None else f"at most {high}"


def _field_info(model: type[BaseModel], loc: tuple[str | int, ...]) -> Any:
    parent = _model_at(model, loc[:-1])
    return parent.model_fields.get(str(loc[-1])) if parent and loc else None


def _fields_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    found = _model_at(model, loc)
    return list(found.model_fields) if found else []


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that validates the value at `loc`, walking fields and list items."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            current = _unwrap(current)
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """list[X] -> X, X | None -> X; other annotations unchanged."""
    for arg in typing.get_args(annotation) or ():
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return annotation
