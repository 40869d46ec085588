"""A plain-Python view of the agreement schema: elements, nested fields and Danish wording.

Kept apart from the docutils code in :mod:`schema_reference` so that the wording of types,
requirements and constraints can be tested (and reused) without Sphinx.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kbtools.schemas import resolve

#: The four steps of Socialstyrelsen's tringuide, as the schema's ``x-trin`` numbers them.
STEPS: dict[int, str] = {
    1: "Den bærende idé",
    2: "Udvikling af konceptet",
    3: "Rolle- og arbejdsfordeling",
    4: "Den endelige partnerskabsaftale",
}

REQUIRED = "påkrævet"
RECOMMENDED = "anbefalet"
OPTIONAL = "valgfri"

_SLUG_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


def slug(text: str) -> str:
    """ASCII id fragment of one key: 'pr_år' → 'pr_aar'.

    Underscores are kept so that ``budget_i_alt`` and ``budget.i_alt`` get different ids.
    """
    ascii_text = text.lower().translate(_SLUG_LETTERS)
    return re.sub(r"[^a-z0-9_]+", "-", ascii_text).strip("-")


@dataclass(frozen=True)
class Constraint:
    """One rule on a field's value: a Danish label and its values (``literal``: show as code)."""

    label: str
    values: tuple[str, ...]
    literal: bool = False


@dataclass(frozen=True)
class Field:
    """A field of the agreement: its key path from the root (list levels left out)."""

    path: tuple[str, ...]
    node: dict[str, Any]
    requirement: str

    @property
    def key(self) -> str:
        return self.path[-1]

    @property
    def dotted(self) -> str:
        """The path as users write it nested in YAML, e.g. ``kontakt.email``."""
        return ".".join(self.path)

    @property
    def title(self) -> str:
        return str(self.node.get("title") or self.key)

    @property
    def description(self) -> str:
        return str(self.node.get("description", ""))

    @property
    def anchor(self) -> str:
        """Stable HTML id of the field in the generated reference."""
        return "felt-" + "-".join(slug(key) for key in self.path)

    @property
    def step(self) -> int | None:
        value = self.node.get("x-trin")
        return value if isinstance(value, int) else None

    @property
    def side_anchor(self) -> str | None:
        """The anchor of ``x-side`` (the explanation on the elements page), if any."""
        side = self.node.get("x-side")
        if isinstance(side, str) and "#" in side:
            return side.split("#", 1)[1]
        return None


def _requirement(parent: dict[str, Any], key: str, node: dict[str, Any]) -> str:
    if key in parent.get("required", ()):
        return REQUIRED
    if node.get("x-anbefalet") is True:
        return RECOMMENDED
    return OPTIONAL


def elements(schema: dict[str, Any]) -> list[Field]:
    """The top-level elements, in the order the schema lists them."""
    return [
        Field((key,), resolve(schema, node), _requirement(schema, key, node))
        for key, node in schema.get("properties", {}).items()
    ]


def _object_node(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any] | None:
    """The object whose properties are the children of ``node`` (itself, or its list items)."""
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        node = resolve(schema, node["items"])
    if isinstance(node.get("properties"), dict):
        return node
    return None


def children(schema: dict[str, Any], field: Field) -> Iterator[Field]:
    """Every nested field below ``field``, depth first, in schema order."""
    parent = _object_node(schema, field.node)
    if parent is None:
        return
    for key, raw in parent["properties"].items():
        child = Field((*field.path, key), resolve(schema, raw), _requirement(parent, key, raw))
        yield child
        yield from children(schema, child)


def _single_type(schema: dict[str, Any], node: dict[str, Any], plural: bool = False) -> str:
    kind = node.get("type")
    if "const" in node:
        return "faste værdier" if plural else "fast værdi"
    if kind == "string" and node.get("format") == "date":
        return "datoer" if plural else "dato"
    words = {
        "string": ("tekst", "tekster"),
        "number": ("tal", "tal"),
        "integer": ("heltal", "heltal"),
        "boolean": ("ja/nej (true eller false)", "ja/nej-værdier"),
    }
    if isinstance(kind, str) and kind in words:
        return words[kind][1 if plural else 0]
    if (
        kind == "object"
        and "properties" not in node
        and isinstance(node.get("additionalProperties"), dict)
    ):
        return "opslag (nøgle: værdi)"
    if kind == "object":
        title = node.get("title")
        group = "grupper af felter" if plural else "gruppe af felter"
        return f"{group} ({title})" if plural and title else group
    if kind == "array":
        items = node.get("items")
        if isinstance(items, dict):
            return "liste af " + _single_type(schema, resolve(schema, items), plural=True)
        return "liste"
    return "værdi"


