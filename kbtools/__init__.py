"""LKS-vidensbasen tools: check, draft, diff and render partnership agreements and assessments.

The public API is :func:`check_file` and :func:`check_bytes` (see :mod:`kbtools.api`); every
front end (the CLI, the Sphinx extension, the browser tools) calls it. Nothing imported here may
import sphinx, docutils or a native-only package: the same core runs on Pyodide in the browser.
"""

__version__ = "0.1.0"

from kbtools.api import CheckResult, check_bytes, check_file

__all__ = ["CheckResult", "__version__", "check_bytes", "check_file"]
