"""The download half of the protocol: catalogue changes as counters receive them.

Each change is the *full new state* of one producer group, product or user,
keyed by what the counter already uses as a natural key (a producer's Thai
name, a product's SKU, a user's name).  Applying a change is therefore an
upsert, and applying the same change twice does no harm.  Changes are numbered
by ``seq`` in commit order (see :mod:`hq.store.feed_repository` for how), and
a counter downloads them with ``cursor`` = the last ``seq`` it applied.

Stock is not in the feed: it moves with every sale at the counter, which owns
it (counted and adjusted there).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from pos.catalogue.domain.products import ProducerGroup, Product
from pos.staff.domain.users import User


class ChangeEntity(enum.StrEnum):
    PRODUCER = "producer"
    PRODUCT = "product"
    USER = "user"


@dataclass(frozen=True)
class CatalogueChange:
    seq: int
    entity: ChangeEntity
    key: str
    data: dict[str, Any]
    changed_at: dt.datetime


@dataclass(frozen=True)
class ChangePage:
    changes: list[CatalogueChange]
    next_cursor: int
    has_more: bool


def producer_data(producer: ProducerGroup) -> tuple[str, dict[str, Any]]:
    return producer.name_th, {
        "name_th": producer.name_th,
        "name_en": producer.name_en,
        "district": producer.district,
        "vat_registered": producer.vat_registered,
        "tax_id": producer.tax_id,
        "branch": producer.branch,
    }


def product_data(product: Product, plu: int | None) -> tuple[str, dict[str, Any]]:
    return product.sku, {
        "sku": product.sku,
        "barcode": product.barcode,
        "plu": plu,
        "name_th": product.name_th,
        "name_en": product.name_en,
        "category": product.category.value,
        "producer": product.producer.name_th,
        "unit_price_satang": product.unit_price_satang,
        "unit": product.unit.value,
        "sold_by_weight": product.sold_by_weight,
        "vat_applicable": product.vat_applicable,
        "otop_stars": product.otop_stars,
    }


def user_data(user: User) -> tuple[str, dict[str, Any]]:
    """A user with the Argon2id hash of the PIN, so a counter can check PINs offline."""
    return user.name, {
        "name": user.name,
        "role": user.role,
        "pin_hash": user.pin_hash,
        "active": user.active,
    }
