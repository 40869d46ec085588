"""Markdown and HTML writers. HTML is built with `html.escape` only: agreement text is data."""

from __future__ import annotations

from html import escape

from kbtools.render.model import Bullets, Heading, Paragraph, Rendered, Signature, Table

DRAFT_TEXT = "KLADDE – aftalen er ikke færdig og er ikke klar til underskrift"


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(doc: Rendered) -> str:
    out: list[str] = []
    if doc.draft:
        out += [f"> **{DRAFT_TEXT}**", ""]
    for block in doc.blocks:
        if isinstance(block, Heading):
            out += ["#" * block.level + " " + block.text, ""]
        elif isinstance(block, Paragraph):
            out += [block.text, ""]
        elif isinstance(block, Bullets):
            out += [f"- {item}" for item in block.items] + [""]
        elif isinstance(block, Table):
            out += [f"**{block.caption}**", ""]
            out.append("| " + " | ".join(_md_cell(h) for h in block.header) + " |")
            align = "---:" if block.numeric else "---"
            out.append("|" + "|".join(["---"] + [align] * (len(block.header) - 1)) + "|")
            out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
            out.append("")
        elif isinstance(block, Signature):
            out += [
                f"**{block.party}**",
                "",
                f"Navn: {block.name}  ",
                f"Titel: {block.title}  ",
                f"Dato: {block.date}  ",
                "",
                "Underskrift: ________________________________",
                "",
            ]
    return "\n".join(out)


CSS = """
body { font-family: sans-serif; max-width: 48rem; margin: 2rem auto; color: #111; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #444; padding: .3rem .6rem; }
td.tal, th.tal { text-align: right; }
.kladde { position: fixed; top: 0; left: 0; right: 0; background: #fff3b0; color: #000;
  border-bottom: 3px solid #000; padding: .5rem; font-weight: bold; text-align: center; }
body.har-kladde { padding-top: 3.5rem; }
.underskrift { margin: 2rem 0; page-break-inside: avoid; }
.linje { border-bottom: 1px solid #000; height: 2.5rem; width: 20rem; }
@media print { .kladde { position: fixed; top: 0; } body { margin-top: 3rem; } }
"""


def to_html(doc: Rendered) -> str:
    e = escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="da">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(('KLADDE: ' if doc.draft else '') + doc.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        '<body class="har-kladde">' if doc.draft else "<body>",
    ]
    if doc.draft:
        out.append(f'<div class="kladde" role="note">{e(DRAFT_TEXT)}</div>')
    out.append("<main>")
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append(f"<h{block.level}>{e(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{e(block.text)}</p>")
        elif isinstance(block, Bullets):
            out.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in block.items) + "</ul>")
        elif isinstance(block, Table):
            num = ' class="tal"' if block.numeric else ""
            head = "".join(
                f'<th scope="col"{"" if i == 0 else num}>{e(h)}</th>'
                for i, h in enumerate(block.header)
            )
            rows = "".join(
                f'<tr><th scope="row">{e(row[0])}</th>'
                + "".join(f"<td{num}>{e(c)}</td>" for c in row[1:])
                + "</tr>"
                for row in block.rows
            )
            out.append(
                f"<table><caption>{e(block.caption)}</caption>"
                f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
            )
        elif isinstance(block, Signature):
            out.append(
                f'<section class="underskrift"><h3>{e(block.party)}</h3>'
                f"<p>Navn: {e(block.name)}<br>Titel: {e(block.title)}<br>"
                f"Dato: {e(block.date)}</p>"
                '<p>Underskrift:</p><div class="linje" aria-hidden="true"></div></section>'
            )
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)
