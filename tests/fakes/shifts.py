"""The in-memory fake of :class:`pos.shifts.ports.ShiftRepository`.

It keeps the store's rules that services rely on: one open shift and day per
terminal, nothing added to a closed shift or day, a closed one changes only by
a one-time approval.  The report sums are :mod:`tests.fakes.reports`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterable

from pos.shifts.domain.cash_control import (
    BusinessDay,
    CashMovement,
    Shift,
    ShiftClosing,
    ShiftStamp,
)
from pos.shifts.domain.day_figures import ZRecord
from pos.sync.domain.stored import DayClosed, ShiftClosed, Stored


@dataclasses.dataclass
class FakeShiftData:
    days: dict[uuid.UUID, BusinessDay] = dataclasses.field(default_factory=dict)
    shifts: dict[uuid.UUID, Shift] = dataclasses.field(default_factory=dict)
    movements: dict[uuid.UUID, CashMovement] = dataclasses.field(default_factory=dict)
    z_reports: dict[uuid.UUID, ZRecord] = dataclasses.field(default_factory=dict)


class FakeShiftRepository:
    def __init__(self, data: FakeShiftData, events: list[Stored]):
        self._data = data
        self._events = events  # the unit of work queues them for the head office on commit

    def _sorted(self, shifts: Iterable[Shift]) -> list[Shift]:
        return sorted(shifts, key=lambda s: (s.terminal_id, s.number))

    def open_shift(self, terminal_id: str) -> Shift | None:
        found = [
            s for s in self._data.shifts.values() if s.terminal_id == terminal_id and s.is_open
        ]
        return found[0] if found else None

    def open_stamp(self, terminal_id: str) -> ShiftStamp | None:
        shift = self.open_shift(terminal_id)
        return shift.stamp if shift else None

    def shift_by_id(self, shift_id: uuid.UUID) -> Shift | None:
        return self._data.shifts.get(shift_id)

    def shifts_of_day(self, business_day_id: uuid.UUID) -> list[Shift]:
        return self._sorted(
            s for s in self._data.shifts.values() if s.business_day_id == business_day_id
        )

    def shifts_on(self, day: dt.date) -> list[Shift]:
        return self._sorted(s for s in self._data.shifts.values() if s.business_date == day)

    def add_shift(self, shift: Shift) -> None:
        day = self._data.days[shift.business_day_id]
        if not day.is_open or shift.shift_id in self._data.shifts:
            raise ValueError(f"shift {shift.shift_id}: day closed or shift exists")
        if shift.is_open and self.open_shift(shift.terminal_id) is not None:
            raise ValueError(f"{shift.terminal_id} already has an open shift")
        self._data.shifts[shift.shift_id] = dataclasses.replace(shift, closing=None)
        if shift.closing is not None:  # as the store does: added open, then closed
            self.close_shift(shift.shift_id, shift.closing)

    def close_shift(self, shift_id: uuid.UUID, closing: ShiftClosing) -> None:
        shift = self._data.shifts[shift_id]
        if not shift.is_open:
            raise ValueError(f"shift {shift_id} is already closed")
        closed = dataclasses.replace(shift, closing=closing)
        self._data.shifts[shift_id] = closed
        self._events.append(ShiftClosed(closed, self.cash_movements(shift_id)))

    def approve_shift(self, shift_id: uuid.UUID, user_id: int, at: dt.datetime) -> None:
        shift = self._data.shifts[shift_id]
        if shift.closing is None or shift.closing.approved_by_user_id is not None:
            raise ValueError(f"shift {shift_id} is open or already approved")
        closing = dataclasses.replace(shift.closing, approved_by_user_id=user_id, approved_at=at)
        self._data.shifts[shift_id] = dataclasses.replace(shift, closing=closing)

    def add_cash_movement(self, movement: CashMovement) -> None:
        if not self._data.shifts[movement.shift_id].is_open:
            raise ValueError("cash cannot move in a closed shift")
        self._data.movements[movement.movement_id] = movement

    def cash_movement_by_id(self, movement_id: uuid.UUID) -> CashMovement | None:
        return self._data.movements.get(movement_id)

    def cash_movements(self, shift_id: uuid.UUID) -> list[CashMovement]:
        found = [m for m in self._data.movements.values() if m.shift_id == shift_id]
        return sorted(found, key=lambda m: m.at)

    def open_day(self, terminal_id: str) -> BusinessDay | None:
        found = [d for d in self._data.days.values() if d.terminal_id == terminal_id and d.is_open]
        return found[0] if found else None

    def day_by_id(self, business_day_id: uuid.UUID) -> BusinessDay | None:
        return self._data.days.get(business_day_id)

    def days_on(self, day: dt.date) -> list[BusinessDay]:
        found = [d for d in self._data.days.values() if d.business_date == day]
        return sorted(found, key=lambda d: d.opened_at)

    def add_day(self, day: BusinessDay) -> None:
        if day.is_open and self.open_day(day.terminal_id) is not None:
            raise ValueError(f"{day.terminal_id} already has an open business day")
        self._data.days[day.day_id] = day

    def close_day(self, report: ZRecord) -> None:
        day = self._data.days[report.business_day_id]
        if not day.is_open or any(s.is_open for s in self.shifts_of_day(day.day_id)):
            raise ValueError("the day is closed or has an open shift")
        self._data.z_reports[report.z_id] = report
        self._events.append(DayClosed(report))
        self._data.days[day.day_id] = dataclasses.replace(
            day, closed_at=report.closed_at, z_number=report.number
        )

    def z_report_by_id(self, z_id: uuid.UUID) -> ZRecord | None:
        return self._data.z_reports.get(z_id)

    def z_report_by_number(self, number: str) -> ZRecord | None:
        return next((z for z in self._data.z_reports.values() if z.number == number), None)

    def last_z_report(self, terminal_id: str) -> ZRecord | None:
        mine = [z for z in self._data.z_reports.values() if z.terminal_id == terminal_id]
        return max(mine, key=lambda z: z.serial, default=None)

    def z_reports_between(self, start: dt.date, end: dt.date) -> list[ZRecord]:
        found = [z for z in self._data.z_reports.values() if start <= z.business_date <= end]
        return sorted(found, key=lambda z: (z.terminal_id, z.serial))
