"""Sales, credit notes, shifts, business days and Z reports: the fake reads back as SQLite.

The ``simulated`` pair holds the same trading days (sales, returns, voids,
cash movements, two shifts and a Z report a day) put in through the
services; every read of :class:`pos.sale.ports.SalesRepository` and
:class:`pos.shifts.ports.ShiftRepository` must answer the same on both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from pos.unit_of_work import UnitOfWork
from tests.contracts.conftest import SIMULATION, Simulated, comparable

DATES = [SIMULATION.start + dt.timedelta(days=n) for n in range(-1, SIMULATION.days + 1)]


def _sales_reads(uow: UnitOfWork) -> list[Any]:
    reads: list[Any] = []
    for day in DATES:
        sales = uow.sales.sales_on(day)
        notes = uow.sales.credit_notes_on(day)
        reads += [sales, notes]
        for sale in sales:
            reads.append(uow.sales.sale_by_id(sale.sale_id))
            reads.append(uow.sales.sale_by_receipt_number(sale.receipt_number))
            reads.append(uow.sales.credit_notes_for(sale.sale_id))
            for tender in sale.scheme_tenders:
                code, ref = tender.scheme_code or "", tender.reference or ""
                reads.append(uow.sales.scheme_reference_receipt(code, ref))
        for note in notes:
            reads.append(uow.sales.credit_note_by_id(note.credit_note_id))
            reads.append(uow.sales.credit_note_by_number(note.number))
    reads.append(uow.sales.sale_by_receipt_number("NO-SUCH"))
    reads.append(uow.sales.scheme_reference_receipt("m33_rao_rak_kan", "NO-SUCH"))
    return reads


def _shift_reads(uow: UnitOfWork) -> list[Any]:
    reads: list[Any] = [uow.shifts.z_reports_between(DATES[0], DATES[-1])]
    for day in DATES:
        shifts, days = uow.shifts.shifts_on(day), uow.shifts.days_on(day)
        reads += [shifts, days]
        for shift in shifts:
            reads.append(uow.shifts.shift_by_id(shift.shift_id))
            movements = uow.shifts.cash_movements(shift.shift_id)
            reads.append(movements)
            reads += [uow.shifts.cash_movement_by_id(m.movement_id) for m in movements]
        for business_day in days:
            reads.append(uow.shifts.day_by_id(business_day.day_id))
            reads.append(uow.shifts.shifts_of_day(business_day.day_id))
            if business_day.z_number:
                z = uow.shifts.z_report_by_number(business_day.z_number)
                reads.append(z)
                reads.append(uow.shifts.z_report_by_id(z.z_id) if z else None)
    for terminal in {s.terminal_id for day in DATES for s in uow.shifts.shifts_on(day)}:
        reads.append(uow.shifts.last_z_report(terminal))
        reads.append(uow.shifts.open_day(terminal))
        reads.append(uow.shifts.open_shift(terminal))
        reads.append(uow.shifts.open_stamp(terminal))
    return reads


READS: dict[str, Callable[[UnitOfWork], list[Any]]] = {
    "sales": _sales_reads,
    "shifts": _shift_reads,
}


@pytest.mark.parametrize("port", sorted(READS))
def test_the_fake_reads_back_as_sqlite(simulated: Simulated, port: str) -> None:
    answers: list[Any] = []
    for uow_factory in simulated.both():
        with uow_factory() as uow:
            answers.append(comparable(READS[port](uow), {}))
    fake, sqlite = answers
    assert len(fake) == len(sqlite)
    for index, (mine, real) in enumerate(zip(fake, sqlite, strict=True)):
        assert mine == real, f"{port} read #{index}"


def test_the_simulated_days_have_what_the_reads_cover(simulated: Simulated) -> None:
    with simulated.sqlite() as uow:
        day = SIMULATION.start
        assert uow.sales.sales_on(day) and uow.sales.credit_notes_on(day)
        assert len(uow.shifts.shifts_on(day)) == 2
        assert uow.shifts.z_reports_between(day, day)
