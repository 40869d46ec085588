"""The registry of finding codes: every code emitted is registered, with one level and one
meaning, and only :class:`~kbtools.findings.Code` makes findings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from kbtools import CheckResult, check_bytes, check_file
from kbtools.codes import all_codes, groups, registry
from kbtools.findings import Code, Level

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "kbtools"
CORPUS = sorted((ROOT / "tests" / "data").rglob("*.yaml")) + sorted(
    (ROOT / "cases").rglob("*.yaml")
)

MINIMAL = (ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").read_text("utf-8")
MIDTBY = (ROOT / "cases" / "midtby" / "aftale.yaml").read_text("utf-8")
ASSESSMENT = (ROOT / "cases" / "midtby" / "vurdering-2018-03.yaml").read_text("utf-8")


def mutated(text: str, old: str, new: str) -> bytes:
    assert old in text
    return text.replace(old, new, 1).encode()


#: Small files that each trigger a code the corpus above does not.
TRIGGERS = {
    "yaml-flere-dokumenter": b"skema: partnerskabsaftale/1\n---\nskema: x\n",
    "yaml-anker": b"a: &std 10\nb: *std\n",
    "yaml-tag": b"dato: !!str 2027-01-01\n",
    "yaml-topniveau": b"- skema: partnerskabsaftale/1\n",
    "yaml-noegle": b"[a, b]: 1\n",
    "yaml-dobbelt-noegle": b"titel: A\ntitel: B\n",
    "yaml-tom": b"",
    "bedoemmelse-tomt-navn": (
        'skema: typologibedømmelse/1\npartnerskab: LKS A\ndato: 2025-03-10\nnavn: " "\n'
        "system: andet\nniveauer:\n  maal: klub\n"
    ).encode(),
    "yaml-tabulator": b"a:\n\tb: 1\n",
    "yaml-nul-tegn": b"a: \x00\n",
    "yaml-kodning": b"a: \xff\xfe\n",
    "yaml-syntaks": b'a: "b\n',
    "yaml-for-dyb": b"a: " + b"[" * 150 + b"]" * 150 + b"\n",
    "yaml-kommentar-i-tekst": mutated(MINIMAL, "ansvar: A har ansvaret.", "ansvar: A # og B."),
    "yaml-decimalkomma": mutated(MINIMAL, "timer: 5", "timer: 7,5"),
    "yaml-for-stort-tal": mutated(MINIMAL, "2027: 100, 2028", "2027: 1.0e999, 2028"),
    "skema-ukendt": b"skema: partnerskabsaftale/2\n",
    "skema-minimum": mutated(MINIMAL, "timer: 5", "timer: -5"),
    "skema-moenster": mutated(MINIMAL, "id: a", "id: A B"),
    "skema-noegle": mutated(MINIMAL, "2027: 100, 2028", "'17': 100, 2028"),
    "skema-tom": mutated(MINIMAL, "pr_år: {2027: 100, 2028: 100}, i_alt: 200", "pr_år: {}"),
    "aftale-ukendt-part": mutated(MIDTBY, "  - part: jobcenter", "  - part: Jobcenter"),
    "skema-for-faa": mutated(MINIMAL, "opgaver: [Opgave A]", "opgaver: []"),
    "skema-tom-tekst": mutated(MINIMAL, "ansvar: A har ansvaret.", "ansvar: ''"),
    "vurdering-parameter-mangler": mutated(ASSESSMENT, "parameter: mandat", "parameter: mandatet"),
    "vurdering-parameter-dobbelt": mutated(ASSESSMENT, "parameter: maal", "parameter: mandat"),
    "vurdering-retning": mutated(
        ASSESSMENT, "niveau: klub", "niveau: kantine\n    retning: kompagni"
    ),
}


FJORD = (ROOT / "cases" / "fjordkommune" / "aftale.yaml").read_bytes()
FOLLOWUP = (ROOT / "cases" / "fjordkommune" / "opfoelgning-2026.yaml").read_text("utf-8")
BESIDE: dict[str, Any] = {"agreements": [("aftale.yaml", FJORD)]}
GOAL_1 = "80 virksomheder har fået et fælles besøg om året."
GOAL_2 = "200 medarbejdere i små virksomheder har fået opkvalificering."

#: Codes that depend on more than the file: the day it is checked on, or a follow-up's
#: agreement (given as the browser gives it), with the file and what is given with it.
GIVEN: dict[str, tuple[bytes, dict[str, Any]]] = {
    "aftale-udloeber-snart": (FJORD, {"today": dt.date(2029, 11, 1)}),
    "aftale-udloebet": (FJORD, {"today": dt.date(2030, 1, 1)}),
    "opfoelgning-ingen-aftale": (FOLLOWUP.encode(), {}),
    "opfoelgning-aar-uden-for-aftale": (mutated(FOLLOWUP, "år: 2026", "år: 2031"), BESIDE),
    "opfoelgning-maal-mangler": (mutated(FOLLOWUP, GOAL_1, "90 virksomheder."), BESIDE),
    "opfoelgning-ukendt-maal": (
        mutated(FOLLOWUP, GOAL_1, "80 virksomheder har fået besøg."),
        BESIDE,
    ),
    "opfoelgning-maal-dobbelt": (mutated(FOLLOWUP, GOAL_2, GOAL_1), BESIDE),
    "opfoelgning-enhed": (mutated(FOLLOWUP, "enhed: 1.000 kr.", "enhed: kr."), BESIDE),
    "opfoelgning-ukendt-post": (
        mutated(FOLLOWUP, "Udvikling af partnerskabet", "Udvikling af partnerskab"),
        BESIDE,
    ),
    "opfoelgning-aar-uden-budget": (mutated(FOLLOWUP, "år: 2026", "år: 2027"), BESIDE),
    "opfoelgning-overforbrug": (mutated(FOLLOWUP, "beløb: 806", "beløb: 950"), BESIDE),
    "opfoelgning-anbefalet": (mutated(FOLLOWUP, "\nlæring:", "\nlæst:"), BESIDE),
}


def given_results() -> list[CheckResult]:
    return [check_bytes(raw, "x.yaml", **given) for raw, given in GIVEN.values()]


def test_ids_are_unique_stable_ascii_and_explained() -> None:
    codes = registry()  # raises on a duplicate id
    assert len(codes) == len(all_codes())
    for code in codes.values():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", code.id), code.id
        assert isinstance(code.level, Level)
        assert code.meaning.strip().endswith(".") and code.example.strip()


def test_groups_cover_every_kind_and_the_loader() -> None:
    headings = [heading for heading, _ in groups()]
    assert headings[:3] == ["Indlæsning af filen", "Filens slags", "Formatet (skemaet)"]
    assert "Regler for en partnerskabsaftale" in headings
    assert "Regler for en typologivurdering" in headings


def test_only_code_values_make_findings() -> None:
    """``Finding(...)`` is constructed in findings.py only, so no code bypasses the registry."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if path.name != "findings.py" and re.search(r"\bFinding\(", path.read_text("utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_code_in_the_corpus_is_registered(path: Path) -> None:
    codes = registry()
    for finding in check_file(path).findings:
        assert finding.code in codes
        assert finding.level is codes[finding.code].level


@pytest.mark.parametrize("code", sorted(GIVEN))
def test_what_is_given_with_a_file_gives_its_registered_code(code: str) -> None:
    raw, given = GIVEN[code]
    found = {f.code: f for f in check_bytes(raw, "x.yaml", **given).findings}
    assert code in found
    assert found[code].level is registry()[code].level


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_trigger_gives_its_registered_code(code: str) -> None:
    found = {f.code: f for f in check_bytes(TRIGGERS[code], "x.yaml").findings}
    assert code in found
    assert found[code].level is registry()[code].level


def test_most_codes_are_exercised() -> None:
    """Every registered code is emitted by the corpus or a trigger, except the few that only
    an environment can cause (an unreadable file, a bug in kbtools, a command's kind check)."""
    emitted = {f.code for path in CORPUS for f in check_file(path).findings}
    emitted |= {f.code for raw in TRIGGERS.values() for f in check_bytes(raw, "x.yaml").findings}
    emitted |= {f.code for result in given_results() for f in result.findings}
    environmental = {
        "fil-ulaeselig",
        "yaml-for-stor",
        "yaml-uventet",
        "intern-fejl",
        "skema-forkert-slags",
        "skema-for-mange",  # no shipped schema has maxItems today (the validator supports it)
        "skema-ugyldig",  # a fallback for a schema keyword without a code of its own
        "aftale-frist-efter-slut",  # tested in tests/checking/test_agreements.py
        # files a folder walk does not check: tested in tests/test_unchecked.py
        "fil-ikke-kontrolleret",
        "fil-ukendt-kodning",
        # kbtools vurdering saml: tested in tests/typology/test_combine.py
        "saml-andet-partnerskab",
        "saml-anden-dato",
        "saml-samme-deltager",
        "saml-parameter-ubedoemt",
        "saml-partnerskab-stavet-anderledes",
    }
    assert set(registry()) - emitted - environmental == set()


def test_a_code_has_one_level() -> None:
    code = Code("test-kode", Level.ADVARSEL, "Betyder noget.", "Eksempel.")
    finding = code.finding("f.yaml", 2, 3, "Besked.", path=("a", 0))
    assert (finding.code, finding.level, finding.path) == ("test-kode", Level.ADVARSEL, ("a", 0))


#: What may differ between an example and a real message: a quoted name, a parenthesis (a
#: party id, a date), a number; »…« stands for anything.
_VARIABLE = re.compile(r"(»[^«]*«)|(\([^)]*\))|(-?\d[\d.,]*\d|\d)|(…)")
_WILDCARDS = ("»[^«]*«", r"\([^)]*\)", r"-?\d[\d.,]*", ".*")


def example_pattern(example: str) -> re.Pattern[str]:
    """The example as a pattern of the real message it stands for."""
    parts, position = [], 0
    for match in _VARIABLE.finditer(example):
        parts.append(re.escape(example[position : match.start()]))
        parts.append(_WILDCARDS[match.lastindex - 1 if match.lastindex else 0])
        position = match.end()
    parts.append(re.escape(example[position:]))
    return re.compile("".join(parts))


def test_examples_are_real_messages() -> None:
    """Every example in the registry has the shape of a message kbtools really gives."""
    messages: dict[str, set[str]] = {}
    results = [check_file(path) for path in CORPUS]
    results += [check_bytes(raw, "x.yaml") for raw in TRIGGERS.values()]
    results += given_results()
    for result in results:
        for finding in result.findings:
            messages.setdefault(finding.code, set()).add(finding.message)
    wrong = {
        code.id: code.example
        for code in all_codes()
        if code.id in messages
        and not any(example_pattern(code.example).fullmatch(m) for m in messages[code.id])
    }
    assert wrong == {}


def test_every_code_defined_in_the_package_is_registered() -> None:
    """A Code defined in any module (and so possibly emitted) is in the registry."""
    import importlib
    import pkgutil

    import kbtools

    registered = set(registry())
    defined: set[str] = set()
    for module_info in pkgutil.walk_packages(kbtools.__path__, "kbtools."):
        if module_info.name.startswith("kbtools.sphinxext") or module_info.name.endswith(
            "__main__"
        ):
            continue  # Sphinx's side defines no codes; __main__ runs the CLI
        module = importlib.import_module(module_info.name)
        defined |= {v.id for v in vars(module).values() if isinstance(v, Code)}
    assert defined - registered == set()
    assert len(defined) > 40
