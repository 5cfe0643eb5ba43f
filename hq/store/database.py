"""Opening the head office's PostgreSQL database: engine, migrations, version check.

URLs may be written ``postgresql://user:pw@host/db`` (as ``psql`` takes them);
they are sent through psycopg 3.  Connections say ``application_name=otop-hq``
so an administrator can tell them apart in ``pg_stat_activity``.

:func:`migrate` brings the schema to the newest revision under an advisory
lock (two servers starting at once do not both migrate) and refuses a
database whose schema is newer than this program with
:class:`HqNewerSchemaError`, changing nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from pos.unit_of_work import StoreError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
APPLICATION_NAME = "otop-hq"
_MIGRATION_LOCK_KEY = 7_000_001  # pg_advisory_xact_lock key while migrating


class HqStoreError(StoreError):
    """The head-office database cannot be used; the message says why and what to do."""


class HqNewerSchemaError(HqStoreError):
    """The database was migrated by a newer version of the program."""


def database_url(url: str) -> str:
    """``postgresql://…`` → ``postgresql+psycopg://…``; anything but PostgreSQL is refused."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise HqStoreError(f"{url!r} is not a database URL (postgresql://user@host/db)") from None
    if parsed.get_backend_name() != "postgresql":
        raise HqStoreError("the head office needs PostgreSQL: --db postgresql://user@host/db")
    return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def create_hq_engine(url: str, *, pool_size: int = 10) -> Engine:
    return create_engine(
        database_url(url),
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,  # a restarted PostgreSQL must not cost the next request an error
        connect_args={"application_name": APPLICATION_NAME, "connect_timeout": 10},
    )


def _alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def schema_head() -> str:
    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


@dataclass(frozen=True)
class HqMigration:
    from_revision: str | None
    to_revision: str


def migrate(engine: Engine) -> HqMigration:
    """Bring the schema up to date; refuse one from a newer program (nothing changed)."""
    known = {rev.revision for rev in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()}
    try:
        with engine.begin() as connection:
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY}
            )
            before = current_revision(connection)
            if before is not None and before not in known:
                raise HqNewerSchemaError(
                    f"the head-office database has schema {before}, newer than this program "
                    f"knows (up to {schema_head()}). Install the newer version. "
                    "Nothing was changed."
                )
            if before != schema_head():
                command.upgrade(_alembic_config(connection), "head")
    except OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise HqStoreError(f"cannot reach the head-office database: {reason}") from None
    return HqMigration(before, schema_head())
