"""The agreement builder's form model, derived from the agreement schema at build time.

Nothing here lists fields by hand: every title, description, choice, required or recommended
mark and tringuide step comes from ``kbtools/schemas/partnerskabsaftale-1.schema.json`` (read
through :mod:`kbtools.schemas.annotations`). The model is plain JSON; the builder's
JavaScript draws the fields from it, and :mod:`kbtools.sphinxext.aftalebygger` writes the
sections' headings and guidance as HTML.

Each field is a dict with ``nøgle`` (its key), ``titel``, ``beskrivelse``, ``påkrævet``,
``anbefalet`` and ``felt``, the kind of input:

``tekst`` / ``fritekst`` / ``dato`` / ``tal``
    A text, a longer text, a date (ÅÅÅÅ-MM-DD) or a number.
``valg`` / ``ja-nej`` / ``fast``
    One of ``valg`` (the schema's ``enum``), true/false, or the schema's ``const``.
``part``
    A reference (``x-henvisning``) to an item of the top-level list ``henvisning``: chosen
    among its items, shown by ``navnefelt`` and stored by ``nøglefelt``.
``tekstliste``
    A list of texts (one per line).
``gruppe`` / ``liste``
    A group of ``felter``, or a list of such groups (``element`` is the item's model).
``beløbstabel``
    A list of posts named by ``navnefelt`` (the list's ``x-nøgle``) with an amount per year
    (``beløbsfelt``, a map year → amount) and an optional sum (``sumfelt``): shown as a table
    with totals per year and in all.
``årsbeløb``
    Amounts by year (a map year → amount); only ever inside a ``beløbstabel``.
``sum``
    The optional sums of the ``beløbstabel`` named ``af`` (the group's key without
    ``_i_alt``): its ``beløbsfelt`` per year and ``sumfelt`` in all, kept up to date, not typed.
"""

from __future__ import annotations

from typing import Any

from kbtools.kinds import AGREEMENT
from kbtools.loading.yamlsource import MAX_FILE_BYTES
from kbtools.schemas.annotations import Node
from kbtools.template import STEP_NAMES

#: The reader page that explains every element (used when an element has no ``x-side``).
ELEMENTS_PAGE = "partnerskabsaftalen/elementer.html"
SUM_SUFFIX = "_i_alt"


def _scalar_kind(node: Node) -> str:
    raw = node.node
    if node.reference:
        return "part"
    if "const" in raw:
        return "fast"
    if "enum" in raw:
        return "valg"
    if node.type == "boolean":
        return "ja-nej"
    if node.type in ("number", "integer"):
        return "tal"
    if raw.get("format") == "date":
        return "dato"
    return "fritekst" if node.is_free_text else "tekst"


def _money_fields(item: Node) -> tuple[str, str | None] | None:
    """(map field, sum field) when ``item`` is a post with amounts per year, else None."""
    kinds = {key: _money_kind(item.child(key)) for key in item.properties()}
    amounts = next((key for key, kind in kinds.items() if kind == "årsbeløb"), None)
    if amounts is None:
        return None
    return amounts, next((key for key, kind in kinds.items() if kind == "beløb"), None)


def _is_sum(node: Node) -> bool:
    """A group of sums: amounts per year (optional) and an amount in all, nothing else."""
    if node.shape != "object" or not node.properties():
        return False
    kinds = [_money_kind(node.child(key)) for key in node.properties()]
    return None not in kinds and "beløb" in kinds


def _money_kind(node: Node) -> str | None:
    if node.display == "beløb":
        return "beløb"
    if node.shape == "map" and node.child("").display == "beløb":
        return "årsbeløb"
    return None


def field(node: Node, required: bool, schema: dict[str, Any]) -> dict[str, Any]:
    """The model of one field (and its children)."""
    raw = node.node
    model: dict[str, Any] = {
        "nøgle": node.key,
        "titel": node.title,
        "beskrivelse": str(raw.get("description") or ""),
        "påkrævet": required,
        "anbefalet": raw.get("x-anbefalet") is True,
    }
    if node.shape == "array" and node.is_text_list:
        model.update(felt="tekstliste", min=raw.get("minItems", 0), element=node.items().title)
    elif node.shape == "array":
        item = node.items()
        money = _money_fields(item)
        model.update(felt="liste", min=raw.get("minItems", 0), element=group(item, schema))
        if money is not None:
            model.update(felt="beløbstabel", beløbsfelt=money[0], sumfelt=money[1])
            model["navnefelt"] = node.key_fields[0] if node.key_fields else "navn"
    elif _is_sum(node):
        kinds = {key: _money_kind(node.child(key)) for key in node.properties()}
        model.update(felt="sum", af=node.key.removesuffix(SUM_SUFFIX))
        model["beløbsfelt"] = next((k for k, kind in kinds.items() if kind == "årsbeløb"), None)
        model["sumfelt"] = next(k for k, kind in kinds.items() if kind == "beløb")
    elif node.shape == "map":
        model["felt"] = "årsbeløb"
    elif node.shape == "object":  # {timer, pr} is shown as one value but typed as two
        model.update(group(node, schema))
    else:
        model["felt"] = _scalar_kind(node)
        if "enum" in raw:
            model["valg"] = list(raw["enum"])
        if "const" in raw:
            model["fast"] = raw["const"]
        if node.reference:
            target = Node.of(schema, schema).child(node.reference)
            model.update(
                henvisning=node.reference,
                nøglefelt=target.key_fields[0] if target.key_fields else "id",
                navnefelt=target.name_field or "navn",
            )
    return model


def group(node: Node, schema: dict[str, Any]) -> dict[str, Any]:
    """A group's title and its fields, in the schema's order."""
    required = node.node.get("required", [])
    return {
        "felt": "gruppe",
        "titel": node.title,
        "beskrivelse": str(node.node.get("description") or ""),
        "felter": [field(node.child(key), key in required, schema) for key in node.properties()],
    }


def element(key: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """The model of top-level element ``key``, with its step and guidance page."""
    schema = schema if schema is not None else AGREEMENT.schema
    root = Node.of(schema, schema)
    node = root.child(key)
    model = field(node, key in schema.get("required", []), schema)
    step = node.node.get("x-trin")
    model["trin"] = step if isinstance(step, int) else None
    model["trinnavn"] = STEP_NAMES.get(step, "") if isinstance(step, int) else ""
    page = node.node.get("x-side")
    model["side"] = page if isinstance(page, str) and page else ELEMENTS_PAGE
    return model


def form_model(schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """The whole form: the ``skema:`` value and every top-level element in schema order."""
    schema = schema if schema is not None else AGREEMENT.schema
    root = Node.of(schema, schema)
    return {
        "skema": schema["properties"]["skema"]["const"],
        # the largest file kbtools reads: the page sends no more than one byte past it
        "maksBytes": MAX_FILE_BYTES,
        "elementer": [element(key, schema) for key in root.properties()],
    }
