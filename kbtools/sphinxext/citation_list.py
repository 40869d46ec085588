"""Bibliography entries as a valid ARIA list.

Docutils writes the entries of a bibliography as ``<div role="list">`` holding
``<div role="doc-biblioentry">``. DPUB-ARIA 1.1 deprecated ``doc-biblioentry``, so the list has
no ``listitem`` children and axe-core reports "aria-required-children" (critical, WCAG 1.3.1)
on the sources page. This visitor writes the same markup with ``role="listitem"``; screen
readers then announce the sources as a list with its number of entries.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes


def visit_citation(self: Any, node: nodes.citation) -> None:
    if not isinstance(node.previous_sibling(), nodes.citation):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def depart_citation(self: Any, node: nodes.citation) -> None:
    self.body.append("</div>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), nodes.citation):
        self.body.append("</div>\n")


def setup_citation_list(app: Any) -> None:
    app.add_node(nodes.citation, override=True, html=(visit_citation, depart_citation))
