"""The print-job repository: SQLite and the in-memory fake answer the same way."""

from __future__ import annotations

import datetime as dt

import pytest

from pos.clock import THAI_TIME
from pos.printing.domain.print_queue import JobState, PrinterRole, RetryPolicy, new_print_job
from pos.printing.services.print_jobs import PrintJobError, cancel_job
from tests.contracts.conftest import UowFactory

T0 = dt.datetime(2026, 11, 24, 9, 0, tzinfo=THAI_TIME)


def test_jobs_come_due_oldest_first_per_printer(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        first = uow.print_jobs.add(new_print_job("sale", "A-1", T0))
        uow.print_jobs.add(new_print_job("label", "SKU-1", T0, printer=PrinterRole.LABEL))
        later = uow.print_jobs.add(new_print_job("sale", "A-2", T0 + dt.timedelta(seconds=1)))
        uow.commit()
    with uow_factory() as uow:
        due = uow.print_jobs.next_due(PrinterRole.RECEIPT, T0 + dt.timedelta(seconds=5))
        assert due == first
        retried = first.retried("กระดาษหมด", T0, RetryPolicy(first_seconds=10))
        uow.print_jobs.save(retried)
        uow.commit()
    with uow_factory() as uow:
        assert uow.print_jobs.next_due(PrinterRole.RECEIPT, T0 + dt.timedelta(seconds=5)) == later
        assert uow.print_jobs.next_due(PrinterRole.RECEIPT, T0 - dt.timedelta(seconds=1)) is None
        stored = uow.print_jobs.get(retried.job_id or 0)
        assert stored is not None
        assert stored.attempts == 1 and stored.last_error == "กระดาษหมด"
        assert stored.next_attempt_at == T0 + dt.timedelta(seconds=10)
        assert [j.reference for j in uow.print_jobs.pending(PrinterRole.RECEIPT)] == ["A-1", "A-2"]
        assert len(uow.print_jobs.pending()) == 3


def test_a_document_keeps_its_whole_print_history(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        original = uow.print_jobs.add(new_print_job("sale", "A-1", T0, open_drawer=True))
        uow.print_jobs.save(original.printed(T0 + dt.timedelta(seconds=2)))
        uow.print_jobs.add(new_print_job("sale", "A-1", T0 + dt.timedelta(hours=1), is_copy=True))
        uow.commit()
    with uow_factory() as uow:
        history = uow.print_jobs.for_document("sale", "A-1")
    assert [(j.is_copy, j.state) for j in history] == [
        (False, JobState.PRINTED),
        (True, JobState.PENDING),
    ]
    assert history[0].printed_at == T0 + dt.timedelta(seconds=2) and history[0].open_drawer
    assert history[0].drawer_kicked_at is None


def test_the_drawer_kick_is_kept_with_its_job(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        job = uow.print_jobs.add(new_print_job("sale", "A-1", T0, open_drawer=True))
        printed = job.printed(T0 + dt.timedelta(seconds=2))
        uow.print_jobs.save(printed.drawer_kicked(T0 + dt.timedelta(seconds=3)))
        missed = uow.print_jobs.add(new_print_job("sale", "A-2", T0, open_drawer=True))
        uow.print_jobs.save(missed.printed(T0).drawer_not_kicked("ลิ้นชักไม่เปิด"))
        uow.commit()
    with uow_factory() as uow:
        (kicked,) = uow.print_jobs.for_document("sale", "A-1")
        (not_kicked,) = uow.print_jobs.for_document("sale", "A-2")
    assert kicked.drawer_kicked_at == T0 + dt.timedelta(seconds=3)
    assert kicked.printed_at == T0 + dt.timedelta(seconds=2)
    assert not_kicked.drawer_kicked_at is None and not_kicked.last_error == "ลิ้นชักไม่เปิด"


def test_only_a_waiting_job_can_be_cancelled(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        job = uow.print_jobs.add(new_print_job("sale", "A-1", T0))
        uow.commit()
    assert job.job_id is not None
    assert cancel_job(uow_factory, job.job_id).state is JobState.CANCELLED
    with pytest.raises(PrintJobError, match="cancelled, not waiting"):
        cancel_job(uow_factory, job.job_id)
    with pytest.raises(PrintJobError, match="no print job 999"):
        cancel_job(uow_factory, 999)


def test_an_uncommitted_job_is_not_kept(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        uow.print_jobs.add(new_print_job("sale", "A-1", T0))
    with uow_factory() as uow:
        assert uow.print_jobs.pending() == []
