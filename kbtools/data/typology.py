"""The typology data model.

The typology lives in ``kbtools/data/typologi.yaml`` (next to this module) so that the docs
table, the assessment schema's parameter ids and the case pages all read one source of truth.
The file ships with kbtools, so a broken file is a programming error: we raise instead of
producing findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "typologi.yaml"


@dataclass(frozen=True)
class Level:
    """One of the three levels (kantine, klub, kompagni)."""

    id: str
    name: str
    integration: str


@dataclass(frozen=True)
class Parameter:
    """One of the eight parameters with a description per level id."""

    id: str
    name: str
    descriptions: dict[str, str]


@dataclass(frozen=True)
class Typology:
    """The whole typology, levels in rising order of integration."""

    source: str
    levels: tuple[Level, ...]
    parameters: tuple[Parameter, ...]

    @property
    def level_ids(self) -> tuple[str, ...]:
        return tuple(level.id for level in self.levels)

    @property
    def parameter_ids(self) -> tuple[str, ...]:
        return tuple(parameter.id for parameter in self.parameters)

    def level(self, level_id: str) -> Level:
        return next(level for level in self.levels if level.id == level_id)

    def rank(self, level_id: str) -> int:
        """0-based position of a level (kantine=0 … kompagni=2)."""
        return self.level_ids.index(level_id)


@lru_cache(maxsize=1)
def load_typology() -> Typology:
    """Load and check the packaged typology file (through the project's safe loader)."""
    from kbtools.loading import load_bytes

    document, findings = load_bytes(DATA_FILE.read_bytes(), str(DATA_FILE))
    if document is None or not isinstance(document.data, dict):
        raise RuntimeError(f"{DATA_FILE}: {[f.message for f in findings]}")
    data = document.data
    levels = tuple(
        Level(str(item["id"]), str(item["navn"]), str(item["integration"]))
        for item in data["niveauer"]
    )
    level_ids = {level.id for level in levels}
    parameters = []
    for item in data["parametre"]:
        descriptions = {str(key): str(value) for key, value in item["niveauer"].items()}
        if set(descriptions) != level_ids:
            raise RuntimeError(f"{DATA_FILE}: parameter {item['id']} lacks a level")
        parameters.append(Parameter(str(item["id"]), str(item["navn"]), descriptions))
    return Typology(str(data["kilde"]), levels, tuple(parameters))
