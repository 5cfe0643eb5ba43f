"""Head-office staff who read the reports over the API, each with their own token.

Terminals and staff authenticate differently on purpose: a terminal's token
(``otop_…``) may only send its own records and read the catalogue; a staff
token (``otopstaff_…``) may only read reports — it cannot send records, and a
terminal's token cannot read any counter's sales.  Tokens are issued once,
stored as a SHA-256 (see :mod:`hq.tokens`) and revocable.  Whoever has the
database's password can also run ``otop-pos hq report`` directly.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from hq.ports import HqUnitOfWork, Staff
from hq.tokens import token_digest
from pos.clock import Clock

STAFF_TOKEN_PREFIX = "otopstaff_"


class StaffError(ValueError):
    """A staff command that cannot be carried out; nothing was changed."""


def add_staff(uow_factory: Callable[[], HqUnitOfWork], clock: Clock, name: str) -> str:
    """A token for ``name`` — new staff, or a new token replacing theirs: shown once."""
    name = " ".join(name.split())
    if not name or len(name) > 100:
        raise StaffError("give the person's name (at most 100 characters)")
    token = STAFF_TOKEN_PREFIX + secrets.token_urlsafe(32)
    with uow_factory() as uow:
        uow.staff.set_token(name, token_digest(token), clock.now())
        uow.commit()
    return token


def revoke_staff(uow_factory: Callable[[], HqUnitOfWork], clock: Clock, name: str) -> None:
    with uow_factory() as uow:
        if not uow.staff.revoke(name, clock.now()):
            raise StaffError(f"there is no active member of staff {name!r}")
        uow.commit()


def authenticate_staff(uow_factory: Callable[[], HqUnitOfWork], token: str) -> Staff | None:
    """The member of staff whose token this is, if it is not revoked."""
    if not token.startswith(STAFF_TOKEN_PREFIX):
        return None
    with uow_factory() as uow:
        staff = uow.staff.by_token_digest(token_digest(token))
    return staff if staff is not None and staff.revoked_at is None else None
