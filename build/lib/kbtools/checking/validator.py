"""A small JSON Schema (draft-07) validator in pure Python, for the keywords our schemas use.

Why not jsonschema: it needs ``rpds-py``, a native package without a WebAssembly wheel, so it
cannot run on Pyodide, and the browser must check agreements with the same code as the CLI.
This module needs only the standard library.

The semantics are those of ``jsonschema.Draft7Validator`` with ``FormatChecker(formats=["date"])``
for the supported keywords (a property test holds the two together), and the errors carry what
:mod:`kbtools.checking.schema` reads from a jsonschema error. In short:

* ``type``: a bool is neither an ``integer`` nor a ``number``; ``1.0`` is an ``integer``;
* ``format: date`` is a real calendar date written ``YYYY-MM-DD``, checked on strings only;
* ``pattern`` uses :func:`re.search`; ``exclusiveMinimum`` is a number (draft-06 and later);
* ``propertyNames`` checks every key as a value, so its errors carry the inner keyword and the
  path of the object;
* ``$ref`` (local ``#/…`` pointers only) ignores the keywords next to it, as draft-07 says.

A schema that uses any other keyword is refused when it is compiled
(:class:`UnsupportedSchema`, a programming error), so nobody adds ``oneOf`` believing it is
checked. Annotations (``title``, ``description``, ``x-…``, editor keywords) are ignored.

The schema is compiled once into nested closures (one per keyword, built in
:mod:`kbtools.checking.schema_keywords`). A valid value allocates nothing: errors are created
only on failure, and each parent adds its key to the error's path on the way out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

from kbtools.checking.schema_errors import (
    Check,
    SchemaError,
    UnsupportedSchema,
    schema_object,
    valid,
)
from kbtools.checking.schema_keywords import KEYWORDS

__all__ = ["ANNOTATIONS", "SUPPORTED", "SchemaError", "UnsupportedSchema", "Validator"]

#: Keywords that only describe: JSON Schema's own, and those of editors (VS Code, the YAML
#: language server, ajv-errors). Any key starting with ``x-`` is an annotation too.
ANNOTATIONS = frozenset(
    {
        "title",
        "description",
        "default",
        "examples",
        "$comment",
        "readOnly",
        "writeOnly",
        "deprecated",
        "errorMessage",
        "markdownDescription",
        "defaultSnippets",
        "patternErrorMessage",
        "deprecationMessage",
        "enumDescriptions",
        "markdownEnumDescriptions",
        "doNotSuggest",
        "suggestSortText",
    }
)

#: The validation keywords supported (besides ``$ref``); anything else is refused.
SUPPORTED = frozenset(KEYWORDS)

_DRAFT_07 = ("http://json-schema.org/draft-07/schema#", "http://json-schema.org/draft-07/schema")


def _accept_other(key: str, value: Any, where: str, *, root: bool) -> None:
    """Refuse a keyword that is not a check, unless it is meta data or an annotation."""
    if key in ("$schema", "$id"):
        if not root:
            raise UnsupportedSchema(f"{where}: »{key}« is only supported at the root")
        if key == "$schema" and value not in _DRAFT_07:
            raise UnsupportedSchema(f"{where}: only draft-07 is supported, not {value!r}")
    elif key == "definitions":
        schema_object(value, f"{where}/{key}")
    elif not _is_annotation(key):
        raise UnsupportedSchema(f"{where}: the keyword »{key}« is not supported")


class Validator:
    """A schema compiled once; :meth:`iter_errors` checks a value against it."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self._refs: dict[str, list[Check]] = {}
        self._check = self._compile(schema, "#", root=True)
        for name in schema_object(schema.get("definitions", {}), "#/definitions"):
            # compiled now so that what is unsupported is refused even if nothing uses it
            self._ref("#/definitions/" + name.replace("~", "~0").replace("/", "~1"))

    def iter_errors(self, instance: Any) -> Iterator[SchemaError]:
        """Every error, in a fixed order (the schema's keyword order, depth first)."""
        yield from self._check(instance) or ()

    def is_valid(self, instance: Any) -> bool:
        return not self._check(instance)

    # -- compiling -------------------------------------------------------------------------

    def _compile(self, node: Any, where: str, *, root: bool = False) -> Check:
        node = schema_object(node, where)
        if "$ref" in node:
            for key in node:
                if key != "$ref" and not _is_annotation(key):
                    raise UnsupportedSchema(f"{where}: »{key}« next to $ref would be ignored")
            return self._ref(node["$ref"])
        checks: list[Check] = []
        for key, value in node.items():
            build = KEYWORDS.get(key)
            if build is not None:
                checks.append(build(self._compile, node, value, f"{where}/{key}"))
            else:
                _accept_other(key, value, where, root=root)
        if not checks:
            return valid
        if len(checks) == 1:
            return checks[0]
        return _all_of(checks)

    def _ref(self, ref: Any) -> Check:
        base = self.schema.get("$id")
        if isinstance(ref, str) and isinstance(base, str) and ref.startswith(f"{base}#"):
            ref = ref[len(base) :]  # the root's own address, as a full URL
        if not isinstance(ref, str) or not (ref == "#" or ref.startswith("#/")):
            raise UnsupportedSchema(f"only local $ref (#/…) is supported, not {ref!r}")
        known = self._refs.get(ref)
        if known is not None:
            if known:
                return known[0]

            def recursive(instance: Any) -> list[SchemaError] | None:
                return known[0](instance)  # compiled by the time anything is checked

            return recursive
        cell = self._refs[ref] = []
        target: Any = self.schema
        for part in ref[2:].split("/") if ref != "#" else ():
            key = unquote(part).replace("~1", "/").replace("~0", "~")
            if not isinstance(target, dict) or key not in target:
                raise UnsupportedSchema(f"$ref {ref!r} points to nothing")
            target = target[key]
        check = self._compile(target, ref, root=ref == "#")
        cell.append(check)
        return check


def _is_annotation(key: str) -> bool:
    return key in ANNOTATIONS or key.startswith("x-")


def _all_of(checks: list[Check]) -> Check:
    def check(instance: Any) -> list[SchemaError] | None:
        errors = None
        for one in checks:
            found = one(instance)
            if found:
                if errors is None:
                    errors = found
                else:
                    errors.extend(found)
        return errors

    return check
