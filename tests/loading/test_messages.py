"""No parser's English reaches the user: every error of libyaml (the CLI) and of PyYAML's
pure-Python parser (the browser) is told in Danish."""

from __future__ import annotations

import re

import pytest

from kbtools.loading import load_bytes, yamlsource
from kbtools.loading.messages import translate

#: Files that stop each parser with a different one of its errors.
BROKEN = [
    b"a: - b\n",
    b"a: |0\n  x\n",
    b"a: |x\n  b\n",
    b"%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
    b"%FOO\na: 1\n",
    b"%YAML 2.0\n---\na: 1\n",
    b'a: "x\\ud800"\n',
    b'a: "\\xZZ"\n',
    b'a: "\\U00110000"\n',
    b'a: "\\q"\n',
    b"maal:\n* punkt et\n* punkt to\n",
    b"a: & x\n",
    b"a: !<x\n",
    b"a: @x\n",
    b"a: `x\n",
    b'a: "x" y\n',
    b"a: [1, 2\n",
    b"a: {b: 1\n",
    b"{a: 1}}\n",
    b"a: 1\n...\nb\n",
    b"a: 'x\n--- y'\n",
    b"a:\n  - b\n  ? c\n",
    b"a: b: c\n",
]
_ENGLISH = re.compile(r"\b(found|expected|while|parsing|scanning|allowed|teknisk)\b")


@pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "pure"])
@pytest.mark.parametrize("raw", BROKEN)
def test_every_parser_error_is_told_in_danish(
    raw: bytes, pure: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if pure:
        monkeypatch.setattr(yamlsource, "_Loader", yamlsource._PureLoader)
    _, findings = load_bytes(raw, "x.yaml")
    assert findings
    for finding in findings:
        assert not _ENGLISH.search(finding.message), finding.message


def test_an_unknown_parser_error_is_told_in_danish_too() -> None:
    code, _, _, message = translate("found a brand new problem", "while testing", 1, 1)
    assert code.id == "yaml-syntaks"
    assert "found" not in message and "testing" not in message
