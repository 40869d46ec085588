"""The diff loads files that merely parse: odd types anywhere must give sentences, never errors.

Texts are drawn from an alphabet without the letters of ``True``, ``None`` and Python's
brackets, so that any Python repr in a sentence would show.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kbtools.diff import diff_agreements, same_content
from kbtools.kinds import AGREEMENT

REPRS = ("True", "False", "None", "{", "[", "'")

texts = st.text("abcæø 1-.:", max_size=6)
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(texts | st.sampled_from(["id", "navn", "part", "timer", "pr"]), inner)
    ),
    max_leaves=12,
)
#: Agreement-shaped data: the real element names with real-looking or odd content.
party = st.fixed_dictionaries(
    {"id": st.sampled_from(["a", "b"]) | values, "navn": texts | values},
    optional={"system": st.sampled_from(["uddannelse", "andet"]) | values, "kontakt": values},
)
element_values = {
    "parter": st.lists(party | values, max_size=3) | values,
    "ressourcer": st.lists(
        st.fixed_dictionaries(
            {"part": st.sampled_from(["a", "b"]) | values},
            optional={
                "minimumstid": st.fixed_dictionaries(
                    {"timer": st.integers(0, 5) | values, "pr": st.sampled_from(["uge"]) | values}
                ),
                "bidrag": st.lists(texts | values, max_size=2) | values,
            },
        ),
        max_size=3,
    )
    | values,
    "varighed": st.fixed_dictionaries(
        {}, optional={"slut": st.sampled_from(["2027-01-01", "2028-02-29", "20121212"]) | values}
    )
    | values,
    "økonomi": st.fixed_dictionaries(
        {},
        optional={
            "enhed": st.sampled_from(["kr.", "1.000 kr."]) | values,
            "budget": st.lists(
                st.fixed_dictionaries(
                    {"navn": texts | values},
                    optional={
                        "pr_år": st.dictionaries(
                            st.sampled_from(["2027", "2028"]) | st.integers(2027, 2028),
                            st.integers(0, 3) | values,
                        )
                        | values
                    },
                ),
                max_size=3,
            )
            | values,
        },
    )
    | values,
}
agreements = st.fixed_dictionaries(
    {},
    optional={
        **element_values,
        **{key: values for key in ("titel", "lks", "formål", "værdisæt", "møder", "x")},
    },
)


def check(old: Any, new: Any) -> None:
    changes = diff_agreements(old, new)
    for change in changes:
        assert change.text and not any(bad in change.text for bad in REPRS), change.text
    assert bool(changes) is not same_content(old, new)
    assert diff_agreements(new, copy.deepcopy(new)) == []


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(old=agreements, new=agreements)
@example(old={"parter": [{"id": "a", "navn": 1}]}, new={"parter": [{"id": "a", "navn": "A"}]})
@example(old={"økonomi": {"budget": [{"navn": "x", "pr_år": {2027: 1, "2027": 2}}]}}, new={})
def test_agreement_shaped_odd_data_never_raises(old: dict[str, Any], new: dict[str, Any]) -> None:
    check(old, new)


SCHEMA = AGREEMENT.schema
anything = st.dictionaries(st.sampled_from([*SCHEMA["properties"], "x"]), values, max_size=6)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(old=anything, new=anything)
def test_anything_at_all_under_any_element(old: Any, new: Any) -> None:
    check(old, new)


ODD = [None, True, 0, 2.5, "tekst", ["a", {"b": 1}], {"c": [1]}, {}]


@pytest.mark.parametrize("element", list(SCHEMA["properties"]))
@pytest.mark.parametrize("value", ODD)
def test_every_element_with_every_odd_type(element: str, value: Any) -> None:
    for other in ODD:
        check({element: value}, {element: other})


def test_odd_items_in_keyed_lists_are_named_by_their_value() -> None:
    old = {"parter": [{"id": "a", "navn": "A"}, "løs tekst", 7]}
    new = {"parter": [{"id": "a", "navn": "A"}, None]}
    assert [c.text for c in diff_agreements(old, new)] == [
        "Part fjernet: teksten »løs tekst«",
        "Part fjernet: tallet 7",
        "Part tilføjet: (tom)",
    ]


def test_a_duration_or_end_date_that_is_not_one_is_compared_field_by_field() -> None:
    old = {"ressourcer": [{"part": "a", "minimumstid": {"timer": "ti", "pr": "uge"}}]}
    new = {"ressourcer": [{"part": "a", "minimumstid": {"timer": 10, "pr": "uge"}}]}
    assert [c.text for c in diff_agreements(old, new)] == [
        "»a«: minimumstid: timer: teksten »ti« → 10"
    ]
    dates = {"varighed": {"slut": "snart"}}, {"varighed": {"slut": "2027-01-01"}}
    assert [c.text for c in diff_agreements(*dates)] == ["Varighed: slut: »snart« → 1. januar 2027"]


def test_a_value_of_the_wrong_type_is_named_as_such() -> None:
    old, new = {"lks": True, "titel": "A"}, {"lks": "ja", "titel": 5}
    assert [c.text for c in diff_agreements(old, new)] == [
        "Titel: »A« → tallet 5",
        "LKS-aftale: ja → teksten »ja«",
    ]
    assert [c.text for c in diff_agreements({"titel": True}, {"titel": ["a"]})] == [
        "Titel: ja → »a«"
    ]


def test_free_text_replaced_by_a_list_is_shown_as_values() -> None:
    old, new = {"konfliktløsning": "Vi taler sammen."}, {"konfliktløsning": ["a", "b"]}
    assert [c.text for c in diff_agreements(old, new)] == [
        "Konfliktløsning: »Vi taler sammen.« → »a« og »b«"
    ]


def test_values_no_file_can_hold_are_still_compared() -> None:
    assert [c.text for c in diff_agreements({"x": {1}}, {"x": {2}})] == ["Elementet »x« er ændret."]


def test_data_that_is_not_an_agreement_at_all() -> None:
    assert diff_agreements(["a"], "b") == []
    assert [c.text for c in diff_agreements(None, {"titel": "A"})] == [
        "Elementet »Titel« er tilføjet."
    ]
