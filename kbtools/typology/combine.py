"""Combining participants' ratings into one assessment (``kbtools vurdering saml``).

Pure Python, so the browser's facilitator view runs the same code as the CLI. The input is the
checked rating files (:class:`~kbtools.api.CheckResult`); the output is the data of a combined
assessment and the findings that stopped it. Nothing is combined when any file has an error,
is not a rating, or when the files disagree on partnership or date, or a participant rated
twice: every such problem is a finding with the file, line and column to fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kbtools.api import CheckResult, check_bytes, wrong_kind
from kbtools.checking.rules.assessment_ratings import rater_key
from kbtools.danish import format_list, plural
from kbtools.data.typology import load_typology
from kbtools.findings import Code, DataPath, Finding, Level, docs_url, sort_findings
from kbtools.kinds import ASSESSMENT, RATING
from kbtools.typology.ratings import (
    DISCUSS_RULE,
    PROPOSAL_RULE,
    RATINGS_KEY,
    Rating,
    Spread,
    spreads,
)

HELP = docs_url("vedligeholdelse/vurdering-saml.html")

OTHER_PARTNERSHIP = Code(
    "saml-andet-partnerskab",
    Level.FEJL,
    "Bedømmelserne, der skal samles, er fra forskellige partnerskaber. Saml kun bedømmelser "
    "fra ét partnerskab ad gangen.",
    "Partnerskabet er »LKS Nordby«, men i a.yaml er det »LKS Sydby«. Saml kun bedømmelser "
    "fra ét partnerskab.",
)
OTHER_DATE = Code(
    "saml-anden-dato",
    Level.FEJL,
    "Bedømmelserne, der skal samles, har forskellige datoer. En samlet vurdering er fra én dag.",
    "Datoen er 2025-03-11, men i a.yaml er den 2025-03-10. Alle bedømmelser skal have "
    "datoen for den fælles vurdering.",
)
SAME_RATER = Code(
    "saml-samme-deltager",
    Level.FEJL,
    "Den samme deltager har to bedømmelser med. Hver deltager tæller kun én gang.",
    "»Anna Holm« har også en bedømmelse i a.yaml. Tag kun én af dem med.",
)
UNRATED = Code(
    "saml-parameter-ubedoemt",
    Level.FEJL,
    "Ingen af bedømmelserne har et niveau for en parameter, så der er intet at foreslå.",
    "Ingen af bedømmelserne har et niveau for Læring. Mindst én deltager skal bedømme den.",
)
SPELLED_OTHERWISE = Code(
    "saml-partnerskab-stavet-anderledes",
    Level.ADVARSEL,
    "Partnerskabets navn er skrevet lidt forskelligt i bedømmelserne (kun mellemrum, "
    "bindestreger eller store og små bogstaver er forskellige). Det er læst som det samme "
    "partnerskab, og den samlede vurdering bruger navnet fra den første bedømmelse.",
    "Partnerskabet er skrevet »lks-nordby« i b.yaml og »LKS Nordby« i a.yaml. Det er læst som "
    "det samme partnerskab; den samlede vurdering bruger »LKS Nordby«.",
)
CODES = (OTHER_PARTNERSHIP, OTHER_DATE, SAME_RATER, UNRATED, SPELLED_OTHERWISE)


@dataclass(frozen=True)
class Combined:
    """The combined assessment's data (None when refused) and the findings."""

    data: dict[str, Any] | None
    findings: tuple[Finding, ...]

    @property
    def refused(self) -> bool:
        return self.data is None


def combine_bytes(files: Sequence[tuple[str, bytes]]) -> Combined:
    """Check each (name, content) rating file and combine them (see :func:`combine`)."""
    return combine([check_bytes(content, name) for name, content in files])


def combine(results: Sequence[CheckResult]) -> Combined:
    """The assessment combined from checked rating files, or the findings that prevent it."""
    findings = _file_problems(results)
    if findings:
        return Combined(None, tuple(sort_findings(findings)))
    findings = _mismatches(results)
    notes = _spelled_otherwise(results)
    ratings = [Rating.from_data(result.data) for result in results]
    spread_all = spreads(ratings)
    findings += _unrated(results[0], spread_all)
    # warnings in the files (a skipped parameter) are kept for the reader
    kept = notes + [f for result in results for f in result.findings]
    if findings:
        return Combined(None, tuple(sort_findings(findings + kept)))
    return Combined(assessment(results[0].data, ratings, spread_all), tuple(sort_findings(kept)))


def _file_problems(results: Sequence[CheckResult]) -> list[Finding]:
    """Files that are no rating, and errors in the files themselves. When there are any, every
    file's own findings come with them, warnings too, as ``kbtools validate`` reports them."""
    broken = any(result.document is None or result.has_errors for result in results)
    mismatches = [
        mismatch
        for result in results
        if result.document is not None and not result.has_errors
        if (mismatch := wrong_kind(result, RATING)) is not None
    ]
    if not broken and not mismatches:
        return []
    return mismatches + [f for result in results for f in result.findings]


def _at(result: CheckResult, path: DataPath, code: Code, message: str) -> Finding:
    assert result.document is not None
    position = result.document.position_of(path)
    return code.finding(
        result.file, position.line, position.column, message, help_url=HELP, path=path
    )


