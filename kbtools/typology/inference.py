"""From agreement to typology: what an agreement's content points to, per parameter.

An agreement only shows what parties have *written down*; the level it points to is a
starting point for a conversation, not an assessment. Each rule names the evidence it found
and what is missing to reach the next level, so the consultant sees why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SYSTEMS = ("beskæftigelse", "uddannelse", "erhvervsfremme")


@dataclass(frozen=True)
class Indication:
    """What the agreement points to for one parameter (None: says nothing about it).

    ``evidence`` and ``missing`` are texts with ``{key}`` where they name an element;
    :func:`kbtools.schemas.titles.fill` writes the key or, for readers, the title.
    """

    parameter: str
    level: str | None
    evidence: tuple[str, ...]
    missing: tuple[str, ...]


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return value if isinstance(value, list) else []


def _dict(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def infer(data: dict[str, Any]) -> list[Indication]:
    """Indications for all eight parameters, in the typology's order."""
    return [rule(data) for rule in _RULES]


def _mandate(data: dict[str, Any]) -> Indication:
    systems = {p.get("system") for p in _list(data, "parter") if isinstance(p, dict)}
    missing_systems = [s for s in SYSTEMS if s not in systems]
    if missing_systems:
        return Indication(
            "mandat",
            "kantine",
            (f"Parter fra {len(SYSTEMS) - len(missing_systems)} af de tre systemer.",),
            ("Parter fra " + ", ".join(missing_systems) + ".",),
        )
    if _dict(data, "kommissorium"):
        return Indication(
            "mandat",
            "klub",
            ("Alle tre systemer er med.", "Et kommissorium beskriver mandatet."),
            ("At partnerskabet består uden eksterne projektmidler (vurderes i dialog).",),
        )
    return Indication(
        "mandat", "klub", ("Alle tre systemer er med.",), ("Et kommissorium med mandat.",)
    )


def _goals(data: dict[str, Any]) -> Indication:
    if _dict(data, "kommissorium").get("fælles_mål"):
        return Indication("maal", "kompagni", ("Kommissoriet har fælles mål.",), ())
    purpose = bool(_dict(data, "formål"))
    return Indication(
        "maal",
        "klub" if purpose else None,
        ("Aftalen har et fælles formål med mål.",) if purpose else (),
        ("Et kommissorium med {fælles_mål}.",),
    )


def _resources(data: dict[str, Any]) -> Indication:
    resources = [r for r in _list(data, "ressourcer") if isinstance(r, dict)]
    party_ids = {p.get("id") for p in _list(data, "parter") if isinstance(p, dict)}
    with_time = {r.get("part") for r in resources if isinstance(r.get("minimumstid"), dict)}
    if resources and party_ids and party_ids <= with_time:
        return Indication(
            "ressourcer",
            "klub",
            ("Alle parter har afsat en minimumstid.",),
            ("Flere faste medarbejdere fra alle tre politikområder.",),
        )
    return Indication(
        "ressourcer", "kantine", (), ("En minimumstid for hver part under {ressourcer}.",)
    )


def _institutionalisation(data: dict[str, Any]) -> Indication:
    meetings = {m.get("niveau") for m in _list(data, "møder") if isinstance(m, dict)}
    if not {"ledelse", "medarbejder"} <= meetings:
        return Indication(
            "institutionalisering",
            "kantine",
            (),
            ("Faste møder på både ledelses- og medarbejderniveau under {møder}.",),
        )
    communication = _dict(data, "kommunikation")
    evidence = ["Faste møder på ledelses- og medarbejderniveau."]
    missing = []
    if communication.get("informationsdeling"):
        evidence.append("Aftalt informationsdeling.")
    else:
        missing.append("Aftalt informationsdeling under {kommunikation}.")
    if communication.get("fælles_platform"):
        evidence.append("En fælles platform.")
    else:
        missing.append("En fælles platform (navn, logo, hjemmeside).")
    level = "klub" if missing else "kompagni"
    return Indication("institutionalisering", level, tuple(evidence), tuple(missing))


def _learning(data: dict[str, Any]) -> Indication:
    learning = _dict(data, "læring")
    if learning.get("selvevaluering") and learning.get("videndeling"):
        return Indication("laering", "kompagni", ("Selvevaluering og videndeling er aftalt.",), ())
    if learning.get("selvevaluering"):
        return Indication(
            "laering",
            "klub",
            ("Selvevaluering er aftalt.",),
            ("Videndeling i moderorganisationerne.",),
        )
    return Indication("laering", None, (), ("En aftale om selvevaluering under {læring}.",))


def _efforts(data: dict[str, Any]) -> Indication:
    efforts = {e.get("type") for e in _list(data, "indsatser") if isinstance(e, dict)}
    if {"operationel", "strategisk"} <= efforts:
        return Indication(
            "projektindsatser", "kompagni", ("Både operationelle og strategiske indsatser.",), ()
        )
    if "operationel" in efforts:
        return Indication(
            "projektindsatser",
            "klub",
            ("Fælles operationelle indsatser.",),
            ("En fælles strategisk indsats.",),
        )
    return Indication(
        "projektindsatser",
        None,
        (),
        ("Fælles indsatser under {indsatser}, operationelle og strategiske.",),
    )


def _in_dialogue(parameter: str) -> Callable[[dict[str, Any]], Indication]:
    """A parameter an agreement cannot show: it is assessed in dialogue."""

    def rule(_: dict[str, Any]) -> Indication:
        return Indication(parameter, None, (), ("Kan ikke læses af aftalen; vurder det i dialog.",))

    return rule


_RULES: tuple[Callable[[dict[str, Any]], Indication], ...] = (
    _mandate,
    _goals,
    _resources,
    _institutionalisation,
    _learning,
    _efforts,
    _in_dialogue("forhold"),
    _in_dialogue("udbytte"),
)
