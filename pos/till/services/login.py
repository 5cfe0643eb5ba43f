"""Who is at the till: log-in, unlocking, log-out and a manager's approval.

:class:`TillLogin` is the till's part that knows who is logged in; it records
log-ins and log-outs in the audit trail.  PINs are checked by
:func:`pos.staff.services.pin_check.check_pin`, the same check (lock-out after
:data:`pos.staff.domain.lockout.DEFAULT_POLICY`'s tries, kept in the store,
every refusal audited) the command line and the returns, voids and shift
services use; a refusal becomes a :class:`TillError` the screen can say in the
cashier's language.
"""

from __future__ import annotations

from pos.audit import AuditAction
from pos.ids import UserId
from pos.staff.domain.lockout import DEFAULT_POLICY
from pos.staff.domain.users import User
from pos.staff.services.pin_check import PinLockedError, PinRefusedError, check_pin
from pos.till.domain.rules import TillError, TillProblem
from pos.till.services.counter import Counter

MAX_WRONG_PINS = DEFAULT_POLICY.tries  # kept for callers that name it


class TillLogin:
    """Logging in, unlocking or taking over the till, logging out, and approvals."""

    def __init__(self, counter: Counter):
        self._counter = counter

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
        counter = self._counter
        try:
            user = check_pin(
                counter.uow_factory, counter.clock, user_id, pin, where="till", purpose=purpose
            )
        except PinLockedError as locked:
            raise TillError(
                TillProblem.LOCKED_OUT,
                f"too many wrong PINs; wait {locked.seconds} s",
                seconds=locked.seconds,
            ) from None
        except PinRefusedError as refused:
            raise TillError(
                TillProblem.WRONG_PIN, "wrong PIN", tries_left=refused.tries_left
            ) from None
        if manager and not user.is_manager:
            raise TillError(TillProblem.NOT_A_MANAGER, f"{user.name} is not a manager")
        return user
