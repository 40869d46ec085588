"""The Danish sentences of ``kbtools diff``, and where in the agreement a change sits.

A change is located by a chain of labels: schema titles (»Varighed«, »Start«), list items
(»Budgetpost »Udvikling««, or a party's name) and map keys (»2028«). The chain is written
»Varighed: start« – later titles in lower case, a title that repeats the end of the one
before it left out (»Budget i alt: i alt«) – and the top-level element's title is left out
when the rest says enough on its own (»Budgetpost »Udvikling« 2028«, »Styregruppe: mødes«).
Values reach these functions already written in Danish (:mod:`kbtools.danish`).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from kbtools.danish import format_date


def _lower_first(text: str) -> str:
    """'Start' → 'start'; an abbreviation such as 'LKS-aftale' is left alone."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class Label:
    """One step of a location; ``title``: a schema title (lower-cased inside a sentence)."""

    text: str
    title: bool = True
    item: bool = False  # names a list item, so it identifies the place on its own


def _repeats(before: Label, label: Label) -> bool:
    return f" {before.text.lower()}".endswith(f" {label.text.lower()}")


@dataclass(frozen=True)
class Where:
    """A location in the agreement, from the top-level element down."""

    labels: tuple[Label, ...] = ()

    def __truediv__(self, label: Label) -> Where:
        return Where((*self.labels, label))

    @property
    def parent(self) -> Where:
        return Where(self.labels[:-1])

    def suffixed(self, key: str) -> Where:
        """An entry of a lookup table: 'Budgetpost »U«' → 'Budgetpost »U« 2028'."""
        last = self.labels[-1] if self.labels else Label("")
        return Where(
            (*self.labels[:-1], Label(f"{last.text} {key}".strip(), last.title, last.item))
        )

    def text(self) -> str:
        labels: list[Label] = []
        for label in self.labels:  # »Budget i alt: i alt« says »i alt« once
            if not (labels and label.title and not label.item and _repeats(labels[-1], label)):
                labels.append(label)
        if len(labels) > 1 and not labels[0].item and (len(labels) > 2 or labels[1].item):
            labels.pop(0)
        first = labels[0] if labels else Label("")
        words = [first.text[:1].upper() + first.text[1:] if first.title else first.text]
        words += [_lower_first(label.text) if label.title else label.text for label in labels[1:]]
        return ": ".join(words)


# --- whole elements (top level) ---------------------------------------------------------


def element_added(title: str) -> str:
    return f"Elementet »{title}« er tilføjet."


def element_removed(title: str) -> str:
    return f"Elementet »{title}« er fjernet."


def element_changed(title: str) -> str:
    return f"Elementet »{title}« er ændret."


# --- single values ------------------------------------------------------------------------


def changed(where: Where) -> str:
    """Changed in a way no other sentence names (content the schema does not describe)."""
    return f"{where.text()} er ændret."


def value_changed(where: Where, old: str, new: str) -> str:
    return f"{where.text()}: {old} → {new}"


def value_added(where: Where, new: str) -> str:
    return f"{where.text()}: {new} er tilføjet"


def value_removed(where: Where, old: str) -> str:
    return f"{where.text()}: {old} er fjernet"


def text_changed(where: Where) -> str:
    """A prose field: say that it changed, not the whole text."""
    return f"{where.text()}: teksten er ændret."


def text_added(where: Where) -> str:
    return f"{where.text()}: teksten er tilføjet."


def text_removed(where: Where) -> str:
    return f"{where.text()}: teksten er fjernet."


def group_added(where: Where, title: str) -> str:
    """A whole group of fields (``where`` is its parent): 'Organisering …: »Styregruppe« …'."""
    return f"{where.text()}: »{title}« er tilføjet." if where.labels else element_added(title)


def group_removed(where: Where, title: str) -> str:
    return f"{where.text()}: »{title}« er fjernet." if where.labels else element_removed(title)


# --- list items -----------------------------------------------------------------------------


def _item(head: Where, verb: str, name: str, summary: list[str]) -> str:
    details = ", ".join(summary)
    if name and details:
        return f"{head.text()} {verb}: {name} ({details})"
    if name or details:
        return f"{head.text()} {verb}: {name or details}"
    return f"{head.text()} {verb}"


def item_added(head: Where, name: str, summary: list[str]) -> str:
    """``head`` ends with the item's title: 'Part tilføjet: Erhvervshus Eksempel (uddannelse)'."""
    return _item(head, "tilføjet", name, summary)


def item_removed(head: Where, name: str, summary: list[str]) -> str:
    return _item(head, "fjernet", name, summary)


# --- the few sentences plain Danish needs -------------------------------------------------


def duration_changed(where: Where, old: str, new: str) -> str:
    """'Jobcenter Eksempelby: minimumstid 10 → 20 timer pr. måned' (no colon before the value).

    When only the hours changed, the caller passes the old number alone.
    """
    return f"{where.text()} {old} → {new}"


def end_date_moved(where: Where, old: _dt.date, new: _dt.date) -> str:
    """'Varighed forlænget til 31. december 2030 (før 31. december 2029)'; ``where``: the group."""
    verb = "forlænget" if new > old else "forkortet"
    return f"{where.text()} {verb} til {format_date(new)} (før {format_date(old)})"
