"""Typology assessments (``skema: typologivurdering/1``): the kind and its rules."""

from __future__ import annotations

from kbtools.checking.rules import (
    assessment_direction,
    assessment_parameters,
    assessment_ratings,
)
from kbtools.kinds.base import Kind

ASSESSMENT = Kind(
    schema_name="typologivurdering-1",
    label="typologivurdering",
    help_page="typologi/index.html",
    rules=(assessment_parameters, assessment_direction, assessment_ratings),
    file_patterns=(
        "cases/**/vurdering*.yaml",
        "cases/**/vurdering*.yml",
        "**/typologivurdering*.yaml",
        "**/typologivurdering*.yml",
    ),
)
