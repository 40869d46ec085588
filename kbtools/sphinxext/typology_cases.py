"""Case pages and the comparison page, rendered at build time from ``cases/``.

``{lks-case} NAME`` renders one case: latest profile (table + SVG radar), development over
time, what its agreement points to in the typology, a short agreement summary and its open
validation findings. ``{lks-sammenligning}`` renders the matrix cases x parameters and the
distribution per parameter. Case data only ever becomes ``nodes.Text``; bad files give a
located Sphinx warning (``type="kbtools"``, subtype ``case``) and are left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from kbtools.danish import format_date, parse_iso_date
from kbtools.findings import Level
from kbtools.sphinxext.svg import development_chart, radar_chart, setup_svg
from kbtools.typology import load_typology
from kbtools.typology.cases import Case, case_names, load_case
from kbtools.typology.inference import infer

logger = logging.getLogger(__name__)

LEVEL_WORD = {Level.FEJL: "Fejl", Level.ADVARSEL: "Advarsel", Level.ANBEFALING: "Anbefaling"}


def _para(*texts: str, strong: bool = False) -> nodes.paragraph:
    paragraph = nodes.paragraph()
    for text in texts:
        paragraph += nodes.strong(text, text) if strong else nodes.Text(text)
    return paragraph


def _table(caption: str, header: list[str], rows: list[list[tuple[str, str]]]) -> nodes.table:
    """A table; each cell is (text, extra css class)."""
    table = nodes.table(classes=["kbtools-typologi-case"])
    table += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(header))
    for _ in header:
        group += nodes.colspec(colwidth=10)
    head = nodes.thead()
    row = nodes.row()
    for text in header:
        entry = nodes.entry()
        entry += _para(text)
        row += entry
    head += row
    group += head
    body = nodes.tbody()
    for cells in rows:
        row = nodes.row()
        for text, css in cells:
            entry = nodes.entry(classes=[css] if css else [])
            entry += _para(text)
            row += entry
        body += row
    group += body
    table += group
    return table


def _level_cell(level_id: str | None, direction: str | None = None) -> tuple[str, str]:
    if level_id is None:
        return ("–", "")
    typology = load_typology()
    text = typology.level(level_id).name
    if direction:
        text += f" (på vej mod {typology.level(direction).name.lower()})"
    return (text, f"kbtools-niveau-{level_id}")


def _cases_root(directive: SphinxDirective) -> Path:
    return Path(directive.config.kbtools_cases_root)


def _warn_findings(case: Case, docname: str) -> None:
    for finding in case.findings:
        if finding.level is Level.FEJL:
            logger.warning(
                "%s: %s (filen vises ikke på siden)",
                finding.code,
                finding.message,
                type="kbtools",
                subtype="case",
                location=f"{finding.file}:{finding.line}",
            )


def _note(directive: SphinxDirective, case: Case) -> None:
    for file in case.files:
        directive.env.note_dependency(str(file))
    store: dict[str, set[str]] = directive.env.kbtools_typology_cases  # type: ignore[attr-defined]
    store.setdefault(directive.env.docname, set()).add(case.name)


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
        _warn_findings(case, self.env.docname)
        typology = load_typology()
        result: list[nodes.Node] = []
        latest = case.latest
        if latest is None:
            result.append(_para("Casen har endnu ingen gyldig typologivurdering."))
        else:
            result.append(
                _para(
                    f"Seneste vurdering: {latest.date} ({latest.method}, "
                    f"vurderet af {', '.join(latest.assessors)})."
                )
            )
            values = [typology.rank(latest.levels[p][0]) + 1 for p in typology.parameter_ids]
            result.append(
                radar_chart(
                    axes=[p.name.split(" (")[0] for p in typology.parameters],
                    values=values,
                    levels=[level.name for level in typology.levels],
                    label=f"Radardiagram over profilen for {case.title} den {latest.date}: "
                    + "; ".join(
                        f"{p.name}: {typology.level(latest.levels[p.id][0]).name}"
                        for p in typology.parameters
                    ),
                )
            )
            result.append(
                _table(
                    f"Profil den {latest.date}",
                    ["Parameter", "Niveau", "Begrundelse"],
                    [
                        [
                            (p.name, ""),
                            _level_cell(latest.levels[p.id][0], latest.levels[p.id][2]),
                            (latest.levels[p.id][1], ""),
                        ]
                        for p in typology.parameters
                    ],
                )
            )
            result.append(
                development_chart(
                    axes=[p.name.split(" (")[0] for p in typology.parameters],
                    dates=[a.date for a in case.assessments],
                    series=[
                        [typology.rank(a.levels[p.id][0]) + 1 for a in case.assessments]
                        for p in typology.parameters
                    ],
                    levels=[level.name for level in typology.levels],
                    label=f"Udviklingen for {case.title} over "
                    f"{len(case.assessments)} vurderinger: "
                    + "; ".join(
                        f"{p.name}: "
                        + " → ".join(
                            typology.level(a.levels[p.id][0]).name for a in case.assessments
                        )
                        for p in typology.parameters
                    ),
                )
            )
            result.append(
                _table(
                    "Udvikling over tid",
                    ["Parameter"] + [a.date for a in case.assessments],
                    [
                        [(p.name, "")] + [_level_cell(a.levels[p.id][0]) for a in case.assessments]
                        for p in typology.parameters
                    ],
                )
            )
        if case.agreement is not None:
            result.append(self._agreement(case.agreement))
        open_findings = [f for f in case.findings if f.level is not Level.ANBEFALING]
        advice = [f for f in case.findings if f.level is Level.ANBEFALING]
        summary = (
            f"Kontrol af casens filer: {len(open_findings)} fejl eller advarsler og "
            f"{len(advice)} anbefalinger."
        )
        result.append(_para(summary))
        if case.findings:
            items = nodes.bullet_list()
            for finding in case.findings:
                item = nodes.list_item()
                item += _para(
                    f"{LEVEL_WORD[finding.level]} i {Path(finding.file).name}, linje "
                    f"{finding.line}: {finding.message}"
                )
                items += item
            result.append(items)
        return result

    def _agreement(self, data: dict[str, Any]) -> nodes.Element:
        typology = load_typology()
        container = nodes.container()
        parties = [p for p in data.get("parter", []) if isinstance(p, dict)]
        container += _para("Aftalen: ", strong=True)
        container += _para(
            f"{data.get('titel', '')}. Parter: "
            + ", ".join(f"{p.get('navn')} ({p.get('system')})" for p in parties)
            + "."
        )
        rows = []
        for indication in infer(data):
            rows.append(
                [
                    (next(p.name for p in typology.parameters if p.id == indication.parameter), ""),
                    _level_cell(indication.level),
                    (" ".join(indication.evidence) or "–", ""),
                    (" ".join(indication.missing) or "–", ""),
                ]
            )
        container += _table(
            "Hvad aftalen peger på i typologien",
            ["Parameter", "Aftalen peger på", "Det viser aftalen", "Mangler til næste niveau"],
            rows,
        )
        return container


class LksSammenligning(SphinxDirective):
    """Matrix of all cases x parameters, plus a distribution.

    By default each case is shown at its latest assessment; ``:dato: ÅÅÅÅ-MM-DD`` shows each
    case at its most recent assessment on or before that date instead.
    """

    option_spec: ClassVar[dict[str, Any]] = {"dato": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        root = _cases_root(self)
        typology = load_typology()
        cases = [load_case(root, name) for name in case_names(root)]
        for case in cases:
            _note(self, case)
        day = self.options.get("dato")
        if day is not None and parse_iso_date(day) is None:
            logger.warning(
                f"lks-sammenligning: »{day}« er ikke en dato som ÅÅÅÅ-MM-DD; viser seneste "
                "vurdering.",
                location=self.get_location(),
                type="kbtools",
                subtype="typology",
            )
            day = None
        chosen = {case.name: (case.as_of(day) if day else case.latest) for case in cases}
        assessed = [case for case in cases if chosen[case.name] is not None]
        latest = {case.name: chosen[case.name].levels for case in assessed}  # type: ignore[union-attr]
        caption = f"Casene pr. {format_date(day)}" if day else "Casene ved seneste vurdering"
        matrix = _table(
            caption,
            ["Case", "Dato"] + [p.name.split(" (")[0] for p in typology.parameters],
            [
                [(case.title, ""), (chosen[case.name].date, "")]  # type: ignore[union-attr]
                + [_level_cell(latest[case.name][p.id][0]) for p in typology.parameters]
                for case in assessed
            ],
        )
        distribution = _table(
            "Fordeling pr. parameter (antal cases)",
            ["Parameter"] + [level.name for level in typology.levels],
            [
                [(p.name, "")]
                + [
                    (
                        str(sum(1 for c in assessed if latest[c.name][p.id][0] == level)),
                        f"kbtools-niveau-{level}",
                    )
                    for level in typology.level_ids
                ]
                for p in typology.parameters
            ],
        )
        return [matrix, distribution]


def _purge(app: Any, env: Any, docname: str) -> None:
    env.kbtools_typology_cases.pop(docname, None)


def _merge(app: Any, env: Any, docnames: set[str], other: Any) -> None:
    for docname in docnames:
        if docname in other.kbtools_typology_cases:
            env.kbtools_typology_cases[docname] = other.kbtools_typology_cases[docname]


def _init_env(app: Any) -> None:
    if not hasattr(app.env, "kbtools_typology_cases"):
        app.env.kbtools_typology_cases = {}


def setup_typology_cases(app: Any) -> None:
    setup_svg(app)
    app.add_directive("lks-case", LksCase)
    app.add_directive("lks-sammenligning", LksSammenligning)
    app.connect("builder-inited", _init_env)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.add_css_file("kbtools-typologi.css")
    app.connect("build-finished", _copy_css)


def _copy_css(app: Any, exception: BaseException | None) -> None:
    """Copy the level colours into _static (not via html_static_path: no config change)."""
    if exception is None and app.builder.format == "html":
        from sphinx.util.fileutil import copy_asset_file

        css = Path(__file__).resolve().parent / "static" / "kbtools-typologi.css"
        copy_asset_file(css, Path(app.outdir) / "_static")
