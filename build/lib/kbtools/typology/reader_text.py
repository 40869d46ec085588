"""Texts readers see on a case page that do not depend on the data: the reading guide, the
caveat next to the agreement's indications, and findings rewritten for readers (element titles
instead of YAML keys, no file lines)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from kbtools.danish import MONTHS
from kbtools.schemas import resolve

#: Next to the agreement's indications: they are not an assessment (in plain words).
INDICATION_CAVEAT = (
    "Det, aftalen peger på, er ikke en vurdering af partnerskabet. Værktøjet læser kun "
    "aftalens tekst og ser, hvilket niveau i typologien den svarer til. En typologivurdering "
    "laver partnerskabet selv ud fra, hvordan samarbejdet faktisk fungerer. Derfor kan de to "
    "give forskellige niveauer."
)

#: The short guide at the top of every case page.
READING_GUIDE = (
    "Sådan læser du siden: Først kommer partnerskabets seneste vurdering i typologien som "
    "diagram og tabel, derefter udviklingen over tid. Har deltagerne bedømt hver for sig, "
    "ser du så deres bedømmelser, og hvor de er uenige. Så følger ændringerne siden forrige "
    "vurdering, hvad partnerskabsaftalen peger på, og til sidst vores kontrol af aftalen og "
    "vurderingerne. Niveauerne er, fra lavest til højest: {levels}."
)


#: »»værdisæt« (Værdisæt)« in a message: the YAML key and the element's title.
_KEY_AND_TITLE = re.compile(r"»[^«»]*« \(([^()]*)\)")
_QUOTED = re.compile(r"»([^«»]*)«")


@cache
def element_titles() -> dict[str, str]:
    """Every YAML key of the agreement and assessment schemas → its title (»fælles_mål« →
    »Fælles mål«), the names readers know from the element pages."""
    titles: dict[str, str] = {}
    from kbtools.kinds import KINDS

    for kind in KINDS:
        schema = kind.schema
        _collect(schema, schema, titles, set())
    return titles


def _collect(schema: dict[str, Any], node: Any, titles: dict[str, str], seen: set[int]) -> None:
    if not isinstance(node, dict) or id(node) in seen:
        return
    seen.add(id(node))
    node = resolve(schema, node)
    for key, child in (node.get("properties") or {}).items():
        resolved = resolve(schema, child) if isinstance(child, dict) else {}
        title = resolved.get("title")
        if isinstance(title, str) and title:
            titles.setdefault(key, title)
        _collect(schema, child, titles, seen)
    for keyword in ("items", "additionalProperties"):
        _collect(schema, node.get(keyword), titles, seen)
    for keyword in ("anyOf", "oneOf", "allOf"):
        for child in node.get(keyword) or []:
            _collect(schema, child, titles, seen)


def plain(text: str) -> str:
    """``text`` with element titles for YAML keys: »»læring« (Læring og selvevaluering)« and
    »»læring«« both become »»Læring og selvevaluering««."""
    text = _KEY_AND_TITLE.sub(lambda m: f"»{m.group(1)}«", text)
    titles = element_titles()
    return _QUOTED.sub(lambda m: f"»{titles.get(m.group(1), m.group(1))}«", text)


_ASSESSMENT_FILE = re.compile(r"vurdering-(\d{4})-(\d{2})")


@dataclass(frozen=True)
class CaseFinding:
    """A finding in one of a case's files: its level, the file's name and the message."""

    level: str
    file: str
    line: int
    message: str

    @property
    def where(self) -> str:
        """»Aftalen«, »Vurderingen fra marts 2019« or the file's name: what readers know."""
        if self.file == "aftale.yaml":
            return "Aftalen"
        found = _ASSESSMENT_FILE.match(self.file)
        if found and 1 <= int(found.group(2)) <= 12:
            return f"Vurderingen fra {MONTHS[int(found.group(2)) - 1]} {found.group(1)}"
        return f"Filen {self.file}"

    @property
    def text(self) -> str:
        """»Anbefaling om aftalen: Overvej at tilføje »Værdisæt«. …« (element titles, no keys)."""
        where = self.where[0].lower() + self.where[1:]
        return f"{self.level} om {where}: {plain(self.message)}"
