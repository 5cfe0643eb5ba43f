"""The PIN lock-out policy at the head office: failed bearer tokens per source address.

The head office checks no PIN: terminals and staff send bearer tokens of 256
random bits, which nobody can guess (:mod:`hq.tokens`).  What can be abused is
the checking itself — a scanner trying tokens, a revoked counter retrying all
night — so the counters' policy (:data:`pos.staff.domain.lockout.DEFAULT_POLICY`:
the same tries, window and lock) is applied to the one credential the head office
checks, counted per source address.  Once an address is locked, each failed
token from it gets 429 with ``Retry-After`` until the lock passes.

Unlike a PIN, a right token still works from a locked address: refusing it
protects nothing (it cannot have been guessed) and would let one misconfigured
counter lock out every counter behind the same address (one shop network, one
NAT, a proxy).  A right token costs nothing extra: the lock-out table is read
only after a failure.

Every failed token is audited (``login_failed``, with the address and which
door: ``hq:terminal`` or ``hq:staff``), including the one that locks; failures
while locked are answered without writing anything, so a flood cannot fill the
append-only audit table (the lock itself is in the trail, with how long).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from hq.ports import HqUnitOfWork
from pos.audit import AuditAction, AuditEvent
from pos.clock import Clock
from pos.staff.domain.lockout import (
    DEFAULT_POLICY,
    LockoutPolicy,
    after_failure,
    locked_for,
    normalised,
    seconds_left,
)

T = TypeVar("T")


class TooManyFailuresError(Exception):
    """The address is locked out for ``seconds`` after too many failed tokens."""

    def __init__(self, seconds: int):
        super().__init__(
            f"too many failed tokens from this address: try again in {seconds} s"
            " (ใส่โทเคนผิดหลายครั้งเกินไป)"
        )
        self.seconds = seconds


def address_subject(address: str) -> str:
    return f"address:{address}"[:100]


def guarded(
    uow_factory: Callable[[], HqUnitOfWork],
    clock: Clock,
    address: str,
    where: str,
    check: Callable[[], T | None],
    policy: LockoutPolicy = DEFAULT_POLICY,
) -> T | None:
    """``check()`` (the token lookup); a ``None`` from it is a failure of ``address``,
    counted and audited, and :class:`TooManyFailuresError` once the address is locked."""
    found = check()
    if found is not None:
        return found
    locked_seconds = _count_failure(
        uow_factory, clock, address_subject(address), address, where, policy
    )
    if locked_seconds is not None:
        raise TooManyFailuresError(locked_seconds)
    return None


def _count_failure(
    uow_factory: Callable[[], HqUnitOfWork],
    clock: Clock,
    subject: str,
    address: str,
    where: str,
    policy: LockoutPolicy,
) -> int | None:
    """Count one failed token (the row locked meanwhile); the seconds locked, if locked."""
    with uow_factory() as uow:
        now = clock.now()
        state = normalised(policy, uow.auth_lockouts.get_for_update(subject), now)
        left = locked_for(policy, state, now)
        if left is not None:  # locked already: answered, nothing written
            return seconds_left(left)
        state = after_failure(policy, state, now)
        uow.auth_lockouts.save(subject, state)
        left = locked_for(policy, state, now)
        detail: dict[str, object] = {"purpose": "token", "where": where, "address": address}
        if left is not None:
            detail["locked_seconds"] = seconds_left(left)
        uow.audit.record(AuditEvent(AuditAction.LOGIN_FAILED, now, None, detail=detail))
        uow.commit()
    return None if left is None else seconds_left(left)
