# One case, cases/brudt, whose 2019 assessment has an error (niveau: klubben).
extensions = ["myst_parser", "kbtools.sphinxext"]
language = "da"
exclude_patterns = ["_build", "cases"]
