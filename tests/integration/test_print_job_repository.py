"""The print queue's migration: a store from before it is upgraded with its data.

What the repository does is held equal on SQLite and the fake in
tests/contracts/test_print_jobs.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pos.clock import THAI_TIME
from pos.printing.domain.print_queue import new_print_job

T0 = dt.datetime(2026, 11, 24, 9, 0, tzinfo=THAI_TIME)


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
