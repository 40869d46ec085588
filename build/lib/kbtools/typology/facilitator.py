"""The facilitator view's Python side: rating files in, the combined result out, as JSON.

The page ``selvevaluering/samling`` sends the rating files it has (opened files, or ratings
typed in during the meeting and written as rating files by the page) to :func:`combine_files`
through the browser runtime (:mod:`kbtools.browser.entry`). It runs exactly the code of
``kbtools vurdering saml``; the answer has the combined assessment as YAML (what the CLI
writes), a table-ready overview per parameter and the findings in the CLI's JSON form.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from kbtools.reporting.jsonout import finding_as_json
from kbtools.typology.cases import Assessment, ParameterAssessment
from kbtools.typology.combine import combine_bytes
from kbtools.typology.group_views import RatingsView, ratings_view
from kbtools.typology.ratings import ratings_of
from kbtools.typology.yaml_text import to_yaml

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


def overview(view: RatingsView) -> dict[str, Any]:
    """What the page shows: per parameter the group's level, the counts and each system."""
    return {
        "intro": view.intro,
        "uenige_intro": view.disagreement_intro,
        "niveauer": [level.name for level, _ in view.parameters[0].counts]
        if view.parameters
        else [],
        "parametre": [
            {
                "id": row.parameter.id,
                "navn": row.parameter.name,
                "niveau": row.level.name,
                "niveau_id": row.level.id,
                "antal": [count for _, count in row.counts],
                "systemer": row.systems_text,
                "drøftes": row.discuss,
            }
            for row in view.parameters
        ],
        "uenige": [row.why for row in view.disagreements],
    }


def combine_files(args: dict[str, Any]) -> dict[str, Any]:
    """``{"filer": [{"name": …, "text" or "base64": …}, …]}`` → the combined result.

    ``yaml`` and ``oversigt`` are None when the ratings cannot be combined; ``fund`` says why
    (with the file names given), and also lists warnings when they can.
    """
    files = [
        (str(item.get("name") or f"bedømmelse-{index + 1}.yaml"), _content(item))
        for index, item in enumerate(args.get("filer") or [])
        if isinstance(item, dict)
    ]
    if not files:
        return {"yaml": None, "oversigt": None, "fund": [], "antal_filer": 0}
    combined = combine_bytes(files)
    findings = [finding_as_json(f) for f in combined.findings]
    if combined.data is None:
        return {"yaml": None, "oversigt": None, "fund": findings, "antal_filer": len(files)}
    view = _view(combined.data)
    return {
        "yaml": to_yaml(combined.data, COMMENT),
        "oversigt": overview(view) if view is not None else None,
        "fund": findings,
        "antal_filer": len(files),
    }
