"""What the till says about a document it queued to print: only what is true, as it changes.

Every screen that queues a document (the sale's receipt, a full tax invoice,
a credit note, a copy from the sales history, the Z) used to say "printing"
or "sent to print" whatever the printer did.  Here the words come from the
print queue itself: the document's latest job in the store (pending, printed,
failed), whether a receipt printer is set up, and the print worker's state
(:class:`receipts.queue_status.QueueStatus`: a queue already waiting for the
printer means this job waits too)::

    follow_document(label, probe, "sale", "POS01-00000042", show)

calls ``show`` with a :class:`DocumentPrinting` now and again each time it
changes — "waiting", "printing", then "printed" — until the job is printed,
can never print, or there is no printer (then the document is kept: it prints
once a printer is set up, and the sales history saves it as PDF).  It polls
the store (one indexed read of a few rows, every :data:`POLL_MS`) rather than
listening to the worker's thread: a dialog may close at any time, and a timer
owned by the widget simply dies with it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QWidget

from pos.bootstrap import AppContext
from pos.printing.domain.print_queue import JobState, PrintJob
from pos.printing.domain.printer_settings import ConnectionKind
from pos.printing.services.print_jobs import (
    CREDIT_NOTE_DOCUMENT,
    SALE_DOCUMENT,
    TAX_INVOICE_DOCUMENT,
)
from pos.shifts.services.day_close import Z_DOCUMENT_KIND
from pos.unit_of_work import UnitOfWork
from receipts.queue_status import QueueState, QueueStatus

POLL_MS = 300
MAX_POLLS = 2_000  # ten minutes: the document's state is in the sales history after that


class Printing(enum.StrEnum):
    NO_PRINTER = "no_printer"  # kept in the queue until a printer is set up
    WAITING = "waiting"  # the printer does not answer (off, no paper): the queue retries
    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"  # can never print (the document is unreadable): a person must look


FINAL = frozenset({Printing.NO_PRINTER, Printing.PRINTED, Printing.FAILED})


@dataclass(frozen=True)
class DocumentPrinting:
    state: Printing
    error: str = ""  # the printer's last problem, when waiting or failed


def printing_of(
    jobs: Sequence[PrintJob], printer_set_up: bool, queue: QueueStatus | None
) -> DocumentPrinting:
    """The state of a document's latest job (the one just queued), told as the till says it.

    ``queue`` is None while the print worker has not started: nothing prints yet.
    """
    job = jobs[-1] if jobs else None
    if job is not None and job.state is JobState.PRINTED:
        return DocumentPrinting(Printing.PRINTED)
    if job is not None and job.state is JobState.FAILED:
        return DocumentPrinting(Printing.FAILED, job.last_error)
    if not printer_set_up:
        return DocumentPrinting(Printing.NO_PRINTER)
    return _pending(job, queue)


def _pending(job: PrintJob | None, queue: QueueStatus | None) -> DocumentPrinting:
    """A job still in the queue, with a printer set up: printing, or waiting for the printer."""
    if queue is None:
        return DocumentPrinting(Printing.WAITING)
    if queue.state is QueueState.PRINTING:  # the printer takes the queue in order, this one too
        return DocumentPrinting(Printing.PRINTING)
    error = job.last_error if job is not None else ""
    if error or queue.state is QueueState.WAITING:  # the printer does not answer (yet)
        return DocumentPrinting(Printing.WAITING, error or queue.last_error)
    return DocumentPrinting(Printing.PRINTING)  # idle, or only an older document failed


Probe = Callable[[str, str], DocumentPrinting]


def store_probe(reader: Callable[[], UnitOfWork], queue: Callable[[], QueueStatus | None]) -> Probe:
    """A document's printing read from the store, with the worker's state from ``queue``."""

    def probe(kind: str, reference: str) -> DocumentPrinting:
        with reader() as uow:
            printer = uow.settings.load().receipt_printer
            jobs = uow.print_jobs.for_document(kind, reference)
        return printing_of(jobs, printer.connection is not ConnectionKind.NONE, queue())

    return probe


def service_status(printing: object) -> QueueStatus | None:
    """The print service's status (``AppContext.printing``), None until it runs."""
    status = getattr(printing, "status", None)
    return status if isinstance(status, QueueStatus) else None


