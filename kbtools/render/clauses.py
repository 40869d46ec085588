"""The agreement's elements as clauses a person would write.

Roles, resources, the organisation and the meetings are written as sentences
(»Jobcenter Fjordkommune stiller en virksomhedskonsulent til rådighed i mindst 20 timer pr.
måned.«); a list of goals with indicators and deadlines is a table, and a list of texts stays
a list. An element the schema has and these functions do not know is written by
:func:`generic`, so a new field shows without new code. Every value goes through
:class:`~kbtools.render.blocks.Writer`, so dates, amounts, party names and allowed values are
in their Danish display form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kbtools.danish import format_date, format_list, format_value, parse_iso_date
from kbtools.render.blocks import (
    Bullets,
    Heading,
    Paragraph,
    Table,
    Writer,
    dicts,
    genitive,
    sentence,
)
from kbtools.schemas.annotations import Node

Blocks = list[Any]
NBSP = "\u00a0"


def _known(item: dict[Any, Any], fields: set[str]) -> dict[Any, Any]:
    """The fields of ``item`` that a clause does not write itself."""
    return {key: value for key, value in item.items() if key not in fields and value is not None}


def _rest(writer: Writer, item: dict[Any, Any], node: Node, fields: set[str]) -> Blocks:
    """Fields a clause does not know (in a draft, or a field added to the schema)."""
    out: Blocks = []
    for key, value in _known(item, fields).items():
        child = node.child(str(key))
        if isinstance(value, list):
            out.append(Paragraph(f"{child.title}:"))
            out.append(Bullets([writer.show(entry, child.items()) for entry in value]))
        else:
            out.append(Paragraph(sentence(f"{child.title}: {writer.show(value, child)}")))
    return out


def _texts(writer: Writer, value: Any, node: Node) -> list[str]:
    items = node.items()
    return [writer.show(entry, items) for entry in value] if isinstance(value, list) else []


def roles(writer: Writer, value: Any, node: Node, level: int) -> Blocks:
    """Per party: its role, what the others expect of it, what it commits to, its tasks."""
    items = node.items()
    out: Blocks = []
    for role in dicts(value):
        party = writer.party(role.get("part"), items.child("part"))
        out.append(Heading(level, party))
        if role.get("rolle") is not None:
            rolle = writer.inline(role["rolle"], items.child("rolle"))
            if _starts_with_verb(rolle):  # »Finder og motiverer ledige.«
                out.append(Paragraph(sentence(f"{party} {rolle}")))
            else:
                out.append(Paragraph(sentence(f"{genitive(party)} rolle er {rolle}")))
        if expected := _texts(writer, role.get("forventninger"), items.child("forventninger")):
            out += [Paragraph(f"De andre parter kan forvente dette af {party}:"), Bullets(expected)]
        if commits := _texts(writer, role.get("forpligtelser"), items.child("forpligtelser")):
            out += [Paragraph(f"{party} forpligter sig til dette:"), Bullets(commits)]
        tasks = items.child("opgaver").items()
        if isinstance(role.get("opgaver"), list) and role["opgaver"]:
            names = format_list(writer.inline(task, tasks) for task in role["opgaver"])
            out.append(Paragraph(sentence(f"{genitive(party)} opgaver er {names}")))
        out += _rest(
            writer, role, items, {"part", "rolle", "forventninger", "forpligtelser", "opgaver"}
        )
    return out


def resources(writer: Writer, value: Any, node: Node, level: int) -> Blocks:
    """»A stiller en konsulent og lokaler til rådighed i mindst 20 timer pr. måned.«"""
    items = node.items()
    out: Blocks = []
    for item in dicts(value):
        party = writer.party(item.get("part"), items.child("part"))
        given = item.get("bidrag")
        shown = (
            format_list(writer.inline(entry, items.child("bidrag").items()) for entry in given)
            if isinstance(given, list) and given
            else "ressourcer"
        )
        text = f"{party} stiller {shown} til rådighed"
        if item.get("minimumstid") is not None:
            text += " i mindst " + writer.show(item["minimumstid"], items.child("minimumstid"))
        out.append(Paragraph(sentence(text)))
        out += _rest(writer, item, items, {"part", "bidrag", "minimumstid"})
    return out


def _definite(title: str) -> str:
    """»Styregruppe« → »Styregruppen«."""
    return title + "n" if title.endswith("e") else title


def _member(writer: Writer, member: dict[Any, Any], node: Node) -> str:
    party = writer.party(member.get("part"), node.child("part"))
    if member.get("navn") is None:
        return f"en repræsentant for {party}"
    name = writer.show(member["navn"], node.child("navn"))
    if member.get("titel") is not None:
        return f"{name} ({writer.inline(member['titel'], node.child('titel'))}, {party})"
    return f"{name} ({party})"


def _starts_with_verb(text: str) -> bool:
    """Whether ``text`` starts like »Fastlægger mål …«: a word in the present tense (ending in
    -er) not followed by »er« (»Opgaver er …« starts with a noun)."""
    words = text.split()
    return len(words) > 1 and words[0].lower().endswith("er") and "er" not in words[1:3]


def group(writer: Writer, value: Any, node: Node, level: int) -> Blocks:
    """A group (styregruppe, konsulentgruppe): who sits in it, its tasks, how often it meets."""
    if not isinstance(value, dict):
        return generic(writer, value, node, level)
    name = _definite(node.title)
    out: Blocks = [Heading(level, node.title, writer.help(node))]
    members_node = node.child("medlemmer").items()
    members = dicts(value.get("medlemmer"))
    if members and all(member.get("navn") is None for member in members):
        parties = format_list(
            dict.fromkeys(writer.party(m.get("part"), members_node.child("part")) for m in members)
        )
        out.append(Paragraph(f"{name} består af medarbejdere fra {parties}."))
    elif members:
        shown = format_list(_member(writer, member, members_node) for member in members)
        out.append(Paragraph(f"{name} består af {shown}."))
    if value.get("opgaver") is not None:
        tasks = writer.show(value["opgaver"], node.child("opgaver"))
        if _starts_with_verb(tasks):  # »Fastlægger mål …« → »Styregruppen fastlægger mål …«
            tasks = f"{name} {writer.inline(value['opgaver'], node.child('opgaver'))}"
        out.append(Paragraph(sentence(tasks)))
    if value.get("mødes") is not None:
        often = writer.inline(value["mødes"], node.child("mødes"))
        out.append(Paragraph(sentence(f"{name} mødes {often}")))
    return out + _rest(writer, value, node, {"medlemmer", "opgaver", "mødes"})


def meetings(writer: Writer, value: Any, node: Node, level: int) -> Blocks:
    """»Styregruppen mødes hver anden måned (ledelsesniveau).«"""
    items, lines = node.items(), []
    for meeting in dicts(value):
        forum = writer.show(meeting.get("forum", "Forummet"), items.child("forum"))
        text = forum + " mødes"
        if meeting.get("hyppighed") is not None:
            text += " " + writer.inline(meeting["hyppighed"], items.child("hyppighed")).rstrip(".")
        if meeting.get("niveau") is not None:
            text += f" ({writer.inline(meeting['niveau'], items.child('niveau'))})"
        lines.append(sentence(text))
    return [Bullets(lines)] if lines else generic(writer, value, node, level)


def efforts(writer: Writer, value: Any, node: Node, level: int) -> Blocks:
    """»Sambesøg (operationel indsats). Hvad indsatsen går ud på.«"""
    items, lines = node.items(), []
    for effort in dicts(value):
        text = writer.show(effort.get("navn", "Indsats"), items.child("navn"))
        if effort.get("type") is not None:
            text += f" ({writer.inline(effort['type'], items.child('type'))})"
        text = sentence(text)
        if effort.get("beskrivelse") is not None:
            text += " " + sentence(writer.show(effort["beskrivelse"], items.child("beskrivelse")))
        lines.append(text)
    return [Bullets(lines)] if lines else generic(writer, value, node, level)


def period(start: Any, end: Any) -> str:
    """»1. januar 2025 – 31. december 2029« (a date that is not one stays as written)."""

    def day(value: Any) -> str:
        return (
            format_date(value)
            if isinstance(value, str) and parse_iso_date(value)
            else format_value(value)
        )

    if start is None and end is None:
        return ""
    if end is None:
        return f"fra {day(start)}"
    if start is None:
        return f"til {day(end)}"
    return f"{day(start)} – {day(end)}"


def duration(writer: Writer, value: Any, node: Node, level: int) -> Blocks:
    """»Aftalen gælder fra 1. januar 2025 til 31. december 2029.« and how it is extended."""
    if not isinstance(value, dict):
        return generic(writer, value, node, level)
    start, end = value.get("start"), value.get("slut")
    out: Blocks = []
    if start is not None and end is not None:
        first, last = (writer.show(v, node.child(k)) for k, v in (("start", start), ("slut", end)))
        out.append(Paragraph(f"Aftalen gælder fra {first} til {last}."))
    elif start is not None or end is not None:
        out.append(Paragraph(sentence("Aftalen gælder " + period(start, end))))
    if value.get("forlængelse") is not None:
        out.append(
            Paragraph(sentence(writer.show(value["forlængelse"], node.child("forlængelse"))))
        )
    return out + _rest(writer, value, node, {"start", "slut", "forlængelse"})


def _table_of(writer: Writer, value: list[Any], node: Node) -> Table | None:
    """A list of groups of plain values as a table (a goal, its indicator, its deadline)."""
    items = node.items()
    rows = dicts(value)
    if len(rows) != len(value) or not rows:
        return None
    keys = [key for key in items.properties() if any(key in row for row in rows)]
    keys += [str(k) for row in rows for k in row if str(k) not in keys]
    if not keys or any(isinstance(row.get(key), dict | list) for row in rows for key in keys):
        return None
    header = [items.child(key).title for key in keys]
    # A date never breaks over lines in a narrow column: »31. december 2026« stays whole
    body = [
        [
            writer.cell(row.get(key), items.child(key)).replace(" ", NBSP)
            if items.child(key).kind == "date"
            else writer.cell(row.get(key), items.child(key))
            for key in keys
        ]
        for row in rows
    ]
    return Table("", header, body, numeric=False)


def generic(writer: Writer, value: Any, node: Node, level: int) -> Blocks:
    """Any element by its shape: a text as a paragraph, a group's fields under their titles,
    a list of texts as a list, a list of groups of values as a table."""
    out: Blocks = []
    if isinstance(value, dict) and not node.is_value:
        for key, sub in value.items():
            child = node.child(str(key))
            if str(key) in WRITERS:
                out += WRITERS[str(key)](writer, sub, child, level)
            elif node.title.startswith(child.title) and not isinstance(sub, dict | list):
                # The element's own text (»Formål« in »Formål, vision og mål«): no heading
                out.append(Paragraph(writer.show(sub, child), writer.help(child)))
            else:
                out.append(Heading(level, child.title, writer.help(child)))
                out += generic(writer, sub, child, level + 1)
    elif isinstance(value, list):
        items = node.items()
        if all(not isinstance(item, dict | list) for item in value):
            out.append(Bullets([writer.show(item, items) for item in value]))
        elif (table := _table_of(writer, value, node)) is not None:
            out.append(table)
        else:
            out.append(Bullets([_item_line(writer, item, items) for item in value]))
    else:
        out.append(Paragraph(writer.show(value, node)))
    return out


def _item_line(writer: Writer, item: Any, node: Node) -> str:
    """An item no clause knows, on one line (only in a draft or for a new kind of field)."""
    if not isinstance(item, dict):
        return writer.show(item, node)
    parts = []
    for key, sub in item.items():
        child = node.child(str(key))
        if isinstance(sub, list):
            shown = "; ".join(writer.show(entry, child.items()) for entry in sub)
        else:
            shown = writer.show(sub, child)
        parts.append(f"{child.title}: {shown}".rstrip("."))
    return "; ".join(parts) + "." if parts else format_value(item)


#: The elements (and the groups inside them) written as clauses, by their key in the schema.
WRITERS: dict[str, Callable[[Writer, Any, Node, int], Blocks]] = {
    "roller": roles,
    "ressourcer": resources,
    "styregruppe": group,
    "konsulentgruppe": group,
    "møder": meetings,
    "indsatser": efforts,
    "varighed": duration,
}
