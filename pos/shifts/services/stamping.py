"""Stamping sales and credit notes with the open shift and business day.

Checkout and returns call :func:`require_open_shift` inside the transaction
that stores the sale or credit note, so the shift they are stamped with is
the one open at that instant: a close or a Z report racing with them is
serialised by the store's write lock, and the sale lands in exactly one shift
and one business day — or, if the shift closed first, it is refused and the
cashier opens the next shift.  A sale with no open shift is refused rather
than given a shift automatically: a drawer without a counted float cannot be
reconciled.
"""

from __future__ import annotations

import datetime as dt

from pos.clock import THAI_TIME, Clock
from pos.ids import TerminalId
from pos.shifts.domain.cash_control import BusinessDay, NoOpenShiftError, ShiftStamp
from pos.unit_of_work import UnitOfWork


def now_in(uow: UnitOfWork, clock: Clock) -> dt.datetime:
    """The time, read once the unit of work has begun (a write one then holds the lock).

    A sale, credit note or Z report waiting for another writer takes its time
    when its turn comes, so times follow the order things were stored in: no
    sale of a closed day is later than the day's close.
    """
    uow.settings.load()  # the first statement: BEGIN (IMMEDIATE) happens here
    return clock.now()


def require_open_shift(uow: UnitOfWork, terminal_id: TerminalId) -> ShiftStamp:
    """The open shift's stamp, inside the caller's transaction; else NoOpenShiftError."""
    shift = uow.shifts.open_stamp(terminal_id)
    if shift is None:
        raise NoOpenShiftError(
            f"no shift is open on {terminal_id}: open a shift (count the float) before selling"
            " or refunding"
        )
    return shift


def trading_day(uow: UnitOfWork, clock: Clock) -> tuple[BusinessDay | None, dt.date]:
    """The terminal's open business day and the date the till trades in: that day's date, or
    today's Thai date when no day is open.  Past midnight a day opened the evening before is
    still "today" for the cashier: its sales are listed, and voided, under it until its Z."""
    day = uow.shifts.open_day(uow.settings.load().terminal_id)
    return day, (day.business_date if day else clock.now().astimezone(THAI_TIME).date())
