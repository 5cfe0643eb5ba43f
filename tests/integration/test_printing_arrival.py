"""A job is printed only when the printer took it all; the drawer opens once per sale (issue 12).

Against the loopback printer emulator (:mod:`receipts.emulator`) over real
sockets, with the real print worker thread and a real SQLite store:

* a blind printer (it never answers status queries) that dies mid-job: the job
  is not printed, is sent again whole, and prints complete exactly once — the
  bytes the printer received are compared with the job's;
* a printer that answers, drops the connection three times, then prints: one
  drawer kick for the one cash sale (it used to be one per attempt);
* a printer that never closes its side: a timeout, a clear message, and the
  till sells on;
* a printer that closes its side before taking the job, and the emulator run
  as its own process with the command-line options.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator

import pytest

from pos.bootstrap import AppContext
from pos.clock import THAI_TIME, FakeClock, SystemClock
from pos.ids import SaleId, UserId
from pos.printing.domain.print_queue import JobState, PrintJob, RetryPolicy
from pos.printing.domain.printer_settings import PrinterSettings
from pos.printing.services.print_jobs import queue_document, queue_sale_receipt
from pos.sale.domain.cart import Cart
from pos.sale.domain.completed_sale import Sale
from pos.sale.domain.tenders import CardTender, CashTender, Tender
from pos.sale.services.checkout import CheckoutRequest, commit_sale
from receipts.connections import ConnectionLostError, EscposTransport, NotConfirmedError
from receipts.emulator import PrinterEmulator, emulator_from_options, option_parser
from receipts.escpos_output import document_to_escpos
from receipts.print_service import PrintService, start_printing
from receipts.print_worker import PrintWorker, QueueState, StaticDocumentSource
from receipts.samples import sample_document
from tests.receipt_helpers import drawer_kicks, network_printer, wait_until
from tests.sales_helpers import open_till

FAST = RetryPolicy(first_seconds=0.05, max_seconds=0.2)
PAPER_QUERY = b"\x10\x04\x04"  # DLE EOT 4: the one question a blind printer leaves unanswered
REFERENCE = "E01-2569-000777"


def _use_printer(context: AppContext, printer: PrinterSettings) -> None:
    with context.uow_factory() as uow:
        uow.settings.save(uow.settings.load().replace(receipt_printer=printer))
        uow.commit()


def _jobs(context: AppContext, kind: str, reference: str) -> list[PrintJob]:
    with context.uow_factory() as uow:
        return uow.print_jobs.for_document(kind, reference)


def _blind(port: int) -> PrinterSettings:
    """A network printer whose status questions wait 1 s (not the test helper's 2 s)."""
    return dataclasses.replace(network_printer(port), timeout_seconds=1)


# --- a blind printer that dies mid-job ----------------------------------------------------------


def test_a_blind_printer_dying_mid_job_is_noticed_by_the_transport() -> None:
    data = document_to_escpos(sample_document(line_count=6), PrinterSettings())
    with PrinterEmulator(0) as printer:
        printer.answers_status = False
        printer.drop_after_bytes, printer.drops = 2_000, 1
        with pytest.raises(ConnectionLostError, match="การเชื่อมต่อขาด"):
            EscposTransport(_blind(printer.port)).send_job(data)
        EscposTransport(_blind(printer.port)).send_job(data)  # the printer is fine again
    cut_off, whole = printer.sessions
    assert len(data) > 100_000 and len(cut_off) == 2_000  # what reached it, of how much
    assert whole == PAPER_QUERY + data


@pytest.fixture
def blind_worker(empty_context: AppContext) -> Iterator[PrintWorker]:
    source = StaticDocumentSource()
    source.add("sale", sample_document(line_count=6))
    worker = PrintWorker(empty_context.uow_factory, source, policy=FAST)
    worker.start()
    yield worker
    worker.stop()


def test_a_blind_printer_dying_mid_job_gets_it_again_whole_and_prints_it_once(
    empty_context: AppContext, blind_worker: PrintWorker
) -> None:
    document = sample_document(line_count=6)
    with PrinterEmulator(0) as printer:
        printer.answers_status = False
        printer.drop_after_bytes, printer.drops = 2_000, 2
        settings = _blind(printer.port)
        _use_printer(empty_context, settings)
        with empty_context.uow_factory() as uow:
            queue_document(uow, "sale", document.number, SystemClock())
            uow.commit()
        blind_worker.wake()
        assert printer.wait_for_sessions(1)
        # the first attempt reached the printer cut off: the job is not printed
        assert wait_until(lambda: _jobs(empty_context, "sale", document.number)[0].attempts >= 1)
        assert _jobs(empty_context, "sale", document.number)[0].state is JobState.PENDING
        assert wait_until(
            lambda: _jobs(empty_context, "sale", document.number)[0].printed_at is not None
        )
        time.sleep(0.3)  # nothing more may come
    (job,) = _jobs(empty_context, "sale", document.number)
    assert job.state is JobState.PRINTED and job.attempts == 3
    assert "การเชื่อมต่อขาด" in job.last_error
    data = document_to_escpos(document, settings)
    first, second, third = printer.sessions
    for cut_off in (first, second):
        assert len(cut_off) == 2_000 and (PAPER_QUERY + data).startswith(cut_off)
    assert third == PAPER_QUERY + data  # every byte of the job, once, whole
    assert len(printer.printed_jobs()) == 1


# --- an answering printer, retried: one drawer kick ---------------------------------------------


@pytest.fixture
def printing(demo_context: AppContext) -> Iterator[PrintService]:
    service = start_printing(demo_context, policy=FAST)
    yield service
    service.stop()


def _staff(context: AppContext) -> UserId:
    with context.uow_factory() as uow:
        cashier = next(u.user_id for u in uow.users.active_users() if not u.is_manager)
    assert cashier is not None
    return cashier


def _sell(context: AppContext, tender: type[Tender] = CashTender) -> Sale:
    """A sale as the till completes it: committed, its receipt queued, the printer woken."""
    cart = Cart()
    with context.uow_factory() as uow:
        silk = uow.catalog.product_by_sku("TX-SILK-0001")
    assert silk is not None
    cart.add_product(silk, 1000)
    total = cart.totals(700).total_satang
    paid: Tender = CashTender(total) if tender is CashTender else CardTender(total, "AB12")
    request = CheckoutRequest(SaleId(uuid.uuid4()), cart, [paid], _staff(context))
    sale = commit_sale(context.uow_factory, SystemClock(), request)
    with context.uow_factory() as uow:
        queue_sale_receipt(uow, sale, SystemClock())
        uow.commit()
    context.wake_printer()
    return sale


@pytest.fixture
def shift_open(demo_context: AppContext) -> None:
    open_till(demo_context, FakeClock(dt.datetime.now(THAI_TIME)), _staff(demo_context))


@pytest.mark.usefixtures("shift_open")
def test_an_answering_printer_retried_three_times_opens_the_drawer_once(
    demo_context: AppContext, printing: PrintService
) -> None:
    with PrinterEmulator(0) as printer:
        printer.drop_after_bytes, printer.drops = 30_000, 3
        _use_printer(demo_context, network_printer(printer.port))
        sale = _sell(demo_context)
        assert wait_until(lambda: drawer_kicks(printer) == [2])
        assert wait_until(lambda: printing.status.state is QueueState.IDLE)
        time.sleep(0.3)  # nothing more may come
    assert drawer_kicks(printer) == [2]  # one cash sale, one kick (it was one per attempt)
    (receipt,) = printer.printed_jobs()
    assert receipt.drawer_kicks == []
    kick_session = printer.sessions.index(next(s for s in printer.sessions if b"\x1bp" in s))
    assert kick_session == len(printer.sessions) - 1  # after the receipt had arrived whole
    (job,) = _jobs(demo_context, "sale", sale.receipt_number)
    assert job.state is JobState.PRINTED and job.attempts == 4
    assert job.printed_at is not None and job.drawer_kicked_at is not None


@pytest.mark.usefixtures("shift_open")
def test_a_drawer_kick_that_fails_is_not_tried_again_and_says_so(
    demo_context: AppContext, printing: PrintService
) -> None:
    with PrinterEmulator(0) as printer:

        def drop_the_next(session: bytes) -> None:
            if len(session) > 1_000:  # the receipt has arrived: the kick's connection breaks
                printer.drop_after_bytes, printer.drops = 4, 1

        printer.on_session = drop_the_next
        _use_printer(demo_context, network_printer(printer.port))
        sale = _sell(demo_context)
        assert wait_until(lambda: printing.status.state is QueueState.FAILED)
        assert printer.wait_for_sessions(2)
        time.sleep(0.5)  # no second try comes
    assert len(printer.sessions) == 2 and drawer_kicks(printer) == []
    assert "ลิ้นชักไม่เปิด" in printing.status.message
    assert sale.receipt_number in printing.status.message
    (job,) = _jobs(demo_context, "sale", sale.receipt_number)
    assert job.state is JobState.PRINTED and job.drawer_kicked_at is None
    assert "ลิ้นชักไม่เปิด" in job.last_error


# --- a printer that never closes ----------------------------------------------------------------


@pytest.mark.usefixtures("shift_open")
def test_a_printer_that_never_closes_is_a_timeout_and_the_till_sells_on(
    demo_context: AppContext, printing: PrintService
) -> None:
    with PrinterEmulator(0) as printer:
        printer.never_closes = True
        _use_printer(demo_context, _blind(printer.port))
        first = _sell(demo_context)
        assert wait_until(lambda: printing.status.state is QueueState.WAITING, timeout=15)
        message = printing.status.message
        assert "เครื่องพิมพ์ไม่ยืนยันว่ารับงานครบ" in message and "4 วินาที" in message
        assert f"127.0.0.1:{printer.port}" in message
        started = time.monotonic()
        second = _sell(demo_context, CardTender)  # while the worker waits on the printer
        assert time.monotonic() - started < 3  # the worker waits 4 s on the printer
        (waiting,) = _jobs(demo_context, "sale", first.receipt_number)
        assert waiting.state is JobState.PENDING and "ไม่ยืนยัน" in waiting.last_error
        assert drawer_kicks(printer) == []  # no receipt arrived: no drawer
        printer.never_closes = False  # the printer is mended
        printing.wake()
        sales = (first, second)
        assert wait_until(
            lambda: all(_jobs(demo_context, "sale", s.receipt_number)[0].printed_at for s in sales),
            timeout=30,
        )
        assert wait_until(lambda: drawer_kicks(printer) == [2])  # the cash sale's, once
        assert wait_until(lambda: printing.status.state is QueueState.IDLE)


# --- a printer that closes before it took the job ------------------------------------------------


def test_a_printer_that_closes_before_taking_the_job_is_not_printed() -> None:
    """It reads 2,000 bytes, closes its side and reads no more: its kernel has not
    acknowledged the rest, so its close is no proof of arrival."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        done = threading.Event()

        def hang_up_early() -> None:
            connection, _ = server.accept()
            with connection:
                got = 0
                while got < 2_000:
                    got += len(connection.recv(2_000 - got))
                connection.shutdown(socket.SHUT_WR)
                done.wait(10)

        thread = threading.Thread(target=hang_up_early, daemon=True)
        thread.start()
        settings = dataclasses.replace(_blind(server.getsockname()[1]), check_status=False)
        data = document_to_escpos(sample_document(line_count=6), settings)
        try:
            with pytest.raises(ConnectionLostError, match="ก่อนรับงานครบ") as raised:
                EscposTransport(settings).send_job(data)
        finally:
            done.set()
            thread.join(10)
    assert not isinstance(raised.value, NotConfirmedError)


# --- the emulator as its own process ------------------------------------------------------------


def test_the_emulator_command_takes_a_free_port_and_plays_a_blind_printer_that_drops() -> None:
    command = [sys.executable, "-m", "receipts.emulator", "--port", "0", "--no-status"]
    command += ["--drop-after", "2000", "--drops", "1"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first_line = process.stdout.readline()
        assert "listening on 127.0.0.1:" in first_line
        port = int(first_line.split("127.0.0.1:")[1].split()[0])
        data = document_to_escpos(sample_document(line_count=6), PrinterSettings())
        with pytest.raises(ConnectionLostError):
            EscposTransport(_blind(port)).send_job(data)
        EscposTransport(_blind(port)).send_job(data)
        lines = [process.stdout.readline().strip() for _ in range(2)]
    finally:
        process.terminate()
        process.wait(10)
        if process.stdout is not None:
            process.stdout.close()
    assert lines == ["job 1: 2000 bytes", f"job 2: {len(PAPER_QUERY + data)} bytes"]


def test_the_emulator_options_set_up_the_printer_they_name() -> None:
    options = [
        *("--port", "0", "--no-status", "--never-close"),
        *("--drop-after", "2000", "--drops", "3"),
    ]
    emulator = emulator_from_options(option_parser().parse_args(options))
    assert emulator.requested_port == 0 and emulator.never_closes
    assert not emulator.answers_status
    assert (emulator.drop_after_bytes, emulator.drops) == (2_000, 3)
    plain = emulator_from_options(option_parser().parse_args([]))
    assert plain.requested_port == 9100 and plain.answers_status and not plain.never_closes
    assert plain.drop_after_bytes is None
