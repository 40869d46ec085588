"""The keywords of :mod:`kbtools.checking.validator`: one builder per JSON Schema keyword.

A builder gets the subschema, the keyword's value and where it stands in the schema, checks the
value (a schema it cannot honour raises :class:`UnsupportedSchema`) and returns a
:data:`Check`. Each check gives the same errors as jsonschema's ``Draft7Validator`` with
``FormatChecker(formats=["date"])``, down to the English ``message``; it skips values of other
types, as jsonschema does (``minLength`` says nothing about a number).
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from kbtools.checking.schema_errors import (
    Builder,
    Check,
    Compile,
    SchemaError,
    UnsupportedSchema,
    schema_object,
    valid,
)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def is_number(instance: Any) -> bool:
    """jsonschema's draft-07 ``number``: any number but a bool."""
    cls = type(instance)
    if cls is int or cls is float:
        return True
    return not isinstance(instance, bool) and isinstance(instance, numbers.Number)


def is_integer(instance: Any) -> bool:
    """jsonschema's draft-07 ``integer``: an int but not a bool, or a float such as ``1.0``."""
    if isinstance(instance, bool):
        return False
    return isinstance(instance, int) or (isinstance(instance, float) and instance.is_integer())


#: jsonschema's draft-07 type checks.
TYPE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "string": lambda instance: isinstance(instance, str),
    "object": lambda instance: isinstance(instance, dict),
    "array": lambda instance: isinstance(instance, list),
    "null": lambda instance: instance is None,
    "boolean": lambda instance: isinstance(instance, bool),
    "number": is_number,
    "integer": is_integer,
}


def equal(one: Any, two: Any) -> bool:
    """jsonschema's equality for ``enum`` and ``const``: ``True`` is not ``1``."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, list) and isinstance(two, list):
        return len(one) == len(two) and all(map(equal, one, two))
    if isinstance(one, dict) and isinstance(two, dict):
        return one.keys() == two.keys() and all(equal(one[key], two[key]) for key in one)
    if isinstance(one, bool) or isinstance(two, bool):
        return False  # one is not two, and a bool equals only itself
    return bool(one == two)


def is_date(instance: Any) -> bool:
    """jsonschema's ``date`` format: only strings are checked."""
    if not isinstance(instance, str):
        return True
    if not _DATE.fullmatch(instance):
        return False
    try:
        date.fromisoformat(instance)
    except ValueError:
        return False
    return True


def _prefixed(errors: list[SchemaError], key: str | int) -> list[SchemaError]:
    for error in errors:
        error.absolute_path.appendleft(key)
    return errors


# -- builders: build(descend, node, value, where) -> Check -----------------------------------


