"""Benchmark the check of very large agreements in the browser (Pyodide) and on the command line
(a script, not a test).

Generates agreements near the 1 MB limit: 2,500 parties with 2,500 unknown references,
2,500 budget lines over ten years, 10,000 goals, one text of 900,000 characters, and 300
budget years. For each, and for ``cases/midtby/aftale.yaml`` (the small peer), it measures in
the same run:

* **browser**: one ``check`` call in Pyodide in headless Debian chromium (PyYAML's pure-Python
  parser, as on the site), from the call until its answer, median of ``--runs``;
* **CPython, pure parser**: the same call in this process with the loader the browser uses;
* **CLI**: ``kbtools validate FILE`` as a new process (libyaml's parser where PyYAML has it).

With ``--peer-site`` (a site built from another commit, e.g. ``main``), the same call on that
site's Pyodide is measured right after each browser call, and the ratio this ÷ peer says
what a change did. Machines are noisy, so read the ratios: browser ÷ CPython (Pyodide's own
cost), browser ÷ the small peer, and this site ÷ the peer site. Target: every browser call
within 3 s on a 2-core machine, idle.
Run: ``.venv/bin/python bench/big_input_bench.py [--site DIR] [--peer-site DIR] [--runs 3]``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from builder_bench import ARGS, CHROMIUM, PAGE, READY, REPO, Counter, build, serve
from playwright.sync_api import sync_playwright

from kbtools.browser import entry
from kbtools.loading import yamlsource

SMALL = REPO / "cases" / "midtby" / "aftale.yaml"
MINIMAL = (REPO / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").read_text("utf-8")
SYSTEMS = ("beskæftigelse", "erhvervsfremme", "uddannelse")


def parties(count: int = 2500) -> str:
    listed = "".join(
        f"  - id: part-{n}\n    navn: Part {n}\n    system: {SYSTEMS[n % 3]}\n"
        f"    kontakt: {{navn: Person {n}}}\n"
        for n in range(count)
    )
    roles = "".join(f"  - {{part: prt-{n}, rolle: R, opgaver: [O]}}\n" for n in range(count))
    return MINIMAL.replace("parter:\n", "parter:\n" + listed).replace(
        "roller:\n", "roller:\n" + roles
    )


def _years(first: int, count: int, amount: int) -> str:
    return "{" + ", ".join(f"{first + n}: {amount}" for n in range(count)) + "}"


def budget(lines: int = 2500, years: int = 10) -> str:
    posts = "".join(
        f"    - navn: Post {n}\n      pr_år: {_years(2027, years, 100)}\n"
        f"      i_alt: {100 * years}\n"
        for n in range(lines)
    )
    start = MINIMAL.index("  budget:\n")
    end = MINIMAL.index("  finansiering:\n")
    text = MINIMAL[:start] + "  budget:\n" + posts + MINIMAL[end:]
    text = text.replace("{2027: 100, 2028: 100}}", _years(2027, years, 100 * lines) + "}")
    return text.replace("slut: 2032-01-01", f"slut: {2026 + years}-12-31")


def goals(count: int = 10_000) -> str:
    listed = "".join(
        f"    - mål: Mål nummer {n}.\n      indikator: Indikator {n}.\n      frist: 2030-12-31\n"
        for n in range(count)
    )
    return MINIMAL.replace("    - mål: Et mål.\n", listed)


def long_text(characters: int = 900_000) -> str:
    sentence = "Partnerskabet arbejder med virksomhedernes behov. "
    words = (sentence * (characters // len(sentence))).strip()
    return MINIMAL.replace("ændringer: Skriftligt.", f"ændringer: {words}")


INPUTS: dict[str, Callable[[], str]] = {
    "2.500 parter": parties,
    "2.500 budgetposter": budget,
    "10.000 mål": goals,
    "tekst på 900.000 tegn": long_text,
    "300 budgetår": lambda: budget(100, 300),
}


@contextmanager
def chromium() -> Iterator[Any]:
    """Headless Debian chromium."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def pyodide(browser: Any, url: str) -> Callable[[str], float]:
    """A function that times one ``check`` call in the Pyodide of the site at ``url`` (ms)."""
    page = browser.new_page()
    page.goto(url + PAGE)
    page.wait_for_selector(READY, timeout=180_000)
    page.evaluate("window.kbBench = startPython(); kbBench.ready")

    def call(text: str) -> float:
        elapsed = page.evaluate(
            """async (text) => {
                const started = performance.now();
                const answer = await kbBench.call("check", {text: text});
                if (!answer.findings) throw new Error("no findings");
                return performance.now() - started;
            }""",
            text,
        )
        return float(elapsed)

    return call


