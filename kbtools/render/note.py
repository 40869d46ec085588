"""The steering group's status note for one year (``skema: opfølgning/1``), as a document model.

The note is built into the same model as the agreement (:mod:`kbtools.render.blocks`) and
written by the same writers, so it looks like the agreement in every format and the CLI and
the browser give the same bytes. It fits on two A4 pages: the goals with their status (in
words), the agreement's indicator and deadline, the value and a comment; the budget of the
year against the spending per budget line (a table and a chart with the numbers next to every
bar); the latest typology assessment up to the note's date and the change since the one
before (:func:`kbtools.typology.group_views.change_view`); what changed since the previous
version of the agreement (:func:`kbtools.diff.diff_agreements`); and what the partners learned
and will change.

The note takes the follow-up's data and :class:`NoteSources`, what the follow-up's folder holds
(:mod:`kbtools.render.note_sources` reads it). Every value is written by :mod:`kbtools.danish`
and every sum by :mod:`kbtools.amounts`; a draft of a file with errors shows odd values as
readable text, never as Python reprs.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kbtools.danish import format_date, format_list
from kbtools.render.blocks import (
    Bar,
    Bars,
    Bullets,
    Facts,
    Heading,
    Paragraph,
    Rendered,
    Table,
    dicts,
)
from kbtools.render.model import number_sections
from kbtools.render.note_figures import (
    NO_STATUS,
    Line,
    amount,
    budget_lines,
    goal_statuses,
    line_total,
    text,
    units,
)
from kbtools.typology.cases import Assessment

LABEL = "Statusnotat"
DRAFT_NOTICE = "KLADDE – opfølgningen har fejl, så notatet er ikke færdigt"
#: What the note is for, under its facts.
PURPOSE = (
    "Notatet er partnerskabets status på aftalens mål og økonomi i {year}: det, styregruppen "
    "drøfter og beslutter ud fra på sit møde."
)
#: The most changes of the agreement the note lists (the rest are counted).
MOST_CHANGES = 8


@dataclass(frozen=True)
class NoteSources:
    """What the note needs from the follow-up's folder.

    ``agreement`` is the agreement the follow-up belongs to (None when the folder has none),
    ``previous`` the version of it before (None when the folder has only one), and
    ``assessments`` the folder's valid typology assessments, oldest first.
    """

    agreement: dict[str, Any] | None = None
    previous: dict[str, Any] | None = None
    assessments: tuple[Assessment, ...] = ()


def _year(data: dict[str, Any]) -> str:
    year = data.get("år")
    return str(year) if isinstance(year, int) and not isinstance(year, bool) else ""


def build_note(data: Any, sources: NoteSources, draft: bool = False) -> Rendered:
    """The status note of follow-up ``data`` (plain loaded data, maybe with errors)."""
    data = data if isinstance(data, dict) else {}
    agreement = sources.agreement or {}
    year = _year(data)
    name = text(data.get("partnerskab")) or text(agreement.get("titel")) or "partnerskabet"
    title = f"{LABEL} {year}: {name}" if year else f"{LABEL}: {name}"
    doc = Rendered(
        title,
        draft,
        label=LABEL,
        draft_notice=DRAFT_NOTICE,
        final_status="Færdig",
        compact=True,
    )
    doc.parties = [text(p.get("navn")) for p in dicts(agreement.get("parter")) if p.get("navn")]
    doc.about = f"{LABEL} for {year} om {name}" if year else f"{LABEL} om {name}"
    doc.blocks = [Heading(1, title), Facts(_facts(data, agreement, year))]
    doc.blocks.append(Paragraph(PURPOSE.format(year=year or "året")))
    doc.blocks += _goals(data, agreement)
    doc.blocks += _economy(data, agreement, year)
    doc.blocks += _typology(sources.assessments, data.get("dato"))
    if sources.previous is not None and sources.agreement is not None:
        doc.blocks += _changes(sources.previous, sources.agreement)
    doc.blocks += _learning(data)
    number_sections(doc)
    return doc


def _facts(data: dict[str, Any], agreement: dict[str, Any], year: str) -> list[tuple[str, str]]:
    facts = [("Partnerskab", text(data.get("partnerskab")))]
    facts.append(("År", year or text(data.get("år"))))
    dated = data.get("dato")
    facts.append(("Dato", format_date(dated) if isinstance(dated, str) else text(dated)))
    if agreement:
        shown = text(agreement.get("titel")) or "Partnerskabsaftale"
        if agreement.get("version") is not None:
            shown += ", " + version_name(agreement)
        facts.append(("Aftale", shown))
    else:
        facts.append(("Aftale", "Ingen aftale i mappen"))
    return [(label, value) for label, value in facts if value]


def _goals(data: dict[str, Any], agreement: dict[str, Any]) -> list[Any]:
    """A row per goal: its text, status, indicator and deadline, value and comment."""
    goals = goal_statuses(data, agreement)
    blocks: list[Any] = [Heading(2, "Mål")]
    if not goals:
        return [*blocks, Paragraph("Hverken aftalen eller opfølgningen nævner mål.")]
    blocks.append(Paragraph(_goal_summary([goal.status for goal in goals])))
    header = ["Mål", "Status", "Indikator og frist", "Værdi og kommentar"]
    rows = [[goal.goal, goal.status, goal.indicator, goal.value] for goal in goals]
    blocks.append(Table("", header, rows, numeric=False))
    return blocks


def _goal_summary(statuses: list[str]) -> str:
    """»Af de 2 mål er 1 nået og 1 på vej.«, »Af de 3 mål er 1 nået, og 2 har ingen status.«,
    »Ingen af de 2 mål har en status.«, »Målet er nået.«"""
    counts: dict[str, int] = {}
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    missing = counts.pop(NO_STATUS, 0)
    if len(statuses) == 1:
        return "Målet har ingen status." if missing else f"Målet er {statuses[0].lower()}."
    if not counts:
        return f"Ingen af de {len(statuses)} mål har en status."
    parts = format_list(f"{n} {status.lower()}" for status, n in counts.items())
    told = f"Af de {len(statuses)} mål er {parts}"
    return told + (f", og {missing} har ingen status." if missing else ".")


def _economy(data: dict[str, Any], agreement: dict[str, Any], year: str) -> list[Any]:
    """Budget against spending per budget line: a table with the share used and a chart."""
    lines = budget_lines(data, agreement, year)
    heading = Heading(2, f"Økonomi i {year}" if year else "Økonomi")
    if not lines:
        return [heading, Paragraph("Hverken aftalen eller opfølgningen har budgetposter.")]
    blocks: list[Any] = [heading]
    unit, agreed_unit = units(data, agreement)
    if agreed_unit != unit:
        blocks.append(
            Paragraph(
                f"Forbruget er opgjort i {unit}, men aftalens budget i {agreed_unit}, så de kan "
                "ikke sammenlignes direkte. Skriv forbruget i samme enhed som aftalen."
            )
        )
    rows = [
        [line.post, amount(line.budget), amount(line.spent), line.used]
        for line in [*lines, line_total(lines)]
    ]
    caption = f"Budget og forbrug {year} (beløb i {unit})".replace("  ", " ")
    blocks.append(Table(caption, ["Budgetpost", "Budget", "Forbrug", "Brugt"], rows))
    blocks.append(_chart(lines, year))
    return blocks


def _chart(lines: list[Line], year: str) -> Bars:
    """Two bars per budget line, each with its numbers as text next to it."""
    values = [abs(v) for line in lines for v in (line.budget, line.spent) if v is not None]
    widest = max(values, default=Decimal(0))

    def share(value: Decimal | None) -> float:
        return float(abs(value) / widest) if value is not None and widest else 0.0

    rows = []
    for line in lines:
        spent = f"Forbrug: {amount(line.spent)}"
        if line.used != "–":
            spent += f" ({line.used} af budgettet)"
        bars = [
            Bar(share(line.budget), f"Budget: {amount(line.budget)}", "budget"),
            Bar(share(line.spent), spent, "over" if line.over else "forbrug"),
        ]
        rows.append((line.post, bars))
    caption = f"Budget og forbrug {year} pr. budgetpost".replace("  ", " ")
    return Bars(caption, rows)


def _typology(assessments: tuple[Assessment, ...], dated: Any) -> list[Any]:
    """The latest assessment up to the note's date and the change since the one before."""
    from kbtools.typology.group_views import change_view
    from kbtools.typology.views import profile

    heading = Heading(2, "Typologivurdering")
    day = dated if isinstance(dated, str) else ""
    shown = [a for a in assessments if not day or a.date <= day]
    if not assessments:
        return [heading, Paragraph("Der er ingen typologivurdering med i notatet.")]
    if not shown:
        later = f"Typologivurderingerne er alle fra efter opfølgningens dato ({format_date(day)})"
        return [heading, Paragraph(later + ", så notatet viser ingen af dem.")]
    latest = profile(shown[-1])
    blocks: list[Any] = [heading, Paragraph(f"Seneste vurdering: {latest.byline}.")]
    change = change_view(shown)
    if change is None:
        rows = [[p.parameter.name, p.level_text] for p in latest.parameters]
        return [*blocks, Table("", ["Parameter", "Niveau"], rows, numeric=False)]
    blocks.append(Paragraph(change.summary))
    header = ["Parameter", change.before, change.after, "Ændring"]
    rows = [[c.parameter.name, c.before.name, c.after.name, c.text] for c in change.changes]
    return [*blocks, Table("", header, rows, numeric=False)]


