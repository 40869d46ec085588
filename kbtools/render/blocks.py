"""The parts of the document model (:mod:`kbtools.render.model`) and how values are written.

A writer lays these blocks out; it never re-derives content. :class:`Kept` and
:attr:`Table.kept_whole` are the layout hints in the model: their blocks belong on one page
(the signatures and the clause before them; a short table), so every paged format keeps them
together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kbtools.danish import format_field, format_list, format_value
from kbtools.schemas.annotations import Node
from kbtools.template import PLACEHOLDER, STEP_NAMES


@dataclass
class Heading:
    level: int
    text: str
    help: str = ""  # the schema's guidance; only the Word template shows it


@dataclass
class Paragraph:
    text: str
    help: str = ""


@dataclass
class Bullets:
    items: list[str]


#: A table of at most this many rows is kept on one page (a budget with its total, the goals);
#: a longer one may be split, but never leaves its last row alone on a page.
WHOLE_TABLE_ROWS = 12


@dataclass
class Table:
    caption: str  # may be empty: the heading above already names the table
    header: list[str]
    rows: list[list[str]]
    numeric: bool = True  # columns after the first hold amounts (right-aligned)

    @property
    def kept_whole(self) -> bool:
        """Whether the paged formats keep the whole table on one page."""
        return len(self.rows) <= WHOLE_TABLE_ROWS


@dataclass
class Facts:
    """The front block's facts: label and value per row (»Parter«, »Periode«, »Version« …)."""

    rows: list[tuple[str, str]]


@dataclass
class Signature:
    party: str
    name: str
    title: str
    date: str


@dataclass
class Kept:
    """Blocks that belong on one page: the last clause, the signatures' heading and them."""

    blocks: list[Any]


@dataclass
class Bar:
    """One bar of a :class:`Bars` chart: ``share`` of the chart's widest bar (0 to 1) and the
    text that stands next to it and says everything the bar shows (»Forbrug: 742 (93 %)«)."""

    share: float
    text: str
    kind: str = ""  # what the bar stands for (»budget«, »forbrug«): its colour, never its meaning


@dataclass
class Bars:
    """A bar chart: per row a label and its bars. Every bar carries its numbers as text, so
    the chart reads without its colours (and a writer may draw the bars or leave them out)."""

    caption: str
    rows: list[tuple[str, list[Bar]]]


@dataclass
class Rendered:
    title: str
    draft: bool
    blocks: list[Any] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)  # names, for the document's metadata
    #: What the document is, for its metadata (subject, keywords, category).
    label: str = "Partnerskabsaftale"
    #: The document's subject; empty: »Partnerskabsaftale mellem A, B og C«.
    about: str = ""
    #: The draft notice at the top of every page; empty: the agreement's (:data:`DRAFT_TEXT`).
    draft_notice: str = ""
    #: The metadata's status of a finished document (Word's »Status«).
    final_status: str = "Klar til underskrift"
    #: Laid out tighter (smaller type and spacing), for a note that must fit on two pages.
    compact: bool = False

    @property
    def subject(self) -> str:
        """»Partnerskabsaftale mellem A, B og C« (the document's subject in its metadata)."""
        if self.about:
            return self.about
        if not self.parties:
            return self.label
        return f"{self.label} mellem " + format_list(self.parties)

    @property
    def author(self) -> str:
        """The parties, who are the agreement's authors: »A, B og C«."""
        return format_list(self.parties) if self.parties else self.label

    def flat(self) -> list[Any]:
        """Every block in reading order, the kept ones unpacked."""
        out: list[Any] = []
        for block in self.blocks:
            out.extend(block.blocks if isinstance(block, Kept) else [block])
        return out


def guidance(node: Node, named: bool = False) -> str:
    """The schema's guidance for an element: its step in the tringuide and its description
    (after its title when ``named``: the document's title says what it is, not its name)."""
    raw = node.node
    step = raw.get("x-trin")
    parts = [f"{node.title}." if named else ""]
    parts.append(f"Trin {step}: {STEP_NAMES[step]}." if step in STEP_NAMES else "")
    parts.append("Anbefalet element." if raw.get("x-anbefalet") else "")
    parts.append(str(raw.get("description") or ""))
    return " ".join(part for part in parts if part)


def dicts(value: Any) -> list[dict[Any, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def lower_first(text: str, keep: frozenset[str] = frozenset()) -> str:
    """``text`` to stand inside a sentence: »To virksomhedskonsulenter« → »to …«. A first
    word that is a name stays as written: an abbreviation (»FVU«), a word with a capital or a
    digit inside, or a word of ``keep`` (the parties' names: »Midtby«)."""
    word = text.split(" ", 1)[0]
    if word == PLACEHOLDER or not word[:1].isupper() or word in keep or word.rstrip(".,;:") in keep:
        return text
    if any(ch.isupper() or ch.isdigit() for ch in word[1:]):
        return text
    return text[0].lower() + text[1:]


def genitive(name: str) -> str:
    """Danish genitive of a name: »Jobcenter Midtbys«; a name ending in s, x or z takes an
    apostrophe: »Aarhus'«."""
    return name + ("'" if name[-1:].lower() in "sxz" else "s")


def sentence(text: str) -> str:
    """``text`` ending like a sentence (a full stop unless it ends with . ! ? or »)."""
    text = text.strip()
    return text if not text or text[-1] in ".!?»" else text + "."


@dataclass(frozen=True)
class Writer:
    """Writes values of one agreement: knows its party names and its unit for amounts."""

    parties: dict[str, str]
    unit: str
    guide: bool = False

    @property
    def name_words(self) -> frozenset[str]:
        """Words of the parties' names: a sentence never lowercases them."""
        return frozenset(word for name in self.parties.values() for word in name.split())

    def help(self, node: Node) -> str:
        return guidance(node) if self.guide else ""

    def show(self, value: Any, node: Node) -> str:
        """A value as a reader sees it: an allowed value by its name (``x-valgnavne``)."""
        if node.kind == "choice" and (name := node.choice_name(value)) is not None:
            return name
        names = self.parties if node.reference else None
        return format_field(value, node.kind, unit=self.unit, names=names)

    def inline(self, value: Any, node: Node) -> str:
        """A value inside a sentence: first letter small unless it starts with a name."""
        return lower_first(self.show(value, node), self.name_words)

    def party(self, value: Any, node: Node) -> str:
        """A party named in a sentence; »Parten« when the file does not say which."""
        return self.show(value, node) if value is not None else "Parten"

    def cell(self, value: Any, node: Node | None = None) -> str:
        """A table cell: empty for a missing value."""
        if value is None:
            return ""
        return self.show(value, node) if node is not None else format_value(value)
