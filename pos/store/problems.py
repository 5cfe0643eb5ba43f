"""What is wrong with a store file, said in one line a person can act on.

SQLite reports a damaged, unwritable, locked or full store as a driver error
deep inside SQLAlchemy; shown raw it is a forty-line traceback that names
neither the file nor what to do.  :func:`store_problem` turns such an error
into a :class:`StoreProblemError` (a :class:`StoreError`, so the command line exits
3 and the app shows it in a window), naming the file and the next step, in
Thai and English.  Errors that are not about the store pass through unchanged
(``None``): a programming error must stay a traceback for the developer.
"""

from __future__ import annotations

import enum
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from pos.unit_of_work import StoreError


class ProblemKind(enum.StrEnum):
    DAMAGED = "damaged"  # not a database, truncated, or failing its integrity check
    READ_ONLY = "read_only"  # the file or its directory cannot be written
    LOCKED = "locked"  # another program holds the store
    FULL = "full"  # the disk (or the store's size limit) is full


_ADVICE = {
    ProblemKind.DAMAGED: (
        "is damaged; nothing was changed. Restore the newest backup "
        "(otop-pos backup --list, then otop-pos restore FILE) or call support"
        " / ไฟล์ข้อมูลเสียหาย ไม่มีการเปลี่ยนแปลงใด ๆ ให้กู้คืนจากไฟล์สำรองล่าสุดหรือติดต่อผู้ดูแลระบบ"
    ),
    ProblemKind.READ_ONLY: (
        "cannot be written (the file or its folder is read-only, or owned by another user); "
        "give this user write access to the folder and try again"
        " / เขียนไฟล์ข้อมูลไม่ได้ ให้สิทธิ์เขียนโฟลเดอร์แก่ผู้ใช้นี้แล้วลองใหม่"
    ),
    ProblemKind.LOCKED: (
        "is in use by another program (another copy of OTOP POS, or a backup tool); "
        "close it and try again / ไฟล์ข้อมูลถูกโปรแกรมอื่นใช้อยู่ ให้ปิดโปรแกรมนั้นแล้วลองใหม่"
    ),
    ProblemKind.FULL: (
        "cannot grow: the disk is full. Nothing of the last action was saved; free some space "
        "(old backups, downloads) and try again / พื้นที่ดิสก์เต็ม ยังไม่ได้บันทึกรายการล่าสุด"
        " ให้ลบไฟล์ที่ไม่ใช้แล้วลองใหม่"
    ),
}

# SQLite's primary result codes (sqlite3.h), as Python 3.11's sqlite3 exposes them.
_BY_CODE = {
    sqlite3.SQLITE_CORRUPT: ProblemKind.DAMAGED,
    sqlite3.SQLITE_NOTADB: ProblemKind.DAMAGED,
    sqlite3.SQLITE_READONLY: ProblemKind.READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: ProblemKind.READ_ONLY,
    sqlite3.SQLITE_PERM: ProblemKind.READ_ONLY,
    sqlite3.SQLITE_BUSY: ProblemKind.LOCKED,
    sqlite3.SQLITE_LOCKED: ProblemKind.LOCKED,
    sqlite3.SQLITE_FULL: ProblemKind.FULL,
}


class StoreProblemError(StoreError):
    """The store at ``path`` cannot be used, and why (``kind``); ``str()`` is the message."""

    def __init__(self, kind: ProblemKind, path: Path, detail: str = "") -> None:
        self.kind = kind
        self.path = path
        self.detail = detail
        why = f" ({detail})" if detail else ""
        super().__init__(f"the store {path} {_ADVICE[kind]}{why}")


def store_problem(error: BaseException, path: Path) -> StoreProblemError | None:
    """The problem ``error`` (raised while using the store at ``path``) reveals, if any."""
    if isinstance(error, StoreProblemError):
        return error
    driver = error.orig if isinstance(error, DBAPIError) else error
    if not isinstance(driver, sqlite3.Error):
        return None
    code = getattr(driver, "sqlite_errorcode", None)
    kind = _BY_CODE.get(code & 0xFF) if isinstance(code, int) else None
    return StoreProblemError(kind, path, str(driver)) if kind is not None else None