def context_probe(context: AppContext) -> Probe:
    """The store's jobs and settings now, and the print service as it runs (it starts late)."""
    return store_probe(context.reader(), lambda: service_status(context.printing))


class PrintFollower(QObject):
    """Tells ``show`` a document's printing now and at each change, until it is final."""

    def __init__(
        self,
        owner: QWidget,
        probe: Probe,
        kind: str,
        reference: str,
        show: Callable[[DocumentPrinting], None],
    ):
        super().__init__(owner)
        self._owner, self._show = owner, show
        self._probe, self._kind, self._reference = probe, kind, reference
        self._polls = 0
        self.last = self._read()
        show(self.last)
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)
        if self.last.state not in FINAL:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _read(self) -> DocumentPrinting:
        return self._probe(self._kind, self._reference)

    def _poll(self) -> None:
        self._polls += 1
        if not self._owner.isVisible() or self._polls > MAX_POLLS:
            self.stop()  # nobody reads it any more (the next sale, the dialog closed)
            return
        now = self._read()
        if now != self.last:
            self.last = now
            self._show(now)
        if now.state in FINAL:
            self.stop()


def follow_document(
    owner: QWidget,
    probe: Probe,
    kind: str,
    reference: str,
    show: Callable[[DocumentPrinting], None],
    *,
    previous: PrintFollower | None = None,
) -> PrintFollower:
    """Start following one document (and stop following ``previous``, if any)."""
    if previous is not None:
        previous.stop()
    return PrintFollower(owner, probe, kind, reference, show)


def printing_sentence(document: str, printing: DocumentPrinting) -> str:
    """One sentence about ``document`` (already translated: "the receipt", "the Z report")."""
    texts = {
        Printing.NO_PRINTER: QCoreApplication.translate(
            "DocumentPrinting",
            "No printer set up: {document} is kept and prints once one is set up.",
        ),
        Printing.WAITING: QCoreApplication.translate(
            "DocumentPrinting", "{document} waits for the printer; it retries by itself."
        ),
        Printing.PRINTING: QCoreApplication.translate("DocumentPrinting", "Printing {document}…"),
        Printing.PRINTED: QCoreApplication.translate("DocumentPrinting", "{document} printed."),
        Printing.FAILED: QCoreApplication.translate(
            "DocumentPrinting", "{document} cannot print; see the sales history."
        ),
    }
    sentence = texts[printing.state].format(document=document)
    if printing.error and printing.state in (Printing.WAITING, Printing.FAILED):
        sentence += f" ({printing.error})"
    return sentence[:1].upper() + sentence[1:]


def where_else(kind: str) -> str:
    """Where a document kept without a printer can be had on paper or as a file."""
    if kind == Z_DOCUMENT_KIND:
        return QCoreApplication.translate(
            "DocumentPrinting", "The manager screen exports the day's report as PDF."
        )
    return QCoreApplication.translate("DocumentPrinting", "The sales history saves it as PDF.")


def document_name(kind: str) -> str:
    """The document a print job prints, as a sentence names it."""
    names = {
        SALE_DOCUMENT: QCoreApplication.translate("DocumentPrinting", "the receipt"),
        TAX_INVOICE_DOCUMENT: QCoreApplication.translate(
            "DocumentPrinting", "the full tax invoice"
        ),
        CREDIT_NOTE_DOCUMENT: QCoreApplication.translate("DocumentPrinting", "the credit note"),
        Z_DOCUMENT_KIND: QCoreApplication.translate("DocumentPrinting", "the Z report"),
    }
    return names.get(kind, QCoreApplication.translate("DocumentPrinting", "the document"))


def severity_of(printing: DocumentPrinting) -> str:
    """How a status line shows it: a document that can never print must be seen."""
    return "warning" if printing.state is Printing.FAILED else "info"


def tell_printing(
    owner: QWidget,
    probe: Probe,
    kind: str,
    reference: str,
    say: Callable[[str, str], None],
    *,
    before: str = "",
    previous: PrintFollower | None = None,
) -> PrintFollower:
    """Follow a document, saying ``before`` and its printing through ``say(text, severity)``."""

    def show(printing: DocumentPrinting) -> None:
        sentence = printing_sentence(document_name(kind), printing)
        if printing.state is Printing.NO_PRINTER:
            sentence += " " + where_else(kind)
        say(f"{before} {sentence}".strip(), severity_of(printing))

    return follow_document(owner, probe, kind, reference, show, previous=previous)
