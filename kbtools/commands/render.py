"""`kbtools render` (not implemented yet)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("render", help="(under udvikling)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    print("Kommandoen er under udvikling.")
    return 2
