"""``kbtools vurdering saml``: combining participants' ratings into one assessment."""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kbtools import check_file
from kbtools.api import check_bytes
from kbtools.cli import main
from kbtools.data.typology import load_typology
from kbtools.findings import Level
from kbtools.loading import load_bytes, load_path
from kbtools.typology.combine import combine, combine_bytes, same_partnership
from kbtools.typology.ratings import Rating, lower_median, spread
from kbtools.yaml_writer import to_yaml

REPO = Path(__file__).resolve().parents[2]
CASE = REPO / "cases" / "fjordkommune"
RATINGS = CASE / "bedoemmelser"
LEVELS = ("kantine", "klub", "kompagni")
PARAMETERS = load_typology().parameter_ids


def rating_text(name: str, system: str, levels: dict[str, str], **fields: str) -> str:
    data = {
        "skema": "typologibedømmelse/1",
        "partnerskab": fields.get("partnerskab", "LKS Testby"),
        "dato": fields.get("dato", "2025-03-10"),
        "navn": name,
        "system": system,
        "niveauer": levels,
    }
    return to_yaml(data)


def every(level: str) -> dict[str, str]:
    return dict.fromkeys(PARAMETERS, level)


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_lower_median_takes_the_lower_of_two_middle_values() -> None:
    assert lower_median([2, 0, 1]) == 1
    assert lower_median([0, 2]) == 0
    assert lower_median([1, 2, 2, 1]) == 1
    assert lower_median([2]) == 2
    with pytest.raises(ValueError):
        lower_median([])


def test_spread_marks_full_span_and_different_systems() -> None:
    ratings = [
        Rating("A", "beskæftigelse", None, {"mandat": "kantine"}, {}),
        Rating("B", "uddannelse", None, {"mandat": "klub"}, {}),
        Rating("C", "uddannelse", None, {"mandat": "klub"}, {}),
        Rating("D", "erhvervsfremme", None, {"mandat": "kompagni"}, {}),
    ]
    item = spread(ratings, "mandat")
    assert item.counts == (("kantine", 1), ("klub", 2), ("kompagni", 1))
    assert item.proposal == "klub" and item.total == 4
    # a system is compared only where at least two of its participants rated the parameter
    assert item.by_system == (("uddannelse", "klub"),)
    assert item.full_span and not item.systems_differ and item.discuss
    two_each = [
        *ratings,
        Rating("E", "beskæftigelse", None, {"mandat": "kantine"}, {}),
        Rating("F", "erhvervsfremme", None, {"mandat": "kompagni"}, {}),
    ]
    assert spread(two_each, "mandat").by_system == (
        ("beskæftigelse", "kantine"),
        ("uddannelse", "klub"),
        ("erhvervsfremme", "kompagni"),
    )
    assert spread(two_each, "mandat").systems_differ
    agreeing = spread(ratings[1:3], "mandat")
    assert not agreeing.discuss and agreeing.span == 0
    # two steps apart within one system is a full span even though the systems agree
    wide = [
        Rating("A", "uddannelse", None, {"maal": "kantine"}, {}),
        Rating("B", "uddannelse", None, {"maal": "kompagni"}, {}),
    ]
    assert spread(wide, "maal").full_span and not spread(wide, "maal").systems_differ


def test_case_assessments_are_what_saml_proposes() -> None:
    """The fictional case: its assessments keep exactly the ratings of its rating files,
    and the agreed profile and the marks are saml's proposal."""
    for day, month in (("2025-03-10", "2025-03"), ("2025-09-15", "2025-09")):
        files = sorted((RATINGS / day).glob("*.yaml"))
        assert len(files) == 8
        combined = combine([check_file(file) for file in files])
        assert combined.data is not None and combined.findings == ()
        document, _ = load_path(CASE / f"vurdering-{month}.yaml")
        assert document is not None
        kept = document.data
        assert kept["bedømmelser"] == combined.data["bedømmelser"]
        for mine, proposed in zip(kept["parametre"], combined.data["parametre"], strict=True):
            assert mine["parameter"] == proposed["parameter"]
            assert mine["niveau"] == proposed["niveau"]
            assert mine.get("drøftes", False) == proposed.get("drøftes", False)
        systems = {rating["system"] for rating in kept["bedømmelser"]}
        assert systems == {"beskæftigelse", "uddannelse", "erhvervsfremme"}
        assert {rating["rolle"] for rating in kept["bedømmelser"]} == {"ledelse", "medarbejder"}


