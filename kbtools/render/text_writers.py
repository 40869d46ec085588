"""Markdown and HTML writers. Agreement text is data, never markup: HTML is built with
`html.escape` only, and Markdown escapes every character that could start a construct."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from kbtools.render.model import (
    Bars,
    Bullets,
    Facts,
    Heading,
    Kept,
    Paragraph,
    Rendered,
    Signature,
    Table,
)
from kbtools.reporting.visible import visible

DRAFT_TEXT = "KLADDE – aftalen er ikke færdig og er ikke klar til underskrift"


def draft_text(doc: Rendered) -> str:
    """The notice on every page of a draft: the document's own, or the agreement's."""
    return doc.draft_notice or DRAFT_TEXT


#: Characters that start or end a Markdown construct anywhere in a line: code, emphasis,
#: strikethrough, links and images, HTML and autolinks (``<…>``), entities (``&lt;``), table
#: cells and a heading's closing ``#``. A backslash before them makes them plain text.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>&|~#])")
#: What makes a block at the start of a line (after the inline escapes above): a list item
#: (``-``, ``+``, ``1.``, ``1)``) and a setext heading's underline (``===``).
_MD_LINE_START = re.compile(r"^(?:([-+=])|(\d{1,9})([.)]))")
#: GitHub's bare autolinks: ``https://…``, ``www.…``.
_MD_BARE_LINK = re.compile(r"(?i)(?<=[a-z])(://)|(?<=\bwww)(\.)")
#: What ends a line in Markdown.
_MD_LINE_END = re.compile(r"\r\n|\r|\n")


def md_text(text: str) -> str:
    """``text`` as Markdown that shows exactly ``text``: every line starts as a paragraph
    line (no indented code, no list, quote or heading) and nothing inline is markup. A control
    character (an ANSI escape, a right-to-left override) shows as an escape such as ``\x1b``:
    in a document to sign, and on the terminal of ``-o -``, it must not act unseen."""
    lines = []
    for line in _MD_LINE_END.split(text):
        escaped = _md_inline(line)
        escaped = _MD_LINE_START.sub(
            lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped, count=1
        )
        lines.append(escaped)
    return "\n".join(line for line in lines if line)  # a blank line would end the block


def _md_inline(text: str) -> str:
    """``text`` on one line where only inline Markdown counts (a heading's text, a table
    cell, after »Navn: «)."""
    line = visible(" ".join(_MD_LINE_END.split(text)).strip())
    escaped = _MD_INLINE.sub(r"\\\1", line)
    return _MD_BARE_LINK.sub(lambda m: "\\" + m.group(0), escaped)


def _md_item(text: str) -> str:
    """``text`` as one list item's text (which may itself start a list or a quote)."""
    return md_text(" ".join(_MD_LINE_END.split(text)))


def to_markdown(doc: Rendered) -> str:
    out: list[str] = []
    if doc.draft:
        out += [f"> **{draft_text(doc)}**", ""]
    for block in doc.flat():
        if isinstance(block, Heading):
            out += ["#" * block.level + " " + _md_inline(block.text), ""]
        elif isinstance(block, Paragraph):
            out += [md_text(block.text), ""]
        elif isinstance(block, Facts):
            out += [
                f"**{_md_inline(label)}:** {_md_inline(value)}  " for label, value in block.rows
            ]
            out.append("")
        elif isinstance(block, Bullets):
            out += [f"- {_md_item(item)}" for item in block.items] + [""]
        elif isinstance(block, Table):
            out += [f"**{_md_inline(block.caption)}**", ""] if block.caption else []
            out.append("| " + " | ".join(_md_inline(h) for h in block.header) + " |")
            align = "---:" if block.numeric else "---"
            out.append("|" + "|".join(["---"] + [align] * (len(block.header) - 1)) + "|")
            out += ["| " + " | ".join(_md_inline(c) for c in row) + " |" for row in block.rows]
            out.append("")
        elif isinstance(block, Bars):
            out += [f"**{_md_inline(block.caption)}**", ""] if block.caption else []
            out += [
                f"- {_md_item(label + ': ' + '; '.join(bar.text for bar in bars))}"
                for label, bars in block.rows
            ]
            out.append("")
        elif isinstance(block, Signature):
            out += [
                f"**{_md_inline(block.party)}**",
                "",
                f"Dato: {_md_inline(block.date)}",
                "",
                SIGNATURE_LINE,
                "",
                *signed_by(block, _md_inline),
                "",
            ]
    return "\n".join(out)


#: Where the parties sign, in the text formats (the html and Word draw a line).
SIGNATURE_LINE = "________________________________"


