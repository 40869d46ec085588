"""Benchmark the typology case pages (a script, not a test).

Generates 300 fictional cases (an agreement and three assessments each, copied from
``cases/midtby`` with new names), builds a small site with one ``{lks-case}`` stub page per
case plus the comparison page, and reports in one run:

* the full build time;
* a rebuild with no change;
* a rebuild after editing one case, with the documents re-read;
* the full build of the same site with 300 plain Markdown pages of similar length.

Targets: the one-case rebuild takes at most 10 % of the full build and re-reads only the
case's page and the comparison page; the rendered build takes at most 2x the plain build.
Run: ``.venv/bin/python bench/typology_bench.py [--cases N]``.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import tempfile
import time
from io import StringIO
from pathlib import Path

from sphinx.application import Sphinx

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "cases" / "midtby"
CONF = 'extensions = ["myst_parser", "kbtools.sphinxext"]\nlanguage = "da"\n'


def make_cases(root: Path, count: int) -> list[str]:
    names = [f"case{index:03d}" for index in range(count)]
    for name in names:
        folder = root / "cases" / name
        folder.mkdir(parents=True)
        for file in SOURCE.glob("*.yaml"):
            text = file.read_text(encoding="utf-8").replace("Midtby", f"Benchby {name}")
            (folder / file.name).write_text(text, encoding="utf-8")
    return names


def make_site(root: Path, names: list[str], plain: bool) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "conf.py").write_text(CONF + 'exclude_patterns = ["cases", "_build"]\n')
    toctree = "\n".join(names)
    comparison = "" if plain else "```{lks-sammenligning}\n```\n\n"
    index = "# Cases\n\n" + comparison
    (root / "index.md").write_text(index + f"```{{toctree}}\n:maxdepth: 1\n\n{toctree}\n```\n")
    for name in names:
        if plain:
            rows = "\n".join(
                f"| Parameter {i} | Klubben | En begrundelse på en linje for {name}. |"
                for i in range(8)
            )
            table = f"| Parameter | Niveau | Begrundelse |\n|---|---|---|\n{rows}\n"
            body = f"# {name}\n\nSeneste vurdering.\n\n{table}\n## Udvikling\n\n{table}\n"
            body += f"## Aftalen\n\n{table}\n"
        else:
            body = f"# {name}\n\n```{{lks-case}} {name}\n```\n"
        (root / f"{name}.md").write_text(body, encoding="utf-8")


def build(root: Path) -> tuple[float, list[str]]:
    reread: list[str] = []
    start = time.perf_counter()
    app = Sphinx(
        str(root),
        str(root),
        str(root / "_build" / "html"),
        str(root / "_build" / "doctrees"),
        "html",
        confoverrides={"kbtools_cases_root": str(root)},
        status=StringIO(),
        warning=StringIO(),
    )
    app.connect("env-before-read-docs", lambda _a, _e, docs: reread.extend(docs))
    app.build()
    return time.perf_counter() - start, reread


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=300)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="typology-bench-"))
    try:
        rendered, plain = work / "rendered", work / "plain"
        names = make_cases(rendered, args.cases)
        make_site(rendered, names, plain=False)
        make_site(plain, names, plain=True)
        full, _ = build(rendered)
        nochange, nochange_read = build(rendered)
        edited = rendered / "cases" / names[0] / "vurdering-2020-03.yaml"
        edited.write_text(
            edited.read_text(encoding="utf-8").replace("dato: 2020-03-18", "dato: 2020-03-19")
        )
        one, one_read = build(rendered)
        plain_full, _ = build(plain)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ratio_one = one / full
    ratio_plain = full / plain_full
    only_dependent = sorted(one_read) == sorted([names[0], "index"])
    print(f"Maskine: {platform.node()} ({platform.machine()}, Python {platform.python_version()})")
    print(f"Dato: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"Cases: {args.cases} (aftale + 3 vurderinger hver)")
    print(f"Fuld bygning:                    {full:7.2f} s")
    print(f"Genbygning uden ændring:         {nochange:7.2f} s (genlæst: {len(nochange_read)})")
    print(f"Genbygning efter én ændret case: {one:7.2f} s (genlæst: {sorted(one_read)})")
    print(f"Fuld bygning, {args.cases} almindelige sider: {plain_full:7.2f} s")
    ok_one = ratio_one <= 0.10 and only_dependent
    ok_plain = ratio_plain <= 2.0
    print(
        f"Én case / fuld: {ratio_one:.1%} (mål ≤ 10 %, kun afhængige sider) "
        f"{'PASS' if ok_one else 'FAIL'}"
    )
    print(
        f"Cases / almindelige sider: {ratio_plain:.2f}x (mål ≤ 2x) {'PASS' if ok_plain else 'FAIL'}"
    )
    return 0 if ok_one and ok_plain else 1


if __name__ == "__main__":
    raise SystemExit(main())
