"""Set-up shared by the payment and return screen tests: store reads, settings, a 2021 till."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator

from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext, open_till
from pos.clock import THAI_TIME, FakeClock
from pos.sale.domain.schemes import KHON_LA_KHRUENG, SchemeBook
from pos.shifts.services.shift_lifecycle import OpenShiftRequest, open_shift
from pos.store.database import DATABASE_FILENAME
from tests.gui.helpers import start_counter
from ui.main_window import CounterWindow

JULY_2021 = dt.datetime(2021, 7, 5, 10, 0, tzinfo=THAI_TIME)  # Khon La Khrueng phase 3
PROMPTPAY_ID = "0801234567"


def rows(context: AppContext, sql: str) -> list[tuple[object, ...]]:
    """What the store holds, read with the bare sqlite3 module."""
    assert context.data_dir is not None
    with sqlite3.connect(context.data_dir / DATABASE_FILENAME) as connection:
        return connection.execute(sql).fetchall()


def configure(context: AppContext, **changes: object) -> None:
    with context.uow_factory() as uow:
        uow.settings.save(uow.settings.load().replace(**changes))
        uow.commit()


def open_a_shift(context: AppContext, at: dt.datetime | None = None) -> None:
    """The demo cashier's shift with a 2,000 baht float, opened half an hour before ``at``."""
    moment = (at or dt.datetime.now(THAI_TIME)) - dt.timedelta(minutes=30)
    request = OpenShiftRequest(uuid.uuid4(), 1, float_satang=200_000)
    open_shift(context.uow_factory, FakeClock(moment), request)


def july_counter_window(qtbot: QtBot, demo_context: AppContext) -> Iterator[CounterWindow]:
    """A counter on 5 July 2021 (co-pay phase 3), with a PromptPay ID; silk is not co-paid."""
    no_silk = dataclasses.replace(KHON_LA_KHRUENG, excluded_skus=frozenset({"TX-SILK-0001"}))
    configure(demo_context, promptpay_target=PROMPTPAY_ID, schemes=SchemeBook((no_silk,)))
    open_a_shift(demo_context, JULY_2021)
    window = start_counter(qtbot, open_till(demo_context, FakeClock(JULY_2021)))
    yield window
    window.close()
