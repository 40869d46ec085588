"""The case page's sections about a multi-rater assessment and the latest change.

``Deltagernes bedømmelser`` (a table per parameter: the group's level, how many chose each
level, each system's median, all as text next to the colours), ``Hvor er I uenige?`` (only
the parameters to discuss, with why) and ``Ændringer siden forrige vurdering``. The decisions
are made in :mod:`kbtools.typology.group_views`; this module only lays them out.
"""

from __future__ import annotations

from docutils import nodes

from kbtools.sphinxext.case_tables import (
    level_cell as _level,
)
from kbtools.sphinxext.case_tables import (
    para_node as _para,
)
from kbtools.sphinxext.case_tables import (
    section_node as _section,
)
from kbtools.sphinxext.case_tables import (
    table_node as _table,
)
from kbtools.sphinxext.case_tables import (
    text_cell as _text,
)
from kbtools.typology.cases import Case
from kbtools.typology.group_views import (
    DISAGREEMENT_HEADING,
    ChangeView,
    RatingsView,
    change_view,
    ratings_view,
)
from kbtools.typology.views import scale

#: The case page's table shows the level the group agreed on, which may differ from the proposal.
AGREED = (
    "»Gruppens niveau« er det niveau, gruppen blev enig om, da den havde drøftet bedømmelserne."
)


def group_nodes(case: Case, document: nodes.document) -> list[nodes.Node]:
    """The sections for ``case`` (none when it has no ratings and a single assessment)."""
    result: list[nodes.Node] = []
    ratings = ratings_view(case.latest) if case.latest is not None else None
    if ratings is not None:
        result += _ratings_sections(ratings, document)
    changes = change_view(case.assessments)
    if changes is not None:
        result.append(_change_section(changes, document))
    return result


def _ratings_sections(view: RatingsView, document: nodes.document) -> list[nodes.Node]:
    levels = scale()
    table = _table(
        view.table_caption,
        [
            "Parameter",
            "Gruppens niveau",
            *(f"{level.name} (antal)" for level in levels),
            "Hvert systems niveau (median)",
        ],
        [
            [
                _text(row.parameter.name),
                _level(row.level),
                *(
                    (str(count), f"kbtools-niveau-{level.id}" if count else "")
                    for level, count in row.counts
                ),
                _text(row.systems_text),
            ]
            for row in view.parameters
        ],
    )
    table["classes"].append("kbtools-bedoemmelser")
    disagreements: list[nodes.Node] = [_para(view.disagreement_intro)]
    if view.disagreements:
        disagreements.append(
            nodes.bullet_list(
                "",
                *(nodes.list_item("", _para(row.why)) for row in view.disagreements),
                classes=["kbtools-uenige"],
            )
        )
    return [
        _section(document, "Deltagernes bedømmelser", _para(view.intro + " " + AGREED), table),
        _section(document, DISAGREEMENT_HEADING, *disagreements),
    ]


def _change_section(view: ChangeView, document: nodes.document) -> nodes.section:
    table = _table(
        f"Ændringer fra {view.before} til {view.after}",
        ["Parameter", view.before, view.after, "Ændring"],
        [
            [_text(c.parameter.name), _level(c.before), _level(c.after), _text(c.text)]
            for c in view.changes
        ],
    )
    return _section(document, "Ændringer siden forrige vurdering", _para(view.summary), table)
