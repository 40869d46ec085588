"""Sphinx configuration for LKS-vidensbasen. Pages live in docs/; build with

    sphinx-build -n -W --keep-going -c . docs _build/html

Careful with paths: Sphinx resolves ``templates_path``, ``html_static_path`` and
(sphinxcontrib-bibtex) ``bibtex_bibfiles`` against the directory of this file, the repository
root; ``locale_dirs`` is absolute (see there).
"""

import re
from pathlib import Path
from typing import Any

from docutils import nodes

project = "LKS-vidensbasen"
author = "LKS-vidensbasen"
copyright = "2026, LKS-vidensbasen. Indhold: CC BY 4.0. Kode: MIT"
language = "da"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "kbtools.sphinxext",
    "kbtools.sphinxext.aftalebygger",  # the agreement builder (Pyodide, vendored at build time)
    "kbtools.sphinxext.followup_form",  # the follow-up form beside it
    "kbtools.sphinxext.facilitator",  # the self-assessment's facilitator view (Pyodide too)
]

myst_enable_extensions = ["colon_fence", "deflist", "tasklist", "attrs_inline", "attrs_block"]
myst_heading_anchors = 3

bibtex_bibfiles = ["docs/kilder.bib"]
bibtex_default_style = "lks"
bibtex_reference_style = "lks_forfatter_aar"

# Keep apostrophes and quotes exactly as typed. Users search for "LKS'erne" with a straight
# apostrophe, and headings such as "CARMA's anbefalinger" must read the same in the source and
# in the HTML. Writers type Danish quotation marks (»…«) and dashes (–) themselves.
smartquotes = False

root_doc = "index"

# The one place for the site's contact details: the footer, »Om sitet« and the accessibility
# statement show them (kbtools/sphinxext/site_meta.py, role {kontakt}`email`). The Pages
# workflow refuses to publish while a value is a placeholder (»UDFYLD«, an example domain).
lks_kontakt = {
    "email": "UDFYLD@lks-vidensbasen.example",
    "telefon": "UDFYLD telefonnummer",
    "udgiver": "LKS-vidensbasen",
}

# Every folder in cases/ gets a page docs/cases/<name>.md at build time when it has none
# (kbtools/sphinxext/case_pages.py); docs/cases/index.md lists them with a glob.
kbtools_case_pages = "cases"
exclude_patterns = ["_build", "_templates"]

# Danish interface: our own catalogs in locale/da/LC_MESSAGES/ translate what neither Sphinx'
# Danish catalog nor furo translate. Sphinx compiles sphinx.po to sphinx.mo itself
# (gettext_auto_build) and falls back to its built-in Danish catalog; sphinx.js is Sphinx'
# Danish JavaScript catalog for the search page with the missing messages filled in.
# Absolute, because Sphinx looks up the search page's JavaScript catalog (sphinx.js, which
# completes Sphinx' Danish one) relative to the working directory, not to docs/.
locale_dirs = [str(Path(__file__).resolve().parent / "locale")]
gettext_auto_build = True

# Template overrides that make furo's hard-coded English labels translatable (see the
# comment at the top of each file in docs/_templates/).
templates_path = ["docs/_templates"]

html_theme = "furo"
html_title = "LKS-vidensbasen"
html_short_title = "LKS-vidensbasen"
html_baseurl = "https://lks-vidensbasen.github.io/"
html_search_language = "da"
html_last_updated_fmt = "%d.%m.%Y"
html_static_path = ["docs/_static"]
html_css_files = ["lks.css"]
# The favicon: an SVG for browsers that take one; docs/_templates/page.html adds the PNG
# fallbacks from docs/_static/, and docs/_extra/favicon.ico lands at the site root, where
# browsers and feed readers look for it without a <link>.
html_favicon = "docs/_static/favicon.svg"
html_extra_path = ["docs/_extra"]
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    # Consultants read the pages and have no use for the Markdown source: no view/edit
    # buttons. Arrow keys must scroll wide tables, not jump to the next page, so furo's
    # key navigation stays off.
    "top_of_page_buttons": [],
    "navigation_with_keys": False,
    "sidebar_hide_name": False,
}


def _register_danish_bibliography_style() -> None:
    """pybtex' "plain" style, but with Danish "og" between authors.

    Registered as a pybtex plugin named "lks", the way sphinxcontrib-bibtex documents custom
    styles. Entry types that would print English words ("Technical Report") get a Danish
    ``type`` field in docs/kilder.bib instead.
    """
    from pybtex.plugin import register_plugin  # type: ignore[import-untyped]
    from pybtex.style.formatting.plain import Style as PlainStyle  # type: ignore[import-untyped]
    from pybtex.style.template import names, sentence  # type: ignore[import-untyped]

    class DanishStyle(PlainStyle):  # type: ignore[misc]
        def format_names(self, role: str, as_sentence: bool = True) -> Any:
            formatted = names(role, sep=", ", sep2=" og ", last_sep=" og ")
            return sentence[formatted] if as_sentence else formatted

    register_plugin("pybtex.style.formatting", "lks", DanishStyle)


