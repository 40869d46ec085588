"""The render model writes every value in Danish by what the schema says the field holds.

``render --kladde`` renders files with errors, so odd values must become readable text too.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kbtools.kinds import AGREEMENT
from kbtools.render.model import Bullets, Facts, Heading, Paragraph, Signature, Table, build
from kbtools.render.text_writers import to_html, to_markdown

MIDTBY = Path(__file__).resolve().parents[2] / "cases" / "midtby" / "aftale.yaml"
DATA: dict[str, Any] = yaml.safe_load(MIDTBY.read_text(encoding="utf-8"))


def texts(block: Any) -> list[str]:
    """Every text a reader sees in one block."""
    if isinstance(block, Heading | Paragraph):
        return [block.text]
    if isinstance(block, Bullets):
        return list(block.items)
    if isinstance(block, Table):
        return [block.caption, *block.header, *(cell for row in block.rows for cell in row)]
    if isinstance(block, Facts):
        return [text for row in block.rows for text in row]
    assert isinstance(block, Signature)
    return [block.party, block.name, block.title, block.date]


def all_texts(data: Any) -> list[str]:
    doc = build(data, draft=True)
    return [doc.title, *(text for block in doc.flat() for text in texts(block))]


def agreement(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(DATA)
    for key, value in data.items():  # yaml.safe_load makes dates; the project's loader does not
        if key == "varighed":
            data[key] = {k: str(v) for k, v in value.items()}
    data["underskrifter"] = [{**s, "dato": str(s["dato"])} for s in data["underskrifter"]]
    data["formål"]["mål"] = [{**g, "frist": str(g["frist"])} for g in data["formål"]["mål"]]
    data.update(changes)
    return data


def test_dates_amounts_durations_and_parties_are_written_in_danish() -> None:
    shown = all_texts(agreement())
    assert "Aftalen gælder fra 1. januar 2017 til 31. december 2021." in shown
    assert "1. januar 2017 – 31. december 2021" in shown  # the front block's period
    assert not [text for text in shown if re.search(r"\d{4}-\d{2}-\d{2}", text)]  # no ISO dates
    assert "15. december 2016" in shown
    assert (
        "Jobcenter Midtby stiller to virksomhedskonsulenter og mødelokaler til rådighed i "
        "mindst 20 timer pr. måned." in shown
    )
    assert (
        "Jobcenter Midtbys rolle er indgang til rekruttering og opkvalificering af ledige." in shown
    )
    assert "Budget (beløb i 1.000 kr.)" in shown


def test_only_date_fields_are_dates_and_only_party_fields_are_parties() -> None:
    data = agreement()
    data["parter"][0]["kontakt"]["telefon"] = "20121212"
    data["roller"][0]["rolle"] = "2027-01-01"
    data["værdisæt"] = ["jobcenter"]
    shown = all_texts(data)
    assert any(text.endswith(", 20121212") for text in shown)
    assert "Jobcenter Midtbys rolle er 2027-01-01." in shown
    assert "jobcenter" in shown


def test_odd_values_in_tables_and_signatures_are_readable() -> None:
    data = agreement(titel=["a", "b"])
    data["økonomi"]["budget"][0]["pr_år"] = {"2017": "femten", "2018": True}
    data["økonomi"]["finansiering"] = "ingen"
    data["parter"] = [{"navn": "A", "kontakt": "Bo"}, "løs"]
    data["underskrifter"] = [{"part": "ukendt", "dato": "snart"}]
    doc = build(data)
    assert doc.title == "a og b"
    tables = [b for b in doc.flat() if isinstance(b, Table)]
    budget = next(b for b in tables if b.caption.startswith("Budget"))
    assert budget.rows[0][1:3] == ["femten", "ja"]
    assert [b.rows for b in tables if b.header[0] == "Part"] == [[["A", "", "Bo"]]]
    assert [b for b in doc.flat() if isinstance(b, Signature)] == [
        Signature("»ukendt«", "", "", "snart")
    ]


def test_lists_with_groups_and_texts_mixed() -> None:
    shown = all_texts(agreement(værdisæt=["a", {"b": 1}, {}], kommissorium={"mandat": None}))
    assert "A." not in shown
    assert "a" in shown and "b: 1." in shown and "(tom gruppe)" in shown
    assert any(text.endswith(" Mandat") for text in shown) and "(tom)" in shown


def test_an_agreement_without_a_title_or_content() -> None:
    doc = build({"titel": "", "formål": "kort", "økonomi": "ingen"})
    assert doc.title == "Partnerskabsaftale"
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)][1:] == ["kort", "ingen"]
    assert build("ikke en aftale").title == "Partnerskabsaftale"  # type: ignore[arg-type]


text = st.text("abcæø 1-.:", max_size=6)  # no letters of True, None or Python's brackets
values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=10,
)
elements = st.sampled_from(sorted(AGREEMENT.schema["properties"]))


@settings(max_examples=200, deadline=None)
@given(changes=st.dictionaries(elements, values, max_size=4))
def test_odd_data_never_raises_and_never_shows_python_reprs(changes: dict[str, Any]) -> None:
    data = agreement(**changes)
    for shown in all_texts(data):
        assert not any(bad in shown for bad in ("True", "False", "None", "{", "[", "'")), shown
    doc = build(data, draft=True)
    assert to_markdown(doc) and to_html(doc)


def test_amounts_are_summed_exactly_in_every_format() -> None:
    """1,1 + 2,2 is 3,3 in the tables of every format, never 3,3000000000000003."""
    import io

    import docx

    from kbtools.render.docx_writer import to_docx

    data = copy.deepcopy(DATA)
    data["økonomi"]["budget"] = [{"navn": "Drift", "pr_år": {2027: 1.1, 2028: 2.2}, "i_alt": 3.3}]
    doc = build(data)
    budget = next(b for b in doc.blocks if isinstance(b, Table) and b.caption.startswith("Budget"))
    assert budget.rows == [["Drift", "1,1", "2,2", "3,3"], ["I alt", "1,1", "2,2", "3,3"]]
    for text in (to_markdown(doc), to_html(doc)):
        assert "3,3" in text and "3,30000" not in text
    word = docx.Document(io.BytesIO(to_docx(doc)))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert "3,3" in cells and not any("3,30000" in cell for cell in cells)


def test_a_sum_with_an_amount_that_is_not_a_number_is_not_shown() -> None:
    """A draft's »5,5« is no number: a sum that left it out would be wrong on paper, so the
    row's, the year's and the whole total say »–«; the other sums stay."""
    budget = [
        {"navn": "Sambesøg", "pr_år": {2027: 100, 2028: "5,5"}},
        {"navn": "Kurser", "pr_år": {2027: 50, 2028: 20}},
    ]
    doc = build({"økonomi": {"enhed": "kr.", "budget": budget}}, draft=True)
    table = next(b for b in doc.flat() if isinstance(b, Table) and b.header[0] == "Post")
    assert table.rows == [
        ["Sambesøg", "100", "5,5", "–"],
        ["Kurser", "50", "20", "70"],
        ["I alt", "150", "–", "–"],
    ]
