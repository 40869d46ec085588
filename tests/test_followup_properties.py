"""Property tests for follow-ups: Fjordkommune's follow-ups, changed the way people change
them (a goal or budget line misspelt or left out, another year, unit or amount, a value of the
wrong type, text pasted in the wrong place), checked next to the agreement, which may be
damaged too.

``kbtools validate`` never fails, never changes its input, and finds exactly what the
browser's functions find when they are given the agreement alongside (``aftaler``) and the
same reference date (``dato``).
"""

from __future__ import annotations

import base64
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from browser_json import as_cli_json
from cli import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutation import replace_at

from kbtools.browser.entry import call

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "cases" / "fjordkommune"
AGREEMENT = (CASE / "aftale.yaml").read_text("utf-8")
FOLLOWUPS = [(CASE / f"opfoelgning-{year}.yaml").read_text("utf-8") for year in (2025, 2026)]
DAY = "2026-12-07"
SETTINGS = settings(
    max_examples=int(os.environ.get("KB_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

GOALS = [
    "80 virksomheder har fået et fælles besøg om året.",
    "200 medarbejdere i små virksomheder har fået opkvalificering.",
    "80 virksomheder har fået et besøg.",
    "Et helt andet mål.",
]
LINES = ["Fælles virksomhedsservice", "Udvikling af partnerskabet", "Udvikling", "Husleje"]
VALUES: list[Any] = ["", 0, -5, 2.5, 880.5, 10_000, True, None, [], {}, ["x"], "Skriv"]
YEARS: list[Any] = [2024, 2025, 2026, 2027, 2028, 2031, "2026", 20.5]
UNITS = ["1.000 kr.", "kr.", "mio. kr.", "t.kr."]
PIECES = ["\u00a0", "\t", ":", "- ", '"', "#", "\n", "  ", "10.000", "🙂", "&a ", "---\n"]


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(data, dict):
        children = list(data.items())
    elif isinstance(data, list):
        children = list(enumerate(data))
    else:
        return []
    found: list[tuple[Any, ...]] = []
    for key, value in children:
        found += [(*prefix, key), *_paths(value, (*prefix, key))]
    return found


#: Values people put under a key, besides values of the wrong type.
LIKELY: dict[str, list[Any]] = {
    "mål": list(GOALS),
    "post": list(LINES),
    "beløb": [0, 742, 880, 881, 1_000, -1],
    "år": YEARS,
    "enhed": list(UNITS),
}


def _value_for(draw: st.DrawFn, path: tuple[Any, ...]) -> Any:
    """A value of the kind people put there, or one of the wrong type."""
    likely = LIKELY.get(path[-1], []) if isinstance(path[-1], str) else []
    return draw(st.sampled_from(likely + VALUES))


def _as_data(draw: st.DrawFn, text: str) -> str:
    try:
        data = yaml.load(text, Loader=_LOADER)
    except (yaml.YAMLError, ValueError):
        return text
    paths = _paths(data)
    if not isinstance(data, dict) or not paths:
        return text
    path = draw(st.sampled_from(paths))
    replace_at(data, path, _value_for(draw, path), draw(st.booleans()))
    return str(yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False))


@st.composite
def changed(draw: st.DrawFn, texts: list[str], most: int = 3) -> bytes:
    """One of ``texts``, changed up to ``most`` times, mostly in its data."""
    text = draw(st.sampled_from(texts))
    for _ in range(draw(st.integers(0, most))):
        if draw(st.integers(0, 3)) == 0:
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
        else:
            text = _as_data(draw, text)
    return text.encode("utf-8", "surrogatepass")


def _encoded(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


@SETTINGS
@given(changed(FOLLOWUPS), changed([AGREEMENT], most=1))
def test_validate_and_the_browser_find_the_same_in_a_follow_up(
    followup: bytes, agreement: bytes
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path, beside = Path(folder) / "opfoelgning.yaml", Path(folder) / "aftale.yaml"
        path.write_bytes(followup)
        beside.write_bytes(agreement)
        before = {p.name: p.read_bytes() for p in Path(folder).iterdir()}
        code, out, err = run("validate", "--format", "json", "--dato", DAY, str(path))
        assert code in (0, 1), err
        expected = json.loads(out)["fund"]
        code, out, err = run("validate", "--format", "text", "--dato", DAY, folder)
        assert code in (0, 1, 2) and "Traceback" not in err
        assert {p.name: p.read_bytes() for p in Path(folder).iterdir()} == before
    args = {
        "base64": _encoded(followup),
        "name": str(path),
        "date": DAY,
        "agreements": [{"base64": _encoded(agreement), "name": str(beside)}],
    }
    for name in ("check", "load"):
        answer = json.loads(call(name, json.dumps(args)))
        assert "error" not in answer, answer
        assert [as_cli_json(f) for f in answer["findings"]] == expected


@SETTINGS
@given(changed(FOLLOWUPS))
def test_a_changed_follow_up_gets_located_findings_with_registered_codes(raw: bytes) -> None:
    from kbtools import check_bytes
    from kbtools.codes import registry

    codes = registry()
    given = [("aftale.yaml", AGREEMENT.encode())]
    result = check_bytes(raw, "opfoelgning.yaml", agreements=given)
    lines = raw.decode("utf-8", "replace").count("\n") + 1
    for finding in result.findings:
        assert codes[finding.code].level is finding.level
        assert 1 <= finding.line <= lines and finding.column >= 1
        assert finding.message and finding.help_url.startswith("https://")
