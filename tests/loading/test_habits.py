"""Word's bullets and two keys on one line: told where they stand, with advice that works."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbtools import check_bytes
from kbtools.loading import load_bytes, yamlsource
from kbtools.loading.habits import BULLETS, known_keys

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = (ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").read_text("utf-8")
RATING = next((ROOT / "cases" / "fjordkommune" / "bedoemmelser").rglob("*.yaml")).read_text("utf-8")


@pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "pure"])
@given(bullet=st.sampled_from(BULLETS), indent=st.sampled_from(["", "  "]))
def test_a_bullet_is_told_at_the_bullet_and_a_dash_fixes_it(
    bullet: str, indent: str, pure: bool
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        if pure:
            patch.setattr(yamlsource, "_Loader", yamlsource._PureLoader)
        text = f"værdisæt:\n{indent}{bullet} Åbenhed\n{indent}{bullet} Tillid\nb: 1\n"
        _, findings = load_bytes(text.encode(), "x.yaml")
        if findings:  # indented »• a« is a text (a schema finding says so), not a syntax error
            assert [(f.code, f.line, f.column) for f in findings] == [
                ("yaml-syntaks", 2, len(indent) + 1)
            ]
            assert f"»{bullet}«" in findings[0].message and "»- Åbenhed«" in findings[0].message
        fixed = text.replace(f"{bullet} ", "- ")
        document, findings = load_bytes(fixed.encode(), "x.yaml")
        assert findings == [] and document is not None
        assert document.data["værdisæt"] == ["Åbenhed", "Tillid"]


def test_two_keys_on_a_line_of_a_rating_are_told_to_go_on_two_lines() -> None:
    text = RATING.replace("  maal: kompagni\n", "  maal: kompagni ressourcer: klub\n", 1)
    text = text.replace("  ressourcer: kompagni\n", "", 1)
    findings = check_bytes(text.encode(), "x.yaml").findings
    assert [f.code for f in findings] == ["yaml-syntaks"]
    message = findings[0].message
    assert "to nøgler på samme linje" in message and "»ressourcer: klub«" in message
    fixed = text.replace(
        "  maal: kompagni ressourcer: klub\n", "  maal: kompagni\n  ressourcer: klub\n"
    )
    assert check_bytes(fixed.encode(), "x.yaml").findings == ()


def test_a_colon_in_a_text_is_still_told_to_be_quoted() -> None:
    text = MINIMAL.replace("ansvar: A har ansvaret.", "ansvar: Se bilag: side 2")
    findings = check_bytes(text.encode(), "aftale.yaml").findings
    assert [f.code for f in findings] == ["yaml-syntaks"]
    assert 'ansvar: "Se bilag: side 2"' in findings[0].message
    fixed = text.replace("ansvar: Se bilag: side 2", 'ansvar: "Se bilag: side 2"')
    assert check_bytes(fixed.encode(), "aftale.yaml").findings == ()


def test_the_keys_known_are_those_of_the_schemas() -> None:
    assert {"maal", "ressourcer", "navn", "kontakt", "pr_år"} <= known_keys()
    assert "bilag" not in known_keys()


@pytest.mark.parametrize("line", ["ændringer: Skriftligt.", "møder:"])
def test_a_bullet_before_a_key_among_keys_is_told_to_go_and_deleting_it_fixes_it(
    line: str,
) -> None:
    """A bulleted line among keys (copied from a Word list of elements) is one more key:
    »- « would make it a list the file cannot have there, so the advice is to delete »* «
    (YAML reads »*« as the start of an alias; other bullets become part of the key)."""
    text = MINIMAL.replace(f"\n{line}", f"\n* {line}", 1)
    findings = check_bytes(text.encode(), "aftale.yaml").findings
    assert [(f.code, f.column) for f in findings] == [("yaml-syntaks", 1)]
    assert "slet »* «" in findings[0].message and f"»{line}«" in findings[0].message
    followed = text.replace(f"* {line}", line)
    assert check_bytes(followed.encode(), "aftale.yaml").findings == ()
