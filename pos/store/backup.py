"""Online backups of the store, their rotation, and putting one back.

A backup is a consistent copy taken with SQLite's online backup API while the
till may be selling (readers never block it in WAL mode): written beside its
final name, checked with ``quick_check``, then renamed, so a backup that is
listed is whole.  Backups are named ``pos-YYYYMMDD-HHMMSS.sqlite3`` and
sorted by name; rotation keeps the newest ``keep`` (default 14: two weeks of
nightly copies).  Restoring checks the backup first, moves the current store
(and its WAL) aside as ``pos.sqlite3.replaced-<time>`` — never deleted — and
puts a copy of the backup in its place; it refuses while another program is
writing to the store (and :func:`pos.bootstrap.restore` while another OTOP POS
process has it open, see :mod:`pos.store.store_lock`).

Nightly by default: :func:`backup_if_due` copies only when the newest backup is
older than the interval (24 h, :data:`DEFAULT_INTERVAL`), less an hour of
slack (:data:`DUE_SLACK`) — a copy taken at 23:00:01 is due again at 23:00
the next night, so a nightly cron job or a counter started at the same hour
each morning makes one a day, not one every other day.  The age is read from
the backups' names (machine-local time), not from a setting or a record in the
store: the backups folder alone says what was done, whoever did it (the app,
cron, a person).  A name stamped in the future (a clock put right) is ignored
for the age, so a wrong clock once does not stop the backups.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path

from pos.store.integrity import require_whole
from pos.store.problems import ProblemKind, StoreProblemError
from pos.unit_of_work import StoreError

DEFAULT_KEEP = 14
DEFAULT_INTERVAL = dt.timedelta(hours=24)
DUE_SLACK = dt.timedelta(hours=1)  # the app checks hourly; cron starts a second early or late
BACKUP_DIRNAME = "backups"
_PREFIX, _SUFFIX = "pos-", ".sqlite3"
_STAMP = "%Y%m%d-%H%M%S"


class BackupError(StoreError):
    """A backup could not be written (the folder read-only, the disk full): the store is fine."""

    def __init__(self, target: Path, why: str) -> None:
        self.target = target
        super().__init__(
            f"the backup {target} could not be written ({why}); the store itself is unchanged."
            f" Give this user write access to {target.parent}, free some space, or choose"
            " another folder with --to / สำรองข้อมูลไม่สำเร็จ ข้อมูลร้านยังอยู่ครบ"
            " ให้ตรวจสิทธิ์เขียนโฟลเดอร์และพื้นที่ดิสก์"
        )


def local_time(now: dt.datetime | None) -> dt.datetime:
    """``now`` (or the machine's time) as the naive machine-local time backups are named in."""
    if now is None:
        return dt.datetime.now()
    return now.astimezone().replace(tzinfo=None) if now.tzinfo is not None else now


def default_backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIRNAME


def list_backups(backup_dir: Path) -> list[Path]:
    """The whole backups in ``backup_dir``, newest first."""
    if not backup_dir.is_dir():
        return []
    found = [p for p in backup_dir.glob(f"{_PREFIX}*{_SUFFIX}") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def taken_at(backup: Path) -> dt.datetime | None:
    """When ``backup`` was taken, from its name; None for a name not of this program."""
    try:
        return dt.datetime.strptime(backup.name[len(_PREFIX) : -len(_SUFFIX)], _STAMP)
    except ValueError:
        return None


def last_backup_time(backup_dir: Path, now: dt.datetime | None = None) -> dt.datetime | None:
    """The newest backup's time that is not in the future of ``now``."""
    moment = local_time(now)
    times = (taken_at(p) for p in list_backups(backup_dir))
    return max((t for t in times if t is not None and t <= moment), default=None)


def backup_due(
    backup_dir: Path, now: dt.datetime | None = None, interval: dt.timedelta = DEFAULT_INTERVAL
) -> bool:
    """Whether a backup is due: none yet, or the newest is (nearly) ``interval`` old."""
    last = last_backup_time(backup_dir, now)
    return last is None or local_time(now) - last >= interval - min(DUE_SLACK, interval / 2)


def _copy(source_path: Path, target: Path) -> None:
    """SQLite's online backup of ``source_path`` into ``target``, flushed to disk."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            # one self-contained file: a WAL-mode copy would grow -wal/-shm companions when
            # read, and a copy of a file without its companions is how stores get lost
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
    finally:
        source.close()
    with partial.open("rb+") as file:
        os.fsync(file.fileno())
    require_whole(partial)
    partial.replace(target)


def backup_store(
    store: Path, backup_dir: Path, *, keep: int = DEFAULT_KEEP, now: dt.datetime | None = None
) -> Path:
    """Copy the store into ``backup_dir`` and drop the oldest beyond ``keep``; the new path."""
    if keep < 1:
        raise ValueError(f"--keep must be at least 1 (got {keep})")
    require_whole(store)  # a damaged store is not copied over good backups
    target = backup_dir / f"{_PREFIX}{local_time(now).strftime(_STAMP)}{_SUFFIX}"
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        _copy(store, target)
    except (OSError, sqlite3.OperationalError) as error:
        with contextlib.suppress(OSError):  # the folder may not even exist
            target.with_name(target.name + ".partial").unlink(missing_ok=True)
        raise BackupError(target, getattr(error, "strerror", None) or str(error)) from None
    for old in list_backups(backup_dir)[keep:]:
        old.unlink()
    return target


def backup_if_due(
    store: Path,
    backup_dir: Path,
    *,
    keep: int = DEFAULT_KEEP,
    interval: dt.timedelta = DEFAULT_INTERVAL,
    now: dt.datetime | None = None,
) -> Path | None:
    """:func:`backup_store` when :func:`backup_due`; the new backup, or None if not due."""
    if not backup_due(backup_dir, now, interval):
        return None
    return backup_store(store, backup_dir, keep=keep, now=now)


def _refuse_if_busy(store: Path) -> None:
    if not store.exists():
        return
    connection = sqlite3.connect(store, timeout=0)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.rollback()
    except sqlite3.OperationalError as error:
        raise StoreProblemError(ProblemKind.LOCKED, store, str(error)) from None
    except sqlite3.DatabaseError:
        pass  # damaged: exactly the store one restores over
    finally:
        connection.close()


def restore_store(backup: Path, store: Path, *, now: dt.datetime | None = None) -> Path | None:
    """Put ``backup`` in place of ``store``; returns where the replaced store was kept."""
    require_whole(backup)
    _refuse_if_busy(store)
    stamp = local_time(now).strftime(_STAMP)
    aside: Path | None = None
    if store.exists():
        aside = store.with_name(f"{store.name}.replaced-{stamp}")
        store.replace(aside)
        for tail in ("-wal", "-shm"):
            companion = store.with_name(store.name + tail)
            if companion.exists():
                companion.replace(aside.with_name(aside.name + tail))
    _copy(backup, store)
    return aside
