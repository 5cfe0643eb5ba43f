"""The nightly sync: send what the counter owns, take back what the head office owns.

:func:`synchronise` runs one sync (docs/SYNC.md, "What the counter must do"):

1. records from before the outbox are queued first (:mod:`pos.sync.services.backfill`);
2. **upload**: the oldest batch assigned but never acknowledged is sent again as
   it is (same batch id, same records, same order); otherwise up to
   ``batch_size`` waiting records are assigned to a new batch id and that is
   *committed before* the batch is sent.  On the answer, in one transaction,
   accepted and duplicate records are marked sent with the server's receipt
   time and rejected ones are set aside with the reason and field (never
   dropped, never retried on their own: a manager looks at them), except a
   resendable reason (``server_fault``): that record waits for the next run.  A timeout, a dropped
   connection or a server error: the same batch again after a back-off
   (:class:`pos.sync.domain.protocol.RetryPolicy`); when the budget is spent the run gives up,
   losing nothing — the next run starts with that batch.  Batches left
   unanswered by an earlier run and the run's first new batch go one at a
   time; after that up to ``in_flight`` new batches are on their way at once
   (each stored before it is sent, each answer marked as it comes, in order).
   The first failure stops new batches: the others on their way are answered
   or left open, and the next run sends the open ones again, oldest first;
3. **download**: catalogue, price, producer and user changes after the stored
   cursor; each page is checked whole, then applied together with its new
   cursor in one transaction (a crash re-downloads the page).

Conflict rules: the head office owns the catalogue — its state overwrites the
counter's by natural key; the counter owns its sales — they were frozen into
the outbox when made, and a later price never reaches a stored sale.

The run's start is committed first (a run killed midway shows as interrupted);
``SyncTuning.deadline_seconds`` ends the whole run by then, back-offs included.

Transactions on the store are short (one batch's rows, one page) and reads go
through ``reader`` (no write lock), so the till keeps selling while this runs.
A 401 stops everything (:attr:`SyncOutcome.TOKEN`); a batch refused whole
stops the upload (:attr:`SyncOutcome.ATTENTION`).
"""

from __future__ import annotations

import datetime as dt
import enum
import random
import threading
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from pos.catalogue.domain.hq_changes import CatalogueChangeError, parse_change
from pos.clock import Clock
from pos.ids import SyncBatchId
from pos.sync.domain.protocol import (
    DEFAULT_IN_FLIGHT,
    BatchRefusedError,
    HeadOfficeError,
    OpenBatch,
    QueuedRecord,
    RetryPolicy,
    TokenRefusedError,
    UnreachableError,
)
from pos.sync.ports import HeadOffice, SyncUnitOfWork
from pos.sync.services.backfill import backfill
from pos.sync.wire import DEFAULT_BATCH_SIZE, DEFAULT_CHANGES_PAGE, Acknowledgement, ChangePage
from pos.testhooks import pause_point

Wait = Callable[[float], bool]  # sleep up to N seconds; True when asked to stop meanwhile


class SyncOutcome(enum.StrEnum):
    DONE = "done"  # everything waiting was sent, the catalogue is up to date
    ATTENTION = "attention"  # finished, but records were set aside or something was refused
    UNREACHABLE = "unreachable"  # gave up for now; nothing lost, the next run resumes
    TOKEN = "token"  # the head office refused the token
    STOPPED = "stopped"  # asked to stop (the app closing)


class SyncNotConfiguredError(ValueError):
    """No head-office address or no token: say how to set them."""


class SyncBusyError(RuntimeError):
    """Another sync of this store is running."""


class _StoppedError(Exception):
    pass


class _GaveUpError(Exception):
    pass


@dataclass
class SyncReport:
    outcome: SyncOutcome = SyncOutcome.DONE
    sent: Counter[str] = field(default_factory=Counter)  # stored at HQ by this run, by kind
    duplicates: int = 0  # of those, already there (a batch resent after a lost answer)
    rejected: int = 0  # set aside by this run
    batches: int = 0
    retries: int = 0
    backfilled: int = 0
    changes: int = 0
    cursor: int = 0
    waiting: int = 0  # still waiting after the run
    set_aside: int = 0  # all records set aside, this run or earlier
    seconds: float = 0.0
    problem: str = ""

    @property
    def succeeded(self) -> bool:
        return self.outcome in (SyncOutcome.DONE, SyncOutcome.ATTENTION) and self.waiting == 0

    def summary(self) -> str:
        sent = sum(self.sent.values())
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(self.sent.items()))
        text = (
            f"sync {self.outcome.value}: sent {sent} record(s)"
            f"{f' ({kinds})' if kinds else ''} in {self.batches} batch(es)"
        )
        if self.duplicates:
            text += f", {self.duplicates} already at the head office"
        text += f"; {self.waiting} waiting, {self.set_aside} set aside"
        text += f"; {self.changes} catalogue change(s) applied (cursor {self.cursor})"
        text += f"; {self.seconds:.1f} s"
        return text + (f" — {self.problem}" if self.problem else "")


