"""The head-office token in its own file in the data directory: 0600, replaced atomically.

Why a file and not a setting: see :mod:`pos.sync.domain.sync_settings`.  This is
the file system side of it, kept out of the pure domain.
"""

from __future__ import annotations

import os
from pathlib import Path

from pos.sync.domain.sync_settings import check_token

TOKEN_FILENAME = "hq-token"


def token_path(data_dir: Path) -> Path:
    return data_dir / TOKEN_FILENAME


def read_token(data_dir: Path) -> str | None:
    try:
        return token_path(data_dir).read_text(encoding="ascii").strip() or None
    except FileNotFoundError:
        return None


def write_token(data_dir: Path, token: str) -> Path:
    """Store the token (0600), replacing any earlier one atomically."""
    token = check_token(token)
    path = token_path(data_dir)
    temporary = path.with_name(f".{TOKEN_FILENAME}.{os.getpid()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(descriptor, 0o600)  # whatever the umask
        os.write(descriptor, f"{token}\n".encode("ascii"))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(temporary, path)
    return path


def forget_token(data_dir: Path) -> bool:
    try:
        token_path(data_dir).unlink()
    except FileNotFoundError:
        return False
    return True
