"""Catalogue changes from the head office, checked before anything is applied.

The head office owns producer groups, products (with prices) and staff; each
change in its feed is the entity's full new state, keyed by the counter's
natural key (:data:`pos.sync.wire.ENTITY_KEYS`; docs/SYNC.md, "Download").
:func:`parse_change` turns one into a typed value or raises
:class:`CatalogueChangeError` naming the change and the field — then the whole
page is refused and nothing of it is applied.

Stock is not in the feed (the counter owns it) and nothing is ever deleted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pos.catalogue.domain.products import Category, Unit
from pos.sync.wire import ENTITY_KEYS, CatalogueChange, ChangeEntity

ROLES = ("cashier", "manager")


class CatalogueChangeError(ValueError):
    """A change from the head office this counter cannot apply; nothing of its page was."""


@dataclass(frozen=True)
class ProducerChange:
    name_th: str
    name_en: str
    district: str
    vat_registered: bool
    tax_id: str | None
    branch: str | None


@dataclass(frozen=True)
class ProductChange:
    sku: str
    barcode: str | None
    plu: int | None
    name_th: str
    name_en: str
    category: Category
    producer: str
    unit_price_satang: int
    unit: Unit
    sold_by_weight: bool
    vat_applicable: bool
    otop_stars: int


@dataclass(frozen=True)
class UserChange:
    name: str
    role: str
    pin_hash: str
    active: bool


AnyChange = ProducerChange | ProductChange | UserChange


class _Fields:
    def __init__(self, change: CatalogueChange):
        self.change = change
        self.data: Mapping[str, Any] = change.data

    def fail(self, field: str, problem: str) -> CatalogueChangeError:
        change = self.change
        return CatalogueChangeError(
            f"catalogue change {change.seq} ({change.entity.value} {change.key!r}), "
            f"{field}: {problem}"
        )

    def text(self, field: str, *, optional: bool = False) -> Any:
        value = self.data.get(field)
        if value is None and optional:
            return None
        if not isinstance(value, str) or (not value.strip() and not optional):
            raise self.fail(field, f"must be text, not {value!r}")
        return value

    def flag(self, field: str) -> bool:
        value = self.data.get(field)
        if not isinstance(value, bool):
            raise self.fail(field, f"must be true or false, not {value!r}")
        return value

    def integer(
        self, field: str, low: int, high: int | None = None, *, optional: bool = False
    ) -> Any:
        value = self.data.get(field)
        if value is None and optional:
            return None
        if (
            not isinstance(value, int)
            or isinstance(value, bool)
            or value < low
            or (high is not None and value > high)
        ):
            raise self.fail(field, f"must be a whole number from {low}, not {value!r}")
        return value

    def choice(self, field: str, kind: type[Category] | type[Unit]) -> Any:
        try:
            return kind(str(self.data.get(field)))
        except ValueError:
            raise self.fail(field, f"unknown value {self.data.get(field)!r}") from None


def parse_change(change: CatalogueChange) -> AnyChange:
    fields = _Fields(change)
    parsed: AnyChange
    if change.entity is ChangeEntity.PRODUCER:
        parsed = ProducerChange(
            fields.text("name_th"),
            fields.text("name_en", optional=True) or "",
            fields.text("district", optional=True) or "",
            fields.flag("vat_registered"),
            fields.text("tax_id", optional=True),
            fields.text("branch", optional=True),
        )
    elif change.entity is ChangeEntity.PRODUCT:
        parsed = ProductChange(
            fields.text("sku"),
            fields.text("barcode", optional=True),
            fields.integer("plu", 0, optional=True),
            fields.text("name_th"),
            fields.text("name_en", optional=True) or "",
            fields.choice("category", Category),
            fields.text("producer"),
            fields.integer("unit_price_satang", 0),
            fields.choice("unit", Unit),
            fields.flag("sold_by_weight"),
            fields.flag("vat_applicable"),
            fields.integer("otop_stars", 0, 5),
        )
    else:
        role = fields.text("role")
        if role not in ROLES:
            raise fields.fail("role", f"must be cashier or manager, not {role!r}")
        parsed = UserChange(
            fields.text("name"), role, fields.text("pin_hash"), fields.flag("active")
        )
    key = fields.data[ENTITY_KEYS[change.entity]]  # parsed above: present, and text
    if key != change.key:
        raise fields.fail("key", f"does not match the data ({key!r})")
    return parsed
