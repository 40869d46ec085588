"""Property tests for the commands: whatever the file, no command raises or changes its input.

Agreements and assessments from cases/ and tests/data are mutated the way files get damaged
in real life (text typed or pasted in the wrong place, keys deleted, values of the wrong type,
invisible characters from Word) and every command runs on them through ``kbtools.cli.main``;
so do the functions the browser tools call (``kbtools.browser.entry``).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
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
SOURCES = [*sorted((ROOT / "cases").rglob("*.yaml")), *sorted((ROOT / "tests").rglob("*.yaml"))]
TEXTS = [path.read_text(encoding="utf-8") for path in SOURCES]
#: What gets typed or pasted into a file by mistake.
PIECES = [
    "\u00a0",
    "\u200b",
    "\x0b",
    "\t",
    "\ufeff",
    "\u2028",
    ":",
    ": ",
    "- ",
    "-",
    '"',
    "'",
    "{",
    "[",
    "]",
    "#",
    "\n",
    "  ",
    "a\u030a",
    "10.000",
    "🙂",
    "→",
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "---\n",
    "skema: typologivurdering/1\n",
]
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
SETTINGS = settings(
    max_examples=int(os.environ.get("KB_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield (*prefix, index)
            yield from _paths(value, (*prefix, index))


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """One of the example files, damaged a few times at text or data level."""
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["insert", "delete-line", "indent", "data"]))
        lines = text.split("\n")
        if kind == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
        elif kind == "delete-line":
            del lines[draw(st.integers(0, len(lines) - 1))]
            text = "\n".join(lines)
        elif kind == "indent":
            index = draw(st.integers(0, len(lines) - 1))
            lines[index] = draw(st.sampled_from(["", " ", "   ", "\t"])) + lines[index].lstrip()
            text = "\n".join(lines)
        else:
            text = _damage_data(draw, text)
    return text.encode("utf-8", "surrogatepass")


def _damage_data(draw: st.DrawFn, text: str) -> str:
    try:
        data = yaml.load(text, Loader=_LOADER)
    except (yaml.YAMLError, ValueError):  # broken YAML, or a date like 2025-02-30
        return text
    paths = list(_paths(data))
    if not isinstance(data, dict) or not paths:
        return text
    path = draw(st.sampled_from(paths))
    value = draw(st.sampled_from(["", 0, -5, 2.5, True, None, [], {}, ["x"], {"a": 1}, "Skriv"]))
    replace_at(data, path, value, draw(st.booleans()))
    return str(yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False))


@contextlib.contextmanager
def input_file(raw: bytes) -> Iterator[tuple[Path, Path]]:
    """The damaged file in a fresh folder; afterwards, check that it was not changed."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "aftale.yaml"
        path.write_bytes(raw)
        before = (path.read_bytes(), path.stat().st_mtime_ns)
        yield path, Path(folder)
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before


@SETTINGS
@given(damaged())
def test_validate_never_raises_and_json_is_valid(raw: bytes) -> None:
    with input_file(raw) as (path, folder):
        code, out, _ = run("validate", "--format", "text", str(path))
        assert code in (0, 1, 2)
        assert "kontrolleret" in out
        code, out, _ = run("validate", "--format", "json", "--strict", str(folder))
        assert code in (0, 1, 2)
        payload = json.loads(out)
        assert set(payload) == {"filer", "sprunget_over", "antal", "fund"}
        assert sorted(p.name for p in folder.iterdir()) == ["aftale.yaml"]


@SETTINGS
@given(damaged(), st.sampled_from(["md", "html"]), st.booleans())
def test_render_never_raises_or_touches_its_input(raw: bytes, fmt: str, kladde: bool) -> None:
    with input_file(raw) as (path, folder):
        out = folder / f"aftale.{fmt}"
        flags = ["--kladde"] if kladde else []
        code, _, err = run("render", str(path), "--format", fmt, "-o", str(out), *flags)
        assert code in (0, 1, 2)
        assert out.exists() == (code == 0)
        if code == 0 and not kladde:
            assert "KLADDE" not in out.read_text(encoding="utf-8")
        code, _, err = run("render", str(path), "--format", fmt, "-o", str(path), "--overskriv")
        assert code == 2 and "dokumentet laves ud fra" in err
        assert sorted(p.name for p in folder.iterdir() if p != out) == ["aftale.yaml"]


