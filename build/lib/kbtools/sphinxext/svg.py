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


#: Conservative average advance of one character in em (regular, bold): the charts size their
#: box from these so that no label is ever cut off (tests measure the real text in chromium).
_EM_REGULAR, _EM_BOLD = 0.6, 0.66
_RADAR_FONT = 15  # SVG units; the chart is never wider than ~440 units, so ≥ 11 px on a phone


def _wrap(text: str, width: int = 15) -> list[str]:
    """Split ``text`` at spaces into lines of at most ``width`` characters (long words stay)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _label_lines(axis: str, level: str) -> list[tuple[str, bool]]:
    return [(line, False) for line in _wrap(axis)] + [(level, True)]


def _line_width(text: str, bold: bool, size: float) -> float:
    return len(text) * size * (_EM_BOLD if bold else _EM_REGULAR)


def _first_baseline(anchor: str, y: float, block: float, size: float) -> float:
    """Where a label's first line sits: above a top point, below a bottom point, centred
    on a side point, and towards the outside on a diagonal."""
    ascent = size * 0.8
    if anchor == "middle":
        return y - 6 - block + ascent if y < 0 else y + 6 + ascent
    if abs(y) < 1:
        return y - block / 2 + ascent
    return y - block + ascent if y < 0 else y + ascent


def radar_svg(axes: list[str], values: list[int], levels: list[str], label: str) -> str:
    """The latest profile as a radar; every axis label is its name (wrapped) and level (bold).

    The view box is the union of the rings and every label's estimated box, so labels fit at
    any width and in print.
    """
    radius, size, count = 88.0, _RADAR_FONT, len(axes)
    line_height = size * 1.2

    def point(index: int, fraction: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        return radius * fraction * math.cos(angle), radius * fraction * math.sin(angle)

    texts: list[str] = []
    left, top, right, bottom = -radius, -radius, radius, radius
    for index, axis in enumerate(axes):
        lines = _label_lines(axis, levels[values[index] - 1])
        x, y = point(index, 1.0)
        x, y = x * 1.08, y * 1.08
        anchor = "middle" if abs(x) < 1 else ("start" if x > 0 else "end")
        x += 0 if anchor == "middle" else (6 if x > 0 else -6)
        first = _first_baseline(anchor, y, line_height * len(lines), size)
        widest = max(_line_width(text, bold, size) for text, bold in lines)
        x0 = {"start": x, "end": x - widest, "middle": x - widest / 2}[anchor]
        left, right = min(left, x0), max(right, x0 + widest)
        top, bottom = (
            min(top, first - size),
            max(bottom, first + line_height * (len(lines) - 1) + 5),
        )
        spans = "".join(
            f'<tspan x="{x:.1f}" y="{first + line_height * n:.1f}"'
            + (' font-weight="bold"' if bold else "")
            + f">{escape(text)}</tspan>"
            for n, (text, bold) in enumerate(lines)
        )
        texts.append(
            f'<text text-anchor="{anchor}" font-size="{size}" fill="currentColor">{spans}</text>'
        )
    pad = 4.0
    box = (left - pad, top - pad, right - left + 2 * pad, bottom - top + 2 * pad)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kbtools-radar" role="img" '
        f'viewBox="{box[0]:.1f} {box[1]:.1f} {box[2]:.1f} {box[3]:.1f}" '
        f'width="{box[2]:.0f}" height="{box[3]:.0f}" '
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
        parts.append(f'<line x1="0" y1="0" x2="{x:.1f}" y2="{y:.1f}"/>')
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
    parts.extend(texts)
    parts.append("</svg>")
    return "".join(parts)


class development_chart(nodes.General, nodes.Element):  # type: ignore[misc]
    """Attributes: ``axes``, ``dates``, ``series`` (per axis, a level 1..n per date),
    ``levels``, ``label``."""


def development_svg(
    axes: list[str], dates: list[str], series: list[list[int]], levels: list[str], label: str
) -> str:
    """Small multiples: one small line chart per parameter, level (y) per assessment date (x).

    Each panel is its own SVG (the panels wrap: two side by side on a screen, one a row on a
    phone, so the text keeps its size), names its parameter, writes the latest level, and
    labels the levels on its y axis, so neither colour nor the line's height carries the
    meaning alone. ``label`` is the text alternative of the whole figure.
    """
    return "".join(
        _panel(axis, dates, values, levels) for axis, values in zip(axes, series, strict=True)
    )


def _panel(axis: str, dates: list[str], values: list[int], levels: list[str]) -> str:
    width, height, size = 330, 148, 12
    left = max(_line_width(level, False, size) for level in levels) + 10 if levels else 10
    right, top, bottom = 10.0, 44.0, 30.0
    plot_w, plot_h = width - left - right, height - top - bottom
    steps = max(len(dates) - 1, 1)

    def xy(position: int, value: int) -> tuple[float, float]:
        x = left + plot_w * (position / steps if len(dates) > 1 else 0.5)
        return x, top + plot_h * (1 - (value - 1) / max(len(levels) - 1, 1))

    latest = levels[values[-1] - 1] if values else ""
    steps_text = " → ".join(levels[v - 1] for v in values)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kbtools-development" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f"aria-label={quoteattr(f'{axis}: {steps_text}')}>",
        f'<text x="0" y="15" font-size="13" font-weight="bold" fill="currentColor">'
        f"{escape(axis)}</text>",
        f'<text x="0" y="33" font-size="{size}" fill="currentColor">Nu: {escape(latest)}</text>',
    ]
    for rank, name in enumerate(levels, start=1):
        _, y = xy(0, rank)
        parts.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{left + plot_w:.1f}" y2="{y:.1f}" '
            'stroke="currentColor" stroke-opacity="0.25"/>'
            f'<text x="{left - 6:.1f}" y="{y + size * 0.35:.1f}" font-size="{size}" '
            f'text-anchor="end" fill="currentColor">{escape(name)}</text>'
        )
    points = [xy(position, value) for position, value in enumerate(values)]
    if len(points) > 1:
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(
            f'<polyline points="{line}" fill="none" stroke="currentColor" stroke-width="2"/>'
        )
    for x, y in points:
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="currentColor"/>')
    ends = [(0, "start"), (len(dates) - 1, "end")] if len(dates) > 1 else [(0, "middle")]
    for position, anchor in ends if dates else []:
        x, _ = xy(position, 1)
        parts.append(
            f'<text x="{x:.1f}" y="{height - 6}" font-size="{size}" text-anchor="{anchor}" '
            f'fill="currentColor">{escape(dates[position])}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def visit_development_html(translator: Any, node: development_chart) -> None:
    translator.body.append(
        f'<figure class="kbtools-development-figure" role="group" '
        f"aria-label={quoteattr(node['label'])}>"
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
