"""Small helpers shared by the rules: safe getters and a finding factory."""

from __future__ import annotations

from typing import Any

from kbtools.checking.schema import help_url
from kbtools.findings import Finding, Level
from kbtools.loading import DataPath, Document

SCHEMA = "partnerskabsaftale-1"


def make(document: Document, path: DataPath, level: Level, code: str, message: str) -> Finding:
    position = document.position_of(path)
    return Finding(
        document.file,
        position.line,
        position.column,
        level,
        code,
        message,
        help_url(SCHEMA, path),
    )


def items(data: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    """The mapping items of list ``data[key]`` with their index (skipping malformed ones)."""
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]


def party_names(data: Any) -> dict[str, str]:
    """Party id → name, for the parties that have a text id."""
    names: dict[str, str] = {}
    for _, party in items(data, "parter"):
        party_id = party.get("id")
        if isinstance(party_id, str):
            name = party.get("navn")
            names.setdefault(party_id, name if isinstance(name, str) else party_id)
    return names
