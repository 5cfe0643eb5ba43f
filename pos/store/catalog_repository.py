"""The catalogue on SQLite: lookups on the scan path, name search, bulk upsert.

Lookups use SQLAlchemy Core statements (cached compiled SQL, no ORM identity
map) because they sit on the scan-to-cart path; producer groups are few and
are read once per unit of work.  Search uses the FTS5 trigram index for terms
of three characters or more and LIKE for shorter ones (see migration 0002).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import Row, Select, Table, and_, bindparam, func, or_, select, text, update
from sqlalchemy.orm import Session

from pos.catalogue.domain.columns import (
    contains_pattern,
    producer_columns,
    producer_from_row,
    product_columns,
)
from pos.catalogue.domain.products import Category, ProducerGroup, Product, Unit
from pos.ids import ProducerId
from pos.store.models import ProducerGroupRow, ProductRow

_product = cast(Table, ProductRow.__table__)
_producer = cast(Table, ProducerGroupRow.__table__)
_TRIGRAM = 3
_CANDIDATES_PER_RESULT = 4  # rows fetched per result wanted, then ranked in Python
_MAX_CHARACTER = "\U0010ffff"
_BULK_ROWS = 2000  # from this many rows, rebuild the search index once instead of per row
_BY_SKU = select(_product).where(_product.c.sku == bindparam("key"))
_BY_BARCODE = select(_product).where(_product.c.barcode == bindparam("key"))
_BY_PLU = select(_product).where(_product.c.plu == bindparam("key"))
_PRODUCER_BY_ID = select(_producer).where(_producer.c.id == bindparam("key"))


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class SqlCatalogRepository:
    """:class:`pos.unit_of_work.CatalogRepository` on the SQLite store."""

    def __init__(self, session: Session):
        self._session = session
        self._producers_by_id: dict[ProducerId, ProducerGroup] | None = None
        self._few_producers: dict[ProducerId, ProducerGroup] = {}  # read one by one for lookups

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
            self._session.execute(
                _producer.insert(), [producer_columns(producer) for producer in producers]
            )
            self._producers_by_id = None
            self._few_producers.clear()

    def _producer_ids_by_name(self) -> dict[str, ProducerId]:
        return {group.name_th: key for key, group in self._producer_map().items()}

    # --- products -------------------------------------------------------------------------
    def _one(self, statement: Select[Any], key: str | int) -> Product | None:
        # Core on the session's connection: the scan path skips the ORM's per-call work,
        # and reads the one producer group it needs, not all of them.
        row = self._session.connection().execute(statement, {"key": key}).first()
        return self._product_from_row(row) if row is not None else None

    def _producer(self, producer_id: ProducerId) -> ProducerGroup:
        """From the full map when a bulk read loaded it, else by one indexed read, cached."""
        if self._producers_by_id is not None:
            return self._producers_by_id[producer_id]
        group = self._few_producers.get(producer_id)
        if group is None:
            row = self._session.connection().execute(_PRODUCER_BY_ID, {"key": producer_id}).one()
            group = self._few_producers[producer_id] = producer_from_row(row)
        return group

    def product_by_sku(self, sku: str) -> Product | None:
        return self._one(_BY_SKU, sku)

    def product_by_barcode(self, code: str) -> Product | None:
        return self._one(_BY_BARCODE, code)

    def product_by_plu(self, plu: int) -> Product | None:
        return self._one(_BY_PLU, plu)

    def count_products(self) -> int:
        return int(self._session.execute(select(func.count()).select_from(_product)).scalar_one())

    def all_products(self) -> Iterator[Product]:
        self._producer_map()
        result = self._session.execute(
            select(_product).order_by(_product.c.sku).execution_options(yield_per=2000)
        )
        for row in result:
            yield self._product_from_row(row)

    def search_products(self, text_query: str, limit: int = 50) -> list[Product]:
        """Products matching every word typed, best first.

        A word of three or more characters is found anywhere in the SKU or the
        Thai or English name (FTS5 trigram index).  When every word is shorter,
        the first one matches the *start* of a name or SKU (an index range, so it
        stays instant on 100,000 products) — a cashier typing one or two
        characters is typing the beginning of a name.  Other short words must
        appear anywhere.  Exact SKU first, then names starting with the first
        word, then by Thai name.
        """
        terms = text_query.split()
        if not terms:
            return []
        long_terms = [term for term in terms if len(term) >= _TRIGRAM]
        short_terms = [term for term in terms if len(term) < _TRIGRAM]
        if long_terms:
            statement = _trigram_match(long_terms)
        else:
            statement = select(_product).where(_starts_with(short_terms.pop(0)))
        for term in short_terms:
            pattern = contains_pattern(term)
            statement = statement.where(
                or_(*(column.like(pattern, escape="\\") for column in _searchable_columns()))
            )
        rows = self._session.execute(statement.limit(limit * _CANDIDATES_PER_RESULT)).all()
        if len(rows) > 1:
            self._producer_map()
        found = [self._product_from_row(row) for row in rows]
        return sorted(found, key=_relevance(text_query.strip(), terms[0]))[:limit]

    def save_products(self, products: Sequence[Product], plu_of_sku: dict[str, int]) -> None:
        if not products:
            return
        producer_ids = self._producer_ids_by_name()
        values = [product_columns(p, producer_ids, plu_of_sku.get(p.sku)) for p in products]
        self._release_changed_codes(values)
        known = set(self._session.scalars(select(_product.c.sku)))
        inserts = [value for value in values if value["sku"] not in known]
        updates = [{"key": value["sku"], **value} for value in values if value["sku"] in known]
        if len(values) < _BULK_ROWS:
            self._write(inserts, updates)
        else:
            with self._search_triggers_suspended():
                self._write(inserts, updates)

    def _write(self, inserts: list[dict[str, Any]], updates: list[dict[str, Any]]) -> None:
        """Plain INSERTs for new SKUs, UPDATEs by SKU for known ones (an upsert costs double)."""
        if inserts:
            self._session.execute(_product.insert(), inserts)
        if updates:
            columns: dict[str, Any] = {
                name: bindparam(name) for name in updates[0] if name not in ("key", "sku")
            }
            statement = update(_product).where(_product.c.sku == bindparam("key")).values(columns)
            self._session.connection().execute(statement, updates)

    @contextmanager
    def _search_triggers_suspended(self) -> Iterator[None]:
        """Drop the search-index triggers, let the caller write, rebuild the index once.

        Indexing row by row costs four times more than one rebuild on a large
        import.  It is all one transaction (SQLite DDL is transactional), and the
        triggers are recreated from their own stored SQL, so the schema is the
        same afterwards and other connections never see it without them.
        """
        triggers = self._session.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                " AND tbl_name = 'product' AND name LIKE 'product_search%'"
            )
        ).all()
        for name, _ in triggers:
            self._session.execute(text(f'DROP TRIGGER "{name}"'))
        yield
        self._session.execute(text("INSERT INTO product_search(product_search) VALUES ('rebuild')"))
        for _, sql in triggers:
            self._session.execute(text(sql))

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
        return dict(rows.all())

    def plu_owners(self) -> dict[int, str]:
        rows = self._session.execute(
            select(_product.c.plu, _product.c.sku).where(_product.c.plu.is_not(None))
        )
        return dict(rows.all())

    def instore_products(self, category: Category, offset: int, limit: int) -> list[Product]:
        """Restricted-circulation EAN-13s (prefix 20-29): a range of the barcode index."""
        statement = (
            select(_product)
            .where(_product.c.barcode >= "20", _product.c.barcode < "30")
            .where(func.length(_product.c.barcode) == 13)  # a 12-digit UPC-A is a GS1 code
            .where(_product.c.category == category.value)
            .order_by(_product.c.name_th, _product.c.sku)
            .offset(offset)
            .limit(limit)
        )
        rows = self._session.execute(statement).all()
        if len(rows) > 1:
            self._producer_map()
        return [self._product_from_row(row) for row in rows]

    def _product_from_row(self, row: Row[Any]) -> Product:
        return Product(
            sku=row.sku,
            barcode=row.barcode,
            name_th=row.name_th,
            name_en=row.name_en,
            category=Category(row.category),
            producer=self._producer(ProducerId(row.producer_id)),
            unit_price_satang=row.unit_price_satang,
            unit=Unit(row.unit),
            sold_by_weight=bool(row.sold_by_weight),
            vat_applicable=bool(row.vat_applicable),
            otop_stars=row.otop_stars,
            stock_milli=row.stock_milli,
        )


def _trigram_match(terms: list[str]) -> Select[Any]:
    match = " ".join(_fts_phrase(term) for term in terms)
    return (
        select(_product)
        .join(text("product_search"), text("product_search.rowid = product.id"))
        .where(text("product_search MATCH :match").bindparams(match=match))
    )


def _starts_with(term: str) -> Any:
    """Name or SKU begins with ``term``: three index range scans, no table scan."""
    above = term + _MAX_CHARACTER
    return or_(
        and_(_product.c.name_th >= term, _product.c.name_th < above),
        and_(_product.c.name_en >= term, _product.c.name_en < above),  # a NOCASE column
        and_(_product.c.sku >= term.upper(), _product.c.sku < term.upper() + _MAX_CHARACTER),
    )


def _relevance(query: str, first_term: str) -> Callable[[Product], tuple[bool, bool, str]]:
    sku, start = query.upper(), first_term.casefold()

    def key(product: Product) -> tuple[bool, bool, str]:
        starts = product.name_th.startswith(first_term) or product.name_en.casefold().startswith(
            start
        )
        return (product.sku != sku, not starts, product.name_th)

    return key


def _searchable_columns() -> tuple[Any, ...]:
    return (_product.c.sku, _product.c.name_th, _product.c.name_en)
