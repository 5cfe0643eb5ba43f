"""Manager reports on the fakes: the target's progress, commission, settlement dates, approvals."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from pos.bootstrap import AppContext
from pos.clock import THAI_TIME, FakeClock
from pos.reports.domain.report_settings import CommissionRates, SalesTarget
from pos.reports.services.activity import sales_by_hour
from pos.reports.services.range_reports import (
    ReportError,
    ReportPeriod,
    manager_report,
    producer_statement,
    sales_by_category,
    scheme_receivables,
)
from pos.sale.domain.cart import Discount, DiscountKind
from pos.sale.domain.tenders import CashTender, PromptPayTender, SchemeTender
from pos.sale.services.returns_and_voids import ManagerApproval, ReturnRequest, return_goods
from tests.fakes.context import fake_context
from tests.sales_helpers import (
    CHIPS,
    COFFEE,
    MANAGER_PIN,
    SHALLOTS,
    SILK,
    add_staff,
    cart_of,
    open_till,
    sell,
)

FRIDAY = dt.datetime(2021, 7, 9, 10, 0, tzinfo=THAI_TIME)  # Khon La Khrueng phase 3
JULY = ReportPeriod(dt.date(2021, 7, 1), dt.date(2021, 7, 31))


@pytest.fixture
def shop() -> tuple[AppContext, FakeClock, int, int]:
    context = fake_context()
    cashier, manager = add_staff(context)
    with context.uow_factory() as uow:
        settings = uow.settings.load().replace(
            sales_target=SalesTarget("textile", 100_000_000, 10),  # 1,000,000 baht
            commission=CommissionRates(1500, {CHIPS.producer.name_th: 500}),
        )
        uow.settings.save(settings)
        uow.commit()
    clock = FakeClock(FRIDAY)
    open_till(context, clock, cashier)
    return context, clock, cashier, manager


def test_textiles_against_the_yearly_target(shop: tuple[AppContext, FakeClock, int, int]) -> None:
    context, clock, cashier, manager = shop
    sale = sell(
        context, clock, cart_of((SILK, 2), (SHALLOTS, 1000)), [CashTender(508_900)], cashier
    )
    request = ReturnRequest(uuid.uuid4(), sale.sale_id, {sale.lines[0].line_id: 1000}, cashier, "x")
    return_goods(context.uow_factory, clock, request, ManagerApproval(manager, MANAGER_PIN))
    report = sales_by_category(context.uow_factory, JULY)
    textile = next(line for line in report.lines if line.category == "textile")
    assert (textile.sales_satang, textile.returns_satang, textile.net_satang) == (
        500_000,
        250_000,
        250_000,
    )
    assert textile.share_basis_points == 9656  # 2,500 of 2,589 net
    assert [line.category for line in report.lines][:3] == ["food", "beverage", "textile"]
    target = report.target
    assert (target.year_start, target.year_end) == (dt.date(2020, 10, 1), dt.date(2021, 9, 30))
    assert target.sold_satang == 250_000 and target.progress_basis_points == 25  # 0.25 %
    assert target.elapsed_basis_points == 8329  # 304 of 365 days by 31 July
    assert not target.on_track and target.remaining_satang == 99_750_000


def test_the_consignment_statement_takes_each_groups_commission(
    shop: tuple[AppContext, FakeClock, int, int],
) -> None:
    context, clock, cashier, _ = shop
    cart = cart_of((SILK, 1), (CHIPS, 3))
    cart.set_order_discount(Discount(DiscountKind.PERCENT, 500))
    sell(context, clock, cart, [PromptPayTender(cart.totals(700).total_satang, True)], cashier)
    statement = producer_statement(context.uow_factory, JULY)
    lines = {line.producer_name: line for line in statement.lines}
    silk, chips = lines[SILK.producer.name_th], lines[CHIPS.producer.name_th]
    assert silk.sales_satang == 237_500 and silk.discounts_satang == 12_500  # the 5 % spread
    assert (silk.commission_basis_points, silk.commission_satang) == (1500, 35_625)
    assert silk.owed_satang == 237_500 - 35_625
    assert (chips.commission_basis_points, chips.net_satang) == (500, 34_200)
    assert chips.commission_satang == 1_710 and chips.owed_satang == 32_490
    assert statement.total("owed_satang") + statement.total("commission_satang") == (
        statement.total("net_satang")
    )


def test_a_friday_co_pay_is_due_in_the_bank_on_monday(
    shop: tuple[AppContext, FakeClock, int, int],
) -> None:
    context, clock, cashier, _ = shop
    sell(
        context,
        clock,
        cart_of((COFFEE, 1)),
        [SchemeTender("khon_la_khrueng", 28_000, "TN-77")],
        cashier,
    )
    report = scheme_receivables(context.uow_factory, JULY)
    (line,) = report.lines
    assert (line.government_satang, line.buyer_satang) == (14_000, 14_000)
    monday = dt.date(2021, 7, 12)
    assert (line.buyer_due_on, line.buyer_window) == (monday, "02:00-06:00")
    assert (line.government_due_on, line.government_window) == (monday, "17:30-19:00")
    assert [(d.due_on, d.share, d.amount_satang) for d in report.due] == [
        (monday, "buyer", 14_000),
        (monday, "government", 14_000),
    ]


def test_hours_between_the_first_and_last_sale_are_all_listed(
    shop: tuple[AppContext, FakeClock, int, int],
) -> None:
    context, clock, cashier, _ = shop
    for hour in (9, 12):
        clock.set(FRIDAY.replace(hour=hour, minute=30))
        sell(context, clock, cart_of((CHIPS, 1)), [CashTender(12_000)], cashier)
    hours = sales_by_hour(context.uow_factory, JULY)
    assert [(h.hour, h.count, h.total_satang) for h in hours] == [
        (9, 1, 12_000),
        (10, 0, 0),
        (11, 0, 0),
        (12, 1, 12_000),
    ]


def test_approvals_are_listed_with_who_approved(
    shop: tuple[AppContext, FakeClock, int, int],
) -> None:
    context, clock, cashier, manager = shop
    cart = cart_of((SILK, 1))
    cart.set_line_discount(cart.lines[0].line_id, Discount(DiscountKind.PERCENT, 2000))
    cart2 = cart_of((CHIPS, 2))
    cart2.lines[0].unit_price_satang = 10_000
    sell(context, clock, cart, [CashTender(200_000)], cashier, approved_by_user_id=manager)
    sell(context, clock, cart2, [CashTender(20_000)], cashier, approved_by_user_id=manager)
    report = manager_report(context.uow_factory, JULY, FRIDAY)
    (row,) = report.discounts.by_approver
    assert (row.approved_by, row.count, row.amount_satang) == ("ประเสริฐ ทองดี", 2, 50_000 + 4_000)
    assert [d.price_override_satang for d in report.discounts.lines] == [0, 4_000]
    assert report.sales_count == 2 and report.categories.net_satang == 220_000


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ReportError, match="ends"):
        ReportPeriod(dt.date(2021, 7, 2), dt.date(2021, 7, 1))
