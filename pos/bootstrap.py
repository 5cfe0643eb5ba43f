"""The one place that wires adapters to services: real (SQLite) or fake (in memory).

The GUI, the command line, tests and benchmarks all get their
:class:`AppContext` from here, so swapping an adapter is a change in this file
only.  Later adapters (printer, scanner, sync) are added to the context here.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from pos.adapters.run_lock import exclusive
from pos.adapters.token_file import read_token
from pos.catalogue.services.csv_import import ImportReport
from pos.catalogue.services.demo_data import DemoFiles, load_demo
from pos.clock import Clock, SystemClock
from pos.printing.ports import PrintWaker
from pos.settings.domain.shop_settings import Settings
from pos.settings.services.notices import SettingsNotices
from pos.store.backup import (
    DEFAULT_INTERVAL as DEFAULT_INTERVAL,  # re-exported: the commands' and the app's defaults
)
from pos.store.backup import (
    DEFAULT_KEEP as DEFAULT_KEEP,
)
from pos.store.backup import (
    backup_if_due,
    backup_store,
    default_backup_dir,
    list_backups,
    restore_store,
)
from pos.store.database import (
    DATABASE_FILENAME,
    MigrationOutcome,
    NotInitialisedError,
    open_database,
)
from pos.store.database import StoreError as StoreError  # re-exported: open_context raises it
from pos.store.integrity import require_whole
from pos.store.problems import store_problem
from pos.store.sqlite_uow import SqlUnitOfWork, unit_of_work_factory
from pos.store.store_lock import StoreLock, hold_exclusive, hold_shared
from pos.sync.ports import HeadOffice, SyncUnitOfWork
from pos.sync.services.sync_run import (
    SyncBusyError,
    SyncNotConfiguredError,
    SyncReport,
    SyncTuning,
    synchronise,
)
from pos.till.services.cart_journal import CartJournal
from pos.till.services.session import TillSession
from pos.unit_of_work import UnitOfWork
from resources import resource_path

# What a write through a unit of work may raise when the disk or the database refuses it
# (full, read-only, locked too long): callers outside the core catch these without naming
# the store's library.
STORE_FAILURES: tuple[type[Exception], ...] = (SQLAlchemyError, OSError)


@dataclass
class AppContext:
    """What a running till needs: where its data is and how to start units of work."""

    data_dir: Path | None
    uow_factory: Callable[[], UnitOfWork]
    engine: Engine | None = None
    migration: MigrationOutcome | None = None
    read_uow_factory: Callable[[], UnitOfWork] | None = None  # reads that never take the write lock
    # the receipt printer's worker, once started (receipts.print_service.start_printing)
    printing: PrintWaker | None = None
    # write and read units of work with the outbox (issue 7): only a store on disk syncs
    sync_factories: tuple[Callable[[], SyncUnitOfWork], Callable[[], SyncUnitOfWork]] | None = None
    # held shared while the store is open, so a restore refuses (pos.store.store_lock)
    store_lock: StoreLock | None = None
    # who keeps a setting while the counter runs hears of a change here (no restart needed)
    notices: SettingsNotices = field(default_factory=SettingsNotices)

    def reader(self) -> Callable[[], UnitOfWork]:
        """Units of work for reading only (reports, X): they never wait for or block a sale."""
        return self.read_uow_factory or self.uow_factory

    def wake_printer(self) -> None:
        """Print what was just queued now (call after the commit); no-op without a printer."""
        if self.printing is not None:
            self.printing.wake()

    def settings(self) -> Settings:
        with self.uow_factory() as uow:
            return uow.settings.load()

    def settings_changed(self) -> Settings:
        """After a change was stored: tell every subscriber the settings as stored now."""
        settings = self.settings()
        self.notices.publish(settings)
        return settings

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
        if self.store_lock is not None:
            self.store_lock.release()


def open_context(data_dir: Path, *, create: bool = False, check: bool = False) -> AppContext:
    """Open the store in ``data_dir`` (migrating it if older) and wire the real adapters.

    ``check`` runs SQLite's quick_check first (the app does, at start).  The context holds
    the data directory's store lock shared until :meth:`AppContext.close`.
    """
    lock = hold_shared(data_dir)  # first: a restore must not swap the file while it opens
    try:
        engine, outcome = open_database(data_dir, create=create, check=check)
    except BaseException:
        if lock is not None:
            lock.release(forget=True)
        raise
    if lock is None:  # a data directory made just now, by init
        lock = hold_shared(data_dir)
    sessions = unit_of_work_factory(engine)
    read_sessions = unit_of_work_factory(engine, write=False)

    def writer() -> SqlUnitOfWork:
        return SqlUnitOfWork(sessions)

    def reader() -> SqlUnitOfWork:
        return SqlUnitOfWork(read_sessions)

    return AppContext(
        data_dir=data_dir,
        uow_factory=writer,
        engine=engine,
        migration=outcome,
        read_uow_factory=reader,
        sync_factories=(writer, reader),
        store_lock=lock,
    )


def explain_store_failure(error: BaseException, data_dir: Path) -> StoreError | None:
    """What a failure while using the store in ``data_dir`` means for a person, if it is
    the store's (damaged, read-only, locked, full); ``None`` for any other error."""
    return store_problem(error, data_dir / DATABASE_FILENAME)


def store_problem_kind(error: BaseException) -> str | None:
    """ "full", "locked", "read_only" or "damaged" when ``error`` is the store's, else None."""
    problem = store_problem(error, Path(DATABASE_FILENAME))
    return None if problem is None else problem.kind.value


