"""Follow-ups (``skema: opfølgning/1``): a partnership's yearly status on its agreement.

A follow-up is checked against the agreement in its folder (chosen by
:mod:`kbtools.kinds.followup_agreement`): every goal has a status, the year lies within the
agreement, and the spending is compared with the budget.
"""

from __future__ import annotations

from kbtools.checking.rules import followup_budget, followup_goals
from kbtools.kinds.base import Kind

FOLLOWUP = Kind(
    schema_name="opfoelgning-1",
    label="opfølgning",
    help_page="lks-i-praksis/opfoelgning.html",
    rules=(followup_goals, followup_budget),
    file_patterns=(
        "cases/**/opfoelgning*.yaml",
        "cases/**/opfølgning*.yaml",
        "**/opfoelgning*.yaml",
        "**/opfoelgning*.yml",
        "**/opfølgning*.yaml",
        "**/opfølgning*.yml",
    ),
)
