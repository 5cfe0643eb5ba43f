"""The simulated day's drawer: shifts, cash in and out, blind counts and the Z report.

A simulated day runs as the counter's does: the morning cashier opens shift 1
at 08:15 with a counted float, brings 300 baht of coins for change, sends
1,000 baht to the safe at 12:30 and hands over at 13:00 (count, close; shift 2
opens with its own float); after the last customer shift 2 is counted and
closed and the manager closes the day with the Z report.  Counts are the
expected cash in the fewest notes and coins, now and then a 20-baht note
short (approved by the manager).

Everything follows from the seed, the day and the shift — not from the
simulation's random stream, and not from what happens to be stored — so a run
restarted after a kill finds its shifts, movements and Z report by their ids
and ends as an uninterrupted one.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from pos.clock import THAI_TIME, FakeClock
from pos.ids import CashMovementId, ShiftId, UserId, ZReportId
from pos.sale.services.returns_and_voids import ManagerApproval
from pos.shifts.domain.cash_control import CashCount, CashMovementKind, Shift, count_for_amount
from pos.shifts.services.day_close import close_day
from pos.shifts.services.shift_lifecycle import (
    CashMovementRequest,
    CloseShiftRequest,
    OpenShiftRequest,
    close_shift,
    open_shift,
    record_cash_movement,
    shift_takings,
)
from pos.unit_of_work import UnitOfWork

SHIFT_STARTS = (dt.time(8, 15), dt.time(13, 0))
FLOAT = CashCount.parse("100x10 50x10 20x10 10x10 5x10 2x10 1x20")  # 1,890 baht
COINS_IN = (dt.time(8, 16), 30_000, "แลกเหรียญทอน")
TO_SAFE = (dt.time(12, 30), 100_000, "นำส่งเงินสดเข้าตู้เซฟ")
SHORT_RATE = 0.15
_NAMESPACE = uuid.UUID("0b3c0f1e-73a5-4c61-bd1f-5b2f1a9a0c77")


@dataclass
class ShiftTally:
    shifts: int = 0
    z_reports: int = 0
    cash_differences: list[int] = field(default_factory=list)


class SimulatedDrawer:
    """Opens, moves cash in, closes shifts and the day at the times above, on the fake clock."""

    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        clock: FakeClock,
        staff: tuple[UserId, UserId | None],
        approval: ManagerApproval | None,
        seed: int,
        tally: ShiftTally,
    ):
        self._uow_factory, self._clock = uow_factory, clock
        self._cashier = staff[0]
        self._approval, self._seed, self.tally = approval, seed, tally
        self._day: dt.date | None = None
        self._shift: Shift | None = None
        self._index = -1
        self._moved: set[str] = set()

    def _id(self, *parts: object) -> uuid.UUID:
        return uuid.uuid5(_NAMESPACE, ":".join(str(p) for p in (self._seed, self._day, *parts)))

    def _at(self, moment: dt.time) -> dt.datetime:
        assert self._day is not None
        return dt.datetime.combine(self._day, moment, THAI_TIME)

    def _set(self, moment: dt.datetime) -> None:
        self._clock.set(max(moment, self._clock.now()))

    def start_day(self, day: dt.date) -> None:
        self._day, self._index, self._moved = day, -1, set()
        self._open(0)

    def before(self, moment: dt.datetime) -> None:
        """Bring the drawer up to ``moment``: cash movements and the shift change due by then."""
        for name, (time, amount, reason) in (("coins", COINS_IN), ("safe", TO_SAFE)):
            if name not in self._moved and self._at(time) <= moment and self._index == 0:
                self._move(name, amount, reason, time)
        if self._index == 0 and moment >= self._at(SHIFT_STARTS[1]):
            self._close(self._at(SHIFT_STARTS[1]))
            self._open(1)

    def end_day(self, last: dt.datetime) -> None:
        self._close(max(last + dt.timedelta(minutes=5), self._at(dt.time(18, 5))))
        if self._approval is None:
            return  # a Z report needs the manager
        self._set(self._clock.now() + dt.timedelta(minutes=5))
        close_day(self._uow_factory, self._clock, ZReportId(self._id("z")), self._approval)
        self.tally.z_reports += 1

    def _open(self, index: int) -> None:
        self._index = index
        self._set(self._at(SHIFT_STARTS[index]))
        request = OpenShiftRequest(
            ShiftId(self._id("shift", index)), self._cashier, float_count=FLOAT
        )
        self._shift = open_shift(self._uow_factory, self._clock, request)
        self.tally.shifts += 1

    def _move(self, name: str, amount: int, reason: str, time: dt.time) -> None:
        self._moved.add(name)
        self._set(self._at(time))
        kind = CashMovementKind.CASH_IN if name == "coins" else CashMovementKind.CASH_OUT
        request = CashMovementRequest(
            CashMovementId(self._id("move", name)), kind, amount, reason, self._cashier
        )
        record_cash_movement(self._uow_factory, self._clock, request)

    def _close(self, moment: dt.datetime) -> None:
        assert self._shift is not None
        self._set(moment)
        count, short = self._count(self._shift)
        approval = self._approval if short else None
        request = CloseShiftRequest(self._shift.shift_id, self._cashier, count)
        closed = close_shift(self._uow_factory, self._clock, request, approval)
        assert closed.closing is not None
        self.tally.cash_differences.append(closed.closing.cash.difference_satang or 0)

    def _count(self, shift: Shift) -> tuple[CashCount, bool]:
        """What the cashier counts: the expected cash, sometimes a 20-baht note short."""
        if shift.closing is not None:  # a restarted run: the count was stored
            return shift.closing.cash_count, shift.closing.approved_by_user_id is not None
        with self._uow_factory() as uow:
            expected = shift_takings(uow, shift).cash.expected_satang
        count, _ = count_for_amount(expected)
        short = (
            self._approval is not None and random.Random(str(shift.shift_id)).random() < SHORT_RATE
        )
        if short and count.count_of(2_000):
            counts = dict(count.pieces)
            counts[2_000] -= 1
            return CashCount.of(counts), True
        return count, False
