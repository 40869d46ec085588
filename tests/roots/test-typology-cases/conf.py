# The cases are the repository's own (cases/): the tests set kbtools_cases_root.
extensions = ["myst_parser", "kbtools.sphinxext"]
myst_enable_extensions = ["colon_fence"]
language = "da"
exclude_patterns = ["_build", "cases"]
