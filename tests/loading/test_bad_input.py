"""Every class of bad input gives a located Danish finding, never a traceback or a change."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbtools.loading import MAX_FILE_BYTES, load_bytes, load_path

LAUGHS = b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + b"".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n".encode()
    for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)

BAD = [
    # (name, raw bytes, code, line, column)
    ("not yaml", b"navn: a: b\n", "yaml-syntaks", 1, 8),
    ("bad indentation", b"a:\n  b: 1\n c: 2\n", "yaml-syntaks", 3, 2),
    ("unclosed quote", b'a: "abc\nb: 1\n', "yaml-syntaks", 1, 4),
    ("empty", b"", "yaml-tom", 1, 1),
    ("only comments", b"# intet\n\n", "yaml-tom", 1, 1),
    ("list at top", b"- a\n- b\n", "yaml-topniveau", 1, 1),
    ("scalar at top", b"hej\n", "yaml-topniveau", 1, 1),
    ("two documents", b"a: 1\n---\nb: 2\n", "yaml-flere-dokumenter", 2, 1),
    ("duplicate key", b"a: 1\nb:\n  c: 1\n  c: 2\n", "yaml-dobbelt-noegle", 4, 3),
    ("duplicate after NFC", "formål: 1\nforma\u030al: 2\n".encode(), "yaml-dobbelt-noegle", 2, 1),
    ("anchor", b"a: &x 1\nb: 2\n", "yaml-anker", 1, 4),
    ("alias", b"a: 1\nb: *x\n", "yaml-anker", 2, 4),
    ("billion laughs", LAUGHS, "yaml-anker", 1, 4),
    ("python tag", b'a: !!python/object/apply:os.system ["touch /tmp/kb"]\n', "yaml-tag", 1, 4),
    ("local tag", b"a:\n  b: !hemmelig 1\n", "yaml-tag", 2, 6),
    ("latin-1", "a: 1\nb: blå\n".encode("latin-1"), "yaml-kodning", 2, 6),
    ("utf-16", "a: 1\n".encode("utf-16"), "yaml-kodning", 1, 1),
    ("NUL byte", b"a: 1\nb: x\x00\n", "yaml-nul-tegn", 2, 5),
    ("control character", b"a: \x07\n", "yaml-styretegn", 1, 4),
    ("tab indentation", b"a:\n\tb: 1\n", "yaml-tabulator", 2, 1),
    ("tab after spaces", b"a:\n  \tb: 1\n", "yaml-tabulator", 2, 3),
    ("complex key", b"? [a, b]\n: 1\n", "yaml-noegle", 1, 3),
    ("thousands separator", b"a: 10.000\n", "yaml-tvetydigt-tal", 1, 4),
]


@pytest.mark.parametrize(("name", "raw", "code", "line", "column"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_located(name: str, raw: bytes, code: str, line: int, column: int) -> None:
    _, findings = load_bytes(raw, "aftale.yaml")
    assert [(f.code, f.line, f.column) for f in findings] == [(code, line, column)], findings
    finding = findings[0]
    assert finding.file == "aftale.yaml"
    assert finding.level.value == "fejl"
    assert finding.message and "Traceback" not in finding.message


def test_billion_laughs_is_small_and_not_expanded() -> None:
    assert len(LAUGHS) < 600
    document, findings = load_bytes(LAUGHS, "x.yaml")
    assert document is None
    assert findings[0].code == "yaml-anker"


def test_python_tag_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "kb-marker"
    raw = f'a: !!python/object/apply:os.system ["touch {marker}"]\n'.encode()
    load_bytes(raw, "x.yaml")
    assert not marker.exists()


YAML11 = b"""\
ja: yes
nej: no
taendt: on
slukket: off
klokken: 22:22
rettigheder: 0755
dato: 2027-01-15
sand: true
tal: 12
decimal: 2.5
tom:
citeret: "15"
"""


def test_yaml_1_1_surprises_keep_what_the_user_wrote() -> None:
    document, findings = load_bytes(YAML11, "x.yaml")
    assert findings == []
    assert document is not None
    assert document.data == {
        "ja": "yes",
        "nej": "no",
        "taendt": "on",
        "slukket": "off",
        "klokken": "22:22",
        "rettigheder": "0755",
        "dato": "2027-01-15",
        "sand": True,
        "tal": 12,
        "decimal": 2.5,
        "tom": None,
        "citeret": "15",
    }


def test_thousands_separator_is_reported_and_kept_as_written() -> None:
    document, findings = load_bytes(b"belob: 1.500.000\n", "x.yaml")
    assert document is not None and document.data == {"belob": "1.500.000"}
    assert "1500000" in findings[0].message


def test_keys_are_nfc_normalised_and_positions_recorded() -> None:
    raw = "økonomi:\n  budget:\n    - navn: A\n      pr_år: {2027: 5}\nforma\u030al: x\n".encode()
    document, findings = load_bytes(raw, "x.yaml")
    assert findings == [] and document is not None
    assert "formål" in document.data
    assert document.data["økonomi"]["budget"][0]["pr_år"] == {"2027": 5}
    assert document.position_of(("økonomi", "budget", 0, "navn")).line == 3
    assert document.position_of(("økonomi", "budget", 0, "navn")).column == 13
    assert document.key_position_of(("formål",)).line == 5
    # a missing path falls back to its nearest ancestor
    assert document.position_of(("økonomi", "budget", 0, "mangler")).line == 3


def test_utf8_bom_is_accepted() -> None:
    document, findings = load_bytes(b"\xef\xbb\xbfa: 1\n", "x.yaml")
    assert findings == [] and document is not None and document.data == {"a": 1}


def test_too_big_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "stor.yaml"
    path.write_bytes(b"a: " + b"x" * MAX_FILE_BYTES + b"\n")
    document, findings = load_path(path)
    assert document is None
    assert [(f.code, f.line, f.column) for f in findings] == [("yaml-for-stor", 1, 1)]


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_unreadable_paths(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "aftale.yaml"
    if kind == "folder":
        path.mkdir()
    document, findings = load_path(path)
    assert document is None
    assert findings[0].code == "fil-ulaeselig"
    assert ("mappe" if kind == "folder" else "findes ikke") in findings[0].message


def test_loading_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "aftale.yaml"
    path.write_bytes(b"a: 1\na: 2\n")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_path(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_deep_nesting_is_refused() -> None:
    raw = "".join("  " * depth + f"k{depth}:\n" for depth in range(150)).encode()
    document, findings = load_bytes(raw, "x.yaml")
    assert document is None
    assert findings[0].code == "yaml-for-dyb"
