"""Writing output files safely: never over a command's own input, never half a file.

Two guarantees hold for every file a command writes:

- **Its inputs are never touched.** Before writing, the target is compared with every input
  by identity (``os.path.samefile``: same device and inode), so ``-o aftale.yaml``,
  ``-o ./aftale.yaml``, a symbolic link or a hard link to the input are all refused, with or
  without ``--overskriv``.
- **A reader never sees a half-written file.** The content is written to a temporary file
  in the target's folder first and only then moved into place with ``os.replace`` (a rename
  on the same file system, atomic on POSIX and Windows).

Only a regular file is ever replaced, and only with ``--overskriv``: a symbolic link (also a
dangling one), a device such as ``/dev/null``, a named pipe or a folder at the target's name
is refused with or without it, so writing never goes through a link and never removes
something that is not an ordinary file. A new file gets the permissions any program's new file
gets (``0666`` less the user's umask), not the temporary file's ``0600``; a replaced file
keeps its own permissions.

Without ``--overskriv`` an existing file is never replaced, even if it appears while we are
writing. That guarantee used to come from ``os.link`` (a hard link fails if the name exists),
but FAT-formatted USB sticks and many network drives do not support hard links. Instead the
final name is *reserved* with an exclusive create (``O_CREAT | O_EXCL``, which every file
system supports and which fails if the name exists), and the finished temporary file is then
renamed over our own empty reservation. The only file ``os.replace`` can ever replace there is
the one we just created, so nobody else's file is clobbered. The price is that, for an
instant, the name holds an empty file; if anything fails, the reservation is removed again.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path


class WriteRefused(Exception):
    """Raised with a Danish, user-facing message when a file cannot be written."""


class TargetExists(WriteRefused):
    """The target exists and overwriting was not asked for."""


def write_file(
    path: Path, data: bytes, *, overwrite: bool = False, inputs: Sequence[Path] = ()
) -> None:
    """Write ``data`` to ``path`` atomically; ``inputs`` are files that must never be changed.

    Without ``overwrite`` the file must not exist yet (:class:`TargetExists` otherwise). With
    ``overwrite`` an existing file is replaced in one step (its permissions are kept).
    """
    parent = path.parent if str(path.parent) else Path(".")
    existing = _existing(path)
    _refuse_inputs(path, existing, inputs)
    if existing is not None:
        _refuse_unless_regular(path, existing)
        if not overwrite:
            raise TargetExists(f"{path}: filen findes allerede og bliver ikke overskrevet.")
    if not os.path.isdir(parent):
        raise WriteRefused(f"{path}: mappen {parent} findes ikke eller kan ikke læses.")
    mode = stat.S_IMODE(existing.st_mode) & 0o777 if existing is not None else _default_mode()
    with _temporary(path, parent, data, mode) as tmp:
        if existing is not None:  # a regular file, and overwriting was asked for
            _move(tmp, path)
        else:
            _move_into_reservation(tmp, path)


def write_new_file(path: Path, data: bytes, *, inputs: Sequence[Path] = ()) -> None:
    """Write ``data`` to ``path``, which must not exist yet (see :func:`write_file`)."""
    write_file(path, data, overwrite=False, inputs=inputs)


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` are the same file (also via symbolic or hard links)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _existing(path: Path) -> os.stat_result | None:
    """What occupies the target's name (a link itself, not what it points to), or None."""
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as err:
        raise WriteRefused(f"{path}: kan ikke undersøge stien ({_reason(err)}).") from err


def _refuse_unless_regular(path: Path, existing: os.stat_result) -> None:
    """Only a regular file may be replaced: never a folder, a link, a device or a pipe."""
    if stat.S_ISDIR(existing.st_mode):
        raise WriteRefused(f"{path}: er en mappe, ikke en fil. Angiv et filnavn.")
    if stat.S_ISLNK(existing.st_mode):
        raise WriteRefused(
            f"{path}: er et symbolsk link. kbtools skriver ikke gennem et link og erstatter "
            "det ikke. Angiv den fil, linket peger på, eller et andet filnavn."
        )
    if not stat.S_ISREG(existing.st_mode):
        raise WriteRefused(
            f"{path}: er ikke en almindelig fil, men fx en enhed eller en navngiven pipe. "
            "kbtools erstatter kun almindelige filer. Angiv et andet filnavn."
        )


def _refuse_inputs(path: Path, existing: os.stat_result | None, inputs: Sequence[Path]) -> None:
    if existing is None:
        return
    for source in inputs:
        if same_file(path, source):
            raise WriteRefused(
                f"{path}: er den fil, der læses fra ({source}), og den bliver aldrig "
                "overskrevet. Vælg et andet filnavn til resultatet."
            )


def _default_mode() -> int:
    """The permissions a newly created file gets under the current umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def _temporary(path: Path, parent: Path, data: bytes, mode: int) -> Iterator[str]:
    """A temporary file in ``parent`` holding ``data``; removed again unless moved away."""
    try:
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=".kbtools-", suffix=".tmp")
    except OSError as err:
        raise WriteRefused(f"{path}: kan ikke skrive i mappen {parent} ({_reason(err)}).") from err
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            with contextlib.suppress(OSError):  # some network drives cannot sync; not fatal
                os.fsync(handle.fileno())
        with contextlib.suppress(OSError):  # some file systems (FAT) have no permissions
            os.chmod(tmp, mode)
        yield tmp
    except OSError as err:
        raise WriteRefused(f"{path}: kan ikke skrive filen ({_reason(err)}).") from err
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _move(tmp: str, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except OSError as err:
        raise WriteRefused(f"{path}: kan ikke gemme filen ({_reason(err)}).") from err


def _move_into_reservation(tmp: str, path: Path) -> None:
    """Reserve ``path`` with an exclusive create, then rename ``tmp`` over the reservation."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as err:
        raise TargetExists(f"{path}: filen findes allerede og bliver ikke overskrevet.") from err
    except OSError as err:
        raise WriteRefused(f"{path}: kan ikke oprette filen ({_reason(err)}).") from err
    reservation = os.fstat(fd)
    os.close(fd)  # Windows cannot rename over a file that is still open
    try:
        os.replace(tmp, path)
    except OSError as err:
        _remove_reservation(path, reservation)
        raise WriteRefused(f"{path}: kan ikke gemme filen ({_reason(err)}).") from err


def _remove_reservation(path: Path, reservation: os.stat_result) -> None:
    """Remove the empty file we created, and only that file."""
    with contextlib.suppress(OSError):
        current = os.lstat(path)
        if (current.st_dev, current.st_ino) == (reservation.st_dev, reservation.st_ino):
            os.unlink(path)


def _reason(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return str(err) or type(err).__name__
