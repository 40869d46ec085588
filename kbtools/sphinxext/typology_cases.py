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

from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from kbtools.sphinxext.svg import development_chart, radar_chart, setup_svg
from kbtools.typology.cases import Case, case_names, load_case
from kbtools.typology.views import (
    AgreementView,
    CaseView,
    Comparison,
    History,
    LevelRef,
    Profile,
    case_view,
    comparison,
)

logger = logging.getLogger(__name__)

#: A table cell: its text and an extra CSS class ("" for none).
Cell = tuple[str, str]


def _para(text: str, *, strong: bool = False) -> nodes.paragraph:
    paragraph = nodes.paragraph()
    paragraph += nodes.strong(text, text) if strong else nodes.Text(text)
    return paragraph


def _row(cells: list[Cell]) -> nodes.row:
    row = nodes.row()
    for text, css in cells:
        entry = nodes.entry(classes=[css] if css else [])
        entry += _para(text)
        row += entry
    return row


def _table(caption: str, header: list[str], rows: list[list[Cell]]) -> nodes.table:
    table = nodes.table(classes=["kbtools-typologi-case"])
    table += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(header))
    for _ in header:
        group += nodes.colspec(colwidth=10)
    group += nodes.thead("", _row([(text, "") for text in header]))
    group += nodes.tbody("", *(_row(cells) for cells in rows))
    table += group
    return table


def _text(text: str) -> Cell:
    """A plain cell; an empty one shows a dash."""
    return (text or "–", "")


def _level(level: LevelRef | None, text: str | None = None) -> Cell:
    """A cell naming a level (``text`` when given), coloured by the level's CSS class."""
    if level is None:
        return _text("")
    return (text or level.name, f"kbtools-niveau-{level.id}")


def case_nodes(view: CaseView) -> list[nodes.Node]:
    """The nodes of a case page."""
    result = _profile_nodes(view)
    if view.agreement is not None:
        result.append(_agreement_nodes(view.agreement))
    result.append(_para(view.check_summary))
    if view.findings:
        result.append(
            nodes.bullet_list("", *(nodes.list_item("", _para(f.text)) for f in view.findings))
        )
    return result


def _profile_nodes(view: CaseView) -> list[nodes.Node]:
    latest = view.latest
    if latest is None:
        return [_para("Casen har endnu ingen gyldig typologivurdering.")]
    return [
        _para(f"Seneste vurdering: {latest.byline}."),
        radar_chart(
            axes=[p.parameter.short_name for p in latest.parameters],
            values=[p.level.rank for p in latest.parameters],
            levels=[level.name for level in view.scale],
            label=view.radar_label,
        ),
        _profile_table(latest),
        development_chart(
            axes=[row.parameter.short_name for row in view.history.rows],
            dates=list(view.history.dates),
            series=[[level.rank for level in row.levels] for row in view.history.rows],
            levels=[level.name for level in view.scale],
            label=view.development_label,
        ),
        _history_table(view.history),
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


def _agreement_nodes(agreement: AgreementView) -> nodes.container:
    container = nodes.container()
    container += _para("Aftalen: ", strong=True)
    container += _para(agreement.summary)
    container += _table(
        "Hvad aftalen peger på i typologien",
        ["Parameter", "Aftalen peger på", "Det viser aftalen", "Mangler til næste niveau"],
        [
            [
                _text(i.parameter.name),
                _level(i.level),
                _text(i.evidence_text),
                _text(i.missing_text),
            ]
            for i in agreement.indications
        ],
    )
    return container


def comparison_nodes(view: Comparison) -> list[nodes.Node]:
    """The matrix cases x parameters and the distribution per parameter."""
    matrix = _table(
        view.caption,
        ["Case", "Dato", *(p.short_name for p in view.parameters)],
        [
            [_text(row.title), _text(row.date), *(_level(level) for level in row.levels)]
            for row in view.rows
        ],
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
            finding.message,
            type="kbtools",
            subtype="case",
            location=f"{finding.file}:{finding.line}",
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
                name,
                type="kbtools",
                subtype="case",
                location=self.get_location(),
            )
            return []
        case = load_case(root, name)
        _note(self, case)
        view = case_view(case)
        _warn_left_out(view)
        return case_nodes(view)


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
                view.invalid_date,
                location=self.get_location(),
                type="kbtools",
                subtype="typology",
            )
        return comparison_nodes(view)


def setup_typology_cases(app: Any) -> None:
    setup_svg(app)
    app.add_directive("lks-case", LksCase)
    app.add_directive("lks-sammenligning", LksSammenligning)
    app.add_css_file("kbtools-typologi.css")
    app.connect("build-finished", _copy_css)


def _copy_css(app: Any, exception: BaseException | None) -> None:
    """Copy the level colours into _static (not via html_static_path: no config change)."""
    if exception is None and app.builder.format == "html":
        from sphinx.util.fileutil import copy_asset_file

        css = Path(__file__).resolve().parent / "static" / "kbtools-typologi.css"
        copy_asset_file(css, Path(app.outdir) / "_static")
