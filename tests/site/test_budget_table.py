"""The 2017–2019 budget on the background page is a real table whose figures must add up:
each line's years sum to its total, the lines sum to the "i alt" row, and the budget equals
the financing. The figures come from the background paper (seed 004)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parents[2] / "docs" / "baggrund" / "index.md"


def _amount(cell: str) -> int:
    """``"**2.500**"`` → 2500 (Danish thousands separator, optional bold)."""
    digits = cell.strip().strip("*").replace(".", "")
    assert re.fullmatch(r"\d+", digits), f"not an amount: {cell!r}"
    return int(digits)


def _tables() -> dict[str, list[tuple[str, list[int]]]]:
    """Tables in ``:::{table} <caption>`` blocks: caption → rows of (label, amounts)."""
    tables: dict[str, list[tuple[str, list[int]]]] = {}
    caption: str | None = None
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        if line.startswith(":::{table}"):
            caption = line.removeprefix(":::{table}").strip()
            tables[caption] = []
        elif line == ":::":
            caption = None
        elif caption is not None and line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if set(cells[1]) <= set(":-") or cells[1] == "2017":
                continue  # header and alignment rows
            tables[caption].append((cells[0], [_amount(c) for c in cells[1:]]))
    return tables


@pytest.fixture(scope="module")
def tables() -> dict[str, list[tuple[str, list[int]]]]:
    found = _tables()
    assert len(found) == 2, found.keys()
    return found


def test_every_row_sums_over_the_three_years(
    tables: dict[str, list[tuple[str, list[int]]]],
) -> None:
    for rows in tables.values():
        for label, (y2017, y2018, y2019, total) in rows:
            assert y2017 + y2018 + y2019 == total, label


def test_lines_sum_to_the_total_row(tables: dict[str, list[tuple[str, list[int]]]]) -> None:
    for caption, rows in tables.items():
        *lines, (total_label, totals) = rows
        assert "i alt" in total_label.lower(), caption
        for column, expected in enumerate(totals):
            assert sum(amounts[column] for _label, amounts in lines) == expected, (caption, column)


def test_budget_equals_financing_and_matches_the_source(
    tables: dict[str, list[tuple[str, list[int]]]],
) -> None:
    budget, financing = (rows[-1][1] for rows in tables.values())
    assert budget == financing == [15000, 15000, 15000, 45000]