def type_text(schema: dict[str, Any], field: Field) -> str:
    """Danish name of the field's type, e.g. 'liste af grupper af felter (Part)'."""
    return _single_type(schema, field.node)


def _number(value: Any) -> str:
    from kbtools.danish import format_number

    return format_number(value) if isinstance(value, int | float) else str(value)


def _value_rules(node: dict[str, Any]) -> list[Constraint]:
    rules: list[Constraint] = []
    if node.get("minLength") == 1:
        rules.append(Constraint("Længde", ("må ikke være tom",)))
    elif isinstance(node.get("minLength"), int):
        rules.append(Constraint("Længde", (f"mindst {node['minLength']} tegn",)))
    if "minimum" in node:
        rules.append(Constraint("Værdi", (f"mindst {_number(node['minimum'])}",)))
    if "exclusiveMinimum" in node:
        rules.append(Constraint("Værdi", (f"større end {_number(node['exclusiveMinimum'])}",)))
    if "maximum" in node:
        rules.append(Constraint("Værdi", (f"højst {_number(node['maximum'])}",)))
    return rules


def constraints(schema: dict[str, Any], field: Field) -> list[Constraint]:
    """The rules on the field's value, worded for a reader who does not know JSON Schema."""
    node = field.node
    return [
        *_allowed_values(node),
        *_value_rules(node),
        *_list_rules(schema, node),
        *_mapping_rules(schema, node),
        *_defaults_and_examples(node),
    ]


def _allowed_values(node: dict[str, Any]) -> list[Constraint]:
    rules: list[Constraint] = []
    if "const" in node:
        rules.append(Constraint("Skal være", (str(node["const"]),), literal=True))
    if "enum" in node:
        rules.append(Constraint("Tilladte værdier", tuple(str(v) for v in node["enum"]), True))
    if node.get("format") == "date":
        rules.append(Constraint("Format", ("ÅÅÅÅ-MM-DD, fx 2027-01-15",)))
    if "pattern" in node:
        rules.append(Constraint("Mønster (regulært udtryk)", (node["pattern"],), literal=True))
    return rules


def _list_rules(schema: dict[str, Any], node: dict[str, Any]) -> list[Constraint]:
    if node.get("type") != "array":
        return []
    rules: list[Constraint] = []
    if isinstance(node.get("minItems"), int):
        count = node["minItems"]
        rules.append(
            Constraint("Antal", (f"mindst {count} {'punkt' if count == 1 else 'punkter'}",))
        )
    items = node.get("items")
    if isinstance(items, dict):
        item = resolve(schema, items)
        if item.get("type") != "object":
            rules.extend(
                Constraint(f"Hvert punkt: {rule.label.lower()}", rule.values, rule.literal)
                for rule in _value_rules(item)
            )
    return rules


def _mapping_rules(schema: dict[str, Any], node: dict[str, Any]) -> list[Constraint]:
    rules: list[Constraint] = []
    names = node.get("propertyNames")
    if isinstance(names, dict) and "pattern" in names:
        if names["pattern"] == "^[0-9]{4}$":
            rules.append(Constraint("Nøgler", ("årstal med fire cifre, fx 2027",)))
        else:
            rules.append(Constraint("Nøgler skal matche", (names["pattern"],), literal=True))
    extra = node.get("additionalProperties")
    if isinstance(extra, dict) and "properties" not in node:
        value_type = _single_type(schema, resolve(schema, extra))
        details = [value_type, *(r.values[0] for r in _value_rules(extra))]
        rules.append(Constraint("Værdier", (", ".join(details),)))
    if isinstance(node.get("minProperties"), int) and node["minProperties"] > 0:
        rules.append(Constraint("Antal", (f"mindst {node['minProperties']}",)))
    return rules


def _defaults_and_examples(node: dict[str, Any]) -> list[Constraint]:
    rules: list[Constraint] = []
    if "default" in node:
        default = node["default"]
        shown = "true" if default is True else "false" if default is False else str(default)
        rules.append(Constraint("Standardværdi", (shown,), literal=True))
    if isinstance(node.get("examples"), list) and node["examples"]:
        rules.append(Constraint("Eksempel", tuple(str(v) for v in node["examples"]), True))
    return rules
