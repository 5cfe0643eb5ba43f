"""Applying the head office's catalogue changes to the counter's store (upserts by natural key).

Producer groups by Thai name, products by SKU, users by name: the head office
wins on everything it sends.  A product keeps the counter's stock (not in the
feed); a barcode or scale PLU that now belongs to another SKU is first taken
from the product holding it here.  The search index follows through the
product table's own triggers.  Everything runs in the caller's transaction,
which also moves the cursor (:mod:`pos.sync.services.sync_run`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from sqlalchemy.orm import Session

from pos.catalogue.domain.hq_changes import (
    AnyChange,
    CatalogueChangeError,
    ProducerChange,
    ProductChange,
)
from pos.store.database import driver_cursor

_PRODUCER = (
    "INSERT INTO producer_group (name_th, name_en, district, vat_registered, tax_id, branch)"
    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name_th) DO UPDATE SET name_en = excluded.name_en,"
    " district = excluded.district, vat_registered = excluded.vat_registered,"
    " tax_id = excluded.tax_id, branch = excluded.branch"
)
_PRODUCT_COLUMNS = (
    "barcode",
    "plu",
    "name_th",
    "name_en",
    "category",
    "producer_id",
    "unit_price_satang",
    "unit",
    "sold_by_weight",
    "vat_applicable",
    "otop_stars",
)
_PRODUCT = (
    f"INSERT INTO product (sku, {', '.join(_PRODUCT_COLUMNS)}, stock_milli)"
    f" VALUES (?, {', '.join('?' for _ in _PRODUCT_COLUMNS)}, 0)"
    " ON CONFLICT (sku) DO UPDATE SET "
    + ", ".join(f"{name} = excluded.{name}" for name in _PRODUCT_COLUMNS)
)
_USER = (
    "INSERT INTO app_user (name, role, pin_hash, active) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (name) DO UPDATE SET role = excluded.role, pin_hash = excluded.pin_hash,"
    " active = excluded.active"
)


class SqlCatalogueFeed:
    def __init__(self, session: Session):
        self._session = session

    def apply(self, changes: Sequence[AnyChange]) -> None:
        cursor = driver_cursor(self._session)
        for change in changes:
            if isinstance(change, ProducerChange):
                cursor.execute(
                    _PRODUCER,
                    (
                        change.name_th,
                        change.name_en,
                        change.district,
                        change.vat_registered,
                        change.tax_id,
                        change.branch,
                    ),
                )
            elif isinstance(change, ProductChange):
                _apply_product(cursor, change)
            else:
                cursor.execute(_USER, (change.name, change.role, change.pin_hash, change.active))


def _apply_product(cursor: sqlite3.Cursor, change: ProductChange) -> None:
    row = cursor.execute(
        "SELECT id FROM producer_group WHERE name_th = ?", (change.producer,)
    ).fetchone()
    if row is None:
        raise CatalogueChangeError(
            f"product {change.sku}: producer group {change.producer!r} is not known here"
            " (the head office sends a product's producer before it)"
        )
    if change.barcode is not None:  # the head office moved the code: it wins
        cursor.execute(
            "UPDATE product SET barcode = NULL WHERE barcode = ? AND sku <> ?",
            (change.barcode, change.sku),
        )
    if change.plu is not None:
        cursor.execute(
            "UPDATE product SET plu = NULL WHERE plu = ? AND sku <> ?", (change.plu, change.sku)
        )
    cursor.execute(
        _PRODUCT,
        (
            change.sku,
            change.barcode,
            change.plu,
            change.name_th,
            change.name_en,
            change.category.value,
            row[0],
            change.unit_price_satang,
            change.unit.value,
            change.sold_by_weight,
            change.vat_applicable,
            change.otop_stars,
        ),
    )
