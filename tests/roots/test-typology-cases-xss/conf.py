# One case, cases/ondsindet, with HTML and Markdown in every text the pages show: the
# agreement's title, a party's name, an assessor and a justification.
extensions = ["myst_parser", "kbtools.sphinxext"]
language = "da"
exclude_patterns = ["_build", "cases"]
