extensions = ["myst_parser", "kbtools.sphinxext"]
myst_enable_extensions = ["tasklist"]
language = "da"
exclude_patterns = ["_build"]
