"""Element titles from the schemas: the names readers know (»Fælles mål«, not ``fælles_mål``).

Findings carry the title of the element they are about (:func:`title_at`); texts written for
readers name elements by title (:func:`element_titles`, :func:`fill`).
"""

from __future__ import annotations

import string
from functools import cache
from typing import Any

from kbtools.findings import DataPath, element_label
from kbtools.schemas import load_schema, node_at, resolve, schema_files


def title_at(schema: dict[str, Any], path: DataPath) -> str:
    """The ``title`` of the schema node that describes the value at ``path`` ("" if none)."""
    title = node_at(schema, path).get("title") if path else None
    return title if isinstance(title, str) else ""


@cache
def element_titles() -> dict[str, str]:
    """Every YAML key of the shipped schemas → its title (»fælles_mål« → »Fælles mål«); the
    first title wins where two elements share a key."""
    titles: dict[str, str] = {}
    # the agreement's titles win: the texts that name elements by key are about agreements
    for path in sorted(schema_files(), key=lambda p: not p.name.startswith("partnerskabsaftale")):
        schema = load_schema(path.name.removesuffix(".schema.json"))
        _collect(schema, schema, titles, set())
    return titles


def _collect(schema: dict[str, Any], node: Any, titles: dict[str, str], seen: set[int]) -> None:
    if not isinstance(node, dict) or id(node) in seen:
        return
    seen.add(id(node))
    node = resolve(schema, node)
    for key, child in (node.get("properties") or {}).items():
        resolved = resolve(schema, child) if isinstance(child, dict) else {}
        title = resolved.get("title")
        if isinstance(title, str) and title:
            titles.setdefault(key, title)
        _collect(schema, child, titles, seen)
    for keyword in ("items", "additionalProperties"):
        _collect(schema, node.get(keyword), titles, seen)
    for keyword in ("anyOf", "oneOf", "allOf"):
        for child in node.get(keyword) or []:
            _collect(schema, child, titles, seen)


def fill(template: str, *, readers: bool) -> str:
    """``template`` with each ``{key}`` naming an element: »læring« for maintainers (the key
    they write), »Læring og selvevaluering« for readers (its title)."""
    titles = element_titles()
    keys = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    labels = {key: element_label(key, titles.get(key, key), readers=True) for key in keys}
    return template.format(**(labels if readers else {key: f"»{key}«" for key in keys}))
