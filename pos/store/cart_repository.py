"""The till's open and held carts on SQLite (tables ``till_cart`` and ``till_cart_line``).

:meth:`SqlCartRepository.save` writes only what changed since the ``previous``
snapshot the caller last wrote: a scan on a 200-line cart is one header UPDATE
and one line UPSERT, not 200 rows.  With no ``previous`` (the first write of a
cart in this process) every line is rewritten, which is always correct.

A line keeps its product as JSON, as it was when scanned, so restoring a cart
never depends on today's catalogue.
"""

from __future__ import annotations

import json
from typing import Any, cast

from sqlalchemy import Row, Table, bindparam, delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pos.catalogue.domain.products import Category, ProducerGroup, Product, Unit
from pos.ids import CartUuid, TerminalId
from pos.sale.domain.cart import Discount, DiscountKind
from pos.store.models import TillCartLineRow, TillCartRow
from pos.store.times import from_utc_text, to_utc_text
from pos.till.domain.rules import CartStatus, SavedCart, SavedLine

_cart = cast(Table, TillCartRow.__table__)
_line = cast(Table, TillCartLineRow.__table__)
_HEADER_COLUMNS = (
    "terminal_id",
    "status",
    "user_id",
    "opened_at_utc",
    "changed_at_utc",
    "held_at_utc",
    "note",
    "revision",
    "order_discount_kind",
    "order_discount_value",
    "order_discount_approved_by",
)
_LINE_COLUMNS = (
    "sku",
    "product_json",
    "quantity_milli",
    "unit_price_satang",
    "label_price_satang",
    "discount_kind",
    "discount_value",
    "discount_approved_by",
)


def _upsert(table: Table, keys: list[str], columns: tuple[str, ...]) -> Any:
    """INSERT … ON CONFLICT DO UPDATE, built once: values come as execute() parameters."""
    insert = sqlite_insert(table)
    return insert.on_conflict_do_update(
        index_elements=keys, set_={name: insert.excluded[name] for name in columns}
    )


# Built once at import: on the journal's write path SQLAlchemy only looks up its compiled form.
_SAVE_HEADER = _upsert(_cart, ["cart_uuid"], _HEADER_COLUMNS).returning(_cart.c.id)
_SAVE_LINES = _upsert(_line, ["cart_id", "line_id"], _LINE_COLUMNS)
_DELETE_ALL_LINES = delete(_line).where(_line.c.cart_id == bindparam("cart"))
_DELETE_LINES = delete(_line).where(
    _line.c.cart_id == bindparam("cart"), _line.c.line_id.in_(bindparam("gone", expanding=True))
)
_DELETE_CART = delete(_cart).where(_cart.c.cart_uuid == bindparam("uuid"))


class SqlCartRepository:
    """:class:`pos.unit_of_work.CartRepository` on the SQLite store."""

    def __init__(self, session: Session):
        self._session = session

    # --- writing --------------------------------------------------------------------------
    def save(self, cart: SavedCart, previous: SavedCart | None) -> None:
        connection = self._session.connection()
        cart_id = int(connection.execute(_SAVE_HEADER, _header_values(cart)).scalar_one())
        if previous is None:
            connection.execute(_DELETE_ALL_LINES, {"cart": cart_id})
            changed, gone = list(cart.lines), []
        else:
            before = {line.line_id: line for line in previous.lines}
            now = {line.line_id for line in cart.lines}
            changed = [line for line in cart.lines if before.get(line.line_id) != line]
            gone = [line_id for line_id in before if line_id not in now]
        if gone:
            connection.execute(_DELETE_LINES, {"cart": cart_id, "gone": gone})
        if changed:
            connection.execute(_SAVE_LINES, [_line_values(cart_id, line) for line in changed])

    def delete(self, cart_uuid: CartUuid) -> None:
        self._session.connection().execute(_DELETE_CART, {"uuid": cart_uuid})

    # --- reading --------------------------------------------------------------------------
    def get(self, cart_uuid: CartUuid) -> SavedCart | None:
        found = self._carts(select(_cart).where(_cart.c.cart_uuid == cart_uuid))
        return found[0] if found else None

    def open_carts(self, terminal_id: TerminalId) -> list[SavedCart]:
        return self._carts(
            _of(terminal_id, CartStatus.OPEN).order_by(
                _cart.c.changed_at_utc.desc(), _cart.c.id.desc()
            )
        )

    def held_carts(self, terminal_id: TerminalId) -> list[SavedCart]:
        return self._carts(
            _of(terminal_id, CartStatus.HELD).order_by(_cart.c.held_at_utc, _cart.c.id)
        )

    def _carts(self, statement: Any) -> list[SavedCart]:
        connection = self._session.connection()
        headers = connection.execute(statement).all()
        if not headers:
            return []
        lines: dict[int, list[SavedLine]] = {row.id: [] for row in headers}
        rows = connection.execute(
            select(_line)
            .where(_line.c.cart_id.in_(bindparam("ids", expanding=True)))
            .order_by(_line.c.cart_id, _line.c.line_id),
            {"ids": list(lines)},
        )
        for row in rows:
            lines[row.cart_id].append(_saved_line(row))
        return [_saved_cart(row, tuple(lines[row.id])) for row in headers]


