"""The {typologi-tabel} directive renders the 8x3 table from the typology data file."""

from __future__ import annotations

import re

import pytest
from sphinx.testing.util import SphinxTestApp

from kbtools.typology import load_typology


@pytest.mark.sphinx("html", testroot="typology-table")
def test_table_has_a_header_and_one_row_per_parameter(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    table = re.search(r'<table class="[^"]*kbtools-typologi-tabel.*?</table>', html, re.S)
    assert table is not None
    header = re.search(r"<thead>(.*?)</thead>", table.group(0), re.S)
    assert header is not None
    assert re.findall(r"<th[^>]*>\s*<p>([^<(]+)", header.group(1)) == [
        "Parameter",
        "Kantinen ",
        "Klubben ",
        "Kompagniet ",
    ]
    body = re.search(r"<tbody>(.*?)</tbody>", table.group(0), re.S)
    assert body is not None
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body.group(1), re.S)
    typology = load_typology()
    assert len(rows) == 8
    for row, parameter in zip(rows, typology.parameters, strict=True):
        assert f"<strong>{parameter.name}</strong>" in row
        assert parameter.descriptions["kompagni"].split()[0] in row
    assert "Mandatet er uklart eller slet ikke beskrevet." in html
    assert "<caption>" in html


def test_typology_data_has_eight_parameters_and_three_levels() -> None:
    typology = load_typology()
    assert typology.level_ids == ("kantine", "klub", "kompagni")
    assert [level.name for level in typology.levels] == ["Kantinen", "Klubben", "Kompagniet"]
    assert len(typology.parameter_ids) == 8
    assert len(set(typology.parameter_ids)) == 8
