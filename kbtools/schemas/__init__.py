"""The JSON Schemas shipped with kbtools, and the few helpers every reader of them needs.

The agreement schema is the single source of truth for the validator, the editor
autocompletion, the docs field reference and the template. Readers go through
:func:`load_schema` and :func:`resolve` so that ``$ref`` handling lives in one place.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

#: Folder holding ``*.schema.json``; published with the site under ``skemaer/``.
SCHEMA_DIR = Path(__file__).resolve().parent
#: Folder holding the generated ``*.editor.json`` (written by ``python -m kbtools.editor``);
#: published under ``skemaer/editor/``.
EDITOR_DIR = SCHEMA_DIR / "editor"


def schema_path(name: str) -> Path:
    """Path of the schema file called ``<name>.schema.json``."""
    return SCHEMA_DIR / f"{name}.schema.json"


def schema_files() -> list[Path]:
    """Every schema shipped with kbtools, sorted by name."""
    return sorted(SCHEMA_DIR.glob("*.schema.json"))


@cache
def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def load_schema(name: str) -> dict[str, Any]:
    """The parsed schema (cached; treat it as read-only)."""
    return _load(schema_path(name))


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """``node`` with a local ``$ref`` replaced by its target.

    Keywords next to ``$ref`` (typically ``title`` and ``description``) win over the
    target's: the agreement schema uses them to name a shared definition in context.
    """
    seen: set[str] = set()
    while "$ref" in node:
        ref = node["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/") or ref in seen:
            raise ValueError(f"Unsupported or circular $ref: {ref!r}")
        seen.add(ref)
        target: Any = schema
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        node = {**target, **siblings}
    return node


def node_at(schema: dict[str, Any], path: tuple[str | int, ...]) -> dict[str, Any]:
    """The schema node (``$ref`` resolved) that describes the value at ``path`` in a file,
    following ``properties`` (or ``additionalProperties``) for keys and ``items`` for list
    indices; ``{}`` when the schema does not describe it."""
    node: Any = schema
    for part in path:
        if not isinstance(node, dict):
            return {}
        node = resolve(schema, node)
        if isinstance(part, str):
            node = (node.get("properties") or {}).get(part, node.get("additionalProperties"))
        else:
            node = node.get("items")
    return resolve(schema, node) if isinstance(node, dict) else {}
