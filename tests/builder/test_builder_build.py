"""The builder's build-time parts, without a browser: the form model follows the schema, the
page's HTML is escaped, the Python bundle holds only what runs in Pyodide, a build without
Pyodide stops with a Danish message, and the entry module answers like the CLI."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from browser_json import as_cli_json
from sphinx.errors import ExtensionError

from kbtools.api import check_file
from kbtools.browser.entry import call
from kbtools.kinds import AGREEMENT
from kbtools.reporting.jsonout import finding_as_json
from kbtools.sphinxext import aftalebygger, pyruntime
from kbtools.sphinxext.form import form_model

ROOT = Path(__file__).resolve().parents[2]


def fields(model: dict[str, Any]) -> list[dict[str, Any]]:
    """Every field of the model, depth first."""
    found = [model]
    for child in model.get("fields", []):
        found += fields(child)
    if isinstance(model.get("item"), dict):
        found += fields(model["item"])
    return found


def test_form_has_every_element_of_the_schema_in_order() -> None:
    model = form_model()
    schema = AGREEMENT.schema
    assert [e["key"] for e in model["elements"]] == list(schema["properties"])
    assert model["schema"] == AGREEMENT.skema
    for element in model["elements"]:
        raw = schema["properties"][element["key"]]
        assert element["title"] == raw["title"]
        assert element["required"] is (element["key"] in schema["required"])
        assert element["recommended"] is bool(raw.get("x-anbefalet"))
        assert element["step"] == raw.get("x-trin")


def test_every_step_has_a_page_in_the_tringuide() -> None:
    steps = {e["step"] for e in form_model()["elements"] if e["step"]}
    assert steps == {1, 2, 3, 4}
    for step in steps:
        assert (ROOT / "docs" / "tringuide" / f"trin-{step}.md").is_file()


def test_party_references_are_choices_of_the_parties() -> None:
    every = [f for e in form_model()["elements"] for f in fields(e)]
    parties = [f for f in every if f["kind"] == "party"]
    assert len(parties) == 5  # roller, ressourcer, underskrifter, styre- and konsulentgruppe
    assert all(
        (f["refersTo"], f["keyField"], f["nameField"]) == ("parter", "id", "navn") for f in parties
    )
    tables = [f["key"] for f in every if f["kind"] == "amountTable"]
    assert tables == ["budget", "finansiering"]
    sums = [f["sumOf"] for f in every if f["kind"] == "sum"]
    assert sums == ["budget", "finansiering"]


def test_page_html_escapes_the_model() -> None:
    element = {**form_model()["elements"][1], "title": "<b>&"}
    html = aftalebygger.section(element, "../")
    assert "<b>&" not in html and "&lt;b&gt;&amp;" in html
    embedded = aftalebygger.model_json({"x": "</script><script>"})
    assert "</script>" not in embedded and json.loads(embedded) == {"x": "</script><script>"}


def test_bundle_holds_pure_python_kbtools_and_yaml_only() -> None:
    names = zipfile.ZipFile(io.BytesIO(pyruntime.bundle())).namelist()
    assert "kbtools/browser/entry.py" in names and "yaml/__init__.py" in names
    assert "kbtools/schemas/partnerskabsaftale-1.schema.json" in names
    assert not [n for n in names if n.startswith("kbtools/sphinxext/")]
    assert "kbtools/render/docx_writer.py" in names  # the one Word writer runs there too
    assert not [n for n in names if n.endswith((".so", ".pyc"))]
    assert pyruntime.bundle() == pyruntime.bundle()  # reproducible, so the name is stable


@pytest.mark.lock
def test_the_bundled_pyyaml_is_the_locked_version() -> None:
    """The browser runs the PyYAML that requirements/dev.txt locks (the one in .venv)."""
    bundle = zipfile.ZipFile(io.BytesIO(pyruntime.bundle()))
    bundled = re.search(r"__version__ = '([^']+)'", bundle.read("yaml/__init__.py").decode())
    locked = re.search(
        r"^pyyaml==(\S+)", (ROOT / "requirements" / "dev.txt").read_text("utf-8"), re.M
    )
    assert bundled is not None and locked is not None
    assert bundled[1] == locked[1]


def test_build_without_pyodide_stops_with_a_danish_message(tmp_path: Path) -> None:
    app = SimpleNamespace(confdir=str(tmp_path), builder=SimpleNamespace(format="html"))
    with pytest.raises(ExtensionError, match=r"Pyodide mangler.*Kør \./bootstrap\.sh"):
        pyruntime._check_installed(app)


def test_entry_check_answers_like_the_cli() -> None:
    path = ROOT / "tests" / "data" / "agreements" / "invalid" / "ukendt-part.yaml"
    answer = json.loads(call("check", json.dumps({"text": path.read_text("utf-8"), "name": "a"})))
    expected = [finding_as_json(f) for f in check_file(path, display="a").findings]
    assert [as_cli_json(f) for f in answer["findings"]] == expected
    assert answer["findings"][0]["path"] == ["parter", 1]


def test_entry_says_what_went_wrong_instead_of_raising() -> None:
    assert json.loads(call("findes-ikke", "{}")) == {"error": "Ukendt funktion: findes-ikke"}
    assert "error" in json.loads(call("check", "ikke json"))
