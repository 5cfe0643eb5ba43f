"""The PIN lock-out policy against a model written another way: the whole history, never pruned.

The model keeps every checked wrong try and every lock since the last right
PIN, and asks of them directly: "how many wrong tries in the last window since
the last reset?" and "does a lock cover now?".  The policy keeps only a few
times and a counter; they must agree at every step, whatever the order of
wrong tries, right ones and time passing.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from pos.clock import THAI_TIME
from pos.staff.domain.lockout import (
    CLEAR,
    LockoutPolicy,
    after_failure,
    after_success,
    locked_for,
    locked_message,
    normalised,
    seconds_left,
    tries_left,
)

T0 = dt.datetime(2026, 12, 3, 9, 0, tzinfo=THAI_TIME)
POLICY = LockoutPolicy(
    tries=3,
    window=dt.timedelta(minutes=10),
    lock=dt.timedelta(minutes=2),
    max_lock=dt.timedelta(minutes=16),
)


class LockoutMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.now = T0
        self.state = CLEAR
        self.failures: list[dt.datetime] = []  # checked wrong tries since the last reset
        self.locks: list[tuple[dt.datetime, dt.datetime]] = []  # (start, end) since last success
        self.refused_right_pins = 0

    # --- the model --------------------------------------------------------------------------
    def model_locked(self) -> bool:
        return any(start <= self.now < end for start, end in self.locks)

    def model_counted(self) -> int:
        reset = self.locks[-1][0] if self.locks else None
        return sum(
            1
            for at in self.failures
            if self.now - POLICY.window < at <= self.now and (reset is None or at > reset)
        )

    def model_next_lock(self) -> dt.timedelta:
        lock, end = POLICY.lock, None
        for start, finish in self.locks:
            if end is not None and start - end < POLICY.window:
                lock = min(lock * 2, POLICY.max_lock)
            else:
                lock = POLICY.lock
            end = finish
        if end is not None and self.now - end < POLICY.window:
            return min(lock * 2, POLICY.max_lock)
        return POLICY.lock

    # --- what happens -----------------------------------------------------------------------
    # the policy's own spans, exactly, as well as any: the edges are where it goes wrong
    @rule(seconds=st.integers(0, 30 * 60) | st.sampled_from([1, 120, 240, 600, 960]))
    def time_passes(self, seconds: int) -> None:
        self.now += dt.timedelta(seconds=seconds)

    @rule()
    def wrong_pin(self) -> None:
        if locked_for(POLICY, self.state, self.now) is not None:
            return  # refused unchecked: the state does not change
        lock = self.model_next_lock()
        self.state = after_failure(POLICY, self.state, self.now)
        self.failures.append(self.now)
        if self.model_counted() >= POLICY.tries:
            self.locks.append((self.now, self.now + lock))
            self.failures.clear()

    @rule()
    def right_pin(self) -> None:
        if locked_for(POLICY, self.state, self.now) is not None:
            self.refused_right_pins += 1
            return
        self.state = after_success(self.state)
        self.failures.clear()
        self.locks.clear()

    # --- what must always hold --------------------------------------------------------------
    @invariant()
    def locked_exactly_when_the_model_says(self) -> None:
        assert (locked_for(POLICY, self.state, self.now) is not None) == self.model_locked()

    @invariant()
    def tries_left_match_the_model(self) -> None:
        expected = 0 if self.model_locked() else POLICY.tries - self.model_counted()
        assert tries_left(POLICY, self.state, self.now) == expected
        assert 0 <= expected <= POLICY.tries

    @invariant()
    def a_lock_never_outlasts_the_longest(self) -> None:
        left = locked_for(POLICY, self.state, self.now)
        assert left is None or dt.timedelta(0) < left <= POLICY.max_lock

    @invariant()
    def the_state_stays_small(self) -> None:
        assert len(self.state.failures) < POLICY.tries


TestLockoutMachine = LockoutMachine.TestCase
TestLockoutMachine.settings = settings(max_examples=150, stateful_step_count=40, deadline=None)


def test_the_tries_lock_and_even_the_right_pin_waits_out_the_lock() -> None:
    state, now = CLEAR, T0
    for _ in range(POLICY.tries):
        assert locked_for(POLICY, state, now) is None
        state = after_failure(POLICY, state, now)
    assert locked_for(POLICY, state, now) == POLICY.lock
    assert locked_for(POLICY, state, now + POLICY.lock) is None


def test_a_quick_second_lock_lasts_twice_as_long_and_a_late_one_does_not() -> None:
    state, now = CLEAR, T0
    for _ in range(POLICY.tries):
        state = after_failure(POLICY, state, now)
    now += POLICY.lock
    for _ in range(POLICY.tries):
        state = after_failure(POLICY, state, now)
    assert locked_for(POLICY, state, now) == 2 * POLICY.lock
    later = now + 2 * POLICY.lock + POLICY.window
    for _ in range(POLICY.tries):
        state = after_failure(POLICY, state, later)
    assert locked_for(POLICY, state, later) == POLICY.lock


def test_a_clock_set_back_never_locks_longer_than_the_longest_lock() -> None:
    state = CLEAR
    for _ in range(POLICY.tries):
        state = after_failure(POLICY, state, T0)
    back = T0 - dt.timedelta(days=3)
    assert locked_for(POLICY, state, back) == POLICY.max_lock
    assert normalised(POLICY, state, back).locked_until == back + POLICY.max_lock


def test_the_locked_message_says_the_time_in_thai_and_english() -> None:
    assert locked_message(299) == (
        "ใส่ PIN ผิดหลายครั้งเกินไป ลองใหม่ได้ในอีก 4 นาที 59 วินาที /"
        " too many wrong PINs: try again in 4 min 59 s"
    )
    assert seconds_left(dt.timedelta(milliseconds=1)) == 1


def test_a_policy_that_could_never_let_anyone_in_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one try"):
        LockoutPolicy(tries=0)
    with pytest.raises(ValueError, match="max_lock"):
        LockoutPolicy(lock=dt.timedelta(hours=2))
