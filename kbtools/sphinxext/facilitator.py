"""The facilitator view: ``{selvevaluering-samling}`` collects ratings and combines them.

The directive writes the page's frame at build time: a file picker for the participants'
rating files, a form to type in a rating during the meeting (one choice per parameter of
``typologi.yaml``), the list of ratings included and an empty result area.
``static/selvevaluering-samling.js`` sends the ratings to kbtools' own Python code in the
browser (:mod:`kbtools.sphinxext.pyruntime`, :func:`kbtools.browser.facilitator.combine_files`)
and shows the combined result; the combined assessment can be saved as a file. Every text
from the data is escaped with :func:`html.escape`.
"""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

import kbtools
from kbtools.data.typology import DATA_FILE, load_typology
from kbtools.kinds import RATING
from kbtools.sphinxext.page_assets import PageAssets
from kbtools.sphinxext.pyruntime import use_python
from kbtools.sphinxext.questionnaire import ROLE_LABELS, SYSTEM_LABELS

ASSETS = PageAssets(
    "kbtools_facilitator_pages",
    css=("selvevaluering.css",),
    js=("rating-file.js", "svs-dagsorden.js", "selvevaluering-samling.js"),
)


def _select(ident: str, name: str, label: str, options: list[tuple[str, str]]) -> str:
    choices = "".join(
        f'<option value="{escape(value)}">{escape(text)}</option>' for value, text in options
    )
    return (
        f'<p class="sv-felt"><label for="{escape(ident)}">{escape(label)}</label> '
        f'<select id="{escape(ident)}" name="{escape(name)}">{choices}</select></p>'
    )


def _input(ident: str, name: str, label: str, kind: str = "text") -> str:
    return (
        f'<p class="sv-felt"><label for="{escape(ident)}">{escape(label)}</label> '
        f'<input type="{kind}" id="{escape(ident)}" name="{escape(name)}"></p>'
    )


def typed_rating_form() -> str:
    """The form for a rating typed in during the meeting."""
    typology = load_typology()
    properties = RATING.schema["properties"]
    systems = [("", "Vælg system")] + [
        (value, SYSTEM_LABELS.get(value, value)) for value in properties["system"]["enum"]
    ]
    roles = [("", "Ikke oplyst")] + [
        (value, ROLE_LABELS.get(value, value)) for value in properties["rolle"]["enum"]
    ]
    levels = [("", "Ved ikke")] + [(level.id, level.name) for level in typology.levels]
    fields = "".join(_select(f"svs-n-{p.id}", p.id, p.name, levels) for p in typology.parameters)
    return (
        '<form id="svs-form" class="svs-form" novalidate>'
        "<fieldset><legend>Fælles for alle bedømmelser</legend>"
        + _input("svs-partnerskab", "partnerskab", "Partnerskabets navn")
        + _input("svs-dato", "dato", "Dato for den fælles vurdering", "date")
        + "</fieldset><fieldset><legend>Deltageren</legend>"
        + _input("svs-navn", "navn", "Navn")
        + _select("svs-system", "system", "System", systems)
        + _select("svs-rolle", "rolle", "Rolle", roles)
        + "</fieldset>"
        + f'<fieldset class="svs-parametre"><legend>Niveauer</legend>{fields}</fieldset>'
        + '<p><button type="submit">Tilføj bedømmelsen</button></p>'
        '<p class="sv-besked" id="svs-form-besked" aria-live="polite"></p></form>'
    )


def facilitator_html() -> str:
    return (
        f'<div class="sv svs" id="samling" data-schema="{escape(RATING.skema)}">'
        '<noscript><p class="sv-noscript">Samlingen bruger JavaScript. Slå det til, eller '
        "saml svarene på papir: tæl for hver parameter, hvor mange der valgte hvert niveau."
        "</p></noscript>"
        '<p class="svs-status" id="svs-status" role="status"></p>'
        '<div id="svs-vaerktoej" hidden>'
        '<section aria-labelledby="svs-aabn-titel"><h2 id="svs-aabn-titel">Åbn deltagernes '
        'filer</h2><p class="sv-felt"><label for="svs-aabn">Vælg en eller flere filer</label> '
        '<input type="file" id="svs-aabn" multiple accept=".yaml,.yml,text/yaml"></p>'
        "</section>"
        '<section aria-labelledby="svs-skriv-titel"><h2 id="svs-skriv-titel">Skriv en '
        "bedømmelse ind</h2><p>Brug formularen, hvis en deltager har udfyldt skemaet på papir "
        "eller siger sine svar på mødet.</p>" + typed_rating_form() + "</section>"
        '<section aria-labelledby="svs-liste-titel"><h2 id="svs-liste-titel">Bedømmelser i '
        'samlingen</h2><p id="svs-tom">Ingen endnu.</p><ul id="svs-liste"></ul></section>'
        '<section aria-labelledby="svs-resultat-titel"><h2 id="svs-resultat-titel">Resultat'
        '</h2><div id="svs-resultat"></div>'
        '<p><button type="button" id="svs-gem" disabled>Gem den samlede vurdering</button></p>'
        '<p class="sv-besked" id="svs-besked" aria-live="polite"></p></section>'
        "</div></div>"
    )


class SelvevalueringSamling(SphinxDirective):
    """``{selvevaluering-samling}``: the facilitator view (no arguments, no content)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        use_python(self.env.app, self.env.docname)
        ASSETS.mark(self.env, self.env.docname)
        self.env.note_dependency(str(DATA_FILE))
        return [nodes.raw("", facilitator_html(), format="html")]


def setup(app: Any) -> dict[str, Any]:
    """A Sphinx extension of its own (like the agreement builder), since it needs Pyodide."""
    app.setup_extension("kbtools.sphinxext.pyruntime")
    app.add_directive("selvevaluering-samling", SelvevalueringSamling)
    ASSETS.connect(app)
    return {"version": kbtools.__version__, "parallel_read_safe": True, "parallel_write_safe": True}
