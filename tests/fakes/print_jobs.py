"""The in-memory fake of :class:`pos.printing.ports.PrintJobRepository`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from pos.printing.domain.print_queue import JobState, PrinterRole, PrintJob


class FakePrintJobRepository:
    """In-memory :class:`PrintJobRepository` with the same ordering rules as the real one."""

    def __init__(self, jobs: list[PrintJob] | None = None):
        self.jobs: list[PrintJob] = jobs if jobs is not None else []

    def add(self, job: PrintJob) -> PrintJob:
        stored = replace(job, job_id=len(self.jobs) + 1)
        self.jobs.append(stored)
        return stored

    def get(self, job_id: int) -> PrintJob | None:
        return next((job for job in self.jobs if job.job_id == job_id), None)

    def save(self, job: PrintJob) -> None:
        index = next(i for i, stored in enumerate(self.jobs) if stored.job_id == job.job_id)
        self.jobs[index] = job

    def next_due(self, printer: PrinterRole, now: dt.datetime) -> PrintJob | None:
        due = [job for job in self.pending(printer) if job.next_attempt_at <= now]
        return due[0] if due else None

    def pending(self, printer: PrinterRole | None = None) -> list[PrintJob]:
        return _oldest_first(
            job
            for job in self.jobs
            if job.state is JobState.PENDING and (printer is None or job.printer is printer)
        )

    def for_document(self, document_kind: str, reference: str) -> list[PrintJob]:
        return _oldest_first(
            job
            for job in self.jobs
            if job.document_kind == document_kind and job.reference == reference
        )


def _oldest_first(jobs: Iterable[PrintJob]) -> list[PrintJob]:
    return sorted(jobs, key=lambda job: (job.created_at, job.job_id or 0))
