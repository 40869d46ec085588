"""Partnership agreements (``skema: partnerskabsaftale/1``): the kind and its rules."""

from __future__ import annotations

from kbtools.checking.rules import (
    dates,
    economy,
    expiry,
    lks_systems,
    party_coverage,
    party_references,
    placeholders,
    recommended,
)
from kbtools.kinds.base import Kind

AGREEMENT = Kind(
    schema_name="partnerskabsaftale-1",
    label="partnerskabsaftale",
    help_page="vedligeholdelse/feltreference.html",
    rules=(
        party_references,
        party_coverage,
        economy,
        dates,
        expiry,
        lks_systems,
        placeholders,
        recommended,
    ),
    file_patterns=(
        "cases/**/aftale*.yaml",
        "cases/**/aftale*.yml",
        "**/partnerskabsaftale*.yaml",
        "**/partnerskabsaftale*.yml",
        "docs/partnerskabsaftalen/_filer/*.yaml",
    ),
)
