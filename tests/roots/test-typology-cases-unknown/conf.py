# A case page for a case that is not in cases/ (there is no cases/ folder at all).
extensions = ["myst_parser", "kbtools.sphinxext"]
language = "da"
exclude_patterns = ["_build"]
