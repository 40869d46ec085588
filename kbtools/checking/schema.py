"""JSON Schema validation, translated into located Danish findings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from kbtools.checking import advice
from kbtools.checking.schema_codes import BY_KEYWORD, INVALID, KEY_NAME
from kbtools.checking.suggest import suggest
from kbtools.checking.validator import Validator
from kbtools.danish import describe_value, plural
from kbtools.findings import Code, Finding
from kbtools.loading import DataPath, Document
from kbtools.schemas import load_schema
from kbtools.schemas.annotations import SYNONYMS
from kbtools.schemas.titles import title_at

TYPE_NAMES = {
    "string": "en tekst",
    "number": "et tal",
    "integer": "et helt tal",
    "boolean": "true eller false",
    "array": "en liste (punkter, der starter med »- «)",
    "object": "en række nøgler med værdier",
    "null": "tom",
}


@cache
def validator_for(schema_name: str) -> Validator:
    """A Draft-07 validator with date checking (pure Python, for Pyodide), built once per schema."""
    return Validator(load_schema(schema_name))


def _where(schema: dict[str, Any], path: DataPath) -> tuple[str, dict[str, str | int]]:
    """Where a missing key belongs, as a template and its values: in the file, under a
    group (``parent``) or in an item of a list (``number``, 1 for the first)."""
    if not path:
        return "i filen", {}
    if isinstance(path[-1], int) and len(path) > 1:
        parent = str(path[-2])
        values = {"number": path[-1] + 1, "parent": parent, **_parent_title(schema, path[:-1])}
        return "i punkt nr. {number} under {parent}", values
    return "under {parent}", {"parent": str(path[-1]), **_parent_title(schema, path)}


def _parent_title(schema: dict[str, Any], path: DataPath) -> dict[str, str | int]:
    """The title of the group at ``path``, for readers (its key is for maintainers)."""
    title = title_at(schema, path)
    return {"parent_title": title} if title else {}


#: Stands for the element's name while a message is built (no message contains it).
_NAME = "\x00"


def _field(error: Any) -> tuple[str | None, str]:
    """The key of the element an error is about (the nearest key on its path) and its title."""
    title = error.schema.get("title") if isinstance(error.schema, dict) else None
    path = list(error.absolute_path)
    key = next((part for part in reversed(path) if isinstance(part, str)), None)
    return key, title if isinstance(title, str) and key else ""


def check_schema(document: Document, schema_name: str) -> Iterator[Finding]:
    validator = validator_for(schema_name)
    errors = sorted(validator.iter_errors(document.data), key=lambda e: list(map(str, e.path)))
    seen: set[tuple[str, DataPath]] = set()
    for error in errors:
        for finding in _translate(document, error, load_schema(schema_name)):
            # a validator reports each missing key of an object once per key: say it once
            if (finding.code, finding.path) not in seen:
                seen.add((finding.code, finding.path))
                yield finding


def _translate(document: Document, error: Any, schema: dict[str, Any]) -> Iterator[Finding]:
    path: DataPath = tuple(error.absolute_path)
    keyword = error.validator
    code = BY_KEYWORD.get(keyword, INVALID)
    if keyword == "required":
        position = document.position_of(path)
        properties = error.schema.get("properties", {})
        where, values = _where(schema, path)
        for key in error.validator_value:
            if key in (error.instance or {}):
                continue
            title = properties.get(key, {}).get("title")
            yield code.finding(
                document.file,
                position.line,
                position.column,
                path=(*path, key),
                title=title if isinstance(title, str) else "",
                values={"key": key, **values},
                template=f"Elementet {{key}} mangler {where}.",
            )
        return
    if keyword == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        for key in error.instance:
            if key in allowed:
                continue
            key_position = document.key_position_of((*path, key))
            hint = suggest(key, allowed)
            message = f"Nøglen »{key}« findes ikke her."
            if hint:
                message += f" Mente du »{hint}«?"
            elif allowed:
                message += " Tilladte nøgler: " + ", ".join(f"»{a}«" for a in allowed) + "."
            yield code.finding(
                document.file,
                key_position.line,
                key_position.column,
                message,
                path=(*path, key),
                values={"key": key, **({"suggestion": hint} if hint else {})},
            )
        return
    if getattr(error, "key", None) is not None:
        yield _key_finding(document, path, error)
        return
    yield _value_finding(document, path, code, error)


def _value_finding(document: Document, path: DataPath, code: Code, error: Any) -> Finding:
    """A value that breaks a keyword; the message starts with the element's name, so a
    template names it for each reader (»værdisæt« (Værdisæt) or »Værdisæt«)."""
    position = document.position_of(path)
    key, title = _field(error)
    if key is None:
        message = _message(error.validator, error, "Værdien")
        return code.finding(document.file, position.line, position.column, message, path=path)
    text = _message(error.validator, error, _NAME).replace("{", "{{").replace("}", "}}")
    return code.finding(
        document.file,
        position.line,
        position.column,
        path=path,
        title=title,
        values={"key": key},
        template=text.replace(_NAME, "{key}"),
    )


def _key_finding(document: Document, path: DataPath, error: Any) -> Finding:
    """A mapping key that breaks ``propertyNames`` (e.g. a year written ``17``)."""
    key = error.key
    position = document.key_position_of((*path, key))
    where = f" under »{path[-1]}«" if path and isinstance(path[-1], str) else ""
    message = f"Nøglen »{key}«{where} har en form, der ikke er tilladt."
    rule = error.schema.get("patternErrorMessage") if isinstance(error.schema, dict) else None
    message += f" {rule}" if rule else ""
    return KEY_NAME.finding(
        document.file, position.line, position.column, message, path=(*path, key)
    )


def _type(name: str, error: Any) -> str:
    value = error.instance
    expected = error.validator_value
    expected_list = expected if isinstance(expected, list) else [expected]
    wanted = " eller ".join(TYPE_NAMES.get(str(t), str(t)) for t in expected_list)
    message = f"{name} skal være {wanted}, men er {describe_value(value)}."
    schema = error.schema if isinstance(error.schema, dict) else {}
    if "boolean" in expected_list and isinstance(value, str):
        message += " Skriv true eller false (ikke ja/nej, yes/no eller on/off)."
    if "number" in expected_list and isinstance(value, str):
        message += " " + advice.for_number(value)
    if "array" in expected_list and advice.for_list(value):
        message += " " + advice.for_list(value)
    if "string" in expected_list and schema.get("format") == "date":
        message += " " + advice.for_date(value)
    elif "string" in expected_list and isinstance(value, int | float | bool):
        message += " Sæt værdien i anførselstegn, hvis den skal læses som tekst."
    return message


def _enum(name: str, error: Any) -> str:
    options = [str(option) for option in error.validator_value]
    value = error.instance
    hint = None
    if isinstance(value, str):
        synonyms = error.schema.get(SYNONYMS, {}) if isinstance(error.schema, dict) else {}
        meant = {_compact(written): option for written, option in synonyms.items()}
        hint = meant.get(_compact(value)) or suggest(value, options)
    if hint:
        return f"{name} må ikke være {describe_value(value)}. Mente du »{hint}«?"
    allowed = ", ".join(f"»{option}«" for option in options)
    return f"{name} må ikke være {describe_value(value)}. Tilladte værdier: {allowed}."


def _compact(text: str) -> str:
    return "".join(text.split()).casefold()


def _const(name: str, error: Any) -> str:
    wanted = error.validator_value
    return f"{name} skal være »{wanted}«, men er {describe_value(error.instance)}."


def _date(name: str, error: Any) -> str:
    value = describe_value(error.instance)
    return f"{name} skal være en rigtig dato skrevet som ÅÅÅÅ-MM-DD, men er {value}."


def _min_items(name: str, error: Any) -> str:
    count = error.validator_value
    return f"{name} skal have mindst {plural(count, 'punkt', 'punkter')}."


def _max_items(name: str, error: Any) -> str:
    most = plural(error.validator_value, "punkt", "punkter")
    return f"{name} må højst have {most}, men har {len(error.instance)}."


def _pattern(name: str, error: Any) -> str:
    message = f"{name} har en form, der ikke er tilladt: {describe_value(error.instance)}."
    rule = error.schema.get("patternErrorMessage") if isinstance(error.schema, dict) else None
    message = f"{message} {rule}" if rule else message
    repaired = advice.for_pattern(error.instance, str(error.validator_value))
    return f"{message} {repaired}" if repaired else message


def _minimum(name: str, error: Any) -> str:
    relation = "mindst" if error.validator == "minimum" else "større end"
    value = describe_value(error.instance)
    return f"{name} skal være {relation} {error.validator_value}, men er {value}."


#: Keyword → Danish sentence. ``required`` and ``additionalProperties`` are handled above.
_MESSAGES: dict[str, Callable[[str, Any], str]] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "format": _date,
    "minItems": _min_items,
    "maxItems": _max_items,
    "minLength": lambda name, _: f"{name} må ikke være tom.",
    "minProperties": lambda name, _: f"{name} må ikke være tom.",
    "pattern": _pattern,
    "minimum": _minimum,
    "exclusiveMinimum": _minimum,
}


def _message(keyword: str, error: Any, name: str) -> str:
    build = _MESSAGES.get(keyword)
    return build(name, error) if build else f"{name} er ugyldig ({error.message})."
