"""Wiring the head office: the PostgreSQL engine, units of work, clock and kind registry.

:func:`open_hq` is the one place the server, the command line and the tests
get an :class:`HqContext` from.  It migrates the database first (and refuses
one from a newer program), so nothing ever runs on an old schema.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine

from hq.kinds import KindRegistry, default_registry
from hq.ports import HqUnitOfWork
from hq.store.database import HqMigration, create_hq_engine, migrate
from hq.store.unit_of_work import HqSqlUnitOfWork, hq_unit_of_work_factory
from pos.clock import Clock, SystemClock


@dataclass
class HqContext:
    engine: Engine
    uow_factory: Callable[[], HqUnitOfWork]
    migration: HqMigration
    clock: Clock = field(default_factory=SystemClock)
    registry: KindRegistry = field(default_factory=default_registry)

    def close(self) -> None:
        self.engine.dispose()


def open_hq(url: str, *, pool_size: int = 10, clock: Clock | None = None) -> HqContext:
    """Connect to the head-office database at ``url``, migrated to the newest schema."""
    engine = create_hq_engine(url, pool_size=pool_size)
    try:
        migration = migrate(engine)
    except Exception:
        engine.dispose()
        raise
    sessions = hq_unit_of_work_factory(engine)
    return HqContext(
        engine=engine,
        uow_factory=lambda: HqSqlUnitOfWork(sessions),
        migration=migration,
        clock=clock or SystemClock(),
    )
