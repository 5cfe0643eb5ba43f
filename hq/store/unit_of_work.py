"""The head office's unit of work on PostgreSQL, and its small repositories.

One :class:`HqSqlUnitOfWork` is one transaction (READ COMMITTED): everything
done through its repositories commits together on :meth:`commit`; leaving the
``with`` block without committing rolls it all back.  :meth:`attempt` is a
savepoint inside it (one record of a batch that fails undoes only itself).
The database itself going away — killed, restarted, the connection cut — is
:class:`hq.sync.HeadOfficeUnavailableError` (503: try again), never an error
of the data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator
from types import TracebackType
from typing import Self

import psycopg
from sqlalchemy import Engine, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from hq.ports import UnknownTerminalError
from hq.store.auth_lockout_repository import SqlAuthLockoutRepository
from hq.store.catalog_repository import SqlHqCatalogRepository
from hq.store.feed_repository import SqlFeedRepository, lock_feed
from hq.store.models import AuditEventRow, CounterRow, SettingRow, UserRow
from hq.store.numbers_repository import SqlNumberRepository
from hq.store.projections import SqlProjectionRepository
from hq.store.report_queries import HqReportQueries
from hq.store.sync_repository import (
    SqlStaffRepository,
    SqlSyncRepository,
    SqlTerminalRepository,
)
from hq.sync import HeadOfficeUnavailableError
from pos.audit import AuditAction, AuditEvent
from pos.clock import THAI_TIME
from pos.ids import UserId
from pos.settings.domain.shop_settings import Settings, settings_from_items, settings_to_items
from pos.staff.domain.users import User
from pos.sync.wire import ChangeEntity, user_change


class SqlCounterRepository:
    def __init__(self, session: Session):
        self._session = session

    def next_value(self, name: str) -> int:
        return self.reserve(name, 1)[0]

    def reserve(self, name: str, count: int) -> range:
        if count < 1:
            raise ValueError("reserve at least one value")
        insert = pg_insert(CounterRow).values(name=name, value=count)
        bump = insert.on_conflict_do_update(
            index_elements=["name"], set_={"value": CounterRow.value + count}
        ).returning(CounterRow.value)
        last = int(self._session.execute(bump).scalar_one())
        return range(last - count + 1, last + 1)


class SqlSettingsRepository:
    def __init__(self, session: Session):
        self._session = session

    def load(self) -> Settings:
        rows = self._session.execute(select(SettingRow.key, SettingRow.value_json))
        return settings_from_items({key: json.loads(value) for key, value in rows})

    def save(self, settings: Settings) -> None:
        for key, value in settings_to_items(settings).items():
            statement = pg_insert(SettingRow).values(
                key=key, value_json=json.dumps(value, ensure_ascii=False)
            )
            self._session.execute(
                statement.on_conflict_do_update(
                    index_elements=["key"], set_={"value_json": statement.excluded.value_json}
                )
            )


class SqlHqUserRepository:
    """Staff of every counter; each change goes to the feed with the PIN's Argon2id hash."""

    def __init__(self, session: Session, feed: SqlFeedRepository):
        self._session = session
        self._feed = feed

    def active_users(self) -> list[User]:
        rows = self._session.scalars(
            select(UserRow).where(UserRow.active.is_(True)).order_by(UserRow.id)
        )
        return [_user(row) for row in rows]

    def by_id(self, user_id: int) -> User | None:
        row = self._session.get(UserRow, user_id)
        return _user(row) if row is not None else None

    def by_name(self, name: str) -> User | None:
        row = self._session.scalars(select(UserRow).where(UserRow.name == name)).first()
        return _user(row) if row is not None else None

    def add(self, user: User) -> User:
        lock_feed(self._session)
        row = UserRow(name=user.name, role=user.role, pin_hash=user.pin_hash, active=user.active)
        self._session.add(row)
        self._session.flush()
        added = _user(row)
        self._feed.append(ChangeEntity.USER, [user_change(added)])
        return added

    def set_active(self, name: str, active: bool) -> User | None:
        lock_feed(self._session)
        self._session.execute(update(UserRow).where(UserRow.name == name).values(active=active))
        user = self.by_name(name)
        if user is not None:
            self._feed.append(ChangeEntity.USER, [user_change(user)])
        return user


