"""Benchmark for `kbtools validate` against its peers, measured in ONE run (ratios, not seconds).

Generates realistic agreements (~3 KB each) and reports:
  * files/s for `kbtools validate` on all of them (one process);
  * files/s for `check-jsonschema --schemafile <our schema>` on the same files;
  * files/s for a bare `yaml.load(..., CSafeLoader)` loop (the parsing floor);
  * wall time of validating ONE file, kbtools vs check-jsonschema;
  * peak memory (max RSS) of `kbtools validate` on 10,000 files;
  * schema validation alone, in this process: kbtools' pure-Python validator against
    jsonschema's Draft7Validator and (when installed) fastjsonschema's compiled code. This
    showed that kbtools needs no separate fast path for valid files.
Targets: ≥4× check-jsonschema's throughput, ≥0.5× the bare parsing throughput,
one file in ≤0.5× check-jsonschema's time, peak memory ≤150 MB for 10,000 files.

Run:  .venv/bin/python bench/validate_bench.py [--quick] [--schema-only]
"""

from __future__ import annotations

import argparse
import copy
import importlib
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from kbtools.checking.validator import Validator
from kbtools.kinds import AGREEMENT
from kbtools.loading import load_bytes

BIN = Path(sys.executable).parent
SCHEMA = (
    Path(__file__).resolve().parents[1] / "kbtools" / "schemas" / "partnerskabsaftale-1.schema.json"
)
TOWNS = ["Aarby", "Bækholm", "Dalum", "Egeskov", "Fjordby", "Grenå Vest", "Hedeby", "Iselund"]
FIRST = ["Anne", "Bo", "Clara", "Dennis", "Emma", "Frederik", "Grete", "Hans", "Ida", "Jens"]


def agreement(n: int, rng: random.Random) -> dict[str, object]:
    town = f"{rng.choice(TOWNS)} {n}"
    systems = [
        ("jobcenter", "Jobcenter", "beskæftigelse"),
        ("erhverv", "Erhvervshus", "erhvervsfremme"),
        ("skole", "Erhvervsskole", "uddannelse"),
    ]
    years = list(range(2027, 2027 + rng.randint(3, 5)))
    amount = rng.randint(1, 9) * 1000
    parties: list[dict[str, Any]] = [
        {
            "id": pid,
            "navn": f"{label} {town}",
            "system": system,
            "kontakt": {"navn": f"{rng.choice(FIRST)} Hansen", "email": f"{pid}@{n}.example"},
        }
        for pid, label, system in systems
    ]
    return {
        "skema": "partnerskabsaftale/1",
        "titel": f"Partnerskabsaftale for LKS {town}",
        "parter": parties,
        "formål": {
            "beskrivelse": "Bedre kompetenceforsyning til små og mellemstore virksomheder.",
            "vision": "Én indgang for virksomhederne.",
            "mål": [
                {
                    "mål": f"{rng.randint(20, 200)} sambesøg",
                    "indikator": "Antal sambesøg",
                    "frist": f"{years[-1]}-12-31",
                }
            ],
            "opgave": "Koble virksomheders behov med rekruttering og uddannelse.",
        },
        "roller": [
            {"part": p["id"], "rolle": "Indgang for virksomheder", "opgaver": ["Sambesøg"]}
            for p in parties
        ],
        "økonomi": {
            "enhed": "kr.",
            "budget": [
                {
                    "navn": "Drift",
                    "pr_år": {str(y): amount for y in years},
                    "i_alt": amount * len(years),
                }
            ],
            "finansiering": [{"navn": "Kommunerne", "pr_år": {str(y): amount for y in years}}],
        },
        "organisering": {
            "ansvar": "Styregruppen.",
            "indflydelse": "Én stemme pr. part.",
            "ledelse": "Delt projektledelse.",
            "styregruppe": {
                "medlemmer": [{"part": p["id"]} for p in parties],
                "opgaver": "Mål og prioriteringer.",
            },
            "konsulentgruppe": {
                "medlemmer": [{"part": p["id"]} for p in parties],
                "opgaver": "Sambesøg.",
            },
        },
        "ressourcer": [
            {
                "part": p["id"],
                "bidrag": ["En konsulent"],
                "minimumstid": {"timer": rng.randint(5, 40), "pr": "måned"},
            }
            for p in parties
        ],
        "varighed": {"start": f"{years[0]}-01-01", "slut": f"{years[0] + 5}-12-31"},
        "underskrifter": [
            {
                "part": p["id"],
                "navn": p["kontakt"]["navn"],
                "titel": "Chef",
                "dato": f"{years[0] - 1}-12-01",
            }
            for p in parties
        ],
        "værdisæt": ["Åbenhed"],
        "ændringer": "Skriftligt i styregruppen.",
        "møder": [
            {"niveau": "ledelse", "forum": "Styregruppen", "hyppighed": "Kvartalsvis"},
            {"niveau": "medarbejder", "forum": "Konsulentgruppen", "hyppighed": "Hver uge"},
        ],
        "læring": {
            "selvevaluering": "Én gang om året vurderer styregruppen partnerskabet "
            "med typologien og skriver resultatet ind i aftalen."
        },
        "kommunikation": {
            "informationsdeling": "Fælles drev og et fælles CRM for sambesøg.",
            "fælles_platform": f"Fælles navn og hjemmeside: LKS {town}.",
        },
        "konfliktløsning": "Uenighed løftes først i konsulentgruppen og derefter i styregruppen.",
    }