def check_store(data_dir: Path, *, full: bool = False) -> Path:
    """Check the store in ``data_dir`` read-only; raise :class:`StoreError` unless whole."""
    path = data_dir / DATABASE_FILENAME
    if not path.exists():
        raise NotInitialisedError(f"there is no OTOP POS store in {data_dir}")
    require_whole(path, full=full)
    return path


def back_up(
    data_dir: Path,
    to: Path | None = None,
    *,
    keep: int = DEFAULT_KEEP,
    now: dt.datetime | None = None,
) -> Path:
    """An online backup of the store in ``data_dir`` (into ``data_dir/backups`` by default)."""
    store, where = data_dir / DATABASE_FILENAME, to or default_backup_dir(data_dir)
    return backup_store(store, where, keep=keep, now=now)


def back_up_if_due(
    data_dir: Path,
    to: Path | None = None,
    *,
    keep: int = DEFAULT_KEEP,
    interval: dt.timedelta = DEFAULT_INTERVAL,
    now: dt.datetime | None = None,
) -> Path | None:
    """The nightly backup: a copy only when the newest one is about ``interval`` old (else
    None); ``now`` is for tests and scripts (aware, or naive machine-local time)."""
    store, where = data_dir / DATABASE_FILENAME, to or default_backup_dir(data_dir)
    return backup_if_due(store, where, keep=keep, interval=interval, now=now)


def backups(data_dir: Path, where: Path | None = None) -> list[Path]:
    return list_backups(where or default_backup_dir(data_dir))


def restore(data_dir: Path, backup: Path) -> Path | None:
    """Put ``backup`` in place of the store; where the replaced store was kept, if any.

    Refused (:class:`StoreError`, naming the processes) while the counter app or another
    OTOP POS process has the store open."""
    require_whole(backup)  # a bad file is said first, before who has the store open
    with hold_exclusive(data_dir):
        return restore_store(backup, data_dir / DATABASE_FILENAME)


def demo_files() -> DemoFiles:
    return DemoFiles(
        producers_csv=resource_path("demo", "producers.csv"),
        catalogue_csv=resource_path("demo", "catalogue.csv"),
        users_csv=resource_path("demo", "users.csv"),
    )


def initialise(data_dir: Path, *, demo: bool) -> tuple[AppContext, ImportReport | None]:
    """Create or migrate the store; with ``demo``, load the demo data if the store is empty."""
    context = open_context(data_dir, create=True)
    with context.uow_factory() as uow:
        uow.settings.save(uow.settings.load())  # write the defaults so they can be seen
        uow.commit()
    report = load_demo(context.uow_factory, demo_files()) if demo else None
    return context, report


JOURNAL_SETTLE_SECONDS = 0.02  # let the screen paint a scan before the cart is written


def open_till(
    context: AppContext,
    clock: Clock | None = None,
    *,
    background: bool = True,
    on_journal_error: Callable[[Exception], None] | None = None,
    settle_seconds: float = JOURNAL_SETTLE_SECONDS,
) -> TillSession:
    """The till session on a context: its cart journal (a writer thread unless told not)."""
    journal = CartJournal(
        context.uow_factory,
        background=background,
        on_error=on_journal_error,
        settle_seconds=settle_seconds if background else 0.0,
    )
    return TillSession(
        context.uow_factory, journal, clock or SystemClock(), read_uow_factory=context.reader()
    )


# --- the head-office sync (issue 7) ---------------------------------------------------------
def sync_units(
    context: AppContext,
) -> tuple[Callable[[], SyncUnitOfWork], Callable[[], SyncUnitOfWork]]:
    """Write and read units of work with the outbox: only the real store has one."""
    if context.sync_factories is None:
        raise SyncNotConfiguredError("only a counter with a store on disk syncs")
    return context.sync_factories


def open_head_office(context: AppContext, *, deadline: float | None = None) -> HeadOffice:
    """The head office at ``Settings.sync.hq_url`` with this counter's token file; every
    request ends by ``deadline`` (``time.monotonic()``) if one is given."""
    url = context.settings().sync.hq_url
    token = read_token(context.data_dir) if context.data_dir else None
    if not url or not token:
        missing = " and ".join(
            w for w, ok in (("the address", url), ("the token", token)) if not ok
        )
        raise SyncNotConfiguredError(
            f"sync is not set up: {missing} of the head office missing; set them with "
            "otop-pos sync configure --url https://HQ:8700 --token-stdin"
        )
    from pos.adapters.hq_http import HttpHeadOffice  # httpx only where the sync runs

    return HttpHeadOffice(url, token, deadline=deadline)


def sync_now(
    context: AppContext, *, head_office: HeadOffice | None = None, **options: Any
) -> SyncReport:
    """One sync run of this counter (options: ``clock`` and :class:`SyncTuning`'s fields).

    Raises :class:`SyncNotConfiguredError` or :class:`SyncBusyError` (another run holds the lock).
    """
    writer, reader = sync_units(context)
    seconds = options.get("deadline_seconds")
    deadline = None if seconds is None else time.monotonic() + seconds
    office = head_office or open_head_office(context, deadline=deadline)
    assert context.data_dir is not None
    try:
        with exclusive(context.data_dir) as mine:
            if not mine:
                raise SyncBusyError("a sync of this counter is already running")
            clock = options.pop("clock", None) or SystemClock()
            return synchronise(writer, reader, office, clock, SyncTuning(**options))
    finally:
        if head_office is None:
            office.close()
