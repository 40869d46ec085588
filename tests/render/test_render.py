"""`kbtools render`: read the produced files back and check what a signer would see."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from kbtools.cli import main

MIDTBY = Path(__file__).resolve().parents[2] / "cases" / "midtby" / "aftale.yaml"


def _broken(tmp_path: Path) -> Path:
    text = MIDTBY.read_text(encoding="utf-8").replace("system: uddannelse", "system: skole", 1)
    path = tmp_path / "fejl.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_docx_has_headings_tables_dates_and_signatures(tmp_path: Path) -> None:
    out = tmp_path / "aftale.docx"
    assert main(["render", str(MIDTBY), "--format", "docx", "-o", str(out)]) == 0
    document = docx.Document(str(out))
    headings = [
        p.text
        for p in document.paragraphs
        if p.style is not None and str(p.style.name).startswith("Heading 2")
    ]
    assert {"1. Parter", "4. Økonomi", "7. Varighed", "13. Underskrifter"} <= set(headings)
    texts = [p.text for p in document.paragraphs]
    assert "Aftalen gælder fra 1. januar 2017 til 31. december 2021." in texts
    assert "Budget (beløb i 1.000 kr.)" in texts
    budget = document.tables[2]  # after the parties and the goals
    assert [c.text for c in budget.rows[0].cells] == ["Post", "2017", "2018", "2019", "I alt"]
    assert budget.rows[-1].cells[0].text == "I alt"
    # Midtby's budget lines follow 004's table (see tests/test_source_figures.py).
    assert [c.text for c in budget.rows[1].cells][-1] == "7.500"
    assert [c.text for c in budget.rows[3].cells][-1] == "30.000"
    assert texts.count("________________________________") == 3  # a line to sign on each
    assert all(not p.text for s in document.sections for p in s.header.paragraphs)


def test_errors_refuse_render_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "aftale.docx"
    assert main(["render", str(_broken(tmp_path)), "--format", "docx", "-o", str(out)]) == 1
    assert "fejl.yaml:" in capsys.readouterr().out
    assert not out.exists()


def test_kladde_marks_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = str(_broken(tmp_path))
    out = tmp_path / "k.docx"
    assert main(["render", source, "--format", "docx", "-o", str(out), "--kladde"]) == 0
    for section in docx.Document(str(out)).sections:
        assert section.header.paragraphs[0].text.startswith("KLADDE")
    capsys.readouterr()
    assert main(["render", source, "--format", "md", "-o", "-", "--kladde"]) == 0
    assert capsys.readouterr().out.startswith("> **KLADDE")
    assert main(["render", source, "--format", "html", "-o", "-", "--kladde"]) == 0
    html = capsys.readouterr().out
    assert '<div class="kladde"' in html and "@media print" in html


def test_html_escapes_text_and_is_danish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = MIDTBY.read_text(encoding="utf-8").replace(
        "titel: Partnerskabsaftale for LKS Midtby (fiktivt eksempel)",
        'titel: "<script>alert(1)</script>"',
    )
    source = tmp_path / "a.yaml"
    source.write_text(text, encoding="utf-8")
    assert main(["render", str(source), "--format", "html", "-o", "-"]) == 0
    html = capsys.readouterr().out
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<html lang="da-DK">' in html and '<th scope="col"' in html


def test_overwrite_only_with_flag(tmp_path: Path) -> None:
    out = tmp_path / "a.md"
    out.write_text("gammel", encoding="utf-8")
    assert main(["render", str(MIDTBY), "--format", "md", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "gammel"
    assert main(["render", str(MIDTBY), "--format", "md", "-o", str(out), "--overskriv"]) == 0
    assert "15. december 2016" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["mangler.yaml", "."])
def test_bad_input_exits_2(tmp_path: Path, name: str) -> None:
    out = tmp_path / "x.md"
    assert main(["render", str(tmp_path / name), "--format", "md", "-o", str(out)]) == 2
    assert not out.exists()


ASSESSMENT = MIDTBY.with_name("vurdering-2018-03.yaml")


@pytest.mark.parametrize("overskriv", [[], ["--overskriv"]])
@pytest.mark.parametrize("how", ["same", "dot", "symlink", "hardlink"])
def test_render_never_replaces_its_own_input(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    how: str,
    overskriv: list[str],
) -> None:
    source = tmp_path / "aftale.yaml"
    source.write_bytes(MIDTBY.read_bytes())
    before = (source.read_bytes(), source.stat().st_mtime_ns)
    monkeypatch.chdir(tmp_path)
    target = {"same": "aftale.yaml", "dot": "./aftale.yaml", "symlink": "l.yaml", "hardlink": "h"}
    if how == "symlink":
        (tmp_path / "l.yaml").symlink_to(source)
    if how == "hardlink":
        (tmp_path / "h").hardlink_to(source)
    args = ["render", "aftale.yaml", "--format", "html", "-o", target[how], *overskriv]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "er den fil, dokumentet laves ud fra" in err and "--overskriv" not in err
    assert (source.read_bytes(), source.stat().st_mtime_ns) == before


def test_render_overwrites_atomically_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr("os.link", refuse)
    out = tmp_path / "a.md"
    assert main(["render", str(MIDTBY), "--format", "md", "-o", str(out)]) == 0
    assert main(["render", str(MIDTBY), "--format", "html", "-o", str(out), "--overskriv"]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_render_refuses_an_assessment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.md"
    assert main(["render", str(ASSESSMENT), "--format", "md", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "skema-forkert-slags" in err and "statusnotat ud fra en opfølgning" in err
    assert not out.exists()


def test_render_refuses_the_unfilled_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "aftale.yaml"
    assert main(["new", "aftale", str(source)]) == 0
    capsys.readouterr()
    out = tmp_path / "aftale.md"
    assert main(["render", str(source), "--format", "md", "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert not out.exists()
    assert "ikke udfyldt færdig" in captured.err and "--kladde" in captured.err
    assert re.search(r"linje \d+, \d+", captured.err)
    assert re.search(r"aftale\.yaml:\d+:\d+: advarsel \[aftale-pladsholder\]", captured.out)
    assert main(["render", str(source), "--format", "md", "-o", str(out), "--kladde"]) == 0
    assert out.read_text(encoding="utf-8").startswith("> **KLADDE")
