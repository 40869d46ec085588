"""One summary of findings, worded with singular and plural, for every front end."""

from __future__ import annotations

from kbtools.findings import Code, Finding, Level
from kbtools.reporting.summary import check_summary, counts_text, summary


def _some(level: Level, count: int) -> list[Finding]:
    code = Code(f"x-{level.value}", level, "…", "…")
    return [code.finding("f.yaml", n + 1, 1, "…") for n in range(count)]


def test_counts_text() -> None:
    assert counts_text([]) == "ingen fejl, advarsler eller anbefalinger"
    one_each = [*_some(Level.FEJL, 1), *_some(Level.ADVARSEL, 1), *_some(Level.ANBEFALING, 1)]
    assert counts_text(one_each) == "1 fejl, 1 advarsel og 1 anbefaling"
    many = [*_some(Level.FEJL, 2), *_some(Level.ANBEFALING, 3)]
    assert counts_text(many) == "2 fejl, 0 advarsler og 3 anbefalinger"


def test_cli_summary_uses_it() -> None:
    assert summary(_some(Level.ADVARSEL, 2), 3, skipped=1) == (
        "3 filer kontrolleret: 0 fejl, 2 advarsler og 0 anbefalinger. "
        "1 YAML-fil uden skema: sprunget over."
    )


def test_without_zeros_only_the_levels_there_are() -> None:
    assert counts_text([], zeros=False) == ""
    assert counts_text(_some(Level.ADVARSEL, 1), zeros=False) == "1 advarsel"
    many = [*_some(Level.FEJL, 2), *_some(Level.ANBEFALING, 1)]
    assert counts_text(many, zeros=False) == "2 fejl og 1 anbefaling"


def test_one_checked_file_with_parts_missing() -> None:
    assert check_summary([], "Aftalen") == "Aftalen har ingen fejl, advarsler eller anbefalinger."
    assert check_summary(_some(Level.ANBEFALING, 8), "Aftalen", missing_parts=9) == (
        "9 af aftalens dele mangler. Aftalen har 0 fejl, 0 advarsler og 8 anbefalinger."
    )
    assert check_summary(_some(Level.FEJL, 1), "Filen", missing_parts=1) == (
        "1 af filens dele mangler. Filen har 1 fejl, 0 advarsler og 0 anbefalinger."
    )
