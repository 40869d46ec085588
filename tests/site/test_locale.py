"""The site's interface is Danish: every text furo (and our template overrides) shows is
translated, either by Sphinx' own Danish catalog or by ``locale/da/LC_MESSAGES/sphinx.po``.

These checks read the templates and catalogs directly (no site build), so they are cheap.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
from pathlib import Path

import pytest
import sphinx
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PO = ROOT / "locale" / "da" / "LC_MESSAGES" / "sphinx.po"
SPHINX_PO = Path(sphinx.__file__).parent / "locale" / "da" / "LC_MESSAGES" / "sphinx.po"
FURO_DIST = importlib.metadata.distribution("furo")
FURO_THEME = Path(str(FURO_DIST.locate_file("furo"))) / "theme" / "furo"
OVERRIDES = ROOT / "docs" / "_templates"


def _template_messages(folder: Path) -> set[str]:
    method_map = [("**.html", "jinja2")]
    options = {"**.html": {"extensions": "jinja2.ext.i18n"}}
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(folder), method_map=method_map, options_map=options
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _translations(po: Path) -> dict[str, str]:
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="da")
    return {
        m.id: m.string
        for m in catalog
        if isinstance(m.id, str) and m.id and isinstance(m.string, str) and m.string
    }


def test_project_catalog_parses_and_has_no_empty_translations() -> None:
    with PROJECT_PO.open("rb") as handle:
        catalog = read_po(handle, locale="da")
    empty = [m.id for m in catalog if m.id and not m.string]
    assert empty == []


@pytest.mark.parametrize("folder", [FURO_THEME, OVERRIDES], ids=["furo", "overrides"])
def test_every_template_message_has_a_danish_translation(folder: Path) -> None:
    danish = {**_translations(SPHINX_PO), **_translations(PROJECT_PO)}
    messages = _template_messages(folder)
    assert messages, f"no translatable messages found in {folder}"
    missing = sorted(m for m in messages if m not in danish)
    assert missing == []


def test_overrides_expose_no_hard_coded_english_labels() -> None:
    english_attr = re.compile(r'(aria-label|title|placeholder)="[A-Z][a-z]')
    english_title = re.compile(r"<title>[A-Z][a-z]")
    for template in OVERRIDES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not english_attr.search(text), template
        assert not english_title.search(text), template


def test_overrides_were_copied_from_the_installed_furo() -> None:
    """The overrides are copies of furo's templates; after a furo upgrade they must be redone."""
    installed = importlib.metadata.version("furo")
    for template in OVERRIDES.rglob("*.html"):
        head = template.read_text(encoding="utf-8").splitlines()[0]
        assert f"(furo {installed}," in head, f"{template}: recopy from furo {installed}"


def test_conf_points_sphinx_at_the_project_catalog() -> None:
    namespace: dict[str, object] = {"__file__": str(ROOT / "conf.py")}  # as Sphinx does
    exec(compile((ROOT / "conf.py").read_text(encoding="utf-8"), "conf.py", "exec"), namespace)
    assert namespace["language"] == "da"
    assert namespace["html_search_language"] == "da"
    locale_dirs = namespace["locale_dirs"]
    assert isinstance(locale_dirs, list)
    # relative entries would be resolved against the source directory docs/
    resolved = [(ROOT / "docs" / d).resolve() for d in locale_dirs]
    assert PROJECT_PO.parent.parent.parent in resolved


def _js_messages(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    start = text.index("{", text.index("addTranslations"))
    end = text.rindex("}")
    data = json.loads(text[start : end + 1])
    assert data["locale"] == "da"
    if path == PROJECT_PO.with_suffix(".js"):
        # Sphinx' "(n != 1)" gives a boolean, and doctools.js indexes the plural forms with
        # it, so plural messages came out as undefined and broke the search page.
        assert data["plural_expr"] == "n !== 1 ? 1 : 0"
    messages = data["messages"]
    assert isinstance(messages, dict)
    return messages


def test_search_page_catalog_covers_sphinx_and_has_no_empty_translations() -> None:
    """locale/da/LC_MESSAGES/sphinx.js replaces Sphinx' Danish JavaScript catalog, so it must
    hold every message Sphinx' own has, each with a Danish text (plural forms included)."""
    ours = _js_messages(PROJECT_PO.with_suffix(".js"))
    theirs = _js_messages(SPHINX_PO.with_suffix(".js"))
    assert sorted(set(theirs) - set(ours)) == []
    empty = [
        key
        for key, value in ours.items()
        if not value or (isinstance(value, list) and not all(value))
    ]
    assert empty == []


def test_permalink_tooltips_are_danish(built_site: Path) -> None:
    """Sphinx' "Link to this heading/table/term" tooltips are Danish on every page."""
    english = [
        str(page.relative_to(built_site))
        for page in built_site.rglob("*.html")
        if "Link to this" in page.read_text(encoding="utf-8")
    ]
    assert english == []
    page = (built_site / "cases" / "midtby.html").read_text(encoding="utf-8")
    assert 'title="Link til denne overskrift"' in page
