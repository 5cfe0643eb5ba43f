"""A broken store is one line and exit 3, never a traceback, and the file is left as it was.

Each case damages a real store file the way disks and people do — emptied to
0 bytes, overwritten with garbage, cut short, a page scribbled over, a folder
the user cannot write, another program holding the lock — and runs the real
command line in its own process.  The damaged file must be byte-identical
afterwards and nothing may be created over it.  Backups are taken while a
store is open and restored over a damaged one, and every table is compared.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cli.main import main
from pos.store.backup import backup_store, list_backups
from tests.hq_server import PROJECT
from tests.integration.store_checks import tables

STORE = "pos.sqlite3"


@pytest.fixture(scope="module")
def good_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("good")
    assert main(["--data-dir", str(data_dir), "init", "--demo"]) == 0
    with sqlite3.connect(data_dir / STORE) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    return data_dir


def run(
    data_dir: Path, *args: str, user: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [*(user or []), sys.executable, str(PROJECT / "main.py"), "--data-dir", str(data_dir)]
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, timeout=60, env=env, cwd=PROJECT
    )


def digest(data_dir: Path) -> dict[str, str]:
    """Every file's hash, but the WAL index (-shm): any reader rebuilds it, it holds no data."""
    files = sorted(p for p in data_dir.iterdir() if not p.name.endswith("-shm"))
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(64 * 1024))


def _cut_short(path: Path) -> None:
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size // 3)


def _scribbled(path: Path) -> None:
    """Pages in the middle overwritten: the header is whole, the tables are not."""
    with path.open("r+b") as file:
        size = path.stat().st_size
        for offset in range(4096 * 2, size - 4096, 4096 * 3):
            file.seek(offset)
            file.write(b"\xde\xad\xbe\xef" * 1024)


DAMAGE: dict[str, Callable[[Path], None]] = {
    "empty": _empty,
    "garbage": _garbage,
    "cut short": _cut_short,
    "scribbled": _scribbled,
}


def assert_one_clear_line(result: subprocess.CompletedProcess[str], path: Path, says: str) -> None:
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and says in lines[0]


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_store_is_one_line_exit_3_and_left_byte_for_byte(
    good_store: Path, tmp_path: Path, damage: str
) -> None:
    data_dir = tmp_path / "d"
    shutil.copytree(good_store, data_dir)
    DAMAGE[damage](data_dir / STORE)
    before = digest(data_dir)
    for command in (["report", "x"], ["settings", "set", "idle_lock_minutes", "3"], ["check"]):
        result = run(data_dir, *command)
        assert_one_clear_line(result, data_dir / STORE, "is damaged")
        assert "otop-pos restore" in result.stderr  # what to do
    assert digest(data_dir) == before  # nothing written, nothing created beside it


