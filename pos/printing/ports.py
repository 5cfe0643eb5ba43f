"""The ports of printing: the durable print-job repository and the printer's wake-up call."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from pos.ids import PrintJobId
from pos.printing.domain.print_queue import PrinterRole, PrintJob


class PrintJobRepository(Protocol):
    def add(self, job: PrintJob) -> PrintJob:
        """Store a new job and return it with its id."""
        ...

    def get(self, job_id: PrintJobId) -> PrintJob | None: ...

    def save(self, job: PrintJob) -> None:
        """Store the new state of an existing job."""
        ...

    def next_due(self, printer: PrinterRole, now: dt.datetime) -> PrintJob | None:
        """The oldest pending job for ``printer`` whose ``next_attempt_at`` is not after ``now``."""
        ...

    def pending(self, printer: PrinterRole | None = None) -> list[PrintJob]:
        """Pending jobs (for one printer or all), oldest first."""
        ...

    def for_document(self, document_kind: str, reference: str) -> list[PrintJob]:
        """Every job ever queued for a document (original and copies), oldest first."""
        ...


class PrintWaker(Protocol):
    """What the till tells the printing side after committing a sale, credit note or reprint.

    ``wake()`` must return at once and be safe from any thread (the print
    worker, :class:`receipts.print_service.PrintService`, does the work on its own thread).
    """

    def wake(self) -> None: ...
