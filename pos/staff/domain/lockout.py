"""The lock-out policy for PINs (and the head office's tokens): pure data and functions.

One policy for every place a secret is checked — the counter app's log-in and
approvals, every command that takes a PIN, the head office's bearer tokens —
so a guesser gains nothing by switching door.  A PIN has 4 to 8 digits, so
guessing must be slowed down to the point of being hopeless:

* :attr:`LockoutPolicy.tries` wrong tries within a sliding
  :attr:`LockoutPolicy.window` lock the subject (a user, or an address) out;
* the first lock lasts :attr:`LockoutPolicy.lock`; a lock that starts within a
  window of the previous one ending lasts twice as long as that one, up to
  :attr:`LockoutPolicy.max_lock` — five tries every five minutes would find
  a 4-digit PIN in days, doubling locks make it years;
* while locked even the right secret is refused (it is not even checked, so a
  guesser learns nothing), and a right one afterwards clears everything.

The state is plain data (:class:`Attempts`) that a store keeps as is, so
separate processes (the app and the command line) share it.  A clock set back
never locks anyone for longer than :attr:`LockoutPolicy.max_lock`.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass


@dataclass(frozen=True)
class LockoutPolicy:
    tries: int = 5
    window: dt.timedelta = dt.timedelta(minutes=15)
    lock: dt.timedelta = dt.timedelta(minutes=5)
    max_lock: dt.timedelta = dt.timedelta(hours=1)

    def __post_init__(self) -> None:
        if self.tries < 1 or self.window <= dt.timedelta(0) or self.lock <= dt.timedelta(0):
            raise ValueError("a lock-out policy needs at least one try, a window and a lock")
        if self.max_lock < self.lock:
            raise ValueError("max_lock must be at least lock")


DEFAULT_POLICY = LockoutPolicy()


@dataclass(frozen=True)
class Attempts:
    """What is remembered of one subject: recent wrong tries and the latest lock.

    ``failures`` are the times of wrong tries since the last lock or success
    (fewer than the policy's tries); ``locked_until`` stays after the lock has
    passed so a quick new lock is known to be a repeat (``locks`` in a row).
    """

    failures: tuple[dt.datetime, ...] = ()
    locked_until: dt.datetime | None = None
    locks: int = 0


CLEAR = Attempts()


def normalised(policy: LockoutPolicy, state: Attempts, now: dt.datetime) -> Attempts:
    """The state as seen at ``now``: a lock ending more than ``max_lock`` ahead (the clock was
    set back) ends ``max_lock`` from now, and tries that no longer count are dropped."""
    until = state.locked_until
    if until is not None and until - now > policy.max_lock:
        until = now + policy.max_lock
    return Attempts(recent_failures(policy, state, now), until, state.locks)


def locked_for(policy: LockoutPolicy, state: Attempts, now: dt.datetime) -> dt.timedelta | None:
    """How long the subject is still locked out at ``now``, or ``None`` if it may try."""
    until = normalised(policy, state, now).locked_until
    return None if until is None or now >= until else until - now


def seconds_left(left: dt.timedelta) -> int:
    """Whole seconds to tell a person (rounded up, so "0 s" is never said while locked)."""
    return max(1, math.ceil(left.total_seconds()))


def recent_failures(
    policy: LockoutPolicy, state: Attempts, now: dt.datetime
) -> tuple[dt.datetime, ...]:
    """The wrong tries that still count at ``now`` (inside the window, not in the future)."""
    return tuple(at for at in state.failures if now - policy.window < at <= now)


def after_failure(policy: LockoutPolicy, state: Attempts, now: dt.datetime) -> Attempts:
    """The state after a wrong try at ``now`` (one that was checked: the subject was not locked)."""
    failures = (*recent_failures(policy, state, now), now)
    if len(failures) < policy.tries:
        return Attempts(failures, state.locked_until, state.locks)
    repeat = state.locked_until is not None and now - state.locked_until < policy.window
    locks = state.locks + 1 if repeat else 1
    lock = min(policy.lock * 2 ** min(locks - 1, 32), policy.max_lock)
    return Attempts((), now + lock, locks)


def after_success(_state: Attempts) -> Attempts:
    """A right secret clears everything: the next mistake starts from nothing."""
    return CLEAR


def tries_left(policy: LockoutPolicy, state: Attempts, now: dt.datetime) -> int:
    """Wrong tries the subject may still make before it is locked out."""
    if locked_for(policy, state, now) is not None:
        return 0
    return policy.tries - len(recent_failures(policy, state, now))


def locked_message(seconds: int) -> str:
    """A locked subject's message for the command line, in Thai and English."""
    minutes, rest = divmod(seconds, 60)
    thai = f"{minutes} นาที {rest} วินาที" if minutes else f"{rest} วินาที"
    english = f"{minutes} min {rest} s" if minutes else f"{rest} s"
    return (
        f"ใส่ PIN ผิดหลายครั้งเกินไป ลองใหม่ได้ในอีก {thai} / too many wrong PINs: try again in {english}"
    )
