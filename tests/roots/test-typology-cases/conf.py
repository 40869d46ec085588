extensions = ["myst_parser", "kbtools.sphinxext"]
myst_enable_extensions = ["colon_fence"]
language = "da"
exclude_patterns = ["_build", "cases"]
