# A comparison with a :dato: that is not a date. The tests set kbtools_cases_root.
extensions = ["myst_parser", "kbtools.sphinxext"]
language = "da"
exclude_patterns = ["_build"]
