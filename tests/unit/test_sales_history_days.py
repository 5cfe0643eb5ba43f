"""Past midnight the till trades in the day it opened: the history lists and finds it there."""

from __future__ import annotations

import datetime as dt
import uuid

from pos.clock import THAI_TIME, FakeClock
from pos.sale.domain.tenders import CashTender
from pos.sale.services.sales_history import day_history, find_document, trading_date
from pos.shifts.services.shift_lifecycle import OpenShiftRequest, open_shift
from pos.till.services.pay import pay
from tests.till_fixtures import CASHIER_ID, GARLIC, logged_in_till, seeded_store

OPENED = dt.datetime(2026, 11, 24, 23, 30, tzinfo=THAI_TIME)


def test_without_an_open_day_the_trading_day_is_the_thai_calendar_date() -> None:
    store = seeded_store()
    clock = FakeClock(dt.datetime(2026, 11, 24, 17, 30, tzinfo=dt.UTC))  # 00:30 on the 25th
    assert trading_date(lambda: store, clock) == dt.date(2026, 11, 25)


def test_a_sale_after_midnight_is_listed_and_found_under_the_day_that_opened() -> None:
    store = seeded_store()
    clock = FakeClock(OPENED)
    till = logged_in_till(store, clock)
    open_shift(till.uow_factory, clock, OpenShiftRequest(uuid.uuid4(), CASHIER_ID, 100_000))
    clock.advance(minutes=45)
    till.scan(GARLIC.barcode or "")
    sale = pay(till, till.sale_draft(), [CashTender(15_900)])
    day = trading_date(lambda: store, clock)
    assert day == dt.date(2026, 11, 24) != clock.now().date()
    assert [row.number for row in day_history(lambda: store, day)] == [sale.receipt_number]
    found = find_document(lambda: store, sale.receipt_number, "POS01")
    assert found is not None and found.business_date == day
