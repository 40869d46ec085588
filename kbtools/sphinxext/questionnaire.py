"""The self-assessment questionnaire: ``{selvevaluering-skema}`` writes a plain HTML form.

The form is generated at build time from ``kbtools/data/typologi.yaml`` and the rating format
(``typologibedømmelse/1``): the participant's fields, then one ``fieldset`` per parameter with
its name as ``legend`` and the three levels as radio choices with their descriptions, and an
optional reason. It works without JavaScript and prints as a paper scoring sheet (boxes to
tick, lines to write on). ``static/selvevaluering.js`` adds saving the answers as a rating
file and remembering them in the browser. Every text from the data is escaped with
:func:`html.escape`.
"""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from kbtools.data.typology import DATA_FILE, Parameter, Typology, load_typology
from kbtools.kinds import RATING
from kbtools.sphinxext.page_assets import PageAssets

ASSETS = PageAssets(
    "kbtools_questionnaire_pages",
    css=("selvevaluering.css",),
    js=("rating-file.js", "selvevaluering.js"),
)

#: What each system is called in the form (the values are the format's).
SYSTEM_LABELS = {
    "beskæftigelse": "Beskæftigelse (fx jobcenter)",
    "uddannelse": "Uddannelse (fx erhvervsskole eller VUC)",
    "erhvervsfremme": "Erhvervsfremme (fx erhvervshus eller erhvervsservice)",
    "civilsamfund": "Civilsamfund",
    "virksomhed": "Virksomhed",
    "andet": "Andet",
}
ROLE_LABELS = {
    "ledelse": "Leder (fx i styregruppen)",
    "medarbejder": "Medarbejder (fx i konsulentgruppen)",
}


def _radio(name: str, value: str, label: str, description: str = "") -> str:
    ident = escape(f"sv-{name}-{value}")
    text = f"<strong>{escape(label)}</strong>"
    if description:
        text += f' <span class="sv-beskrivelse">{escape(description)}</span>'
    return (
        f'<div class="sv-valg"><input type="radio" id="{ident}" name="{escape(name)}" '
        f'value="{escape(value)}"><label for="{ident}">{text}</label></div>'
    )


def _text_field(name: str, label: str, kind: str = "text", extra: str = "") -> str:
    ident = escape(f"sv-{name}")
    return (
        f'<p class="sv-felt"><label for="{ident}">{escape(label)}</label> '
        f'<input type="{kind}" id="{ident}" name="{escape(name)}"{extra}></p>'
    )


def _choices(name: str, legend: str, labels: dict[str, str], allowed: list[str]) -> str:
    radios = "".join(_radio(name, value, labels.get(value, value)) for value in allowed)
    return (
        f'<fieldset class="sv-gruppe sv-{escape(name)}"><legend>{escape(legend)}</legend>'
        f"{radios}</fieldset>"
    )


def participant_html() -> str:
    """The participant's fields: partnership, date, name, system and (optional) role."""
    properties = RATING.schema["properties"]
    return (
        '<fieldset class="sv-deltager"><legend>Om dig og jeres vurdering</legend>'
        + _text_field("partnerskab", "Partnerskabets navn", extra=' autocomplete="organization"')
        + _text_field("dato", "Dato for den fælles vurdering", "date")
        + _text_field("navn", "Dit navn", extra=' autocomplete="name"')
        + _choices("system", "Dit system", SYSTEM_LABELS, properties["system"]["enum"])
        + _choices("rolle", "Din rolle (valgfri)", ROLE_LABELS, properties["rolle"]["enum"])
        + "</fieldset>"
    )


def parameter_html(typology: Typology, parameter: Parameter, number: int) -> str:
    """One parameter: a fieldset with the three levels and an optional reason."""
    key = escape(parameter.id)
    radios = "".join(
        _radio(parameter.id, level.id, level.name, parameter.descriptions[level.id])
        for level in typology.levels
    )
    return (
        f'<fieldset class="sv-parameter" id="sv-p-{key}" data-parameter="{key}">'
        f'<legend><span class="sv-nr">{number}.</span> {escape(parameter.name)}</legend>'
        f"{radios}"
        f'<p class="sv-felt sv-begrundelse"><label for="sv-{key}-begrundelse">Hvorfor? '
        f'(valgfrit)</label> <textarea id="sv-{key}-begrundelse" name="begrundelse-{key}" '
        'rows="2"></textarea></p></fieldset>'
    )


BUTTONS = (
    '<div class="sv-knapper" hidden>'
    '<button type="button" id="sv-gem">Gem min bedømmelse som fil</button> '
    '<button type="button" id="sv-udskriv">Udskriv skemaet</button> '
    '<button type="button" id="sv-ryd">Ryd skemaet</button>'
    "</div>"
    '<p class="sv-besked" id="sv-besked" role="status" aria-live="polite"></p>'
)
NOSCRIPT = (
    '<noscript><p class="sv-noscript">Du kan udfylde skemaet her og udskrive det med '
    "browserens udskrift. For at gemme det som en fil skal JavaScript være slået til. Uden "
    "JavaScript husker browseren heller ikke dine svar.</p>"
    "</noscript>"
)


def questionnaire_html() -> str:
    """The whole form."""
    typology = load_typology()
    parameters = "".join(
        parameter_html(typology, parameter, number)
        for number, parameter in enumerate(typology.parameters, start=1)
    )
    return (
        f'<form class="sv" id="selvevaluering" data-schema="{escape(RATING.skema)}" '
        'aria-label="Spørgeskema: selvevaluering med typologien" novalidate>'
        + NOSCRIPT
        + participant_html()
        + '<p class="sv-vejledning">Sæt ét kryds ved hver parameter: det niveau, der passer '
        "bedst på jeres partnerskab i dag. Spring en parameter over, hvis du ikke kan "
        "vurdere den.</p>" + parameters + BUTTONS + "</form>"
    )


class SelvevalueringSkema(SphinxDirective):
    """``{selvevaluering-skema}``: the questionnaire (no arguments, no content)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        ASSETS.mark(self.env, self.env.docname)
        self.env.note_dependency(str(DATA_FILE))
        self.env.note_dependency(RATING.schema_file)
        return [nodes.raw("", questionnaire_html(), format="html")]


def setup_questionnaire(app: Any) -> None:
    app.add_directive("selvevaluering-skema", SelvevalueringSkema)
    ASSETS.connect(app)
