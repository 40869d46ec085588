"""Every page of the built site is valid HTML: the Nu Html Checker (vnu, W3C's validator,
from npm's vnu-jar in node_modules/) reports no error.

Run by hand: ``java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only --skip-non-html
_build/html``. Warnings (vnu's »info« and »warning«) do not fail the test, errors do.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "java mangler, så vnu kan ikke køre. Kør ./bootstrap.sh (installerer "
            "default-jre-headless).",
            pytrace=False,
        )
    if not VNU_JAR.is_file():
        pytest.fail(f"vnu.jar mangler: {VNU_JAR}. Kør ./bootstrap.sh.", pytrace=False)
    # One short run: the quick compiler alone (C1) does it with half the CPU of the JVM's two
    # tiers. C1's frames are larger, and vnu's schema check needs the deeper stack then.
    return [java, "-XX:TieredStopAtLevel=1", "-Xss16m", "-jar", str(VNU_JAR)]


def _errors(site: Path) -> list[str]:
    result = subprocess.run(
        [*_vnu_command(), "--errors-only", "--skip-non-html", "--format", "json", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors = []
    for message in report.get("messages", []):
        if message.get("type") in {"error", "non-document-error"}:
            where = str(message.get("url", "")).removeprefix(site.as_uri())
            errors.append(f"{where}:{message.get('lastLine', '?')}: {message.get('message')}")
    assert errors or result.returncode == 0, result.stdout + result.stderr
    return errors


def test_the_nu_html_checker_finds_no_error_on_any_page(built_site: Path) -> None:
    assert sorted(built_site.rglob("*.html")), built_site
    errors = _errors(built_site)
    assert errors == [], "\n".join(errors)


@pytest.mark.slow
def test_the_checker_does_report_an_error(tmp_path: Path) -> None:
    """The check is not blind: a page with a duplicate id fails."""
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!DOCTYPE html><html lang="da"><head><title>x</title></head>'
        '<body><p id="a">1</p><p id="a">2</p></body></html>',
        encoding="utf-8",
    )
    errors = _errors(tmp_path)
    assert len(errors) == 1 and "Duplicate ID" in errors[0], errors
