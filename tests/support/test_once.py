"""Work done once per run (``once.py``): whoever asks first makes it, everyone gets its answer."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from once import once


def test_many_at_once_make_it_once_and_all_get_its_answer(tmp_path: Path) -> None:
    made: list[Path] = []

    def make(folder: Path) -> str | None:
        made.append(folder)
        time.sleep(0.05)  # the others ask meanwhile
        return "Det gik galt."

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: once(tmp_path / "arbejde", make), range(4)))
    assert made == [tmp_path / "arbejde"]
    assert answers == ["Det gik galt."] * 4
    assert once(tmp_path / "arbejde", make) == "Det gik galt." and len(made) == 1


def test_work_that_went_well_answers_none_and_keeps_what_it_made(tmp_path: Path) -> None:
    def make(folder: Path) -> str | None:
        (folder / "resultat.txt").write_text("færdig", encoding="utf-8")
        return None

    assert once(tmp_path / "arbejde", make) is None
    assert once(tmp_path / "arbejde", make) is None
    assert (tmp_path / "arbejde" / "resultat.txt").read_text(encoding="utf-8") == "færdig"


def test_nothing_relies_on_groups_of_pytest_xdist() -> None:
    """pytest-xdist's group mark is ignored with the locked pytest 9.2, without an error
    (pytest-xdist#1386), so work done once per run goes through :func:`once.once`."""
    root = Path(__file__).resolve().parents[2]
    mark = "xdist_" + "group"  # spelled in two, so this file does not name it
    files = [root / "pyproject.toml", *sorted((root / "tests").rglob("*.py"))]
    assert [p.name for p in files if mark in p.read_text(encoding="utf-8")] == []
    assert "loadgroup" not in (root / "pyproject.toml").read_text(encoding="utf-8")
