"""The counter's receipt printing, running: the print worker with the sale documents, and its seam.

``pos/`` may not import ``receipts/``, so the printing adapter is wired here
rather than in :mod:`pos.bootstrap`; the counter app calls, once::

    printing = start_printing(context)     # worker thread started, context.printing set
    ...
    printing.stop()                        # at exit (a job being sent is finished first)

The seam for everyone else is one call, safe from any thread and never
blocking, made after the transaction that queued a job has committed
(a sale, a credit note, a tax invoice, a reprint)::

    context.wake_printer()                 # = context.printing.wake(), if printing runs

Without it the worker still finds the job within a second; with it the
receipt starts printing at once.  The printer itself comes from the settings
each time a job prints (``Settings.receipt_printer``: USB, network, serial,
file, or none — then receipts wait, and the status line says so), so a
change in the printer settings dialog needs no restart, only a ``wake()``.

Status changes reach ``subscribe``\\ d callbacks on the worker's thread (the
GUI forwards them with :class:`ui.print_status.PrintStatusBridge`).  The
same worker prints the Z report queued when a day closes (its source is
always wired here); other kinds of document can be given in
``extra_sources`` (kind → source).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

from pos.bootstrap import AppContext
from pos.clock import Clock
from pos.printing.domain.print_queue import RetryPolicy
from pos.printing.domain.printer_settings import PrinterSettings
from pos.shifts.services.day_close import Z_DOCUMENT_KIND
from pos.unit_of_work import UnitOfWork
from receipts.connections import EscposTransport, PrinterError, PrinterTransport
from receipts.day_report_print import ZReportSource
from receipts.document_source import SaleDocumentSource
from receipts.escpos_output import drawer_kick
from receipts.print_worker import DocumentSource, Printable, PrinterLink, PrintWorker, QueueStatus

StatusListener = Callable[[QueueStatus], None]


class _Sources:
    """Sale documents, and any other kinds by their own sources."""

    def __init__(self, sales: SaleDocumentSource, others: Mapping[str, DocumentSource]):
        self._sales, self._others = sales, dict(others)

    def document(self, kind: str, reference: str) -> Printable:
        return self._others.get(kind, self._sales).document(kind, reference)


class PrintService:
    """The receipt printer's worker thread, its status, and the calls the till makes."""

    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        *,
        clock: Clock | None = None,
        transport_factory: Callable[[PrinterSettings], PrinterTransport] = EscposTransport,
        policy: RetryPolicy | None = None,
        extra_sources: Mapping[str, DocumentSource] | None = None,
        read_uow_factory: Callable[[], UnitOfWork] | None = None,
    ):
        reader = read_uow_factory or uow_factory
        self._reader, self._transport_factory = reader, transport_factory
        self.documents = SaleDocumentSource(reader)
        self._listeners: list[StatusListener] = []
        self.worker = PrintWorker(
            uow_factory,
            _Sources(
                self.documents,
                {Z_DOCUMENT_KIND: ZReportSource(reader, clock), **(extra_sources or {})},
            ),
            printer=PrinterLink(transport_factory=transport_factory),
            clock=clock,
            policy=policy,
            on_status=self._tell,
            read_uow_factory=reader,
        )

    def subscribe(self, listener: StatusListener) -> None:
        """Call ``listener`` with every new status (from the worker's thread)."""
        self._listeners.append(listener)

    def _tell(self, status: QueueStatus) -> None:
        for listener in list(self._listeners):
            listener(status)

    @property
    def status(self) -> QueueStatus:
        return self.worker.status

    def start(self) -> None:
        self.worker.start()

    def stop(self) -> None:
        self.worker.stop()

    def wake(self) -> None:
        """Print what is waiting now; returns at once (see the module docstring)."""
        self.worker.wake()

    def kick_drawer(self, on_error: Callable[[str], None] | None = None) -> threading.Thread:
        """Open the cash drawer on the receipt printer ("no sale", already audited), off the
        caller's thread; if the printer cannot be reached ``on_error`` gets the reason."""
        thread = threading.Thread(
            target=self._kick, args=(on_error,), name="drawer-kick", daemon=True
        )
        thread.start()
        return thread

    def _kick(self, on_error: Callable[[str], None] | None) -> None:
        with self._reader() as uow:
            printer = uow.settings.load().receipt_printer
        try:
            if not printer.drawer_pin:
                raise PrinterError("ไม่มีลิ้นชักเก็บเงินต่อกับเครื่องพิมพ์ (drawer pin 0)")
            self._transport_factory(printer).send_job(drawer_kick(printer.drawer_pin))
        except PrinterError as error:
            if on_error is not None:
                on_error(str(error))

    def acknowledge_failures(self) -> None:
        """Someone has seen the jobs that can never print; the status line stops showing them."""
        self.worker.acknowledge_failures()


def start_printing(context: AppContext, **options: Any) -> PrintService:
    """Start the receipt printer's worker on ``context`` and make it the context's printer."""
    options.setdefault("read_uow_factory", context.read_uow_factory)
    service = PrintService(context.uow_factory, **options)
    service.start()
    context.printing = service
    return service
