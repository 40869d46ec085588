"""The diff follows the schema: a field or keyed list added to a schema is compared without code.

The schema below is a small stand-in for a future version of the agreement schema; every
sentence comes from its titles and ``x-`` annotations (see kbtools.schemas.annotations).
"""

from __future__ import annotations

import copy
from typing import Any

from kbtools.diff import ADDED, CHANGED, REMOVED, diff_agreements
from kbtools.kinds import AGREEMENT

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "navn": {"title": "Navn", "type": "string"},
        "telefon": {"title": "Telefon", "type": "string"},
        "aktiv": {"title": "Aktiv", "type": "boolean"},
        "deltagere": {
            "title": "Deltagere",
            "type": "array",
            "x-nøgle": "id",
            "x-navn": "navn",
            "items": {
                "title": "Deltager",
                "type": "object",
                "properties": {"id": {"type": "string"}, "navn": {"type": "string"}},
            },
        },
        "aftaler": {
            "title": "Aftaler",
            "type": "object",
            "properties": {
                "enhed": {"title": "Enhed", "type": "string", "x-visning": "enhed"},
                "opgaver": {
                    "title": "Opgaver",
                    "type": "array",
                    "x-nøgle": ["emne", "ansvarlig"],
                    "items": {"$ref": "#/definitions/opgave", "title": "Opgave"},
                },
                "noter": {"title": "Noter", "type": "string", "x-fritekst": True},
                "kontakt": {
                    "title": "Kontakt",
                    "type": "object",
                    "properties": {"mail": {"title": "Mail", "type": "string"}},
                },
                "ophør": {
                    "title": "Ophør",
                    "type": "string",
                    "format": "date",
                    "x-visning": "slutdato",
                },
            },
        },
        "tilskud_pr_år": {
            "title": "Tilskud",
            "type": "object",
            "additionalProperties": {"type": "number", "x-visning": "beløb"},
        },
        "emner": {"title": "Emner", "type": "array", "items": {"type": "string"}},
        "hændelser": {
            "title": "Hændelser",
            "type": "array",
            "items": {
                "title": "Hændelse",
                "type": "object",
                "properties": {"hvad": {"title": "Hvad", "type": "string"}},
            },
        },
        "slut": {"title": "Slut", "type": "string", "format": "date", "x-visning": "slutdato"},
        "tovholder": {"title": "Tovholder", "type": "string", "x-henvisning": "hændelser"},
    },
    "definitions": {
        "opgave": {
            "title": "Ikke brugt: titlen ved siden af $ref vinder",
            "type": "object",
            "properties": {
                "emne": {"title": "Emne", "type": "string"},
                "ansvarlig": {"title": "Ansvarlig", "type": "string", "x-henvisning": "deltagere"},
                "timer": {"title": "Timer", "type": "number"},
                "frist": {"title": "Frist", "type": "string", "format": "date"},
                "tid": {"title": "Tid", "type": "object", "x-visning": "tid"},
                "status": {"title": "Status", "type": "string", "enum": ["åben", "lukket"]},
                "beskrivelse": {"title": "Beskrivelse", "type": "string", "x-fritekst": True},
                "bilag": {"title": "Bilag", "type": "array", "items": {"type": "string"}},
            },
        }
    },
}

OLD: dict[str, Any] = {
    "navn": "Forsøg",
    "telefon": "20121212",
    "deltagere": [{"id": "a", "navn": "Anna"}, {"id": "b", "navn": "Bo"}],
    "aftaler": {
        "enhed": "1.000 kr.",
        "opgaver": [
            {"emne": "Besøg", "ansvarlig": "a", "timer": 2, "status": "åben"},
            {"emne": "Besøg", "ansvarlig": "b", "tid": {"timer": 3, "pr": "uge"}},
        ],
        "noter": "Kort.",
        "ophør": "2028-12-31",
    },
    "tilskud_pr_år": {"2027": 10, "2028": 20},
    "emner": ["løn", "tid"],
    "hændelser": [{"hvad": "start"}],
}


