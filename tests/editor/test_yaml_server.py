"""The real ``yaml-language-server`` (npm, installed by bootstrap.sh) on the repository as set
up: Danish help from the generated editor schemas, and the same verdict as ``kbtools validate``.

One server for the module. A missing server is a failure, not a skip: bootstrap installs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from yaml_server import REPO, YamlServer

from kbtools.api import check_file

AGREEMENT = REPO / "cases" / "midtby" / "aftale.yaml"
ASSESSMENT = REPO / "cases" / "midtby" / "vurdering-2018-03.yaml"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository as the editor sees it (its settings, schemas and example cases, linked),
    with room for test files under cases/ — the repository's own cases/ is never written to."""
    root = tmp_path_factory.mktemp("workspace")
    for linked in (".vscode", "kbtools"):
        (root / linked).symlink_to(REPO / linked)
    (root / "cases").mkdir()
    (root / "cases" / "midtby").symlink_to(REPO / "cases" / "midtby")
    return root


@pytest.fixture(scope="module")
def server(workspace: Path) -> Iterator[YamlServer]:
    running = YamlServer(workspace)
    yield running
    running.close()


@pytest.fixture
def scratch(workspace: Path) -> Iterator[Path]:
    """A fresh folder under the workspace's cases/, so the file patterns apply to it."""
    folder = workspace / "cases" / "_editor_test"
    folder.mkdir()
    yield folder
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines) if text in line)


def test_case_files_are_clean_and_hover_is_danish(server: YamlServer, workspace: Path) -> None:
    agreement = workspace / AGREEMENT.relative_to(REPO)
    assessment = workspace / ASSESSMENT.relative_to(REPO)
    assert server.diagnostics(agreement) == []
    assert server.diagnostics(assessment) == []
    line = _line_of(AGREEMENT, "parter:")
    hover = server.hover(agreement, line, 2)
    assert "Parter" in hover and "organisation" in hover
    assert "[Læs mere om parter](https://lks-vidensbasen.github.io/partnerskabsaftalen/" in hover
    year = _line_of(AGREEMENT, "pr_år: {2017")
    assert "Årets beløb" in server.hover(agreement, year, 21)  # on the amount
    system = _line_of(AGREEMENT, "system: beskæftigelse")
    assert "[Læs mere om parter](" in server.hover(agreement, system, 6)  # a field of »parter«
    tasks = _line_of(AGREEMENT, "opgaver: [Rekruttering")
    assert "De konkrete opgaver" in server.hover(agreement, tasks, 16)  # a list item
    level = _line_of(ASSESSMENT, "niveau:")
    assert "Niveau" in server.hover(assessment, level, 6)
    parameter = _line_of(ASSESSMENT, "parameter: mandat")
    assert "`mandat`: Mandat og ledelsesmæssig opbakning" in server.hover(assessment, parameter, 17)


def test_enum_and_pattern_errors_are_danish(server: YamlServer, scratch: Path) -> None:
    text = AGREEMENT.read_text(encoding="utf-8")
    text = text.replace("system: beskæftigelse", "system: beskaeftigelse", 1)
    text = text.replace("{2017: 10000,", "{17: 10000,", 1)
    text = text.replace("\nformål:", "\nformaal:", 1)
    path = scratch / "aftale.yaml"
    path.write_text(text, encoding="utf-8")
    messages = [d["message"] for d in server.diagnostics(path)]
    assert any(m.startswith("»System« skal være en af de tilladte værdier") for m in messages)
    assert any("Skriv årstallet med fire cifre" in m for m in messages)
    assert any(m.startswith("Nøglen findes ikke her.") for m in messages)
    english = [m for m in messages if "not allowed" in m or "Value is not accepted" in m]
    assert english == []


def test_a_missing_parameter_is_named_in_danish(server: YamlServer, scratch: Path) -> None:
    text = ASSESSMENT.read_text(encoding="utf-8").replace("parameter: maal", "parameter: mandat")
    path = scratch / ASSESSMENT.name
    path.write_text(text, encoding="utf-8")
    messages = [d["message"] for d in server.diagnostics(path)]
    assert messages == [
        "Der mangler et punkt med parameter: maal (Mål). Hver parameter skal stå præcis én gang."
    ]


def _completions(server: YamlServer, path: Path, text: str, after: str) -> list[dict[str, Any]]:
    """Completion items on a new list item ``- `` inserted on the line after ``after``."""
    start = text.index(after) + len(after)
    indent = len(after) - len(after.lstrip()) + 2
    text = text[:start] + " " * indent + "- \n" + text[start:]
    path.write_text(text, encoding="utf-8")
    server.diagnostics(path, text)
    position = {"line": text[:start].count("\n"), "character": indent + 2}
    result = server.request(
        "textDocument/completion",
        {"textDocument": {"uri": path.as_uri()}, "position": position},
    )
    items: list[dict[str, Any]] = result["items"] if isinstance(result, dict) else result
    return items