def test_a_zero_byte_store_is_not_turned_into_a_new_one_even_by_init(
    good_store: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "d"
    data_dir.mkdir()
    (data_dir / STORE).write_bytes(b"")
    assert_one_clear_line(run(data_dir, "init", "--demo"), data_dir / STORE, "0 bytes")
    assert (data_dir / STORE).stat().st_size == 0


def test_the_full_check_finds_damage_the_header_does_not_show(
    good_store: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "d"
    shutil.copytree(good_store, data_dir)
    assert run(data_dir, "check", "--full").returncode == 0
    _scribbled(data_dir / STORE)
    assert_one_clear_line(run(data_dir, "check", "--full"), data_dir / STORE, "damaged")


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` read-only for this user: chmod, or for root (whom chmod does not stop) a
    read-only bind mount of it over itself; skipped where neither can be had."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        (folder / STORE).chmod(0o444)
        try:
            yield
        finally:
            folder.chmod(0o755)
            (folder / STORE).chmod(0o644)
        return
    bound = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if bound.returncode != 0:
        pytest.skip(f"root, and no bind mount to make a folder read-only: {bound.stderr!r}")
    try:
        made = subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True)
        if made.returncode != 0:
            pytest.skip(f"root, and the bind mount cannot be made read-only: {made.stderr!r}")
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_store_the_user_cannot_write_is_one_line_and_unchanged(
    good_store: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "ro"
    shutil.copytree(good_store, data_dir)
    before = digest(data_dir)
    with read_only(data_dir):
        result = run(data_dir, "settings", "set", "idle_lock_minutes", "3")
        assert_one_clear_line(result, data_dir / STORE, "cannot be written")
    assert digest(data_dir) == before


def test_a_store_another_program_holds_is_one_line_saying_so(
    good_store: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "d"
    shutil.copytree(good_store, data_dir)
    holder = sqlite3.connect(data_dir / STORE, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")  # what a careless backup tool or a second copy does
    try:
        result = run(data_dir, "settings", "set", "idle_lock_minutes", "3")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_one_clear_line(result, data_dir / STORE, "in use by another program")
    assert run(data_dir, "settings", "set", "idle_lock_minutes", "3").returncode == 0


def test_a_backup_taken_while_open_restores_over_a_damaged_store_row_for_row(
    good_store: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "d"
    shutil.copytree(good_store, data_dir)
    assert main(["--data-dir", str(data_dir), "settings", "set", "idle_lock_minutes", "7"]) == 0
    reader = sqlite3.connect(data_dir / STORE)  # the till has the store open meanwhile
    reader.execute("SELECT count(*) FROM product").fetchone()
    try:
        assert run(data_dir, "backup", "--keep", "2").returncode == 0
    finally:
        reader.close()
    (backup,) = (data_dir / "backups").iterdir()
    expected = tables(data_dir / STORE)
    assert tables(backup) == expected
    _cut_short(data_dir / STORE)
    restored = run(data_dir, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert tables(data_dir / STORE) == expected
    assert [p for p in data_dir.iterdir() if ".replaced-" in p.name]  # the damaged one is kept
    assert run(data_dir, "check", "--full").returncode == 0


def test_backups_rotate_keeping_the_newest(good_store: Path, tmp_path: Path) -> None:
    where = tmp_path / "backups"
    made = [
        backup_store(good_store / STORE, where, keep=2, now=dt.datetime(2026, 12, day, 23, 0))
        for day in (1, 2, 3)
    ]
    assert list_backups(where) == [made[2], made[1]]
    listed = run(good_store, "backup", "--list", "--to", str(where)).stdout
    assert [line.split()[0] for line in listed.splitlines()] == [str(made[2]), str(made[1])]
    with pytest.raises(ValueError, match="at least 1"):
        backup_store(good_store / STORE, where, keep=0)


def test_in_process_the_commands_check_back_up_restore_and_explain_alike(
    good_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same commands through ``cli.main.main`` in this process, as the app's code runs."""
    data_dir = tmp_path / "d"
    shutil.copytree(good_store, data_dir)
    assert main(["--data-dir", str(data_dir), "check"]) == 0
    assert main(["--data-dir", str(data_dir), "backup"]) == 0
    assert main(["--data-dir", str(data_dir), "backup", "--keep", "0"]) == 2
    assert main(["--data-dir", str(data_dir), "backup", "--list"]) == 0
    (backup,) = (data_dir / "backups").iterdir()
    _garbage(data_dir / STORE)
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "settings", "show"]) == 3
    assert "is damaged" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "restore", str(tmp_path / "none")]) == 1
    assert main(["--data-dir", str(data_dir), "restore", str(backup)]) == 0
    assert main(["--data-dir", str(data_dir), "check", "--full"]) == 0
    assert main(["--data-dir", str(tmp_path / "nothing"), "check"]) == 3
    _scribbled(data_dir / STORE)  # the header whole: the damage shows only once read
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "catalog", "export", str(tmp_path / "x.csv")]) == 3
    assert "is damaged" in capsys.readouterr().err
