extensions = ["myst_parser", "kbtools.sphinxext"]
language = "da"
exclude_patterns = ["_build"]
