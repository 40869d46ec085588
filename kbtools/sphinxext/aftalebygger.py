"""The agreement builder page: ``{aftalebygger}`` writes the form's frame from the schema.

The directive writes, at build time, the builder's tool bar (drafts, »Åbn aftale«, »Gem som
YAML«, print), the findings area and one section per agreement element with its title, its
marks (required or recommended, the tringuide step) and a link to its guidance page, and it
embeds the form model of :mod:`kbtools.sphinxext.form` as JSON. ``static/aftalebygger.mjs``
draws the fields from that model and checks the agreement with kbtools' own Python code in
the browser (:mod:`kbtools.sphinxext.pyruntime`). Every text is escaped with
:func:`html.escape`; the model is JSON with ``<``, ``>`` and ``&`` escaped.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

import kbtools
from kbtools.kinds import AGREEMENT
from kbtools.sphinxext import form
from kbtools.sphinxext.form import form_model
from kbtools.sphinxext.page_assets import PageAssets
from kbtools.sphinxext.pyruntime import use_python

ASSETS = PageAssets(
    "kbtools_builder_pages",
    css=("aftalebygger.css",),
    js=("aftalebygger.mjs",),
    imports=(
        "ab-values.mjs",
        "ab-numbers.mjs",
        "ab-yaml.mjs",
        "ab-drafts.mjs",
        "ab-refs.mjs",
        "ab-dom.mjs",
        "ab-money.mjs",
        "ab-wording.mjs",
        "ab-findings.mjs",
        "ab-files.mjs",
        "ab-parties.mjs",
        "ab-draftbar.mjs",
        "ab-paths.mjs",
        "ab-skabelon.mjs",
    ),
)


def model_json(model: dict[str, Any]) -> str:
    """The model as JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(model, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _marks(element: dict[str, Any], root: str) -> str:
    marks = []
    if element["required"]:
        marks.append('<span class="ab-maerke ab-paakraevet">Påkrævet</span>')
    elif element["recommended"]:
        marks.append('<span class="ab-maerke ab-anbefalet">Anbefalet</span>')
    else:
        marks.append('<span class="ab-maerke">Valgfri</span>')
    if element["step"]:
        step = escape(f"Trin {element['step']}: {element['stepName']}")
        marks.append(f'<a href="{root}tringuide/trin-{element["step"]}.html">{step}</a>')
    return '<p class="ab-maerker">' + " · ".join(marks) + "</p>"


def section(element: dict[str, Any], root: str) -> str:
    """One element's section: heading, marks, description, guidance link, field slot."""
    key = escape(element["key"])
    title = escape(element["title"])
    return (
        f'<section class="ab-del" id="del-{key}" aria-labelledby="del-{key}-titel">'
        f'<h2 id="del-{key}-titel">{title}</h2>'
        + _marks(element, root)
        + f'<p class="ab-beskrivelse">{escape(element["description"])}</p>'
        f'<p class="ab-vejledning"><a href="{escape(root + element["page"])}">'
        f"Vejledning om {escape(element['title'].lower())}</a></p>"
        f'<div class="ab-felter" data-element="{key}"></div></section>'
    )


#: The drafts' rows of a form's tool bar (the builder's and the follow-up form's).
DRAFT_ROWS = """
<div class="ab-raekke">
<label for="ab-kladde">Kladde</label>
<select id="ab-kladde"></select>
<button type="button" id="ab-ny">Ny kladde</button>
<button type="button" id="ab-slet">Slet kladde</button>
</div>
<div class="ab-raekke">
<label for="ab-navn">Kladdens navn</label>
<input type="text" id="ab-navn" autocomplete="off">
</div>
"""

#: The first lines of the letterhead's row in a form's print section.
TEMPLATE_ROW = """
<p class="ab-raekke"><label for="ab-skabelon">Kommunens Word-skabelon (valgfri)</label>
<input type="file" id="ab-skabelon" aria-describedby="ab-skabelon-hjaelp"
 accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document">
"""


def check_section(subject: str) -> str:
    """The section that shows the latest check of ``subject`` (»aftalen«, »opfølgningen«)."""
    return f"""<section class="ab-kontrol ab-kun-js" id="ab-kontrol"
 aria-labelledby="ab-kontrol-titel">
<h2 id="ab-kontrol-titel">Kontrol af {subject}</h2>
<div id="ab-fund" data-tilstand="venter" tabindex="-1">
<p id="ab-opsummering" aria-live="polite">{subject.capitalize()} kontrolleres, når kontrollen er
indlæst.</p>
<ol id="ab-fundliste" class="ab-fundliste"></ol>
</div>
</section>
"""


TOOLBAR = (
    """
<nav class="ab-spring ab-kun-js" aria-label="Spring til">
<a href="#ab-kontrol-titel">Til kontrollen af aftalen</a>
<a href="#ab-indhold-titel">Til aftalens dele</a>
<a href="#ab-udskrift-titel">Til udskriften</a>
</nav>
<div class="ab-vaerktoej ab-kun-js" role="group" aria-label="Kladder og filer">
<p class="ab-status" id="ab-status" role="status">Kontrollen indlæses …</p>
{drafts}<div class="ab-raekke">
<label for="ab-aabn">Åbn aftale</label>
<input type="file" id="ab-aabn" accept=".yaml,.yml,text/yaml">
<button type="button" id="ab-gem" aria-describedby="ab-gem-hjaelp">Gem aftalen som fil</button>
</div>
<p class="ab-hjaelp" id="ab-gem-hjaelp">»Gem aftalen som fil« henter aftalen til jeres
computer som en YAML-fil. Den kan åbnes her igen med »Åbn aftale« eller sendes til de andre
parter. Kladden gemmes også af sig selv i denne browser, men kun her.</p>
<p class="ab-besked" id="ab-besked" aria-live="polite"></p>
</div>
""".replace("{drafts}", DRAFT_ROWS.lstrip("\n"))
    + check_section("aftalen")
)

PRINT = """
<section class="ab-udskrift-del ab-kun-js" id="ab-udskrift-del" aria-labelledby="ab-udskrift-titel">
<h2 id="ab-udskrift-titel">Udskrift til underskrift</h2>
<p>Udskriften og Word-filen er det dokument, parterne skriver under på. Har aftalen fejl eller
pladsholdere, er den mærket KLADDE.</p>
<p><button type="button" id="ab-lav-udskrift">Vis udskrift</button>
<button type="button" id="ab-udskriv" disabled>Udskriv eller gem som PDF</button>
<button type="button" id="ab-word">Hent som Word</button></p>
{template}
<span id="ab-skabelon-hjaelp">Vælg en Word-fil, som kommunen bruger til breve. Word-filen får
dens skrifttype, sidehoved, sidefod og logo, og udskriften får logoet og farven på
overskrifterne. Filen bliver i din browser.</span></p>
<p id="ab-udskrift-besked" aria-live="polite"></p>
<iframe id="ab-udskrift" class="ab-paa-papir" title="Udskrift af aftalen" hidden></iframe>
</section>
<div class="ab-papir ab-paa-papir" id="ab-papir">
<p><strong>Sådan udskriver I aftalen</strong></p>
<p>Dette er aftalebyggeren, ikke aftalen. Vælg »Vis udskrift« under formularen. Vælg derefter
»Udskriv eller gem som PDF«.</p>
</div>
""".replace("{template}\n", TEMPLATE_ROW.lstrip("\n"))


def contents(elements: list[dict[str, Any]], heading: str = "Aftalens dele") -> str:
    """A list of the form's sections; the script adds each section's number of findings."""
    items = "".join(
        f'<li><a href="#del-{escape(e["key"])}">{escape(e["title"])}</a>'
        f'<span class="ab-nav-fund" data-nav="{escape(e["key"])}"></span></li>'
        for e in elements
    )
    return (
        '<nav class="ab-indhold" aria-labelledby="ab-indhold-titel">'
        f'<h2 id="ab-indhold-titel">{escape(heading)}</h2>'
        f"<ol>{items}</ol></nav>"
    )


#: Shows the tools that need JavaScript before the page is first drawn (the module that runs
#: the builder comes later); adding them then would push the form down (a layout shift).
SHOW_TOOLS = '<script>document.getElementById("aftalebygger").classList.add("ab-js")</script>'


def noscript(root: str) -> str:
    """What the page says when the browser runs no JavaScript: what needs it, and the way
    to write the agreement without it (the Word template)."""
    return (
        '<noscript><div class="ab-noscript">'
        "<p><strong>Aftalebyggeren virker kun med JavaScript slået til i browseren.</strong> "
        "Formularen, kontrollen af aftalen, kladderne og udskriften kører i browseren.</p>"
        "<p>Uden JavaScript kan I skrive aftalen i Word: hent "
        f'<a href="{escape(root)}skabelon/partnerskabsaftale.docx">Word-skabelonen</a>. '
        f'Siden <a href="{escape(root)}partnerskabsaftalen/skabelon.html">'
        "Skabelonen til en aftale</a> forklarer, hvordan I udfylder den, og vejledningerne "
        "til hver del står herunder.</p>"
        "</div></noscript>"
    )


def builder_html(root: str) -> str:
    """The whole builder frame for a page whose way back to the site root is ``root``."""
    parts = (noscript(root), TOOLBAR, PRINT)
    return frame(root, form_model(), parts, AGREEMENT.label, "Aftalens dele")


def frame(
    root: str, model: dict[str, Any], parts: tuple[str, str, str], label: str, heading: str
) -> str:
    """A form drawn by ``static/aftalebygger.mjs`` from ``model``: ``parts`` are what it says
    without JavaScript, its tool bar and its print section (the agreement builder's, or the
    follow-up form's of :mod:`kbtools.sphinxext.followup_form`); ``heading`` heads the list of
    its parts."""
    shown = [element for element in model["elements"] if element["kind"] != "constant"]
    sections = "".join(section(element, root) for element in shown)
    without_script, toolbar, printing = parts
    return (
        f'<div class="ab" id="aftalebygger" data-root="{escape(root)}">'
        + SHOW_TOOLS
        + without_script
        + toolbar
        + contents(shown, heading)
        + f'<form id="ab-form" novalidate aria-label="{escape(label.capitalize())}">'
        + sections
        + "</form>"
        + printing
        + f'<script type="application/json" id="ab-model">{model_json(model)}</script>'
        + "</div>"
    )


class Aftalebygger(SphinxDirective):
    """``{aftalebygger}``: the agreement builder (no arguments, no content)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        # the page is written from the schema by this code: a change to either rewrites it
        return form_page(self, builder_html, (AGREEMENT.schema_file, __file__, form.__file__))


def form_page(
    directive: SphinxDirective, html: Callable[[str], str], dependencies: tuple[str, ...]
) -> list[nodes.Node]:
    """A form page's nodes: ``html`` for the page's way back to the site root, with Python
    and the builder's scripts on the page, rewritten when a file in ``dependencies`` changes."""
    docname = directive.env.docname
    root = "../" * docname.count("/")
    use_python(directive.env.app, docname)
    ASSETS.mark(directive.env, docname)
    for dependency in dependencies:
        directive.env.note_dependency(dependency)
    return [nodes.raw("", html(root), format="html")]


def setup(app: Any) -> dict[str, Any]:
    app.setup_extension("kbtools.sphinxext.pyruntime")
    app.add_directive("aftalebygger", Aftalebygger)
    ASSETS.connect(app)
    return {"version": kbtools.__version__, "parallel_read_safe": True, "parallel_write_safe": True}
