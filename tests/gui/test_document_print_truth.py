"""Every document the till queues is said to wait, print or be printed only when it does:
credit notes, copies from the sales history, the Z's copy and the X (issue 13, deliverable 5)."""

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
from pos.ids import ShiftId, UserId, ZReportId
from pos.printing.domain.print_queue import JobState, PrintJob, new_print_job
from pos.reports.services.range_reports import ReportPeriod
from pos.sale.services.returns_and_voids import ManagerApproval
from pos.shifts.domain.cash_control import CashCount
from pos.shifts.services.day_close import DayReport, close_day
from pos.shifts.services.shift_lifecycle import (
    CloseShiftRequest,
    OpenShiftRequest,
    close_shift,
    open_shift,
)
from receipts.emulator import PrinterEmulator
from receipts.print_service import PrintService, start_printing
from receipts.queue_status import QueueState, QueueStatus
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
from tests.gui.payment_helpers import configure, open_a_shift
from tests.receipt_helpers import network_printer
from ui.app import create_application
from ui.day_close_dialog import DayReportView
from ui.document_printing import Printing, printing_of
from ui.i18n import THAI, set_language
from ui.main_window import CounterWindow
from ui.manager_screen import open_manager_screen
from ui.sales_history import SalesHistoryDialog

NOW = dt.datetime(2026, 12, 4, 10, 0, tzinfo=THAI_TIME)
NO_PRINTER = "ยังไม่ได้ตั้งค่าเครื่องพิมพ์"


@pytest.fixture(autouse=True)
def thai() -> None:
    """The till's words in Thai, as the counter starts (some tests open no counter window)."""
    create_application()
    set_language(THAI)


@pytest.fixture
def printing(demo_context: AppContext) -> Iterator[PrintService]:
    service = start_printing(demo_context)
    yield service
    service.stop()


@pytest.fixture
def counter(qtbot: QtBot, demo_context: AppContext) -> Iterator[CounterWindow]:
    open_a_shift(demo_context)
    window = start_counter(qtbot, open_till(demo_context), demo_context)
    yield logged_in(qtbot, window)
    window.close()


def _sell_garlic(qtbot: QtBot, window: CounterWindow) -> str:
    """One garlic paid in exact cash, then back to the cart; the receipt's number."""
    wedge_scan(qtbot, GARLIC)
    press(qtbot, Qt.Key.Key_F12)
    press(qtbot, Qt.Key.Key_F11)
    with qtbot.waitSignal(window.saleCompleted) as done:
        press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)  # next customer
    return str(done.args[0])


def _return_everything(qtbot: QtBot, window: CounterWindow, receipt: str) -> str:
    """Return the whole receipt with the manager's PIN; the result panel's text."""
    window.activateWindow()  # offscreen, a wait of seconds leaves no window active
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, Qt.Key.Key_F10)
    returns = window.checkout.returns
    wedge_scan(qtbot, receipt)
    press(qtbot, Qt.Key.Key_F5)
    type_text(returns.reason, "ลูกค้าเปลี่ยนใจ")
    press(qtbot, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.documentQueued):
        type_digits(qtbot, MANAGER_PIN)
        press(qtbot, Qt.Key.Key_Return)
    return returns.result.text()


def test_a_credit_note_without_a_printer_is_kept_not_printing(
    qtbot: QtBot, counter: CounterWindow, printing: PrintService
) -> None:
    receipt = _sell_garlic(qtbot, counter)
    text = _return_everything(qtbot, counter, receipt)
    assert f"{NO_PRINTER}: ใบลดหนี้ เก็บไว้แล้ว" in text and "บันทึกเป็น PDF ได้ที่ประวัติการขาย" in text
    assert "กำลังพิมพ์" not in text and "พิมพ์เสร็จแล้ว" not in text


