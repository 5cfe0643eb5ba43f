"""The print-job repository: SQLite and the in-memory fake answer the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pos.bootstrap import AppContext
from pos.clock import THAI_TIME
from pos.printing.domain.print_queue import JobState, PrinterRole, RetryPolicy, new_print_job
from pos.printing.services.print_jobs import PrintJobError, cancel_job
from pos.unit_of_work import UnitOfWork
from tests.fakes.unit_of_work import FakeUnitOfWork

T0 = dt.datetime(2026, 11, 24, 9, 0, tzinfo=THAI_TIME)


@pytest.fixture(params=["sqlite", "fake"])
def uow_factory(
    request: pytest.FixtureRequest, empty_context: AppContext
) -> Iterator[Callable[[], UnitOfWork]]:
    if request.param == "sqlite":
        yield empty_context.uow_factory
    else:
        fake = FakeUnitOfWork()
        yield lambda: fake


def test_jobs_come_due_oldest_first_per_printer(uow_factory: Callable[[], UnitOfWork]) -> None:
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


def test_a_document_keeps_its_whole_print_history(uow_factory: Callable[[], UnitOfWork]) -> None:
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


def test_only_a_waiting_job_can_be_cancelled(uow_factory: Callable[[], UnitOfWork]) -> None:
    with uow_factory() as uow:
        job = uow.print_jobs.add(new_print_job("sale", "A-1", T0))
        uow.commit()
    assert job.job_id is not None
    assert cancel_job(uow_factory, job.job_id).state is JobState.CANCELLED
    with pytest.raises(PrintJobError, match="cancelled, not waiting"):
        cancel_job(uow_factory, job.job_id)
    with pytest.raises(PrintJobError, match="no print job 999"):
        cancel_job(uow_factory, 999)


def test_an_uncommitted_job_is_not_kept(uow_factory: Callable[[], UnitOfWork]) -> None:
    with uow_factory() as uow:
        uow.print_jobs.add(new_print_job("sale", "A-1", T0))
    with uow_factory() as uow:
        assert uow.print_jobs.pending() == []


def test_a_store_from_before_the_print_queue_is_upgraded_with_its_data(tmp_path: Path) -> None:
    from pos.bootstrap import open_context
    from pos.store.database import (
        DATABASE_FILENAME,
        create_sqlite_engine,
        migrate,
        raw_connection,
        schema_head,
    )

    data_dir = tmp_path / "old"
    data_dir.mkdir()
    path = data_dir / DATABASE_FILENAME
    engine = create_sqlite_engine(path)
    migrate(engine, path, to_revision="0003_audit")
    engine.dispose()
    with raw_connection(path) as connection:
        connection.execute("INSERT INTO counter (name, value) VALUES ('receipt', 41)")
        connection.commit()
    context = open_context(data_dir)
    try:
        assert context.migration is not None and context.migration.backup is not None
        assert context.migration.to_revision == schema_head()
        with context.uow_factory() as uow:
            assert uow.counters.next_value("receipt") == 42
            job = uow.print_jobs.add(new_print_job("sale", "A-1", T0))
            uow.commit()
        with context.uow_factory() as uow:
            assert uow.print_jobs.get(job.job_id or 0) == job
    finally:
        context.close()
