"""The page of all finding codes lists every code in the registry, with its level."""

from __future__ import annotations

from pathlib import Path

from kbtools.codes import all_codes, groups


def test_every_code_is_on_the_codes_page(built_site: Path) -> None:
    html = (built_site / "vedligeholdelse" / "koder.html").read_text(encoding="utf-8")
    for code in all_codes():
        assert f'<span class="pre">{code.id}</span>' in html, code.id
    for heading, _ in groups():
        assert heading in html
    assert html.count('class="kbtools-fundkoder') == len(groups())
