"""Changing one value deep inside loaded YAML data, for the property tests that damage files."""

from __future__ import annotations

from typing import Any


def replace_at(data: Any, path: tuple[Any, ...], value: Any, delete: bool) -> None:
    """Set the value at ``path`` (keys and list indices) in ``data`` to ``value``, or delete
    it when ``delete``."""
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