@SETTINGS
@given(damaged())
def test_typology_never_raises_or_touches_its_input(raw: bytes) -> None:
    with input_file(raw) as (path, folder):
        code, out, err = run("typology", str(path))
        assert code in (0, 1, 2)
        assert (code == 0) == bool(out) and (code == 0) != bool(err)
        assert sorted(p.name for p in folder.iterdir()) == ["aftale.yaml"]


@SETTINGS
@given(damaged(), damaged())
def test_diff_never_raises_or_touches_its_inputs(old: bytes, new: bytes) -> None:
    """0 no change, 1 changes, 2 a file that cannot be compared; never a crash (exit 70)."""
    with input_file(old) as (old_path, _), input_file(new) as (new_path, _):
        code, out, err = run("diff", str(old_path), str(new_path))
        assert code in (0, 1, 2), err
        assert (code == 2) == bool(err) and (code == 2) != bool(out)
        code, out, _ = run("diff", str(old_path), str(old_path))
        assert code in (0, 2)
        assert code == 2 or out.startswith("Ingen ændringer")


_SPEC = st.text(
    alphabet=st.sampled_from("ab æøå:- \u00a0\t\"'\\/{}[]#\u030a🙂"), min_size=0, max_size=20
)


@SETTINGS
@given(st.lists(_SPEC, max_size=4), st.one_of(st.none(), _SPEC), st.booleans())
def test_new_never_raises_and_never_overwrites(
    parts: list[str], titel: str | None, exists: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "aftale.yaml"
        if exists:
            path.write_bytes(b"mit eget indhold")
        args = ["new", "aftale", str(path)]
        for spec in parts:
            args += ["--part", spec]
        if titel is not None:
            args += ["--titel", titel]
        code, _, err = run(*args)
        assert code in (0, 2), err
        if exists:
            assert code == 2 and path.read_bytes() == b"mit eget indhold"
        elif code == 0:
            code, out, _ = run("validate", "--format", "json", str(path))
            assert json.loads(out)["antal"]["fejl"] == 0 or titel == "" or code == 1
        assert sorted(os.listdir(folder)) in ([], ["aftale.yaml"])


def _validate_json(path: Path) -> list[dict[str, Any]]:
    _, out, _ = run("validate", "--format", "json", str(path))
    findings: list[dict[str, Any]] = json.loads(out)["fund"]
    return findings


@SETTINGS
@given(
    damaged(),
    st.sampled_from(
        ["check", "load", "render_html", "render_docx", "render_note", "read_note_file"]
    ),
)
def test_the_browsers_functions_never_fail_and_find_what_validate_finds(
    raw: bytes, name: str
) -> None:
    """The builder's front end (kbtools.browser.entry, run on Pyodide) on damaged files: an
    answer, never an error, with the findings ``kbtools validate --format json`` gives."""
    with input_file(raw) as (path, _):
        expected = _validate_json(path)
    encoded = base64.b64encode(raw).decode("ascii")
    answer = json.loads(call(name, json.dumps({"base64": encoded, "name": str(path)})))
    assert "error" not in answer, answer
    assert [as_cli_json(f) for f in answer["findings"]] == expected


@SETTINGS
@given(damaged())
def test_a_file_is_taken_for_the_note_exactly_when_render_reads_it_from_a_folder(
    raw: bytes,
) -> None:
    """The follow-up form's files for the status note (``read_note_file``), damaged: an
    assessment or a version of the agreement exactly when ``kbtools render`` would read it so
    among a follow-up's folder files (:func:`kbtools.render.note_sources.note_sources`)."""
    from kbtools.kinds.followup_agreement import agreements_from_texts
    from kbtools.render.note_sources import note_sources

    encoded = base64.b64encode(raw).decode("ascii")
    answer = json.loads(call("read_note_file", json.dumps({"base64": encoded, "name": "f.yaml"})))
    assert "error" not in answer, answer
    files = [("f.yaml", raw)]
    assert (answer["kind"] == "assessment") == bool(note_sources({}, files).assessments)
    assert (answer["kind"] == "agreement") == bool(agreements_from_texts(files))


@SETTINGS
@given(damaged())
def test_the_builders_word_file_is_the_one_render_writes(raw: bytes) -> None:
    """On any file, damaged or not: the builder's Word file (kbtools.browser.entry, run on
    Pyodide) is byte for byte what ``kbtools render --format docx --kladde`` writes, and
    there is one exactly when render writes one. A follow-up gives its status note (alone
    in its folder, as the browser is given no other files)."""
    with input_file(raw) as (path, folder):
        out = folder / "aftale.docx"
        code, _, err = run("render", str(path), "--format", "docx", "-o", str(out), "--kladde")
        assert code in (0, 2), err
        written = out.read_bytes() if code == 0 else None
        out.unlink(missing_ok=True)
    encoded = base64.b64encode(raw).decode("ascii")
    args = {"base64": encoded, "name": str(path)}
    answer = json.loads(call("render_docx", json.dumps(args)))
    assert "error" not in answer, answer
    if answer["docx"] is None:  # not an agreement: maybe a follow-up
        answer = json.loads(call("render_note", json.dumps({**args, "format": "docx"})))
        assert "error" not in answer, answer
    shown = None if answer["docx"] is None else base64.b64decode(answer["docx"])
    assert shown == written


@SETTINGS
@given(st.lists(damaged(), min_size=1, max_size=3))
def test_the_facilitator_view_never_fails_and_agrees_with_saml(raws: list[bytes]) -> None:
    """The facilitator view's function on damaged files: an answer, never an error; a combined
    file exactly when ``kbtools vurdering saml`` writes one."""
    files = [
        {"name": f"{i}.yaml", "base64": base64.b64encode(raw).decode("ascii")}
        for i, raw in enumerate(raws)
    ]
    answer = json.loads(call("combine", json.dumps({"files": files})))
    assert "error" not in answer, answer
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i, raw in enumerate(raws):
            paths.append(Path(folder) / f"{i}.yaml")
            paths[-1].write_bytes(raw)
        code, _, _ = run("vurdering", "saml", *map(str, paths), "-o", f"{folder}/ud.yaml")
    assert (answer["yaml"] is not None) == (code == 0)


#: The shipped agreements, assessments and ratings: files a walk must never skip silently.
OURS = [path.read_text("utf-8") for path in sorted((ROOT / "cases").rglob("*.yaml"))]


@SETTINGS
@given(
    st.sampled_from(OURS),
    st.sampled_from(["", "schema", "Schema", "shema", "skemaa", "type"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32-le"]),
    st.sampled_from(["aftale", "Aftale 2028", "lone", "x", "VURDERING"]),
    st.sampled_from([".yaml", ".YAML", ".yml", ".Yml"]),
)
def test_validate_never_skips_one_of_ours_silently(
    text: str, key: str, encoding: str, stem: str, suffix: str
) -> None:
    """An agreement, assessment or rating whose ``skema:`` line is gone or misspelled, saved in
    any encoding under any name, is checked or named in a finding: never only counted."""
    before, line, after = text.partition("\nskema:")
    assert line
    mangled = before + (f"\n{key}:" if key else "\n#") + after
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{stem}{suffix}"
        path.write_bytes(mangled.encode(encoding))
        code, out, _ = run("validate", "--format", "json", "--strict", folder)
    payload = json.loads(out)
    assert code != 0
    assert str(path) in {finding["fil"] for finding in payload["fund"]}


_RATINGS = sorted((ROOT / "cases" / "fjordkommune" / "bedoemmelser").rglob("*.yaml"))


@SETTINGS
@given(
    st.lists(st.sampled_from(_RATINGS), min_size=1, max_size=4, unique=True),
    st.lists(st.sampled_from([".yaml", ".YAML", ".yml", ".Yml", ".YML"]), min_size=4, max_size=4),
    st.booleans(),
)
def test_saml_on_a_folder_is_saml_on_its_files(
    ratings: list[Path], suffixes: list[str], junk: bool
) -> None:
    """A folder stands for exactly its visible YAML files, whatever the suffix's case; the
    ``._`` files macOS leaves beside them never count."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for rating, suffix in zip(ratings, suffixes, strict=False):
            paths.append(Path(folder) / f"{rating.parent.name}-{rating.stem}{suffix}")
            paths[-1].write_bytes(rating.read_bytes())
            if junk:
                (Path(folder) / f"._{paths[-1].name}").write_bytes(b"\x00\x05\x16\x07\xff")
        by_folder = run("vurdering", "saml", folder, "-o", "-")
        by_files = run("vurdering", "saml", *sorted(map(str, paths)), "-o", "-")
    assert by_folder == by_files
