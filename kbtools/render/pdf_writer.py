"""PDF writer: the html writer's page, laid out for print by WeasyPrint.

WeasyPrint is optional (``pip install 'kbtools[pdf]'``, part of ``dev`` and so of
``./bootstrap.sh``) and imported only here, when a PDF is asked for.

The PDF is PDF/A-2a: PDF/A because a signed agreement is kept for years and Danish signing
services (MitID-based) seal and archive PDF/A (all fonts embedded, nothing outside the file);
level »a« because it is also a tagged PDF (structure tree, reading order, language
``da-DK``), which screen readers and the public sector's accessibility rules need. It also
declares PDF/UA-1: :mod:`kbtools.render.pdf_tags` adds what WeasyPrint leaves out (header
scopes, the /IDTree, the identification), and the tests check every example with the
machine-checkable PDF/UA-1 rules. The parties are the document's authors.
"""

from __future__ import annotations

import logging

from kbtools.render.model import Rendered
from kbtools.render.text_writers import Brand, to_html

PDF_VARIANT = "pdf/a-2a"


class PdfEngineMissing(Exception):
    """WeasyPrint (or the Pango library it needs) is not installed; the text says how to fix it."""


def engine_problem() -> str | None:
    """Why PDFs cannot be made here, in Danish, or None when they can."""
    # WeasyPrint reports each step (from its import on) at INFO; where something (a Sphinx
    # theme's plugin) has set the root logger to INFO, they would fill the build output.
    progress = logging.getLogger("weasyprint.progress")
    if progress.level == logging.NOTSET:
        progress.setLevel(logging.WARNING)
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        return (
            "PDF kræver WeasyPrint, som ikke er installeret. Installér det i samme "
            "Python-miljø som kbtools med: pip install 'kbtools[pdf]'. WeasyPrint bruger også "
            "styresystemets Pango og HarfBuzz, på Debian og Ubuntu: apt-get install "
            "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0."
        )
    except OSError as exc:  # the Python package is there, Debian's Pango library is not
        return (
            f"PDF kræver Pango-biblioteket, som WeasyPrint ikke kunne finde ({exc}). "
            "Installér det fra styresystemets pakker, på Debian og Ubuntu: "
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
        )
    return None


def to_pdf(doc: Rendered, brand: Brand | None = None) -> bytes:
    problem = engine_problem()
    if problem is not None:
        raise PdfEngineMissing(problem)
    import weasyprint

    from kbtools.render.pdf_tags import finish

    html = weasyprint.HTML(string=to_html(doc, brand))
    pdf: bytes = html.write_pdf(pdf_variant=PDF_VARIANT, finisher=finish)
    return pdf
