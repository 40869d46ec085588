"""Texts readers see on a case page that do not depend on the data: the reading guide, the
caveat next to the agreement's indications, and findings worded for readers (element titles
instead of YAML keys, no file lines: :attr:`kbtools.findings.Finding.reader_message`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kbtools.danish import MONTHS

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


_ASSESSMENT_FILE = re.compile(r"vurdering-(\d{4})-(\d{2})")
_FOLLOWUP_FILE = re.compile(r"(?:opfoelgning|opfølgning)-(\d{4})\.ya?ml")


@dataclass(frozen=True)
class CaseFinding:
    """A finding in one of a case's files: its level, the file's name and the message for
    readers (elements named by title)."""

    level: str
    file: str
    line: int
    message: str

    @property
    def where(self) -> str:
        """»Aftalen«, »Vurderingen fra marts 2019«, »Opfølgningen for 2026« or the file's
        name: what readers know."""
        if self.file == "aftale.yaml":
            return "Aftalen"
        if followup := _FOLLOWUP_FILE.fullmatch(self.file):
            return f"Opfølgningen for {followup.group(1)}"
        found = _ASSESSMENT_FILE.match(self.file)
        if found and 1 <= int(found.group(2)) <= 12:
            return f"Vurderingen fra {MONTHS[int(found.group(2)) - 1]} {found.group(1)}"
        return f"Filen {self.file}"

    @property
    def text(self) -> str:
        """»Anbefaling om aftalen: Overvej at tilføje »Værdisæt«. …« (element titles, no keys)."""
        where = self.where[0].lower() + self.where[1:]
        return f"{self.level} om {where}: {self.message}"
