"""One participant's rating (``skema: typologibedømmelse/1``): the kind and its rules.

Several ratings of one partnership and date are combined into an assessment with
``kbtools vurdering saml`` (see :mod:`kbtools.typology.combine`).
"""

from __future__ import annotations

from kbtools.checking.rules import rating_content
from kbtools.kinds.base import Kind

RATING = Kind(
    schema_name="typologibedoemmelse-1",
    label="typologibedømmelse",
    help_page="typologi/selvevaluering.html",
    rules=(rating_content,),
    file_patterns=(
        "cases/**/bedoemmelse*.yaml",
        "cases/**/bedoemmelser/**/*.yaml",
        "**/bedømmelse*.yaml",
        "**/bedoemmelse*.yaml",
        "**/typologibedoemmelse*.yaml",
    ),
)