def _mismatches(results: Sequence[CheckResult]) -> list[Finding]:
    """Other partnerships or dates than the first file's, and participants seen before."""
    first = results[0]
    found: list[Finding] = []
    raters: dict[str, CheckResult] = {}
    for result in results:
        data = result.data
        for key, code, noun in (
            ("partnerskab", OTHER_PARTNERSHIP, "Partnerskabet"),
            ("dato", OTHER_DATE, "Datoen"),
        ):
            same = same_partnership if key == "partnerskab" else _equal
            if not same(data[key], first.data[key]):
                found.append(_at(result, (key,), code, _mismatch(noun, result, first, key)))
        name = str(data["navn"])
        earlier = raters.setdefault(rater_key(name), result)
        if earlier is not result:
            message = (
                f"Filen {result.file} er med to gange. Tag den kun med én gang."
                if earlier.file == result.file
                else f"»{name}« har også en bedømmelse i {earlier.file}. Tag kun én af dem med."
            )
            found.append(_at(result, ("navn",), SAME_RATER, message))
    return found


def _equal(one: object, other: object) -> bool:
    return one == other


def same_partnership(one: object, other: object) -> bool:
    """Whether two partnership names name the same partnership: they may differ in spaces,
    hyphens and case only (»LKS Nordby«, »lks-nordby«, »LKS  Nordby«)."""
    if not isinstance(one, str) or not isinstance(other, str):
        return one == other

    def key(name: str) -> str:
        return "".join(char for char in name.casefold() if not char.isspace() and char != "-")

    return key(one) == key(other)


def _spelled_otherwise(results: Sequence[CheckResult]) -> list[Finding]:
    """A note for each file whose partnership name is the first file's, written otherwise."""
    first = results[0]
    name = first.data["partnerskab"]
    return [
        _at(
            result,
            ("partnerskab",),
            SPELLED_OTHERWISE,
            f"Partnerskabet er skrevet »{result.data['partnerskab']}« i {result.file} og "
            f"»{name}« i {first.file}. Det er læst som det samme partnerskab; den samlede "
            f"vurdering bruger »{name}«.",
        )
        for result in results[1:]
        if result.data["partnerskab"] != name and same_partnership(result.data["partnerskab"], name)
    ]


def _mismatch(noun: str, result: CheckResult, first: CheckResult, key: str) -> str:
    if key == "dato":
        return (
            f"Datoen er {result.data[key]}, men i {first.file} er den {first.data[key]}. "
            "Alle bedømmelser skal have datoen for den fælles vurdering."
        )
    return (
        f"{noun} er »{result.data[key]}«, men i {first.file} er det »{first.data[key]}«. "
        "Saml kun bedømmelser fra ét partnerskab."
    )


def _unrated(first: CheckResult, spread_all: Sequence[Spread]) -> list[Finding]:
    typology = load_typology()
    return [
        _at(
            first,
            ("niveauer",),
            UNRATED,
            f"Ingen af bedømmelserne har et niveau for "
            f"{next(p.name for p in typology.parameters if p.id == item.parameter)}. "
            "Mindst én deltager skal bedømme den.",
        )
        for item in spread_all
        if item.proposal is None
    ]


def assessment(
    first: dict[str, Any], ratings: Sequence[Rating], spread_all: Sequence[Spread]
) -> dict[str, Any]:
    """The combined assessment's data: the proposal, what to discuss and every rating."""
    count = plural(len(ratings), "bedømmelse", "bedømmelser")
    return {
        "skema": ASSESSMENT.skema,
        "partnerskab": first["partnerskab"],
        "dato": first["dato"],
        "vurderet_af": [f"{r.name} ({r.system})" for r in ratings],
        "metode": "selvevaluering",
        "note": (
            f"Samlet fra {count} med kbtools vurdering saml. {PROPOSAL_RULE} {DISCUSS_RULE} "
            "Ret niveauerne og begrundelserne, når gruppen har drøftet dem."
        ),
        "parametre": [_parameter(item) for item in spread_all],
        RATINGS_KEY: [rating.as_data() for rating in ratings],
    }


def spread_text(item: Spread) -> str:
    """»9 bedømmelser: 1 kantine, 6 klub og 2 kompagni. Medianen for hvert system: …«."""
    counts = format_list(f"{count} {level}" for level, count in item.counts if count)
    systems = format_list(f"{system} {level}" for system, level in item.by_system)
    return (
        f"{plural(item.total, 'bedømmelse', 'bedømmelser')}: {counts}. "
        f"Medianen for hvert system: {systems}."
    )


def _parameter(item: Spread) -> dict[str, Any]:
    reasons = []
    if item.full_span:
        reasons.append("bedømmelserne spænder fra kantinen til kompagniet")
    if item.systems_differ:
        reasons.append("systemerne har ikke samme median")
    text = f"Gruppens forslag er medianen af {spread_text(item)}"
    if reasons:
        text += f" Drøft parameteren: {format_list(reasons)}."
    result: dict[str, Any] = {
        "parameter": item.parameter,
        "niveau": item.proposal,
        "begrundelse": text,
    }
    if item.discuss:
        result["drøftes"] = True
    return result