def test_saml_writes_a_valid_assessment(tmp_path: Path) -> None:
    out = tmp_path / "vurdering.yaml"
    code, stdout, err = run("vurdering", "saml", str(RATINGS / "2025-03-10"), "-o", str(out))
    assert code == 0, err
    assert "8 bedømmelser samlet; 3 af 8 parametre bør drøftes" in stdout
    assert "Et system sammenlignes kun på en parameter, som mindst to deltagere" in stdout
    result = check_file(out)
    assert result.findings == ()
    assert result.kind is not None and result.kind.label == "typologivurdering"
    text = out.read_text(encoding="utf-8")
    assert "medianen" in text and "det laveste af dem" in text
    drøftes = [p["parameter"] for p in result.data["parametre"] if p.get("drøftes")]
    assert drøftes == ["ressourcer", "laering", "projektindsatser"]
    assert len(result.data["bedømmelser"]) == 8


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u0085", "\u007f", "\u0080", "\ufeff"])
def test_an_escaped_separator_or_control_in_a_name_is_written_escaped(
    tmp_path: Path, char: str
) -> None:
    # a valid rating may write these as \u escapes; JSON's quoting leaves them raw, which YAML
    # refuses (DEL, C1) or reads as a line break (NEL, U+2028, U+2029)
    escaped = f"Bo\\u{ord(char):04x}Ærø"
    first = write(tmp_path, "a.yaml", rating_text("Anna", "uddannelse", every("klub")))
    text = rating_text("X", "virksomhed", every("kompagni")).replace('"X"', f'"{escaped}"')
    second = write(tmp_path, "b.yaml", text)
    assert check_file(second).data["navn"] == f"Bo{char}Ærø"
    out = tmp_path / "vurdering.yaml"
    code, _, err = run("vurdering", "saml", str(first), str(second), "-o", str(out))
    assert code == 0, err
    result = check_file(out)
    assert result.findings == ()
    assert [r["navn"] for r in result.data["bedømmelser"]] == ["Anna", f"Bo{char}Ærø"]
    assert result.data["vurderet_af"][1] == f"Bo{char}Ærø (virksomhed)"


