"""The print queue on a real SQLite store, printed by the worker to a printer on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pos.bootstrap import AppContext
from pos.clock import SystemClock
from pos.printing.domain.print_queue import JobState, PrinterRole, RetryPolicy
from pos.printing.domain.printer_settings import PrinterSettings
from pos.printing.services.print_jobs import queue_document, request_reprint
from receipts.blocks import receipt_blocks
from receipts.emulator import PrinterEmulator
from receipts.print_worker import PrintWorker, QueueState, QueueStatus, StaticDocumentSource
from receipts.raster import render_blocks
from receipts.samples import sample_document
from tests.receipt_helpers import drawer_kicks, free_port, network_printer, wait_until

FAST = RetryPolicy(first_seconds=0.05, max_seconds=0.2)
KIND = "sale"


def _use_printer(context: AppContext, printer: PrinterSettings) -> None:
    with context.uow_factory() as uow:
        uow.settings.save(uow.settings.load().replace(receipt_printer=printer))
        uow.commit()


def _queue(
    context: AppContext, reference: str, worker: PrintWorker, *, open_drawer: bool = False
) -> int:
    """Queue as the sale service will: commit, then wake the worker."""
    with context.uow_factory() as uow:
        job = queue_document(uow, KIND, reference, SystemClock(), open_drawer=open_drawer)
        uow.commit()
    worker.wake()
    assert job.job_id is not None
    return job.job_id


def _job_state(context: AppContext, job_id: int) -> JobState:
    with context.uow_factory() as uow:
        job = uow.print_jobs.get(job_id)
    assert job is not None
    return job.state


@pytest.fixture
def statuses() -> list[QueueStatus]:
    return []


@pytest.fixture
def worker(empty_context: AppContext, statuses: list[QueueStatus]) -> Iterator[PrintWorker]:
    source = StaticDocumentSource()
    document = sample_document(line_count=6)
    source.add(KIND, document)
    worker = PrintWorker(empty_context.uow_factory, source, policy=FAST, on_status=statuses.append)
    worker.start()
    yield worker
    worker.stop()


def test_a_receipt_waits_while_the_printer_is_off_and_prints_once_when_it_is_on(
    empty_context: AppContext, worker: PrintWorker, statuses: list[QueueStatus]
) -> None:
    port = free_port()
    _use_printer(empty_context, network_printer(port))
    job_id = _queue(empty_context, "E01-2569-000123", worker, open_drawer=True)

    assert wait_until(lambda: worker.status.state is QueueState.WAITING)
    assert "เครื่องพิมพ์ปิดอยู่" in worker.status.message
    assert worker.status.pending == 1
    with empty_context.uow_factory() as uow:
        waiting = uow.print_jobs.get(job_id)
    assert waiting is not None and waiting.state is JobState.PENDING
    assert waiting.attempts >= 1 and "127.0.0.1" in waiting.last_error

    with PrinterEmulator(port) as printer:
        worker.wake()
        assert wait_until(lambda: _job_state(empty_context, job_id) is JobState.PRINTED)
        assert wait_until(lambda: worker.status.state is QueueState.IDLE)
    printed = printer.printed_jobs()  # read after the printer is off: every session recorded
    assert len(printed) == 1  # exactly once
    assert printed[0].cuts == 1
    assert [s.state for s in statuses][-1] is QueueState.IDLE


def test_a_connection_dropped_mid_receipt_is_printed_again_whole(
    empty_context: AppContext, worker: PrintWorker
) -> None:
    document = sample_document(line_count=6)
    expected = render_blocks(receipt_blocks(document), 576)
    with PrinterEmulator(0) as printer:
        printer.drop_after_bytes, printer.drops = 20_000, 1
        _use_printer(empty_context, network_printer(printer.port))
        job_id = _queue(empty_context, document.number, worker)
        assert wait_until(lambda: _job_state(empty_context, job_id) is JobState.PRINTED)
    jobs = printer.jobs()
    assert len(jobs) == 2
    cut_off, whole = jobs
    assert not cut_off.complete and cut_off.cuts == 0
    assert whole.complete and whole.cuts == 1
    assert whole.picture().size == (576, expected.height())
    with empty_context.uow_factory() as uow:
        job = uow.print_jobs.get(job_id)
    assert job is not None and job.attempts == 2
    assert "การเชื่อมต่อขาด" in job.last_error


def test_out_of_paper_waits_without_printing_then_prints_when_paper_is_back(
    empty_context: AppContext, worker: PrintWorker
) -> None:
    with PrinterEmulator(0) as printer:
        printer.paper_out = True
        _use_printer(empty_context, network_printer(printer.port))
        job_id = _queue(empty_context, "E01-2569-000123", worker)
        assert wait_until(lambda: "กระดาษหมด" in worker.status.message)
        assert printer.jobs() == []  # only status questions were sent
        printer.paper_out = False
        worker.wake()
        assert wait_until(lambda: _job_state(empty_context, job_id) is JobState.PRINTED)
    assert len(printer.printed_jobs()) == 1


def test_a_reprint_is_marked_as_a_copy_and_never_opens_the_drawer(
    empty_context: AppContext, worker: PrintWorker
) -> None:
    with PrinterEmulator(0) as printer:
        _use_printer(empty_context, network_printer(printer.port, text=True))
        first = _queue(empty_context, "E01-2569-000123", worker, open_drawer=True)
        assert wait_until(lambda: _job_state(empty_context, first) is JobState.PRINTED)
        assert wait_until(lambda: drawer_kicks(printer) == [2])  # after the receipt, on its own
        copy = request_reprint(empty_context.uow_factory, KIND, "E01-2569-000123", SystemClock())
        worker.wake()
        assert copy.job_id is not None
        assert wait_until(lambda: _job_state(empty_context, copy.job_id) is JobState.PRINTED)
    original, reprint = printer.printed_jobs()
    assert original.drawer_kicks == [] and "สำเนา" not in original.text
    assert reprint.drawer_kicks == [] and "สำเนา / COPY" in reprint.text
    assert drawer_kicks(printer) == [2]  # the original's own kick, and none for the copy
    with empty_context.uow_factory() as uow:
        history = uow.print_jobs.for_document(KIND, "E01-2569-000123")
    assert [job.is_copy for job in history] == [False, True]


def test_a_document_that_does_not_exist_fails_and_says_so(
    empty_context: AppContext, worker: PrintWorker
) -> None:
    with PrinterEmulator(0) as printer:
        _use_printer(empty_context, network_printer(printer.port))
        job_id = _queue(empty_context, "NO-SUCH-RECEIPT", worker)
        assert wait_until(lambda: _job_state(empty_context, job_id) is JobState.FAILED)
        assert wait_until(lambda: worker.status.state is QueueState.FAILED)
        assert "NO-SUCH-RECEIPT" in worker.status.message
    assert printer.jobs() == []


def test_no_printer_set_up_keeps_the_job_waiting(empty_context: AppContext) -> None:
    source = StaticDocumentSource()
    worker = PrintWorker(empty_context.uow_factory, source, policy=FAST)
    job_id = _queue(empty_context, "E01-2569-000123", worker)
    assert worker.run_once() is False
    assert _job_state(empty_context, job_id) is JobState.PENDING
    assert "ยังไม่ได้ตั้งค่าเครื่องพิมพ์" in worker.status.message
    with empty_context.uow_factory() as uow:
        assert [job.job_id for job in uow.print_jobs.pending(PrinterRole.RECEIPT)] == [job_id]