def _register_danish_reference_style() -> None:
    """Author-year citations the Danish way: "(Bruhn og Jarlskov, 2019; CARMA, 2018)", "m.fl."."""
    from dataclasses import dataclass, field

    import sphinxcontrib.bibtex.plugin
    from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

    def round_brackets() -> BracketStyle:
        return BracketStyle(left="(", right=")", sep="; ")

    def danish_persons() -> PersonStyle:
        return PersonStyle(sep2=" og ", last_sep=" og ", other=" m.fl.")

    @dataclass
    class DanishAuthorYear(AuthorYearReferenceStyle):
        bracket_parenthetical: BracketStyle = field(default_factory=round_brackets)
        bracket_textual: BracketStyle = field(default_factory=round_brackets)
        person: PersonStyle = field(default_factory=danish_persons)

    sphinxcontrib.bibtex.plugin.register_plugin(
        "sphinxcontrib.bibtex.style.referencing", "lks_forfatter_aar", DanishAuthorYear
    )


def _register_plain_text_backend() -> None:
    """sphinxcontrib-bibtex renders every citation's text with pybtex' plain-text backend, and
    pybtex looks that backend up among the entry points of every installed package each time
    (hundreds of scans, a fifth of the build). The same class registered at runtime is found
    in a dictionary first."""
    from pybtex.backends.plaintext import Backend  # type: ignore[import-untyped]
    from pybtex.plugin import register_plugin

    register_plugin("pybtex.backends", "plaintext", Backend, force=True)


_register_danish_bibliography_style()
_register_danish_reference_style()
_register_plain_text_backend()


# Furo builds the sidebar's expand/collapse switches in Python with an English accessible
# name ("Toggle navigation of <page>"), out of reach of the message catalog. Rewrite that one
# fixed prefix after furo has built the tree (furo connects with the default priority 500).
_FURO_TOGGLE_PREFIX = 'aria-label="Toggle navigation of '
_DANISH_TOGGLE_PREFIX = 'aria-label="Vis eller skjul undersider til '


def _danish_navigation_labels(
    app: object, pagename: str, templatename: str, context: dict[str, object], doctree: object
) -> None:
    tree = context.get("furo_navigation_tree")
    if isinstance(tree, str):
        context["furo_navigation_tree"] = tree.replace(_FURO_TOGGLE_PREFIX, _DANISH_TOGGLE_PREFIX)


# Furo wraps every table in a scrolling <div class="table-wrapper">. A wide table (the case
# comparison matrix on a phone) must then be scrollable from the keyboard too (WCAG 2.1.1), so
# the wrapper joins the tab order. Furo also gives the wrapper the table's own id, so the page
# has that id twice (Nu Html Checker: "Duplicate ID"); the id stays on the table.
_WRAPPER_WITH_TABLE_ID = re.compile(
    r'(<div tabindex="0" class="table-wrapper[^"]*") id="([^"]+)"(>\s*<table\b[^>]*\bid="\2")'
)


def _focusable_table_wrappers(
    app: object, pagename: str, templatename: str, context: dict[str, object], doctree: object
) -> None:
    body = context.get("body")
    if isinstance(body, str):
        body = body.replace('<div class="table-wrapper', '<div tabindex="0" class="table-wrapper')
        context["body"] = _WRAPPER_WITH_TABLE_ID.sub(r"\1\3", body)


# A code block wider than the page scrolls sideways; like the tables it must then be scrollable
# from the keyboard (WCAG 2.1.1, axe "scrollable-region-focusable"), so it joins the tab order.
# The sidebar's toctree captions ("For vedligeholdere") are role="heading" without a level,
# which axe reports as "aria-required-attr" (critical); they are level-2 headings of the sidebar.
_CAPTION = '<p class="caption" role="heading">'
_CAPTION_WITH_LEVEL = '<p class="caption" role="heading" aria-level="2">'


def _focusable_code_and_caption_levels(
    app: object, pagename: str, templatename: str, context: dict[str, object], doctree: object
) -> None:
    body = context.get("body")
    if isinstance(body, str):
        context["body"] = body.replace("<pre>", '<pre tabindex="0">')
    tree = context.get("furo_navigation_tree")
    if isinstance(tree, str):
        context["furo_navigation_tree"] = tree.replace(_CAPTION, _CAPTION_WITH_LEVEL)


# Docutils writes the sources page's bibliography as <div role="list"> holding
# <div role="doc-biblioentry">. DPUB-ARIA 1.1 deprecated doc-biblioentry, so the list has no
# listitem children and axe-core reports "aria-required-children" (critical, WCAG 1.3.1). Write
# the same markup with role="listitem"; screen readers then announce the sources as a list with
# its number of entries.
def _visit_citation(translator: Any, node: nodes.citation) -> None:
    if not isinstance(node.previous_sibling(), nodes.citation):
        translator.body.append('<div role="list" class="citation-list">\n')
    translator.body.append(
        translator.starttag(node, "div", classes=[node.tagname], role="listitem")
    )


def _depart_citation(translator: Any, node: nodes.citation) -> None:
    translator.body.append("</div>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), nodes.citation):
        translator.body.append("</div>\n")


def setup(app: Any) -> None:
    app.connect("html-page-context", _danish_navigation_labels, priority=600)
    app.connect("html-page-context", _focusable_table_wrappers, priority=600)
    app.connect("html-page-context", _focusable_code_and_caption_levels, priority=600)
    app.add_node(nodes.citation, override=True, html=(_visit_citation, _depart_citation))
