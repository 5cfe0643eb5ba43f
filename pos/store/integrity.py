"""Checks that a store file is whole before anything is written to it.

:func:`check_header` runs on every open and costs one 100-byte read: a file
that exists must start with SQLite's magic string, and — when its header's
page count is current — be at least that many pages long.  So a 0-byte,
garbage or truncated file is reported as damaged instead of being migrated,
written to, or (0 bytes) silently turned into a new empty store over what may
have been a day's sales.  :func:`integrity_check` runs SQLite's own
``quick_check`` (the app at start: linear in the file, a fraction of a second
for a year of sales) or the full ``integrity_check`` (``otop-pos check --full``,
which also compares every index with its table).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pos.store.problems import ProblemKind, StoreProblemError

_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


def check_header(path: Path) -> None:
    """Raise :class:`StoreProblemError` (damaged) unless ``path`` looks like a whole SQLite file."""
    try:
        with path.open("rb") as file:
            header = file.read(_HEADER_SIZE)
        size = path.stat().st_size
    except PermissionError as error:
        raise StoreProblemError(ProblemKind.READ_ONLY, path, str(error)) from None
    if not header:
        raise StoreProblemError(ProblemKind.DAMAGED, path, "the file is empty: 0 bytes")
    if len(header) < _HEADER_SIZE or not header.startswith(_MAGIC):
        raise StoreProblemError(ProblemKind.DAMAGED, path, "it is not an SQLite database")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    change_counter, valid_for = header[24:28], header[92:96]
    # The page count is current only when "version valid for" matches the change counter.
    if pages and change_counter == valid_for and size < pages * page_size:
        raise StoreProblemError(
            ProblemKind.DAMAGED,
            path,
            f"it is cut short: {size} bytes of the {pages * page_size} its header records",
        )


def integrity_check(path: Path, *, full: bool = False) -> list[str]:
    """SQLite's findings on the file ("ok" alone when whole); the file is opened read-only."""
    check_header(path)
    pragma = "integrity_check" if full else "quick_check"
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as error:
        raise StoreProblemError(ProblemKind.DAMAGED, path, str(error)) from None
    finally:
        connection.close()
    return [str(row[0]) for row in rows]


def require_whole(path: Path, *, full: bool = False) -> None:
    """Raise :class:`StoreProblemError` (damaged) unless the integrity check finds nothing."""
    findings = integrity_check(path, full=full)
    if findings != ["ok"]:
        shown = "; ".join(findings[:3])
        raise StoreProblemError(ProblemKind.DAMAGED, path, f"integrity check: {shown}")
