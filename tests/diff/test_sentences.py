"""How a change's place in the agreement is written (kbtools.diff.sentences.Where)."""

from __future__ import annotations

from kbtools.diff.sentences import Label, Where


def where(*labels: Label) -> str:
    return Where(labels).text()


def test_later_titles_are_lower_case_but_names_and_abbreviations_keep_theirs() -> None:
    assert where(Label("Varighed"), Label("Start")) == "Varighed: start"
    assert where(Label("Aftale"), Label("LKS-aftale")) == "Aftale: LKS-aftale"
    assert where(Label("Jobcenter Midtby", title=False, item=True), Label("E-mail")) == (
        "Jobcenter Midtby: e-mail"
    )


def test_the_element_title_is_left_out_when_the_rest_says_enough() -> None:
    element = Label("Organisering og ledelse")
    assert where(element, Label("Styregruppe"), Label("Mødes")) == "Styregruppe: mødes"
    assert where(Label("Økonomi"), Label("Budgetpost »U«", item=True)) == "Budgetpost »U«"
    assert where(Label("Økonomi"), Label("Enhed")) == "Økonomi: enhed"


def test_a_title_from_a_key_is_capitalised_first() -> None:
    assert where(Label("ukendt"), Label("a")) == "Ukendt: a"


def test_lookup_table_entries_follow_their_owner() -> None:
    budget = Where((Label("Økonomi"), Label("Budgetpost »U«", item=True)))
    assert budget.suffixed("2028").text() == "Budgetpost »U« 2028"
    assert Where().suffixed("2028").text() == "2028"


def test_a_title_that_repeats_the_one_before_is_said_once() -> None:
    assert where(Label("Økonomi"), Label("Budget i alt"), Label("I alt")) == (
        "Økonomi: budget i alt"
    )
