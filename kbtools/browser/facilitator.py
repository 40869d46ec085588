"""The facilitator view's Python side: rating files in, the combined result out, as JSON.

The page ``selvevaluering/samling`` sends the rating files it has (opened files, or ratings
typed in during the meeting and written as rating files by the page) to :func:`combine_files`
through the browser runtime (:mod:`kbtools.browser.entry`). It runs exactly the code of
``kbtools vurdering saml``; the answer has the combined assessment as YAML (what the CLI
writes), a table-ready overview per parameter and the findings as
:mod:`kbtools.browser.findings` gives them; every key is English ASCII (the YAML keeps the
rating files' Danish keys).
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from kbtools.browser.findings import finding_data
from kbtools.data.typology import load_typology
from kbtools.typology.cases import Assessment, ParameterAssessment
from kbtools.typology.combine import combine_bytes
from kbtools.typology.group_views import RatingsView, ratings_view
from kbtools.typology.ratings import DISCUSS_RULE, ratings_of
from kbtools.yaml_writer import to_yaml

#: The first lines of a combined assessment saved from the page (the CLI writes its own).
COMMENT = (
    "Samlet på LKS-vidensbasen (samme kode som kbtools vurdering saml). Niveauerne under\n"
    "parametre er gruppens forslag; ret dem, når I har drøftet de markerede parametre."
)


def _content(item: dict[str, Any]) -> bytes:
    encoded = item.get("base64")
    if isinstance(encoded, str):
        return base64.b64decode(encoded)
    return str(item.get("text", "")).encode("utf-8")


def _view(data: dict[str, Any]) -> RatingsView | None:
    parameters = {
        str(item["parameter"]): ParameterAssessment(str(item["niveau"]), str(item["begrundelse"]))
        for item in data["parametre"]
    }
    assessment = Assessment(
        Path(""),
        str(data["dato"]),
        str(data["metode"]),
        tuple(data["vurderet_af"]),
        parameters,
        ratings_of(data),
    )
    return ratings_view(assessment)


def _reasons(data: dict[str, Any], parameter: str, names: dict[str, str]) -> list[dict[str, str]]:
    """Each participant's level and reason on ``parameter``, next to each other."""
    found = []
    for rating in ratings_of(data):
        level = rating.levels.get(parameter)
        if level is None:
            continue
        found.append(
            {
                "name": rating.name,
                "system": rating.system,
                "level": names.get(level, level),
                "levelId": level,
                "reason": rating.reasons.get(parameter, ""),
            }
        )
    return found


def overview(view: RatingsView, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """What the page shows: the meeting's agenda, the parameters ordered by how far apart the
    ratings are (a split from the lowest level to the highest first), each with the group's
    proposal, the counts, each system's median and every participant's level and reason."""
    levels = [level for level, _ in view.parameters[0].counts] if view.parameters else []
    names = {level.id: level.name for level in levels}
    rows: list[dict[str, Any]] = [
        {
            "id": row.parameter.id,
            "name": row.parameter.name,
            "level": row.level.name,
            "levelId": row.level.id,
            "counts": [count for _, count in row.counts],
            "systems": row.systems_text,
            "discuss": row.discuss,
            "fullSpan": row.full_span,
            "systemsDiffer": row.systems_differ,
            "span": row.span,
            "why": row.why if row.discuss else "",
            "reasons": _reasons(data, row.parameter.id, names) if data else [],
        }
        for row in view.parameters
    ]
    # the agenda: the widest spread first, then the systems' disagreement, else the typology's
    # order (sorted() keeps it for equal keys)
    rows = sorted(rows, key=lambda r: (-r["span"], not r["systemsDiffer"]))
    return {
        "intro": view.intro,
        "disagreementIntro": view.disagreement_intro,
        "rule": DISCUSS_RULE,
        "levelNames": [level.name for level in levels],
        "levelIds": [level.id for level in levels],
        "parameters": rows,
        "disagreements": [row.why for row in view.disagreements],
    }


def decide(data: dict[str, Any], decisions: Any) -> None:
    """The group's decision per parameter (``{parameter id: {"level", "reason"}}``), written
    into the combined assessment: its level (``niveau``) and its reason (``begrundelse``,
    replacing the proposal's explanation); a parameter the group has decided is no longer
    marked for discussion."""
    if not isinstance(decisions, dict):
        return
    levels = {level.id for level in load_typology().levels}
    for item in data["parametre"]:
        decision = decisions.get(item["parameter"])
        if not isinstance(decision, dict):
            continue
        level = decision.get("level")
        reason = decision.get("reason")
        if isinstance(level, str) and level in levels:
            item["niveau"] = level
        if isinstance(reason, str) and reason.strip():
            item["begrundelse"] = reason.strip()
            item.pop("drøftes", None)


def combine_files(args: dict[str, Any]) -> dict[str, Any]:
    """``{"files": [{"name": …, "text" or "base64": …}, …], "decisions": {…}}`` → the
    combined result, with the group's decisions (:func:`decide`) in its YAML.

    ``yaml`` and ``overview`` are None when the ratings cannot be combined; ``findings`` says
    why (with the file names given), and also lists warnings when they can. ``partnership``
    and ``date`` are the combined assessment's (for the meeting sheet's title and the file
    name), None when there is none.
    """
    files = [
        (str(item.get("name") or f"bedømmelse-{index + 1}.yaml"), _content(item))
        for index, item in enumerate(args.get("files") or [])
        if isinstance(item, dict)
    ]
    if not files:
        return _answer(None, None, [], 0)
    combined = combine_bytes(files)
    findings = [finding_data(f) for f in combined.findings]
    if combined.data is None:
        return _answer(None, None, findings, len(files))
    view = _view(combined.data)
    shown = overview(view, combined.data) if view is not None else None
    decide(combined.data, args.get("decisions"))
    answer = _answer(to_yaml(combined.data, COMMENT), shown, findings, len(files))
    answer.update(partnership=str(combined.data["partnerskab"]), date=str(combined.data["dato"]))
    return answer


def _answer(
    text: str | None, shown: dict[str, Any] | None, findings: list[dict[str, Any]], count: int
) -> dict[str, Any]:
    return {
        "yaml": text,
        "overview": shown,
        "findings": findings,
        "fileCount": count,
        "partnership": None,
        "date": None,
    }
