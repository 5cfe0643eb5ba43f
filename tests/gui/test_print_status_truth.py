"""The header's printer status says what is true: no printer, waiting, printing, printed."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext, open_till
from pos.clock import THAI_TIME, FakeClock
from pos.ids import SaleId
from pos.printing.domain.print_queue import RetryPolicy
from pos.printing.domain.printer_settings import PrinterSettings
from pos.printing.services.print_jobs import queue_document, queue_sale_receipt
from pos.sale.domain.cart import Cart
from pos.sale.domain.tenders import CashTender
from pos.sale.services.checkout import CheckoutRequest, commit_sale
from receipts.emulator import PrinterEmulator
from receipts.print_service import PrintService, start_printing
from receipts.queue_status import QueueState, QueueStatus
from tests.gui.helpers import start_counter
from tests.receipt_helpers import network_printer
from tests.sales_helpers import open_till as open_shift

NOW = FakeClock(dt.datetime(2026, 12, 3, 10, 0, tzinfo=THAI_TIME))


def _use_printer(context: AppContext, printer: PrinterSettings) -> None:
    with context.uow_factory() as uow:
        uow.settings.save(uow.settings.load().replace(receipt_printer=printer))
        uow.commit()


def _queue(context: AppContext, count: int) -> None:
    with context.uow_factory() as uow:
        for number in range(count):
            queue_document(uow, "sale", f"NOPRINTER-{number}", NOW)
        uow.commit()


def _sell(context: AppContext) -> None:
    """A sale as the till completes it: committed and its receipt queued."""
    with context.uow_factory() as uow:
        cashier = next(u.user_id for u in uow.users.active_users() if not u.is_manager)
        silk = uow.catalog.product_by_sku("TX-SILK-0001")
    assert silk is not None and cashier is not None
    now = FakeClock(dt.datetime.now(THAI_TIME))
    open_shift(context, now, cashier)
    cart = Cart()
    cart.add_product(silk, 1000)
    paid = CashTender(cart.totals(700).total_satang + 10_000)
    sale = commit_sale(
        context.uow_factory, now, CheckoutRequest(SaleId(uuid.uuid4()), cart, [paid], cashier)
    )
    with context.uow_factory() as uow:
        queue_sale_receipt(uow, sale, now)
        uow.commit()


@pytest.fixture
def printing(demo_context: AppContext) -> Iterator[PrintService]:
    service = start_printing(demo_context, policy=RetryPolicy(first_seconds=0.05, max_seconds=0.2))
    yield service
    service.stop()


def test_without_a_printer_the_header_says_so_with_the_count(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    _use_printer(demo_context, PrinterSettings())  # connection: none
    _queue(demo_context, 5)
    service = start_printing(demo_context)
    window = start_counter(qtbot, open_till(demo_context), demo_context)
    try:
        line = window.back_office.status_line  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: line.full_text() == "ยังไม่ได้ตั้งค่าเครื่องพิมพ์ · รอพิมพ์ 5 ใบ")
        assert "พร้อม" not in line.full_text() and "ยังไม่ได้ตั้งค่าเครื่องพิมพ์" in line.toolTip()
    finally:
        service.stop()
        window.close()


def test_without_a_printer_or_receipts_it_is_not_ready(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    _use_printer(demo_context, PrinterSettings())
    service = start_printing(demo_context)
    window = start_counter(qtbot, open_till(demo_context), demo_context)
    try:
        line = window.back_office.status_line  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: line.full_text() == "ยังไม่ได้ตั้งค่าเครื่องพิมพ์")
        assert service.status.state is QueueState.IDLE and not service.status.printer_set_up
    finally:
        service.stop()
        window.close()


def test_with_the_loopback_printer_it_is_ready_prints_and_is_ready_again(
    qtbot: QtBot, demo_context: AppContext, printing: PrintService
) -> None:
    seen: list[QueueStatus] = []
    printing.subscribe(seen.append)
    window = start_counter(qtbot, open_till(demo_context), demo_context)
    try:
        line = window.back_office.status_line  # type: ignore[union-attr]
        with PrinterEmulator(0) as printer:
            _use_printer(demo_context, network_printer(printer.port))
            _sell(demo_context)
            demo_context.wake_printer()
            qtbot.waitUntil(lambda: len(printer.printed_jobs()) == 1, timeout=10_000)
            qtbot.waitUntil(lambda: line.full_text() == "เครื่องพิมพ์พร้อม")
        states = [status.state for status in seen]
        assert QueueState.PRINTING in states and states[-1] is QueueState.IDLE
        assert all(status.printer_set_up for status in seen[states.index(QueueState.PRINTING) :])
    finally:
        window.close()


def test_before_the_print_worker_runs_the_header_does_not_say_ready(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    window = start_counter(qtbot, open_till(demo_context), demo_context)  # no worker started
    try:
        line = window.back_office.status_line  # type: ignore[union-attr]
        assert line.full_text() == "เครื่องพิมพ์: กำลังเริ่มระบบ…" and line.status is None
        assert "พร้อม" not in line.full_text()
    finally:
        window.close()
