"""The follow-up's field reference and rules: the agreement's directives with ``:skema:``,
next to the agreement's own reference in one project without a clash of ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from kbtools.kinds import FOLLOWUP
from kbtools.sphinxext.schema_fields import children, elements

pytestmark = pytest.mark.sphinx("html", testroot="schema-followup")


def test_the_follow_up_reference_has_every_field_with_its_own_anchors(app: SphinxTestApp) -> None:
    app.build()
    forkert = Path(app.srcdir) / "forkert.md"
    assert app.warning.getvalue() == (
        f"{forkert}:3: WARNING: aftale-feltreference: :skema: skal være et af skemaerne "
        "partnerskabsaftale-1, typologivurdering-1, typologibedoemmelse-1, opfoelgning-1, ikke "
        "'opfølgning/1' [kbtools.schema]\n"
    )
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    schema = FOLLOWUP.schema
    for element in elements(schema):
        for field in (element, *children(schema, element)):
            assert f"opfoelgning-1-{field.anchor}" in ids
    assert "Status på målene" in html and "Indikatorens værdi" in html
    assert 'href="#opfoelgning-1-felt-maal-status"' in html
    for value in ("nået", "på vej", "ikke nået", "opgivet"):  # Sphinx splits code at spaces
        words = '</span> <span class="pre">'.join(value.split())
        assert f'<span class="pre">{words}</span>' in html
    for code in (code for rule in FOLLOWUP.rules for code in rule.CODES):
        assert f'<span class="pre">{code.id}</span>' in html
    assert ":mod:" not in html  # the rules' docstrings are written for readers
    agreement = (Path(app.outdir) / "aftale.html").read_text(encoding="utf-8")
    assert 'id="felt-parter-kontakt-email"' in agreement  # the agreement's anchors as before
