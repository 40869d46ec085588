"""An inline SVG radar chart as a custom node whose HTML visitor escapes every text.

The SVG is built only from numbers and fixed strings; the labels (parameter and level names)
go through ``xml.sax.saxutils.escape``. No JavaScript; ``currentColor`` keeps it readable in
light and dark mode. ``role="img"`` with ``<title>`` and ``aria-label`` give a text
alternative, and the page always shows the same data as a table next to it.
"""

from __future__ import annotations

import math
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from docutils import nodes


class radar_chart(nodes.General, nodes.Element):  # type: ignore[misc]
    """Attributes: ``axes``, ``values`` (1..number of levels), ``levels``, ``label``."""


def radar_svg(axes: list[str], values: list[int], levels: list[str], label: str) -> str:
    size, centre, radius = 420, 210.0, 130.0
    count = len(axes)

    def point(index: int, fraction: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        return centre + radius * fraction * math.cos(angle), centre + radius * fraction * math.sin(
            angle
        )

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kbtools-radar" role="img" '
        f'viewBox="0 0 {size} {size}" width="{size}" height="{size}" '
        f"aria-label={quoteattr(label)}><title>{escape(label)}</title>",
        '<g fill="none" stroke="currentColor" stroke-opacity="0.35">',
    ]
    for ring in range(1, len(levels) + 1):
        ring_points = " ".join(
            f"{x:.1f},{y:.1f}" for x, y in (point(i, ring / len(levels)) for i in range(count))
        )
        parts.append(f'<polygon points="{ring_points}"/>')
    for index in range(count):
        x, y = point(index, 1.0)
        parts.append(f'<line x1="{centre}" y1="{centre}" x2="{x:.1f}" y2="{y:.1f}"/>')
    parts.append("</g>")
    shape = " ".join(
        f"{x:.1f},{y:.1f}"
        for x, y in (point(i, value / len(levels)) for i, value in enumerate(values))
    )
    parts.append(
        f'<polygon points="{shape}" fill="currentColor" fill-opacity="0.2" '
        'stroke="currentColor" stroke-width="2"/>'
    )
    for index, value in enumerate(values):
        x, y = point(index, value / len(levels))
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="currentColor"/>')
    for index, axis in enumerate(axes):
        x, y = point(index, 1.22)
        anchor = "middle" if abs(x - centre) < 20 else ("start" if x > centre else "end")
        text = f"{axis}: {levels[values[index] - 1]}"
        parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="12" '
            f'fill="currentColor">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def visit_radar_html(translator: Any, node: radar_chart) -> None:
    translator.body.append(
        '<figure class="kbtools-radar-figure">'
        + radar_svg(node["axes"], node["values"], node["levels"], node["label"])
        + "</figure>"
    )
    raise nodes.SkipNode


def skip_radar(translator: Any, node: radar_chart) -> None:
    raise nodes.SkipNode


def setup_svg(app: Any) -> None:
    app.add_node(
        radar_chart,
        html=(visit_radar_html, None),
        latex=(skip_radar, None),
        text=(skip_radar, None),
        man=(skip_radar, None),
        texinfo=(skip_radar, None),
    )
