"""Directives that render the agreement schema, and publishing the schemas with the site.

``{aftale-elementer}`` lists the top-level elements (optionally for one tringuide step) with
links to their explanation; ``{aftale-feltreference}`` is the full field reference. Both are
generated from the agreement's schema at build time, so the docs can never drift from what
the validator checks. ``{aftale-feltreference}`` with ``:skema: <schema name>`` (e.g.
``opfoelgning-1``) is another kind's field reference; its anchors start with the schema name
(``opfoelgning-1-felt-maal``), so two references never share an id.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from kbtools.kinds import AGREEMENT, Kind
from kbtools.schemas import EDITOR_DIR, schema_files
from kbtools.sphinxext.schema_fields import (
    OPTIONAL,
    RECOMMENDED,
    STEPS,
    Field,
    children,
    constraints,
    elements,
    type_text,
)
from kbtools.sphinxext.schema_kind import kind_named

logger = logging.getLogger(__name__)

#: Folder of the built site that holds the published schemas.
SCHEMA_OUTDIR = "skemaer"

_REQUIREMENT_TEXT = {
    "påkrævet": "påkrævet",
    RECOMMENDED: "anbefalet, men valgfri",
    OPTIONAL: "valgfri",
}


class _SchemaDirective(SphinxDirective):
    """Shared helpers: the schema, dependency tracking and links to the elements page."""

    kind: Kind = AGREEMENT

    def schema(self) -> dict[str, Any]:
        self.env.note_dependency(self.kind.schema_file)
        return self.kind.schema

    @property
    def anchor_prefix(self) -> str:
        """ "" for the agreement (its anchors are linked to from many pages), else the
        schema's name and a dash."""
        return "" if self.kind is AGREEMENT else f"{self.kind.schema_name}-"

    def warn(self, message: str) -> None:
        logger.warning(message, location=self.get_location(), type="kbtools", subtype="schema")

    def element_link(self, field: Field, text: nodes.Node) -> nodes.Node:
        """``text`` linked to the field's explanation (``x-side``), or ``text`` alone."""
        anchor = field.side_anchor
        if anchor is None:
            return text
        ref = addnodes.pending_xref(
            "",
            refdomain="std",
            reftype="ref",
            reftarget=anchor,
            refexplicit=True,
            refwarn=True,
            refdoc=self.env.docname,
        )
        ref += text
        return ref