def signed_by(block: Signature, text: Callable[[str], str]) -> list[str]:
    """The lines under the signature line: the signatory's name, then the title."""
    lines = [text(part) for part in (block.name, block.title) if part]
    return [line + "  " for line in lines[:-1]] + lines[-1:]


#: Where the html's link back leads (the published site).
SITE_URL = "https://lks-vidensbasen.github.io/"
AUTHOR = "LKS-vidensbasen"

#: One font family for everything, the page's footer included (the page box inherits from
#: ``html``). Headings and table captions are kept with what follows (``break-after``), a
#: table row is never split, a short table (``.hel``) is kept whole and a long one never
#: leaves its last row alone, and what the model keeps together (``.samlet``: the last clause
#: and the signatures) is never split by a page break.
CSS = """
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111; }
body { max-width: 48rem; margin: 1rem auto; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.7rem; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 1.6rem 0 .4rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .3rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #444; padding: .3rem .6rem; vertical-align: top; text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
table.hel { break-inside: avoid; }
tbody tr:last-child { break-before: avoid; }
td.tal, th.tal { text-align: right; white-space: nowrap; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; break-after: avoid; }
table.forside { margin: 0 0 1.2rem; }
table.forside th, table.forside td { border: 0; padding: .15rem 1.2rem .15rem 0; }
.tabel { overflow: auto; }
.tilbage { font-size: .9rem; margin-bottom: 1rem; }
.kladde { background: #fff3b0; color: #000;
  border: 3px solid #000; padding: .5rem; font-weight: bold; text-align: center; }
.vandmaerke { position: fixed; top: 40%; left: 0; right: 0; text-align: center;
  transform: rotate(-35deg); font-size: 7rem; font-weight: bold; color: #e6b3b3;
  letter-spacing: .5rem; z-index: -1; pointer-events: none; }
.samlet, .underskrift { break-inside: avoid; }
.underskrift { margin: 1.5rem 0; }
.underskrift p { margin: .3rem 0; }
.linje { border-bottom: 1px solid #000; height: 2.5rem; width: 20rem; max-width: 100%; }
h1, h2, h3, h4, caption, p.leder { break-after: avoid; }
table.soejler th, table.soejler td { border: 0; padding: .2rem .6rem .2rem 0; }
table.soejler td { width: 70%; }
.soejle { margin: .1rem 0; }
.soejle .bar { display: inline-block; height: .8rem; margin-right: .4rem;
  vertical-align: middle; border: 1px solid #1f3864; -webkit-print-color-adjust: exact; }
.bar.budget { background: #c9d6ec; }
.bar.forbrug { background: #1f3864; }
.bar.over { background: #8a1c1c; border-color: #8a1c1c; }
ul { break-inside: avoid; }
@page { size: A4; margin: 2cm 2cm 2.2cm;
  @bottom-center { content: "Side " counter(page) " af " counter(pages); font-size: 9pt; } }
body.kort { line-height: 1.3; }
body.kort h1 { font-size: 1.45rem; margin-bottom: .6rem; }
body.kort h2 { font-size: 1.15rem; margin: 1rem 0 .3rem; }
body.kort h3 { font-size: 1rem; margin: .6rem 0 .2rem; }
body.kort table { margin: .5rem 0; }
body.kort th, body.kort td { padding: .15rem .4rem; }
body.kort p, body.kort ul { margin: .3rem 0; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  body.kort { font-size: 9.5pt; }
  .tilbage { display: none; }
  .vandmaerke { position: fixed; top: 45%; }
}
"""


@dataclass(frozen=True)
class Brand:
    """A municipality's look in the html and the PDF: its logo at the top of every page and
    the colour of its headings (from its Word file: :mod:`kbtools.render.docx_letterhead`)."""

    logo: bytes | None = None
    logo_type: str = "image/png"
    colour: str | None = None  # six hex digits, as Word writes them

    def css(self) -> str:
        out = ""
        if self.logo is not None:
            out += (
                "@page { @top-right { content: element(logo); } } "
                ".logo { position: running(logo); text-align: right; } "
                ".logo img { height: 1.2cm; } "
                "@media screen { .logo { text-align: right; } }"
            )
        if self.colour is not None:
            out += f" h1, h2, h3, h4 {{ color: #{self.colour}; }}"
        return out

    def html(self) -> str:
        if self.logo is None:
            return ""
        data = base64.b64encode(self.logo).decode("ascii")
        return f'<div class="logo"><img src="data:{self.logo_type};base64,{data}" alt="Logo"></div>'


#: The document's language, as BCP 47 (the PDF's /Lang and the html's ``lang``).
LANGUAGE = "da-DK"


