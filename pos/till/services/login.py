"""PIN checks at the till: log-in, unlocking, and a manager's approval, with a lock-out.

A PIN has 4 to 8 digits, so guessing must be slowed down: after
:data:`MAX_WRONG_PINS` wrong PINs in a row for one person, that person's PIN is
refused for :data:`LOCKOUT` (the Argon2id hash makes each try cost ~0.1 s as
well).  The count lives in memory: a restart resets it, which costs a guesser a
restart each time — acceptable for a counter in a shop, and it never locks the
shop out of its till for good.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pos.clock import Clock
from pos.staff.domain.users import User
from pos.staff.services.pins import check_pin
from pos.till.domain.rules import TillError, TillProblem
from pos.unit_of_work import UnitOfWork

MAX_WRONG_PINS = 5
LOCKOUT = dt.timedelta(seconds=60)


class PinGuard:
    """Checks PINs and counts wrong ones per person."""

    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock):
        self._uow_factory = uow_factory
        self._clock = clock
        self._wrong: dict[int, int] = {}
        self._locked_until: dict[int, dt.datetime] = {}

    def check(self, user_id: int, pin: str, *, manager: bool = False) -> User:
        """The user whose PIN it is; raises :class:`TillError`: wrong, locked out, not manager."""
        now = self._clock.now()
        until = self._locked_until.get(user_id)
        if until is not None and until > now:
            seconds = int((until - now).total_seconds()) + 1
            raise TillError(
                TillProblem.LOCKED_OUT, f"too many wrong PINs; wait {seconds} s", seconds=seconds
            )
        user = check_pin(self._uow_factory, user_id, pin)
        if user is None:
            self._count_wrong(user_id, now)
            raise TillError(TillProblem.WRONG_PIN, "wrong PIN")
        self._wrong.pop(user_id, None)
        self._locked_until.pop(user_id, None)
        if manager and not user.is_manager:
            raise TillError(TillProblem.NOT_A_MANAGER, f"{user.name} is not a manager")
        return user

    def _count_wrong(self, user_id: int, now: dt.datetime) -> None:
        wrong = self._wrong.get(user_id, 0) + 1
        if wrong >= MAX_WRONG_PINS:
            self._locked_until[user_id] = now + LOCKOUT
            wrong = 0
        self._wrong[user_id] = wrong
