"""The nightly backup and a guarded restore, from outside: real stores, real processes, SIGKILL.

A store with a simulated day of sales is backed up, changed and restored, and
every table is compared row for row with the backup.  ``backup --if-due`` is
run with a moved clock (``--now``).  The counter app itself is started as a
process (offscreen): while it runs a backup is allowed and a restore is refused
naming its process; once it is killed with SIGKILL (no clean-up at all) the
kernel has dropped its lock and the restore goes through.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from cli.main import main
from pos.bootstrap import StoreError, open_context
from pos.store.backup import backup_due, last_backup_time, list_backups, local_time
from pos.store.store_lock import (
    LOCK_FILENAME,
    command_line,
    hold_exclusive,
    hold_shared,
    holders,
)
from tests.folders import read_only_folder
from tests.hq_server import PROJECT
from tests.integration.store_checks import assert_store_consistent, tables

STORE = "pos.sqlite3"


@pytest.fixture(scope="module")
def trading_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo store with a simulated day of sales, shifts and a Z report."""
    data_dir = tmp_path_factory.mktemp("trading")
    assert main(["--data-dir", str(data_dir), "init", "--demo"]) == 0
    simulate = ["simulate", "--days", "1", "--sales-per-day", "12", "--seed", "3"]
    assert main(["--data-dir", str(data_dir), *simulate]) == 0
    return data_dir


@pytest.fixture
def store(trading_store: Path, tmp_path: Path) -> Path:
    data_dir = tmp_path / "d"
    shutil.copytree(trading_store, data_dir)
    return data_dir


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(PROJECT / "main.py"), "--data-dir", str(data_dir), *args]
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    return subprocess.run(command, capture_output=True, text=True, timeout=90, env=env)


def _change(data_dir: Path) -> None:
    """What a day brings after the backup: a setting, a price, another simulated day."""
    assert main(["--data-dir", str(data_dir), "settings", "set", "idle_lock_minutes", "9"]) == 0
    with sqlite3.connect(data_dir / STORE) as connection:
        connection.execute("UPDATE product SET unit_price_satang = unit_price_satang + 100")
    simulate = ["simulate", "--days", "1", "--sales-per-day", "5", "--seed", "4"]
    assert main(["--data-dir", str(data_dir), *simulate]) == 0


