"""LKS-vidensbasen tools: validate partnership agreements and render typology pages.

The command-line path (``kbtools validate``) must stay light: nothing here may import
sphinx or docutils at module level. The Sphinx extension lives in ``kbtools.sphinxext``.
"""

__version__ = "0.1.0"
