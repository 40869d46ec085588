"""What crosses between the pages' JavaScript and Python has English ASCII keys.

The form model the builder's page embeds and every entry function's arguments and answers are
code's data: their keys are English ASCII words (the Danish words are titles and messages, for
people). Only the files' own data keeps its Danish keys where it travels as data: the
agreement ``load`` gives back, the agreement's parts the builder's words per section are
filed under, the typology's parameters the group's decisions are filed under, and the YAML
texts. Walked on every example file, every agreement the tests keep, and the form
model.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kbtools.browser.entry import call
from kbtools.kinds import KINDS
from kbtools.sphinxext.form import form_model

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "cases").rglob("*.yaml"))
AGREEMENTS = sorted((ROOT / "tests" / "data" / "agreements").rglob("*.yaml"))
RATINGS = sorted(p for p in (ROOT / "cases").glob("*/bedoemmelser/*") if p.is_dir())

#: Keys whose values are a file's own data, with the file's Danish keys: not walked.
FILE_DATA = {"data", "followup"}
#: Keys whose values map the data's own keys or ids (Danish: an agreement's parts, the
#: typology's parameters) to code's data: only the values walked.
BY_DATA_KEY = {"sections", "decisions"}

#: English words that are also keys in the schemas (and so in the Danish word list below).
ENGLISH_TOO = {
    "budget",
    "email",
    "forum",
    "id",
    "note",
    "parameter",
    "part",
    "platform",
    "start",
    "system",
    "type",
    "version",
    "vision",
}
#: Danish words the boundary used before its keys were English, besides the schemas' words.
DANISH = {
    "af",
    "anbefalet",
    "antal",
    "beløbsfelt",
    "beslutninger",
    "besked",
    "element",
    "elementer",
    "fast",
    "fejl",
    "felt",
    "felter",
    "fil",
    "filer",
    "fund",
    "henvisning",
    "hjælp",
    "hvorfor",
    "ider",
    "kladde",
    "kode",
    "kolonne",
    "linje",
    "maks",
    "navnefelt",
    "nøgle",
    "nøglefelt",
    "oversigt",
    "påkrævet",
    "regel",
    "side",
    "skabelon",
    "spredning",
    "sti",
    "stærk",
    "sumfelt",
    "systemer",
    "trin",
    "trinnavn",
    "uenige",
    "uenighed",
    "valg",
}


def _schema_words() -> set[str]:
    words: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    words.update(w for k in value for w in re.split(r"[_\W]+", k.lower()) if w)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for kind in KINDS:
        walk(kind.schema)
    return words


NOT_ENGLISH = (_schema_words() | DANISH) - ENGLISH_TOO


def words_of(key: str) -> list[str]:
    """»readerMessage« → reader, message; »parent_title« → parent, title."""
    return [w.lower() for w in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", key)]


def keys_in(value: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """(place, key) of every key that code reads, in a JSON-able answer."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in FILE_DATA:
                yield f"{where}.{key}", key
                continue
            if key in BY_DATA_KEY and isinstance(item, dict):
                yield f"{where}.{key}", key
                for data_key, inner in item.items():
                    yield from keys_in(inner, f"{where}.{key}.{data_key}")
                continue
            yield f"{where}.{key}", str(key)
            yield from keys_in(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from keys_in(item, f"{where}[{index}]")


def not_english(value: Any) -> list[str]:
    """The places of keys that are not English ASCII words."""
    return [
        place
        for place, key in keys_in(value)
        if not re.fullmatch(r"[a-z][A-Za-z0-9_]*", key) or set(words_of(key)) & NOT_ENGLISH
    ]


def test_the_check_itself_finds_danish_and_non_ascii_keys() -> None:
    assert not_english({"findings": [{"code": 1, "readerMessage": 2, "values": {"key": 3}}]}) == []
    old = {"fund": [{"kode": 1, "sti": [], "påkrævet": True, "ekstraÅr": 1, "niveau_id": 2}]}
    assert not_english(old) == [
        ".fund",
        ".fund[0].kode",
        ".fund[0].sti",
        ".fund[0].påkrævet",
        ".fund[0].ekstraÅr",
        ".fund[0].niveau_id",
    ]
    assert not_english({"data": {"økonomi": 1}, "sections": {"økonomi": {"text": ""}}}) == []


def test_the_form_model_has_english_keys_and_kinds() -> None:
    model = form_model()
    assert not_english(model) == []
    kinds = {place: kind for place, kind in _kinds(model)}
    assert set(kinds.values()) <= {
        "text",
        "longText",
        "date",
        "number",
        "choice",
        "yesNo",
        "constant",
        "party",
        "textList",
        "group",
        "list",
        "amountTable",
        "yearAmounts",
        "sum",
    }


def _kinds(value: Any, where: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        if isinstance(value.get("kind"), str):
            yield where, value["kind"]
        for key, item in value.items():
            yield from _kinds(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _kinds(item, f"{where}[{index}]")


def _answer(name: str, args: dict[str, Any]) -> Any:
    arguments = json.dumps(args)
    assert not_english(json.loads(arguments)) == [], args
    answer = json.loads(call(name, arguments))
    assert "error" not in answer, answer
    return answer


@pytest.mark.parametrize("path", EXAMPLES + AGREEMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_check_and_load_answer_in_english_keys(path: Path) -> None:
    content = {"base64": base64.b64encode(path.read_bytes()).decode(), "name": path.name}
    for name in ("check", "load", "start_followup", "read_note_file"):
        answer = _answer(name, content)
        assert answer["findings"] is not None
        assert not_english(answer) == [], (name, path)
    follow_up = {**content, "date": "2026-12-07", "agreements": [content], "folder": [content]}
    for name in ("check", "render_note"):
        assert not_english(_answer(name, follow_up)) == [], (name, path)


@pytest.mark.parametrize("path", sorted((ROOT / "cases").glob("*/aftale.yaml"))[:1])
def test_render_answers_in_english_keys(path: Path) -> None:
    content = {"text": path.read_text("utf-8"), "name": path.name}
    for name in ("render_html", "render_docx"):
        answer = _answer(name, content)
        assert set(answer) >= {"draft", "findings", "summary"}
        assert not_english(answer) == []
    refused = _answer("render_docx", {**content, "template": base64.b64encode(b"x").decode()})
    assert refused["templateProblem"] and not_english(refused) == []


@pytest.mark.parametrize("folder", RATINGS, ids=lambda p: p.name)
def test_combine_answers_in_english_keys(folder: Path) -> None:
    files = [{"name": f.name, "text": f.read_text("utf-8")} for f in sorted(folder.glob("*.yaml"))]
    answer = _answer("combine", {"files": files})
    assert answer["overview"]["parameters"] and answer["date"] == folder.name
    assert not_english(answer) == []
    first = answer["overview"]["parameters"][0]["id"]
    decided = _answer(
        "combine",
        {"files": files, "decisions": {first: {"level": "klub", "reason": "Vi er enige."}}},
    )
    assert "Vi er enige." in decided["yaml"] and not_english(decided) == []
