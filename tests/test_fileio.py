"""Writing output files: never over an input, never half a file, no hard links needed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kbtools import fileio
from kbtools.fileio import TargetExists, WriteRefused, same_file, write_file, write_new_file


@pytest.fixture
def no_hard_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system like FAT or many network drives: os.link always fails."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", refuse)


@pytest.mark.usefixtures("no_hard_links")
def test_new_file_without_hard_link_support(tmp_path: Path) -> None:
    target = tmp_path / "ny.md"
    write_new_file(target, b"indhold")
    assert target.read_bytes() == b"indhold"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ny.md"]  # no temp file left


@pytest.mark.usefixtures("no_hard_links")
def test_overwrite_without_hard_link_support(tmp_path: Path) -> None:
    target = tmp_path / "ny.md"
    target.write_bytes(b"gammel")
    target.chmod(0o640)
    write_file(target, b"ny", overwrite=True)
    assert target.read_bytes() == b"ny"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # permissions are kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ny.md"]


def test_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "ny.md"
    write_new_file(target, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_existing_file_is_never_replaced_without_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_bytes(b"mit")
    with pytest.raises(TargetExists):
        write_new_file(target, b"andet")
    assert target.read_bytes() == b"mit"


def test_a_file_appearing_while_writing_is_not_clobbered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The exclusive create of the final name is what protects it, not the early check."""
    target = tmp_path / "a.md"
    target.write_bytes(b"kom imens")
    monkeypatch.setattr(fileio, "_existing", lambda path: None)
    with pytest.raises(TargetExists):
        write_new_file(target, b"vores")
    assert target.read_bytes() == b"kom imens"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_failed_rename_removes_only_our_reservation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_replace(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", broken_replace)
    target = tmp_path / "a.md"
    with pytest.raises(WriteRefused, match="kan ikke gemme"):
        write_new_file(target, b"x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("overwrite", [False, True])
@pytest.mark.parametrize("how", ["same", "dot", "symlink", "hardlink", "dangling"])
def test_an_input_is_never_written(tmp_path: Path, how: str, overwrite: bool) -> None:
    source = tmp_path / "aftale.yaml"
    source.write_bytes(b"skema: partnerskabsaftale/1\n")
    before = (source.read_bytes(), source.stat().st_mtime_ns)
    target = {
        "same": source,
        "dot": tmp_path / "." / "aftale.yaml",
        "symlink": tmp_path / "link.yaml",
        "hardlink": tmp_path / "hard.yaml",
        "dangling": tmp_path / "dangling.yaml",
    }[how]
    if how == "symlink":
        target.symlink_to(source)
    elif how == "hardlink":
        os.link(source, target)
    elif how == "dangling":
        target.symlink_to(tmp_path / "findes-ikke")
    with pytest.raises(WriteRefused):
        write_file(target, b"<html>", overwrite=overwrite and how != "dangling", inputs=[source])
    assert (source.read_bytes(), source.stat().st_mtime_ns) == before


def test_folder_and_missing_parent(tmp_path: Path) -> None:
    with pytest.raises(WriteRefused, match="er en mappe"):
        write_file(tmp_path, b"x", overwrite=True)
    with pytest.raises(WriteRefused, match="findes ikke"):
        write_new_file(tmp_path / "mangler" / "a.md", b"x")


def test_same_file() -> None:
    here = Path(__file__)
    assert same_file(here, here.parent / "." / here.name)
    assert not same_file(here, here.parent / "findes-ikke.py")


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_named_pipe_is_never_replaced(tmp_path: Path, overwrite: bool) -> None:
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    with pytest.raises(WriteRefused, match="ikke en almindelig fil"):
        write_file(pipe, b"x", overwrite=overwrite)
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.md"]


def test_a_device_is_never_replaced(tmp_path: Path) -> None:
    """As root, ``-o /dev/null --overskriv`` used to replace /dev/null with a file (tested on a
    copy of the device node, never on /dev/null itself)."""
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("only root can create a device node")
    with pytest.raises(WriteRefused, match="ikke en almindelig fil"):
        write_file(device, b"x", overwrite=True)
    assert stat.S_ISCHR(os.lstat(device).st_mode)


@pytest.mark.parametrize("overwrite", [False, True])
@pytest.mark.parametrize("dangling", [False, True])
def test_a_symbolic_link_is_never_replaced_or_written_through(
    tmp_path: Path, overwrite: bool, dangling: bool
) -> None:
    target = tmp_path / "mål.md"
    if not dangling:
        target.write_bytes(b"mit")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    with pytest.raises(WriteRefused, match="symbolsk link") as refused:
        write_file(link, b"x", overwrite=overwrite)
    assert not isinstance(refused.value, TargetExists)  # --overskriv would not help
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert (target.read_bytes() if not dangling else target.exists()) == (
        b"mit" if not dangling else False
    )


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002, 0o027])
@pytest.mark.parametrize("overwrite", [False, True])
def test_new_file_gets_the_users_umask(tmp_path: Path, umask: int, overwrite: bool) -> None:
    old = os.umask(umask)
    try:
        write_file(tmp_path / "ny.md", b"x", overwrite=overwrite)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "ny.md").stat().st_mode) == 0o666 & ~umask


def test_a_replaced_file_keeps_its_permissions_but_never_setuid(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_bytes(b"gammel")
    target.chmod(0o4755)
    write_file(target, b"ny", overwrite=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


def test_render_refuses_a_pipe_and_a_dangling_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kbtools.cli import main

    source = Path(__file__).parent / "data" / "agreements" / "valid" / "minimal.yaml"
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "link.md").symlink_to(tmp_path / "findes-ikke.md")
    for name in ("pipe.md", "link.md"):
        code = main(
            ["render", str(source), "--format", "md", "-o", str(tmp_path / name), "--overskriv"]
        )
        assert code == 2
        assert f"{tmp_path / name}: er " in capsys.readouterr().err
    assert not (tmp_path / "findes-ikke.md").exists()