def test_refuses_to_overwrite_and_never_writes_over_an_input(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", rating_text("Anna", "uddannelse", every("klub")))
    b = write(tmp_path, "b.yaml", rating_text("Bo", "beskæftigelse", every("kantine")))
    out = write(tmp_path, "v.yaml", "gammel\n")
    code, _, err = run("vurdering", "saml", str(a), str(b), "-o", str(out))
    assert code == 2 and "findes allerede" in err and "--overskriv" in err
    assert out.read_text(encoding="utf-8") == "gammel\n"
    before = a.read_bytes()
    code, _, err = run("vurdering", "saml", str(a), str(b), "-o", str(a), "--overskriv")
    assert code == 2 and "aldrig overskrevet" in err
    assert a.read_bytes() == before
    code, _, _ = run("vurdering", "saml", str(a), str(b), "-o", str(out), "--overskriv")
    assert code == 0 and check_file(out).findings == ()


def test_mixed_partnerships_and_dates_are_refused_with_positions(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", rating_text("Anna", "uddannelse", every("klub")))
    b = write(
        tmp_path,
        "b.yaml",
        rating_text(
            "Bo", "uddannelse", every("klub"), partnerskab="LKS Andenby", dato="2025-03-11"
        ),
    )
    out = tmp_path / "v.yaml"
    code, _, err = run("vurdering", "saml", str(a), str(b), "-o", str(out))
    assert code == 1 and not out.exists()
    assert f"{b}:2:14: fejl [saml-andet-partnerskab] Partnerskabet er »LKS Andenby«" in err
    assert f"{b}:3:7: fejl [saml-anden-dato] Datoen er 2025-03-11, men i {a}" in err
    assert "Traceback" not in err


def test_a_partnership_written_otherwise_is_the_same_with_a_note(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", rating_text("Anna", "uddannelse", every("klub")))
    b = write(
        tmp_path,
        "b.yaml",
        rating_text("Bo", "uddannelse", every("klub"), partnerskab="lks-testby"),
    )
    first = yaml.safe_load(a.read_text(encoding="utf-8"))["partnerskab"]
    assert same_partnership(first, "lks-testby") and not same_partnership(first, "LKS Sydby")
    assert same_partnership("LKS  Testby", "lks-testby") and first == "LKS Testby"
    out = tmp_path / "v.yaml"
    code, _, err = run("vurdering", "saml", str(a), str(b), "-o", str(out))
    assert code == 0, err
    assert "advarsel [saml-partnerskab-stavet-anderledes] Partnerskabet er skrevet" in err
    assert f"»lks-testby« i {b}" in err
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["partnerskab"] == first


def test_duplicate_raters_are_refused(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", rating_text("Anna Holm", "uddannelse", every("klub")))
    b = write(tmp_path, "b.yaml", rating_text("anna  holm", "uddannelse", every("kompagni")))
    code, _, err = run("vurdering", "saml", str(a), str(b), "-o", str(tmp_path / "v.yaml"))
    assert code == 1
    assert f"{b}:4:7: fejl [saml-samme-deltager] »anna  holm« har også en bedømmelse i {a}" in err


def test_the_same_file_twice_is_named_as_such(tmp_path: Path) -> None:
    # a folder and a file in it: the message must not say the file has a second rating in itself
    first = write(tmp_path, "a.yaml", rating_text("Anna", "uddannelse", every("klub")))
    write(tmp_path, "b.yaml", rating_text("Bo", "virksomhed", every("klub")))
    code, _, err = run("vurdering", "saml", str(tmp_path), str(first), "-o", "-")
    assert code == 1
    assert f"Filen {first} er med to gange. Tag den kun med én gang." in err
    assert "har også en bedømmelse" not in err


def test_one_rating_is_counted_in_the_singular(tmp_path: Path) -> None:
    rating = write(tmp_path, "a.yaml", rating_text("Anna", "uddannelse", every("klub")))
    out = tmp_path / "vurdering.yaml"
    code, stdout, err = run("vurdering", "saml", str(rating), "-o", str(out))
    assert code == 0, err
    assert stdout == f"Skrev {out}: 1 bedømmelse samlet; 0 af 8 parametre bør drøftes.\n"


def test_missing_parameters(tmp_path: Path) -> None:
    """A skipped parameter is a warning and the others decide; nobody rating it refuses."""
    skipped = {p: "klub" for p in PARAMETERS if p != "laering"}
    a = write(tmp_path, "a.yaml", rating_text("Anna", "uddannelse", skipped))
    b = write(tmp_path, "b.yaml", rating_text("Bo", "beskæftigelse", every("kompagni")))
    out = tmp_path / "v.yaml"
    code, _, err = run("vurdering", "saml", str(a), str(b), "-o", str(out))
    assert code == 0
    assert "[bedoemmelse-parameter-mangler]" in err
    laering = next(p for p in check_file(out).data["parametre"] if p["parameter"] == "laering")
    assert laering["niveau"] == "kompagni" and "1 bedømmelse: 1 kompagni" in laering["begrundelse"]
    c = write(tmp_path, "c.yaml", rating_text("Carl", "erhvervsfremme", skipped))
    code, _, err = run("vurdering", "saml", str(a), str(c), "-o", str(tmp_path / "w.yaml"))
    assert code == 1 and "[saml-parameter-ubedoemt]" in err and "Læring" in err


def test_other_kinds_and_broken_files_are_refused(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", rating_text("Anna", "uddannelse", every("klub")))
    code, _, err = run("vurdering", "saml", str(a), str(CASE / "vurdering-2025-03.yaml"), "-o", "-")
    assert code == 1 and "[skema-forkert-slags]" in err
    broken = write(tmp_path, "b.yaml", rating_text("Bo", "uddannelse", every("klubben")))
    code, _, err = run("vurdering", "saml", str(a), str(broken), "-o", "-")
    assert code == 1 and "Mente du »klub«?" in err
    code, _, err = run("vurdering", "saml", str(tmp_path / "findes-ikke.yaml"), "-o", "-")
    assert code == 2 and "findes-ikke.yaml" in err


def test_combine_bytes_is_the_browser_entry() -> None:
    files = [
        ("a.yaml", rating_text("Anna", "uddannelse", every("kantine")).encode()),
        ("b.yaml", rating_text("Bo", "erhvervsfremme", every("kompagni")).encode()),
    ]
    combined = combine_bytes(files)
    assert combined.data is not None
    assert all(p["niveau"] == "kantine" and p["drøftes"] for p in combined.data["parametre"])
    assert check_bytes(to_yaml(combined.data).encode(), "v.yaml").findings == ()


_TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), min_size=1)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            _TEXT,
            st.sampled_from(["beskæftigelse", "uddannelse", "erhvervsfremme", "andet"]),
            st.dictionaries(st.sampled_from(PARAMETERS), st.sampled_from(LEVELS), min_size=1),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_ratings_give_findings_or_a_valid_assessment_that_reads_back(
    raters: list[tuple[str, str, dict[str, str]]],
) -> None:
    files = [
        (f"{index}.yaml", rating_text(name, system, levels).encode())
        for index, (name, system, levels) in enumerate(raters)
    ]
    combined = combine_bytes(files)
    if combined.data is None:
        assert any(f.level is Level.FEJL for f in combined.findings)
        return
    text = to_yaml(combined.data)
    document, _ = load_bytes(text.encode(), "v.yaml")
    assert document is not None and document.data == combined.data
    assert not check_bytes(text.encode(), "v.yaml").has_errors
    for item in combined.data["parametre"]:
        rated = [
            levels[item["parameter"]] for _, _, levels in raters if item["parameter"] in levels
        ]
        ranks = sorted(LEVELS.index(level) for level in rated)
        assert LEVELS.index(item["niveau"]) == ranks[(len(ranks) - 1) // 2]


_SOURCES = sorted(RATINGS.rglob("*.yaml"))
_PIECES = ["\u00a0", "\t", ":", ": ", "- ", '"', "#", "\n", "  ", "🙂", "---\n", "{", "10.000"]


@st.composite
def _damaged(draw: st.DrawFn) -> bytes:
    text = draw(st.sampled_from(_SOURCES)).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(0, 3))):
        lines = text.split("\n")
        if draw(st.booleans()):
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(_PIECES)) + text[at:]
        else:
            del lines[draw(st.integers(0, len(lines) - 1))]
            text = "\n".join(lines)
    return text.encode("utf-8")


@settings(max_examples=40, deadline=None)
@given(st.lists(_damaged(), min_size=1, max_size=3), st.booleans())
def test_saml_never_raises_or_touches_its_inputs(raws: list[bytes], overwrite: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = [
            write(Path(folder), f"{i}.yaml", raw.decode("utf-8")) for i, raw in enumerate(raws)
        ]
        out = Path(folder) / "ud" / "v.yaml"
        out.parent.mkdir()
        flags = ["--overskriv"] if overwrite else []
        code, stdout, err = run("vurdering", "saml", *map(str, paths), "-o", str(out), *flags)
        assert code in (0, 1, 2) and "Traceback" not in err
        assert out.exists() == (code == 0)
        assert (code == 0) == stdout.startswith("Skrev")
        if code == 0:
            assert not check_file(out).has_errors
        code, _, err = run(
            "vurdering", "saml", *map(str, paths), "-o", str(paths[0]), "--overskriv"
        )
        assert code in (1, 2)
        assert [p.read_bytes() for p in paths] == raws


def test_a_refusal_for_a_broken_file_reports_every_files_findings_as_validate_does(
    tmp_path: Path,
) -> None:
    broken = write(tmp_path, "a.yaml", rating_text("A", "uddannelse", every("klubben")))
    partial = write(tmp_path, "b.yaml", rating_text("B", "beskæftigelse", {"mandat": "klub"}))
    validate_code, validated, _ = run("validate", str(broken), str(partial))
    assert validate_code == 1 and "advarsel [bedoemmelse-parameter-mangler]" in validated
    code, _, err = run("vurdering", "saml", str(broken), str(partial), "-o", str(tmp_path / "v"))
    assert code == 1
    # the same findings and the same count line as validate, warnings of the other file too
    assert err.startswith(validated.rstrip("\n").rsplit("\n", 1)[0])
    assert validated.splitlines()[-1] in err
