"""``kbtools vurdering saml FOLDER`` finds the ratings as ``kbtools validate`` does, and a folder
or path the system refuses is a clear exit 2, never a crash."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kbtools.cli import main

ROOT = Path(__file__).resolve().parents[1]
RATINGS = sorted((ROOT / "cases" / "fjordkommune" / "bedoemmelser" / "2025-03-10").glob("*.yaml"))
#: What macOS writes next to every file on a FAT-formatted USB stick: binary, named ``._*``.
APPLE_DOUBLE = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02" + bytes(range(256))


def saml(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["vurdering", "saml", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_rating_saved_in_capitals_is_combined_and_apple_double_files_are_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    for number, rating in enumerate(RATINGS):
        name = rating.stem + (".YAML" if number == 0 else ".Yml" if number == 1 else ".yaml")
        shutil.copy(rating, folder / name)
        (folder / f"._{name}").write_bytes(APPLE_DOUBLE)
    code, out, err = saml(capsys, str(folder), "-o", "-")
    assert code == 0, err
    assert out.count("  - navn:") == len(RATINGS)  # every rating, the two in capitals too


def test_an_unreadable_folder_is_exit_2_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "låst"
    locked.mkdir()
    shutil.copy(RATINGS[0], locked / "a.yaml")
    real_scandir = os.scandir

    def scandir(path: str = ".") -> object:  # root may read anything: simulate chmod 000
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, _, err = saml(capsys, str(locked), "-o", str(tmp_path / "ud.yaml"))
    assert code == 2
    assert f"{locked}:1:1: fejl [fil-ulaeselig] Mappen kan ikke læses (Permission denied)" in err
    assert "ikke samlet, fordi en mappe ikke kan læses" in err
    assert not (tmp_path / "ud.yaml").exists()


def test_a_path_the_system_refuses_is_exit_2_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Below a folder without access (chmod 000), even a stat fails with PermissionError."""
    locked = tmp_path / "låst"
    real_stat = os.stat

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path).startswith(str(locked)):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat)
    code, _, err = saml(capsys, str(locked / "a.yaml"), "-o", str(tmp_path / "ud.yaml"))
    assert code == 2
    assert f"{locked / 'a.yaml'}:1:1: fejl [fil-ulaeselig]" in err
    code = main(["validate", "--format", "text", str(locked / "a.yaml"), str(locked)])
    out, _ = capsys.readouterr()
    assert code == 2
    assert f"{locked}:1:1: fejl [fil-ulaeselig] Stien kan ikke læses (Permission denied)" in out