def _number(value: Any, where: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise UnsupportedSchema(f"{where}: expected a number, not {value!r}")


def _type(_: Compile, node: dict[str, Any], value: Any, where: str) -> Check:
    names = value if isinstance(value, list) else [value]
    if not names or any(name not in TYPE_CHECKS for name in names):
        raise UnsupportedSchema(f"{where}: unknown type {value!r}")
    classes = {"string": str, "object": dict, "array": list}
    if len(names) == 1 and names[0] in classes:
        cls = classes[names[0]]

        def check_class(instance: Any) -> list[SchemaError] | None:
            if isinstance(instance, cls):
                return None
            return [SchemaError("type", node, instance, _type_message(instance, names))]

        return check_class
    tests = [TYPE_CHECKS[name] for name in names]

    def check(instance: Any) -> list[SchemaError] | None:
        for test in tests:
            if test(instance):
                return None
        return [SchemaError("type", node, instance, _type_message(instance, names))]

    return check


def _type_message(instance: Any, names: list[str]) -> str:
    return f"{instance!r} is not of type {', '.join(repr(name) for name in names)}"


def _enum(_: Compile, node: dict[str, Any], value: Any, where: str) -> Check:
    if not isinstance(value, list):
        raise UnsupportedSchema(f"{where}: expected a list")
    strings = frozenset(option for option in value if isinstance(option, str))

    def check(instance: Any) -> list[SchemaError] | None:
        if isinstance(instance, str) and instance in strings:
            return None
        if any(equal(option, instance) for option in value):
            return None
        return [SchemaError("enum", node, instance, f"{instance!r} is not one of {value!r}")]

    return check


def _const(_: Compile, node: dict[str, Any], value: Any, where: str) -> Check:
    def check(instance: Any) -> list[SchemaError] | None:
        if equal(instance, value):
            return None
        return [SchemaError("const", node, instance, f"{value!r} was expected")]

    return check


def _format(_: Compile, node: dict[str, Any], value: Any, where: str) -> Check:
    if value != "date":
        raise UnsupportedSchema(f"{where}: only format »date« is checked, not {value!r}")

    def check(instance: Any) -> list[SchemaError] | None:
        if is_date(instance):
            return None
        return [SchemaError("format", node, instance, f"{instance!r} is not a 'date'")]

    return check


def _minimum_of(keyword: str) -> Builder:
    exclusive = keyword == "exclusiveMinimum"
    relation = "less than or equal to" if exclusive else "less than"

    def build(_: Compile, node: dict[str, Any], value: Any, where: str) -> Check:
        _number(value, where)

        def check(instance: Any) -> list[SchemaError] | None:
            if not is_number(instance):
                return None
            if not (instance <= value if exclusive else instance < value):
                return None
            message = f"{instance!r} is {relation} the minimum of {value!r}"
            return [SchemaError(keyword, node, instance, message)]

        return check

    return build


def _min_size(keyword: str, cls: type[Any], short: str) -> Builder:
    def build(_: Compile, node: dict[str, Any], value: Any, where: str) -> Check:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise UnsupportedSchema(f"{where}: expected a non-negative integer")
        message = "should be non-empty" if value == 1 else short

        def check(instance: Any) -> list[SchemaError] | None:
            if not isinstance(instance, cls) or len(instance) >= value:
                return None
            return [SchemaError(keyword, node, instance, f"{instance!r} {message}")]

        return check

    return build


def _max_items(_: Compile, node: dict[str, Any], value: Any, where: str) -> Check:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise UnsupportedSchema(f"{where}: expected a non-negative integer")
    message = "is expected to be empty" if value == 0 else "is too long"

    def check(instance: Any) -> list[SchemaError] | None:
        if not isinstance(instance, list) or len(instance) <= value:
            return None
        return [SchemaError("maxItems", node, instance, f"{instance!r} {message}")]

    return check


def _pattern(_: Compile, node: dict[str, Any], value: Any, where: str) -> Check:
    if not isinstance(value, str):
        raise UnsupportedSchema(f"{where}: expected a regular expression")
    try:
        search = re.compile(value).search
    except re.error as exc:
        raise UnsupportedSchema(f"{where}: invalid regular expression ({exc})") from None

    def check(instance: Any) -> list[SchemaError] | None:
        if not isinstance(instance, str) or search(instance):
            return None
        return [SchemaError("pattern", node, instance, f"{instance!r} does not match {value!r}")]

    return check


def _required(_: Compile, node: dict[str, Any], value: Any, where: str) -> Check:
    if not isinstance(value, list) or not all(isinstance(key, str) for key in value):
        raise UnsupportedSchema(f"{where}: expected a list of keys")
    keys = frozenset(value)

    def check(instance: Any) -> list[SchemaError] | None:
        if not isinstance(instance, dict) or instance.keys() >= keys:
            return None
        return [
            SchemaError("required", node, instance, f"{key!r} is a required property")
            for key in value
            if key not in instance
        ]

    return check


def _properties(descend: Compile, node: dict[str, Any], value: Any, where: str) -> Check:
    checks = [
        (key, descend(sub, f"{where}/{key}")) for key, sub in schema_object(value, where).items()
    ]

    def check(instance: Any) -> list[SchemaError] | None:
        if not isinstance(instance, dict):
            return None
        errors = None
        for key, one in checks:
            if key in instance:
                found = one(instance[key])
                if found:
                    if errors is None:
                        errors = _prefixed(found, key)
                    else:
                        errors.extend(_prefixed(found, key))
        return errors

    return check


def _no_additional_properties(node: dict[str, Any], known: frozenset[str]) -> Check:
    def refuse(instance: Any) -> list[SchemaError] | None:
        if not isinstance(instance, dict) or instance.keys() <= known:
            return None
        extras = sorted((key for key in instance if key not in known), key=str)
        verb = "was" if len(extras) == 1 else "were"
        listed = ", ".join(repr(extra) for extra in extras)
        message = f"Additional properties are not allowed ({listed} {verb} unexpected)"
        return [SchemaError("additionalProperties", node, instance, message)]

    return refuse


def _additional_properties(descend: Compile, node: dict[str, Any], value: Any, where: str) -> Check:
    known = frozenset(node.get("properties", {}))
    if value is True:
        return valid
    if value is False:
        return _no_additional_properties(node, known)
    each = descend(value, where)

    def check(instance: Any) -> list[SchemaError] | None:
        if not isinstance(instance, dict):
            return None
        errors = None
        for key, item in instance.items():
            if key not in known:
                found = each(item)
                if found:
                    if errors is None:
                        errors = _prefixed(found, key)
                    else:
                        errors.extend(_prefixed(found, key))
        return errors

    return check


def _items(descend: Compile, node: dict[str, Any], value: Any, where: str) -> Check:
    each = descend(value, where)  # the list form (tuple validation) is refused

    def check(instance: Any) -> list[SchemaError] | None:
        if not isinstance(instance, list):
            return None
        errors = None
        for index, item in enumerate(instance):
            found = each(item)
            if found:
                if errors is None:
                    errors = _prefixed(found, index)
                else:
                    errors.extend(_prefixed(found, index))
        return errors

    return check


def _property_names(descend: Compile, node: dict[str, Any], value: Any, where: str) -> Check:
    each = descend(value, where)

    def check(instance: Any) -> list[SchemaError] | None:
        if not isinstance(instance, dict):
            return None
        errors = None
        for key in instance:
            found = each(key)
            if found:
                for error in found:
                    error.key = key
                if errors is None:
                    errors = found
                else:
                    errors.extend(found)
        return errors

    return check


KEYWORDS: dict[str, Builder] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "format": _format,
    "minimum": _minimum_of("minimum"),
    "exclusiveMinimum": _minimum_of("exclusiveMinimum"),
    "minLength": _min_size("minLength", str, "is too short"),
    "minItems": _min_size("minItems", list, "is too short"),
    "maxItems": _max_items,
    "minProperties": _min_size("minProperties", dict, "does not have enough properties"),
    "pattern": _pattern,
    "required": _required,
    "properties": _properties,
    "additionalProperties": _additional_properties,
    "items": _items,
    "propertyNames": _property_names,
}
