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
