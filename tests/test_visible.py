"""Control characters from a file, a file name or an argument never reach the terminal or the
CI log raw: messages show them as visible escapes; JSON keeps the data as JSON strings."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from cli import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbtools.cli import main
from kbtools.reporting.visible import json_safe, visible

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = (ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").read_text("utf-8")
#: What must never be printed raw: C0 (but the line break between lines), DEL, C1, bidi.
RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
#: Terminal attacks: colour, clear screen, window title (OSC), hyperlink, bell, forged line.
ATTACKS = [
    "\x1b[31m",
    "\x1b[2J",
    "\x1b]0;ejet\x07",
    "\x1b]8;;https://x\x1b\\",
    "\x9b31m",
    "\r",
    "\x08",
    "\u202e",
    "\u2066",
    "\u2028",
    "\x7f",
]


def test_visible_escapes_every_control_character() -> None:
    assert visible("a\x1b[31mb\x1b]0;t\x07\r\n\t\u202ec\x9b") == (
        "a\\x1b[31mb\\x1b]0;t\\x07\\x0d\\x0a\\x09\\u202ec\\x9b"
    )
    assert visible("æøå »ok« – 🙂") == "æøå »ok« – 🙂"
    assert json.loads(json_safe(json.dumps("a\x9b\u202eb", ensure_ascii=False))) == "a\x9b\u202eb"


def test_an_escape_in_a_key_is_shown_not_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "aftale.yaml"
    path.write_text(MINIMAL + '"x\\e]0;ejet\\a\\e[2J": 1\n', encoding="utf-8")
    for fmt in ("text", "github"):
        code = main(["validate", "--format", fmt, str(path)])
        out = capsys.readouterr().out
        assert code == 1
        assert "\x1b" not in out and "x\\x1b]0;ejet\\x07\\x1b[2J" in out
    main(["validate", "--format", "json", str(path)])
    findings = json.loads(capsys.readouterr().out)["fund"]
    assert any("x\x1b]0;ejet\x07\x1b[2J" in finding["besked"] for finding in findings)


_ATTACK = st.lists(st.sampled_from([*ATTACKS, "a", " ", "æ"]), min_size=1, max_size=6).map("".join)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ATTACK, st.sampled_from(["key", "value", "title", "file"]))
def test_no_command_prints_a_control_character(attack: str, where: str) -> None:
    text = MINIMAL
    if where == "key":
        text += f"{json.dumps('k' + attack)}: 1\n"
    elif where == "value":
        text = text.replace("vision: En vision.", f"vision: {json.dumps(attack)}")
    else:
        text = text.replace("titel: Minimal aftale (testdata)", f"titel: {json.dumps(attack)}")
    with tempfile.TemporaryDirectory() as folder:
        name = ("a" + attack.replace("/", "") if where == "file" else "aftale") + ".yaml"
        path = Path(folder) / name
        try:
            path.write_text(text, encoding="utf-8")
        except (OSError, ValueError):
            return  # a name the file system refuses
        other = Path(folder) / "ny.yaml"
        other.write_text(MINIMAL, encoding="utf-8")
        commands = [
            ["validate", "--format", "text", str(path), folder],
            ["validate", "--format", "github", str(path)],
            ["diff", str(other), str(path)],
            ["typology", str(path)],
            ["render", str(path), "--format", "md", "-o", f"{folder}/{attack}.md"],
            ["new", "aftale", f"{folder}/{attack}-ny.yaml", "--titel", attack],
            ["vurdering", "saml", str(path), "-o", "-"],
        ]
        for command in commands:
            _, out, err = run(*command)
            assert not RAW.search(out + err), (command, out + err)
        _, out, _ = run("validate", "--format", "json", str(path))
        json.loads(out)
        assert not RAW.search(out.replace("\n", ""))
