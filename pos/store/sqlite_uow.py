"""The SQLite unit of work and its small repositories (counters, settings, users).

A :class:`SqlUnitOfWork` is one transaction: everything done through its
repositories commits together on :meth:`commit`, and leaving the ``with``
block without committing rolls it all back.  Write units of work begin with
``BEGIN IMMEDIATE`` (see :mod:`pos.store.database`) so numbering counters and
read-then-write checks cannot interleave with another writer.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from types import TracebackType
from typing import Self

from sqlalchemy import Engine, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from pos.audit import AuditAction, AuditEvent
from pos.ids import UserId
from pos.sale.domain.numbering import NumberBehindError
from pos.settings.domain.shop_settings import Settings, checked_items, settings_from_stored
from pos.staff.domain.lockout import CLEAR, Attempts
from pos.staff.domain.users import User
from pos.store.cart_repository import SqlCartRepository
from pos.store.catalog_repository import SqlCatalogRepository
from pos.store.catalogue_feed import SqlCatalogueFeed
from pos.store.database import driver_cursor, writer_engine
from pos.store.models import AuditEventRow, PinLockoutRow, SettingRow, UserRow
from pos.store.outbox_repository import SqlOutboxRepository
from pos.store.print_job_repository import SqlPrintJobRepository
from pos.store.report_queries import SqlReportQueries
from pos.store.sales_repository import SqlSalesRepository
from pos.store.shift_repository import SqlShiftRepository
from pos.store.times import from_utc_text, to_utc_text
from pos.sync.domain.stored import AuditRecorded, Stored, records_of


class SqlCounterRepository:
    def __init__(self, session: Session):
        self._session = session

    def next_value(self, name: str) -> int:
        return self.reserve(name, 1)[0]

    def reserve(self, name: str, count: int) -> range:
        if count < 1:
            raise ValueError("reserve at least one value")
        # straight to the driver: this runs inside every checkout's transaction
        bump = driver_cursor(self._session).execute(_BUMP_COUNTER, (name, count, count))
        last, hq_last = bump.fetchone()
        first = int(last) - count + 1
        if first <= hq_last:  # the head office holds that number of this terminal already
            raise NumberBehindError(name, first, int(hq_last))
        return range(first, int(last) + 1)


_BUMP_COUNTER = (
    "INSERT INTO counter (name, value) VALUES (?, ?)"
    " ON CONFLICT (name) DO UPDATE SET value = value + ? RETURNING value, hq_last"
)
_decoded_settings: dict[tuple[tuple[str, str], ...], Settings] = {}
_log = logging.getLogger(__name__)


def _decode_rows(rows: tuple[tuple[str, str], ...]) -> Settings:
    """The settings stored; a value that is not JSON or that the schema refuses is the default.

    A bad value must not stop the counter from starting (it may come from an older
    version or a hand edit): it is logged once per distinct content of the table.
    """
    items: dict[str, object] = {}
    for key, text in rows:
        try:
            items[key] = json.loads(text)
        except (json.JSONDecodeError, RecursionError):
            _log.warning("setting %r: the stored value is not JSON; its default is used", key)
    settings, problems = settings_from_stored(items)
    for problem in problems:
        _log.warning("%s; its default is used until it is set again", problem)
    return settings


class SqlSettingsRepository:
    def __init__(self, session: Session):
        self._session = session

    def load(self) -> Settings:
        """The settings; decoded again only when the stored JSON changed (checkout loads them)."""
        cursor = driver_cursor(self._session)
        rows = tuple(cursor.execute("SELECT key, value_json FROM setting ORDER BY key"))
        settings = _decoded_settings.get(rows)
        if settings is None:
            settings = _decode_rows(rows)
            _decoded_settings.clear()
            _decoded_settings[rows] = settings
        return settings

    def save(self, settings: Settings) -> None:
        """Store every setting; one the schema refuses raises SettingError, nothing written."""
        for key, value in checked_items(settings).items():
            statement = sqlite_insert(SettingRow).values(
                key=key, value_json=json.dumps(value, ensure_ascii=False)
            )
            self._session.execute(
                statement.on_conflict_do_update(
                    index_elements=["key"], set_={"value_json": statement.excluded.value_json}
                )
            )


class SqlUserRepository:
    def __init__(self, session: Session):
        self._session = session

    def active_users(self) -> list[User]:
        rows = self._session.scalars(
            select(UserRow).where(UserRow.active.is_(True)).order_by(UserRow.id)
        )
        return [_user(row) for row in rows]

    def by_id(self, user_id: UserId) -> User | None:
        row = (
            driver_cursor(self._session)
            .execute(
                "SELECT id, name, role, pin_hash, active FROM app_user WHERE id = ?", (user_id,)
            )
            .fetchone()
        )
        return User(row[0], row[1], row[2], row[3], bool(row[4])) if row else None

    def add(self, user: User) -> User:
        row = UserRow(name=user.name, role=user.role, pin_hash=user.pin_hash, active=user.active)
        self._session.add(row)
        self._session.flush()
        return _user(row)

    def all_users(self) -> list[User]:
        return [_user(row) for row in self._session.scalars(select(UserRow).order_by(UserRow.id))]

    def by_name(self, name: str) -> User | None:
        row = self._session.scalars(select(UserRow).where(UserRow.name == name)).first()
        return _user(row) if row is not None else None

    def update(self, user: User) -> None:
        row = self._session.get(UserRow, user.user_id)
        if row is None:
            raise LookupError(f"there is no user {user.user_id}")
        row.role, row.pin_hash, row.active = user.role, user.pin_hash, user.active
        self._session.flush()


class SqlPinLockoutRepository:
    def __init__(self, session: Session):
        self._session = session

    def get(self, subject: str) -> Attempts:
        row = self._session.get(PinLockoutRow, subject)
        if row is None:
            return CLEAR
        until = row.locked_until_utc
        return Attempts(
            tuple(from_utc_text(at) for at in json.loads(row.failures_json)),
            None if until is None else from_utc_text(until),
            row.locks,
        )

    def save(self, subject: str, state: Attempts) -> None:
        row = self._session.get(PinLockoutRow, subject)
        if state == CLEAR:
            if row is not None:
                self._session.delete(row)
            return
        if row is None:
            row = PinLockoutRow(subject=subject)
            self._session.add(row)
        row.failures_json = json.dumps([to_utc_text(at) for at in state.failures])
        until = state.locked_until
        row.locked_until_utc = None if until is None else to_utc_text(until)
        row.locks = state.locks


class SqlAuditRepository:
    def __init__(self, session: Session, events: list[Stored]):
        self._session = session
        self._events = events

    def record(self, event: AuditEvent) -> None:
        self._session.add(
            AuditEventRow(
                event_uuid=str(event.event_id),
                at_utc=to_utc_text(event.at),
                action=event.action.value,
                user_id=event.user_id,
                approved_by_user_id=event.approved_by_user_id,
                reference=event.reference,
                detail_json=json.dumps(event.detail, ensure_ascii=False, sort_keys=True),
            )
        )
        self._session.flush()
        self._events.append(AuditRecorded(event))  # for the head office

    def between(self, start: dt.datetime, end: dt.datetime) -> list[AuditEvent]:
        rows = self._session.scalars(
            select(AuditEventRow)
            .where(AuditEventRow.at_utc >= to_utc_text(start))
            .where(AuditEventRow.at_utc < to_utc_text(end))
            .order_by(AuditEventRow.at_utc, AuditEventRow.id)
        )
        return [_audit_event(row) for row in rows]


def _audit_event(row: AuditEventRow) -> AuditEvent:
    return AuditEvent(
        action=AuditAction(row.action),
        at=from_utc_text(row.at_utc),
        user_id=_user_id(row.user_id),
        approved_by_user_id=_user_id(row.approved_by_user_id),
        reference=row.reference,
        detail=json.loads(row.detail_json),
        event_id=uuid.UUID(row.event_uuid),
    )


def _user(row: UserRow) -> User:
    return User(UserId(row.id), row.name, row.role, row.pin_hash, row.active)


class SqlUnitOfWork:
    """:class:`pos.unit_of_work.UnitOfWork` on the SQLite store."""

    def __init__(self, session_factory: sessionmaker[Session]):
        self._session_factory = session_factory

    def __enter__(self) -> Self:
        self.session = self._session_factory()
        self.events: list[Stored] = []  # what the head office is sent: queued on commit
        self.catalog = SqlCatalogRepository(self.session)
        self.counters = SqlCounterRepository(self.session)
        self.settings = SqlSettingsRepository(self.session)
        self.users = SqlUserRepository(self.session)
        self.audit = SqlAuditRepository(self.session, self.events)
        self.print_jobs = SqlPrintJobRepository(self.session)
        self.sales = SqlSalesRepository(self.session, self.events)
        self.carts = SqlCartRepository(self.session)
        self.shifts = SqlShiftRepository(self.session, self.events)
        self.reports = SqlReportQueries(self.session)
        self.pin_lockouts = SqlPinLockoutRepository(self.session)
        self.outbox = SqlOutboxRepository(self.session)  # the head-office sync (issue 7)
        self.catalogue_feed = SqlCatalogueFeed(self.session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.rollback()
        self.session.close()

    def commit(self) -> None:
        if self.events:  # queued in the transaction that stored them (docs/DECISIONS.md)
            self.outbox.queue(records_of(self.events, self.outbox.names()))
            self.events.clear()
        self.session.commit()

    def rollback(self) -> None:
        self.events.clear()
        self.session.rollback()


def unit_of_work_factory(engine: Engine, *, write: bool = True) -> sessionmaker[Session]:
    """Sessions for units of work; ``write`` ones take the write lock when they begin."""
    bind = writer_engine(engine) if write else engine
    return sessionmaker(bind=bind, expire_on_commit=False)


def _user_id(value: int | None) -> UserId | None:
    return None if value is None else UserId(value)
