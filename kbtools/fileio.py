"""Writing files without ever clobbering one: exclusive create, or a temp file linked into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class WriteRefused(Exception):
    """Raised with a Danish, user-facing message when a file cannot be written."""


def write_new_file(path: Path, data: bytes) -> None:
    """Write `data` to `path`, which must not exist yet.

    The content is written to a temp file in the same folder and then hard-linked to `path`:
    `os.link` fails if `path` appeared meanwhile, so a race can never overwrite a file, and a
    reader never sees a half-written file.
    """
    if path.is_dir():
        raise WriteRefused(f"{path}: er en mappe, ikke en fil. Angiv et filnavn.")
    if path.exists():
        raise WriteRefused(f"{path}: filen findes allerede og bliver ikke overskrevet.")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise WriteRefused(f"{path}: mappen {parent} findes ikke.")
    try:
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=".kbtools-", suffix=".tmp")
    except OSError as err:
        raise WriteRefused(f"{path}: kan ikke skrive i mappen {parent} ({err.strerror}).") from err
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        try:
            os.link(tmp, path)
        except FileExistsError as err:
            raise WriteRefused(
                f"{path}: filen findes allerede og bliver ikke overskrevet."
            ) from err
        except OSError as err:
            raise WriteRefused(f"{path}: kan ikke oprette filen ({err.strerror}).") from err
    finally:
        os.unlink(tmp)
