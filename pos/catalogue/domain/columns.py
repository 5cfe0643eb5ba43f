"""Producer groups and products as a store's columns: the one mapping every catalogue store uses.

The counter's SQLite store (:mod:`pos.store.catalog_repository`) and the head
office's PostgreSQL (:mod:`hq.store.catalog_repository`) have the same
catalogue columns, so they read and write rows through these functions and
cannot drift apart.  Pure: a row is anything with the columns as attributes
(a SQLAlchemy ``Row``), and the values are plain dicts for an INSERT or UPDATE.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pos.catalogue.domain.products import ProducerGroup, Product
from pos.ids import ProducerId


def contains_pattern(term: str) -> str:
    """A LIKE pattern matching ``term`` anywhere, its ``%``, ``_`` and ``\\`` taken
    literally (with ``ESCAPE '\\'``)."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def producer_from_row(row: Any) -> ProducerGroup:
    return ProducerGroup(
        name_th=row.name_th,
        name_en=row.name_en,
        district=row.district,
        vat_registered=bool(row.vat_registered),  # SQLite gives 0 or 1
        tax_id=row.tax_id,
        branch=row.branch,
    )


def producer_columns(producer: ProducerGroup) -> dict[str, Any]:
    return {
        "name_th": producer.name_th,
        "name_en": producer.name_en,
        "district": producer.district,
        "vat_registered": producer.vat_registered,
        "tax_id": producer.tax_id,
        "branch": producer.branch,
    }


def product_columns(
    product: Product, producer_ids: Mapping[str, ProducerId], plu: int | None
) -> dict[str, Any]:
    """A product's row; ``producer_ids`` maps each producer group's Thai name to its row id."""
    return {
        "sku": product.sku,
        "barcode": product.barcode,
        "plu": plu,
        "name_th": product.name_th,
        "name_en": product.name_en,
        "category": product.category.value,
        "producer_id": producer_ids[product.producer.name_th],
        "unit_price_satang": product.unit_price_satang,
        "unit": product.unit.value,
        "sold_by_weight": product.sold_by_weight,
        "vat_applicable": product.vat_applicable,
        "otop_stars": product.otop_stars,
        "stock_milli": product.stock_milli,
    }
