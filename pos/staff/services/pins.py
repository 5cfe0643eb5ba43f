"""Staff and PINs: Argon2id hashing, PIN rules and adding users.

PINs are short, so the hash must be slow and memory-hard to make guessing a
stolen database expensive: Argon2id with argon2-cffi's RFC 9106 low-memory
profile (64 MiB, 3 passes).  A PIN is 4 to 8 digits; the PIN itself is never
stored or logged.  Checking a PIN someone typed is
:func:`pos.staff.services.pin_check.check_pin` (the lock-out and the audit).
"""

from __future__ import annotations

from collections.abc import Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from pos.staff.domain.users import User
from pos.unit_of_work import CatalogueUnitOfWork

ROLES = ("cashier", "manager")
_hasher = PasswordHasher()


class PinError(ValueError):
    """A PIN that does not follow the rules."""


def validate_pin(pin: str) -> str:
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8):
        raise PinError("a PIN is 4 to 8 digits")
    return pin


def hash_pin(pin: str) -> str:
    return _hasher.hash(validate_pin(pin))


def pin_matches(pin_hash: str, pin: str) -> bool:
    try:
        return _hasher.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


def new_user(name: str, role: str, pin: str) -> User:
    """A user to add, with the PIN hashed; checks the role, the name and the PIN rules."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if not name.strip():
        raise ValueError("a user needs a name")
    return User(None, name.strip(), role, hash_pin(pin))


def add_user(
    uow_factory: Callable[[], CatalogueUnitOfWork], name: str, role: str, pin: str
) -> User:
    with uow_factory() as uow:
        user = uow.users.add(new_user(name, role, pin))
        uow.commit()
        return user
