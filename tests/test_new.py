"""`kbtools new aftale`: parties everywhere, never overwrite, clear Danish refusals."""

from __future__ import annotations

import contextlib
import io
import tempfile
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbtools import check_file
from kbtools.cli import main
from kbtools.loading import load_path

PARTS = [
    "--part",
    "Jobcenter Århus:beskæftigelse",
    "--part",
    "Tech: Skole:uddannelse",
    "--part",
    "Erhvervshus Midt:erhvervsfremme",
]


def test_new_fills_parties_in_every_section(tmp_path: Path) -> None:
    path = tmp_path / "aftale.yaml"
    assert main(["new", "aftale", str(path), *PARTS, "--titel", "Vores aftale"]) == 0
    document, findings = load_path(path)
    assert document is not None and findings == []
    data = document.data
    ids = [p["id"] for p in data["parter"]]
    assert ids == ["jobcenter-århus", "tech-skole", "erhvervshus-midt"]
    assert [p["system"] for p in data["parter"]] == [
        "beskæftigelse",
        "uddannelse",
        "erhvervsfremme",
    ]
    assert data["parter"][1]["navn"] == "Tech: Skole"
    assert data["titel"] == "Vores aftale"
    for section in ("roller", "ressourcer", "underskrifter"):
        assert [entry["part"] for entry in data[section]] == ids
    for group in ("styregruppe", "konsulentgruppe"):
        assert [m["part"] for m in data["organisering"][group]["medlemmer"]] == ids
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    # A fresh draft is not finished: only the template's placeholders are reported, as warnings.
    assert {(f.level.value, f.code) for f in check_file(path).findings} == {
        ("advarsel", "aftale-pladsholder"),
        ("advarsel", "aftale-beloeb-nul"),
    }


def test_every_placeholder_of_the_template_is_a_finding(tmp_path: Path) -> None:
    """Each line the template asks the user to fill in gets a warning on that line."""
    path = tmp_path / "aftale.yaml"
    assert main(["new", "aftale", str(path)]) == 0
    lines = [
        (number, line.strip())
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    texts = {
        number
        for number, line in lines
        if ("Skriv" in line or "eksempelby" in line.lower())
        and not line.startswith(("- part:", "part:", "- id:", "id:"))
    }
    # the zero amounts of each budget and funding line (the totals follow from them)
    amounts = {
        number
        for (_, before), (number, line) in pairwise(lines)
        if line.startswith("pr_år: {20") and before.startswith("- navn:")
    }
    assert len(amounts) == 2
    to_fill = texts | amounts
    findings = check_file(path).findings
    flagged = {f.line for f in findings}
    assert to_fill - flagged == set()
    assert {f.code for f in findings if f.line in to_fill} <= {
        "aftale-pladsholder",
        "aftale-beloeb-nul",
    }


def test_two_systems_give_only_the_missing_system_warning(tmp_path: Path) -> None:
    path = tmp_path / "aftale.yaml"
    assert main(["new", "aftale", str(path), *PARTS[:2], *PARTS[4:]]) == 0
    findings = [f for f in check_file(path).findings if not f.code.startswith("aftale-pl")]
    findings = [f for f in findings if f.code != "aftale-beloeb-nul"]
    assert [(f.level.value, f.code) for f in findings] == [("advarsel", "aftale-lks-systemer")]
    assert "uddannelse" in findings[0].message


def test_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "aftale.yaml"
    path.write_text("mit eget indhold", encoding="utf-8")
    assert main(["new", "aftale", str(path)]) == 2
    assert path.read_text(encoding="utf-8") == "mit eget indhold"
    assert "findes allerede" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("make", "args", "expected"),
    [
        (lambda p: p.mkdir(), [], "er en mappe"),
        (lambda p: None, ["--part", "Jobcenter"], "adskilt af kolon"),
        (lambda p: None, ["--part", "Jobcenter:skole"], "systemet »skole« findes ikke"),
    ],
)
def test_refusals_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, args: list[str], expected: str
) -> None:
    path = tmp_path / "aftale.yaml"
    make(path)  # type: ignore[operator]
    assert main(["new", "aftale", str(path), *args]) == 2
    assert expected in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] in ([], ["aftale.yaml"])
    assert not path.is_file()


def test_missing_parent_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "aftale", str(tmp_path / "mangler" / "a.yaml")]) == 2
    assert "findes ikke" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_dash_prints_template(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "aftale", "-"]) == 0
    assert capsys.readouterr().out.startswith("# yaml-language-server:")


@pytest.mark.parametrize("spec", ["Jobcenter", ":beskæftigelse", "Jobcenter:skole", "a:"])
def test_part_messages_are_whole_sentences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], spec: str
) -> None:
    assert main(["new", "aftale", str(tmp_path / "a.yaml"), "--part", spec]) == 2
    message = capsys.readouterr().err.strip()
    assert message.startswith(f"kbtools new: --part »{spec}«: ")
    assert message.endswith(
        "beskæftigelse, uddannelse, erhvervsfremme, civilsamfund, virksomhed eller andet."
    )
    assert list(tmp_path.iterdir()) == []


def test_new_works_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """FAT-formatted USB sticks and many network drives do not support hard links."""

    def refuse(*args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr("os.link", refuse)
    path = tmp_path / "aftale.yaml"
    assert main(["new", "aftale", str(path)]) == 0
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server:")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aftale.yaml"]


INVISIBLE = ["\u202e", "\u00ad", "\n", "\r", "\t", "\u200b", "\u00a0", "\ufeff", "\x1b", "\u2028"]


@pytest.mark.parametrize("char", INVISIBLE)
@pytest.mark.parametrize("where", ["part", "titel"])
def test_an_invisible_character_in_a_name_or_title_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], char: str, where: str
) -> None:
    """Refused, not removed: the name in the file is the name the user saw and typed."""
    target = tmp_path / "aftale.yaml"
    name = f"Jobcenter{char}Eksempelby"
    args = ["new", "aftale", str(target), "--part", "B:uddannelse"]
    args += ["--part", f"{name}:beskæftigelse"] if where == "part" else ["--titel", name]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "som tegn nr. 10. Det kan ikke ses" in err
    if char != "\u00a0":  # a hard space shows as a space; the message names it
        assert char not in err.removesuffix("\n")  # the echoed name shows it as an escape
    assert not target.exists()
    fixed = [a.replace(char, " ") for a in args]  # following the advice: an ordinary space
    assert main(fixed) == 0 and target.exists()


_NAME = st.text(st.sampled_from([*INVISIBLE, "a", "æ", " ", "-", "."]), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(_NAME)
def test_new_writes_a_name_exactly_or_refuses_it(name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "aftale.yaml"
        with contextlib.redirect_stderr(io.StringIO()):
            code = main(["new", "aftale", str(target), f"--part={name}:beskæftigelse"])
        if any(char in name.strip() for char in INVISIBLE if char != " "):
            assert code == 2 and not target.exists()
        elif code == 0:
            names = [part["navn"] for part in load_path(target)[0].data["parter"]]  # type: ignore[union-attr]
            assert names == [name.strip()]
