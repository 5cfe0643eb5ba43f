"""Opening the SQLite store: durable connections, schema migrations, version checks.

Every connection runs with ``journal_mode=WAL`` (readers never block the till),
``synchronous=FULL`` (in WAL mode NORMAL may lose the last transactions on a
power cut; a completed sale must survive one), ``foreign_keys=ON``, a busy
timeout and a 32 MiB page cache.  pysqlite's own transaction handling is switched off and we issue
``BEGIN`` ourselves, so that write units of work can take the write lock up
front with ``BEGIN IMMEDIATE`` (no deadlock when two writers read then write).

:func:`open_database` brings an older data directory's schema up to date with
Alembic, after copying the file aside (``pos.sqlite3.before-<revision>``), and
refuses one written by a newer version with :class:`NewerSchemaError`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session

from pos.store.integrity import check_header, require_whole
from pos.store.problems import ProblemKind, StoreProblemError, store_problem
from pos.unit_of_work import StoreError as StoreError  # raised here; cli and ui catch it

DATABASE_FILENAME = "pos.sqlite3"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_BEGIN_OPTION = "sqlite_begin"


class NewerSchemaError(StoreError):
    """The data directory was written by a newer version of the program."""


class NotInitialisedError(StoreError):
    """There is no store in the data directory yet."""


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we send BEGIN ourselves (see _on_begin)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA cache_size=-32768")  # 32 MiB: a 100,000-product catalogue stays hot
    cursor.close()


def _on_begin(connection: Connection) -> None:
    mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
    # straight to the driver: exec_driver_sql's bookkeeping cost more than BEGIN itself,
    # and every unit of work (each checkout) begins here
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    driver.execute(f"BEGIN {mode}")


def create_sqlite_engine(path: Path) -> Engine:
    """An engine on the file at ``path`` with the pragmas above."""
    engine = create_engine(f"sqlite:///{path}", pool_size=5, max_overflow=5)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def writer_engine(engine: Engine) -> Engine:
    """The same engine, but every transaction starts with ``BEGIN IMMEDIATE``."""
    return engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})


def _alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def schema_head() -> str:
    """The newest schema revision this program knows."""
    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()}


@dataclass(frozen=True)
class MigrationOutcome:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def migrate(engine: Engine, path: Path, *, to_revision: str = "head") -> MigrationOutcome:
    """Bring the schema to ``to_revision`` after checking it is ours and backing it up."""
    before = current_revision(engine)
    if before is not None and before not in _known_revisions():
        raise NewerSchemaError(
            f"{path} was written by a newer version of OTOP POS (schema {before}; this "
            f"program knows up to {schema_head()}). Install the newer version, or use "
            "another data directory with --data-dir. Nothing was changed."
        )
    target = schema_head() if to_revision == "head" else to_revision
    if before == target:
        return MigrationOutcome(before, target, None)
    backup = _backup(engine, path, before) if before is not None else None
    with writer_engine(engine).begin() as connection:
        command.upgrade(_alembic_config(connection), target)
    return MigrationOutcome(before, target, backup)


def _backup(engine: Engine, path: Path, revision: str) -> Path:
    """Copy the database aside with SQLite's online backup before changing its schema."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.before-{revision}-{stamp}")
    with engine.connect() as connection:
        source = connection.connection.driver_connection
        assert isinstance(source, sqlite3.Connection)
        with sqlite3.connect(target) as copy:
            source.backup(copy)
        copy.close()
    return target


def open_database(
    data_dir: Path, *, create: bool, check: bool = False
) -> tuple[Engine, MigrationOutcome]:
    """Open (or with ``create`` make) the store in ``data_dir``, migrated to the newest schema.

    Only a missing file becomes a new store: one that exists is checked first
    (:func:`check_header`; with ``check``, SQLite's quick_check too) and a damaged
    one is refused as it is, never written to.
    """
    path = data_dir / DATABASE_FILENAME
    if path.exists():
        check_header(path)
        if check:
            require_whole(path)
    elif not create:
        raise NotInitialisedError(
            f"there is no OTOP POS store in {data_dir}; run 'otop-pos init' first"
        )
    else:
        _make_data_dir(data_dir)
    engine = create_sqlite_engine(path)
    try:
        outcome = migrate(engine, path)
    except Exception as error:
        engine.dispose()
        problem = store_problem(error, path)
        if problem is None:
            raise
        raise problem from None
    return engine, outcome


def _make_data_dir(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        path = data_dir / DATABASE_FILENAME
        raise StoreProblemError(ProblemKind.READ_ONLY, path, str(error)) from None


def driver_cursor(session: Session) -> sqlite3.Cursor:
    """A sqlite3 cursor on the session's own connection, inside its transaction.

    For the few statements on the checkout's commit path, where SQLAlchemy's
    per-statement work would cost more than SQLite's.
    """
    driver = session.connection().connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver.cursor()


@contextmanager
def raw_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A bare sqlite3 connection with the same pragmas (tools, benchmarks, crash tests)."""
    connection = sqlite3.connect(path)
    try:
        _on_connect(connection, None)
        yield connection
    finally:
        connection.close()