def _user(row: UserRow) -> User:
    return User(UserId(row.id), row.name, row.role, row.pin_hash, row.active)


class SqlHqAuditRepository:
    def __init__(self, session: Session):
        self._session = session

    def record(self, event: AuditEvent) -> None:
        self._session.add(
            AuditEventRow(
                event_uuid=event.event_id,
                at=event.at,
                action=event.action.value,
                user_id=event.user_id,
                approved_by_user_id=event.approved_by_user_id,
                reference=event.reference,
                detail=event.detail,
            )
        )
        self._session.flush()

    def between(self, start: dt.datetime, end: dt.datetime) -> list[AuditEvent]:
        rows = self._session.scalars(
            select(AuditEventRow)
            .where(AuditEventRow.at >= start, AuditEventRow.at < end)
            .order_by(AuditEventRow.at, AuditEventRow.id)
        )
        return [
            AuditEvent(
                action=AuditAction(row.action),
                at=row.at.astimezone(THAI_TIME),
                user_id=_user_id(row.user_id),
                approved_by_user_id=_user_id(row.approved_by_user_id),
                reference=row.reference,
                detail=row.detail,
                event_id=row.event_uuid,
            )
            for row in rows
        ]


def database_lost(error: BaseException | None) -> bool:
    """Whether ``error`` is the database or the connection failing, not the data: the
    server gone or shutting down, the connection cut, a deadlock or a cancelled statement
    (psycopg's OperationalError covers them), or a connection SQLAlchemy found dead."""
    if isinstance(error, DBAPIError):
        return error.connection_invalidated or database_lost(error.orig)
    return isinstance(error, psycopg.OperationalError | psycopg.InterfaceError)


def _unavailable(error: BaseException) -> HeadOfficeUnavailableError:
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return HeadOfficeUnavailableError(
        f"the head-office database is not available ({reason}); nothing of this batch was"
        " stored: send it again later"
    )


class HqSqlUnitOfWork:
    """:class:`hq.ports.HqUnitOfWork` on PostgreSQL."""

    def __init__(self, session_factory: sessionmaker[Session]):
        self._session_factory = session_factory

    def __enter__(self) -> Self:
        self.session = self._session_factory()
        self.feed = SqlFeedRepository(self.session)
        self.catalog = SqlHqCatalogRepository(self.session, self.feed)
        self.counters = SqlCounterRepository(self.session)
        self.settings = SqlSettingsRepository(self.session)
        self.users = SqlHqUserRepository(self.session, self.feed)
        self.audit = SqlHqAuditRepository(self.session)
        self.terminals = SqlTerminalRepository(self.session)
        self.sync = SqlSyncRepository(self.session)
        self.projections = SqlProjectionRepository(self.session)
        self.staff = SqlStaffRepository(self.session)
        self.auth_lockouts = SqlAuthLockoutRepository(self.session)
        self.numbers = SqlNumberRepository(self.session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            self.rollback()
        except Exception as error:
            if exc is None:  # otherwise the error that ended the block is the one to tell
                if database_lost(error):
                    raise _unavailable(error) from error
                raise
        finally:
            self.session.close()
        if exc is not None and database_lost(exc):
            raise _unavailable(exc) from exc

    @contextlib.contextmanager
    def attempt(self) -> Iterator[None]:
        savepoint = self.session.begin_nested()
        try:
            yield
        except Exception as error:
            if database_lost(error):
                raise _unavailable(error) from error
            try:
                savepoint.rollback()  # also after an error psycopg raised (COPY) behind its back
            except Exception as lost:
                if database_lost(lost):
                    raise _unavailable(lost) from error
                raise
            raise
        savepoint.commit()

    def report_queries(self, terminal: str | None) -> HqReportQueries:
        terminal_id = None
        if terminal is not None:
            found = self.terminals.by_name(terminal)
            if found is None:
                raise UnknownTerminalError(f"there is no terminal {terminal!r} (hq list-terminals)")
            terminal_id = found.terminal_id
        return HqReportQueries(self.session, terminal_id)

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


def hq_unit_of_work_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


def _user_id(value: int | None) -> UserId | None:
    return None if value is None else UserId(value)
