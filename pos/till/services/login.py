"""Who is at the till: log-in, unlocking, log-out and a manager's approval, with a lock-out.

:class:`TillLogin` is the till's part that knows who is logged in; it records
log-ins, log-outs and wrong PINs in the audit trail.  :class:`PinGuard` checks
the PINs.

A PIN has 4 to 8 digits, so guessing must be slowed down: after
:data:`MAX_WRONG_PINS` wrong PINs in a row for one person, that person's PIN is
refused for :data:`LOCKOUT` (the Argon2id hash makes each try cost ~0.1 s as
well).  The count lives in memory: a restart resets it, which costs a guesser a
restart each time — acceptable for a counter in a shop, and it never locks the
shop out of its till for good.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from pos.audit import AuditAction
from pos.clock import Clock
from pos.ids import UserId
from pos.staff.domain.users import User
from pos.staff.services.pins import check_pin
from pos.till.domain.rules import TillError, TillProblem
from pos.till.services.counter import Counter
from pos.unit_of_work import UnitOfWork

MAX_WRONG_PINS = 5
LOCKOUT = dt.timedelta(seconds=60)


class PinGuard:
    """Checks PINs and counts wrong ones per person."""

    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock):
        self._uow_factory = uow_factory
        self._clock = clock
        self._wrong: dict[UserId, int] = {}
        self._locked_until: dict[UserId, dt.datetime] = {}

    def check(self, user_id: UserId, pin: str, *, manager: bool = False) -> User:
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

    def _count_wrong(self, user_id: UserId, now: dt.datetime) -> None:
        wrong = self._wrong.get(user_id, 0) + 1
        if wrong >= MAX_WRONG_PINS:
            self._locked_until[user_id] = now + LOCKOUT
            wrong = 0
        self._wrong[user_id] = wrong


class TillLogin:
    """Logging in, unlocking or taking over the till, logging out, and approvals."""

    def __init__(self, counter: Counter):
        self._counter = counter
        self._pins = PinGuard(counter.read, counter.clock)

    def users(self) -> list[User]:
        with self._counter.read() as uow:
            return uow.users.active_users()

    def log_in(self, user_id: UserId, pin: str) -> User:
        """Log in (or unlock, or take over the till) with a PIN; records who and when."""
        user = self._checked(user_id, pin, manager=False, purpose="login")
        counter, events = self._counter, []
        current = counter.user
        if current is not None and current.user_id != user.user_id:
            events.append(counter.event(AuditAction.LOGOUT, user_id=current.user_id))
        if current is None or current.user_id != user.user_id:
            events.append(counter.event(AuditAction.LOGIN, user_id=user.user_id))
        counter.journal.record(events)
        counter.user = user
        return user

    def log_out(self) -> None:
        counter = self._counter
        if not counter.cart.is_empty:
            raise TillError(TillProblem.CART_NOT_EMPTY, "hold or finish the sale first")
        if counter.user is not None:
            counter.journal.record([counter.event(AuditAction.LOGOUT)])
        counter.user = None

    def approve(self, manager_id: UserId, pin: str) -> User:
        """A manager's approval: their PIN, and they must be a manager."""
        return self._checked(manager_id, pin, manager=True, purpose="approval")

    @property
    def needs_approval_for_discounts(self) -> bool:
        user = self._counter.user
        return user is None or not user.is_manager

    def _checked(self, user_id: UserId, pin: str, *, manager: bool, purpose: str) -> User:
        try:
            return self._pins.check(user_id, pin, manager=manager)
        except TillError as error:
            if error.problem is TillProblem.WRONG_PIN:
                event = self._counter.event(AuditAction.LOGIN_FAILED, user_id=user_id)
                detail = {"purpose": purpose}
                self._counter.journal.record([dataclasses.replace(event, detail=detail)])
            raise