@dataclass
class _Run:
    uow_factory: Callable[[], SyncUnitOfWork]
    reader: Callable[[], SyncUnitOfWork]
    head_office: HeadOffice
    clock: Clock
    policy: RetryPolicy
    wait: Wait
    terminal: str
    report: SyncReport
    rng: random.Random
    deadline: float | None = None  # time.monotonic() by which the whole run ends
    lock: threading.Lock = field(default_factory=threading.Lock)  # the report, across senders

    def now(self) -> dt.datetime:
        return self.clock.now()

    def pause(self, delay: float, error: str) -> None:
        """Back off before a retry, never past the run's deadline (then give up)."""
        if self.deadline is not None:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise _GaveUpError(f"{error}; the run's time is up")
            delay = min(delay, left)
        if self.wait(delay):
            raise _StoppedError


@dataclass(frozen=True)
class SyncTuning:
    """How a run paces itself; the defaults are the counter's, tests and benchmarks tune them."""

    policy: RetryPolicy | None = None  # None: RetryPolicy()
    wait: Wait | None = None  # None: time.sleep, never asked to stop
    batch_size: int = DEFAULT_BATCH_SIZE
    page_size: int = DEFAULT_CHANGES_PAGE
    in_flight: int = DEFAULT_IN_FLIGHT
    rng: random.Random | None = None  # the back-off's jitter
    # An overall deadline for the run (``sync --give-up-after``), backing-off included; the
    # head office's adapter bounds each request by what is left (bootstrap.sync_now).
    deadline_seconds: float | None = None


def synchronise(
    uow_factory: Callable[[], SyncUnitOfWork],
    reader: Callable[[], SyncUnitOfWork],
    head_office: HeadOffice,
    clock: Clock,
    tuning: SyncTuning | None = None,
) -> SyncReport:
    """One sync run (see the module docstring); the report says how it went."""
    tuning = tuning or SyncTuning()
    started = time.monotonic()
    with uow_factory() as uow:
        terminal = uow.settings.load().terminal_id
        uow.outbox.note_run_started(clock.now())  # durable: a kill -9 leaves it "interrupted"
        uow.commit()
    report = SyncReport()
    run = _Run(
        uow_factory,
        reader,
        head_office,
        clock,
        tuning.policy or RetryPolicy(),
        tuning.wait or _sleep,
        terminal,
        report,
        tuning.rng or random.Random(),
        None if tuning.deadline_seconds is None else started + tuning.deadline_seconds,
    )
    try:
        report.backfilled = backfill(uow_factory, reader)
        _upload(run, tuning.batch_size, tuning.in_flight)
        _download(run, tuning.page_size)
    except _StoppedError:
        report.outcome = SyncOutcome.STOPPED
    except _GaveUpError as error:
        report.outcome, report.problem = SyncOutcome.UNREACHABLE, str(error)
    except TokenRefusedError as error:
        report.outcome, report.problem = SyncOutcome.TOKEN, str(error)
    except (BatchRefusedError, CatalogueChangeError) as error:
        report.outcome, report.problem = SyncOutcome.ATTENTION, str(error)
    _note_what_is_left(reader, report)
    report.seconds = time.monotonic() - started
    with uow_factory() as uow:
        uow.outbox.note_run(
            run.now(), report.outcome.value, report.summary(), success=report.succeeded
        )
        uow.commit()
    return report


def _note_what_is_left(reader: Callable[[], SyncUnitOfWork], report: SyncReport) -> None:
    """What still waits after the run; records set aside need a person, even on success."""
    with reader() as uow:
        waiting = uow.outbox.waiting()
        report.cursor = uow.outbox.state().catalogue_cursor
    report.waiting, report.set_aside = waiting.total, waiting.rejected
    if report.outcome is SyncOutcome.DONE and report.set_aside:
        report.outcome = SyncOutcome.ATTENTION
        report.problem = f"{report.set_aside} record(s) refused by the head office: see sync status"


def _sleep(seconds: float) -> bool:
    time.sleep(seconds)
    return False


# --- upload --------------------------------------------------------------------------------
Pending = tuple[OpenBatch, list[QueuedRecord], "Future[Acknowledgement]"]


def _upload(run: _Run, batch_size: int, in_flight: int) -> None:
    """Open batches one at a time, oldest first, then the first new one; then the rest with
    up to ``in_flight`` on their way at once."""
    while True:
        batch = _next_batch(run, batch_size)
        if batch is None:
            return
        records = _records(run, batch)
        _mark_answered(run, records, _deliver(run, batch, records))
        if in_flight > 1 and _nothing_open(run):  # the line works; no older batch waits
            return _upload_pipelined(run, batch_size, in_flight)


def _nothing_open(run: _Run) -> bool:
    with run.reader() as uow:
        return uow.outbox.open_batch() is None


def _upload_pipelined(run: _Run, batch_size: int, in_flight: int) -> None:
    pending: deque[Pending] = deque()
    with ThreadPoolExecutor(in_flight, thread_name_prefix="sync-upload") as senders:
        try:
            while True:
                while len(pending) < in_flight and (batch := _new_batch(run, batch_size)):
                    records = _records(run, batch)
                    pending.append((batch, records, senders.submit(_deliver, run, batch, records)))
                if not pending:
                    return
                _, records, answer = pending.popleft()
                _mark_answered(run, records, answer.result())
        finally:
            _settle(run, pending)


