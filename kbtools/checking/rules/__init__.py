"""Cross-field rules for partnership agreements: one module per rule.

Each module's docstring is the user documentation of its rule; each has ``CODES`` and a
``check(document)`` that yields findings. Rules run only on documents that passed the schema's
structural checks for the parts they read, and must never raise on odd data.
"""

from __future__ import annotations

from kbtools.checking.kinds import Rule
from kbtools.checking.rules import (
    dates,
    economy,
    lks_systems,
    party_coverage,
    party_references,
    recommended,
)

AGREEMENT_RULES: tuple[Rule, ...] = (
    party_references.check,
    party_coverage.check,
    economy.check,
    dates.check,
    lks_systems.check,
    recommended.check,
)

RULE_MODULES = (party_references, party_coverage, economy, dates, lks_systems, recommended)
