"""Reading a Word file the tests made: its parts, and what the OOXML schemas say about them.

The schemas (tests/data/ooxml/, see its README) are ECMA-376's transitional WordprocessingML
and the package's content types and relationships; lxml (installed with python-docx) checks
the parts against them."""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "ooxml"
#: The schema of each kind of part, by how its name ends.
_SCHEMA_OF = {
    ".rels": "opc-relationships.xsd",
    "[Content_Types].xml": "opc-contentTypes.xsd",
    "docProps/app.xml": "shared-documentPropertiesExtended.xsd",
}


@functools.cache
def _schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def parts(content: bytes) -> dict[str, bytes]:
    """The members of the package, by name."""
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        return {name: package.read(name) for name in package.namelist()}


def schema_for(name: str) -> str | None:
    """The schema file part ``name`` is checked against (None: core properties, which need
    Dublin Core's schemas, and anything else)."""
    if name.startswith("word/") and name.endswith(".xml"):
        return "wordprocessingml.xsd"
    return next((xsd for end, xsd in _SCHEMA_OF.items() if name.endswith(end)), None)


def schema_errors(content: bytes) -> list[str]:
    """Every part that breaks its schema, with the schema's messages (empty: all valid)."""
    errors = []
    for name, data in parts(content).items():
        xsd = schema_for(name)
        if xsd is None:
            continue
        schema = _schema(xsd)
        if not schema.validate(etree.fromstring(data)):
            errors += [f"{name}:{e.line}: {e.message}" for e in schema.error_log]
    return errors
