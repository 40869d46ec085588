"""The follow-up form: ``{opfoelgningsformular}`` writes a year's follow-up form beside the
agreement builder.

The form is the builder's (``static/aftalebygger.mjs`` and its modules) drawn from the
follow-up schema's form model (:func:`kbtools.sphinxext.form.form_model`); the model's
``tool`` tells the script where to keep the drafts (apart from the agreements'), that a draft
is begun from its agreement (»Begynd fra aftalen«, kbtools' ``start_followup`` in the
browser), checked against it, and printed as the status note (``render_note``).
"""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

import kbtools
from kbtools.kinds import FOLLOWUP
from kbtools.sphinxext import aftalebygger, form
from kbtools.sphinxext.form import form_model

TOOLBAR = (
    """
<nav class="ab-spring ab-kun-js" aria-label="Spring til">
<a href="#ab-kontrol-titel">Til kontrollen af opfølgningen</a>
<a href="#ab-indhold-titel">Til opfølgningens dele</a>
<a href="#ab-udskrift-titel">Til statusnotatet</a>
</nav>
<div class="ab-vaerktoej ab-kun-js" role="group" aria-label="Kladder og filer">
<p class="ab-status" id="ab-status" role="status">Kontrollen indlæses …</p>
<div class="ab-raekke">
<label for="ab-fra-aftale">Begynd fra aftalen</label>
<input type="file" id="ab-fra-aftale" accept=".yaml,.yml,text/yaml"
 aria-describedby="ab-fra-aftale-hjaelp">
</div>
<p class="ab-hjaelp" id="ab-fra-aftale-hjaelp">Vælg jeres partnerskabsaftale. Formularen får
aftalens mål og budgetposter, og kontrollen sammenligner opfølgningen med aftalen.</p>
{drafts}<div class="ab-raekke">
<label for="ab-aabn">Åbn opfølgning</label>
<input type="file" id="ab-aabn" accept=".yaml,.yml,text/yaml">
<button type="button" id="ab-gem" aria-describedby="ab-gem-hjaelp">Gem opfølgningen som fil</button>
</div>
<p class="ab-hjaelp" id="ab-gem-hjaelp">»Gem opfølgningen som fil« henter opfølgningen til jeres
computer som en YAML-fil, som I kan lægge i samme mappe som aftalen. Kladden gemmes også af sig selv
i denne browser, men kun her.</p>
<p class="ab-besked" id="ab-besked" aria-live="polite"></p>
</div>
""".replace("{drafts}", aftalebygger.DRAFT_ROWS.lstrip("\n"))
    + aftalebygger.check_section("opfølgningen")
)

PRINT = """
<section class="ab-udskrift-del ab-kun-js" id="ab-udskrift-del" aria-labelledby="ab-udskrift-titel">
<h2 id="ab-udskrift-titel">Statusnotat til styregruppen</h2>
<p>Notatet viser målenes status, budget mod forbrug og det, I har lært og vil ændre. Har
opfølgningen fejl, er notatet mærket KLADDE.</p>
<div class="ab-raekke">
<label for="ab-notatfiler">Tilføj filer til notatet</label>
<input type="file" id="ab-notatfiler" multiple accept=".yaml,.yml,text/yaml"
 aria-describedby="ab-notatfiler-hjaelp">
</div>
<p class="ab-hjaelp" id="ab-notatfiler-hjaelp">Vælg jeres typologivurderinger (fx den samlede
vurdering fra selvevalueringen). I kan også vælge den forrige version af aftalen. Så viser
notatet den seneste vurdering til og med opfølgningens dato, hvad der har flyttet sig siden
vurderingen før, og hvad der er ændret i aftalen. Har I åbnet opfølgningen fra en fil, kan I
vælge aftalen her. Filerne bliver i jeres browser.</p>
<div class="ab-notatfiler">
<div id="ab-notatfiler-valgt" aria-live="polite"></div>
<button type="button" id="ab-notatfiler-fjern" hidden>Fjern alle filer fra notatet</button>
</div>
<p><button type="button" id="ab-lav-udskrift">Vis statusnotatet</button>
<button type="button" id="ab-udskriv" disabled>Udskriv eller gem som PDF</button>
<button type="button" id="ab-word">Hent som Word</button></p>
{template}
<span id="ab-skabelon-hjaelp">Vælg en Word-fil, som kommunen bruger til breve. Filen bliver i
jeres browser.</span></p>
<p id="ab-udskrift-besked" aria-live="polite"></p>
<iframe id="ab-udskrift" class="ab-paa-papir" title="Statusnotatet" hidden></iframe>
</section>
""".replace("{template}\n", aftalebygger.TEMPLATE_ROW.lstrip("\n"))


def noscript(root: str) -> str:
    """What the page says without JavaScript."""
    return (
        '<noscript><div class="ab-noscript">'
        "<p><strong>Opfølgningen virker kun med JavaScript slået til i browseren.</strong></p>"
        f'<p>Siden <a href="{escape(root)}aftalebygger/index.html">Aftalebyggeren</a> siger, '
        "hvordan I skriver jeres aftale.</p></div></noscript>"
    )


def followup_html(root: str) -> str:
    """The follow-up form for a page whose way back to the site root is ``root``."""
    model = form_model(FOLLOWUP.schema)
    model["tool"] = {"storeKey": "lks-opfoelgning", "note": True}
    parts = (noscript(root), TOOLBAR, PRINT)
    return aftalebygger.frame(root, model, parts, FOLLOWUP.label, "Opfølgningens dele")


class Opfoelgningsformular(SphinxDirective):
    """``{opfoelgningsformular}``: the follow-up form (no arguments, no content)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        dependencies = (FOLLOWUP.schema_file, __file__, form.__file__, aftalebygger.__file__)
        return aftalebygger.form_page(self, followup_html, dependencies)


def setup(app: Any) -> dict[str, Any]:
    app.setup_extension("kbtools.sphinxext.aftalebygger")
    app.add_directive("opfoelgningsformular", Opfoelgningsformular)
    return {"version": kbtools.__version__, "parallel_read_safe": True, "parallel_write_safe": True}
