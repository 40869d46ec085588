"""From agreement to typology: what an agreement's content points to, per parameter.

An agreement only shows what parties have *written down*; the level it points to is a
starting point for a conversation, not an assessment. Each rule names the evidence it found
and what is missing to reach the next level, so the consultant sees why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SYSTEMS = ("beskæftigelse", "uddannelse", "erhvervsfremme")


@dataclass(frozen=True)
class Indication:
    """What the agreement points to for one parameter (None: says nothing about it)."""

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
    parties = [p for p in _list(data, "parter") if isinstance(p, dict)]
    systems = {p.get("system") for p in parties}
    commission = _dict(data, "kommissorium")
    meetings = {m.get("niveau") for m in _list(data, "møder") if isinstance(m, dict)}
    communication = _dict(data, "kommunikation")
    learning = _dict(data, "læring")
    efforts = {e.get("type") for e in _list(data, "indsatser") if isinstance(e, dict)}
    resources = [r for r in _list(data, "ressourcer") if isinstance(r, dict)]
    party_ids = {p.get("id") for p in parties}
    with_time = {r.get("part") for r in resources if isinstance(r.get("minimumstid"), dict)}
    result: list[Indication] = []

    missing_systems = [s for s in SYSTEMS if s not in systems]
    if missing_systems:
        result.append(
            Indication(
                "mandat",
                "kantine",
                (f"Parter fra {len(SYSTEMS) - len(missing_systems)} af de tre systemer.",),
                ("Parter fra " + ", ".join(missing_systems) + ".",),
            )
        )
    elif commission:
        result.append(
            Indication(
                "mandat",
                "klub",
                ("Alle tre systemer er med.", "Et kommissorium beskriver mandatet."),
                ("At partnerskabet består uden eksterne projektmidler (vurderes i dialog).",),
            )
        )
    else:
        result.append(
            Indication(
                "mandat", "klub", ("Alle tre systemer er med.",), ("Et kommissorium med mandat.",)
            )
        )

    if commission.get("fælles_mål"):
        result.append(Indication("maal", "kompagni", ("Kommissoriet har fælles mål.",), ()))
    else:
        result.append(
            Indication(
                "maal",
                "klub" if _dict(data, "formål") else None,
                ("Aftalen har et fælles formål med mål.",) if _dict(data, "formål") else (),
                ("Et kommissorium med »fælles_mål«.",),
            )
        )

    if resources and party_ids and party_ids <= with_time:
        result.append(
            Indication(
                "ressourcer",
                "klub",
                ("Alle parter har afsat en minimumstid.",),
                ("Flere faste medarbejdere fra alle tre politikområder.",),
            )
        )
    else:
        result.append(
            Indication(
                "ressourcer", "kantine", (), ("En minimumstid for hver part under »ressourcer«.",)
            )
        )

    if {"ledelse", "medarbejder"} <= meetings:
        evidence = ["Faste møder på ledelses- og medarbejderniveau."]
        missing = []
        if communication.get("informationsdeling"):
            evidence.append("Aftalt informationsdeling.")
        else:
            missing.append("Aftalt informationsdeling under »kommunikation«.")
        if communication.get("fælles_platform"):
            evidence.append("En fælles platform.")
        else:
            missing.append("En fælles platform (navn, logo, hjemmeside).")
        result.append(
            Indication(
                "institutionalisering",
                "klub" if missing else "kompagni",
                tuple(evidence),
                tuple(missing),
            )
        )
    else:
        result.append(
            Indication(
                "institutionalisering",
                "kantine",
                (),
                ("Faste møder på både ledelses- og medarbejderniveau under »møder«.",),
            )
        )

    if learning.get("selvevaluering") and learning.get("videndeling"):
        result.append(
            Indication("laering", "kompagni", ("Selvevaluering og videndeling er aftalt.",), ())
        )
    elif learning.get("selvevaluering"):
        result.append(
            Indication(
                "laering",
                "klub",
                ("Selvevaluering er aftalt.",),
                ("Videndeling i moderorganisationerne.",),
            )
        )
    else:
        result.append(
            Indication("laering", None, (), ("En aftale om selvevaluering under »læring«.",))
        )

    if {"operationel", "strategisk"} <= efforts:
        result.append(
            Indication(
                "projektindsatser",
                "kompagni",
                ("Både operationelle og strategiske indsatser.",),
                (),
            )
        )
    elif "operationel" in efforts:
        result.append(
            Indication(
                "projektindsatser",
                "klub",
                ("Fælles operationelle indsatser.",),
                ("En fælles strategisk indsats.",),
            )
        )
    else:
        result.append(
            Indication(
                "projektindsatser",
                None,
                (),
                ("Fælles indsatser under »indsatser«, operationelle og strategiske.",),
            )
        )

    for parameter in ("forhold", "udbytte"):
        result.append(
            Indication(parameter, None, (), ("Kan ikke læses af aftalen; vurder det i dialog.",))
        )
    return result
