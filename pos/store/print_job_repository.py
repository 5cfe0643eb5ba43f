"""The print queue on SQLite: :class:`pos.printing.ports.PrintJobRepository`, for real."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.ids import PrintJobId
from pos.printing.domain.print_queue import JobState, PrinterRole, PrintJob
from pos.store.database import driver_cursor
from pos.store.models import PrintJobRow
from pos.store.times import from_utc_text, to_utc_text

_INSERT_JOB = (
    "INSERT INTO print_job (document_kind, reference, printer, is_copy, open_drawer, state,"
    " attempts, last_error, created_at_utc, next_attempt_at_utc, printed_at_utc,"
    " drawer_kicked_at_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
)


class SqlPrintJobRepository:
    def __init__(self, session: Session):
        self._session = session

    def add(self, job: PrintJob) -> PrintJob:
        # straight to the driver: the receipt's job is queued inside every checkout's
        # transaction, and an ORM insert and flush cost ~1 ms there (issue 4 bench)
        values = (
            job.document_kind,
            job.reference,
            job.printer.value,
            job.is_copy,
            job.open_drawer,
            job.state.value,
            job.attempts,
            job.last_error,
            to_utc_text(job.created_at),
            to_utc_text(job.next_attempt_at),
            _utc_or_none(job.printed_at),
            _utc_or_none(job.drawer_kicked_at),
        )
        (job_id,) = driver_cursor(self._session).execute(_INSERT_JOB, values).fetchone()
        return replace(job, job_id=PrintJobId(int(job_id)))

    def get(self, job_id: PrintJobId) -> PrintJob | None:
        row = self._session.get(PrintJobRow, job_id)
        return _job(row) if row is not None else None

    def save(self, job: PrintJob) -> None:
        if job.job_id is None:
            raise ValueError("save() is for stored jobs; use add() for a new one")
        row = self._session.get(PrintJobRow, job.job_id)
        if row is None:
            raise KeyError(f"there is no print job {job.job_id}")
        _copy_to_row(job, row)
        self._session.flush()

    def next_due(self, printer: PrinterRole, now: dt.datetime) -> PrintJob | None:
        row = self._session.scalars(
            select(PrintJobRow)
            .where(PrintJobRow.state == JobState.PENDING.value)
            .where(PrintJobRow.printer == printer.value)
            .where(PrintJobRow.next_attempt_at_utc <= to_utc_text(now))
            .order_by(PrintJobRow.created_at_utc, PrintJobRow.id)
            .limit(1)
        ).first()
        return _job(row) if row is not None else None

    def pending(self, printer: PrinterRole | None = None) -> list[PrintJob]:
        query = select(PrintJobRow).where(PrintJobRow.state == JobState.PENDING.value)
        if printer is not None:
            query = query.where(PrintJobRow.printer == printer.value)
        rows = self._session.scalars(query.order_by(PrintJobRow.created_at_utc, PrintJobRow.id))
        return [_job(row) for row in rows]

    def for_document(self, document_kind: str, reference: str) -> list[PrintJob]:
        rows = self._session.scalars(
            select(PrintJobRow)
            .where(PrintJobRow.document_kind == document_kind)
            .where(PrintJobRow.reference == reference)
            .order_by(PrintJobRow.created_at_utc, PrintJobRow.id)
        )
        return [_job(row) for row in rows]


def _copy_to_row(job: PrintJob, row: PrintJobRow) -> None:
    row.document_kind = job.document_kind
    row.reference = job.reference
    row.printer = job.printer.value
    row.is_copy = job.is_copy
    row.open_drawer = job.open_drawer
    row.state = job.state.value
    row.attempts = job.attempts
    row.last_error = job.last_error
    row.created_at_utc = to_utc_text(job.created_at)
    row.next_attempt_at_utc = to_utc_text(job.next_attempt_at)
    row.printed_at_utc = _utc_or_none(job.printed_at)
    row.drawer_kicked_at_utc = _utc_or_none(job.drawer_kicked_at)


def _job(row: PrintJobRow) -> PrintJob:
    return PrintJob(
        job_id=PrintJobId(row.id),
        document_kind=row.document_kind,
        reference=row.reference,
        created_at=from_utc_text(row.created_at_utc),
        next_attempt_at=from_utc_text(row.next_attempt_at_utc),
        printer=PrinterRole(row.printer),
        is_copy=row.is_copy,
        open_drawer=row.open_drawer,
        state=JobState(row.state),
        attempts=row.attempts,
        last_error=row.last_error,
        printed_at=_moment_or_none(row.printed_at_utc),
        drawer_kicked_at=_moment_or_none(row.drawer_kicked_at_utc),
    )


def _utc_or_none(moment: dt.datetime | None) -> str | None:
    return to_utc_text(moment) if moment is not None else None


def _moment_or_none(text: str | None) -> dt.datetime | None:
    return from_utc_text(text) if text else None
