"""The schema-driven walk behind ``kbtools diff``.

One walk handles every element: groups field by field in the schema's order, keyed lists item
by item (``x-nøgle``), lists of texts as sets of texts, lookup tables (``pr_år``) key by key,
and single values old → new. Labels are the schema's titles; what a value holds (a date, an
amount, a party …) comes from the schema too (:mod:`kbtools.schemas.annotations`), so a field
added to the schema is compared without new code.

The data may be invalid (the diff loads files that merely parse): a side that does not have
the expected shape counts as empty, and anything the walk cannot name is still reported
(»… er ændret.«), so two different files never compare equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kbtools.danish import (
    describe_value,
    format_duration,
    format_field,
    format_number,
    parse_iso_date,
)
from kbtools.diff import sentences
from kbtools.diff.matching import MISSING, item_key, pair_items, same_content
from kbtools.diff.sentences import Label, Where
from kbtools.schemas.annotations import Node, find_display, reference_names

ADDED = "tilføjet"
REMOVED = "fjernet"
CHANGED = "ændret"


@dataclass(frozen=True)
class Change:
    """One change: what kind, the top-level element it belongs to, and the Danish sentence."""

    kind: str
    element: str
    text: str


def _dict(value: Any) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


_PYTHON_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "number": (int, float),
    "integer": int,
    "boolean": bool,
    "object": dict,
    "array": list,
}


def _misplaced(value: Any, json_type: str | None) -> bool:
    """A text or number (not ja/nej) in a field of another declared type."""
    if json_type not in _PYTHON_TYPES or isinstance(value, bool):
        return False
    if not isinstance(value, str | int | float):
        return False
    return json_type == "boolean" or not isinstance(value, _PYTHON_TYPES[json_type])


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _both(kind: type, old: Any, new: Any) -> bool:
    return isinstance(old, kind) and isinstance(new, kind)


def _sorted_keys(*mappings: dict[Any, Any]) -> list[Any]:
    keys = {key for mapping in mappings for key in mapping}
    return sorted(keys, key=lambda key: (str(key), type(key).__name__))


_DECLARING = frozenset({"type", "properties", "items", "additionalProperties", "enum", "const"})


def _infer(node: Node, old: Any, new: Any) -> Node:
    """A field the schema does not describe is walked as what its values are (group or list)."""
    if _DECLARING & node.node.keys():
        return node
    values = [value for value in (old, new) if value is not None]
    for kind, python_type in (("object", dict), ("array", list)):
        if values and all(isinstance(value, python_type) for value in values):
            return Node(node.root, {**node.node, "type": kind}, node.key)
    return node


class Walker:
    """Collects the changes from ``old`` to ``new`` (top-level dicts) under ``schema``."""

    def __init__(self, schema: dict[str, Any], old: dict[Any, Any], new: dict[Any, Any]) -> None:
        self.root = Node.of(schema, schema)
        self.old, self.new = old, new
        self.changes: list[Change] = []
        self.element = ""
        self._names: dict[str, dict[str, str]] = {}
        self.unit = "kr."
        path = find_display(schema, "enhed")
        for data in (old, new):
            unit = self._at(data, path) if path else None
            if isinstance(unit, str) and unit:
                self.unit = unit

    @staticmethod
    def _at(data: Any, path: tuple[str, ...]) -> Any:
        for key in path:
            data = _dict(data).get(key)
        return data

    def add(self, kind: str, text: str) -> None:
        self.changes.append(Change(kind, self.element, text))

    # --- values -----------------------------------------------------------------------

    def names(self, list_key: str) -> dict[str, str]:
        """Id → name of the items of top-level list ``list_key`` (the new version wins)."""
        if list_key not in self._names:
            self._names[list_key] = reference_names(self.root.root, list_key, self.old, self.new)
        return self._names[list_key]

    def show(self, value: Any, node: Node) -> str:
        """``value`` of a field described by ``node``, as Danish text (free texts quoted).

        A text or number where the schema wants another type is named as such (»teksten
        »ja«« where ja/nej was expected), so that the reader sees what is wrong with it.
        """
        if _misplaced(value, node.type):
            return describe_value(value)
        names = self.names(node.reference) if node.reference else None
        return format_field(value, node.kind, unit=self.unit, names=names, quoted=True)

    # --- the walk ---------------------------------------------------------------------

    def run(self) -> list[Change]:
        order = self.root.properties()
        extra = [key for key in _sorted_keys(self.old, self.new) if key not in order]
        for key in [*order, *extra]:
            self.element = str(key)
            node = self.root.child(key) if key in order else Node.of(self.root.root, {}, str(key))
            old, new = self.old.get(key), self.new.get(key)
            if same_content(old, new):
                continue
            if old is None:
                self.add(ADDED, sentences.element_added(node.title))
            elif new is None:
                self.add(REMOVED, sentences.element_removed(node.title))
            else:
                count = len(self.changes)
                self.dispatch(Where((Label(node.title),)), node, old, new)
                if len(self.changes) == count:
                    self.add(CHANGED, sentences.element_changed(node.title))
        return self.changes

    def compare(self, where: Where, node: Node, old: Any, new: Any) -> None:
        """Report the changes below ``where``; something is always said when they differ."""
        count = len(self.changes)
        self.dispatch(where, node, old, new)
        if len(self.changes) == count:
            self.add(CHANGED, sentences.changed(where))

    def dispatch(self, where: Where, node: Node, old: Any, new: Any) -> None:
        node = _infer(node, old, new)
        if node.shape == "array":
            self.walk_list(where, node, _list(old), _list(new))
        elif node.shape == "map" and not node.is_value:
            self.walk_map(where, node, _dict(old), _dict(new))
        elif old is None or new is None:
            self.presence(where, node, old, new)
        elif self.special(where, node, old, new):
            return
        elif node.shape == "object" and (not node.is_value or _both(dict, old, new)):
            self.walk_object(where, node, _dict(old), _dict(new))
        elif node.is_free_text and isinstance(old, str) and isinstance(new, str):
            self.add(CHANGED, sentences.text_changed(where))
        else:
            old_text, new_text = self.show(old, node), self.show(new, node)
            if old_text != new_text:
                self.add(CHANGED, sentences.value_changed(where, old_text, new_text))

    def presence(self, where: Where, node: Node, old: Any, new: Any) -> None:
        """A field that exists on one side only."""
        added = old is None
        value = new if added else old
        kind = ADDED if added else REMOVED
        if node.shape == "object" and not node.is_value:
            group = sentences.group_added if added else sentences.group_removed
            self.add(kind, group(where.parent, node.title))
        elif node.is_free_text and isinstance(value, str):
            self.add(kind, (sentences.text_added if added else sentences.text_removed)(where))
        else:
            value_sentence = sentences.value_added if added else sentences.value_removed
            self.add(kind, value_sentence(where, self.show(value, node)))

    def special(self, where: Where, node: Node, old: Any, new: Any) -> bool:
        """The two sentences plain Danish needs: a changed duration, a moved end date."""
        if node.display == "tid":
            before, after = format_duration(old), format_duration(new)
            if before is None or after is None or before == after:
                return False
            if old.get("pr") == new.get("pr"):
                before = format_number(old["timer"])
            self.add(CHANGED, sentences.duration_changed(where, before, after))
            return True
        if node.display == "slutdato":
            old_day, new_day = parse_iso_date(old), parse_iso_date(new)
            if old_day is None or new_day is None:
                return False
            place = where.parent if where.parent.labels else where
            self.add(CHANGED, sentences.end_date_moved(place, old_day, new_day))
            return True
        return False

    def walk_object(
        self, where: Where, node: Node, old: dict[Any, Any], new: dict[Any, Any]
    ) -> None:
        order = node.properties()
        extra = [key for key in _sorted_keys(old, new) if key not in order]
        for key in [*order, *extra]:
            before, after = old.get(key), new.get(key)
            if not same_content(before, after):
                child = node.child(key) if key in order else Node.of(node.root, {}, str(key))
                # a lookup table's entries are named after its owner: »Budgetpost »U« 2028«
                place = where if child.shape == "map" else where / Label(child.title)
                self.compare(place, child, before, after)

    def walk_map(self, where: Where, node: Node, old: dict[Any, Any], new: dict[Any, Any]) -> None:
        """A lookup table such as ``pr_år``: each entry is named by its key (»… 2028«)."""
        values = node.child("")
        for key in _sorted_keys(old, new):
            before, after = old.get(key), new.get(key)
            if not same_content(before, after):
                self.compare(where.suffixed(str(key)), values, before, after)

    def walk_list(self, where: Where, node: Node, old: list[Any], new: list[Any]) -> None:
        items = node.items()
        if node.is_text_list:
            for before, after in pair_items(old, new, item_key(())):
                if before is MISSING:
                    self.add(ADDED, sentences.value_added(where, self.show(after, items)))
                elif after is MISSING:
                    self.add(REMOVED, sentences.value_removed(where, self.show(before, items)))
            return
        head = where.parent / Label(items.title, item=True)
        for before, after in pair_items(old, new, item_key(node.key_fields)):
            if before is MISSING:
                self.add(ADDED, sentences.item_added(head, *self.describe(node, after)))
            elif after is MISSING:
                self.add(REMOVED, sentences.item_removed(head, *self.describe(node, before)))
            elif not same_content(before, after):
                self.compare(where.parent / self.label(node, after), items, before, after)

    # --- naming list items ------------------------------------------------------------

    def label(self, node: Node, item: Any) -> Label:
        """How a matched item is named: a party by its name, others by title and key."""
        items = node.items()
        name = _dict(item).get(node.name_field) if node.name_field else None
        if isinstance(name, str) and name:
            return Label(name, title=False, item=True)
        keys = node.key_fields
        if len(keys) == 1 and items.child(keys[0]).reference:
            return Label(self.show(_dict(item).get(keys[0]), items.child(keys[0])), False, True)
        return Label(f"{items.title} {self.key_text(node, _dict(item))}".strip(), item=True)

    def key_text(self, node: Node, item: dict[Any, Any]) -> str:
        """The item's key values; a whole number names the item (»Evaluering 2027«, not 2.027)."""
        items = node.items()
        return ", ".join(
            str(item[key]) if _is_whole(item[key]) else self.show(item[key], items.child(key))
            for key in node.key_fields
            if item.get(key) is not None
        )

    def describe(self, node: Node, item: Any) -> tuple[str, list[str]]:
        """An added or removed item: its name and a short summary of its other values."""
        if not isinstance(item, dict):
            return self.show(item, node.items()), []
        label = self.label(node, item)
        name = label.text if not label.title else self.key_text(node, item)
        skip = {*node.key_fields, node.name_field}
        items = node.items()
        summary: list[str] = []
        for key in items.properties():
            child, value = items.child(key), item.get(key)
            if key in skip or value is None or child.is_free_text:
                continue
            if child.shape == "map":
                values = child.child("")
                entries = _dict(value)
                summary += [f"{k}: {self.show(entries[k], values)}" for k in _sorted_keys(entries)]
            elif child.is_value and (child.kind == "date" or child.type in ("number", "integer")):
                summary.append(f"{child.title.lower()} {self.show(value, child)}")
            elif child.is_value:
                summary.append(self.show(value, child))
        return name, summary
