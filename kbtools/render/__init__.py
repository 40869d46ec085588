"""Render an agreement as a readable Danish document (docx, html, md, pdf).

:func:`render_agreement` and :func:`render_note` (a follow-up's status note) are the entry
points; the CLI, the browser and the site's downloads call them. Both build the one document
model and hand it to the one writer of each format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kbtools.render.blocks import Rendered
    from kbtools.render.note import NoteSources

FORMATS = ("docx", "pdf", "html", "md")


def render_agreement(
    data: dict[str, Any], fmt: str, draft: bool, letterhead: bytes | None = None
) -> bytes:
    """The agreement ``data`` as a document in ``fmt`` (one of :data:`FORMATS`); a Word
    document wears ``letterhead``, the user's own Word file, when it is given; a PDF or an
    html page takes its logo and the colour of its headings."""
    from kbtools.render.model import build

    return write(build(data, draft), fmt, letterhead)


def render_note(
    data: Any, sources: NoteSources, fmt: str, draft: bool, letterhead: bytes | None = None
) -> bytes:
    """The status note of follow-up ``data`` with what its folder holds (``sources``), in
    ``fmt``, laid out as :func:`render_agreement` lays out an agreement."""
    from kbtools.render.note import build_note

    return write(build_note(data, sources, draft), fmt, letterhead)


def write(doc: Rendered, fmt: str, letterhead: bytes | None = None) -> bytes:
    """``doc`` in ``fmt`` by that format's one writer."""
    brand = None
    if letterhead is not None and fmt in ("pdf", "html"):
        from kbtools.render.docx_letterhead import brand as look
        from kbtools.render.docx_letterhead import read
        from kbtools.render.docx_parts import STYLES

        brand = look(read(letterhead, STYLES))
    if fmt == "docx":
        from kbtools.render.docx_writer import to_docx

        return to_docx(doc, letterhead=letterhead)
    if fmt == "pdf":
        from kbtools.render.pdf_writer import to_pdf

        return to_pdf(doc, brand)
    from kbtools.render.text_writers import to_html, to_markdown

    return (to_html(doc, brand) if fmt == "html" else to_markdown(doc)).encode("utf-8")
