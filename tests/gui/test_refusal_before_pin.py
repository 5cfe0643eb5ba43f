"""A refusal comes before the manager's PIN is asked for, never after it (issue 13, deliverable 5):
a return or void the store would refuse (no open shift, nothing left to return, a sale that
already has a credit note) is refused at once, and no PIN is asked, tried or counted."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext, open_till
from pos.clock import THAI_TIME, FakeClock
from pos.ids import ShiftId, UserId
from pos.shifts.domain.cash_control import CashCount
from pos.shifts.services.shift_lifecycle import (
    CloseShiftRequest,
    OpenShiftRequest,
    close_shift,
    open_shift,
)
from tests.gui.helpers import (
    GARLIC,
    MANAGER_PIN,
    logged_in,
    press,
    start_counter,
    type_digits,
    wedge_scan,
)
from tests.gui.keys import type_text
from tests.gui.payment_helpers import configure, rows
from tests.receipt_helpers import free_port, network_printer
from ui.main_window import CounterWindow
from ui.manager_screen import open_manager_screen
from ui.returns_screen import ReturnsScreen

NO_SHIFT = "ยังไม่ได้เปิดกะที่เครื่องนี้"


@pytest.fixture
def shift(demo_context: AppContext) -> ShiftId:
    """The demo cashier's shift, a 500-baht float, opened a few minutes ago."""
    clock = FakeClock(dt.datetime.now(THAI_TIME) - dt.timedelta(minutes=5))
    request = OpenShiftRequest(
        ShiftId(uuid.uuid4()), UserId(1), float_count=CashCount.parse("100x5")
    )
    return open_shift(demo_context.uow_factory, clock, request).shift_id


@pytest.fixture
def counter(qtbot: QtBot, demo_context: AppContext, shift: ShiftId) -> Iterator[CounterWindow]:
    window = start_counter(qtbot, open_till(demo_context), demo_context)
    yield logged_in(qtbot, window)
    window.close()


def _sell_garlic(qtbot: QtBot, window: CounterWindow) -> None:
    wedge_scan(qtbot, GARLIC)
    press(qtbot, Qt.Key.Key_F12)
    press(qtbot, Qt.Key.Key_F11)
    press(qtbot, Qt.Key.Key_Return)
    assert window.checkout.payment.sale is not None
    press(qtbot, Qt.Key.Key_Return)  # next customer


def _find_receipt(qtbot: QtBot, window: CounterWindow) -> ReturnsScreen:
    press(qtbot, Qt.Key.Key_F10)
    returns = window.checkout.returns
    wedge_scan(qtbot, "POS01-00000001")
    assert returns.history is not None
    return returns


def _ask(qtbot: QtBot, returns: ReturnsScreen, key: Qt.Key) -> None:
    """F5 (return everything) or Shift+F10-style void via its button; the reason; Enter."""
    type_text(returns.reason, "ลูกค้าเปลี่ยนใจ")
    if key is Qt.Key.Key_F5:
        press(qtbot, Qt.Key.Key_F5)
        press(qtbot, Qt.Key.Key_Return)
    else:
        returns.ask_void()


def _no_pin_asked(returns: ReturnsScreen, context: AppContext) -> None:
    assert not returns.entry.is_asking and returns.ui.side.currentWidget() is not returns.entry
    refusals = rows(context, "SELECT count(*) FROM audit_event WHERE action LIKE '%refused%'")
    assert refusals == [(0,)]


def test_a_return_without_an_open_shift_is_refused_before_the_pin(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext, shift: ShiftId
) -> None:
    _sell_garlic(qtbot, counter)
    count = CashCount.parse("100x6 50x1 5x1 2x2")  # the float and the garlic's 159.00
    close_shift(demo_context.uow_factory, counter.till.clock, CloseShiftRequest(shift, 1, count))
    returns = _find_receipt(qtbot, counter)
    _ask(qtbot, returns, Qt.Key.Key_F5)
    assert returns.status.text().startswith(NO_SHIFT)
    _no_pin_asked(returns, demo_context)
    assert rows(demo_context, "SELECT count(*) FROM credit_note") == [(0,)]