def test_backup_change_restore_gives_back_every_table_row_for_row(
    store: Path, tmp_path: Path
) -> None:
    backed = run(store, "backup")
    assert backed.returncode == 0, backed.stderr
    (backup,) = list_backups(store / "backups")
    expected = tables(store / STORE)
    assert sum(len(rows) for rows in expected.values()) > 500
    assert expected["sale"] and expected["z_report"]
    _change(store)
    changed = tables(store / STORE)
    assert changed != expected
    assert len(changed["sale"]) > len(expected["sale"])
    restored = run(store, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert tables(store / STORE) == expected  # every table, row for row
    (aside,) = store.glob(f"{STORE}.replaced-*")
    assert tables(aside) == changed  # the replaced store is kept whole, never deleted
    assert assert_store_consistent(store) == len(expected["sale"])
    assert run(store, "check", "--full").returncode == 0


def test_if_due_twice_within_the_interval_makes_one_backup_and_a_moved_clock_a_second(
    store: Path,
) -> None:
    def due_at(moment: str, *extra: str) -> str:
        result = run(store, "backup", "--if-due", "--now", moment, *extra)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert due_at("2026-12-01T23:00:01").startswith("backed up to")
    assert due_at("2026-12-02T09:00:00").startswith("not due")
    assert len(list_backups(store / "backups")) == 1
    # a nightly job started a second earlier than last night still makes tonight's copy
    assert due_at("2026-12-02T23:00:00").startswith("backed up to")
    assert due_at("2026-12-02T23:30:00").startswith("not due")
    assert due_at("2026-12-03T01:00:00", "--every", "2").startswith("backed up to")
    names = [p.name for p in list_backups(store / "backups")]
    assert names == [
        "pos-20261203-010000.sqlite3",
        "pos-20261202-230000.sqlite3",
        "pos-20261201-230001.sqlite3",
    ]
    assert run(store, "backup", "--if-due", "--every", "0").returncode == 2


def test_a_backup_stamped_in_the_future_does_not_stop_the_nightly_ones(store: Path) -> None:
    """The clock was a year ahead once; put right, the backups go on daily."""
    assert run(store, "backup", "--now", "2027-12-01T08:00:00").returncode == 0
    assert run(store, "backup", "--if-due", "--now", "2026-12-01T08:00").stdout.startswith(
        "backed up"
    )
    assert run(store, "backup", "--if-due", "--now", "2026-12-01T12:00").stdout.startswith(
        "not due"
    )


def test_a_backup_folder_that_cannot_be_written_is_one_line_and_the_store_is_untouched(
    store: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backups' folder should be")
    before = (store / STORE).read_bytes()
    result = run(store, "backup", "--to", str(blocker / "backups"))
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "could not be written" in line and "the store itself is unchanged" in line
    assert (store / STORE).read_bytes() == before


def _start_app(data_dir: Path) -> subprocess.Popen[str]:
    """The counter app as a shop runs it (``otop-pos`` without a command), offscreen."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, str(PROJECT / "main.py"), "--data-dir", str(data_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _wait_for(condition: Callable[[], bool], child: subprocess.Popen[str], what: str) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        if child.poll() is not None:
            assert child.stderr is not None
            pytest.fail(f"the app ended ({child.returncode}) before {what}: {child.stderr.read()}")
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.1)


def _kill(child: subprocess.Popen[str]) -> None:
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    if child.stderr is not None:  # the pipe outlives the process; warnings are errors
        child.stderr.close()


@pytest.mark.slow
def test_restore_is_refused_while_the_app_runs_and_allowed_once_it_is_killed(
    store: Path, tmp_path: Path
) -> None:
    backed = run(store, "backup", "--to", str(tmp_path / "before"))
    assert backed.returncode == 0, backed.stderr
    (backup,) = list_backups(tmp_path / "before")
    expected = tables(backup)
    _change(store)
    app = _start_app(store)
    try:
        lock = store / LOCK_FILENAME
        _wait_for(lambda: app.pid in [pid for pid, _ in holders(lock)], app, "it holds the lock")
        # its own nightly backup, a few seconds after start, on a worker thread
        _wait_for(lambda: bool(list_backups(store / "backups")), app, "its first backup")
        online = run(store, "backup", "--to", str(tmp_path / "online"))
        assert online.returncode == 0, online.stderr  # backups stay allowed while it sells
        refused = run(store, "restore", str(backup))
        assert refused.returncode == 3
        (line,) = refused.stderr.strip().splitlines()
        assert f"process {app.pid}: python" in line and "main.py" in line
        assert "in use by another program" in line
        assert not list(store.glob(f"{STORE}.replaced-*"))  # nothing was touched
    finally:
        _kill(app)
    assert app.returncode == -signal.SIGKILL
    restored = run(store, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert tables(store / STORE) == expected


def test_a_context_holds_the_lock_until_it_is_closed_and_a_failed_open_leaves_no_file(
    store: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "b"
    assert main(["--data-dir", str(store), "backup", "--to", str(backup)]) == 0
    (copy,) = list_backups(backup)
    context = open_context(store)
    try:
        assert [pid for pid, _ in holders(store / LOCK_FILENAME)] == [os.getpid()]
        assert main(["--data-dir", str(store), "restore", str(copy)]) == 3
    finally:
        context.close()
    assert holders(store / LOCK_FILENAME) == []
    assert main(["--data-dir", str(store), "restore", str(copy)]) == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["--data-dir", str(empty), "report", "x"]) == 3  # no store there
    assert list(empty.iterdir()) == []  # and no lock file left behind either
    fresh = tmp_path / "new-pc"  # a replaced counter PC: restore into a new data directory
    assert main(["--data-dir", str(fresh), "restore", str(copy)]) == 0
    assert tables(fresh / STORE) == tables(copy)
    blocker = tmp_path / "a-file"
    blocker.write_text("where a data directory cannot be made")
    assert main(["--data-dir", str(blocker / "d"), "restore", str(copy)]) == 3  # one line, no trace


def test_the_lock_waits_for_a_restore_and_copes_with_a_folder_it_cannot_write(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    first = hold_shared(folder)
    assert first is not None and first.created
    first.release(forget=True)  # made by this open (which failed, say): removed
    assert not (folder / LOCK_FILENAME).exists()
    with hold_exclusive(folder):  # a restore under way
        started = time.monotonic()
        with pytest.raises(StoreError, match="a restore of the store is under way"):
            hold_shared(folder, wait=0.3)
        assert time.monotonic() - started >= 0.3  # it waited before giving up
    lock = hold_shared(folder)
    assert lock is not None and not lock.created  # the restore made it
    lock.release()
    with read_only_folder(folder):  # the lock file is there: held through a read-only open
        held = hold_shared(folder)
        assert held is not None and not held.created
        with pytest.raises(StoreError, match="cannot be written"), hold_exclusive(folder):
            pass  # a restore there could not write the store either
        held.release(forget=True)  # not made by this open: never removed
    assert (folder / LOCK_FILENAME).exists()
    (folder / LOCK_FILENAME).unlink()
    with read_only_folder(folder):  # no lock file and none can be made: opened without one
        assert hold_shared(folder) is None
    assert command_line(2**22 + 1) == "a process that has ended"


def test_due_is_read_from_the_names_and_a_future_one_is_ignored(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    now = dt.datetime(2026, 12, 3, 8, 0)
    assert backup_due(folder, now)
    (folder / "pos-20261202-081000.sqlite3").write_bytes(b"")
    (folder / "pos-20301202-081000.sqlite3").write_bytes(b"")  # the clock was wrong once
    (folder / "pos-garbage.sqlite3").write_bytes(b"")  # not one of ours
    assert last_backup_time(folder, now) == dt.datetime(2026, 12, 2, 8, 10)
    assert backup_due(folder, now)  # 23 h 50 min: within the hour's slack
    assert not backup_due(folder, now - dt.timedelta(hours=1))
    aware = dt.datetime(2026, 12, 3, 1, 0, tzinfo=dt.UTC)  # an aware time counts in local time
    assert local_time(aware) == aware.astimezone().replace(tzinfo=None)
