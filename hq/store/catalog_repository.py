"""The head office's catalogue on PostgreSQL, writing every change to the feed.

It implements :class:`hq.ports.HqCatalogRepository` (a
:class:`pos.unit_of_work.CatalogRepository`), so the counter's import service and its
checks run unchanged here.  Each write takes the feed lock first and appends
the new state of what changed (:mod:`pos.sync.wire`) in the same transaction: a
catalogue change and its feed entry commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Row, Table, bindparam, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from hq.store.feed_repository import SqlFeedRepository, lock_feed
from hq.store.models import ProducerGroupRow, ProductRow

# The row mappings are the counter's own: both stores have the same catalogue columns.
from pos.catalogue.domain.columns import (
    contains_pattern,
    producer_columns,
    producer_from_row,
    product_columns,
)
from pos.catalogue.domain.products import Category, ProducerGroup, Product, Unit
from pos.ids import ProducerId
from pos.sync.wire import ChangeEntity, producer_change, product_change

_product = cast(Table, ProductRow.__table__)
_producer = cast(Table, ProducerGroupRow.__table__)


class SqlHqCatalogRepository:
    def __init__(self, session: Session, feed: SqlFeedRepository):
        self._session = session
        self._feed = feed
        self._producers_by_id: dict[ProducerId, ProducerGroup] | None = None

    # --- producers ------------------------------------------------------------------------
    def _producer_map(self) -> dict[ProducerId, ProducerGroup]:
        if self._producers_by_id is None:
            rows = self._session.execute(select(_producer)).all()
            self._producers_by_id = {ProducerId(row.id): producer_from_row(row) for row in rows}
        return self._producers_by_id

    def producers(self) -> list[ProducerGroup]:
        return sorted(self._producer_map().values(), key=lambda p: p.name_th)

    def add_producers(self, producers: Sequence[ProducerGroup]) -> None:
        if producers:
            lock_feed(self._session)
            self._session.execute(_producer.insert(), [producer_columns(p) for p in producers])
            self._producers_by_id = None
            self._feed.append(ChangeEntity.PRODUCER, [producer_change(p) for p in producers])

    def save_producers(self, producers: Sequence[ProducerGroup]) -> int:
        known = {producer.name_th: producer for producer in self._producer_map().values()}
        changed = [p for p in producers if known.get(p.name_th) != p]
        if not changed:
            return 0
        lock_feed(self._session)
        statement = pg_insert(_producer)
        self._session.execute(
            statement.on_conflict_do_update(
                index_elements=["name_th"],
                set_={name: statement.excluded[name] for name in producer_columns(changed[0])},
            ),
            [producer_columns(p) for p in changed],
        )
        self._producers_by_id = None
        self._feed.append(ChangeEntity.PRODUCER, [producer_change(p) for p in changed])
        return len(changed)

    # --- products -------------------------------------------------------------------------
    def _one(self, column: Any, key: str | int) -> Product | None:
        row = self._session.execute(select(_product).where(column == key)).first()
        return self._product_from_row(row) if row is not None else None

    def product_by_sku(self, sku: str) -> Product | None:
        return self._one(_product.c.sku, sku)

    def product_by_barcode(self, code: str) -> Product | None:
        return self._one(_product.c.barcode, code)

    def product_by_plu(self, plu: int) -> Product | None:
        return self._one(_product.c.plu, plu)

    def count_products(self) -> int:
        return int(self._session.execute(select(func.count()).select_from(_product)).scalar_one())

    def all_products(self) -> Iterator[Product]:
        result = self._session.execute(
            select(_product).order_by(_product.c.sku).execution_options(yield_per=2000)
        )
        for row in result:
            yield self._product_from_row(row)

    def search_products(self, text_query: str, limit: int = 50) -> list[Product]:
        """Every word somewhere in the SKU or a name (head-office staff, not the till)."""
        statement = select(_product)
        for term in text_query.split():
            pattern = contains_pattern(term)
            columns = (_product.c.sku, _product.c.name_th, _product.c.name_en)
            statement = statement.where(or_(*(c.ilike(pattern, escape="\\") for c in columns)))
        rows = self._session.execute(statement.order_by(_product.c.name_th).limit(limit))
        return [self._product_from_row(row) for row in rows]

    def save_products(self, products: Sequence[Product], plu_of_sku: dict[str, int]) -> None:
        if not products:
            return
        lock_feed(self._session)
        ids = {group.name_th: key for key, group in self._producer_map().items()}
        values = [product_columns(p, ids, plu_of_sku.get(p.sku)) for p in products]
        self._release_changed_codes(values)
        known = set(self._session.scalars(select(_product.c.sku)))
        inserts = [value for value in values if value["sku"] not in known]
        updates = [{"key": value["sku"], **value} for value in values if value["sku"] in known]
        if inserts:
            self._session.execute(_product.insert(), inserts)
        if updates:
            columns: dict[str, Any] = {
                name: bindparam(name) for name in updates[0] if name not in ("key", "sku")
            }
            statement = update(_product).where(_product.c.sku == bindparam("key")).values(columns)
            self._session.connection().execute(statement, updates)
        self._feed.append(
            ChangeEntity.PRODUCT, [product_change(p, plu_of_sku.get(p.sku)) for p in products]
        )

    def _release_changed_codes(self, values: list[dict[str, Any]]) -> None:
        """Clear the codes of products whose code changes, so two can swap codes in one batch."""
        owners = self.barcode_owners()
        new_code = {value["sku"]: value["barcode"] for value in values}
        changing = [
            sku for code, sku in owners.items() if sku in new_code and new_code[sku] != code
        ]
        if changing:
            self._session.execute(
                update(_product).where(_product.c.sku.in_(changing)).values(barcode=None, plu=None)
            )

    def barcode_owners(self) -> dict[str, str]:
        rows = self._session.execute(
            select(_product.c.barcode, _product.c.sku).where(_product.c.barcode.is_not(None))
        )
        return {key: sku for key, sku in rows}  # noqa: C416 (Row → plain pair)

    def plu_owners(self) -> dict[int, str]:
        rows = self._session.execute(
            select(_product.c.plu, _product.c.sku).where(_product.c.plu.is_not(None))
        )
        return {key: sku for key, sku in rows}  # noqa: C416 (Row → plain pair)

    def _product_from_row(self, row: Row[Any]) -> Product:
        return Product(
            sku=row.sku,
            barcode=row.barcode,
            name_th=row.name_th,
            name_en=row.name_en,
            category=Category(row.category),
            producer=self._producer_map()[ProducerId(row.producer_id)],
            unit_price_satang=row.unit_price_satang,
            unit=Unit(row.unit),
            sold_by_weight=row.sold_by_weight,
            vat_applicable=row.vat_applicable,
            otop_stars=row.otop_stars,
            stock_milli=row.stock_milli,
        )