def generate(folder: Path, count: int) -> list[Path]:
    rng = random.Random(42)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"aftale-{n:05d}.yaml"
        path.write_text(
            yaml.safe_dump(agreement(n, rng), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        paths.append(path)
    return paths


def timed(command: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    return time.perf_counter() - start, result.returncode


def best_of(runs: int, command: list[str]) -> float:
    return min(timed(command)[0] for _ in range(runs))


def peak_rss_mb(command: list[str]) -> float:
    code = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *command], capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip()) / 1024


def per_document(check: Callable[[Any], object], docs: list[Any], runs: int) -> float:
    """Best time of ``runs`` passes over ``docs``, in microseconds per document."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for doc in docs:
            check(doc)
        best = min(best, time.perf_counter() - start)
    return best / len(docs) * 1e6


def schema_only(count: int) -> None:
    """Schema validation alone on valid agreements loaded as kbtools loads them."""
    rng = random.Random(42)
    docs = []
    for n in range(count):
        raw = yaml.safe_dump(agreement(n, rng), allow_unicode=True, sort_keys=False).encode()
        document, _ = load_bytes(raw, f"aftale-{n}.yaml")
        assert document is not None
        docs.append(document.data)
    schema = AGREEMENT.schema
    ours = Validator(schema)
    assert all(ours.is_valid(doc) for doc in docs), "the generated agreements should be valid"
    oracle = jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.FormatChecker(formats=["date"])
    )
    timings = {
        "kbtools validator": per_document(lambda d: list(ours.iter_errors(d)), docs, 7),
        "jsonschema Draft7Validator": per_document(lambda d: list(oracle.iter_errors(d)), docs, 3),
    }
    try:
        fast: Any = importlib.import_module("fastjsonschema")
    except ImportError:
        pass
    else:
        # fastjsonschema rewrites the $refs of the schema it gets: give it a copy
        compiled = fast.compile(copy.deepcopy(schema))
        timings["fastjsonschema (kompileret)"] = per_document(compiled, docs, 7)
    print(f"Skemakontrol alene, {count} gyldige aftaler (µs pr. aftale):")
    for name, micros in timings.items():
        ratio = micros / timings["kbtools validator"]
        print(f"  {name:28s} {micros:8.1f} µs  {ratio:5.2f} × kbtools")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 files instead of 2,000")
    parser.add_argument("--schema-only", action="store_true", help="only the in-process part")
    args = parser.parse_args()
    count = 200 if args.quick else 2000
    if args.schema_only:
        schema_only(count // 2)
        return 0
    big = 1000 if args.quick else 10000
    kbtools = str(BIN / "kbtools")
    checker = str(BIN / "check-jsonschema")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "aftaler"
        paths = generate(folder, count)
        size = sum(p.stat().st_size for p in paths) / len(paths)
        _, code = timed([kbtools, "validate", "--format", "json", str(folder)])
        if code != 0:
            print(f"kbtools validate exited {code}: the generated files should be valid")
            return 1
        t_kb = best_of(2, [kbtools, "validate", "--format", "json", str(folder)])
        t_cj = best_of(2, [checker, "--schemafile", str(SCHEMA), *map(str, paths)])
        texts = [p.read_text(encoding="utf-8") for p in paths]
        start = time.perf_counter()
        for text in texts:
            yaml.load(text, Loader=yaml.CSafeLoader)
        t_yaml = time.perf_counter() - start
        one = str(paths[0])
        t_kb1 = best_of(5, [kbtools, "validate", "--format", "json", one])
        t_cj1 = best_of(5, [checker, "--schemafile", str(SCHEMA), one])
        many = Path(tmp) / "mange"
        generate(many, big)
        rss = peak_rss_mb([kbtools, "validate", "--format", "json", str(many)])
        shutil.rmtree(many)
    rows = [
        ("kbtools validate", count / t_kb),
        ("check-jsonschema", count / t_cj),
        ("yaml.load CSafeLoader", count / t_yaml),
    ]
    print(f"{count} aftaler à ca. {size / 1024:.1f} KB")
    for name, rate in rows:
        print(f"  {name:24s} {rate:8.0f} filer/s")
    checks = [
        ("gennemløb vs. check-jsonschema", t_cj / t_kb, ">=", 4.0),
        ("gennemløb vs. ren YAML-parsing", t_yaml / t_kb, ">=", 0.5),
        ("én fil: tid vs. check-jsonschema", t_kb1 / t_cj1, "<=", 0.5),
        (f"maks. hukommelse, {big} filer (MB)", rss, "<=", 150.0),
    ]
    ok = True
    for name, value, op, target in checks:
        passed = value >= target if op == ">=" else value <= target
        ok &= passed
        print(f"  {name:36s} {value:7.2f}  (mål {op} {target})  {'OK' if passed else 'IKKE NÅET'}")
    print(f"  én fil: kbtools {t_kb1 * 1000:.0f} ms, check-jsonschema {t_cj1 * 1000:.0f} ms")
    schema_only(count // 2)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