class AgreementElementsDirective(_SchemaDirective):
    """Bullet list of the agreement's elements, for one tringuide step or grouped by step."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"trin": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        schema = self.schema()
        by_step: dict[int, list[Field]] = {step: [] for step in STEPS}
        for field in elements(schema):
            if field.step in by_step:
                by_step[field.step].append(field)
        if "trin" in self.options:
            raw = (self.options["trin"] or "").strip()
            if raw not in {str(step) for step in STEPS}:
                self.warn(f"aftale-elementer: :trin: skal være 1, 2, 3 eller 4, ikke {raw!r}")
                return []
            return [self.element_list(by_step[int(raw)])]
        outer = nodes.bullet_list(classes=["aftale-elementer"])
        for step, name in STEPS.items():
            item = nodes.list_item()
            item += nodes.paragraph("", "", nodes.strong("", f"Trin {step}: {name}"))
            item += self.element_list(by_step[step])
            outer += item
        return [outer]

    def element_list(self, fields: list[Field]) -> nodes.bullet_list:
        bullets = nodes.bullet_list(classes=["aftale-elementer"])
        for field in fields:
            para = nodes.paragraph()
            # Readers' pages: the element's Danish title, never its YAML key
            para += self.element_link(field, nodes.strong("", field.title))
            para += nodes.Text(f" ({_REQUIREMENT_TEXT[field.requirement]})")
            if field.description:
                para += nodes.Text(f": {field.description}")
            bullets += nodes.list_item("", para)
        return bullets


class FieldReferenceDirective(_SchemaDirective):
    """One section per element, with a definition list of every nested field."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"skema": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        kind = kind_named(self, self.options.get("skema"))
        if kind is None:
            return []
        self.kind = kind
        schema = self.schema()
        return [self.element_section(schema, field) for field in elements(schema)]

    def register(self, node: nodes.Element, anchor: str) -> None:
        """Give ``node`` a stable id that ``{ref}`` can link to."""
        node["ids"].append(anchor)
        node["names"].append(anchor)
        self.state.document.note_explicit_target(node)

    def element_section(self, schema: dict[str, Any], field: Field) -> nodes.section:
        section = nodes.section()
        self.register(section, self.anchor_prefix + field.anchor)
        title = nodes.title()
        title += nodes.Text(f"{field.title} (")
        title += nodes.literal("", field.key)
        title += nodes.Text(")")
        section += title
        if field.description:
            section += nodes.paragraph("", field.description)
        section += self.facts(schema, field)
        context = nodes.paragraph(classes=["aftale-felt"])
        if field.step is not None:
            context += nodes.strong("", "Trin i tringuiden:")
            context += nodes.Text(f" {field.step}, {STEPS[field.step].lower()}")
        if field.side_anchor is not None:
            if len(context):
                context += nodes.Text(" · ")
            context += self.element_link(
                field, nodes.inline("", f"Hvorfor er {field.title.lower()} med i aftalen?")
            )
        if len(context):
            section += context
        nested = list(children(schema, field))
        if nested:
            section += nodes.rubric("", f"Felter under {field.key}")
            section += self.field_list(schema, nested)
        return section

    def facts(self, schema: dict[str, Any], field: Field, with_key: bool = True) -> nodes.paragraph:
        """One compact line: »Nøgle: … · Type: … · Krav: … · <rules>«."""
        parts: list[tuple[str, list[nodes.Node]]] = []
        if with_key:
            parts.append(("Nøgle", [nodes.literal("", field.dotted)]))
        parts.append(("Type", [nodes.Text(type_text(schema, field))]))
        parts.append(("Krav", [nodes.Text(_REQUIREMENT_TEXT[field.requirement])]))
        for rule in constraints(schema, field):
            body: list[nodes.Node] = []
            for index, value in enumerate(rule.values):
                if index:
                    body.append(nodes.Text(", "))
                body.append(nodes.literal("", value) if rule.literal else nodes.Text(value))
            parts.append((rule.label, body))
        para = nodes.paragraph(classes=["aftale-felt"])
        for index, (label, body) in enumerate(parts):
            if index:
                para += nodes.Text(" · ")
            para += nodes.strong("", f"{label}:")
            para += nodes.Text(" ")
            para.extend(body)
        return para

    def field_list(self, schema: dict[str, Any], fields: list[Field]) -> nodes.definition_list:
        items = nodes.definition_list(classes=["aftale-feltreference"])
        for field in fields:
            item = nodes.definition_list_item()
            term = nodes.term()
            # HTML writers put a term's ids on its <dt>
            self.register(term, self.anchor_prefix + field.anchor)
            term += nodes.literal("", field.dotted)
            term += nodes.Text(f" – {field.title}")
            definition = nodes.definition()
            if field.description:
                definition += nodes.paragraph("", field.description)
            definition += self.facts(schema, field, with_key=False)
            item += term
            item += definition
            items += item
        return items


def publish_schemas(app: Any, exception: BaseException | None) -> None:
    """Copy every shipped schema to ``<outdir>/skemaer/`` so its ``$id`` URL resolves, and
    the Danish editor schemas (:mod:`kbtools.editor`) to ``skemaer/editor/``."""
    if exception is not None or getattr(app.builder, "format", "") != "html":
        return
    target = Path(app.outdir) / SCHEMA_OUTDIR
    (target / EDITOR_DIR.name).mkdir(parents=True, exist_ok=True)
    for path in schema_files():
        shutil.copyfile(path, target / path.name)
    for path in sorted(EDITOR_DIR.glob("*.editor.json")):
        shutil.copyfile(path, target / EDITOR_DIR.name / path.name)


def setup_schema_reference(app: Any) -> None:
    from kbtools.sphinxext.schema_rules import setup_schema_rules

    setup_schema_rules(app)
    app.add_directive("aftale-elementer", AgreementElementsDirective)
    app.add_directive("aftale-feltreference", FieldReferenceDirective)
    app.connect("build-finished", publish_schemas)
