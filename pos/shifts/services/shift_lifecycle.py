"""Shift use cases: open with a float, cash in and out, blind close, a manager's approval.

What the till calls (the arithmetic is :mod:`pos.shifts.domain.cash_control`):

1. :func:`open_shift` when a cashier starts: the float by denomination or as
   an amount.  The first shift after a Z report opens a new business day.  A
   terminal has one open shift at a time; a business day left open from an
   earlier date must be closed (Z) first, so this morning's sales never land
   in yesterday.
2. :func:`record_cash_movement` for cash in (change brought in) and cash out
   (takings to the safe, petty cash), each with its reason and an audit record.
3. :func:`close_shift` with the blind count: the cashier never sees what is
   expected before the count is stored; the result (expected, counted and the
   difference per tender) comes back only then.  A count is final — counting
   again would reveal the expected amount.  A difference above
   ``Settings.shift_rules.cash_tolerance_satang`` needs a manager: with the
   close (``approval``), or later with :func:`approve_shift`; the Z report
   waits for it.
4. :func:`current_shift` tells the sale screen whether it may sell (checkout
   and returns refuse with :class:`pos.shifts.domain.cash_control.NoOpenShiftError` otherwise,
   see :mod:`pos.shifts.services.stamping`).

Every call that changes something takes an id made by the caller (UUID), so a
retried call returns what the first one stored instead of doing it twice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from pos.audit import AuditAction, AuditEvent
from pos.clock import Clock
from pos.ids import CashMovementId, ShiftId, TerminalId, UserId
from pos.money import format_baht
from pos.reports.domain.report_settings import ShiftRules
from pos.reports.domain.rows import ReportScope
from pos.sale.services.returns_and_voids import ManagerApproval, authorise
from pos.shifts.domain.cash_control import (
    BusinessDay,
    CashCount,
    CashMovement,
    CashMovementKind,
    NoOpenShiftError,
    Shift,
    ShiftClosing,
    ShiftError,
    ShiftTakings,
    business_date_at,
    business_day_id_for,
    check_amount,
    check_note,
    check_reason,
    reconcile,
    takings_from_rows,
)
from pos.shifts.services.stamping import now_in
from pos.staff.domain.users import User
from pos.thai_dates import thai_date
from pos.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class OpenShiftRequest:
    """A new shift; give the float either counted (``float_count``) or as ``float_satang``."""

    shift_id: ShiftId
    user_id: UserId
    float_satang: int | None = None
    float_count: CashCount | None = None


@dataclass(frozen=True)
class CashMovementRequest:
    movement_id: CashMovementId
    kind: CashMovementKind
    amount_satang: int
    reason: str
    user_id: UserId


@dataclass(frozen=True)
class CloseShiftRequest:
    """The blind count: cash by denomination, and any totals a manager read off a terminal/app."""

    shift_id: ShiftId
    counted_by_user_id: UserId
    cash_count: CashCount
    other_counts: Mapping[str, int] = field(default_factory=dict)  # e.g. {"card": 125000}
    note: str = ""


def current_shift(uow_factory: Callable[[], UnitOfWork]) -> Shift | None:
    """The open shift of this terminal, or ``None`` (then nothing can be sold)."""
    with uow_factory() as uow:
        return uow.shifts.open_shift(uow.settings.load().terminal_id)


def _user(uow: UnitOfWork, user_id: UserId) -> User:
    user = uow.users.by_id(user_id)
    if user is None or not user.active:
        raise ShiftError(f"user {user_id} is not an active user: log in again")
    return user


def _float_amount(request: OpenShiftRequest) -> int:
    if (request.float_satang is None) == (request.float_count is None):
        raise ShiftError("give the float either counted by denomination or as an amount")
    if request.float_count is not None:
        return request.float_count.total_satang
    assert request.float_satang is not None
    if request.float_satang < 0:
        raise ShiftError("the float cannot be negative")
    return request.float_satang


def open_shift(
    uow_factory: Callable[[], UnitOfWork], clock: Clock, request: OpenShiftRequest
) -> Shift:
    """Open a shift (and, after a Z report, a new business day) for this terminal."""
    float_satang = _float_amount(request)
    with uow_factory() as uow:
        moment = now_in(uow, clock)
        existing = uow.shifts.shift_by_id(request.shift_id)
        if existing is not None:
            return existing
        settings = uow.settings.load()
        terminal = settings.terminal_id
        user = _user(uow, request.user_id)
        _refuse_open_shift(uow, terminal)
        day = _day_for_new_shift(uow, terminal, request.shift_id, moment, settings.shift_rules)
        number = uow.counters.next_value(f"shift:{terminal}")
        shift = Shift(
            shift_id=request.shift_id,
            terminal_id=terminal,
            number=number,
            business_day_id=day.day_id,
            business_date=day.business_date,
            opened_at=moment,
            opened_by_user_id=request.user_id,
            float_satang=float_satang,
            float_count=request.float_count,
        )
        uow.shifts.add_shift(shift)
        uow.audit.record(
            AuditEvent(
                AuditAction.SHIFT_OPENED,
                moment,
                user.user_id,
                reference=f"{terminal} #{number}",
                detail={
                    "shift_id": str(shift.shift_id),
                    "float_satang": float_satang,
                    "business_date": day.business_date.isoformat(),
                },
            )
        )
        uow.commit()
        return shift


def _refuse_open_shift(uow: UnitOfWork, terminal: TerminalId) -> None:
    open_one = uow.shifts.open_shift(terminal)
    if open_one is not None:
        who = uow.users.by_id(open_one.opened_by_user_id)
        raise ShiftError(
            f"shift #{open_one.number} of {who.name if who else '?'} is still open on {terminal}"
            f" (since {open_one.opened_at:%H:%M}): close it first with a count of the drawer"
        )


def _day_for_new_shift(
    uow: UnitOfWork, terminal: TerminalId, shift_id: ShiftId, moment: dt.datetime, rules: ShiftRules
) -> BusinessDay:
    today = business_date_at(moment, rules.day_starts_at)
    day = uow.shifts.open_day(terminal)
    if day is not None:
        if day.business_date < today:
            raise ShiftError(
                f"the business day of {thai_date(day.business_date)} is still open: a manager"
                " closes it with the Z report before a new day starts"
            )
        return day
    day = BusinessDay(business_day_id_for(shift_id), terminal, today, moment)
    uow.shifts.add_day(day)
    return day


def record_cash_movement(
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    request: CashMovementRequest,
    approval: ManagerApproval | None = None,
) -> CashMovement:
    """Cash put in or taken out of the drawer of the open shift, with its reason (audited)."""
    what = "cash in" if request.kind is CashMovementKind.CASH_IN else "cash out"
    amount = check_amount(request.amount_satang, what)
    reason = check_reason(request.reason, what)
    manager = authorise(uow_factory, clock, approval) if approval else None
    with uow_factory() as uow:
        moment = now_in(uow, clock)
        existing = uow.shifts.cash_movement_by_id(request.movement_id)
        if existing is not None:
            return existing
        _user(uow, request.user_id)
        terminal = uow.settings.load().terminal_id
        shift = uow.shifts.open_shift(terminal)
        if shift is None:
            raise NoOpenShiftError(
                f"no shift is open on {terminal}: there is no drawer to move cash in"
            )
        movement = CashMovement(
            request.movement_id,
            shift.shift_id,
            request.kind,
            amount,
            reason,
            moment,
            request.user_id,
            manager.user_id if manager else None,
        )
        uow.shifts.add_cash_movement(movement)
        action = (
            AuditAction.CASH_IN
            if request.kind is CashMovementKind.CASH_IN
            else AuditAction.CASH_OUT
        )
        uow.audit.record(
            AuditEvent(
                action,
                moment,
                request.user_id,
                movement.approved_by_user_id,
                reference=f"{shift.terminal_id} #{shift.number}",
                detail={
                    "amount_satang": amount,
                    "reason": reason,
                    "movement_id": str(movement.movement_id),
                },
            )
        )
        uow.commit()
        return movement


def shift_takings(uow: UnitOfWork, shift: Shift) -> ShiftTakings:
    """What the store says should be in the shift's drawer and other tenders (in the caller's
    transaction).  For managers and the close — never shown to the cashier before the count."""
    scope = ReportScope.shift(shift.shift_id)
    rounding = sum(n.cash_rounding_satang for n in uow.reports.credit_note_summaries(scope))
    return takings_from_rows(
        shift.float_satang,
        uow.reports.tenders(scope),
        uow.reports.refunds(scope),
        rounding,
        uow.reports.cash_movement_totals(scope),
    )


def close_shift(
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    request: CloseShiftRequest,
    approval: ManagerApproval | None = None,
) -> Shift:
    """Store the blind count and the result; returns the closed shift with expected vs counted.

    The count is final.  ``approval`` (a manager's PIN) approves a difference
    above the tolerance now; without it such a shift waits for
    :func:`approve_shift` before the day can be closed.
    """
    check_note(request.note)  # before the PIN: a refused note must not cost a try
    manager = authorise(uow_factory, clock, approval) if approval else None
    with uow_factory() as uow:
        moment = now_in(uow, clock)
        shift = close_shift_in(uow, request, manager.user_id if manager else None, moment)
        uow.commit()
        return shift


def close_shift_in(
    uow: UnitOfWork, request: CloseShiftRequest, approved_by: UserId | None, moment: dt.datetime
) -> Shift:
    """Close a shift inside the caller's transaction (the Z report closes the last one so)."""
    shift = uow.shifts.shift_by_id(request.shift_id)
    if shift is None:
        raise ShiftError(f"there is no shift {request.shift_id}")
    if shift.closing is not None:
        return _the_same_close(shift, request)
    _user(uow, request.counted_by_user_id)
    results = reconcile(shift_takings(uow, shift), request.cash_count, request.other_counts)
    closing = ShiftClosing(
        closed_at=moment,
        counted_by_user_id=request.counted_by_user_id,
        cash_count=request.cash_count,
        results=results,
        approved_by_user_id=approved_by,
        approved_at=moment if approved_by is not None else None,
        note=check_note(request.note),
    )
    uow.shifts.close_shift(shift.shift_id, closing)
    uow.audit.record(_close_event(shift, closing))
    return dataclasses.replace(shift, closing=closing)


def _the_same_close(shift: Shift, request: CloseShiftRequest) -> Shift:
    assert shift.closing is not None
    if shift.closing.cash_count != request.cash_count:
        raise ShiftError(
            f"shift #{shift.number} was already closed at {shift.closing.closed_at:%H:%M};"
            " a count is final"
        )
    return shift


def _close_event(shift: Shift, closing: ShiftClosing) -> AuditEvent:
    return AuditEvent(
        AuditAction.SHIFT_CLOSED,
        closing.closed_at,
        closing.counted_by_user_id,
        closing.approved_by_user_id,
        reference=f"{shift.terminal_id} #{shift.number}",
        detail={
            "shift_id": str(shift.shift_id),
            "note": closing.note,
            "results": {
                r.key: {"expected_satang": r.expected_satang, "counted_satang": r.counted_satang}
                for r in closing.results
            },
        },
    )


def approve_shift(
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    shift_id: ShiftId,
    approval: ManagerApproval,
) -> Shift:
    """A manager approves a closed shift's difference (once); recorded with who and when."""
    manager = authorise(uow_factory, clock, approval)
    assert manager.user_id is not None
    with uow_factory() as uow:
        moment = now_in(uow, clock)
        shift = uow.shifts.shift_by_id(shift_id)
        if shift is None or shift.closing is None:
            raise ShiftError("only a closed shift's difference can be approved")
        if shift.closing.approved_by_user_id is not None:
            return shift
        uow.shifts.approve_shift(shift_id, manager.user_id, moment)
        cash = shift.closing.cash
        uow.audit.record(
            AuditEvent(
                AuditAction.SHIFT_DIFFERENCE_APPROVED,
                moment,
                manager.user_id,
                manager.user_id,
                reference=f"{shift.terminal_id} #{shift.number}",
                detail={
                    "shift_id": str(shift_id),
                    "cash_difference_satang": cash.difference_satang,
                    "difference": format_baht(cash.difference_satang or 0),
                },
            )
        )
        uow.commit()
        closing = dataclasses.replace(
            shift.closing, approved_by_user_id=manager.user_id, approved_at=moment
        )
        return dataclasses.replace(shift, closing=closing)
