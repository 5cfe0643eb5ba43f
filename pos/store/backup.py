"""Online backups of the store, their rotation, and putting one back.

A backup is a consistent copy taken with SQLite's online backup API while the
till may be selling (readers never block it in WAL mode): written beside its
final name, checked with ``quick_check``, then renamed, so a backup that is
listed is whole.  Backups are named ``pos-YYYYMMDD-HHMMSS.sqlite3`` and
sorted by name; rotation keeps the newest ``keep`` (default 14: two weeks of
nightly copies).  Restoring checks the backup first, moves the current store
(and its WAL) aside as ``pos.sqlite3.replaced-<time>`` — never deleted — and
puts a copy of the backup in its place; it refuses while another program is
writing to the store.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from pos.store.integrity import require_whole
from pos.store.problems import ProblemKind, StoreProblemError

DEFAULT_KEEP = 14
BACKUP_DIRNAME = "backups"
_PREFIX, _SUFFIX = "pos-", ".sqlite3"


def default_backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIRNAME


def list_backups(backup_dir: Path) -> list[Path]:
    """The whole backups in ``backup_dir``, newest first."""
    if not backup_dir.is_dir():
        return []
    found = [p for p in backup_dir.glob(f"{_PREFIX}*{_SUFFIX}") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


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
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{_PREFIX}{stamp}{_SUFFIX}"
    _copy(store, target)
    for old in list_backups(backup_dir)[keep:]:
        old.unlink()
    return target


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
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
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
