"""The till's menu: the sales history (reprint as a copy, PDF, find by number) on stored sales,
the manager's receipt header dialog, and the printer's status in the header."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos.audit import AuditAction, AuditEvent
from pos.bootstrap import AppContext, open_till
from pos.clock import THAI_TIME
from pos.printing.domain.print_queue import JobState
from pos.printing.services.print_jobs import queue_document
from receipts.emulator import PrinterEmulator
from receipts.print_service import PrintService, start_printing
from receipts.queue_status import QueueState, QueueStatus
from tests.gui.helpers import (
    MANAGER_PIN,
    SILK,
    log_in,
    logged_in,
    press,
    start_counter,
    type_digits,
    wedge_scan,
)
from tests.gui.keys import type_text
from tests.integration.test_pdf_documents import pdf_text
from tests.receipt_helpers import free_port, network_printer
from tools.sample_store import SampleStore, build_sample_store
from ui.main_window import CounterWindow
from ui.receipt_header_dialog import ReceiptHeaderDialog
from ui.sales_history import SalesHistoryDialog

MANAGER = 1  # the second user button on the log-in screen (demo users: cashier, manager)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SampleStore]:
    sample = build_sample_store(tmp_path_factory.mktemp("history") / "data", sales=40)
    yield sample
    sample.context.close()


@pytest.fixture
def window(qtbot: QtBot, store: SampleStore) -> Iterator[CounterWindow]:
    counter = start_counter(qtbot, open_till(store.context), store.context)
    yield counter
    counter.close()


def _audit(context: AppContext, action: AuditAction) -> list[AuditEvent]:
    now = dt.datetime.now(THAI_TIME)
    with context.uow_factory() as uow:
        events = uow.audit.between(now - dt.timedelta(days=2000), now + dt.timedelta(days=1))
    return [event for event in events if event.action is action]


def _history(qtbot: QtBot, window: CounterWindow, store: SampleStore) -> SalesHistoryDialog:
    assert window.back_office is not None and window.back_office.menu_button.isVisible()
    dialog = window.back_office.open_history()
    qtbot.waitExposed(dialog)
    dialog.load_day(store.day)
    return dialog


def test_the_history_lists_the_day_and_reprints_a_copy(
    qtbot: QtBot, window: CounterWindow, store: SampleStore, tmp_path: Path
) -> None:
    logged_in(qtbot, window)
    dialog = _history(qtbot, window, store)
    context = store.context
    with context.uow_factory() as uow:
        sales = uow.sales.sales_on(store.day)
        notes = uow.sales.credit_notes_on(store.day)
    invoices = sum(len(sale.tax_invoices) for sale in sales)
    assert dialog.table.rowCount() == len(sales) + len(notes) + invoices
    assert dialog.day_label.text() == "วันจันทร์ 1 มีนาคม 2564"
    numbers = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert sales[0].receipt_number in numbers and notes[0].number in numbers
    row = numbers.index(sales[3].receipt_number)
    dialog.table.selectRow(row)
    assert dialog.table.item(row, 5).text() == "ไม่ได้สั่งพิมพ์"
    assert dialog.preview.pixmap().width() == 384  # the receipt as the 58 mm printer prints it
    dialog.grab().save(str(tmp_path / "sales-history.png"))

    qtbot.mouseClick(dialog.reprint_button, Qt.MouseButton.LeftButton)
    with context.uow_factory() as uow:
        (job,) = uow.print_jobs.for_document("sale", sales[3].receipt_number)
    assert job.is_copy and not job.open_drawer and job.state is JobState.PENDING
    assert dialog.selected() is not None and dialog.selected().number == sales[3].receipt_number
    assert dialog.table.item(row, 5).text().startswith("รอพิมพ์")  # no printer set up here
    cashier = window.till.user
    assert cashier is not None
    reprints = _audit(context, AuditAction.DOCUMENT_REPRINTED)
    assert [(e.reference, e.user_id) for e in reprints][-1:] == [
        (sales[3].receipt_number, cashier.user_id)
    ]
    dialog.close()


def test_a_number_typed_or_scanned_finds_its_document_and_never_reaches_the_cart(
    qtbot: QtBot, window: CounterWindow, store: SampleStore, tmp_path: Path
) -> None:
    logged_in(qtbot, window)
    dialog = _history(qtbot, window, store)
    dialog.load_day(store.day + dt.timedelta(days=3))
    assert dialog.table.rowCount() == 0
    invoice = store.with_buyer_at_payment.tax_invoices[0].number
    dialog.activateWindow()
    dialog.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.search)
    type_digits(qtbot, invoice.lower())  # fast, as a scanner types, then Enter
    press(qtbot, Qt.Key.Key_Return)
    selected = dialog.selected()
    assert selected is not None and selected.number == invoice and dialog.day == store.day
    assert window.till.cart.is_empty  # the burst of digits was not taken for a product scan
    dialog.save_pdf_to(tmp_path / "invoice.pdf", page="A5")
    text = pdf_text(tmp_path / "invoice.pdf")
    assert invoice in text and "บริษัท กันทรลักษ์ท่องเที่ยว จำกัด" in text
    type_text(dialog.search, "POS01-99")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.message.text() == "ไม่พบเอกสารเลขที่ POS01-99"
    dialog.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sale.scan_input)  # given back
    wedge_scan(qtbot, SILK)  # back at the sale screen, scans reach the cart again
    assert len(window.till.cart.lines) == 1


def test_the_manager_sets_the_header_and_a_bad_tax_id_changes_nothing(
    qtbot: QtBot, window: CounterWindow, store: SampleStore, tmp_path: Path
) -> None:
    log_in(qtbot, window, pin=MANAGER_PIN, user=MANAGER)
    assert window.back_office is not None
    dialog = window.back_office.open_header_settings()
    assert isinstance(dialog, ReceiptHeaderDialog)
    before = store.context.settings()
    dialog.name.clear()
    type_text(dialog.name, "ศูนย์แสดงและจำหน่ายสินค้า OTOP ศรีสะเกษ")
    dialog.tax_id.clear()
    type_text(dialog.tax_id, "0-9940-00123-45-2")  # the check digit should be 1
    dialog.update_preview()
    assert "หลักตรวจสอบ" in dialog.error.text() and "should be 1" in dialog.error.text()
    assert dialog.save() is False and store.context.settings() == before
    dialog.tax_id.clear()
    type_text(dialog.tax_id, "0994000123451")
    dialog.branch.clear()
    type_text(dialog.branch, "2")
    dialog.footer.setPlainText("ขอบคุณค่ะ\nเปิดทุกวัน 08:30-18:00 น.")
    dialog.update_preview()
    assert dialog.error.text() == "" and dialog.preview.pixmap().width() == 384
    dialog.grab().save(str(tmp_path / "receipt-header.png"))
    with qtbot.waitSignal(dialog.settings_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    header = store.context.settings().receipt_header
    assert header.name == "ศูนย์แสดงและจำหน่ายสินค้า OTOP ศรีสะเกษ"
    assert (header.tax_id, header.branch) == ("0994000123451", "สาขาที่ 00002")
    assert header.footer_lines == ("ขอบคุณค่ะ", "เปิดทุกวัน 08:30-18:00 น.")
    manager = window.till.user
    assert manager is not None
    changes = _audit(store.context, AuditAction.SETTINGS_CHANGED)
    assert changes[-1].detail["key"] == "receipt_header" and changes[-1].user_id == manager.user_id
    with store.context.uow_factory() as uow:  # put the store's header back for other tests
        uow.settings.save(uow.settings.load().replace(receipt_header=before.receipt_header))
        uow.commit()


def test_a_cashier_cannot_open_the_header_settings(qtbot: QtBot, window: CounterWindow) -> None:
    logged_in(qtbot, window)
    assert window.back_office is not None
    assert window.back_office.open_header_settings() is None
    assert "ผู้จัดการเท่านั้น" in window.sale.status.text()


@pytest.fixture
def printing(store: SampleStore) -> Iterator[PrintService]:
    service = start_printing(store.context)
    yield service
    service.stop()
    store.context.printing = None


def test_a_dead_printer_shows_in_the_header_and_the_till_keeps_selling(
    qtbot: QtBot, store: SampleStore, printing: PrintService, tmp_path: Path
) -> None:
    context = store.context
    port = free_port()
    with context.uow_factory() as uow:
        uow.settings.save(uow.settings.load().replace(receipt_printer=network_printer(port)))
        number = uow.sales.sales_on(store.day)[0].receipt_number
        queue_document(uow, "sale", number, printing.worker._clock)
        uow.commit()
    with context.uow_factory() as uow:
        waiting = len(uow.print_jobs.pending())  # with any copy an earlier test asked for
    window = start_counter(qtbot, open_till(context), context)
    assert window.back_office is not None
    status = window.back_office.status_line
    context.wake_printer()
    qtbot.waitUntil(lambda: status.full_text() == f"รอพิมพ์ {waiting} ใบ", timeout=10_000)
    logged_in(qtbot, window)  # receipts were waiting before anyone logged in: the cashier is told
    qtbot.waitUntil(lambda: "เครื่องพิมพ์ปิดอยู่" in window.sale.status.text())
    # the worker retries meanwhile (a moment of "printing"): wait for the waiting state again
    qtbot.waitUntil(lambda: status.property("severity") == "warning", timeout=10_000)
    assert "เครื่องพิมพ์ปิดอยู่" in status.toolTip()
    wedge_scan(qtbot, SILK)  # the till sells on
    assert len(window.till.cart.lines) == 1
    window.grab().save(str(tmp_path / "printer-off.png"))
    with PrinterEmulator(port) as printer:
        qtbot.mouseClick(status, Qt.MouseButton.LeftButton)  # "print now"
        qtbot.waitUntil(lambda: status.full_text() == "เครื่องพิมพ์พร้อม", timeout=10_000)
    assert len(printer.printed_jobs()) == waiting
    assert window.sale.status.text() == "เครื่องพิมพ์พร้อม: พิมพ์ใบที่รอครบแล้ว"

    with context.uow_factory() as uow:  # a job for a document that does not exist
        queue_document(uow, "sale", "POS01-09999999", printing.worker._clock)
        uow.commit()
    with PrinterEmulator(port):
        context.wake_printer()
        qtbot.waitUntil(lambda: status.property("severity") == "error", timeout=10_000)
    assert status.full_text() == "พิมพ์ไม่ได้ (แตะ)" and "POS01-09999999" in status.toolTip()
    assert "POS01-09999999" in window.sale.status.text()
    qtbot.mouseClick(status, Qt.MouseButton.LeftButton)  # acknowledged
    qtbot.waitUntil(lambda: status.full_text() == "เครื่องพิมพ์พร้อม", timeout=10_000)
    window.close()


def test_the_app_starts_printing_after_its_window_and_stops_it_at_exit(
    qtbot: QtBot, store: SampleStore
) -> None:
    from ui.app import PrintStarter

    context = store.context
    window = start_counter(qtbot, open_till(context), context)
    assert window.back_office is not None and window.back_office.printing is None
    starter = PrintStarter(context, window, delay_ms=0)
    qtbot.waitUntil(
        lambda: window.back_office is not None and window.back_office.printing is not None,
        timeout=10_000,
    )
    assert context.printing is starter.service and starter.service is not None
    worker = starter.service.worker
    starter.stop()
    assert worker._thread is None  # stopped and joined
    context.printing = None
    window.close()


def test_a_log_in_during_a_retry_still_tells_the_cashier_of_waiting_receipts(
    qtbot: QtBot, window: CounterWindow
) -> None:
    """Receipts wait, the worker retries (a moment of "printing") just as the cashier logs in:
    the sale screen still says why the receipts wait (a loaded CI machine once hit this)."""
    assert window.back_office is not None
    off = "เครื่องพิมพ์ปิดอยู่หรือไม่ได้เชื่อมต่อ (127.0.0.1:9): connection refused"
    window.back_office.show_status(QueueStatus(QueueState.WAITING, 2, off, off))
    window.back_office.show_status(QueueStatus(QueueState.PRINTING, 2, "กำลังพิมพ์"))
    logged_in(qtbot, window)
    qtbot.waitUntil(lambda: off in window.sale.status.text())
