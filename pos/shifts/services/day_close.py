"""The X report (the open business day so far) and the Z report (closing it).

* :func:`x_report` — any time, for the manager: the open day's figures and
  each open shift's expected amounts.  It only reads (pass the context's read
  unit of work: it then never even takes the write lock) and changes nothing.
* :func:`close_day` — the Z report: with a manager's PIN, once every shift
  of the day is closed with its count and every difference above the
  tolerance is approved.  In ONE transaction it computes the day's figures,
  takes the terminal's next Z number (gap-free, ``POS01-Z-00000012``), stores
  the Z report with its figures frozen as JSON, closes the business day and
  queues the Z for the thermal printer.  From then on the store refuses any
  sale, credit note or shift in that day; the next shift opens a new one.
* :func:`z_report` / :func:`z_reports_between` — a stored Z again (reprints):
  its figures are recomputed from the closed day, which can no longer change,
  and so equal the frozen ones.

A sale racing with the close is serialised by the store's write lock: it is
committed before (and is in this Z) or refused after (its shift is closed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from pos.audit import AuditAction, AuditEvent
from pos.clock import Clock
from pos.ids import TerminalId, UserId, ZReportId
from pos.money import format_baht
from pos.printing.services.print_jobs import queue_document
from pos.reports.domain.rows import CreditNoteSummary, ReportScope
from pos.reports.ports import ReportSource
from pos.sale.services.returns_and_voids import ManagerApproval, authorise
from pos.settings.domain.shop_settings import Settings
from pos.shifts.domain.cash_control import BusinessDay, Shift, TenderResult, takings_from_rows
from pos.shifts.domain.day_figures import (
    DayFigures,
    SchemeShares,
    ShiftLine,
    ZRecord,
    canonical_json,
)
from pos.shifts.services.shift_lifecycle import CloseShiftRequest, close_shift_in, shift_takings
from pos.shifts.services.stamping import now_in
from pos.unit_of_work import UnitOfWork

Z_DOCUMENT_KIND = "z_report"


class DayCloseError(ValueError):
    """The day cannot be closed (or there is no open day); the message says what to do first."""


@dataclass(frozen=True)
class DayReport:
    """An X report (``z is None``: the open day so far) or a Z report."""

    figures: DayFigures
    generated_at: dt.datetime
    z: ZRecord | None = None
    closed_by: str | None = None

    @property
    def is_z(self) -> bool:
        return self.z is not None

    @property
    def title(self) -> str:
        return f"Z {self.z.number}" if self.z else "X"


def _name(uow: UnitOfWork, user_id: UserId | None) -> str | None:
    if user_id is None:
        return None
    user = uow.users.by_id(user_id)
    return user.name if user else f"#{user_id}"


def _shift_line(uow: UnitOfWork, shift: Shift) -> ShiftLine:
    closing = shift.closing
    if closing is None:
        expected = shift_takings(uow, shift).expected()
        results = tuple(TenderResult(key, amount, None) for key, amount in expected.items())
    else:
        results = closing.results
    return ShiftLine(
        number=shift.number,
        shift_id=shift.shift_id,
        opened_at=shift.opened_at,
        opened_by=_name(uow, shift.opened_by_user_id) or "?",
        float_satang=shift.float_satang,
        results=results,
        closed_at=closing.closed_at if closing else None,
        counted_by=_name(uow, closing.counted_by_user_id) if closing else None,
        approved_by=_name(uow, closing.approved_by_user_id) if closing else None,
    )


def scheme_shares(uow: ReportSource, scope: ReportScope, settings: Settings) -> list[SchemeShares]:
    """Each scheme's shares per sale date, net of refunds, with when each is due in the bank."""
    book = {scheme.code: scheme for scheme in settings.schemes.schemes}
    shares = []
    for row in uow.reports.scheme_days(scope):
        scheme = book.get(row.scheme_code)
        shares.append(
            SchemeShares(
                scheme_code=row.scheme_code,
                name_th=scheme.name_th if scheme else row.scheme_code,
                sale_date=row.business_date,
                count=row.count,
                amount_satang=row.amount_satang
                - row.government_refunds_satang
                - row.buyer_refunds_satang,
                government_satang=row.government_share_satang - row.government_refunds_satang,
                buyer_satang=row.buyer_share_satang - row.buyer_refunds_satang,
                government_due_on=(
                    scheme.government_settlement.expected_on(row.business_date) if scheme else None
                ),
                government_window=scheme.government_settlement.label() if scheme else "",
                buyer_due_on=scheme.buyer_settlement.expected_on(row.business_date)
                if scheme
                else None,
                buyer_window=scheme.buyer_settlement.label() if scheme else "",
            )
        )
    return shares


