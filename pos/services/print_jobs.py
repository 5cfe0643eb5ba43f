"""Use cases of the print queue: queue a document, reprint it as a copy, cancel a job.

The sale service calls :func:`queue_document` inside the unit of work that
completes the sale, so the sale and its receipt job commit together: a power
cut can never leave a sale without its receipt waiting to print.
"""

from __future__ import annotations

from collections.abc import Callable

from pos.clock import Clock
from pos.ports import UnitOfWork
from pos.print_queue import JobState, PrinterRole, PrintJob, new_print_job


class PrintJobError(ValueError):
    """A request about a print job that cannot be done; the message says why."""


def queue_document(
    uow: UnitOfWork,
    document_kind: str,
    reference: str,
    clock: Clock,
    *,
    open_drawer: bool = False,
    printer: PrinterRole = PrinterRole.RECEIPT,
) -> PrintJob:
    """Add a job inside the caller's unit of work (the caller commits)."""
    job = new_print_job(
        document_kind, reference, clock.now(), printer=printer, open_drawer=open_drawer
    )
    return uow.print_jobs.add(job)


def request_reprint(
    uow_factory: Callable[[], UnitOfWork], document_kind: str, reference: str, clock: Clock
) -> PrintJob:
    """Queue a copy of a document ("สำเนา"); the drawer is never opened for a copy."""
    with uow_factory() as uow:
        job = uow.print_jobs.add(new_print_job(document_kind, reference, clock.now(), is_copy=True))
        uow.commit()
    return job


def cancel_job(uow_factory: Callable[[], UnitOfWork], job_id: int) -> PrintJob:
    """Take a waiting job out of the queue (a manager's decision; the document stays)."""
    with uow_factory() as uow:
        job = uow.print_jobs.get(job_id)
        if job is None:
            raise PrintJobError(f"there is no print job {job_id}")
        if job.state is not JobState.PENDING:
            raise PrintJobError(f"print job {job_id} is {job.state.value}, not waiting")
        cancelled = job.cancelled()
        uow.print_jobs.save(cancelled)
        uow.commit()
    return cancelled
