"""A schema node as the readers of agreements see it: title, shape and our ``x-`` annotations.

Validators ignore these annotations; ``kbtools diff`` and ``kbtools render`` read them, so a
field added to the schema is compared and shown without new code:

``x-nøgle``
    On a list of groups: the field, or list of fields, that identifies an item, so that two
    versions are compared item by item whatever the order (a party by ``id``, a meeting by
    ``["forum", "niveau"]``). Without it, items are compared as whole values.
``x-navn``
    On a list of groups: the field holding an item's own name, used when the item is
    mentioned (a party is »Jobcenter Midtby«, not ``jobcenter``).
``x-henvisning``
    On a text field: the top-level list whose key the value names; the value is shown as that
    item's name (``"parter"``: a party id is shown as the party's name).
``x-visning``
    How a value is written: ``"beløb"`` an amount in the agreement's unit, ``"enhed"`` that
    unit, ``"tid"`` a group ``{timer, pr}`` (»20 timer pr. måned«), ``"slutdato"`` an end date
    (a later one extends the agreement).
``x-synonymer``
    On a field with an ``enum``: other ways people write an allowed value, each with the
    value it means (``"t.kr.": "1.000 kr."``). A finding about such a value suggests the value
    meant, where the closest spelling could be another one (»kr.« is a thousand times less).
    Compared without case and spaces.
``x-valgnavne``
    On a field with an ``enum``: each allowed value's name as a reader sees it in a rendered
    agreement (``"ledelse": "Ledelsesniveau"``); the file keeps the short value.
``x-fritekst``
    On a text field: prose. A diff says that the text changed instead of quoting it.
``x-hver-én-gang``
    On a list of groups: the field each of whose allowed values (its ``enum``) must occur in
    exactly one item (a typology assessment rates every parameter once). A kind's rule checks
    it in ``kbtools validate``; :mod:`kbtools.editor` writes it as ``contains`` for the editor.

``x-trin``
    On a top-level element: the step (1–4) of the tringuide (``docs/tringuide/trin-N.md``)
    that produces the element. The template, the Word template, the field reference and the
    agreement builder show it.
``x-anbefalet``
    On a top-level element: recommended, not required (a rule recommends adding it).
``x-side``
    On a top-level element: the reader page that explains it (relative to the site root);
    findings and the agreement builder link to it.

Lists of plain texts need no annotation: they are compared as (multi)sets of texts.
Only fields declared ``"format": "date"`` are dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from kbtools.danish import FieldKind
from kbtools.schemas import resolve

KEY = "x-nøgle"
NAME = "x-navn"
REFERENCE = "x-henvisning"
DISPLAY = "x-visning"
FREE_TEXT = "x-fritekst"
SYNONYMS = "x-synonymer"
CHOICE_NAMES = "x-valgnavne"
EACH_ONCE = "x-hver-én-gang"

#: How a node's value is laid out: a group of named fields, a lookup table (``pr_år``),
#: a list, or a single value.
Shape = Literal["object", "map", "array", "scalar"]


@dataclass(frozen=True)
class Node:
    """One resolved schema node; ``key`` is the property name it hangs under (may be '')."""

    root: dict[str, Any]
    node: dict[str, Any]
    key: str = ""

    @classmethod
    def of(cls, root: dict[str, Any], raw: Any, key: str = "") -> Node:
        """The node for ``raw`` (``$ref`` resolved); anything that is not a dict is empty."""
        return cls(root, resolve(root, raw) if isinstance(raw, dict) else {}, key)

    @property
    def title(self) -> str:
        title = self.node.get("title")
        return title if isinstance(title, str) and title else self.key

    @property
    def type(self) -> str | None:
        kind = self.node.get("type")
        return kind if isinstance(kind, str) else None

    @property
    def shape(self) -> Shape:
        if self.type == "object" or isinstance(self.node.get("properties"), dict):
            if "properties" not in self.node and isinstance(
                self.node.get("additionalProperties"), dict
            ):
                return "map"
            return "object"
        if self.type == "array":
            return "array"
        return "scalar"

    def properties(self) -> list[str]:
        props = self.node.get("properties")
        return list(props) if isinstance(props, dict) else []

    def child(self, key: str) -> Node:
        """The node of property ``key`` (of a map: its values); empty when unknown."""
        props = self.node.get("properties")
        if isinstance(props, dict) and key in props:
            return Node.of(self.root, props[key], key)
        return Node.of(self.root, self.node.get("additionalProperties"), key)

    def items(self) -> Node:
        """The node of this list's items (titled like the list when it has no title)."""
        items = Node.of(self.root, self.node.get("items"), self.key)
        if "title" not in items.node and "title" in self.node:
            return Node(self.root, {**items.node, "title": self.node["title"]}, self.key)
        return items

    @property
    def key_fields(self) -> tuple[str, ...]:
        value = self.node.get(KEY)
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list):
            return tuple(str(field) for field in value)
        return ()

    @property
    def name_field(self) -> str | None:
        value = self.node.get(NAME)
        return value if isinstance(value, str) else None

    @property
    def reference(self) -> str | None:
        value = self.node.get(REFERENCE)
        return value if isinstance(value, str) else None

    @property
    def display(self) -> str | None:
        value = self.node.get(DISPLAY)
        return value if isinstance(value, str) else None

    def choice_name(self, value: object) -> str | None:
        """An allowed value's name for readers (``x-valgnavne``), or None."""
        names = self.node.get(CHOICE_NAMES)
        name = names.get(value) if isinstance(names, dict) and isinstance(value, str) else None
        return name if isinstance(name, str) else None

    @property
    def is_free_text(self) -> bool:
        return self.node.get(FREE_TEXT) is True

    @property
    def is_text_list(self) -> bool:
        """A list whose items are plain values (compared as a set of texts)."""
        return self.shape == "array" and self.items().shape == "scalar"

    @property
    def kind(self) -> FieldKind:
        """What the value holds, for :func:`kbtools.danish.format_field`."""
        if self.reference:
            return "reference"
        display = self.display
        if display == "beløb":
            return "amount"
        if display == "tid":
            return "duration"
        if self.node.get("format") == "date":
            return "date"
        if "enum" in self.node or "const" in self.node:
            return "choice"
        return "text"

    @property
    def is_value(self) -> bool:
        """Shown as one value (a text, a number, a date, a duration …), not field by field."""
        return self.shape == "scalar" or self.display == "tid"


def find_display(root: dict[str, Any], display: str) -> tuple[str, ...] | None:
    """The path of the first field (through groups only) whose ``x-visning`` is ``display``."""

    def search(node: Node, path: tuple[str, ...]) -> tuple[str, ...] | None:
        for key in node.properties():
            child = node.child(key)
            if child.display == display:
                return (*path, key)
            if child.shape == "object" and (found := search(child, (*path, key))):
                return found
        return None

    return search(Node.of(root, root), ())


def reference_names(root: dict[str, Any], list_key: str, *versions: Any) -> dict[str, str]:
    """Key → name of the items of top-level list ``list_key`` (``x-nøgle`` → ``x-navn``).

    This is what an ``x-henvisning`` to that list shows. With several versions of the data
    (a diff), a later version's name wins. Anything odd in the data is skipped.
    """
    spec = Node.of(root, root).child(list_key)
    key_fields, name_field = spec.key_fields, spec.name_field
    names: dict[str, str] = {}
    if len(key_fields) != 1 or not name_field:
        return names
    for data in versions:
        items = data.get(list_key) if isinstance(data, dict) else None
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            key, name = item.get(key_fields[0]), item.get(name_field)
            if isinstance(key, str) and isinstance(name, str) and name:
                names[key] = name
    return names
