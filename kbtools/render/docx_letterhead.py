"""A municipality's own Word file as the letterhead of a rendered agreement.

Like pandoc's ``--reference-doc``: ``kbtools render --format docx --skabelon FIL.docx`` takes
from the user's Word file its styles (fonts, sizes, colours of »Normal«, the headings …), its
theme (the fonts a style names by role), and the header and footer of its first section with
their pictures (the logo). The text is still the agreement's, laid out by the one Word
writer. A style the writer needs and the file lacks is added from the writer's own, so every
heading, list and caption still has its style.

Standard library only, like the writer: the builder in the browser can run it too. The file
is read as text where that keeps it intact: Word declares namespaces that its files name in
``mc:Ignorable`` without using them, and rewriting the XML with ElementTree would drop them.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from kbtools.render.text_writers import Brand

#: A style the writer's own styles part defines (one ``<w:style>`` … ``</w:style>``).
_STYLE = re.compile(r"<w:style\b[^>]*\bw:styleId=\"([^\"]+)\"[^>]*>.*?</w:style>", re.DOTALL)
_STYLE_ID = re.compile(r"<w:style\b[^>]*\bw:styleId=\"([^\"]+)\"")
_RELATIONSHIP = re.compile(r"<Relationship\b([^>]*)/?>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_SECTION = re.compile(r"<w:sectPr\b.*?</w:sectPr>", re.DOTALL)
_REFERENCE = re.compile(r'<w:(header|footer)Reference\b[^>]*w:type="default"[^>]*/>')
_ID = re.compile(r'r:id="([^"]+)"')
#: The largest template read (a letterhead with a logo is a few hundred kB).
MAX_BYTES = 20 * 1024 * 1024


class LetterheadError(ValueError):
    """The file is not a Word document that can be used; the text says why, in Danish."""


@dataclass(frozen=True)
class Part:
    """A header or footer of the template and what it refers to (its pictures)."""

    xml: str
    rels: str | None = None


@dataclass(frozen=True)
class Letterhead:
    styles: str
    theme: str | None = None
    header: Part | None = None
    footer: Part | None = None
    media: dict[str, bytes] = field(default_factory=dict)  # by name under word/


def _relationships(text: str) -> dict[str, dict[str, str]]:
    """The relationships of a part by id: their Type, Target and TargetMode."""
    out = {}
    for match in _RELATIONSHIP.finditer(text):
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        if "Id" in attributes:
            out[attributes["Id"]] = attributes
    return out


def merged_styles(theirs: str, ours: str) -> str:
    """The template's styles, with each style of ours it does not define added at the end."""
    have = set(_STYLE_ID.findall(theirs))
    missing = [m.group(0) for m in _STYLE.finditer(ours) if m.group(1) not in have]
    end = theirs.rfind("</w:styles>")
    if end < 0:
        raise LetterheadError("Skabelonens typografier kunne ikke læses.")
    return theirs[:end] + "".join(missing) + theirs[end:]


def read(content: bytes, ours: str) -> Letterhead:
    """The letterhead in Word file ``content``; ``ours`` is the writer's own styles part."""
    if len(content) > MAX_BYTES:
        raise LetterheadError("Skabelonen er større end 20 MB.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        names = set(archive.namelist())
        document = archive.read("word/document.xml").decode("utf-8")
        styles = archive.read("word/styles.xml").decode("utf-8")
        rels = archive.read("word/_rels/document.xml.rels").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError) as exc:
        raise LetterheadError(
            "Skabelonen er ikke en Word-fil (.docx). Gem den i Word som »Word-dokument«."
        ) from exc
    targets = _relationships(rels)
    theme = next(
        (
            archive.read(posixpath.join("word", r["Target"])).decode("utf-8")
            for r in targets.values()
            if r.get("Type", "").endswith("/theme") and posixpath.join("word", r["Target"]) in names
        ),
        None,
    )
    media: dict[str, bytes] = {}
    sections = _SECTION.findall(document)
    parts: dict[str, Part] = {}
    for match in _REFERENCE.finditer(sections[-1] if sections else ""):
        ref = _ID.search(match.group(0))
        target = targets.get(ref.group(1), {}).get("Target") if ref else None
        name = posixpath.join("word", target) if target else ""
        if name not in names:
            continue
        parts[match.group(1)] = _part(archive, name, names, media)
    return Letterhead(
        merged_styles(styles, ours), theme, parts.get("header"), parts.get("footer"), media
    )


_COLOUR = re.compile(r'<w:color\b[^>]*w:val="([0-9A-Fa-f]{6})"')
_PICTURE_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif"}


def brand(letterhead: Letterhead) -> Brand:
    """The look the html and the PDF take from the Word file: the first picture in its
    header (a PNG, JPEG or GIF: the logo) and the colour of its first heading."""
    logo, logo_type = None, "image/png"
    for name, data in letterhead.media.items():
        kind = _PICTURE_TYPES.get(name.rsplit(".", 1)[-1].lower())
        if kind is not None and letterhead.header is not None:
            logo, logo_type = data, kind
            break
    colour = None
    for style in _STYLE.finditer(letterhead.styles):
        if style.group(1) in ("Heading1", "Title") and (found := _COLOUR.search(style.group(0))):
            colour = found.group(1).upper()
            break
    return Brand(logo, logo_type, colour)


def _part(archive: zipfile.ZipFile, name: str, names: set[str], media: dict[str, bytes]) -> Part:
    """A header or footer and the pictures it shows (copied into ``media``)."""
    xml = archive.read(name).decode("utf-8")
    rels_name = posixpath.join(posixpath.dirname(name), "_rels", posixpath.basename(name) + ".rels")
    if rels_name not in names:
        return Part(xml)
    rels = archive.read(rels_name).decode("utf-8")
    kept = []
    for match in _RELATIONSHIP.finditer(rels):
        relation = dict(_ATTRIBUTE.findall(match.group(1)))
        if relation.get("TargetMode") == "External":
            kept.append(match.group(0))  # a link: nothing to copy
            continue
        path = posixpath.normpath(posixpath.join("word", relation.get("Target", "")))
        if path in names and path.startswith("word/media/"):  # a picture: copied along
            media[path.removeprefix("word/")] = archive.read(path)
            kept.append(match.group(0))
    start = rels.find(">", rels.find("<Relationships")) + 1
    return Part(xml, rels[:start] + "".join(kept) + "</Relationships>")
