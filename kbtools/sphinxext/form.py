"""The agreement builder's form model, derived from the agreement schema at build time.

Nothing here lists fields by hand: every title, description, choice, required or recommended
mark and tringuide step comes from ``kbtools/schemas/partnerskabsaftale-1.schema.json`` (read
through :mod:`kbtools.schemas.annotations`). The model is plain JSON with English ASCII keys
and kinds (the Danish words are its titles and descriptions, for people); the builder's
JavaScript draws the fields from it, and :mod:`kbtools.sphinxext.aftalebygger` writes the
sections' headings and guidance as HTML.

Each field is a dict with ``key`` (its key in the file), ``title``, ``description``,
``required``, ``recommended`` and ``kind``, the kind of input:

``text`` / ``longText`` / ``date`` / ``number``
    A text, a longer text, a date (ÅÅÅÅ-MM-DD) or a number.
``choice`` / ``yesNo`` / ``constant``
    One of ``choices`` (the schema's ``enum``), true/false, or the schema's ``const``
    (``constant``).
``party``
    A reference (``x-henvisning``) to an item of the top-level list ``refersTo``: chosen
    among its items, shown by ``nameField`` and stored by ``keyField``.
``textList``
    A list of texts (one per line); ``item`` is the title of one.
``group`` / ``list``
    A group of ``fields``, or a list of such groups (``item`` is the item's model).
``amountTable``
    A list of posts named by ``nameField`` (the list's ``x-nøgle``) with an amount per year
    (``amountsField``, a map year → amount) and an optional sum (``sumField``): shown as a
    table with totals per year and in all.
``yearAmounts``
    Amounts by year (a map year → amount); only ever inside an ``amountTable``.
``sum``
    The optional sums of the ``amountTable`` named ``sumOf`` (the group's key without
    ``_i_alt``): its ``amountsField`` per year and ``sumField`` in all, kept up to date, not
    typed.
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
        return "party"
    if "const" in raw:
        return "constant"
    if "enum" in raw:
        return "choice"
    if node.type == "boolean":
        return "yesNo"
    if node.type in ("number", "integer"):
        return "number"
    if raw.get("format") == "date":
        return "date"
    return "longText" if node.is_free_text else "text"


def _money_fields(item: Node) -> tuple[str, str | None] | None:
    """(map field, sum field) when ``item`` is a post with amounts per year, else None."""
    kinds = {key: _money_kind(item.child(key)) for key in item.properties()}
    amounts = next((key for key, kind in kinds.items() if kind == "yearAmounts"), None)
    if amounts is None:
        return None
    return amounts, next((key for key, kind in kinds.items() if kind == "amount"), None)


def _is_sum(node: Node) -> bool:
    """A group of sums: amounts per year (optional) and an amount in all, nothing else."""
    if node.shape != "object" or not node.properties():
        return False
    kinds = [_money_kind(node.child(key)) for key in node.properties()]
    return None not in kinds and "amount" in kinds


def _money_kind(node: Node) -> str | None:
    if node.display == "beløb":
        return "amount"
    if node.shape == "map" and node.child("").display == "beløb":
        return "yearAmounts"
    return None


def field(node: Node, required: bool, schema: dict[str, Any]) -> dict[str, Any]:
    """The model of one field (and its children)."""
    raw = node.node
    model: dict[str, Any] = {
        "key": node.key,
        "title": node.title,
        "description": str(raw.get("description") or ""),
        "required": required,
        "recommended": raw.get("x-anbefalet") is True,
    }
    if node.shape == "array" and node.is_text_list:
        model.update(kind="textList", min=raw.get("minItems", 0), item=node.items().title)
    elif node.shape == "array":
        item = node.items()
        money = _money_fields(item)
        model.update(kind="list", min=raw.get("minItems", 0), item=group(item, schema))
        if money is not None:
            model.update(kind="amountTable", amountsField=money[0], sumField=money[1])
            model["nameField"] = node.key_fields[0] if node.key_fields else "navn"
    elif _is_sum(node):
        kinds = {key: _money_kind(node.child(key)) for key in node.properties()}
        model.update(kind="sum", sumOf=node.key.removesuffix(SUM_SUFFIX))
        model["amountsField"] = next(
            (k for k, kind in kinds.items() if kind == "yearAmounts"), None
        )
        model["sumField"] = next(k for k, kind in kinds.items() if kind == "amount")
    elif node.shape == "map":
        model["kind"] = "yearAmounts"
    elif node.shape == "object":  # {timer, pr} is shown as one value but typed as two
        model.update(group(node, schema))
    else:
        model["kind"] = _scalar_kind(node)
        if "enum" in raw:
            model["choices"] = list(raw["enum"])
        if "const" in raw:
            model["constant"] = raw["const"]
        if node.reference:
            target = Node.of(schema, schema).child(node.reference)
            model.update(
                refersTo=node.reference,
                keyField=target.key_fields[0] if target.key_fields else "id",
                nameField=target.name_field or "navn",
            )
    return model


def group(node: Node, schema: dict[str, Any]) -> dict[str, Any]:
    """A group's title and its fields, in the schema's order."""
    required = node.node.get("required", [])
    return {
        "kind": "group",
        "title": node.title,
        "description": str(node.node.get("description") or ""),
        "fields": [field(node.child(key), key in required, schema) for key in node.properties()],
    }


def element(key: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """The model of top-level element ``key``, with its step and guidance page."""
    schema = schema if schema is not None else AGREEMENT.schema
    root = Node.of(schema, schema)
    node = root.child(key)
    model = field(node, key in schema.get("required", []), schema)
    step = node.node.get("x-trin")
    model["step"] = step if isinstance(step, int) else None
    model["stepName"] = STEP_NAMES.get(step, "") if isinstance(step, int) else ""
    page = node.node.get("x-side")
    model["page"] = page if isinstance(page, str) and page else ELEMENTS_PAGE
    return model


def form_model(schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """The whole form: the ``skema:`` value and every top-level element in schema order."""
    schema = schema if schema is not None else AGREEMENT.schema
    root = Node.of(schema, schema)
    return {
        "schema": schema["properties"]["skema"]["const"],
        # the largest file kbtools reads: the page sends no more than one byte past it
        "maxBytes": MAX_FILE_BYTES,
        "elements": [element(key, schema) for key in root.properties()],
    }
