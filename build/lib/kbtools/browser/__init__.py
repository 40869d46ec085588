"""kbtools in the reader's browser: the functions the site's pages call through Pyodide.

Only pure-Python code belongs here (it is bundled into the site by
:mod:`kbtools.sphinxext.pyruntime`); see :mod:`kbtools.browser.entry`.
"""
