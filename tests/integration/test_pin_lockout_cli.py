"""One PIN lock-out for the command line and the app, kept in the store (issue 12, item 8).

Each ``otop-pos`` below is a separate process, as a person or a script at the
shop's computer would run it: the lock-out must hold across them, and across
the counter app on the same store.  Time is moved forward in a child with
``OTOP_POS_CLOCK_OFFSET_SECONDS`` (read by :class:`pos.clock.SystemClock`).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos.audit import AuditAction, AuditEvent
from pos.bootstrap import initialise, open_context, open_till
from pos.clock import CLOCK_OFFSET_ENV, THAI_TIME
from pos.ids import UserId
from pos.staff.domain.lockout import DEFAULT_POLICY
from pos.staff.services.pin_check import pin_subject
from pos.till.domain.rules import TillError, TillProblem

PROJECT = Path(__file__).resolve().parents[2]
CASHIER, MANAGER = "1", "ประเสริฐ ทองดี"  # the demo users (README "Demo users")
MANAGER_ID, MANAGER_PIN = UserId(2), "5678"
LOCK_SECONDS = DEFAULT_POLICY.lock.total_seconds()


def otop_pos(
    data_dir: Path, *args: str, stdin: str = "", offset: float = 0
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(PROJECT / "main.py"), "--data-dir", str(data_dir), *args],
        cwd=PROJECT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(PROJECT), CLOCK_OFFSET_ENV: str(offset)},
    )


def approve(data_dir: Path, pin: str, offset: float = 0) -> subprocess.CompletedProcess[str]:
    return otop_pos(
        data_dir,
        *("shift", "approve", "--number", "1", "--manager", MANAGER, "--pin-stdin"),
        stdin=pin + "\n",
        offset=offset,
    )


def refusals(data_dir: Path) -> list[AuditEvent]:
    context = open_context(data_dir)
    try:
        with context.uow_factory() as uow:
            events = uow.audit.between(
                dt.datetime(2000, 1, 1, tzinfo=THAI_TIME), dt.datetime(2100, 1, 1, tzinfo=THAI_TIME)
            )
    finally:
        context.close()
    wanted = (AuditAction.LOGIN_FAILED, AuditAction.PIN_REFUSED)
    return [event for event in events if event.action in wanted]


def seconds_to_lock_end(data_dir: Path) -> float:
    """How far ahead the manager's lock ends, as the store keeps it."""
    context = open_context(data_dir)
    try:
        with context.uow_factory() as uow:
            until = uow.pin_lockouts.get(pin_subject(MANAGER_ID)).locked_until
    finally:
        context.close()
    assert until is not None
    return (until - dt.datetime.now(THAI_TIME)).total_seconds()


@pytest.fixture
def shop_with_a_short_shift(tmp_path: Path) -> Path:
    """The demo shop with shift #1 closed 1,900 baht short: it waits for a manager's approval."""
    data_dir = tmp_path / "shop"
    context, _ = initialise(data_dir, demo=True)
    context.close()
    assert otop_pos(data_dir, "shift", "open", "--user", CASHIER, "--float", "2000").returncode == 0
    closing = otop_pos(data_dir, "shift", "close", "--user", CASHIER, "--count", "100x1")
    assert closing.returncode == 0 and "needs a manager" in closing.stdout, closing.stdout
    return data_dir


@pytest.mark.timeout(480)  # two dozen processes, each ~1-3 s to start on a busy machine
def test_twenty_wrong_pins_lock_the_manager_out_of_every_command_until_the_lock_passes(
    shop_with_a_short_shift: Path,
) -> None:
    data_dir = shop_with_a_short_shift
    answers = [approve(data_dir, "0000") for _ in range(20)]
    assert {answer.returncode for answer in answers} == {1}  # README: 1, input refused
    wrong, locked = answers[: DEFAULT_POLICY.tries - 1], answers[DEFAULT_POLICY.tries - 1 :]
    assert all("PIN is not right" in answer.stderr for answer in wrong)
    for answer in locked:  # from the try that locked: the time left, in Thai and English
        assert "ลองใหม่ได้ในอีก" in answer.stderr and "too many wrong PINs" in answer.stderr
        assert "Traceback" not in answer.stderr
    assert "4 min 59 s" in locked[0].stderr or "5 min 0 s" in locked[0].stderr

    # the children took real seconds: move each one's clock to just before / after the lock's end
    right_too_soon = approve(data_dir, MANAGER_PIN, offset=seconds_to_lock_end(data_dir) - 10)
    assert right_too_soon.returncode == 1 and "try again in" in right_too_soon.stderr
    closing_the_day = otop_pos(
        data_dir, "report", "z", "--close", "--manager", MANAGER, "--pin-stdin", stdin="5678\n"
    )
    assert closing_the_day.returncode == 1 and "try again in" in closing_the_day.stderr

    audited = refusals(data_dir)
    assert [event.action for event in audited] == [AuditAction.LOGIN_FAILED] * 5 + [
        AuditAction.PIN_REFUSED
    ] * 17  # 20 wrong, then the right one twice: every refusal is in the audit trail
    assert {event.user_id for event in audited} == {MANAGER_ID}
    assert {event.detail["where"] for event in audited} == {
        "cli:shift approve",
        "cli:report z --close",
    }

    after_the_lock = approve(data_dir, MANAGER_PIN, offset=seconds_to_lock_end(data_dir) + 1)
    assert after_the_lock.returncode == 0, after_the_lock.stderr
    assert "approved the difference of shift #1" in after_the_lock.stdout


def test_the_app_and_the_command_line_count_the_same_wrong_pins(
    shop_with_a_short_shift: Path,
) -> None:
    data_dir = shop_with_a_short_shift
    context = open_context(data_dir)
    till = open_till(context, background=False)
    try:
        for _ in range(DEFAULT_POLICY.tries - 1):  # four wrong at the till ...
            with pytest.raises(TillError) as refused:
                till.approve(MANAGER_ID, "0000")
            assert refused.value.problem is TillProblem.WRONG_PIN
        fifth = approve(data_dir, "0000")  # ... and one at the command line locks
        assert fifth.returncode == 1 and "too many wrong PINs" in fifth.stderr
        with pytest.raises(TillError) as refused:  # the app, which counted four, is locked too
            till.approve(MANAGER_ID, MANAGER_PIN)
        assert refused.value.problem is TillProblem.LOCKED_OUT
        assert 0 < int(str(refused.value.details["seconds"])) <= LOCK_SECONDS
        assert till.log_in(UserId(1), "1234").user_id == 1  # the cashier is not locked out
    finally:
        till.close()
        context.close()
    wheres = [(event.action, event.detail["where"]) for event in refusals(data_dir)]
    assert wheres == [(AuditAction.LOGIN_FAILED, "till")] * 4 + [
        (AuditAction.LOGIN_FAILED, "cli:shift approve"),
        (AuditAction.PIN_REFUSED, "till"),
    ]