def test_snippets_for_a_signature_and_a_budget_line(server: YamlServer, scratch: Path) -> None:
    text = AGREEMENT.read_text(encoding="utf-8")
    path = scratch / "aftale.yaml"
    items = _completions(server, path, text, "underskrifter:\n")
    (signature,) = [item for item in items if item["label"] == "Ny: underskrift"]
    assert signature["insertText"].split("\n")[0] == "part: ${1:}"
    for key in ("navn:", "titel:", "dato: ${4:2027-01-15}"):
        assert key in signature["insertText"]
    items = _completions(server, path, text, "  budget:\n")
    (line,) = [item for item in items if item["label"] == "Ny: budgetpost"]
    assert "pr_år:\n    2027: ${2:0}\n    2028: ${3:0}" in line["insertText"]


def _variants() -> dict[str, tuple[Path, str]]:
    agreement = AGREEMENT.read_text(encoding="utf-8")
    assessment = ASSESSMENT.read_text(encoding="utf-8")
    return {
        "gyldig aftale": (AGREEMENT, agreement),
        "gyldig vurdering": (ASSESSMENT, assessment),
        "ukendt system": (AGREEMENT, agreement.replace("system: uddannelse", "system: skole")),
        "id med mellemrum": (AGREEMENT, agreement.replace("- id: ", "- id: A ", 1)),
        "år med to cifre": (AGREEMENT, agreement.replace("{2017: 10000,", "{17: 10000,")),
        "stavefejl i nøgle": (AGREEMENT, agreement.replace("\nformål:", "\nformaal:")),
        "negativt beløb": (AGREEMENT, agreement.replace("{2017: 10000,", "{2017: -1,")),
        "lks som tekst": (AGREEMENT, agreement.replace("lks: true", "lks: ja")),
        "dato som tekst": (AGREEMENT, agreement.replace("start: 2017-01-01", "start: snart")),
        "parameter mangler": (ASSESSMENT, _drop_last_parameter(assessment)),
        "ni parametre": (ASSESSMENT, assessment + _last_parameter(assessment)),
        "ukendt niveau": (ASSESSMENT, assessment.replace("niveau: klub", "niveau: klubben", 1)),
        "dobbelt parameter": (
            ASSESSMENT,
            assessment.replace("parameter: maal", "parameter: mandat"),
        ),
    }


def _last_parameter(text: str) -> str:
    return text[text.rindex("\n  - parameter:") :]


def _drop_last_parameter(text: str) -> str:
    return text[: text.rindex("\n  - parameter:")] + "\n"


@pytest.mark.parametrize("name", list(_variants()))
def test_same_verdict_as_kbtools_validate(server: YamlServer, scratch: Path, name: str) -> None:
    source, text = _variants()[name]
    path = scratch / source.name
    path.write_text(text, encoding="utf-8")
    editor_ok = server.diagnostics(path) == []
    kbtools_ok = not check_file(path).has_errors
    assert editor_ok == kbtools_ok, name


def test_what_only_kbtools_catches(server: YamlServer, scratch: Path) -> None:
    """The limits editor.md lists: the editor says nothing, kbtools validate finds the error."""
    agreement = AGREEMENT.read_text(encoding="utf-8")
    for text in (
        agreement.replace("start: 2017-01-01", "start: 2016-02-30"),
        agreement.replace("{2017: 10000,", "{2017: 10.000,"),
    ):
        path = scratch / "aftale.yaml"
        path.write_text(text, encoding="utf-8")
        assert server.diagnostics(path) == []
        assert check_file(path).has_errors


FOLLOWUP = REPO / "cases" / "fjordkommune" / "opfoelgning-2026.yaml"


def test_a_follow_up_gets_danish_help_but_only_kbtools_checks_it_against_the_agreement(
    server: YamlServer, scratch: Path
) -> None:
    """The editor knows the follow-up's format (opfoelgning*.yaml); the rules that need the
    agreement beside it (an unknown goal) are kbtools validate's alone."""
    (scratch / "aftale.yaml").write_text(
        (REPO / "cases" / "fjordkommune" / "aftale.yaml").read_text("utf-8"), "utf-8"
    )
    text = FOLLOWUP.read_text(encoding="utf-8")
    path = scratch / FOLLOWUP.name
    path.write_text(text, encoding="utf-8")
    assert server.diagnostics(path) == []
    status = _line_of(FOLLOWUP, "status: nået")
    assert "Status" in server.hover(path, status, 6)
    wrong = text.replace("status: nået", "status: næsten", 1)
    path.write_text(wrong, encoding="utf-8")
    messages = [d["message"] for d in server.diagnostics(path, wrong)]
    assert any(m.startswith("»Status« skal være en af de tilladte værdier") for m in messages)
    unknown = text.replace("- mål: 80 virksomheder", "- mål: 90 virksomheder", 1)
    path.write_text(unknown, encoding="utf-8")
    assert server.diagnostics(path, unknown) == []
    # one mistake, one finding: the unknown goal's suggestion names the goal without a status
    assert {f.code for f in check_file(path).findings} == {"opfoelgning-ukendt-maal"}
