"""Downloads on the site: the generated templates and the rendered example agreements.

``{aftale-downloads}`` places a list of download links on a page. Its optional argument picks
what to list: ``skabelon`` (the templates, Word and YAML), ``eksempler`` (every
``cases/*/aftale.yaml`` as PDF, docx, html and md) or nothing for both. The files themselves
are written into the HTML output at ``build-finished``: ``skabelon/partnerskabsaftale.docx``,
``skabelon/partnerskabsaftale.yaml`` and ``eksempler/<case>/aftale.<fmt>``, and each
follow-up's status note as ``eksempler/<case>/<follow-up's name>.<fmt>`` (the case pages'
»Status år for år« links to them). PDFs are offered
only when the PDF engine (WeasyPrint, installed by ``./bootstrap.sh``) is there at build time.
A file is only rendered again when its source is newer, and a broken case gives a located
warning, never a crashed build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from kbtools.reporting.visible import visible
from kbtools.typology.cases import Case, case_names, is_safe_case_name, load_case

logger = logging.getLogger(__name__)

TEMPLATE_TARGET = "skabelon/partnerskabsaftale.yaml"
WORD_TEMPLATE_TARGET = "skabelon/partnerskabsaftale.docx"
ALL_FORMATS = (
    ("pdf", "PDF til underskrift"),
    ("docx", "Word (docx)"),
    ("html", "Webside (html)"),
    ("md", "Markdown (md)"),
)


def formats() -> list[tuple[str, str]]:
    """The formats offered: PDF only where the PDF engine is installed."""
    from kbtools.render.pdf_writer import engine_problem

    pdf = engine_problem() is None
    return [(fmt, label) for fmt, label in ALL_FORMATS if fmt != "pdf" or pdf]


def case_files(root: Path) -> list[Path]:
    """The cases' agreements (of the cases the site shows: see :func:`is_safe_case_name`)."""
    paths = sorted((root / "cases").glob("*/aftale.yaml"))
    return [path for path in paths if is_safe_case_name(path.parent.name)]


def _case(path: Path) -> Case:
    """The case an agreement belongs to, loaded once per build (shared with the case pages)."""
    return load_case(path.parents[2], path.parent.name)


class AftaleDownloads(SphinxDirective):
    optional_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        what = self.arguments[0] if self.arguments else "alle"
        if what not in ("alle", "skabelon", "eksempler"):
            logger.warning(
                f"aftale-downloads: ukendt valg »{visible(what)}«; brug skabelon eller eksempler.",
                location=self.get_location(),
                type="kbtools",
                subtype="downloads",
            )
            return []
        prefix = "../" * self.env.docname.count("/")
        items = nodes.bullet_list()

        def link(target: str, text: str) -> nodes.list_item:
            para = nodes.paragraph()
            para += nodes.reference("", text, refuri=prefix + target)
            return nodes.list_item("", para)

        if what in ("alle", "skabelon"):
            items += link(WORD_TEMPLATE_TARGET, "Skabelon til partnerskabsaftale (Word)")
            items += link(TEMPLATE_TARGET, "Skabelon til partnerskabsaftale (YAML)")
        if what in ("alle", "eksempler"):
            for path in case_files(Path(self.config.kbtools_cases_root)):
                self.env.note_dependency(str(path))
                title = _case(path).title
                for fmt, label in formats():
                    target = f"eksempler/{path.parent.name}/aftale.{fmt}"
                    items += link(target, f"{title} – {label}")
        return [items]


def _fresh(target: Path, source: Path) -> bool:
    return target.exists() and target.stat().st_mtime >= source.stat().st_mtime


def write_downloads(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from kbtools.findings import Level
    from kbtools.render import render_agreement
    from kbtools.render.docx_template import word_template
    from kbtools.template import render_template

    out = Path(app.outdir)
    template = out / TEMPLATE_TARGET
    template.parent.mkdir(parents=True, exist_ok=True)
    template.write_text(render_template(), encoding="utf-8")
    (out / WORD_TEMPLATE_TARGET).write_bytes(word_template())
    offered = formats()
    for path in case_files(Path(app.config.kbtools_cases_root)):
        folder = out / "eksempler" / path.parent.name
        targets = [folder / f"aftale.{fmt}" for fmt, _ in offered]
        if all(_fresh(t, path) for t in targets):
            continue
        case = _case(path)
        errors = [f for f in case.findings if f.level is Level.FEJL and f.file == str(path)]
        if errors or case.agreement is None:
            first = errors[0].message if errors else "filen kan ikke læses"
            logger.warning(
                f"Eksempelaftalen kan ikke laves til download: {visible(first)}",
                # a "file:line" string; a (name, line) tuple is read as a docname + ".rst"
                location=visible(f"{path}:{errors[0].line if errors else 1}"),
                type="kbtools",
                subtype="downloads",
            )
            continue
        folder.mkdir(parents=True, exist_ok=True)
        for (fmt, _), target in zip(offered, targets, strict=True):
            target.write_bytes(render_agreement(case.agreement, fmt, False))
    _write_notes(Path(app.config.kbtools_cases_root), out, offered)


def _write_notes(root: Path, out: Path, offered: list[tuple[str, str]]) -> None:
    """Each valid follow-up's status note, in every format offered. A note depends on every
    file in its folder (the agreement, the assessments), so it is made again when any of
    them is newer."""
    from kbtools.render import render_note
    from kbtools.render.note_sources import folder_files, note_sources
    from kbtools.sphinxext.case_status import note_target

    for name in case_names(root):
        case = load_case(root, name)
        for followup in case.followups:
            targets = [out / note_target(name, followup.file.stem, fmt) for fmt, _ in offered]
            if all(_fresh(t, source) for t in targets for source in case.files):
                continue
            sources = note_sources(followup.data, folder_files(followup.file))
            for (fmt, _), target in zip(offered, targets, strict=True):
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(render_note(followup.data, sources, fmt, False))


def setup_downloads(app: Any) -> None:
    app.add_config_value("kbtools_cases_root", str(app.confdir), "env", types=[str])
    app.add_directive("aftale-downloads", AftaleDownloads)
    app.connect("build-finished", write_downloads)
