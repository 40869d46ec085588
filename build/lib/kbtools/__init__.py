"""LKS-vidensbasen tools: check, draft, diff and render partnership agreements and assessments.

The public API is :func:`check_file` and :func:`check_bytes` (see :mod:`kbtools.api`); every
front end (the CLI and the Sphinx extension) calls it. Nothing it imports may import sphinx,
docutils or a native-only package, so the same check can run in a browser (Pyodide). The API is
imported on first use, so ``import kbtools.findings`` does not load the whole checker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["CheckResult", "__version__", "check_bytes", "check_file"]

if TYPE_CHECKING:
    from kbtools.api import CheckResult, check_bytes, check_file


def __getattr__(name: str) -> Any:
    if name in ("CheckResult", "check_bytes", "check_file"):
        from kbtools import api

        return getattr(api, name)
    raise AttributeError(f"module 'kbtools' has no attribute {name!r}")
