"""A loaded YAML file: plain data plus the position of every node."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kbtools.findings import DataPath


@dataclass(frozen=True)
class Position:
    """1-based line and column of a node in its file."""

    line: int
    column: int


@dataclass
class Document:
    """Plain data (dict/list/str/int/float/bool/None, keys NFC-normalised str) with positions.

    ``positions[path]`` is where the value at ``path`` starts; ``key_positions[path]`` is
    where its mapping key starts (absent for list items and the root).
    """

    file: str
    data: Any
    positions: dict[DataPath, Position] = field(default_factory=dict)
    key_positions: dict[DataPath, Position] = field(default_factory=dict)

    def position_of(self, path: DataPath) -> Position:
        """Position of ``path``, or of its nearest existing ancestor."""
        current = tuple(path)
        while current:
            found = self.positions.get(current)
            if found is not None:
                return found
            current = current[:-1]
        return self.positions.get((), Position(1, 1))

    def key_position_of(self, path: DataPath) -> Position:
        """Position of the key naming ``path`` (falls back to the value's position)."""
        return self.key_positions.get(tuple(path)) or self.position_of(path)
