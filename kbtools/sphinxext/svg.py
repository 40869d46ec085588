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
    pad = 160  # room for the axis labels left and right
    count = len(axes)

    def point(index: int, fraction: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        return centre + radius * fraction * math.cos(angle), centre + radius * fraction * math.sin(
            angle
        )

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kbtools-radar" role="img" '
        f'viewBox="-{pad} 0 {size + 2 * pad} {size}" width="{size + 2 * pad}" height="{size}" '
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


class development_chart(nodes.General, nodes.Element):  # type: ignore[misc]
    """Attributes: ``axes``, ``dates``, ``series`` (per axis, a level 1..n per date),
    ``levels``, ``label``."""


def development_svg(
    axes: list[str], dates: list[str], series: list[list[int]], levels: list[str], label: str
) -> str:
    """Small multiples: one mini line chart per parameter, level (y) per assessment date (x).

    Each panel names its parameter and writes the latest level as text, so neither colour nor
    the line's height alone carries the meaning.
    """
    columns, width, height = 2, 340, 110
    rows = (len(axes) + columns - 1) // columns
    left, right, top, bottom = 12.0, 12.0, 34.0, 22.0
    plot_w, plot_h = width - left - right, height - top - bottom
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kbtools-development" role="img" '
        f'viewBox="0 0 {columns * width} {rows * height}" width="{columns * width}" '
        f'height="{rows * height}" aria-label={quoteattr(label)}><title>{escape(label)}</title>'
    ]
    steps = max(len(dates) - 1, 1)
    for index, (axis, values) in enumerate(zip(axes, series, strict=True)):
        ox, oy = (index % columns) * width, (index // columns) * height

        def xy(position: int, value: int, ox: float = ox, oy: float = oy) -> tuple[float, float]:
            x = ox + left + plot_w * (position / steps if len(dates) > 1 else 0.5)
            y = oy + top + plot_h * (1 - (value - 1) / max(len(levels) - 1, 1))
            return x, y

        parts.append(
            f'<text x="{ox + left:.1f}" y="{oy + 14:.1f}" font-size="12" font-weight="bold" '
            f'fill="currentColor">{escape(axis)}</text>'
        )
        latest = levels[values[-1] - 1] if values else ""
        parts.append(
            f'<text x="{ox + left:.1f}" y="{oy + 27:.1f}" font-size="11" '
            f'fill="currentColor">Nu: {escape(latest)}</text>'
        )
        for level in range(1, len(levels) + 1):
            _, y = xy(0, level)
            parts.append(
                f'<line x1="{ox + left:.1f}" y1="{y:.1f}" x2="{ox + left + plot_w:.1f}" '
                f'y2="{y:.1f}" stroke="currentColor" stroke-opacity="0.2"/>'
            )
        points = [xy(position, value) for position, value in enumerate(values)]
        if len(points) > 1:
            line = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(
                f'<polyline points="{line}" fill="none" stroke="currentColor" stroke-width="2"/>'
            )
        for x, y in points:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="currentColor"/>')
        if dates:
            for position in (0, len(dates) - 1) if len(dates) > 1 else (0,):
                x, _ = xy(position, 1)
                anchor = "start" if position == 0 and len(dates) > 1 else "end"
                if len(dates) == 1:
                    anchor = "middle"
                parts.append(
                    f'<text x="{x:.1f}" y="{oy + height - 6:.1f}" font-size="10" '
                    f'text-anchor="{anchor}" fill="currentColor">{escape(dates[position])}</text>'
                )
    parts.append("</svg>")
    return "".join(parts)


def visit_development_html(translator: Any, node: development_chart) -> None:
    translator.body.append(
        '<figure class="kbtools-development-figure">'
        + development_svg(
            node["axes"], node["dates"], node["series"], node["levels"], node["label"]
        )
        + "</figure>"
    )
    raise nodes.SkipNode


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
    app.add_node(
        development_chart,
        html=(visit_development_html, None),
        latex=(skip_radar, None),
        text=(skip_radar, None),
        man=(skip_radar, None),
        texinfo=(skip_radar, None),
    )