def test_a_credit_note_on_the_loopback_printer_is_said_printed_once_printed(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext, printing: PrintService
) -> None:
    with PrinterEmulator(0) as printer:
        configure(demo_context, receipt_printer=network_printer(printer.port))
        receipt = _sell_garlic(qtbot, counter)
        qtbot.waitUntil(lambda: len(printer.printed_jobs()) == 1, timeout=10_000)
        _return_everything(qtbot, counter, receipt)
        result = counter.checkout.returns.result
        qtbot.waitUntil(lambda: "ใบลดหนี้ พิมพ์เสร็จแล้ว" in result.text(), timeout=10_000)
        assert len(printer.printed_jobs()) == 2  # the receipt, then the credit note


def _history(qtbot: QtBot, context: AppContext) -> SalesHistoryDialog:
    dialog = SalesHistoryDialog(context, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_copy_without_a_printer_is_not_said_to_be_sent(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext, printing: PrintService
) -> None:
    receipt = _sell_garlic(qtbot, counter)
    dialog = _history(qtbot, demo_context)
    assert dialog.selected() is not None and dialog.selected().number == receipt
    qtbot.mouseClick(dialog.reprint_button, Qt.MouseButton.LeftButton)
    text = dialog.message.text()
    assert text.startswith(f"เข้าคิวพิมพ์สำเนา {receipt} แล้ว {NO_PRINTER}: ใบเสร็จ เก็บไว้แล้ว")
    assert "ส่งพิมพ์" not in text and "กำลังพิมพ์" not in text


def test_a_copy_on_the_loopback_printer_prints_and_its_row_says_so(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext, printing: PrintService
) -> None:
    with PrinterEmulator(0) as printer:
        configure(demo_context, receipt_printer=network_printer(printer.port))
        receipt = _sell_garlic(qtbot, counter)
        qtbot.waitUntil(lambda: len(printer.printed_jobs()) == 1, timeout=10_000)
        dialog = _history(qtbot, demo_context)
        qtbot.mouseClick(dialog.reprint_button, Qt.MouseButton.LeftButton)
        done = f"เข้าคิวพิมพ์สำเนา {receipt} แล้ว ใบเสร็จ พิมพ์เสร็จแล้ว"
        qtbot.waitUntil(lambda: dialog.message.text() == done, timeout=10_000)
        assert len(printer.printed_jobs()) == 2
    row = [r.number for r in dialog.rows].index(receipt)
    assert "สำเนา 1" in dialog.table.item(row, 5).text()  # the list's print column followed


def test_an_x_without_a_printer_is_not_sent_and_says_where_it_is(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    open_a_shift(demo_context, NOW)
    day = NOW.date()
    screen = open_manager_screen(demo_context, clock=FakeClock(NOW), period=ReportPeriod(day, day))
    qtbot.addWidget(screen)
    view = screen.show_x()
    assert view is not None
    qtbot.addWidget(view)
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    assert view.status.text() == (
        "ยังไม่ได้ตั้งค่าเครื่องพิมพ์ จึงไม่ได้พิมพ์รายงาน X ดูรายงานได้ที่หน้าจอนี้"
        " และส่งออกรายงานของวันเป็น PDF ได้ที่หน้าจอผู้จัดการ"
    )


def _job(state: JobState, error: str = "") -> PrintJob:
    job = new_print_job("sale", "POS01-00000001", NOW)
    return dataclasses.replace(job, state=state, last_error=error)


@pytest.mark.parametrize(
    ("jobs", "set_up", "queue", "expected"),
    [
        ([_job(JobState.PENDING)], False, QueueState.IDLE, Printing.NO_PRINTER),
        ([_job(JobState.PENDING)], True, QueueState.IDLE, Printing.PRINTING),
        ([_job(JobState.PENDING)], True, QueueState.PRINTING, Printing.PRINTING),
        ([_job(JobState.PENDING)], True, QueueState.WAITING, Printing.WAITING),
        ([_job(JobState.PENDING)], True, None, Printing.WAITING),  # no worker yet
        ([_job(JobState.PENDING, "paper out")], True, QueueState.IDLE, Printing.WAITING),
        ([_job(JobState.PENDING, "paper out")], True, QueueState.PRINTING, Printing.PRINTING),
        ([_job(JobState.PENDING)], True, QueueState.FAILED, Printing.PRINTING),  # an older one
        ([_job(JobState.PENDING), _job(JobState.PRINTED)], False, None, Printing.PRINTED),
        ([_job(JobState.PRINTED), _job(JobState.PENDING)], True, None, Printing.WAITING),
        ([_job(JobState.FAILED, "unreadable")], True, QueueState.FAILED, Printing.FAILED),
    ],
)
def test_the_words_follow_the_latest_job_the_printer_and_the_queue(
    jobs: list[PrintJob], set_up: bool, queue: QueueState | None, expected: Printing
) -> None:
    status = None if queue is None else QueueStatus(queue, 1, "", printer_set_up=set_up)
    assert printing_of(jobs, set_up, status).state is expected


def _closed_day(context: AppContext) -> DayReport:
    """A day of 2021 opened and closed with its Z (nothing sold)."""
    clock = FakeClock(dt.datetime(2021, 3, 1, 8, 0, tzinfo=THAI_TIME))
    count = CashCount.parse("100x5")
    request = OpenShiftRequest(ShiftId(uuid.uuid4()), UserId(1), float_count=count)
    shift = open_shift(context.uow_factory, clock, request)
    close_shift(context.uow_factory, clock, CloseShiftRequest(shift.shift_id, UserId(1), count))
    approval = ManagerApproval(UserId(2), MANAGER_PIN)
    return close_day(context.uow_factory, clock, ZReportId(uuid.uuid4()), approval)


def test_a_z_copy_without_a_printer_is_kept_and_with_one_is_printed(
    qtbot: QtBot, demo_context: AppContext, printing: PrintService
) -> None:
    report = _closed_day(demo_context)
    assert report.z is not None
    view = DayReportView(demo_context, report)
    qtbot.addWidget(view)
    view.show()
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    assert view.status.text() == (
        f"เข้าคิวพิมพ์สำเนา {report.z.number} แล้ว"
        f" {NO_PRINTER}: รายงาน Z เก็บไว้แล้ว จะพิมพ์เมื่อตั้งค่าเครื่องพิมพ์"
        " ส่งออกรายงานของวันเป็น PDF ได้ที่หน้าจอผู้จัดการ"
    )
    with PrinterEmulator(0) as printer:
        configure(demo_context, receipt_printer=network_printer(printer.port))
        demo_context.wake_printer()  # the Z and the first copy print now
        qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
        done = f"เข้าคิวพิมพ์สำเนา {report.z.number} แล้ว รายงาน Z พิมพ์เสร็จแล้ว"
        qtbot.waitUntil(lambda: view.status.text() == done, timeout=15_000)
        assert len(printer.printed_jobs()) == 3  # the Z, the copy kept, the copy asked now


def test_a_tax_invoice_for_a_past_sale_without_a_printer_is_kept(
    qtbot: QtBot, counter: CounterWindow, printing: PrintService
) -> None:
    _sell_garlic(qtbot, counter)
    counter.activateWindow()
    qtbot.waitUntil(counter.isActiveWindow)
    press(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    returns = counter.checkout.returns
    panel = returns.buyer_panel
    type_text(panel.name, "นายสมชาย ใจงาม")
    type_text(panel.address, "12 หมู่ 3 ต.หนองครก อ.เมือง จ.ศรีสะเกษ")
    type_text(panel.tax_id, "1-1111-11111-11-9")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert returns.status.text() == (
        f"ออกใบกำกับภาษีเต็มรูป POS01-TI-00000001 แล้ว {NO_PRINTER}: ใบกำกับภาษีเต็มรูป"
        " เก็บไว้แล้ว จะพิมพ์เมื่อตั้งค่าเครื่องพิมพ์ บันทึกเป็น PDF ได้ที่ประวัติการขาย"
    )
