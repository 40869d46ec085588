"""``{aftale-regler}``: the validator's cross-field rules, documented from their own modules.

Each rule module of a kind has a Danish docstring that *is* the user documentation of the
rule, and a ``CODES`` tuple. Rendering them at build time keeps the list of finding codes on
the validation page in step with the code. The agreement's rules by default; another kind's
with ``:skema: <schema name>`` (e.g. ``opfoelgning-1``).
"""

from __future__ import annotations

import inspect
from types import ModuleType
from typing import Any, ClassVar, cast

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective


class AgreementRulesDirective(SphinxDirective):
    """A definition list: one entry per rule module, with its codes and its docstring."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"skema": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        from kbtools.sphinxext.schema_kind import kind_named

        kind = kind_named(self, self.options.get("skema"))
        if kind is None:
            return []
        rules = nodes.definition_list(classes=["aftale-regler"])
        for rule in kind.rules:
            module = cast(ModuleType, rule)  # a rule is a module (see checking.rules.base)
            source = inspect.getsourcefile(module)
            if source:
                self.env.note_dependency(source)
            doc = inspect.getdoc(module) or ""
            title, _, body = doc.partition("\n")
            codes = tuple(code.id for code in rule.CODES)
            item = nodes.definition_list_item()
            term = nodes.term("", title.strip().rstrip("."))
            item += term
            definition = nodes.definition()
            if body.strip():
                self.state.nested_parse(
                    StringList(body.strip().splitlines(), source=f"<{module.__name__}>"),
                    self.content_offset,
                    definition,
                )
            if codes:
                para = nodes.paragraph()
                para += nodes.strong("", "Koder:" if len(codes) > 1 else "Kode:")
                for index, code in enumerate(codes):
                    para += nodes.Text(", " if index else " ")
                    para += nodes.literal("", code)
                definition += para
            item += definition
            rules += item
        return [rules]


def setup_schema_rules(app: Any) -> None:
    app.add_directive("aftale-regler", AgreementRulesDirective)
