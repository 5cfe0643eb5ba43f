"""After a sale or a Z, "printing" only while it prints, "printed" once it has; no printer: kept."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext, open_till
from pos.clock import THAI_TIME, FakeClock
from pos.ids import ShiftId, UserId
from pos.reports.services.range_reports import ReportPeriod
from pos.shifts.domain.cash_control import CashCount
from pos.shifts.services.shift_lifecycle import (
    CloseShiftRequest,
    OpenShiftRequest,
    close_shift,
    open_shift,
)
from receipts.emulator import PrinterEmulator
from receipts.print_service import start_printing
from tests.gui.helpers import GARLIC, SILK, logged_in, press, start_counter, wedge_scan
from tests.gui.payment_helpers import configure, open_a_shift
from tests.receipt_helpers import network_printer
from ui.main_window import CounterWindow
from ui.manager_screen import open_manager_screen


def _pay_cash(qtbot: QtBot, window: CounterWindow) -> str:
    """Scan two items, pay with three 1,000-baht notes; the payment screen's status after."""
    logged_in(qtbot, window)
    wedge_scan(qtbot, SILK)
    wedge_scan(qtbot, GARLIC)
    press(qtbot, Qt.Key.Key_F12)
    for _ in range(3):
        press(qtbot, Qt.Key.Key_F10)
    with qtbot.waitSignal(window.saleCompleted):
        press(qtbot, Qt.Key.Key_Return)
    return window.checkout.payment.ui.status.text()


def test_without_a_printer_the_receipt_is_said_to_wait(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    open_a_shift(demo_context)
    window = start_counter(qtbot, open_till(demo_context), demo_context)
    try:
        text = _pay_cash(qtbot, window)
    finally:
        window.close()
    assert text == (
        "บันทึกการขายแล้ว ยังไม่ได้ตั้งค่าเครื่องพิมพ์: ใบเสร็จ เก็บไว้แล้ว จะพิมพ์เมื่อตั้งค่าเครื่องพิมพ์"
        " บันทึกเป็น PDF ได้ที่ประวัติการขาย"
    )


def test_with_the_printer_set_up_since_the_till_opened_the_receipt_prints_then_is_printed(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    open_a_shift(demo_context)
    service = start_printing(demo_context)
    window = start_counter(qtbot, open_till(demo_context), demo_context)
    status = window.checkout.payment.ui.status
    try:
        with PrinterEmulator(0) as printer:  # set up after the till opened, as the dialog does
            configure(demo_context, receipt_printer=network_printer(printer.port))
            first = _pay_cash(qtbot, window)
            qtbot.waitUntil(lambda: status.text() == "บันทึกการขายแล้ว ใบเสร็จ พิมพ์เสร็จแล้ว")
            assert len(printer.printed_jobs()) == 1  # "printed" once the printer took it
    finally:
        service.stop()
        window.close()
    assert first in ("บันทึกการขายแล้ว กำลังพิมพ์ใบเสร็จ…", "บันทึกการขายแล้ว ใบเสร็จ พิมพ์เสร็จแล้ว")


def test_a_printer_that_does_not_answer_is_said_to_be_waited_for(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    open_a_shift(demo_context)
    service = start_printing(demo_context)
    window = start_counter(qtbot, open_till(demo_context), demo_context)
    status = window.checkout.payment.ui.status
    try:
        with PrinterEmulator(0) as printer:
            port = printer.port
        configure(demo_context, receipt_printer=network_printer(port))  # nobody listens there
        _pay_cash(qtbot, window)
        qtbot.waitUntil(lambda: "ใบเสร็จ รอเครื่องพิมพ์ ระบบจะลองพิมพ์ใหม่เอง" in status.text())
        assert "กำลังพิมพ์" not in status.text() and "พิมพ์เสร็จแล้ว" not in status.text()
    finally:
        service.stop()
        window.close()


def test_a_z_without_a_printer_is_not_said_to_be_sent_to_print(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    day = dt.date(2021, 3, 1)
    clock = FakeClock(dt.datetime(2021, 3, 1, 8, 0, tzinfo=THAI_TIME))
    count = CashCount.parse("100x5")
    shift = open_shift(
        demo_context.uow_factory,
        clock,
        OpenShiftRequest(ShiftId(uuid.uuid4()), UserId(1), float_count=count),
    )
    close_shift(
        demo_context.uow_factory, clock, CloseShiftRequest(shift.shift_id, UserId(1), count)
    )
    screen = open_manager_screen(demo_context, clock=clock, period=ReportPeriod(day, day))
    qtbot.addWidget(screen)
    dialog = screen.close_day()
    qtbot.addWidget(dialog)
    dialog.manager_pin.pin.setFocus()
    qtbot.keyClicks(dialog.manager_pin.pin, "5678")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ปิดวันแล้ว" in dialog.status.text(), timeout=15_000)
    assert dialog.status.text() == (
        "ปิดวันแล้ว: POS01-Z-00000001 ยอดขายสุทธิ 0.00 บาท"
        " ยังไม่ได้ตั้งค่าเครื่องพิมพ์: รายงาน Z เก็บไว้แล้ว จะพิมพ์เมื่อตั้งค่าเครื่องพิมพ์"
        " ส่งออกรายงานของวันเป็น PDF ได้ที่หน้าจอผู้จัดการ"
    )
