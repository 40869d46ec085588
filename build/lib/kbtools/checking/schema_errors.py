"""What the schema validator works with: its errors and its compiled checks."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any


class UnsupportedSchema(ValueError):
    """The schema uses something this validator does not implement (a programming error)."""


class SchemaError:
    """One way a value breaks the schema, shaped like a jsonschema ``ValidationError``.

    ``validator`` is the keyword, ``validator_value`` its value in the schema, ``schema`` the
    subschema holding it, ``instance`` the failing value and ``absolute_path`` the keys and
    list indexes from the document's root to that value. ``key`` is set when the failing
    value is a mapping key (checked by ``propertyNames``), which jsonschema does not tell.
    """

    __slots__ = (
        "absolute_path",
        "instance",
        "key",
        "message",
        "schema",
        "validator",
        "validator_value",
    )

    def __init__(self, keyword: str, schema: dict[str, Any], instance: Any, message: str) -> None:
        self.validator = keyword
        self.validator_value: Any = schema[keyword]
        self.schema = schema
        self.instance = instance
        self.message = message
        self.absolute_path: deque[str | int] = deque()
        self.key: str | None = None

    @property
    def path(self) -> deque[str | int]:
        """The same as ``absolute_path`` (errors here are never nested in other errors)."""
        return self.absolute_path

    def __repr__(self) -> str:
        return f"<SchemaError {self.validator} at {list(self.absolute_path)}: {self.message}>"


#: A compiled check: the errors of one value (paths relative to it), or None when valid.
Check = Callable[[Any], list[SchemaError] | None]

#: Compiles a subschema found at a place in the schema (``#/properties/parter``).
Compile = Callable[[Any, str], Check]
#: Builds the check of one keyword: (descend, subschema, keyword value, place) → check.
Builder = Callable[[Compile, dict[str, Any], Any, str], Check]


def schema_object(node: Any, where: str) -> dict[str, Any]:
    """``node``, which must be a schema object (true and false schemas are not supported)."""
    if not isinstance(node, dict):
        raise UnsupportedSchema(f"{where}: expected a schema object, not {node!r}")
    return node


def valid(instance: Any) -> None:
    """The check of a schema without validation keywords."""
    return None
