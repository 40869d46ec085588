"""A bar chart (:class:`kbtools.render.blocks.Bars`) in Word: a table whose shaded cells are
the bars, with every bar's numbers as text in the cell next to it.

Word has no chart a pure-Python writer can make reliably (a DrawingML chart needs an embedded
spreadsheet, and LibreOffice and Word draw it differently), but every Word and LibreOffice
lays out a table the same way. The table has a column for the labels and :data:`STEPS` equal
columns for the bars: a bar is one cell spanning as many of them as its share
(``gridSpan``), shaded, and the text takes the rest of the row. A bar never takes more than
:data:`LONGEST` steps, so its text always has room. The table has no borders; the label of a
row with several bars spans them (``vMerge``), and the table's caption (``tblCaption``) and
the text say everything the colours do.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import quoteattr

from kbtools.render.blocks import Bar, Bars

#: Equal columns the bars are measured in, and the most of them a bar may take.
STEPS = 20
LONGEST = 8
#: The bars' colours by what they stand for (the text says it too); a dark and a light blue
#: as the headings, and a dark red for spending over the budget.
FILLS = {"budget": "C9D6EC", "forbrug": "1F3864", "over": "8A1C1C"}
_NO_BORDERS = "".join(
    f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)

Para = Callable[..., str]


def steps(bar: Bar) -> int:
    """How many of the :data:`STEPS` columns ``bar`` spans (0 for nothing to draw)."""
    share = min(max(bar.share, 0.0), 1.0)
    return round(share * LONGEST)


def _cell(width: int, span: int, content: str, props: str = "") -> str:
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}{props}</w:tcPr>{content}</w:tc>'
    )


def bars_xml(block: Bars, para: Para, label_width: int, text_width: int) -> str:
    """``block`` as a Word table; ``para(text, style, ppr, rpr)`` writes a paragraph and the
    widths are in twips (the label column and the whole line)."""
    step = (text_width - label_width) // STEPS
    label_width = text_width - step * STEPS
    rows: list[str] = []
    count = sum(len(bars) for _, bars in block.rows)
    for label, bars in block.rows:
        for i, bar in enumerate(bars):
            # every row but the last stays on the page of the next: the chart is never split
            keep = "<w:keepNext/>" if len(rows) < count - 1 else ""
            tight = keep + '<w:spacing w:before="0" w:after="0"/>'
            small = '<w:sz w:val="20"/><w:szCs w:val="20"/>'
            merge = '<w:vMerge w:val="restart"/>' if i == 0 else "<w:vMerge/>"
            cells = [
                _cell(
                    label_width,
                    1,
                    para(label if i == 0 else "", "", tight, "<w:b/><w:bCs/>" + small),
                    merge if len(bars) > 1 else "",
                )
            ]
            drawn = steps(bar)
            if drawn:
                fill = FILLS.get(bar.kind, FILLS["forbrug"])
                shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
                cells.append(_cell(step * drawn, drawn, para("", "", tight), shade))
            rest = STEPS - drawn
            text = para(bar.text, "", tight + '<w:ind w:left="113"/>', small)
            cells.append(_cell(step * rest, rest, text))
            rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>")
    caption = block.caption or "Søjlediagram"
    return (
        (para(block.caption, "Caption", "<w:keepNext/>") if block.caption else "")
        + "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{text_width}" w:type="dxa"/>'
        f"<w:tblBorders>{_NO_BORDERS}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/>'
        "</w:tblCellMar>"
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="1" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f"<w:tblCaption w:val={quoteattr(caption)}/></w:tblPr>"
        "<w:tblGrid>"
        + f'<w:gridCol w:w="{label_width}"/>'
        + "".join(f'<w:gridCol w:w="{step}"/>' for _ in range(STEPS))
        + "</w:tblGrid>"
        + "".join(rows)
        + "</w:tbl>"
        + para("")
    )