def texts(old: Any, new: Any) -> list[str]:
    return [change.text for change in diff_agreements(old, new, schema=SCHEMA)]


def edited(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(OLD)
    data.update(changes)
    return data


def test_equal_and_reordered_data_has_no_changes() -> None:
    new = copy.deepcopy(OLD)
    new["deltagere"].reverse()
    new["aftaler"]["opgaver"].reverse()
    new["emner"].reverse()
    assert diff_agreements(OLD, new, schema=SCHEMA) == []


def test_a_new_field_shows_up_by_its_title() -> None:
    assert texts(OLD, edited(aktiv=True)) == ["Elementet »Aktiv« er tilføjet."]
    assert texts(edited(aktiv=True), edited(aktiv=False)) == ["Aktiv: ja → nej"]
    assert texts(OLD, edited(navn="Forsøg 2")) == ["Navn: »Forsøg« → »Forsøg 2«"]


def test_text_that_looks_like_a_date_stays_text() -> None:
    assert texts(OLD, edited(telefon="20131313")) == ["Telefon: »20121212« → »20131313«"]


def test_a_new_keyed_list_is_matched_by_its_key_and_named_by_its_name_field() -> None:
    new = copy.deepcopy(OLD)
    new["deltagere"] = [{"id": "b", "navn": "Bodil"}, {"id": "c", "navn": "Carl"}]
    assert [(c.kind, c.text) for c in diff_agreements(OLD, new, schema=SCHEMA)] == [
        (REMOVED, "Deltager fjernet: Anna"),
        (CHANGED, "Bodil: navn: »Bo« → »Bodil«"),
        (ADDED, "Deltager tilføjet: Carl"),
    ]


def test_items_with_a_composite_key_and_references() -> None:
    new = copy.deepcopy(OLD)
    first, second = new["aftaler"]["opgaver"]
    first.update(timer=2.5, status="lukket", frist="2027-06-30", beskrivelse="Ny tekst.")
    first["bilag"] = ["plan.pdf"]
    second["tid"] = {"timer": 4, "pr": "uge"}
    new["aftaler"]["opgaver"].append({"emne": "Møde", "ansvarlig": "x", "frist": "2027-01-01"})
    assert texts(OLD, new) == [
        "Opgave »Besøg«, Anna: timer: 2 → 2,5",
        "Opgave »Besøg«, Anna: frist: 30. juni 2027 er tilføjet",
        "Opgave »Besøg«, Anna: status: åben → lukket",
        "Opgave »Besøg«, Anna: beskrivelse: teksten er tilføjet.",
        "Opgave »Besøg«, Anna: bilag: »plan.pdf« er tilføjet",
        "Opgave »Besøg«, Bo: tid 3 → 4 timer pr. uge",
        "Opgave tilføjet: »Møde«, »x« (frist 1. januar 2027)",
    ]


def test_item_summaries_show_numbers_durations_and_choices() -> None:
    new = copy.deepcopy(OLD)
    new["aftaler"]["opgaver"] = []
    assert texts(OLD, new) == [
        "Opgave fjernet: »Besøg«, Anna (timer 2, åben)",
        "Opgave fjernet: »Besøg«, Bo (3 timer pr. uge)",
    ]


def test_groups_free_text_and_an_end_date_at_any_depth() -> None:
    new = copy.deepcopy(OLD)
    new["aftaler"].update(noter="Længere.", kontakt={"mail": "a@b.dk"}, ophør="2027-12-31")
    assert texts(OLD, new) == [
        "Aftaler: noter: teksten er ændret.",
        "Aftaler: »Kontakt« er tilføjet.",
        "Aftaler forkortet til 31. december 2027 (før 31. december 2028)",
    ]
    newer = copy.deepcopy(new)
    del newer["aftaler"]["noter"], newer["aftaler"]["kontakt"]
    assert texts(new, newer) == [
        "Aftaler: noter: teksten er fjernet.",
        "Aftaler: »Kontakt« er fjernet.",
    ]
    mail = copy.deepcopy(new)
    mail["aftaler"]["kontakt"]["mail"] = "c@d.dk"
    assert texts(new, mail) == ["Kontakt: mail: »a@b.dk« → »c@d.dk«"]


def test_a_reference_to_a_list_without_names_shows_the_id() -> None:
    assert texts(edited(tovholder="a"), edited(tovholder="b")) == ["Tovholder: »a« → »b«"]


def test_a_top_level_end_date() -> None:
    assert texts(edited(slut="2027-01-01"), edited(slut="2029-01-01")) == [
        "Slut forlænget til 1. januar 2029 (før 1. januar 2027)"
    ]


def test_year_tables_use_the_amount_unit_found_through_the_schema() -> None:
    new = edited(tilskud_pr_år={"2028": 25, "2029": 5})
    assert [(c.kind, c.text) for c in diff_agreements(OLD, new, schema=SCHEMA)] == [
        (REMOVED, "Tilskud 2027: 10 (1.000 kr.) er fjernet"),
        (CHANGED, "Tilskud 2028: 20 (1.000 kr.) → 25 (1.000 kr.)"),
        (ADDED, "Tilskud 2029: 5 (1.000 kr.) er tilføjet"),
    ]


def test_text_lists_and_unkeyed_lists() -> None:
    new = edited(emner=["løn", "løn"], hændelser=[{"hvad": "start"}, {"hvad": "stop"}])
    assert texts(OLD, new) == [
        "Emner: »tid« er fjernet",
        "Emner: »løn« er tilføjet",
        "Hændelse tilføjet: »stop«",
    ]
    assert texts(new, edited(hændelser=[{}]))[-3:] == [
        "Hændelse fjernet: »start«",
        "Hændelse fjernet: »stop«",
        "Hændelse tilføjet",
    ]


def test_fields_the_schema_does_not_know_are_still_reported() -> None:
    new = copy.deepcopy(OLD)
    new["aftaler"]["ukendt"] = {"a": 1}
    new["deltagere"][0]["alder"] = 40
    new["ekstra"] = ["x"]
    assert texts(OLD, new) == [
        "Anna: alder: 40 er tilføjet",
        "Aftaler: »ukendt« er tilføjet.",
        "Elementet »ekstra« er tilføjet.",
    ]
    newer = copy.deepcopy(new)
    newer["aftaler"]["ukendt"] = {"a": 2, "b": [1]}
    newer["ekstra"] = ["x", "y"]
    assert texts(new, newer) == [
        "Ukendt: a: 1 → 2",
        "Ukendt: b: 1 er tilføjet",
        "Ekstra: »y« er tilføjet",
    ]


def test_a_list_added_to_the_real_agreement_schema_needs_no_code() -> None:
    schema = copy.deepcopy(AGREEMENT.schema)
    schema["properties"]["evalueringer"] = {
        "title": "Evalueringer",
        "type": "array",
        "x-nøgle": "år",
        "items": {
            "title": "Evaluering",
            "type": "object",
            "properties": {
                "år": {"title": "År", "type": "integer"},
                "ansvarlig": {"title": "Ansvarlig", "type": "string", "x-henvisning": "parter"},
                "dato": {"title": "Dato", "type": "string", "format": "date"},
            },
        },
    }
    parties = [{"id": "jobcenter", "navn": "Jobcenter Midtby"}, {"id": "skole", "navn": "Skolen"}]
    old: dict[str, Any] = {
        "parter": parties,
        "evalueringer": [{"år": 2027, "ansvarlig": "jobcenter"}],
    }
    new = copy.deepcopy(old)
    new["evalueringer"][0]["ansvarlig"] = "skole"
    new["evalueringer"].append({"år": 2028, "ansvarlig": "skole", "dato": "2028-03-01"})
    assert [change.text for change in diff_agreements(old, new, schema=schema)] == [
        "Evaluering 2027: ansvarlig: Jobcenter Midtby → Skolen",
        "Evaluering tilføjet: 2028 (Skolen, dato 1. marts 2028)",
    ]