def _of(terminal_id: TerminalId, status: CartStatus) -> Any:
    return select(_cart).where(_cart.c.terminal_id == terminal_id, _cart.c.status == status.value)


def _header_values(cart: SavedCart) -> dict[str, Any]:
    discount = cart.order_discount
    return {
        "cart_uuid": cart.cart_uuid,
        "terminal_id": cart.terminal_id,
        "status": cart.status.value,
        "user_id": cart.user_id,
        "opened_at_utc": to_utc_text(cart.opened_at),
        "changed_at_utc": to_utc_text(cart.last_change),
        "held_at_utc": to_utc_text(cart.held_at) if cart.held_at else None,
        "note": cart.note,
        "revision": cart.revision,
        "order_discount_kind": discount.kind.value if discount else None,
        "order_discount_value": discount.value if discount else None,
        "order_discount_approved_by": cart.order_discount_approved_by,
    }


def _line_values(cart_id: int, line: SavedLine) -> dict[str, Any]:
    return {
        "cart_id": cart_id,
        "line_id": line.line_id,
        "sku": line.product.sku,
        "product_json": product_to_json(line.product),
        "quantity_milli": line.quantity_milli,
        "unit_price_satang": line.unit_price_satang,
        "label_price_satang": line.label_price_satang,
        "discount_kind": line.discount.kind.value if line.discount else None,
        "discount_value": line.discount.value if line.discount else None,
        "discount_approved_by": line.discount_approved_by,
    }


def _discount(kind: str | None, value: int | None) -> Discount | None:
    return Discount(DiscountKind(kind), value) if kind is not None and value is not None else None


def _saved_line(row: Row[Any]) -> SavedLine:
    return SavedLine(
        line_id=row.line_id,
        product=product_from_json(row.product_json),
        quantity_milli=row.quantity_milli,
        unit_price_satang=row.unit_price_satang,
        label_price_satang=row.label_price_satang,
        discount=_discount(row.discount_kind, row.discount_value),
        discount_approved_by=row.discount_approved_by,
    )


def _saved_cart(row: Row[Any], lines: tuple[SavedLine, ...]) -> SavedCart:
    return SavedCart(
        cart_uuid=row.cart_uuid,
        terminal_id=row.terminal_id,
        status=CartStatus(row.status),
        user_id=row.user_id,
        opened_at=from_utc_text(row.opened_at_utc),
        revision=row.revision,
        lines=lines,
        order_discount=_discount(row.order_discount_kind, row.order_discount_value),
        order_discount_approved_by=row.order_discount_approved_by,
        held_at=from_utc_text(row.held_at_utc) if row.held_at_utc else None,
        note=row.note,
        changed_at=from_utc_text(row.changed_at_utc),
    )


def product_to_json(product: Product) -> str:
    """The product snapshot of a cart line as JSON (every field, the producer included)."""
    producer = product.producer
    return json.dumps(
        {
            "sku": product.sku,
            "barcode": product.barcode,
            "name_th": product.name_th,
            "name_en": product.name_en,
            "category": product.category.value,
            "unit_price_satang": product.unit_price_satang,
            "unit": product.unit.value,
            "sold_by_weight": product.sold_by_weight,
            "vat_applicable": product.vat_applicable,
            "otop_stars": product.otop_stars,
            "stock_milli": product.stock_milli,
            "producer": {
                "name_th": producer.name_th,
                "name_en": producer.name_en,
                "district": producer.district,
                "vat_registered": producer.vat_registered,
                "tax_id": producer.tax_id,
                "branch": producer.branch,
            },
        },
        ensure_ascii=False,
    )


def product_from_json(text: str) -> Product:
    data = json.loads(text)
    return Product(
        sku=data["sku"],
        barcode=data["barcode"],
        name_th=data["name_th"],
        name_en=data["name_en"],
        category=Category(data["category"]),
        producer=ProducerGroup(**data["producer"]),
        unit_price_satang=data["unit_price_satang"],
        unit=Unit(data["unit"]),
        sold_by_weight=data["sold_by_weight"],
        vat_applicable=data["vat_applicable"],
        otop_stars=data["otop_stars"],
        stock_milli=data.get("stock_milli", 0),
    )
