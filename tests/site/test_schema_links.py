"""Every ``x-side`` link of the schema (the validator's help links) exists on the built site."""

from __future__ import annotations

from pathlib import Path

from sitehtml import read_page

from kbtools.kinds import AGREEMENT


def test_every_x_side_link_of_the_schema_exists_on_the_built_site(built_site: Path) -> None:
    sides = [node["x-side"] for node in AGREEMENT.schema["properties"].values() if "x-side" in node]
    assert len(sides) == 17
    missing = []
    for side in sides:
        page, anchor = side.split("#", 1)
        if anchor not in read_page(built_site / page).ids:
            missing.append(side)
    assert missing == []
