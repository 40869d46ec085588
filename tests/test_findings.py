"""A finding carries its code, path, element title and the values its message is built from,
so every front end words it for its readers without reading the message back."""

from __future__ import annotations

from pathlib import Path

from kbtools.api import check_bytes
from kbtools.findings import Code, Level, element_label

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = (ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").read_text("utf-8")
WITHOUT_VALUES = MINIMAL.replace("værdisæt: [Åbenhed]\n", "")


def test_a_recommendation_names_its_element_by_key_or_title() -> None:
    finding = next(
        f
        for f in check_bytes(WITHOUT_VALUES.encode(), "aftale.yaml").findings
        if f.code == "aftale-anbefalet-element" and f.path == ("værdisæt",)
    )
    assert finding.values == {"key": "værdisæt"} and finding.title == "Værdisæt"
    assert finding.message == (
        "Overvej at tilføje »værdisæt« (Værdisæt). Det er ikke et krav, men vidensbasen "
        "anbefaler det."
    )
    assert finding.reader_message == (
        "Overvej at tilføje »Værdisæt«. Det er ikke et krav, men vidensbasen anbefaler det."
    )


def test_a_missing_element_and_a_wrong_value_carry_key_and_title() -> None:
    text = MINIMAL.replace("titel: Minimal aftale (testdata)\n", "").replace(
        "lks: false", "lks: '{x}'"
    )
    found = check_bytes(text.encode(), "aftale.yaml").findings
    missing = next(f for f in found if f.code == "skema-mangler")
    assert missing.path == ("titel",) and missing.values["key"] == "titel"
    assert missing.message == f"Elementet »titel« ({missing.title}) mangler i filen."
    assert missing.reader_message == f"Elementet »{missing.title}« mangler i filen."
    wrong = next(f for f in found if f.path == ("lks",))
    assert wrong.message.startswith(f"»lks« ({wrong.title}) skal være")
    assert wrong.reader_message.startswith(f"»{wrong.title}« skal være")
    # a value with braces in it is quoted as it is, never read as part of the template
    assert "men er teksten »{x}«." in wrong.message
    assert "men er teksten »{x}«." in wrong.reader_message


def test_a_message_without_template_is_the_readers_message_too() -> None:
    code = Code("x", Level.FEJL, "…", "…")
    finding = code.finding("f.yaml", 1, 1, "Noget er galt med {x}.")
    assert finding.reader_message == finding.message == "Noget er galt med {x}."


def test_element_labels() -> None:
    assert element_label("læring", "Læring og selvevaluering") == (
        "»læring« (Læring og selvevaluering)"
    )
    assert element_label("læring", "Læring og selvevaluering", readers=True) == (
        "»Læring og selvevaluering«"
    )
    assert element_label("x", "") == element_label("x", "", readers=True) == "»x«"


def test_findings_are_equal_whatever_their_structured_data() -> None:
    code = Code("x", Level.FEJL, "…", "…", template="{key} mangler.")
    one = code.finding("f.yaml", 1, 1, values={"key": "a"}, title="A")
    assert one.message == "»a« (A) mangler." and hash(one) == hash(one)


def test_a_missing_element_in_a_list_item_names_the_list_for_each_reader() -> None:
    text = MINIMAL.replace("    navn: Part B\n", "")
    found = check_bytes(text.encode(), "aftale.yaml").findings
    missing = next(f for f in found if f.code == "skema-mangler")
    assert missing.path == ("parter", 1, "navn")
    assert missing.values == {
        "key": "navn",
        "number": 2,
        "parent": "parter",
        "parent_title": "Parter",
    }
    assert (
        missing.message
        == f"Elementet »navn« ({missing.title}) mangler i punkt nr. 2 under »parter«."
    )
    assert missing.reader_message == (
        f"Elementet »{missing.title}« mangler i punkt nr. 2 under »Parter«."
    )


def test_rules_name_the_group_by_title_for_readers() -> None:
    text = MINIMAL.replace("  - {part: b, rolle: Rolle B, opgaver: [Opgave B]}\n", "").replace(
        "  - {part: b, bidrag: [Lokaler]", "  - {part: c, bidrag: [Lokaler]"
    )
    found = {f.code: f for f in check_bytes(text.encode(), "aftale.yaml").findings}
    no_role = found["aftale-part-uden-rolle"]
    assert no_role.message == "Parten »Part B« (b) har ingen rolle under »roller«."
    assert no_role.values["name"] == "Part B" and no_role.values["parent"] == "roller"
    assert no_role.reader_message == (
        f"Parten »Part B« (b) har ingen rolle under »{no_role.values['parent_title']}«."
    )
    unknown = found["aftale-ukendt-part"]
    assert unknown.message == (
        "Parten »c« findes ikke under »parter«. Tilføj parten under »parter«, eller skriv id'et "
        "på en af de kendte parter: »a«, »b«."
    )
    assert unknown.reader_message.startswith(
        "Parten »c« findes ikke under »Parter«. Tilføj parten under »Parter«,"
    )