def version_name(data: dict[str, Any]) -> str:
    """An agreement's version in words: »version 2 af 1. december 2024«, »versionen«."""
    version, day = data.get("version"), data.get("versionsdato")
    shown = f"version {text(version)}" if version is not None else "versionen"
    return shown + (f" af {format_date(day)}" if isinstance(day, str) else "")


def _changes(previous: dict[str, Any], agreement: dict[str, Any]) -> list[Any]:
    """What changed since the previous version of the agreement (``kbtools diff``'s words)."""
    from kbtools.diff import diff_agreements

    changes = [change.text for change in diff_agreements(previous, agreement)]
    heading = Heading(2, "Ændringer i aftalen")
    if not changes:
        return [heading, Paragraph(f"Aftalen er ikke ændret siden {version_name(previous)}.")]
    lead = f"Fra {version_name(previous)} til {version_name(agreement)} er aftalen ændret sådan:"
    shown = changes[:MOST_CHANGES]
    if len(changes) > MOST_CHANGES:
        shown.append(f"… og {len(changes) - MOST_CHANGES} ændringer mere.")
    return [heading, Paragraph(lead), Bullets(shown)]


def _learning(data: dict[str, Any]) -> list[Any]:
    blocks: list[Any] = [Heading(2, "Læring og ændringer")]
    for key, title, none in (
        ("læring", "Det har vi lært", "Opfølgningen nævner ingen læring."),
        ("ændringer", "Det vil vi ændre", "Opfølgningen nævner ingen ændringer."),
    ):
        value = data.get(key)
        items = [text(item) for item in value] if isinstance(value, list) else []
        if value is not None and not isinstance(value, list):
            items = [text(value)]
        blocks.append(Heading(3, title))
        blocks.append(Bullets(items) if items else Paragraph(none))
    return blocks
