"""Checklists (MyST task lists) that a group can tick off on screen, with accessible labels.

MyST renders ``- [ ] text`` as a disabled ``<input type="checkbox">`` without a label, which
screen readers announce as an unnamed, dimmed control (axe rule "label"). The tringuide is a
set of checklists for a group to work through in a meeting, so this post-transform wraps each
checkbox together with its item's text in a ``<label>`` and enables it. Nothing is stored:
ticks last until the page is reloaded, and they show when the page is printed.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

_CHECKBOX_START = '<input class="task-list-item-checkbox" '
_DISABLED = 'disabled="disabled" '


def _is_checkbox(node: nodes.Node) -> bool:
    return (
        isinstance(node, nodes.raw)
        and node.get("format") == "html"
        and node.astext().startswith(_CHECKBOX_START)
    )


class LabelTaskListCheckboxes(SphinxPostTransform):
    """``<p><input …>text</p>`` → ``<p><label><input …>text</label></p>`` (HTML only)."""

    default_priority = 500
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for raw in list(self.document.findall(_is_checkbox)):
            paragraph = raw.parent
            if not isinstance(paragraph, nodes.paragraph) or paragraph.index(raw) != 0:
                continue
            html = raw.astext().replace(_DISABLED, "", 1)
            paragraph.replace(raw, nodes.raw("", "<label>" + html, format="html"))
            paragraph.append(nodes.raw("", "</label>", format="html"))


def setup_tasklist(app: Any) -> None:
    app.add_post_transform(LabelTaskListCheckboxes)
