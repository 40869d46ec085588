"""Every case folder gets a page, and the comparison pages follow the set of cases.

- ``builder-inited``: for each folder in ``cases/`` without a page, write a short page source
  ``<kbtools_case_pages>/<name>.md`` (a heading and ``{lks-case} <name>``), the way autosummary
  writes its stubs. A generated page whose folder is gone is removed again; a page someone
  has written or edited by hand is never touched. An empty ``kbtools_case_pages`` (the default)
  generates nothing. The cases' index lists the pages with a globbing toctree, which Sphinx
  re-reads whenever a page is added or removed.
  A folder whose name is not a safe case name (letters, digits, ``-``, ``_``) gets no page
  and no place in the comparisons; the build warns about it, so it never goes unnoticed,
  and its name never reaches a page as markup.
- ``env-get-outdated``: a page with ``{lks-sammenligning}`` remembers which cases it showed;
  when a case folder is added or removed it is read again, also in an incremental build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.util import logging

from kbtools.reporting.visible import visible
from kbtools.typology.cases import case_folders, case_names, is_safe_case_name, load_case

logger = logging.getLogger(__name__)

#: Attribute of the build environment: docname -> the case names its comparison showed.
_SHOWN = "kbtools_comparison_cases"


def stub_text(name: str, heading: str) -> str:
    """The generated page of case ``name``."""
    return (
        f"# {heading}\n\n"
        f"<!-- Dannet automatisk ud fra mappen cases/{name}/. Ret gerne i siden: en rettet "
        "side bliver ikke slettet eller skrevet over. -->\n\n"
        f"```{{lks-case}} {name}\n```\n"
    )


def warn_about_unsafe_names(app: Any) -> None:
    """A case folder whose name could be markup or a path is left out, never silently."""
    base = Path(app.config.kbtools_cases_root) / "cases"
    for name in case_folders(base.parent):
        if not is_safe_case_name(name):
            logger.warning(
                f"Mappen cases/{visible(name)}/ er ikke med på sitet: et casenavn må kun "
                "indeholde bogstaver, tal, bindestreger og understreger (fx »nord-by«), for "
                "navnet bliver sidens filnavn, adresse og overskrift. Omdøb mappen.",
                # a "file:line" string (a bare string is read as a docname): its first file
                location=visible(f"{min((base / name).glob('*.yaml'))}:1"),
                type="kbtools",
                subtype="case",
            )


def generate_case_pages(app: Any) -> None:
    warn_about_unsafe_names(app)
    folder_name = app.config.kbtools_case_pages
    if not folder_name:
        return
    root = Path(app.config.kbtools_cases_root)
    folder = Path(app.srcdir) / folder_name
    names = case_names(root)
    for name in names:
        page = folder / f"{name}.md"
        if not page.exists():
            heading = load_case(root, name).display_name
            folder.mkdir(parents=True, exist_ok=True)
            page.write_text(stub_text(name, heading), encoding="utf-8")
            logger.info("Ny side til casen %s: %s", name, page)
    for page in folder.glob("*.md"):
        if page.stem in names or page.stem == "index":
            continue
        if page.read_text(encoding="utf-8") == stub_text(page.stem, _heading(page)):
            page.unlink()


def _heading(page: Path) -> str:
    first = page.read_text(encoding="utf-8").partition("\n")[0]
    return first.removeprefix("# ")


def note_comparison(env: Any, names: list[str]) -> None:
    """Remember that the current page shows a comparison of ``names``."""
    shown: dict[str, tuple[str, ...]] = getattr(env, _SHOWN, {})
    shown[env.docname] = tuple(names)
    setattr(env, _SHOWN, shown)


def _outdated(app: Any, env: Any, added: Any, changed: Any, removed: Any) -> list[str]:
    shown: dict[str, tuple[str, ...]] = getattr(env, _SHOWN, {})
    if not shown:
        return []
    names = tuple(case_names(Path(app.config.kbtools_cases_root)))
    return [docname for docname, seen in shown.items() if seen != names]


def _purge(app: Any, env: Any, docname: str) -> None:
    getattr(env, _SHOWN, {}).pop(docname, None)


def _merge(app: Any, env: Any, docnames: Any, other: Any) -> None:
    shown: dict[str, tuple[str, ...]] = getattr(env, _SHOWN, {})
    shown.update(getattr(other, _SHOWN, {}))
    setattr(env, _SHOWN, shown)


def setup_case_pages(app: Any) -> None:
    app.add_config_value("kbtools_case_pages", "", "env", types=[str])
    app.connect("builder-inited", generate_case_pages)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
