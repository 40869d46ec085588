"""What WeasyPrint's tagged PDF lacks for PDF/UA-1, added before the file is written.

WeasyPrint (the version in the lock) tags tables with /TH and /TD and gives each header cell
an /ID, but writes no /IDTree to resolve the IDs and no /Scope on the header cells, so a
checker cannot tell which header a cell belongs to. :func:`finish` is WeasyPrint's
``finisher``: it runs on the finished object tree, gives every /TH its /Scope (/Column in the
table's head, /Row elsewhere: the first cell of a row), writes the /IDTree, and adds the
PDF/UA-1 identification (``pdfuaid:part``, declared as a PDF/A extension schema, so the file
stays valid PDF/A-2) to the XMP metadata.
"""

from __future__ import annotations

from typing import Any

#: The PDF/UA identification and the PDF/A extension schema that declares it (PDF/A allows
#: only declared XMP properties).
PDFUA_XMP = (
    b'<rdf:Description rdf:about="" '
    b'xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" '
    b'xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" '
    b'xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">'
    b'<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">'
    b"<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>"
    b"<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
    b"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
    b'<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">'
    b"<pdfaProperty:name>part</pdfaProperty:name>"
    b"<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
    b"<pdfaProperty:category>internal</pdfaProperty:category>"
    b"<pdfaProperty:description>Part of ISO 14289 the file follows</pdfaProperty:description>"
    b"</rdf:li></rdf:Seq></pdfaSchema:property>"
    b"</rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>"
    b'<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
    b"<pdfuaid:part>1</pdfuaid:part></rdf:Description>"
)


def _object(pdf: Any, reference: Any) -> Any:
    """The object a reference (``"12 0 R"``) points to."""
    text = reference.decode() if isinstance(reference, bytes) else str(reference)
    return pdf.objects[int(text.split()[0])]


def _structure(pdf: Any) -> list[Any]:
    return [
        obj
        for obj in pdf.objects
        if isinstance(obj, dict) and obj.get("Type") == "/StructElem" and "S" in obj
    ]


def finish(_document: Any, pdf: Any) -> None:
    """WeasyPrint's finisher: header scopes, the /IDTree and the PDF/UA identification."""
    import pydyf

    ids = []
    for element in _structure(pdf):
        if element["S"] == "/TH":
            section = _object(pdf, _object(pdf, element["P"])["P"])
            scope = "/Column" if section.get("S") == "/THead" else "/Row"
            attributes = element.get("A")
            if not isinstance(attributes, dict):
                attributes = element["A"] = pydyf.Dictionary({"O": "/Table"})
            attributes["Scope"] = scope
        if "ID" in element:
            ids.append((str(element["ID"].string), element["ID"], element.reference))
    root = _object(pdf, pdf.catalog["StructTreeRoot"])
    if ids:
        names = pydyf.Array()
        for _text, key, reference in sorted(ids, key=lambda item: item[0]):
            names += [key, reference]
        tree = pydyf.Dictionary({"Names": names})
        pdf.add_object(tree)
        root["IDTree"] = tree.reference
    metadata = _object(pdf, pdf.catalog["Metadata"])
    content = b"".join(metadata.stream)
    metadata.stream = [content.replace(b"</rdf:RDF>", PDFUA_XMP + b"</rdf:RDF>", 1)]
