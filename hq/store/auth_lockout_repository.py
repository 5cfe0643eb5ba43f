"""Failed bearer tokens per source address, in PostgreSQL (``auth_lockout``, hq_0005).

Read only after a failed token (a right one never touches it); a failure is
counted after :meth:`SqlAuthLockoutRepository.get_for_update`, which locks the subject's row
(creating it first), so failures arriving at once from one address are counted
one after the other under READ COMMITTED instead of overwriting each other.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from hq.store.models import AuthLockoutRow
from pos.clock import THAI_TIME
from pos.staff.domain.lockout import CLEAR, Attempts


class SqlAuthLockoutRepository:
    def __init__(self, session: Session):
        self._session = session

    def get_for_update(self, subject: str) -> Attempts:
        self._session.execute(
            pg_insert(AuthLockoutRow)
            .values(subject=subject, failures=[], locks=0)
            .on_conflict_do_nothing(index_elements=["subject"])
        )
        row = self._session.scalars(
            select(AuthLockoutRow)
            .where(AuthLockoutRow.subject == subject)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).one()
        return _attempts(row)

    def save(self, subject: str, state: Attempts) -> None:
        if state == CLEAR:
            self._session.execute(delete(AuthLockoutRow).where(AuthLockoutRow.subject == subject))
            return
        statement = pg_insert(AuthLockoutRow).values(
            subject=subject,
            failures=list(state.failures),
            locked_until=state.locked_until,
            locks=state.locks,
        )
        self._session.execute(
            statement.on_conflict_do_update(
                index_elements=["subject"],
                set_={
                    "failures": statement.excluded.failures,
                    "locked_until": statement.excluded.locked_until,
                    "locks": statement.excluded.locks,
                },
            )
        )


def _attempts(row: AuthLockoutRow) -> Attempts:
    until = row.locked_until
    return Attempts(
        tuple(at.astimezone(THAI_TIME) for at in row.failures),
        None if until is None else until.astimezone(THAI_TIME),
        row.locks,
    )
