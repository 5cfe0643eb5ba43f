"""The print worker: empties the durable print queue on its own thread, retrying until printed.

The till never waits for paper.  A completed sale queues a job
(:func:`pos.printing.services.print_jobs.queue_document`) in the transaction that saves
it; this worker, on a thread of its own, takes the oldest due job, asks a
:class:`DocumentSource` for the document, renders it for the printer's
current settings and sends it whole.  Then:

* printed → the job is marked ``printed`` (committed right after the printer
  confirmed it had the whole job: on a network printer, it closed the
  connection after our end of job, see :mod:`receipts.connections`); then, for
  a cash sale, the drawer is kicked as a step of its own (below);
* printer off, unplugged, out of paper, cover open, connection dropped → the
  job stays ``pending`` and is due again after a growing delay
  (:class:`pos.printing.domain.print_queue.RetryPolicy`); :meth:`PrintWorker.wake` retries at
  once (the cashier pressed "print now", or the settings changed);
* the document cannot be found or drawn → ``failed``, with the reason; it
  will not get better by retrying, and the status line says so.

Every change is reported as a :class:`QueueStatus` through ``on_status`` (from
the worker thread: the GUI forwards it with a queued Qt signal).

Exactly once: a job is marked printed only after the printer confirmed it, so
a job is never lost; the one gap is a crash between the printer's confirmation
and the commit, after which the receipt prints a second time — a duplicate
receipt is better than a missing one.

The drawer opens once per sale.  Its kick is not in the receipt's bytes (a
receipt sent again would open it again); once the receipt is marked printed
the worker sends the kick on its own and records ``drawer_kicked_at`` when it
arrived.  It is tried once: a kick that fails (or a crash before it) leaves the
drawer shut and says so until acknowledged — the cashier opens it with "no
sale", which is audited — rather than have it spring open later.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading
from collections.abc import Callable
from typing import Protocol

from pos.clock import Clock, SystemClock
from pos.printing.domain.print_queue import PrinterRole, PrintJob, RetryPolicy, drawer_kick_due
from pos.printing.domain.printer_settings import ConnectionKind, PrinterSettings
from pos.unit_of_work import UnitOfWork
from receipts.blocks import Block
from receipts.connections import EscposTransport, PrinterError, PrinterTransport
from receipts.document import Document
from receipts.escpos_output import blocks_to_escpos, document_to_escpos, drawer_only
from receipts.qt_runtime import ensure_qt
from receipts.queue_status import QueueState, QueueStatus

__all__ = [
    "BlocksPrintable",
    "DocumentNotFoundError",
    "DocumentSource",
    "PrintWorker",
    "Printable",
    "QueueState",
    "QueueStatus",
]

log = logging.getLogger(__name__)
_IDLE_POLL_SECONDS = 1.0


class DocumentNotFoundError(LookupError):
    """The source has no document of that kind and reference."""


class BlocksPrintable(Protocol):
    """A printable already laid out as blocks (the X/Z reports of receipts.day_report_print)."""

    def as_copy(self, printed_at: dt.datetime | None = None) -> BlocksPrintable: ...

    def receipt_blocks(self) -> list[Block]: ...


Printable = Document | BlocksPrintable


class DocumentSource(Protocol):
    def document(self, kind: str, reference: str) -> Printable:
        """The document to print; raises :class:`DocumentNotFoundError`."""
        ...


class StaticDocumentSource:
    """Documents held in memory by (kind, reference): tests, test prints, previews."""

    def __init__(self, documents: dict[tuple[str, str], Document] | None = None):
        self.documents = dict(documents or {})

    def add(self, kind: str, document: Document) -> None:
        self.documents[(kind, document.number)] = document

    def document(self, kind: str, reference: str) -> Document:
        try:
            return self.documents[(kind, reference)]
        except KeyError:
            raise DocumentNotFoundError(f"no {kind} document {reference}") from None


@dataclasses.dataclass(frozen=True)
class PrinterLink:
    """Which printer a worker prints on (its role's settings) and how it reaches it."""

    role: PrinterRole = PrinterRole.RECEIPT
    transport_factory: Callable[[PrinterSettings], PrinterTransport] = EscposTransport


class PrintWorker:
    """Prints the queued jobs of one printer role, off the GUI thread."""

    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        source: DocumentSource,
        *,
        printer: PrinterLink | None = None,
        clock: Clock | None = None,
        policy: RetryPolicy | None = None,
        on_status: Callable[[QueueStatus], None] | None = None,
        read_uow_factory: Callable[[], UnitOfWork] | None = None,
    ):
        ensure_qt()  # here, on the caller's (main) thread: rendering needs a QGuiApplication
        self._uow_factory = uow_factory
        # looking for work (every second when idle) never takes the store's write lock
        self._read = read_uow_factory or uow_factory
        self._source = source
        printer = printer or PrinterLink()
        self._role = printer.role
        self._transport_factory = printer.transport_factory
        self._clock = clock or SystemClock()
        self.policy = policy or RetryPolicy()
        self._on_status = on_status
        self._wake = threading.Event()
        self._retry_now = threading.Event()  # wake(): make the waiting jobs due, on the thread
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.status = QueueStatus(QueueState.IDLE, 0, "เครื่องพิมพ์พร้อม")
        self._failures: list[str] = []  # shown until acknowledged: a person must look
        self._set_up = True  # whether a printer was chosen, as of the last look at the settings

    def acknowledge_failures(self) -> None:
        """The cashier or manager has seen the failed jobs; stop showing them."""
        self._failures.clear()
        self._wake.set()

    # --- running ------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="print-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:  # ok-float: seconds
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wake(self) -> None:
        """Try the waiting jobs now (a new job, a "print now", changed settings).

        Safe to call from any thread, and it never waits: the worker's own thread
        makes the waiting jobs due (a write to the store) and prints them.
        """
        self._retry_now.set()
        self._wake.set()

    def _make_waiting_jobs_due(self) -> None:
        with self._uow_factory() as uow:
            now = self._clock.now()
            for job in uow.print_jobs.pending(self._role):
                if job.next_attempt_at > now:
                    uow.print_jobs.save(_due_now(job, now))
            uow.commit()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if self._retry_now.is_set():
                    self._retry_now.clear()
                    self._make_waiting_jobs_due()
                worked = self.run_once()
            except Exception:  # the worker must outlive any bug in one job
                log.exception("print worker: unexpected error")
                worked = False
            if not worked:
                self._wake.wait(self._seconds_until_next_due())
                self._wake.clear()

    def _seconds_until_next_due(self) -> float:
        with self._read() as uow:
            pending = uow.print_jobs.pending(self._role)
        if not pending:
            return _IDLE_POLL_SECONDS  # a job queued without wake() is still found soon
        soonest = min(job.next_attempt_at for job in pending)
        left = (soonest - self._clock.now()).total_seconds()
        return min(_IDLE_POLL_SECONDS, max(0.01, left))

    # --- one job ------------------------------------------------------------------------
    def run_once(self) -> bool:
        """Attempt the next due job; False when there was none (or no printer is set up)."""
        with self._read() as uow:
            settings = _printer_settings(uow, self._role)
            job = uow.print_jobs.next_due(self._role, self._clock.now())
            waiting = uow.print_jobs.pending(self._role)
        pending = len(waiting)
        self._set_up = settings.connection is not ConnectionKind.NONE
        if job is None:
            self._report_idle(waiting)
            return False
        if settings.connection is ConnectionKind.NONE:
            self._report(QueueState.WAITING, pending, f"ยังไม่ได้ตั้งค่าเครื่องพิมพ์ — รอพิมพ์ {pending} ใบ")
            return False
        try:
            data = self._render(job, settings)
        except Exception as error:
            self._finish(job.failed(f"{type(error).__name__}: {error}"))
            self._failures.append(f"พิมพ์เอกสาร {job.reference} ไม่ได้: {error}")
            self._report(QueueState.FAILED, pending - 1, self._failures[-1])
            return True
        self._report(QueueState.PRINTING, pending, f"กำลังพิมพ์ {job.reference}")
        try:
            self._transport_factory(settings).send_job(data)
        except PrinterError as error:
            retried = job.retried(str(error), self._clock.now(), self.policy)
            self._finish(retried)
            message = f"{error} — รอพิมพ์ {pending} ใบ จะลองใหม่อัตโนมัติ"
            self._report(QueueState.WAITING, pending, message, str(error))
            return True
        self._arrived(job, settings, waiting)
        return True

    def _arrived(self, job: PrintJob, settings: PrinterSettings, waiting: list[PrintJob]) -> None:
        """The printer took the whole job: printed, then (a cash sale) the drawer's own kick."""
        printed = job.printed(self._clock.now())
        self._finish(printed)
        self._kick_drawer(printed, settings)
        self._report_idle([other for other in waiting if other.job_id != job.job_id])

    def _render(self, job: PrintJob, settings: PrinterSettings) -> bytes:
        document = self._source.document(job.document_kind, job.reference)
        if job.is_copy:
            document = document.as_copy(self._clock.now())
        if isinstance(document, Document):  # never with the drawer kick: see _kick_drawer
            return document_to_escpos(document, settings)
        return blocks_to_escpos(document.receipt_blocks(), settings)

    def _kick_drawer(self, job: PrintJob, settings: PrinterSettings) -> None:
        """Open the drawer of a sale whose receipt has just arrived, once (module docstring)."""
        if not settings.drawer_pin or not drawer_kick_due(job, self._clock.now(), self.policy):
            return
        try:
            self._transport_factory(settings).send_job(drawer_only(settings))
        except PrinterError as error:
            message = f"ลิ้นชักไม่เปิด ({job.reference}): {error} — เปิดจากเมนู 'เปิดลิ้นชัก' (Ctrl+D)"
            self._finish(job.drawer_not_kicked(message))
            self._failures.append(message)
            return
        self._finish(job.drawer_kicked(self._clock.now()))

    def _finish(self, job: PrintJob) -> None:
        with self._uow_factory() as uow:
            uow.print_jobs.save(job)
            uow.commit()

    def _report_idle(self, waiting: list[PrintJob]) -> None:
        """Between attempts: the last problem (if any) and how many receipts wait."""
        if not self._set_up:  # never "ready" without a printer: say what is missing
            message = "ยังไม่ได้ตั้งค่าเครื่องพิมพ์"
            if waiting:
                message = f"{message} — รอพิมพ์ {len(waiting)} ใบ"
            state = QueueState.WAITING if waiting else QueueState.IDLE
            self._report(state, len(waiting), message)
            return
        if not waiting:
            if self._failures:
                self._report(QueueState.FAILED, 0, self._failures[-1])
            else:
                self._report(QueueState.IDLE, 0, "เครื่องพิมพ์พร้อม")
            return
        error = waiting[0].last_error
        message = f"รอพิมพ์ {len(waiting)} ใบ"
        if error:
            message = f"{error} — {message} จะลองใหม่อัตโนมัติ"
        self._report(QueueState.WAITING, len(waiting), message, error)

    def _report(self, state: QueueState, pending: int, message: str, error: str = "") -> None:
        status = QueueStatus(state, max(0, pending), message, error, self._set_up)
        changed = status != self.status
        self.status = status
        if changed and self._on_status is not None:
            self._on_status(status)


def _printer_settings(uow: UnitOfWork, role: PrinterRole) -> PrinterSettings:
    settings = uow.settings.load()
    return settings.label_printer if role is PrinterRole.LABEL else settings.receipt_printer


def _due_now(job: PrintJob, now: dt.datetime) -> PrintJob:
    return dataclasses.replace(job, next_attempt_at=now)
