"""The durable print queue: jobs, their states, the retry policy and the repository port.

A receipt must never be lost, so printing is never done "directly": the sale
(or a reprint, a test print, labels) adds a :class:`PrintJob` to the store —
ideally in the same transaction that makes the sale durable — and a worker
(:mod:`receipts.print_worker`) prints it off the GUI thread.  A job names its
document by ``document_kind`` + ``reference`` (e.g. ``"sale"``, the receipt
number); the worker asks a document source for the document when it prints,
so the queue knows nothing about sales.

States: ``pending`` (waiting, perhaps after failed attempts; ``next_attempt_at``
says when it is due) → ``printed``; or ``failed`` when it can never print (the
document does not exist), or ``cancelled`` by a manager.  A printer that is off,
out of paper, unplugged or drops the connection is never a reason to give up:
the job is retried with growing delays (:class:`RetryPolicy`) until it prints.
A reprint is a new job with ``is_copy`` set; the document then says "สำเนา / COPY".

"Printed" means the printer took the whole job (on a network printer: it closed
its side of the connection after ours, see :mod:`receipts.connections`).  The
cash drawer is not part of the receipt's bytes: a job with ``open_drawer``
has it kicked as its own step once the receipt has printed, at most once, and
``drawer_kicked_at`` records that the kick arrived — however many times the
receipt itself had to be sent (:func:`drawer_kick_due`).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, replace

from pos.ids import PrintJobId


class JobState(enum.StrEnum):
    PENDING = "pending"
    PRINTED = "printed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class PrinterRole(enum.StrEnum):
    RECEIPT = "receipt"
    LABEL = "label"


@dataclass(frozen=True)
class PrintJob:
    """One document to print, as stored in the queue."""

    job_id: PrintJobId | None
    document_kind: str
    reference: str
    created_at: dt.datetime
    next_attempt_at: dt.datetime
    printer: PrinterRole = PrinterRole.RECEIPT
    is_copy: bool = False
    open_drawer: bool = False
    state: JobState = JobState.PENDING
    attempts: int = 0
    last_error: str = ""
    printed_at: dt.datetime | None = None
    drawer_kicked_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        if not self.document_kind.strip() or not self.reference.strip():
            raise ValueError("a print job needs a document kind and a reference")

    def retried(self, error: str, at: dt.datetime, policy: RetryPolicy) -> PrintJob:
        """The job after a failed attempt: still pending, due again after the back-off."""
        attempts = self.attempts + 1
        delay = dt.timedelta(seconds=policy.delay_seconds(attempts))
        return replace(self, attempts=attempts, last_error=error, next_attempt_at=at + delay)

    def printed(self, at: dt.datetime) -> PrintJob:
        return replace(self, state=JobState.PRINTED, attempts=self.attempts + 1, printed_at=at)

    def failed(self, error: str) -> PrintJob:
        return replace(self, state=JobState.FAILED, attempts=self.attempts + 1, last_error=error)

    def cancelled(self) -> PrintJob:
        return replace(self, state=JobState.CANCELLED)

    def drawer_kicked(self, at: dt.datetime) -> PrintJob:
        """The job after its drawer kick reached the printer."""
        return replace(self, drawer_kicked_at=at)

    def drawer_not_kicked(self, error: str) -> PrintJob:
        """The job after its one drawer kick failed (it is not tried again)."""
        return replace(self, last_error=error)


def drawer_kick_due(job: PrintJob, now: dt.datetime, policy: RetryPolicy) -> bool:
    """Whether to kick the drawer for ``job`` now: its receipt has printed, it asks for the
    drawer, has not had its kick, and the sale is recent enough (``drawer_window_seconds``)."""
    if job.state is not JobState.PRINTED or not job.open_drawer or job.is_copy:
        return False
    if job.drawer_kicked_at is not None:
        return False
    return (now - job.created_at).total_seconds() <= policy.drawer_window_seconds


def new_print_job(
    document_kind: str,
    reference: str,
    now: dt.datetime,
    *,
    printer: PrinterRole = PrinterRole.RECEIPT,
    is_copy: bool = False,
    open_drawer: bool = False,
) -> PrintJob:
    """A job that is due at once."""
    return PrintJob(
        job_id=None,
        document_kind=document_kind,
        reference=reference,
        created_at=now,
        next_attempt_at=now,
        printer=printer,
        is_copy=is_copy,
        open_drawer=open_drawer,
    )


@dataclass(frozen=True)
class RetryPolicy:
    """Delays between attempts: doubling from ``first_seconds`` up to ``max_seconds``.

    Delays are floats of seconds (timing, not money).  ``drawer_window_seconds``:
    a cash drawer is only kicked when the receipt prints this soon after the
    sale — a drawer springing open minutes later, when the printer comes back,
    would surprise the cashier and leave cash unattended.
    """

    first_seconds: float = 2.0  # ok-float: a delay in seconds
    max_seconds: float = 60.0  # ok-float: a delay in seconds
    drawer_window_seconds: float = 30.0  # ok-float: a delay in seconds

    def delay_seconds(self, attempts: int) -> float:
        if attempts < 1:
            return 0.0
        doubled: float = self.first_seconds * 2 ** (attempts - 1)  # ok-float: seconds
        return min(self.max_seconds, doubled)
