"""Finding YAML files in folders: the one walk that ``validate``, ``vurdering saml`` and the
pre-commit hook share.

The walk looks for agreements, assessments and ratings, not for every YAML file in a
repository. It takes files whose name ends in ``.yaml`` or ``.yml`` in any case (``Aftale
2028.YAML`` too) and leaves out hidden files and folders (``.github``, ``.pre-commit-config.
yaml`` and the ``._aftale.yaml`` files macOS leaves on a USB stick), virtual environments,
``node_modules`` and ``_build``. Symbolic links to folders are not followed (they could loop).

It never raises for a path it cannot read: a folder it cannot list, or a path too long for the
operating system, becomes a ``fil-ulaeselig`` finding naming that folder, and the walk goes on
with the rest. Which of the files found are then checked is decided by :mod:`kbtools.unchecked`.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from kbtools.findings import Finding
from kbtools.loading.codes import UNREADABLE

YAML_SUFFIXES = (".yaml", ".yml")
#: Folders that hold tools' files, never agreements (hidden folders are skipped as well).
SKIPPED_FOLDERS = frozenset({"node_modules", "_build", "__pycache__", "site-packages"})


@dataclass
class Walk:
    """The YAML files found (sorted within each folder) and the folders that could not be read."""

    files: list[Path] = field(default_factory=list)
    unreadable: list[Finding] = field(default_factory=list)


def is_yaml_name(name: str) -> bool:
    """True for a visible file name ending in ``.yaml`` or ``.yml`` (in any case)."""
    return not name.startswith(".") and name.lower().endswith(YAML_SUFFIXES)


def is_walked(path: Path) -> bool:
    """True when a folder walk from the current folder would look at ``path`` (relative, as
    git gives it): a YAML name, in no hidden, tool or virtual environment folder. Of a path
    outside the current folder only the name counts (``~/.lokalt/aftale.yaml`` is walked)."""
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return is_yaml_name(path.name)
    *folders, name = path.parts or ("",)
    if not is_yaml_name(name):
        return False
    for depth, part in enumerate(folders, start=1):
        if part in (".", ".."):
            continue
        if part.startswith(".") or part in SKIPPED_FOLDERS:
            return False
        if not _walks_into(Path(*folders[:depth])):
            return False
    return True


def walk(top: Path, *, recursive: bool = True) -> Walk:
    """The YAML files in ``top`` (and, if ``recursive``, in the folders below it)."""
    found = Walk()
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            found.unreadable.append(unreadable_folder(folder, error))
            continue
        below = []
        for entry in entries:
            path = Path(folder) / entry.name
            kind = _kind(entry)
            if kind == "folder" and recursive and _walks_into(path):
                below.append(path)
            elif kind == "file" and is_yaml_name(entry.name):
                found.files.append(path)  # a file we cannot stat is reported when it is read
        pending.extend(reversed(below))  # depth first, in name order
    return found


def unreadable_folder(folder: Path, error: OSError) -> Finding:
    """The finding for a folder that cannot be read (no access, path too long, …)."""
    reason = error.strerror or str(error)
    message = f"Mappen kan ikke læses ({reason}), så filerne i den er ikke kontrolleret."
    return UNREADABLE.finding(str(folder), 1, 1, message)


def _kind(entry: os.DirEntry[str]) -> str:
    """``folder`` for a real folder, ``link`` for a link to one (never followed), ``file`` for
    anything else (a file that cannot be examined is read, and reported, later)."""
    try:
        if entry.is_symlink():
            return "link" if entry.is_dir() else "file"
        return "folder" if entry.is_dir(follow_symlinks=False) else "file"
    except OSError:
        return "file"


def _walks_into(folder: Path) -> bool:
    name = folder.name
    if name.startswith(".") or name in SKIPPED_FOLDERS:
        return False
    try:  # a virtual environment, whatever its name
        return not stat.S_ISREG(os.stat(folder / "pyvenv.cfg").st_mode)
    except OSError:
        return True  # no pyvenv.cfg, or the folder cannot be read: the walk reports that
