"""The Word writer takes every valid agreement: long official names, long titles, Word's own
line and page breaks and other control characters in a value. And a failure of kbtools itself
is never reported as errors in the user's file."""

from __future__ import annotations

import json
import string
from pathlib import Path

import docx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbtools import render as render_package
from kbtools.cli import main

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "agreements" / "valid" / "minimal.yaml"


def agreement(tmp_path: Path, title: str, names: list[str], purpose: str = "Et formål.") -> Path:
    """The minimal agreement with ``title``, a party per name and ``purpose``."""
    data = yaml.safe_load(MINIMAL.read_text("utf-8"))
    data["titel"], data["formål"]["beskrivelse"] = title, purpose
    ids = [f"p{i}" for i in range(len(names))]
    kontakt = {"navn": "Anne"}
    data["parter"] = [
        {"id": i, "navn": n, "system": "civilsamfund", "kontakt": kontakt}
        for i, n in zip(ids, names, strict=True)
    ]
    data["roller"] = [{"part": i, "rolle": "Rolle", "opgaver": ["Opgave"]} for i in ids]
    data["ressourcer"] = [
        {"part": i, "bidrag": ["Tid"], "minimumstid": {"timer": 1, "pr": "uge"}} for i in ids
    ]
    data["underskrifter"] = [
        {"part": i, "navn": "Anne", "titel": "Chef", "dato": "2026-12-01"} for i in ids
    ]
    path = tmp_path / "aftale.yaml"
    path.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    return path


def render(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    out = path.with_suffix(".docx")
    out.unlink(missing_ok=True)
    code = main(["render", str(path), "--format", "docx", "-o", str(out)])
    return code, capsys.readouterr().err


def validate_errors(path: Path, capsys: pytest.CaptureFixture[str]) -> int:
    main(["validate", "--format", "json", str(path)])
    return int(json.loads(capsys.readouterr().out)["antal"]["fejl"])


OFFICIAL = [
    "Styrelsen for Arbejdsmarked og Rekruttering, Jobcenter Herning, Afdelingen for "
    "Virksomhedsservice og Rekruttering",
    "Erhvervshus Midtjylland, Erhvervsservice for Herning, Ikast-Brande, Herning og "
    "Ringkøbing-Skjern Kommuner",
    "Herning Erhvervsskole og Gymnasium, Afdelingen for Efter- og Videreuddannelse og "
    "Arbejdsmarkedsuddannelser",
]


def test_three_full_official_names_and_a_long_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = agreement(
        tmp_path, "Partnerskabsaftale om " + "kompetencer og rekruttering " * 12, OFFICIAL
    )
    assert validate_errors(path, capsys) == 0
    code, err = render(path, capsys)
    assert code == 0, err
    core = docx.Document(str(path.with_suffix(".docx"))).core_properties
    for value in (core.title, core.subject, core.keywords):
        assert 0 < len(value) <= 255
    assert core.keywords.endswith("…") and core.subject.endswith("…")


def test_words_line_and_page_breaks_and_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    purpose = "Første linje\vanden linje\fny side\x1b[31m rød\x07"
    path = agreement(tmp_path, "Aftale\v2027", ["Part A", "Part B\x0c"], purpose)
    assert validate_errors(path, capsys) == 0
    code, err = render(path, capsys)
    assert code == 0, err
    texts = [p.text for p in docx.Document(str(path.with_suffix(".docx"))).paragraphs]
    assert "Første linje\nanden linje\nny side[31m rød" in texts


def test_a_failure_of_kbtools_is_never_blamed_on_a_valid_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> bytes:
        raise ValueError("a bug")

    monkeypatch.setattr(render_package, "render_agreement", broken)
    path = agreement(tmp_path, "Aftale", ["Part A", "Part B"])
    code, err = render(path, capsys)
    assert code == 70
    assert "fejl i kbtools selv (ValueError)" in err and "Aftalen har ingen fejl" in err
    assert "har fejl, som" not in err
    assert not path.with_suffix(".docx").exists()


_NAME = st.text(
    st.sampled_from(string.ascii_letters + "æøåÆØÅ -,.\v\f\x1b\x07\t\u2028\u00ad"),
    min_size=1,
    max_size=300,
).filter(lambda name: name.strip(" \t\v\f\u2028") != "")


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_NAME, min_size=2, max_size=4), _NAME)
def test_every_agreement_validate_accepts_becomes_a_word_file(names: list[str], title: str) -> None:
    """Whatever names and title: when validate finds no errors, render writes the file; it is
    valid WordprocessingML, and the builder in the browser gives the same bytes."""
    import base64
    import contextlib
    import io
    import tempfile

    from wordfile import schema_errors

    from kbtools.browser.entry import call

    with tempfile.TemporaryDirectory() as folder:
        path = agreement(Path(folder), title, names)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main(["validate", "--format", "json", str(path)])
            errors = json.loads(out.getvalue())["antal"]["fejl"]
            code = main(["render", str(path), "--format", "docx", "-o", f"{folder}/a.docx"])
        assert code == (0 if errors == 0 else 1), err.getvalue()
        if code == 0:
            content = Path(folder, "a.docx").read_bytes()
            assert schema_errors(content) == []
            answer = json.loads(call("render_docx", json.dumps({"text": path.read_text("utf-8")})))
            assert base64.b64decode(answer["docx"]) == content
