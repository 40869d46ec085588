"""Sphinx configuration for LKS-vidensbasen. Pages live in docs/; build with

    sphinx-build -n -W --keep-going -c . docs _build/html
"""

project = "LKS-vidensbasen"
author = "LKS-vidensbasen"
copyright = "2026, LKS-vidensbasen. Indhold: CC BY 4.0"
language = "da"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "kbtools.sphinxext",
]

myst_enable_extensions = ["colon_fence", "deflist", "tasklist", "attrs_inline", "attrs_block"]
myst_heading_anchors = 3

bibtex_bibfiles = ["docs/kilder.bib"]
bibtex_default_style = "plain"
bibtex_reference_style = "author_year"

root_doc = "index"
exclude_patterns = ["_build"]

html_theme = "furo"
html_title = "LKS-vidensbasen"
