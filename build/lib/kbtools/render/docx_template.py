"""The Word template: the YAML template's skeleton as the document it becomes, with guidance.

It is built like a rendered agreement (same model, same writer), from
:func:`kbtools.template.skeleton`, so it holds every element of the schema with the same
placeholders as the YAML template; under each heading and field the schema's description and
tringuide step (``x-trin``) stand as light italic help texts in the style »Hjælpetekst«, which
Word can select and delete in one go.
"""

from __future__ import annotations

INTRO = (
    "Skabelon til en partnerskabsaftale. Teksterne i lys kursiv som denne er hjælp: de "
    "forklarer hvert element, og hvilket trin i tringuiden der giver indholdet. Erstat alle "
    "tekster, der begynder med »Skriv«, og navnene med »Eksempelby«, og slet hjælpeteksterne, "
    "før aftalen sendes til underskrift. Hjælpeteksterne har typografien »Hjælpetekst«, så de "
    "kan markeres og slettes på én gang."
)


def word_template() -> bytes:
    """The Word template (.docx) of a partnership agreement."""
    from kbtools.render.docx_writer import to_docx
    from kbtools.render.model import build
    from kbtools.template import DEFAULT_PARTIES, skeleton

    doc = build(skeleton(DEFAULT_PARTIES), draft=False, guide=True)
    return to_docx(doc, template_intro=INTRO)