def cpython_pure(text: str) -> float:
    """Milliseconds of the browser's ``check`` call here, with the browser's parser."""
    original = yamlsource._Loader
    yamlsource._Loader = yamlsource._PureLoader
    try:
        started = time.perf_counter()
        entry.call("check", json.dumps({"text": text}))
        return (time.perf_counter() - started) * 1000
    finally:
        yamlsource._Loader = original


def cli(path: Path) -> float:
    """Milliseconds of ``kbtools validate FILE`` as a new process."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "kbtools", "validate", str(path)]
    subprocess.run(command, capture_output=True, check=False)
    return (time.perf_counter() - started) * 1000


def measure(
    calls: list[Callable[[str], float]], texts: dict[str, str], runs: int, folder: Path
) -> Any:
    """Per input, the browser, CPython and the CLI one after another (so a change in the
    machine's load touches all three alike), ``runs`` times."""
    found: dict[str, dict[str, list[float]]] = {}
    for _ in range(runs):
        for name, text in texts.items():
            path = folder / "aftale.yaml"
            path.write_text(text, "utf-8")
            times = found.setdefault(name, {"browser": [], "peer": [], "cpython": [], "cli": []})
            for key, call in zip(("browser", "peer"), calls, strict=False):
                times[key].append(call(text))
            times["cpython"].append(cpython_pure(text))
            times["cli"].append(cli(path))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--peer-site", type=Path, help="a site to compare with (e.g. main's)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    texts = {"Midtby (lille)": SMALL.read_text("utf-8")}
    texts |= {name: make() for name, make in INPUTS.items()}
    with tempfile.TemporaryDirectory() as folder:
        site = args.site
        if site is None:
            site = Path(folder) / "html"
            build(site)
        with ExitStack() as stack:
            browser = stack.enter_context(chromium())
            sites = [site] + ([args.peer_site] if args.peer_site else [])
            calls = [pyodide(browser, stack.enter_context(serve(s, Counter()))) for s in sites]
            found = measure(calls, texts, args.runs, Path(folder))
    report(texts, found, args.runs)


def report(texts: dict[str, str], found: Any, runs: int) -> None:
    print(f"Belastning {os.getloadavg()[0]:.1f}, {os.cpu_count()} kerner; median af {runs}")
    head = f"{'Input':24} {'KB':>5} {'browser':>9} {'CPython':>9} {'CLI':>8}"
    print(head + f" {'÷CPython':>9} {'÷lille':>7} {'peer':>9} {'÷peer':>6}")
    median = {
        name: {k: statistics.median(v) if v else math.nan for k, v in t.items()}
        for name, t in found.items()
    }
    small = median["Midtby (lille)"]["browser"]
    for name, text in texts.items():
        m = median[name]
        row = f"{name:24} {len(text.encode()) // 1000:5} {m['browser']:6.0f} ms"
        row += f" {m['cpython']:6.0f} ms {m['cli']:5.0f} ms"
        row += f" {m['browser'] / m['cpython']:9.2f} {m['browser'] / small:7.1f}"
        print(row + f" {m['peer']:6.0f} ms {m['browser'] / m['peer']:6.2f}")


if __name__ == "__main__":
    main()
