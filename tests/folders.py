"""A folder the current user cannot write, for real: chmod, or for root a read-only bind mount."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """``folder`` (made if missing) read-only while the block runs; root ignores chmod, so for
    root it is bind-mounted read-only over itself, and the test is skipped where it cannot be."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
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