def test_a_void_of_a_sale_with_a_credit_note_is_refused_before_the_pin(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    wedge_scan(qtbot, GARLIC)  # two garlics; one comes back, then the void is asked
    _sell_garlic(qtbot, counter)
    returns = _find_receipt(qtbot, counter)
    press(qtbot, Qt.Key.Key_F4)
    type_digits(qtbot, "1")
    press(qtbot, Qt.Key.Key_Return)
    type_text(returns.reason, "ลูกค้าเปลี่ยนใจ")
    press(qtbot, Qt.Key.Key_Return)
    assert returns.entry.is_asking  # this one can be done: the PIN is asked
    type_digits(qtbot, MANAGER_PIN)
    press(qtbot, Qt.Key.Key_Return)
    assert rows(demo_context, "SELECT count(*) FROM credit_note") == [(1,)]
    press(qtbot, Qt.Key.Key_Escape)
    returns = _find_receipt(qtbot, counter)
    _ask(qtbot, returns, Qt.Key.Key_F10)  # void the whole receipt now
    assert "only 1 can still be returned" in returns.status.text()  # one came back already
    _no_pin_asked(returns, demo_context)


def test_a_void_without_an_open_shift_is_refused_before_the_pin(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext, shift: ShiftId
) -> None:
    _sell_garlic(qtbot, counter)
    count = CashCount.parse("100x6 50x1 5x1 2x2")
    close_shift(demo_context.uow_factory, counter.till.clock, CloseShiftRequest(shift, 1, count))
    returns = _find_receipt(qtbot, counter)
    _ask(qtbot, returns, Qt.Key.Key_F10)
    assert returns.status.text().startswith(NO_SHIFT)
    _no_pin_asked(returns, demo_context)


def test_returning_again_what_was_all_returned_asks_no_pin(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    _sell_garlic(qtbot, counter)
    returns = _find_receipt(qtbot, counter)
    _ask(qtbot, returns, Qt.Key.Key_F5)
    type_digits(qtbot, MANAGER_PIN)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Escape)
    returns = _find_receipt(qtbot, counter)
    _ask(qtbot, returns, Qt.Key.Key_F5)
    assert returns.status.text()  # said why
    _no_pin_asked(returns, demo_context)
    assert rows(demo_context, "SELECT count(*) FROM credit_note") == [(1,)]


def test_a_line_discount_above_the_line_is_refused_before_the_pin(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    wedge_scan(qtbot, GARLIC)  # 159.00
    press(qtbot, Qt.Key.Key_F5)
    entry = counter.sale.entry
    type_digits(qtbot, "500")  # above the limit (a manager would approve) and above the line
    press(qtbot, Qt.Key.Key_Return)
    assert entry.is_asking and entry.prompt.text() != "ต้องให้ผู้จัดการอนุมัติ"  # no PIN asked
    assert entry.hint.text() == "ส่วนลดมากกว่าราคาสินค้า"  # why, where the PIN would have been
    assert counter.till.totals().total_satang == 15_900


def test_a_bill_discount_above_the_goods_is_refused_before_the_pin(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    wedge_scan(qtbot, GARLIC)
    press(qtbot, Qt.Key.Key_F6)
    entry = counter.sale.entry
    type_digits(qtbot, "200")
    press(qtbot, Qt.Key.Key_Return)
    assert entry.is_asking and entry.prompt.text() != "ต้องให้ผู้จัดการอนุมัติ"
    assert entry.hint.text() == "ส่วนลดมากกว่าราคาสินค้า"  # why, where the PIN would have been
    assert counter.till.totals().total_satang == 15_900


def test_the_day_close_takes_no_pin_while_the_day_cannot_close(
    qtbot: QtBot, demo_context: AppContext, shift: ShiftId
) -> None:
    screen = open_manager_screen(demo_context)
    qtbot.addWidget(screen)
    dialog = screen.close_day()
    qtbot.addWidget(dialog)
    assert "ต้องทำก่อนปิดวัน" in dialog.problems.text()  # the shift is still open: said first
    assert not dialog.close_button.isEnabled() and not dialog.manager_pin.isEnabled()
    assert not dialog.manager_pin.pin.isEnabled()  # no PIN can be typed for nothing


def test_no_sale_without_a_drawer_says_so_before_the_reason_and_the_pin(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    kicks: list[int] = []
    counter.kick_drawer = lambda: kicks.append(1)  # the printing side runs; no printer is set up
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not counter.sale.entry.is_asking and not kicks
    assert counter.sale.status.text().startswith("ไม่มีลิ้นชักเงินต่อกับเครื่องพิมพ์ใบเสร็จ")
    no_drawer = dataclasses.replace(network_printer(free_port()), drawer_pin=0)
    configure(demo_context, receipt_printer=no_drawer)
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not counter.sale.entry.is_asking  # a printer without a drawer: the same


def test_no_sale_with_a_reason_the_audit_cannot_keep_asks_no_pin(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    counter.kick_drawer = lambda: None
    configure(demo_context, receipt_printer=network_printer(free_port()))
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    entry = counter.sale.entry
    entry.field.setText("แลก\x00เหรียญ")  # a NUL, as a broken scanner sends it
    press(qtbot, Qt.Key.Key_Return)
    assert entry.is_asking and entry.prompt.text() != "ต้องให้ผู้จัดการอนุมัติ"
    assert entry.hint.text()  # why, in the reason's question
    assert rows(demo_context, "SELECT count(*) FROM audit_event WHERE action LIKE 'drawer%'") == [
        (0,)
    ]