def _settle(run: _Run, pending: deque[Pending]) -> None:
    """After a failure: wait for the batches still on their way; mark those answered.  The
    others stay open and go first next run; the first failure is the one reported."""
    for _, records, answer in pending:
        try:
            _mark_answered(run, records, answer.result())
        except Exception:  # already told: the first failure is the run's outcome
            continue


def _records(run: _Run, batch: OpenBatch) -> list[QueuedRecord]:
    with run.reader() as uow:
        records = uow.outbox.batch_records(batch.batch_id)
    pause_point("sync-batch-stored")  # crash tests: the batch id is stored, nothing sent
    return records


def _mark_answered(run: _Run, records: list[QueuedRecord], ack: Acknowledgement) -> None:
    pause_point("sync-answered")  # crash tests: the head office has it, not yet marked
    with run.uow_factory() as uow:
        uow.outbox.acknowledge(ack, run.now())
        uow.commit()
    _tally(run.report, ack, records)


def _next_batch(run: _Run, batch_size: int) -> OpenBatch | None:
    """The batch to send: one sent before without an answer, else a new one, stored first."""
    with run.uow_factory() as uow:
        batch = uow.outbox.open_batch()
        if batch is None:
            batch_id = SyncBatchId(uuid.uuid4())
            if uow.outbox.assign_batch(batch_id, batch_size, run.now()) == 0:
                return None
            uow.commit()  # the batch id is stored before anything is sent
            batch = uow.outbox.open_batch()
    return batch


def _new_batch(run: _Run, batch_size: int) -> OpenBatch | None:
    """A new batch of waiting records, stored before it is sent; ``None`` when none wait."""
    batch_id = SyncBatchId(uuid.uuid4())
    with run.uow_factory() as uow:
        count = uow.outbox.assign_batch(batch_id, batch_size, run.now())
        if count == 0:
            return None
        uow.commit()
    return OpenBatch(batch_id, count, attempts=0, last_error="")


def _deliver(run: _Run, batch: OpenBatch, records: list[QueuedRecord]) -> Acknowledgement:
    """Send the batch until the head office answers it, backing off between attempts."""
    delays = run.policy.delays(run.rng)
    record_ids = [record.record_id for record in records]
    while True:
        try:
            ack = run.head_office.send_batch(batch.batch_id, run.terminal, records)
            if not ack.covers(batch.batch_id, record_ids):  # do not trust it: send again
                raise UnreachableError(
                    f"the head office's answer to batch {batch.batch_id} does not list its "
                    "records; the batch stays queued and is sent again"
                )
            return ack
        except UnreachableError as error:
            _note_attempt(run, batch, str(error))
            delay = next(delays, None)
            if delay is None:
                raise _GaveUpError(
                    f"{error}; gave up for now, batch {batch.batch_id} stays queued"
                ) from None
            with run.lock:
                run.report.retries += 1
            run.pause(delay, f"{error}; gave up for now, batch {batch.batch_id} stays queued")
        except HeadOfficeError as error:  # 401, or the batch refused whole: a person decides
            _note_attempt(run, batch, str(error))
            raise


def _note_attempt(run: _Run, batch: OpenBatch, error: str) -> None:
    with run.uow_factory() as uow:
        uow.outbox.note_attempt(batch.batch_id, run.now(), error)
        uow.commit()


def _tally(report: SyncReport, ack: Acknowledgement, records: list[QueuedRecord]) -> None:
    """Called on the run's own thread only (answers are marked there, in order)."""
    kinds = {record.record_id: record.kind for record in records}
    for record_id in (*ack.accepted, *ack.duplicates):
        report.sent[kinds[str(record_id)]] += 1
    report.duplicates += len(ack.duplicates)
    report.rejected += len(ack.rejected)
    report.batches += 1


# --- download ------------------------------------------------------------------------------
def _download(run: _Run, page_size: int) -> None:
    with run.reader() as uow:
        cursor = uow.outbox.state().catalogue_cursor
    while True:
        page = _fetch(run, cursor, page_size)
        parsed = [parse_change(change) for change in page.changes]  # all checked, or none
        with run.uow_factory() as uow:
            stored = uow.outbox.state().catalogue_cursor
            if stored != cursor:  # another sync moved it meanwhile: follow it, apply nothing
                cursor = stored
                continue
            uow.catalogue_feed.apply(parsed)
            uow.outbox.set_cursor(page.next_cursor)
            uow.commit()
        run.report.changes += len(parsed)
        cursor = page.next_cursor
        if not page.has_more:
            return


def _fetch(run: _Run, cursor: int, page_size: int) -> ChangePage:
    delays = run.policy.delays(run.rng)
    while True:
        try:
            return run.head_office.changes(cursor, page_size)
        except UnreachableError as error:
            delay = next(delays, None)
            if delay is None:
                raise _GaveUpError(f"{error}; the catalogue is updated at the next run") from None
            run.report.retries += 1
            run.pause(delay, f"{error}; the catalogue is updated at the next run")