def day_figures(uow: UnitOfWork, day: BusinessDay, settings: Settings) -> DayFigures:
    """The figures of one business day, computed in the caller's transaction."""
    scope = ReportScope.day(day.day_id)
    notes = {summary.kind: summary for summary in uow.reports.credit_note_summaries(scope)}
    shifts = uow.shifts.shifts_of_day(day.day_id)
    takings = takings_from_rows(
        sum(shift.float_satang for shift in shifts),
        uow.reports.tenders(scope),
        uow.reports.refunds(scope),
        sum(summary.cash_rounding_satang for summary in notes.values()),
        uow.reports.cash_movement_totals(scope),
    )
    return DayFigures(
        terminal_id=day.terminal_id,
        business_day_id=day.day_id,
        business_date=day.business_date,
        opened_at=day.opened_at,
        sales=uow.reports.sales_summary(scope),
        returns=notes.get("return", CreditNoteSummary("return")),
        voids=notes.get("void", CreditNoteSummary("void")),
        tenders=takings.tender_lines(),
        cash=takings.cash,
        schemes=tuple(scheme_shares(uow, scope, settings)),
        shifts=tuple(_shift_line(uow, shift) for shift in shifts),
    )


def x_report(uow_factory: Callable[[], UnitOfWork], clock: Clock) -> DayReport:
    """The open business day of this terminal so far; reads only."""
    with uow_factory() as uow:
        settings = uow.settings.load()
        day = uow.shifts.open_day(settings.terminal_id)
        if day is None:
            raise DayCloseError(
                f"no business day is open on {settings.terminal_id}: nothing has been sold"
                " since the last Z report (a day opens with its first shift)"
            )
        return DayReport(day_figures(uow, day, settings), clock.now())


@dataclass(frozen=True)
class ClosingProblem:
    """One thing in the way of closing the day: a shift still open, or its difference not
    approved (``difference_satang``); the screens word it in their language."""

    shift_number: int
    who: str
    difference_satang: int | None = None  # None: the shift is still open

    def english(self) -> str:
        if self.difference_satang is None:
            return f"shift #{self.shift_number} of {self.who} is still open: close it with a count"
        return (
            f"shift #{self.shift_number} of {self.who} has a difference of"
            f" {format_baht(self.difference_satang)} baht that a manager has not approved"
        )


def closing_problem_items(
    uow: UnitOfWork, day: BusinessDay, settings: Settings
) -> list[ClosingProblem]:
    """What must happen before ``day`` can be closed (empty: it can be)."""
    problems = []
    tolerance = settings.shift_rules.cash_tolerance_satang
    for shift in uow.shifts.shifts_of_day(day.day_id):
        who = _name(uow, shift.opened_by_user_id) or f"user {shift.opened_by_user_id}"
        if shift.is_open:
            problems.append(ClosingProblem(shift.number, who))
        elif shift.needs_approval(tolerance):
            assert shift.closing is not None
            largest = shift.closing.largest_difference_satang()
            problems.append(ClosingProblem(shift.number, who, largest))
    return problems


def closing_problems(uow: UnitOfWork, day: BusinessDay, settings: Settings) -> list[str]:
    """The same, in English words (the command line's and the refusal's)."""
    return [problem.english() for problem in closing_problem_items(uow, day, settings)]


def check_day_closable(
    uow_factory: Callable[[], UnitOfWork], z_id: ZReportId, *, closing_last_shift: bool = False
) -> None:
    """Refuse (DayCloseError) as :func:`close_day` would, before the manager's PIN is checked;
    with ``closing_last_shift`` the shift still open is closed with the day, so it may be open."""
    with uow_factory() as uow:
        if uow.shifts.z_report_by_id(z_id) is not None:
            return  # a retry: the Z already stored comes back
        settings = uow.settings.load()
        day = _open_day(uow, settings.terminal_id)
        if not closing_last_shift:
            _refuse_problems(closing_problems(uow, day, settings))


