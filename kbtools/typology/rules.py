"""Cross-field rules for typology assessments (``skema: typologivurdering/1``).

The JSON Schema checks each entry; these rules check the set as a whole against the
typology data: every parameter assessed exactly once, and a direction (``retning``) must
point to a neighbouring level, since a partnership moves one step at a time.
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtools.findings import Finding, Level, docs_url
from kbtools.loading import DataPath, Document
from kbtools.typology.model import load_typology

SCHEMA = "typologivurdering-1"
HELP_PAGE = "typologi/index.html"
CODES = (
    "vurdering-parameter-mangler",
    "vurdering-parameter-dobbelt",
    "vurdering-parameter-forslag",
    "vurdering-retning",
)


def _make(document: Document, path: DataPath, level: Level, code: str, message: str) -> Finding:
    position = document.position_of(path)
    return Finding(
        document.file, position.line, position.column, level, code, message, docs_url(HELP_PAGE)
    )


def check_parameters(document: Document) -> Iterator[Finding]:
    """Every parameter of the typology assessed exactly once; did-you-mean for typos."""
    from kbtools.checking.schema import suggest

    typology = load_typology()
    entries = document.data.get("parametre")
    if not isinstance(entries, list):
        return
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("parameter"), str):
            continue
        parameter = entry["parameter"]
        if parameter not in typology.parameter_ids:
            hint = suggest(parameter, list(typology.parameter_ids))
            if hint:
                yield _make(
                    document,
                    ("parametre", index, "parameter"),
                    Level.FEJL,
                    "vurdering-parameter-forslag",
                    f"Parameteren »{parameter}« findes ikke i typologien. Mente du »{hint}«?",
                )
            continue
        if parameter in seen:
            yield _make(
                document,
                ("parametre", index, "parameter"),
                Level.FEJL,
                "vurdering-parameter-dobbelt",
                f"Parameteren »{parameter}« er vurderet to gange (også i punkt nr. "
                f"{seen[parameter] + 1}). Vurder hver parameter én gang.",
            )
        else:
            seen[parameter] = index
    missing = [p.name for p in typology.parameters if p.id not in seen]
    if missing:
        yield _make(
            document,
            ("parametre",),
            Level.FEJL,
            "vurdering-parameter-mangler",
            "Vurderingen mangler disse parametre: " + "; ".join(missing) + ".",
        )


def check_direction(document: Document) -> Iterator[Finding]:
    """``retning`` must be the level just above or just below ``niveau``."""
    typology = load_typology()
    entries = document.data.get("parametre")
    if not isinstance(entries, list):
        return
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        level, direction = entry.get("niveau"), entry.get("retning")
        if direction is None or level not in typology.level_ids:
            continue
        if direction not in typology.level_ids:
            continue  # the schema already reports it
        if abs(typology.rank(str(direction)) - typology.rank(str(level))) != 1:
            neighbours = [
                typology.level(other).name
                for other in typology.level_ids
                if abs(typology.rank(other) - typology.rank(str(level))) == 1
            ]
            yield _make(
                document,
                ("parametre", index, "retning"),
                Level.FEJL,
                "vurdering-retning",
                f"Retningen skal pege på et naboniveau til »{level}«, altså "
                + " eller ".join(f"»{n}«" for n in neighbours)
                + f", men er »{direction}«.",
            )
