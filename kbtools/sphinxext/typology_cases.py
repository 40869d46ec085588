"""Case pages and the comparison page, rendered at build time from ``cases/``.

``{lks-case} NAME`` renders one case: latest profile (table + SVG radar), development over
time, what its agreement points to in the typology, a short agreement summary and its
validation findings. ``{lks-sammenligning}`` renders the matrix cases x parameters and the
distribution per parameter; ``:dato: ÅÅÅÅ-MM-DD`` shows the cases as of that date.

The directives are thin: :mod:`kbtools.typology.views` decides what is shown, this module only
lays the views out as docutils nodes. Case data only ever becomes ``nodes.Text``; bad files
give a located Sphinx warning (``type="kbtools"``, subtype ``case``) and are left out.
"""

from __future__ import annotations

import itertools
import posixpath
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from kbtools.reporting.visible import visible
from kbtools.sphinxext.case_pages import note_comparison, setup_case_pages
from kbtools.sphinxext.case_status import status_nodes
from kbtools.sphinxext.case_tables import (
    Cell,
)
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
from kbtools.sphinxext.downloads import formats
from kbtools.sphinxext.svg import development_chart, radar_chart, setup_svg
from kbtools.sphinxext.typology_group import group_nodes
from kbtools.typology.cases import Case, case_names, load_case
from kbtools.typology.reader_text import INDICATION_CAVEAT
from kbtools.typology.views import (
    AgreementView,
    CaseView,
    Comparison,
    ComparisonRow,
    History,
    Profile,
    case_view,
    comparison,
)

logger = logging.getLogger(__name__)


def case_nodes(
    view: CaseView,
    document: nodes.document,
    group: Sequence[nodes.Node] = (),
    status: Sequence[nodes.Node] = (),
) -> list[nodes.Node]:
    """The nodes of a case page: a reading guide and one section per part; ``group`` (the
    participants' ratings and the latest change) comes right after the profile, ``status``
    (»Status år for år«) after what the agreement points to."""
    guide = _para(view.reading_guide)
    guide["classes"].append("kbtools-laesevejledning")
    result: list[nodes.Node] = [guide, *_profile_sections(view, document), *group]
    if view.agreement is not None:
        result.append(
            _section(document, "Hvad aftalen peger på", *_agreement_nodes(view.agreement))
        )
    result.extend(status)
    findings: list[nodes.Node] = [_para(view.check_summary)]
    if view.findings:
        findings.append(
            nodes.bullet_list("", *(nodes.list_item("", _para(f.text)) for f in view.findings))
        )
    result.append(_section(document, "Kontrol af aftale og vurderinger", *findings))
    return result


def _profile_sections(view: CaseView, document: nodes.document) -> list[nodes.Node]:
    latest = view.latest
    if latest is None:
        return [_para("Casen har endnu ingen gyldig typologivurdering.")]
    radar = radar_chart(
        axes=[p.parameter.short_name for p in latest.parameters],
        values=[p.level.rank for p in latest.parameters],
        levels=[level.name for level in view.scale],
        label=view.radar_label,
    )
    development = development_chart(
        axes=[row.parameter.short_name for row in view.history.rows],
        dates=list(view.history.dates),
        series=[[level.rank for level in row.levels] for row in view.history.rows],
        levels=[level.name for level in view.scale],
        label=view.development_label,
    )
    return [
        _section(
            document,
            "Seneste vurdering",
            _para(f"Seneste vurdering: {latest.byline}."),
            radar,
            _profile_table(latest),
        ),
        _section(document, "Udvikling over tid", development, _history_table(view.history)),
    ]


def _profile_table(profile: Profile) -> nodes.table:
    return _table(
        f"Profil den {profile.date}",
        ["Parameter", "Niveau", "Begrundelse"],
        [
            [_text(p.parameter.name), _level(p.level, p.level_text), _text(p.justification)]
            for p in profile.parameters
        ],
    )


def _history_table(history: History) -> nodes.table:
    return _table(
        "Udvikling over tid",
        ["Parameter", *history.dates],
        [
            [_text(row.parameter.name), *(_level(level) for level in row.levels)]
            for row in history.rows
        ],
    )


def _agreement_nodes(agreement: AgreementView) -> list[nodes.Node]:
    caveat = nodes.container(classes=["kbtools-forbehold"])
    caveat += _para("Ikke en vurdering", strong=True)
    caveat += _para(INDICATION_CAVEAT)
    caveat += _para(agreement.differences)
    table = _table(
        "Hvad aftalen peger på i typologien",
        [
            "Parameter",
            "Aftalen peger på",
            "Seneste vurdering",
            "Det viser aftalen",
            "Mangler til næste niveau",
        ],
        [
            [
                _text(i.parameter.name),
                _level(i.level),
                _level(i.assessed),
                _text(i.evidence_text),
                _text(i.missing_text),
            ]
            for i in agreement.indications
        ],
    )
    return [_para(agreement.summary), caveat, table]


_VOWELS = "aeiouyæøåéAEIOUYÆØÅÉ"
_SOFT_HYPHEN = "\u00ad"


