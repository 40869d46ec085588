"""(not implemented yet)"""

from __future__ import annotations

from typing import Any


def setup_typology(app: Any) -> None:
    return None
