"""Edge cases around the bad-input classes: what must load, and where positions point."""

from __future__ import annotations

import os
from pathlib import Path

from kbtools.loading import Position, load_bytes, load_path


def test_tab_inside_quoted_text_is_fine() -> None:
    document, findings = load_bytes(b"navn: \"a\tb\"\nnote: 'c\td'\n", "x.yaml")
    assert findings == []
    assert document is not None and document.data == {"navn": "a\tb", "note": "c\td"}


def test_anchor_and_tag_characters_in_text_and_comments_are_fine() -> None:
    raw = b'a: 1 # & og * og !\nb: "&x *y !z"\nc: R&D\nd: 5*3\n'
    document, findings = load_bytes(raw, "x.yaml")
    assert findings == []
    assert document is not None
    assert document.data == {"a": 1, "b": "&x *y !z", "c": "R&D", "d": "5*3"}


def test_list_item_positions() -> None:
    raw = b"parter:\n  - navn: Jobcenter\n    rolle: x\n  - Erhvervshus\n"
    document, findings = load_bytes(raw, "x.yaml")
    assert findings == [] and document is not None
    assert document.positions[("parter", 0)] == Position(2, 5)
    assert document.positions[("parter", 0, "rolle")] == Position(3, 12)
    assert document.key_positions[("parter", 0, "rolle")] == Position(3, 5)
    assert document.positions[("parter", 1)] == Position(4, 5)


def test_duplicate_key_in_flow_mapping_names_first_line() -> None:
    document, findings = load_bytes(b"a:\n  {b: 1,\n   b: 2}\n", "x.yaml")
    assert [(f.code, f.line, f.column) for f in findings] == [("yaml-dobbelt-noegle", 3, 4)]
    assert "linje 2" in findings[0].message
    # the first value is kept, and the problem is reported: nothing is silently lost
    assert document is not None and document.data == {"a": {"b": 1}}


def test_alias_inside_flow_list_is_refused() -> None:
    _, findings = load_bytes(b"a: [1, *x]\n", "x.yaml")
    assert [(f.code, f.line, f.column) for f in findings] == [("yaml-anker", 1, 8)]


def test_display_name_and_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "aftale.yaml"
    path.write_bytes(b"a: 1\nb: 2\n")
    _, findings = load_path(path, display="min/aftale.yaml", max_bytes=5)
    assert [(f.file, f.code) for f in findings] == [("min/aftale.yaml", "yaml-for-stor")]
    assert "5 bytes" in findings[0].message
    document, findings = load_path(path, display="min/aftale.yaml", max_bytes=10)
    assert findings == [] and document is not None and document.file == "min/aftale.yaml"


def test_unquoted_date_in_text_field_stays_text() -> None:
    document, findings = load_bytes(b"underskrevet: 2027-01-15\nkl: 9:30\n", "x.yaml")
    assert findings == []
    assert document is not None and document.data == {"underskrevet": "2027-01-15", "kl": "9:30"}


def test_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "aftale.yaml"
    os.mkfifo(path)
    document, findings = load_path(path)
    assert document is None
    assert [(f.code, f.line, f.column) for f in findings] == [("fil-ulaeselig", 1, 1)]


def test_tabs_inside_block_or_quoted_text_are_text_not_indentation() -> None:
    document, findings = load_bytes(b'a: |\n  x\n  \ty\nb: "c\n\td"\n', "x.yaml")
    assert findings == []
    assert document is not None and document.data == {"a": "x\n\ty\n", "b": "c d"}


def test_tab_indentation_after_block_text_is_still_refused() -> None:
    _, findings = load_bytes(b"a: |\n  x\nb:\n\t- 1\n", "x.yaml")
    assert [(f.code, f.line, f.column) for f in findings] == [("yaml-tabulator", 4, 1)]
