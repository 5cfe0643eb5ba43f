"""The catalogue at the head office: what staff put in, and the feed counters take.

Products come in through the counter's own CSV import
(:func:`pos.catalogue.services.csv_import.import_catalog`, run on the head office's
unit of work), so the rules and messages are the same everywhere.  Producer
groups come from a producers CSV (``name_th,name_en,district,vat_registered,
tax_id,branch``, as in resources/demo) and users through
:mod:`pos.staff.services.pins`.  Every change lands in the feed in the same
transaction (see :mod:`hq.store.catalog_repository`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hq.ports import HqUnitOfWork
from pos.catalogue.services.demo_data import read_producers_csv
from pos.staff.domain.users import User
from pos.sync.wire import MAX_CHANGES_PAGE, ChangePage


def import_producers(uow_factory: Callable[[], HqUnitOfWork], path: Path) -> int:
    """Add or update producer groups by Thai name, all or nothing; returns how many changed."""
    producers = read_producers_csv(path)
    with uow_factory() as uow:
        changed = uow.catalog.save_producers(producers)
        uow.commit()
    return changed


def set_user_active(
    uow_factory: Callable[[], HqUnitOfWork], name: str, active: bool
) -> User | None:
    with uow_factory() as uow:
        user = uow.users.set_active(name, active)
        uow.commit()
    return user


def changes_after(uow_factory: Callable[[], HqUnitOfWork], cursor: int, limit: int) -> ChangePage:
    """Up to ``limit`` changes after ``cursor``, oldest first (see docs/SYNC.md, "Download")."""
    if cursor < 0:
        raise ValueError("cursor must be 0 or more")
    limit = max(1, min(limit, MAX_CHANGES_PAGE))
    with uow_factory() as uow:
        changes = uow.feed.changes_after(cursor, limit + 1)
    page = changes[:limit]
    next_cursor = page[-1].seq if page else cursor
    return ChangePage(tuple(page), next_cursor, has_more=len(changes) > limit)
