extensions = ["kbtools.sphinxext"]
