"""Which kind's schema a schema directive shows: the agreement's, or another kind's named
with ``:skema: <schema name>`` (``{aftale-feltreference}`` and ``{aftale-regler}``)."""

from __future__ import annotations

from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from kbtools.kinds import AGREEMENT, KINDS, Kind

logger = logging.getLogger(__name__)


def kind_named(directive: SphinxDirective, name: str | None) -> Kind | None:
    """The kind whose schema is ``name`` (the agreement when None); a located warning and
    None for a name no kind has."""
    if name is None:
        return AGREEMENT
    kind = next((kind for kind in KINDS if kind.schema_name == name.strip()), None)
    if kind is None:
        known = ", ".join(kind.schema_name for kind in KINDS)
        logger.warning(
            f"{directive.name}: :skema: skal være et af skemaerne {known}, ikke {name!r}",
            location=directive.get_location(),
            type="kbtools",
            subtype="schema",
        )
    return kind
