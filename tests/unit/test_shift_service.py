"""Shifts, cash control and the Z report through the services, on the in-memory fakes.

The first tests are the cash mistakes users of other tills keep reporting,
as named cases: the float counted as a difference, change not subtracted,
refunds not taken off the tender they left by.
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from pos.audit import AuditAction
from pos.bootstrap import AppContext
from pos.clock import FakeClock
from pos.sale.domain.tenders import CardTender, CashTender, PromptPayTender, SchemeTender
from pos.sale.services.returns_and_voids import ManagerApproval, ReturnRequest, return_goods
from pos.shifts.domain.cash_control import (
    CashCount,
    CashMovementKind,
    NoOpenShiftError,
    Shift,
    ShiftError,
)
from pos.shifts.services.day_close import DayCloseError, close_day, x_report
from pos.shifts.services.shift_lifecycle import (
    CashMovementRequest,
    CloseShiftRequest,
    OpenShiftRequest,
    approve_shift,
    close_shift,
    current_shift,
    open_shift,
    record_cash_movement,
)
from tests.fakes.context import fake_context
from tests.sales_helpers import (
    CHIPS,
    COFFEE,
    JULY_2021,
    MANAGER_PIN,
    SILK,
    add_staff,
    cart_of,
    open_till,
    sell,
)

Till = tuple[AppContext, FakeClock, int, int]


@pytest.fixture
def till() -> Till:
    context = fake_context()
    cashier, manager = add_staff(context)
    return context, FakeClock(JULY_2021), cashier, manager


def opened(till: Till, float_satang: int = 200_000) -> Shift:
    context, clock, cashier, _ = till
    return open_till(context, clock, cashier, float_satang)


def close_with(till: Till, count: str, others: dict[str, int] | None = None) -> Shift:
    context, clock, cashier, _ = till
    shift = current_shift(context.uow_factory)
    assert shift is not None
    request = CloseShiftRequest(shift.shift_id, cashier, CashCount.parse(count), others or {})
    closed = close_shift(context.uow_factory, clock, request)
    assert closed.closing is not None
    return closed


def results(shift: Shift) -> dict[str, tuple[int, int | None, int | None]]:
    assert shift.closing is not None
    return {
        r.key: (r.expected_satang, r.counted_satang, r.difference_satang)
        for r in shift.closing.results
    }


# --- the peers' bugs -----------------------------------------------------------------------------
def test_the_opening_float_is_not_counted_as_a_difference(till: Till) -> None:
    context, clock, cashier, _ = till
    opened(till, float_satang=200_000)  # 2,000 baht of change in the drawer
    sell(context, clock, cart_of((CHIPS, 1)), [CashTender(12_000)], cashier)
    closed = close_with(till, "1000x2 100x1 20x1")  # 2,000 float + 120 sold: all there
    assert results(closed)["cash"] == (212_000, 212_000, 0)


def test_change_given_is_subtracted_from_the_cash_expected(till: Till) -> None:
    context, clock, cashier, _ = till
    opened(till, float_satang=100_000)
    sale = sell(
        context, clock, cart_of((COFFEE, 1)), [CashTender(100_000)], cashier
    )  # 1,000 for 280
    assert sale.change_satang == 72_000
    closed = close_with(till, "1000x1 100x2 50x1 20x1 10x1")  # 1,000 float + 280 kept
    assert results(closed)["cash"] == (128_000, 128_000, 0)


def test_refunds_are_deducted_from_the_tender_they_went_back_by(till: Till) -> None:
    context, clock, cashier, manager = till
    opened(till, float_satang=0)
    by_card = sell(context, clock, cart_of((SILK, 1)), [CardTender(250_000, "A1")], cashier)
    by_copay = sell(
        context,
        clock,
        cart_of((COFFEE, 1)),
        [SchemeTender("khon_la_khrueng", 28_000, "TN-1")],
        cashier,
    )
    sell(context, clock, cart_of((CHIPS, 5)), [CashTender(60_000)], cashier)
    approval = ManagerApproval(manager, MANAGER_PIN)
    for sale, in_cash in ((by_card, False), (by_copay, False)):
        request = ReturnRequest(
            uuid.uuid4(),
            sale.sale_id,
            {sale.lines[0].line_id: 1000},
            cashier,
            "ลูกค้าเปลี่ยนใจ",
            refund_in_cash=in_cash,
        )
        return_goods(context.uow_factory, clock, request, approval)
    again = sell(context, clock, cart_of((SILK, 1)), [CardTender(250_000, "B2")], cashier)
    request = ReturnRequest(
        uuid.uuid4(),
        again.sale_id,
        {again.lines[0].line_id: 1000},
        cashier,
        "ขนาดไม่พอดี",
        refund_in_cash=True,
    )
    return_goods(context.uow_factory, clock, request, approval)  # card sale, cash back
    closed = close_with(till, "100x6", {"card": 250_000})
    found = results(closed)
    # the card sale refunded to the card takes it back to 250,000 (the second card sale)…
    assert found["card"] == (250_000, 250_000, 0)
    # …the one refunded in cash comes out of the drawer: 600 − 2,500 = −1,900
    assert found["cash"][0] == 60_000 - 250_000
    # the co-pay sale refunded through the app: nothing left for the scheme, nothing in cash
    assert found["scheme:khon_la_khrueng"][0] == 0


# --- shifts ----------------------------------------------------------------------------------
def test_nothing_is_sold_or_refunded_without_an_open_shift(till: Till) -> None:
    context, clock, cashier, _ = till
    with pytest.raises(NoOpenShiftError, match="open a shift"):
        sell(context, clock, cart_of((CHIPS, 1)), [CashTender(12_000)], cashier)
    with context.uow_factory() as uow:
        assert uow.sales.sales_on(JULY_2021.date()) == []
        assert uow.counters.next_value("receipt:POS01") == 1  # no number was used


def test_a_sale_is_stamped_with_its_shift_and_business_day(till: Till) -> None:
    context, clock, cashier, _ = till
    shift = opened(till)
    sale = sell(context, clock, cart_of((CHIPS, 1)), [PromptPayTender(12_000, True)], cashier)
    assert sale.stamp == shift.stamp and sale.business_date == JULY_2021.date()
    with context.uow_factory() as uow:
        assert uow.sales.sale_by_id(sale.sale_id) == sale


def test_one_shift_at_a_time_and_a_retry_returns_the_same_shift(till: Till) -> None:
    context, clock, cashier, _ = till
    request = OpenShiftRequest(uuid.uuid4(), cashier, float_count=CashCount.parse("100x20"))
    first = open_shift(context.uow_factory, clock, request)
    assert open_shift(context.uow_factory, clock, request) == first
    assert first.float_satang == 200_000 and first.number == 1
    with pytest.raises(ShiftError, match="shift #1 of สมหญิง ใจดี is still open"):
        open_shift(context.uow_factory, clock, OpenShiftRequest(uuid.uuid4(), cashier, 0))
    with pytest.raises(ShiftError, match="either counted"):
        open_shift(context.uow_factory, clock, OpenShiftRequest(uuid.uuid4(), cashier))


def test_cash_in_and_out_need_a_reason_and_are_audited(till: Till) -> None:
    context, clock, cashier, _ = till
    opened(till, float_satang=100_000)
    move = CashMovementRequest(uuid.uuid4(), CashMovementKind.CASH_OUT, 50_000, " ", cashier)
    with pytest.raises(ShiftError, match="give the reason"):
        record_cash_movement(context.uow_factory, clock, move)
    for kind, amount, reason in (
        (CashMovementKind.CASH_IN, 30_000, "แลกเหรียญ"),
        (CashMovementKind.CASH_OUT, 50_000, "นำเข้าเซฟ"),
    ):
        request = CashMovementRequest(uuid.uuid4(), kind, amount, reason, cashier)
        record_cash_movement(context.uow_factory, clock, request)
        assert record_cash_movement(context.uow_factory, clock, request).amount_satang == amount
    closed = close_with(till, "100x8")  # 1,000 + 300 − 500
    assert results(closed)["cash"] == (80_000, 80_000, 0)
    with context.uow_factory() as uow:
        events = uow.audit.between(JULY_2021 - dt.timedelta(hours=1), clock.advance(minutes=1))
    moved = [
        (e.action, e.detail["amount_satang"])
        for e in events
        if e.action in (AuditAction.CASH_IN, AuditAction.CASH_OUT)
    ]
    assert moved == [(AuditAction.CASH_IN, 30_000), (AuditAction.CASH_OUT, 50_000)]


def test_the_count_is_blind_and_final_and_a_big_difference_waits_for_a_manager(till: Till) -> None:
    context, clock, cashier, manager = till
    opened(till, float_satang=100_000)
    sell(context, clock, cart_of((CHIPS, 1)), [CashTender(12_000)], cashier)
    closed = close_with(till, "1000x1 20x5")  # 1,100: 20 baht short
    assert results(closed)["cash"] == (112_000, 110_000, -2_000)
    assert closed.needs_approval(context.settings().shift_rules.cash_tolerance_satang)
    again = CloseShiftRequest(closed.shift_id, cashier, CashCount.parse("1000x1 100x1 20x1"))
    with pytest.raises(ShiftError, match="a count is final"):
        close_shift(context.uow_factory, clock, again)
    approval = ManagerApproval(manager, MANAGER_PIN)
    with pytest.raises(DayCloseError, match=r"has a difference of 20\.00 baht"):
        close_day(context.uow_factory, clock, uuid.uuid4(), approval)
    approved = approve_shift(context.uow_factory, clock, closed.shift_id, approval)
    assert approved.closing is not None and approved.closing.approved_by_user_id == manager
    z = close_day(context.uow_factory, clock, uuid.uuid4(), approval)
    assert z.figures.cash_difference_satang == -2_000 and z.figures.shifts[0].approved_by


def test_a_day_with_an_open_shift_is_not_closed_and_a_stale_day_blocks_tomorrow(till: Till) -> None:
    context, clock, cashier, manager = till
    opened(till)
    approval = ManagerApproval(manager, MANAGER_PIN)
    with pytest.raises(DayCloseError, match="shift #1 of สมหญิง ใจดี is still open"):
        close_day(context.uow_factory, clock, uuid.uuid4(), approval)
    close_with(till, "1000x2")
    clock.advance(days=1)
    with pytest.raises(ShiftError, match="is still open: a manager closes it with the Z report"):
        open_shift(context.uow_factory, clock, OpenShiftRequest(uuid.uuid4(), cashier, 0))
    z = close_day(context.uow_factory, clock, uuid.uuid4(), approval)
    assert z.z is not None and z.figures.business_date == JULY_2021.date()
    tomorrow = open_shift(context.uow_factory, clock, OpenShiftRequest(uuid.uuid4(), cashier, 0))
    assert tomorrow.business_date == JULY_2021.date() + dt.timedelta(days=1)


def test_z_numbers_run_without_gaps_and_the_grand_total_adds_up(till: Till) -> None:
    context, clock, cashier, manager = till
    approval = ManagerApproval(manager, MANAGER_PIN)
    numbers, nets = [], []
    for day in range(3):
        opened(till, float_satang=0)
        sell(
            context,
            clock,
            cart_of((CHIPS, day + 1)),
            [PromptPayTender(12_000 * (day + 1), True)],
            cashier,
        )
        close_with(till, "")
        report = close_day(context.uow_factory, clock, uuid.uuid4(), approval)
        assert report.z is not None
        numbers.append(report.z.number)
        nets.append(report.figures.net_satang)
        assert report.z.grand_total_satang == sum(nets)
        clock.advance(days=1)
    assert numbers == ["POS01-Z-00000001", "POS01-Z-00000002", "POS01-Z-00000003"]
    with pytest.raises(DayCloseError, match="no business day is open"):
        close_day(context.uow_factory, clock, uuid.uuid4(), approval)


def test_the_x_report_shows_the_open_shift_expected_so_far(till: Till) -> None:
    context, clock, cashier, _ = till
    with pytest.raises(DayCloseError, match="no business day is open"):
        x_report(context.uow_factory, clock)
    opened(till, float_satang=50_000)
    sell(context, clock, cart_of((CHIPS, 1)), [CashTender(20_000)], cashier)
    report = x_report(context.uow_factory, clock)
    assert report.z is None and report.figures.sales.count == 1
    (line,) = report.figures.shifts
    assert line.is_open and line.cash.expected_satang == 62_000 and line.cash.counted_satang is None
    assert report.figures.counted_cash_satang is None
