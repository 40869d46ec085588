"""Sphinx extension for LKS-vidensbasen: pages rendered from kbtools' data.

One module per feature, each with a small ``setup_<feature>(app)``; this function stays tiny.
"""

from __future__ import annotations

from typing import Any

from kbtools import __version__


def setup(app: Any) -> dict[str, Any]:
    from kbtools.sphinxext import (
        downloads,
        finding_codes,
        questionnaire,
        schema_reference,
        site_meta,
        tasklist,
        typology,
    )

    schema_reference.setup_schema_reference(app)
    typology.setup_typology(app)
    tasklist.setup_tasklist(app)
    downloads.setup_downloads(app)
    finding_codes.setup_finding_codes(app)
    questionnaire.setup_questionnaire(app)
    site_meta.setup_site_meta(app)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
