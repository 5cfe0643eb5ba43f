"""Who has the store open: a shared advisory lock (``flock``) every OTOP POS process holds.

Every :func:`pos.bootstrap.open_context` — the counter app for its whole run, a
command for its few seconds — holds ``DATA_DIR/store.lock`` shared; ``restore``
takes it exclusive, without waiting, and refuses while anyone else has it,
naming the processes (from ``/proc/locks``, Linux's list of who holds which
lock).  SQLite's own locks cannot say this: an idle app holds no SQLite lock
between sales, yet a store put back under it would have its next sale written
to the replaced file.  The kernel drops the lock with its process, so a counter
killed by a power cut or ``kill -9`` never blocks the restore that follows.

Backups take no lock: they are online copies, allowed while the app sells.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
import weakref
from collections.abc import Iterator
from pathlib import Path

from pos.store.database import DATABASE_FILENAME
from pos.store.problems import ProblemKind, StoreProblemError

LOCK_FILENAME = "store.lock"
WAIT_SECONDS = 10.0  # a restore under way takes a second or two; opening waits for it
_POLL_SECONDS = 0.05
_CANNOT_CREATE = (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT, errno.ENOSPC)


class StoreLock:
    """This process's shared hold on a data directory's lock; :meth:`release` ends it."""

    def __init__(self, descriptor: int, path: Path, created: bool) -> None:
        self.path, self.created = path, created
        self._descriptor = descriptor
        # a context dropped without close() still lets go when it is collected
        self._finalizer = weakref.finalize(self, os.close, descriptor)

    def release(self, *, forget: bool = False) -> None:
        """Let go; with ``forget``, remove the lock file if this process made it (an open that
        failed leaves nothing beside a damaged store)."""
        if self._finalizer.alive:
            if forget and self.created:
                with contextlib.suppress(OSError):
                    self.path.unlink()
            self._finalizer()


def _open(path: Path) -> tuple[int, bool] | None:
    """The lock file opened (created if need be) and whether this call made it; None where the
    folder cannot be written and the file is not there (nothing can be restored there either)."""
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644), True
    except FileExistsError:
        pass
    except OSError as error:
        if error.errno not in _CANNOT_CREATE:
            raise
    try:
        return os.open(path, os.O_RDONLY), False  # flock needs no write access
    except OSError as error:
        if error.errno in _CANNOT_CREATE:
            return None
        raise


def hold_shared(data_dir: Path, *, wait: float = WAIT_SECONDS) -> StoreLock | None:
    """Hold the lock shared (waiting up to ``wait`` s for a restore to end); None where there is
    no data directory yet or it cannot be written."""
    path = data_dir / LOCK_FILENAME
    opened = _open(path)
    if opened is None:
        return None
    descriptor, created = opened
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
            return StoreLock(descriptor, path, created)
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(descriptor)
                raise _in_use(path, "a restore of the store is under way") from None
            time.sleep(_POLL_SECONDS)


@contextlib.contextmanager
def hold_exclusive(data_dir: Path) -> Iterator[None]:
    """This process alone has the store while the block runs, or :class:`StoreProblemError`
    (locked) naming the processes that have it open."""
    path = data_dir / LOCK_FILENAME
    try:
        data_dir.mkdir(parents=True, exist_ok=True)  # a new counter PC restores into nothing
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise StoreProblemError(ProblemKind.READ_ONLY, _store(path), str(error)) from None
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            names = "; ".join(f"process {pid}: {what}" for pid, what in holders(path))
            raise _in_use(path, f"open in {names or 'another OTOP POS program'}") from None
        yield
    finally:
        os.close(descriptor)


def _store(lock: Path) -> Path:
    return lock.with_name(DATABASE_FILENAME)  # the file the messages name


def _in_use(lock: Path, detail: str) -> StoreProblemError:
    return StoreProblemError(ProblemKind.LOCKED, _store(lock), detail)


def holders(path: Path, locks: Path = Path("/proc/locks")) -> list[tuple[int, str]]:
    """The processes holding ``path``'s lock and their command lines (Linux); [] if unknown."""
    try:
        status = path.stat()
        table = locks.read_text()
    except OSError:
        return []
    device = f"{os.major(status.st_dev):02x}:{os.minor(status.st_dev):02x}:{status.st_ino}"
    pids = {int(f[4]) for f in (line.split() for line in table.splitlines()) if _names(f, device)}
    return [(pid, command_line(pid)) for pid in sorted(pids)]


def _names(fields: list[str], device: str) -> bool:
    # "1: FLOCK  ADVISORY  READ 9407 fe:00:2147056 0 EOF" (blocked waiters are marked "->")
    return len(fields) >= 6 and fields[1] == "FLOCK" and fields[5] == device


def command_line(pid: int) -> str:
    """What process ``pid`` is running, as ``ps`` would show it (shortened)."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return "a process that has ended"
    words = [w for w in raw.decode(errors="replace").split("\0") if w]
    if words:
        words[0] = Path(words[0]).name  # "python3", not the venv's whole path
    text = " ".join(" ".join(words).split()) or "?"  # one line, whatever -c held
    return text if len(text) <= 120 else text[:119] + "…"
