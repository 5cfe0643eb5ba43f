"""The Z report on the thermal printer: queued with the close, printed by the worker on loopback.

Closing the day queues a ``z_report`` job in the same transaction; the print
worker (the real one, with the Z source) prints it on the printer emulator —
a raster picture the width of the roll, cut; in text mode the printer gets
CP874 text with the Z number and the Thai headings.
"""

from __future__ import annotations

import dataclasses

from pos.bootstrap import AppContext
from pos.clock import FakeClock, SystemClock
from pos.printing.domain.print_queue import JobState, RetryPolicy
from pos.printing.domain.printer_settings import PrintMode
from pos.sale.domain.tenders import CashTender
from pos.shifts.services.day_close import Z_DOCUMENT_KIND, x_report, z_report
from receipts.day_report_print import SourcesByKind, ZReportSource, day_report_escpos
from receipts.emulator import PrinterEmulator
from receipts.escpos_decode import decode
from receipts.print_worker import PrintWorker
from receipts.samples import header_from_settings
from tests.receipt_helpers import network_printer, wait_until
from tests.sales_helpers import CHIPS, JULY_2021, add_staff, cart_of, close_till, open_till, sell

FAST = RetryPolicy(first_seconds=0.05, max_seconds=0.2)


def _closed_day(context: AppContext) -> str:
    cashier, manager = add_staff(context)
    clock = FakeClock(JULY_2021)
    open_till(context, clock, cashier, 150_000)
    sell(context, clock, cart_of((CHIPS, 2)), [CashTender(50_000)], cashier)
    report = close_till(context, clock, cashier, manager)
    assert report.z is not None
    return report.z.number


def test_the_z_report_is_queued_with_the_close_and_printed_by_the_worker(
    empty_context: AppContext,
) -> None:
    number = _closed_day(empty_context)
    with empty_context.uow_factory() as uow:
        (job,) = uow.print_jobs.pending()
    assert (job.document_kind, job.reference) == (Z_DOCUMENT_KIND, number)
    with PrinterEmulator(0) as printer:
        with empty_context.uow_factory() as uow:
            settings = uow.settings.load().replace(receipt_printer=network_printer(printer.port))
            uow.settings.save(settings)
            uow.commit()
        source = SourcesByKind({Z_DOCUMENT_KIND: ZReportSource(empty_context.reader())})
        worker = PrintWorker(empty_context.uow_factory, source, policy=FAST)
        assert wait_until(worker.run_once, timeout=10)
        (printed,) = printer.printed_jobs()
    with empty_context.uow_factory() as uow:
        stored = uow.print_jobs.get(job.job_id or 0)
    assert stored is not None and stored.state is JobState.PRINTED
    picture = printed.picture()
    assert picture.width == 576 and picture.height > 1500 and printed.cuts == 1
    assert printed.drawer_kicks == []  # a report never opens the drawer


def test_in_text_mode_the_printer_gets_the_z_number_and_thai_in_cp874(
    empty_context: AppContext,
) -> None:
    number = _closed_day(empty_context)
    settings = empty_context.settings()
    printer = dataclasses.replace(network_printer(9100, text=True, slot=21), paper_width_dots=384)
    header = header_from_settings(settings.receipt_header, pos_id=settings.terminal_id)
    report = z_report(empty_context.reader(), SystemClock(), number)
    decoded = decode(day_report_escpos(report, header, settings.schemes, printer))
    assert decoded.code_pages[0] == 21 and decoded.cuts == 1 and not decoded.images
    assert number in decoded.text and "รายงานปิดวัน (Z)" in decoded.text
    assert "ยอดสะสม (GT)" in decoded.text and "1,500.00" in decoded.text  # the float
    copy = ZReportSource(empty_context.reader()).document(Z_DOCUMENT_KIND, number).as_copy()
    assert copy.is_copy and "สำเนา" in str(copy.receipt_blocks()[0])


def test_an_x_report_prints_as_bytes_without_being_queued(empty_context: AppContext) -> None:
    cashier, _ = add_staff(empty_context)
    clock = FakeClock(JULY_2021)
    open_till(empty_context, clock, cashier, 0)
    report = x_report(empty_context.reader(), clock)
    settings = empty_context.settings()
    header = header_from_settings(settings.receipt_header, pos_id=settings.terminal_id)
    data = day_report_escpos(report, header, settings.schemes, settings.receipt_printer)
    assert settings.receipt_printer.mode is PrintMode.RASTER and decode(data).picture().width == 576
    with empty_context.uow_factory() as uow:
        assert uow.print_jobs.pending() == []
