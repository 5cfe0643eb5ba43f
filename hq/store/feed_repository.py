"""The catalogue change feed on PostgreSQL, numbered so that a cursor never skips a change.

A plain SERIAL is not enough: numbers are handed out when rows are inserted
but become visible when transactions commit, and those orders differ.  If
writer A draws 41, writer B draws 42 and B commits first, a counter reading
"after 40" gets 42 and stores cursor 42; A's 41 commits a moment later and
that counter never sees it.

So every transaction that appends changes first takes one transaction-level
advisory lock (:data:`FEED_LOCK_KEY`), then draws its numbers from the
sequence, and holds the lock until it has committed (PostgreSQL releases
transaction locks after the commit is visible).  Writers of the catalogue
therefore commit one after another, in the order of their numbers: once any
number is visible, every smaller number is either visible too or was rolled
back and will never appear.  Readers take no lock and never wait.  Catalogue
writes are rare (an import, a price change), so serialising them costs
nothing a person would notice.

Rolled-back transactions leave gaps in the numbers; a counter must treat the
cursor as "the last number applied", never expect the next one to be +1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session

from hq.store.models import CatalogueChangeRow
from pos.sync.wire import CatalogueChange, ChangeEntity

FEED_LOCK_KEY = 7_000_002  # pg_advisory_xact_lock key of catalogue writers
_change = cast(Table, CatalogueChangeRow.__table__)


def lock_feed(session: Session) -> None:
    """Serialise catalogue writers until this transaction ends (see the module docstring).

    Taken before any catalogue row is written, so two writers never hold row
    locks the other needs while waiting for this one.  Re-entrant.
    """
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FEED_LOCK_KEY})


class SqlFeedRepository:
    def __init__(self, session: Session):
        self._session = session

    def append(self, entity: ChangeEntity, items: Sequence[tuple[str, dict[str, Any]]]) -> None:
        if not items:
            return
        lock_feed(self._session)
        statement = _change.insert().values(
            seq=func.nextval("catalogue_change_seq"), changed_at=func.now()
        )
        rows = [{"entity": entity.value, "key": key, "data": data} for key, data in items]
        self._session.execute(statement, rows)

    def changes_after(self, cursor: int, limit: int) -> list[CatalogueChange]:
        rows = self._session.execute(
            select(_change).where(_change.c.seq > cursor).order_by(_change.c.seq).limit(limit)
        )
        return [
            CatalogueChange(
                seq=row.seq,
                entity=ChangeEntity(row.entity),
                key=row.key,
                data=row.data,
                changed_at=_aware(row.changed_at),
            )
            for row in rows
        ]

    def last_seq(self) -> int:
        last = self._session.execute(select(func.max(_change.c.seq))).scalar_one()
        return int(last or 0)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
