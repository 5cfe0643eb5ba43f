"""One sync at a time per data directory: an advisory lock file (``flock``).

The app's nightly run, a "Sync now" and a cron ``otop-pos sync`` may start at
the same moment; running two would be correct (every step is idempotent) but
wasteful, so the second one says a sync is already running and stops.  The
kernel drops the lock when its process dies, so a crashed sync never blocks
the next one.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILENAME = "sync.lock"


@contextmanager
def exclusive(data_dir: Path, name: str = LOCK_FILENAME) -> Iterator[bool]:
    """Yields True while this process holds the lock, False if another one does."""
    descriptor = os.open(data_dir / name, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)
