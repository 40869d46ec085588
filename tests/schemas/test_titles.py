"""Element titles from the schemas, for findings and for texts written for readers."""

from __future__ import annotations

from kbtools.kinds import AGREEMENT
from kbtools.schemas.titles import element_titles, fill, title_at


def test_title_at_follows_keys_indices_and_refs() -> None:
    schema = AGREEMENT.schema
    assert title_at(schema, ("værdisæt",)) == "Værdisæt"
    assert title_at(schema, ("formål", "mål")) == element_titles()["mål"]
    assert title_at(schema, ("parter", 0, "navn")) != ""
    assert title_at(schema, ()) == "" and title_at(schema, ("findes-ikke",)) == ""


def test_fill_names_elements_by_key_or_title() -> None:
    assert fill("Et kommissorium med {fælles_mål}.", readers=False) == (
        "Et kommissorium med »fælles_mål«."
    )
    assert fill("Et kommissorium med {fælles_mål}.", readers=True) == (
        "Et kommissorium med »Fælles mål«."
    )
