"""The builder's Word document (kbtools.browser.docx_plain): pure Python, the same document
model as ``kbtools render``, and a file python-docx (what Word users' tools read) opens with
every heading, table cell and signature of the model."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import docx

from kbtools.api import check_file
from kbtools.browser.docx_plain import to_docx
from kbtools.browser.entry import call
from kbtools.render.model import Heading, Signature, Table, build

ROOT = Path(__file__).resolve().parents[2]
MIDTBY = ROOT / "cases" / "midtby" / "aftale.yaml"


def test_word_document_holds_the_model() -> None:
    doc = build(check_file(MIDTBY).data, draft=False)
    document = docx.Document(io.BytesIO(to_docx(doc)))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    headings = [(name, text) for name, text in paragraphs if name.startswith(("Title", "Head"))]
    expected = [b.text for b in doc.blocks if isinstance(b, Heading)]
    expected += [b.party for b in doc.blocks if isinstance(b, Signature)]
    assert sorted(text for _, text in headings) == sorted(expected)
    assert headings[0] == ("Title", doc.title)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[[c.text for c in row.cells] for row in t.rows] for t in document.tables] == [
        [t.header, *t.rows] for t in tables
    ]
    signatures = [b for b in doc.blocks if isinstance(b, Signature)]
    lines = [text for _, text in paragraphs]
    assert lines.count("Underskrift: ________________________________________") == len(signatures)
    assert all(f"Navn: {s.name}" in lines for s in signatures)
    assert document.core_properties.title == doc.title
    assert "KLADDE" not in document.sections[0].header.paragraphs[0].text


def test_draft_says_kladde_on_every_page() -> None:
    path = ROOT / "tests" / "data" / "agreements" / "invalid" / "ukendt-part.yaml"
    answer = json.loads(call("render_docx", json.dumps({"text": path.read_text("utf-8")})))
    assert answer["kladde"] is True
    document = docx.Document(io.BytesIO(base64.b64decode(answer["docx"])))
    assert document.sections[0].header.paragraphs[0].text == "KLADDE"
    assert document.paragraphs[0].text.startswith("KLADDE")


def test_text_that_xml_cannot_hold_is_left_out() -> None:
    data = check_file(MIDTBY).data
    data["titel"] = "Aftale <&> \x0b\ufffe med »tegn«"
    document = docx.Document(io.BytesIO(to_docx(build(data))))
    assert document.paragraphs[0].text == "Aftale <&>  med »tegn«"


def test_no_word_document_for_a_file_that_is_not_an_agreement() -> None:
    answer = json.loads(call("render_docx", json.dumps({"text": "skema: typologivurdering/1\n"})))
    assert answer["docx"] is None