def _head(doc: Rendered, brand: Brand) -> list[str]:
    e = escape
    title = ("KLADDE: " if doc.draft else "") + doc.title
    authors = doc.parties or [AUTHOR]
    return [
        "<!DOCTYPE html>",
        f'<html lang="{LANGUAGE}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>",
        *(f'<meta name="author" content="{e(author)}">' for author in authors),
        f'<meta name="description" content="{e(doc.subject)}">',
        f'<meta name="keywords" content="{e(", ".join([doc.label.lower(), *doc.parties]))}">',
        f'<meta name="generator" content="{e(AUTHOR)}">',
        f"<style>{CSS}{brand.css()}</style>",
        "</head>",
        '<body class="kort">' if doc.compact else "<body>",
        f'<nav class="tilbage"><a href="{SITE_URL}">← Til LKS-vidensbasen</a></nav>',
    ]


def _table(block: Table) -> str:
    e = escape
    num = ' class="tal"' if block.numeric else ""
    head = "".join(
        f'<th scope="col"{"" if i == 0 else num}>{e(h)}</th>' for i, h in enumerate(block.header)
    )
    rows = "".join(
        f'<tr><th scope="row">{e(row[0])}</th>'
        + "".join(f"<td{num}>{e(c)}</td>" for c in row[1:])
        + "</tr>"
        for row in block.rows
    )
    caption = f"<caption>{e(block.caption)}</caption>" if block.caption else ""
    whole = ' class="hel"' if block.kept_whole else ""
    table = f"<table{whole}>{caption}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    return _scrolling(block.caption or ", ".join(block.header), table)


def _scrolling(label: str, table: str) -> str:
    """A table that scrolls sideways on a narrow screen; a keyboard can reach and scroll it
    (``tabindex``), and a screen reader names the region by the table's caption."""
    return (
        f'<div class="tabel" role="region" tabindex="0" aria-label="{escape(label)}">{table}</div>'
    )


def _bars(block: Bars) -> str:
    """A chart as a table: the label, then each bar (drawn, hidden from screen readers) with
    its text next to it; the bars take at most 35 % of the cell, the text the rest."""
    e = escape
    rows = []
    for label, bars in block.rows:
        drawn = "".join(
            '<div class="soejle">'
            + (
                f'<span class="bar {e(bar.kind)}" style="width: {round(bar.share * 35, 1)}%" '
                'aria-hidden="true"></span>'
                if bar.share > 0
                else ""
            )
            + f"<span>{e(bar.text)}</span></div>"
            for bar in bars
        )
        rows.append(f'<tr><th scope="row">{e(label)}</th><td>{drawn}</td></tr>')
    caption = f"<caption>{e(block.caption)}</caption>" if block.caption else ""
    body = "".join(rows)
    return _scrolling(
        block.caption, f'<table class="soejler">{caption}<tbody>{body}</tbody></table>'
    )


def _block(block: object) -> str:
    e = escape
    if isinstance(block, Heading):
        return f"<h{block.level}>{e(block.text)}</h{block.level}>"
    if isinstance(
        block, Paragraph
    ):  # a lead-in (»… forpligter sig til dette:«) stays with its list
        lead = ' class="leder"' if block.text.endswith(":") else ""
        return f"<p{lead}>{e(block.text)}</p>"
    if isinstance(block, Facts):
        rows = "".join(
            f'<tr><th scope="row">{e(label)}</th><td>{e(value)}</td></tr>'
            for label, value in block.rows
        )
        return f'<table class="forside"><tbody>{rows}</tbody></table>'
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{e(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Bars):
        return _bars(block)
    if isinstance(block, Signature):
        lines = "<br>".join(e(text) for text in (block.name, block.title) if text)
        return (
            f'<section class="underskrift"><h3>{e(block.party)}</h3>'
            f"<p>Dato: {e(block.date)}</p>"
            '<div class="linje" aria-hidden="true"></div>'
            + (f"<p>{lines}</p>" if lines else "")
            + "</section>"
        )
    return ""


def _blocks(blocks: list[object]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Kept):
            out += ['<section class="samlet">', *_blocks(block.blocks), "</section>"]
        else:
            out.append(_block(block))
    return out


def to_html(doc: Rendered, brand: Brand | None = None) -> str:
    e = escape
    brand = brand or Brand()
    out = _head(doc, brand)
    if doc.draft:
        out.append(f'<div class="kladde" role="note">{e(draft_text(doc))}</div>')
        out.append('<div class="vandmaerke" aria-hidden="true">KLADDE</div>')
    if brand.logo is not None:
        out.append(brand.html())
    out.append("<main>")
    out += _blocks(doc.blocks)
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)
