"""Terminal names and tokens.

A terminal's token is 32 random bytes from :mod:`secrets` (256 bits) behind a
recognisable prefix, shown once when issued.  The server keeps only its
SHA-256.  A slow password hash (Argon2, bcrypt) is for secrets a person chose,
which can be guessed; nobody can guess or brute-force 256 random bits, so a
fast hash loses nothing — and it lets the server find the terminal by an
indexed lookup of the hash on every request, where Argon2 would cost ~50 ms
and 64 MiB per request.  A stolen database gives hashes that cannot be turned
back into working tokens.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from pos.sync.wire import MAX_TERMINAL_LENGTH, TOKEN_PREFIX

_TOKEN_BYTES = 32
# One pattern for Python and for the API's validation (pydantic's Rust regex): anchored with
# fullmatch here, as Python's "$" would also let a name end in a newline.
TERMINAL_NAME_PATTERN = rf"^[A-Za-z0-9][A-Za-z0-9._-]{{0,{MAX_TERMINAL_LENGTH - 1}}}$"
_NAME_PATTERN = re.compile(TERMINAL_NAME_PATTERN)


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(_TOKEN_BYTES)


def token_digest(token: str) -> str:
    """What the server stores and looks up: the token's SHA-256, in hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def validate_terminal_name(name: str) -> str:
    """1 to 32 of A-Z a-z 0-9 . _ - (the counter's POS ID, e.g. POS01, fits)."""
    if not _NAME_PATTERN.fullmatch(name):
        raise ValueError(
            f"terminal name {name!r}: use 1 to 32 letters, digits, '.', '_' or '-' "
            "(e.g. the counter's POS ID, POS01)"
        )
    return name
