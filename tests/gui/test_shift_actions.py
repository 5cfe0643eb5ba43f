"""The shift keys at the till: open a shift after log-in, cash in and out, close it blind, and
the manager's screen (reports, X, Z) — on a real store, through the keys a cashier presses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext
from pos.clock import THAI_TIME
from pos.shifts.services.shift_lifecycle import current_shift
from tests.gui.helpers import MANAGER_PIN, SILK, log_in, logged_in, press, wedge_scan
from tests.gui.payment_helpers import open_a_shift, rows
from ui.main_window import CounterWindow
from ui.manager_screen import ManagerScreen
from ui.shift_dialogs import CashMovementDialog, ShiftCloseDialog, ShiftOpenDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def _modal(qtbot: QtBot, kind: type[QWidget]) -> QWidget:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    return dialog


def test_without_a_shift_the_cashier_is_told_and_ctrl_o_opens_one(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    window = logged_in(qtbot, counter)
    label = window.findChild(QLabel, "shiftLabel")
    assert label.text() == "ยังไม่เปิดกะ · Ctrl+O"  # in the header, no dialog in the way
    assert QApplication.activeModalWidget() is None
    wedge_scan(qtbot, SILK)  # the first scan of the day still lands in the cart
    assert len(window.till.cart.lines) == 1
    press(qtbot, Qt.Key.Key_O, CTRL)
    dialog = _modal(qtbot, ShiftOpenDialog)
    assert isinstance(dialog, ShiftOpenDialog)
    dialog.counter.spins[100_000].setValue(2)  # two 1,000-baht notes
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    shift = current_shift(demo_context.uow_factory)
    assert shift is not None and shift.float_satang == 200_000
    assert "เปิดกะที่ 1 แล้ว" in window.sale.status.text()
    opened = shift.opened_at.astimezone(THAI_TIME)
    assert label.text() == f"กะที่ 1 · {opened:%H:%M}"
    press(qtbot, Qt.Key.Key_O, CTRL)  # again: it is open already, no second shift
    assert "กะที่ 1 เปิดอยู่แล้ว" in window.sale.status.text()
    assert rows(demo_context, "SELECT count(*) FROM shift") == [(1,)]


def test_cash_in_and_out_need_an_open_shift_and_are_stored_with_their_reason(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    window = logged_in(qtbot, counter)
    press(qtbot, Qt.Key.Key_J, CTRL)
    assert QApplication.activeModalWidget() is None
    assert "ยังไม่ได้เปิดกะ (กด Ctrl+O" in window.sale.status.text()
    open_a_shift(demo_context)
    press(qtbot, Qt.Key.Key_K, CTRL)
    dialog = _modal(qtbot, CashMovementDialog)
    assert isinstance(dialog, CashMovementDialog)
    dialog.amount.setText("1000")
    dialog.reason.setCurrentText("นำส่งเงินสดเข้าตู้เซฟ")
    dialog._save()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    stored = rows(demo_context, "SELECT kind, amount_satang, reason FROM cash_movement")
    assert stored == [("out", 100_000, "นำส่งเงินสดเข้าตู้เซฟ")]
    assert window.sale.scan_input.hasFocus()  # back to selling


def test_closing_the_shift_waits_for_the_sale_on_screen_then_counts_blind(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    open_a_shift(demo_context)
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, SILK)
    shift_close = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(qtbot, Qt.Key.Key_O, shift_close)
    assert QApplication.activeModalWidget() is None
    assert "พักบิล" in window.sale.status.text()
    press(qtbot, Qt.Key.Key_F7)  # hold (park) the sale: closing the shift is allowed now
    assert not window.till.cart.lines
    press(qtbot, Qt.Key.Key_O, shift_close)
    dialog = _modal(qtbot, ShiftCloseDialog)
    assert isinstance(dialog, ShiftCloseDialog)
    assert dialog.shift is not None and dialog.shift.number == 1
    dialog.reject()


def test_reports_and_day_close_are_for_managers(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    window = logged_in(qtbot, counter)
    press(qtbot, Qt.Key.Key_R, CTRL)
    assert "ผู้จัดการ" in window.sale.status.text()
    assert QApplication.activeModalWidget() is None
    press(qtbot, Qt.Key.Key_L, CTRL)  # lock; the manager logs in
    log_in(qtbot, window, MANAGER_PIN, user=1)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.sale)
    press(qtbot, Qt.Key.Key_R, CTRL)
    screen = _modal(qtbot, ManagerScreen)
    assert screen.windowModality() == Qt.WindowModality.ApplicationModal
    assert not window.sale_active()  # the till leaves the keyboard to the reports
    screen.close()
    qtbot.waitUntil(window.sale_active)