def soft_hyphens(text: str, longest: int = 9) -> str:
    """Soft hyphens at the syllable breaks of long words (»Institu­tionali­sering«), so a narrow
    column header breaks between syllables instead of widening the column."""
    return " ".join(_hyphenate(word) if len(word) > longest else word for word in text.split())


def _hyphenate(word: str) -> str:
    vowels = [i for i, char in enumerate(word) if char in _VOWELS]
    breaks = []
    for before, after in itertools.pairwise(vowels):
        consonants = after - before - 1
        if consonants >= 1:  # the last consonant before a vowel starts its syllable
            breaks.append(after - 1)
    result, start = "", 0
    for position in breaks:
        if position - start >= 3 and len(word) - position >= 3:
            result, start = result + word[start:position] + _SOFT_HYPHEN, position
    return result + word[start:]


def _case_link(row: ComparisonRow, pages: dict[str, str]) -> Cell:
    """The case's short name, linking to its page when it has one (its title as tooltip)."""
    name: nodes.Node = nodes.inline(row.display_name, row.display_name)
    if row.name in pages:
        link = addnodes.pending_xref(
            "", refdomain="std", reftype="doc", reftarget="/" + pages[row.name], refexplicit=True
        )
        link += name
        name = link
    date = nodes.inline(row.date, row.date, classes=["kbtools-dato"])
    return (nodes.inline("", "", name, nodes.Text(" "), date), "kbtools-case-navn")


def comparison_nodes(view: Comparison, pages: dict[str, str] | None = None) -> list[nodes.Node]:
    """The matrix cases x parameters and the distribution per parameter; ``pages`` maps a
    case's name to the docname of its page."""
    matrix = _table(
        view.caption,
        ["Case (vurderet)", *(soft_hyphens(p.short_name) for p in view.parameters)],
        [
            [
                _case_link(row, pages or {}),
                *(_level(level) for level in row.levels),
            ]
            for row in view.rows
        ],
        css="kbtools-sammenligning",
    )
    distribution = _table(
        "Fordeling pr. parameter (antal cases)",
        ["Parameter", *(level.name for level in view.scale)],
        [
            [_text(row.parameter.name)]
            + [(str(c.count), f"kbtools-niveau-{c.level.id}") for c in row.counts]
            for row in view.distribution
        ],
    )
    return [matrix, distribution]


def _cases_root(directive: SphinxDirective) -> Path:
    return Path(directive.config.kbtools_cases_root)


def _note(directive: SphinxDirective, case: Case) -> None:
    """Re-read the page when one of the case's files changes."""
    for file in case.files:
        directive.env.note_dependency(str(file))


def _warn_left_out(view: CaseView) -> None:
    for finding in view.left_out:
        logger.warning(
            "%s: %s (filen vises ikke på siden)",
            finding.code,
            visible(finding.message),
            type="kbtools",
            subtype="case",
            location=visible(f"{finding.file}:{finding.line}"),
        )


class LksCase(SphinxDirective):
    """Render one case from ``cases/<name>/``."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        root = _cases_root(self)
        if name not in case_names(root):
            logger.warning(
                "Casen »%s« findes ikke i mappen cases/.",
                visible(name),
                type="kbtools",
                subtype="case",
                location=self.get_location(),
            )
            return []
        case = load_case(root, name)
        _note(self, case)
        view = case_view(case)
        _warn_left_out(view)
        document = self.state.document
        status = status_nodes(case, document, self.env, formats())
        return case_nodes(view, document, group_nodes(case, document), status)


class LksSammenligning(SphinxDirective):
    """Matrix of all cases x parameters, plus a distribution.

    By default each case is shown at its latest assessment; ``:dato: ÅÅÅÅ-MM-DD`` shows each
    case at its most recent assessment on or before that date instead.
    """

    option_spec: ClassVar[dict[str, Any]] = {"dato": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        root = _cases_root(self)
        cases = [load_case(root, name) for name in case_names(root)]
        for case in cases:
            _note(self, case)
        view = comparison(cases, self.options.get("dato"))
        if view.invalid_date is not None:
            logger.warning(
                "lks-sammenligning: »%s« er ikke en dato som ÅÅÅÅ-MM-DD; viser seneste vurdering.",
                visible(view.invalid_date),
                location=self.get_location(),
                type="kbtools",
                subtype="typology",
            )
        folder = posixpath.dirname(self.env.docname)
        pages = {
            case.name: docname
            for case in cases
            if (docname := posixpath.join(folder, case.name)) in self.env.found_docs
        }
        note_comparison(self.env, case_names(root))
        return comparison_nodes(view, pages)


def setup_typology_cases(app: Any) -> None:
    setup_svg(app)
    setup_case_pages(app)
    app.add_directive("lks-case", LksCase)
    app.add_directive("lks-sammenligning", LksSammenligning)
    app.add_css_file("kbtools-typologi.css")
    app.connect("build-finished", _copy_css)


def _copy_css(app: Any, exception: BaseException | None) -> None:
    """Copy the level colours into _static (not via html_static_path: no config change)."""
    if exception is None and app.builder.format == "html":
        from sphinx.util.fileutil import copy_asset_file

        css = Path(__file__).resolve().parent / "static" / "kbtools-typologi.css"
        copy_asset_file(css, Path(app.outdir) / "_static", force=True)