def _open_day(uow: UnitOfWork, terminal: TerminalId) -> BusinessDay:
    day = uow.shifts.open_day(terminal)
    if day is None:
        raise DayCloseError(f"no business day is open on {terminal}: there is nothing to close")
    return day


def _refuse_problems(problems: list[str]) -> None:
    if problems:
        raise DayCloseError("the day cannot be closed yet: " + "; ".join(problems))


def close_day(
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    z_id: ZReportId,
    approval: ManagerApproval,
    *,
    print_it: bool = True,
    last_shift: CloseShiftRequest | None = None,
) -> DayReport:
    """Close the open business day with its Z report (see the module docstring).

    With ``last_shift`` (the blind count of the shift still open) the shift
    is closed in the same transaction — the end of a one-drawer day in one
    step; the manager's approval covers its difference.
    """
    check_day_closable(uow_factory, z_id, closing_last_shift=last_shift is not None)
    manager = authorise(uow_factory, clock, approval)  # after: a refusal never follows the PIN
    assert manager.user_id is not None
    with uow_factory() as uow:
        moment = now_in(uow, clock)
        existing = uow.shifts.z_report_by_id(z_id)
        if existing is not None:
            return _stored_report(uow, existing, moment)
        settings = uow.settings.load()
        day = _open_day(uow, settings.terminal_id)
        if last_shift is not None:
            close_shift_in(uow, last_shift, manager.user_id, moment)
        _refuse_problems(closing_problems(uow, day, settings))
        figures = day_figures(uow, day, settings)
        record = _z_record(uow, z_id, day, figures, moment, manager.user_id)
        uow.shifts.close_day(record)
        uow.audit.record(
            AuditEvent(
                AuditAction.DAY_CLOSED,
                moment,
                manager.user_id,
                manager.user_id,
                reference=record.number,
                detail={
                    "business_date": day.business_date.isoformat(),
                    "net_satang": record.net_satang,
                    "sales": record.sales_count,
                    "z_id": str(z_id),
                },
            )
        )
        if print_it:
            queue_document(uow, Z_DOCUMENT_KIND, record.number, clock)
        uow.commit()
        return DayReport(figures, moment, record, manager.name)


def _z_record(
    uow: UnitOfWork,
    z_id: ZReportId,
    day: BusinessDay,
    figures: DayFigures,
    moment: dt.datetime,
    manager_id: UserId,
) -> ZRecord:
    serial = uow.counters.next_value(f"z_report:{day.terminal_id}")
    last = uow.shifts.last_z_report(day.terminal_id)
    grand_total = (last.grand_total_satang if last else 0) + figures.net_satang
    return ZRecord(
        z_id=z_id,
        number=f"{day.terminal_id}-Z-{serial:08d}",
        serial=serial,
        terminal_id=day.terminal_id,
        business_day_id=day.day_id,
        business_date=day.business_date,
        closed_at=moment,
        closed_by_user_id=manager_id,
        sales_count=figures.sales.count,
        net_satang=figures.net_satang,
        grand_total_satang=grand_total,
        figures_json=canonical_json(figures.to_json()),
    )


def _stored_report(uow: UnitOfWork, record: ZRecord, moment: dt.datetime) -> DayReport:
    day = uow.shifts.day_by_id(record.business_day_id)
    assert day is not None, "a Z report's day exists"
    figures = day_figures(uow, day, uow.settings.load())
    return DayReport(figures, moment, record, _name(uow, record.closed_by_user_id))


def z_report(uow_factory: Callable[[], UnitOfWork], clock: Clock, number: str) -> DayReport:
    """A stored Z report by its number (for a reprint); DayCloseError if there is none."""
    with uow_factory() as uow:
        record = uow.shifts.z_report_by_number(number.strip().upper())
        if record is None:
            raise DayCloseError(f"there is no Z report {number}")
        return _stored_report(uow, record, clock.now())


def z_reports_between(
    uow_factory: Callable[[], UnitOfWork], clock: Clock, start: dt.date, end: dt.date
) -> list[DayReport]:
    """The Z reports of the business days dated ``start``..``end``."""
    with uow_factory() as uow:
        records = uow.shifts.z_reports_between(start, end)
        return [_stored_report(uow, record, clock.now()) for record in records]
