"""When a print job's drawer kick is due: once, after its receipt printed, soon after the sale."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from pos.clock import THAI_TIME
from pos.printing.domain.print_queue import RetryPolicy, drawer_kick_due, new_print_job

SOLD = dt.datetime(2026, 12, 3, 10, 0, tzinfo=THAI_TIME)
POLICY = RetryPolicy(first_seconds=0.5, max_seconds=4.0, drawer_window_seconds=30.0)


@given(failures=st.integers(0, 20), seconds=st.floats(0, 120, allow_nan=False))
def test_the_kick_is_due_once_after_the_receipt_however_many_attempts(
    failures: int, seconds: float
) -> None:
    job = new_print_job("sale", "POS01-00000042", SOLD, open_drawer=True)
    at = SOLD
    for _ in range(failures):
        assert not drawer_kick_due(job, at, POLICY)  # no receipt yet: no drawer
        at = job.next_attempt_at
        job = job.retried("การเชื่อมต่อขาด", at, POLICY)
    now = SOLD + dt.timedelta(seconds=seconds)
    printed = job.printed(now)
    assert printed.attempts == failures + 1
    assert drawer_kick_due(printed, now, POLICY) is (seconds <= POLICY.drawer_window_seconds)
    kicked = printed.drawer_kicked(now)
    assert not drawer_kick_due(kicked, now, POLICY)  # and never again


def test_no_kick_for_a_card_sale_a_copy_a_waiting_or_a_cancelled_job() -> None:
    card = new_print_job("sale", "POS01-00000042", SOLD).printed(SOLD)
    copy = new_print_job("sale", "POS01-00000042", SOLD, is_copy=True, open_drawer=True)
    waiting = new_print_job("sale", "POS01-00000043", SOLD, open_drawer=True)
    for job in (card, copy.printed(SOLD), waiting, waiting.cancelled()):
        assert not drawer_kick_due(job, SOLD, POLICY)


def test_a_failed_kick_keeps_the_job_printed_with_the_reason() -> None:
    printed = new_print_job("sale", "POS01-00000042", SOLD, open_drawer=True).printed(SOLD)
    missed = printed.drawer_not_kicked("ลิ้นชักไม่เปิด")
    assert missed.printed_at == SOLD and missed.last_error == "ลิ้นชักไม่เปิด"
    assert missed.drawer_kicked_at is None
