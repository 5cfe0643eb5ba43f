"""The one place a PIN is checked: the lock-out policy, the store's memory and the audit.

The counter app's log-in and its manager approvals (discounts, returns, voids,
"no sale", shift differences, closing the day) and every command that takes a
PIN call :func:`check_pin`.  The state of each user's wrong tries is kept in the
store (:class:`pos.staff.ports.PinLockoutRepository`), so the app and each
command-line process see the same count — the lock-out used to live in the
app's memory, and the command line had none.

Each refusal is audited in the same transaction as the new state:
``login_failed`` for a wrong PIN, ``pin_refused`` for one not even checked
because the user is locked out; both name the user, the ``purpose`` (log-in or
approval) and ``where`` (``till``, ``cli:shift approve`` …).  The whole check is
one write transaction, Argon2id verify included (~0.1 s): two processes
guessing at once are counted one after the other, never both let through on a
count read before the other's failure was written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from pos.audit import AuditAction, AuditEvent
from pos.clock import Clock
from pos.ids import UserId
from pos.staff.domain.lockout import (
    CLEAR,
    DEFAULT_POLICY,
    LockoutPolicy,
    after_failure,
    locked_for,
    locked_message,
    normalised,
    seconds_left,
    tries_left,
)
from pos.staff.domain.users import User
from pos.staff.services.pins import pin_matches
from pos.unit_of_work import UnitOfWork


class PinRefusedError(ValueError):
    """The PIN was not accepted: wrong, or the user is unknown or inactive."""

    def __init__(self, message: str, *, tries_left: int):
        super().__init__(message)
        self.tries_left = tries_left


class PinLockedError(PinRefusedError):
    """Too many wrong PINs: the user's PIN is refused for ``seconds`` (said in Thai and English)."""

    def __init__(self, seconds: int):
        super().__init__(locked_message(seconds), tries_left=0)
        self.seconds = seconds


def pin_subject(user_id: UserId) -> str:
    """The key of a user's wrong tries in the lock-out store."""
    return f"user:{user_id}"


def check_pin(
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    user_id: UserId,
    pin: str,
    *,
    where: str,
    purpose: str = "approval",
    policy: LockoutPolicy = DEFAULT_POLICY,
) -> User:
    """The active user whose PIN this is, else :class:`PinLockedError` or :class:`PinRefusedError`.

    ``purpose`` is ``login`` or ``approval``; ``where`` names the door
    (``till``, ``cli:report z --close``); both go into the audit record of a refusal.
    """
    subject = pin_subject(user_id)
    with uow_factory() as uow:
        now = clock.now()
        state = normalised(policy, uow.pin_lockouts.get(subject), now)
        user = uow.users.by_id(user_id)
        user = user if user is not None and user.active else None
        detail: dict[str, Any] = {"purpose": purpose, "where": where}
        if user is None:  # not a user: the audit's user column cannot name it
            detail["user_id"] = int(user_id)
        audited = None if user is None else user_id
        left = locked_for(policy, state, now)
        if left is None and user is not None and pin_matches(user.pin_hash, pin):
            if state != CLEAR:
                uow.pin_lockouts.save(subject, CLEAR)
                uow.commit()
            return user
        action = AuditAction.PIN_REFUSED  # locked: the PIN is not even checked
        if left is None:
            action, state = AuditAction.LOGIN_FAILED, after_failure(policy, state, now)
            uow.pin_lockouts.save(subject, state)
            left = locked_for(policy, state, now)
        uow.audit.record(_refusal(action, now, audited, detail, left))
        uow.commit()
    if left is not None:
        raise PinLockedError(seconds_left(left))
    raise PinRefusedError("wrong PIN", tries_left=tries_left(policy, state, now))


def _refusal(
    action: AuditAction,
    now: dt.datetime,
    user_id: UserId | None,
    detail: dict[str, Any],
    locked: dt.timedelta | None,
) -> AuditEvent:
    if locked is not None:  # a refusal while locked, or the wrong PIN that locked the user
        detail = {**detail, "locked_seconds": seconds_left(locked)}
    return AuditEvent(action, now, user_id, detail=detail)
