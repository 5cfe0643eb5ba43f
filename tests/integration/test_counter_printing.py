"""Completed sales printed by the counter's print service to a printer listening on loopback.

Real store, real checkout, the real print worker thread and python-escpos's
network connection to :class:`receipts.emulator.PrinterEmulator`; what the
printer got is decoded with :mod:`receipts.escpos_decode`.  The checkout of
the payment screen queues the receipt in its own transaction; here the tests
queue it right after ``commit_sale`` returns, then wake the printer as the
till does (``context.wake_printer()``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli.main import main
from pos.audit import AuditAction
from pos.bootstrap import AppContext
from pos.clock import THAI_TIME, FakeClock, SystemClock
from pos.printing.domain.print_queue import RetryPolicy
from pos.printing.domain.printer_settings import PrinterSettings
from pos.printing.services.print_jobs import queue_credit_note, queue_sale_receipt, request_reprint
from pos.sale.domain.cart import Cart
from pos.sale.domain.completed_sale import Sale
from pos.sale.domain.credit_notes import CreditNote
from pos.sale.domain.tenders import CardTender, CashTender, Tender
from pos.sale.services.checkout import CheckoutRequest, commit_sale
from pos.sale.services.returns_and_voids import ManagerApproval, ReturnRequest, return_goods
from receipts.blocks import receipt_blocks
from receipts.emulator import PrinterEmulator
from receipts.escpos_decode import Decoded, parse
from receipts.print_service import PrintService, start_printing
from receipts.print_worker import QueueState
from receipts.raster import render_blocks, to_bilevel
from tests.receipt_helpers import drawer_kicks, free_port, network_printer, wait_until
from tests.sales_helpers import open_till

FAST = RetryPolicy(first_seconds=0.05, max_seconds=0.2)
MANAGER_PIN = "5678"  # the demo manager


@pytest.fixture(autouse=True)
def shift_open(demo_context: AppContext, request: pytest.FixtureRequest) -> None:
    """The till sells only with a shift open (issue 6); the old-day test opens its own."""
    if "old_day" not in request.node.name:
        open_till(demo_context, FakeClock(dt.datetime.now(THAI_TIME)), _staff(demo_context)[0])


@pytest.fixture
def printing(demo_context: AppContext) -> Iterator[PrintService]:
    service = start_printing(demo_context, policy=FAST)
    yield service
    service.stop()


def _use_printer(context: AppContext, printer: PrinterSettings) -> None:
    with context.uow_factory() as uow:
        uow.settings.save(uow.settings.load().replace(receipt_printer=printer))
        uow.commit()


def _staff(context: AppContext) -> tuple[int, int]:
    with context.uow_factory() as uow:
        users = uow.users.active_users()
    ids = [(u.user_id, u.is_manager) for u in users]
    cashier = next(i for i, manager in ids if not manager)
    manager = next(i for i, manager in ids if manager)
    assert cashier is not None and manager is not None
    return cashier, manager


def _cart(context: AppContext) -> Cart:
    cart = Cart()
    with context.uow_factory() as uow:
        silk = uow.catalog.product_by_sku("TX-SILK-0001")
        shallots = next(p for p in uow.catalog.all_products() if p.sold_by_weight)
    assert silk is not None
    cart.add_product(silk, 1000)
    cart.add_weighed(shallots, 1250)
    return cart


def _sell(context: AppContext, tender: type[Tender] = CashTender) -> Sale:
    """A sale as the till completes it: committed, its receipt queued, the printer woken."""
    cart = _cart(context)
    total = cart.totals(700).total_satang
    paid: Tender = CashTender(total + 10_000) if tender is CashTender else CardTender(total, "AB12")
    request = CheckoutRequest(uuid.uuid4(), cart, [paid], _staff(context)[0])
    sale = commit_sale(context.uow_factory, SystemClock(), request)
    with context.uow_factory() as uow:
        queue_sale_receipt(uow, sale, SystemClock())
        uow.commit()
    context.wake_printer()
    return sale


def _printed(printer: PrinterEmulator, number: str) -> list[Decoded]:
    return [
        job
        for job in printer.printed_jobs()
        if number.encode() in b"".join(job.barcodes) or number in job.text
    ]


def test_a_completed_sale_prints_once_with_its_receipt(
    demo_context: AppContext, printing: PrintService
) -> None:
    with PrinterEmulator(0) as printer:
        _use_printer(demo_context, network_printer(printer.port, width=384, text=True))
        sale = _sell(demo_context)
        assert wait_until(lambda: len(printer.printed_jobs()) == 1)
        assert wait_until(lambda: printing.status.state is QueueState.IDLE)
        assert wait_until(lambda: drawer_kicks(printer) == [2])
        time.sleep(0.3)  # the worker polls on: nothing more may come
    (job,) = printer.printed_jobs()
    text = " ".join(job.text.split())
    for line in sale.lines:
        assert line.name_th[:12] in text
    assert "1.250 กก." in text and "ใบเสร็จรับเงิน" in text  # the demo centre has no VAT
    assert "เงินสด" in text and "เงินทอน CHANGE 100.00" in text
    assert job.barcodes[-1].endswith(sale.receipt_number.encode())
    assert job.cuts == 1 and job.drawer_kicks == []  # the receipt, without the drawer
    assert drawer_kicks(printer) == [2]  # a cash sale opens it once, after its receipt
    with demo_context.uow_factory() as uow:
        (stored,) = uow.print_jobs.for_document("sale", sale.receipt_number)
    assert stored.drawer_kicked_at is not None and stored.printed_at is not None
    assert stored.drawer_kicked_at >= stored.printed_at


def test_a_dead_printer_keeps_receipts_waiting_while_the_till_sells_on(
    demo_context: AppContext, printing: PrintService
) -> None:
    port = free_port()
    _use_printer(demo_context, network_printer(port))
    first = _sell(demo_context)
    assert wait_until(lambda: printing.status.state is QueueState.WAITING)
    assert "เครื่องพิมพ์ปิดอยู่" in printing.status.message
    second = _sell(demo_context, CardTender)  # the till keeps selling
    assert wait_until(lambda: "รอพิมพ์ 2 ใบ" in printing.status.message)  # between retries
    with PrinterEmulator(port) as printer:
        printing.wake()  # "print now", or the next retry
        assert wait_until(lambda: len(printer.printed_jobs()) == 2)
        assert wait_until(lambda: printing.status.state is QueueState.IDLE)
        time.sleep(0.3)
    jobs = printer.printed_jobs()
    assert len(jobs) == 2  # each exactly once
    with demo_context.uow_factory() as uow:
        states = [uow.print_jobs.for_document("sale", s.receipt_number) for s in (first, second)]
    assert [[job.state.value for job in jobs] for jobs in states] == [["printed"], ["printed"]]
    expected = {
        to_bilevel(
            render_blocks(
                receipt_blocks(printing.documents.document("sale", sale.receipt_number)), 576
            )
        ).tobytes()
        for sale in (first, second)
    }
    assert {job.picture().tobytes() for job in jobs} == expected


def test_a_receipt_cut_off_mid_job_is_printed_again_whole(
    demo_context: AppContext, printing: PrintService
) -> None:
    with PrinterEmulator(0) as printer:
        printer.drop_after_bytes, printer.drops = 30_000, 1
        _use_printer(demo_context, network_printer(printer.port))
        sale = _sell(demo_context, CardTender)
        assert wait_until(lambda: len(printer.printed_jobs()) == 1)
    cut_off, whole = printer.jobs()
    assert not cut_off.complete and whole.complete
    document = printing.documents.document("sale", sale.receipt_number)
    expected = to_bilevel(render_blocks(receipt_blocks(document), 576))
    assert whole.picture().tobytes() == expected.tobytes()
    with demo_context.uow_factory() as uow:
        (job,) = uow.print_jobs.for_document("sale", sale.receipt_number)
    assert job.attempts == 2 and job.state.value == "printed"


def test_a_reprint_says_copy_never_opens_the_drawer_and_is_audited(
    demo_context: AppContext, printing: PrintService
) -> None:
    cashier, _ = _staff(demo_context)
    with PrinterEmulator(0) as printer:
        _use_printer(demo_context, network_printer(printer.port, text=True))
        sale = _sell(demo_context)
        assert wait_until(lambda: len(printer.printed_jobs()) == 1)
        assert wait_until(lambda: drawer_kicks(printer) == [2])
        request_reprint(
            demo_context.uow_factory, "sale", sale.receipt_number, SystemClock(), user_id=cashier
        )
        demo_context.wake_printer()
        assert wait_until(lambda: len(printer.printed_jobs()) == 2)
    original, copy = printer.printed_jobs()
    assert "สำเนา" not in original.text
    assert copy.text.count("สำเนา / COPY") == 2 and copy.drawer_kicks == []
    assert drawer_kicks(printer) == [2]  # the sale's, none for its copy
    assert copy.barcodes == original.barcodes
    with demo_context.uow_factory() as uow:
        events = uow.audit.between(
            sale.sold_at - dt.timedelta(hours=1), sale.sold_at + dt.timedelta(hours=1)
        )
    reprints = [e for e in events if e.action is AuditAction.DOCUMENT_REPRINTED]
    assert [(e.reference, e.user_id) for e in reprints] == [(sale.receipt_number, cashier)]


def test_a_cash_refund_prints_its_credit_note_and_opens_the_drawer(
    demo_context: AppContext, printing: PrintService
) -> None:
    cashier, manager = _staff(demo_context)
    with PrinterEmulator(0) as printer:
        _use_printer(demo_context, network_printer(printer.port, width=384, text=True))
        sale = _sell(demo_context, CardTender)
        request = ReturnRequest(
            uuid.uuid4(),
            sale.sale_id,
            {sale.lines[1].line_id: 1250},
            cashier,
            "สินค้าชำรุด",
            refund_in_cash=True,
        )
        note: CreditNote = return_goods(
            demo_context.uow_factory, SystemClock(), request, ManagerApproval(manager, MANAGER_PIN)
        )
        with demo_context.uow_factory() as uow:
            queue_credit_note(uow, note, SystemClock())
            uow.commit()
        demo_context.wake_printer()
        assert wait_until(lambda: len(printer.printed_jobs()) == 2)
        assert wait_until(lambda: drawer_kicks(printer) == [2])
    _, refund = printer.printed_jobs()
    text = " ".join(refund.text.split())
    assert "ใบลดหนี้" in text and note.number in text and sale.receipt_number in text
    assert "คืนเงินสด" in text and "สินค้าชำรุด" in text
    assert drawer_kicks(printer) == [2]  # cash goes out of the drawer (a card sale: no kick)


def test_the_receipt_command_writes_the_bytes_the_printer_is_sent(
    demo_context: AppContext, printing: PrintService, tmp_path: Path
) -> None:
    with PrinterEmulator(0) as printer:
        _use_printer(demo_context, network_printer(printer.port))
        sale = _sell(demo_context, CardTender)  # no cash: no drawer kick in the job
        assert wait_until(lambda: len(printer.printed_jobs()) == 1)
    session = next(s for s in printer.sessions if len(s) > 100)
    target = tmp_path / "r.bin"
    data_dir = str(demo_context.data_dir)
    assert main(["--data-dir", data_dir, "receipt", sale.receipt_number, "--to", str(target)]) == 0
    job = target.read_bytes()
    assert job in session  # sent whole, between the printer's status questions
    rest, _ = parse(session.replace(job, b""))
    assert {command.name for command in rest} == {"DLE EOT"}


def test_without_a_printer_receipts_wait_and_the_status_says_so(
    demo_context: AppContext, printing: PrintService
) -> None:
    _use_printer(demo_context, dataclasses.replace(PrinterSettings()))  # connection: none
    _sell(demo_context)
    assert wait_until(lambda: printing.status.state is QueueState.WAITING)
    assert "ยังไม่ได้ตั้งค่าเครื่องพิมพ์" in printing.status.message
    assert printing.status.pending == 1 and not printing.status.printer_set_up


def test_documents_of_an_old_day_print_as_they_were_stored(demo_context: AppContext) -> None:
    clock = FakeClock(dt.datetime(2021, 7, 5, 10, 0, tzinfo=THAI_TIME))
    open_till(demo_context, clock, _staff(demo_context)[0])
    cart = _cart(demo_context)
    request = CheckoutRequest(uuid.uuid4(), cart, [CashTender(500_000)], _staff(demo_context)[0])
    sale = commit_sale(demo_context.uow_factory, clock, request)
    service = PrintService(demo_context.uow_factory)
    document = service.documents.document("sale", sale.receipt_number)
    assert document.issued_at == sale.sold_at and document.issued_at.year == 2021


def test_no_sale_kicks_the_drawer_on_the_receipt_printer_or_says_why_not(
    demo_context: AppContext,
) -> None:
    port = free_port()
    _use_printer(demo_context, network_printer(port))
    service = PrintService(demo_context.uow_factory)
    reasons: list[str] = []
    with PrinterEmulator(port) as printer:
        service.kick_drawer(reasons.append).join(timeout=10)
        assert printer.wait_for_sessions(1)
    kicks = [c for job in printer.jobs() for c in job.commands if c.name == "ESC p"]
    assert len(kicks) == 1 and not reasons
    service.kick_drawer(reasons.append).join(timeout=10)  # nobody listens on the port now
    assert len(reasons) == 1 and "เครื่องพิมพ์ปิดอยู่" in reasons[0]
