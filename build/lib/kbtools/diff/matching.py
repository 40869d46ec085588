"""Equality that ignores order, and pairing of list items by their key."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from typing import Any


def canonical(value: Any) -> Hashable:
    """``value`` as nested tuples with every list sorted, so that a reordering compares equal.

    A key with an empty value (``værdisæt:``) counts as absent, as everywhere in the diff.
    Types are kept apart: ``False``, ``0`` and ``0.0`` are different values.
    """
    if isinstance(value, dict):
        items = sorted(
            ((str(key), canonical(item)) for key, item in value.items() if item is not None),
            key=repr,
        )
        return ("dict", tuple(items))
    if isinstance(value, list | tuple):
        return ("list", tuple(sorted((canonical(item) for item in value), key=repr)))
    try:
        hash(value)
    except TypeError:
        return (type(value).__name__, repr(value))
    return (type(value).__name__, value)


class Missing:
    """The side of a pair where an item does not exist (``None`` may be a real list item)."""


MISSING = Missing()


def same_content(old: Any, new: Any) -> bool:
    """True when ``old`` and ``new`` differ at most in the order of list items."""
    return bool(canonical(old) == canonical(new))


def item_key(fields: tuple[str, ...]) -> Callable[[Any], Hashable]:
    """How items are matched: by the values of ``fields`` (a group), else by the whole item."""

    def key(item: Any) -> Hashable:
        if fields and isinstance(item, dict):
            return ("key", tuple(canonical(item.get(field)) for field in fields))
        return ("item", canonical(item))

    return key


def pair_items(
    old: list[Any], new: list[Any], key: Callable[[Any], Hashable]
) -> Iterator[tuple[Any, Any]]:
    """Pairs of (old item, new item) with the same key; :data:`MISSING` where there is none.

    Items with the same key are paired in order; old items come first in old order, then the
    new-only items in new order.
    """
    remaining: dict[Hashable, list[int]] = {}
    for index, item in enumerate(new):
        remaining.setdefault(key(item), []).append(index)
    paired: set[int] = set()
    for item in old:
        candidates = remaining.get(key(item))
        if candidates:
            index = candidates.pop(0)
            paired.add(index)
            yield item, new[index]
        else:
            yield item, MISSING
    for index, item in enumerate(new):
        if index not in paired:
            yield MISSING, item
