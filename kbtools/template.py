"""The agreement template, generated from the schema so it can never drift from it.

Titles and descriptions become `#` comments, `x-trin` names the tringuide step that produces
the element and `x-anbefalet` marks recommended elements. Parties are filled in consistently
in every section that refers to them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import partial
from typing import Any

from kbtools.findings import DataPath
from kbtools.kinds import AGREEMENT
from kbtools.schemas import node_at, resolve
from kbtools.yaml_writer import Layout, to_yaml

#: The published Danish editor schema: a template handed to others gets editor help from it.
SCHEMA_URL = AGREEMENT.editor_url
STEP_NAMES = {
    1: "Den bærende idé",
    2: "Udvikling af konceptet",
    3: "Rolle- og arbejdsfordeling",
    4: "Den endelige partnerskabsaftale",
}
FIRST_YEAR = 2027


@dataclass(frozen=True)
class Party:
    id: str
    navn: str
    system: str


DEFAULT_PARTIES = (
    Party("jobcenter-eksempelby", "Jobcenter Eksempelby", "beskæftigelse"),
    Party("erhvervshus-eksempelby", "Erhvervshus Eksempelby", "erhvervsfremme"),
    Party("erhvervsskole-eksempelby", "Erhvervsskole Eksempelby", "uddannelse"),
)


def systems(schema: dict[str, Any] | None = None) -> list[str]:
    """The allowed `system` values, read from the schema."""
    schema = schema or AGREEMENT.schema
    values: list[str] = schema["properties"]["parter"]["items"]["properties"]["system"]["enum"]
    return values


def party_id(name: str, taken: set[str]) -> str:
    """A schema-valid id from a party name: lower case, æøå kept, other letters folded."""
    out = []
    for char in name.lower():
        if char in "æøå" or (char.isascii() and char.isalnum()):
            out.append(char)
        else:
            base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
            out.append(base if base.isalnum() else "-")
    ident = re.sub("-+", "-", "".join(out)).strip("-") or "part"
    candidate, n = ident, 2
    while candidate in taken:
        candidate, n = f"{ident}-{n}", n + 1
    taken.add(candidate)
    return candidate


#: The first word of every text placeholder; the user replaces what starts with it, so a
#: rendered template keeps it capitalised inside a sentence too.
PLACEHOLDER = "Skriv"


def _placeholder(schema: dict[str, Any], node: dict[str, Any]) -> Any:
    node = resolve(schema, node)
    if "const" in node:
        return node["const"]
    if "enum" in node:
        return node["enum"][0]
    kind = node.get("type")
    if kind == "object":
        props = node.get("properties")
        if not props:  # amounts per year
            return {FIRST_YEAR: 0, FIRST_YEAR + 1: 0}
        return {key: _placeholder(schema, sub) for key, sub in props.items()}
    if kind == "array":
        return [_placeholder(schema, node.get("items", {}))]
    if kind in ("number", "integer"):
        return node.get("exclusiveMinimum", -1) + 1 if "exclusiveMinimum" in node else 0
    if kind == "boolean":
        return True
    return _text_placeholder(node)


def _text_placeholder(node: dict[str, Any]) -> str:
    if node.get("format") == "date":
        return f"{FIRST_YEAR}-01-01"
    if "@" in str(node.get("pattern", "")) or node.get("format") == "email":
        return "navn@eksempelby.dk"
    if node.get("examples"):
        return str(node["examples"][0])
    title = str(node.get("title", "teksten")).lower()
    return f"{PLACEHOLDER} {title} her"


def skeleton(
    parties: tuple[Party, ...] | list[Party],
    titel: str | None = None,
    schema: dict[str, Any] = AGREEMENT.schema,
) -> dict[str, Any]:
    """The template's data: every element of the schema, parties filled in everywhere."""
    props = schema["properties"]
    data: dict[str, Any] = {k: _placeholder(schema, v) for k, v in props.items()}
    if titel:
        data["titel"] = titel
    contact = data["parter"][0]["kontakt"]
    data["parter"] = [
        {"id": p.id, "navn": p.navn, "system": p.system, "kontakt": dict(contact)} for p in parties
    ]
    role, resource, signature = data["roller"][0], data["ressourcer"][0], data["underskrifter"][0]
    data["roller"] = [{**role, "part": p.id} for p in parties]
    data["ressourcer"] = [{**resource, "part": p.id} for p in parties]
    data["underskrifter"] = [{**signature, "part": p.id} for p in parties]
    for group in ("styregruppe", "konsulentgruppe"):
        member = data["organisering"][group]["medlemmer"][0]
        data["organisering"][group]["medlemmer"] = [{**member, "part": p.id} for p in parties]
    data["varighed"]["slut"] = f"{FIRST_YEAR + 4}-12-31"
    return data


def _comment(schema: dict[str, Any], path: DataPath) -> str:
    """The comment above an element: its title, tringuide step, »anbefalet« and description."""
    node = node_at(schema, path)
    head = str(node.get("title", ""))
    extra = []
    if "x-trin" in node:
        step = int(node["x-trin"])
        extra.append(f"Trin {step}: {STEP_NAMES.get(step, '')}".rstrip(": "))
    if node.get("x-anbefalet"):
        extra.append("anbefalet")
    if extra:
        head += " (" + ", ".join(extra) + ")"
    return head + (". " + str(node["description"]) if node.get("description") else "")


def _layout(schema: dict[str, Any]) -> Layout:
    """Every text quoted (a placeholder stands out), each element explained in a comment, a
    group the schema gives no fields (amounts per year) on one line."""
    return Layout(
        comment=partial(_comment, schema),
        flow=lambda path: not node_at(schema, path).get("properties"),
        quote_texts=True,
        spaced=True,
    )


def render_template(
    parties: tuple[Party, ...] | list[Party] = DEFAULT_PARTIES,
    titel: str | None = None,
    schema: dict[str, Any] = AGREEMENT.schema,
) -> str:
    """The commented YAML template, with the editor schema line first."""
    header = (
        f"yaml-language-server: $schema={SCHEMA_URL}\n"
        "Skabelon til en partnerskabsaftale. Kommentarerne forklarer hvert element og hvilket\n"
        "trin i tringuiden der giver indholdet. Erstat alle tekster, der begynder med 'Skriv'."
    )
    return to_yaml(skeleton(parties, titel, schema), header, _layout(schema))
