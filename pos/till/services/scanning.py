"""What a scanned (or typed) code does to the cart.

A code of 8, 12, 13 or 14 digits is a barcode: its check digit is verified
(:func:`pos.catalogue.domain.barcodes.parse_scanned_code`), then it is either a product's own
code or a scale label — weight or price embedded, found by its PLU.  A scale
label whose value is 0 is the product's base code (the shelf or quick-key
label): the cashier is asked for the weight, as for any weighed goods scanned
or chosen without a weight.  Anything else is tried as a SKU, so a cashier can
type ``TX-SILK-0001`` and Enter.  Nothing here raises for a bad code: the
outcome says what happened, for the screen to show without stopping the
cashier.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from pos.catalogue.domain.barcodes import (
    BarcodeError,
    BarcodeRules,
    EmbeddedKind,
    ScaleLabel,
    parse_scanned_code,
)
from pos.catalogue.domain.products import Product
from pos.catalogue.ports import CatalogRepository
from pos.sale.domain.cart import Cart, CartLine

_BARCODE_LENGTHS = (8, 12, 13, 14)


class ScanKind(enum.StrEnum):
    ADDED = "added"
    WEIGHT_NEEDED = "weight_needed"  # weighed goods without a weight: ask for it
    INVALID = "invalid"  # not a valid barcode (``detail`` says why: length, check digit)
    UNKNOWN = "unknown"  # valid, but no product has it
    NOT_BY_WEIGHT = "not_by_weight"  # a weight label on goods not sold by weight


@dataclass(frozen=True)
class ScanOutcome:
    kind: ScanKind
    code: str
    product: Product | None = None
    line: CartLine | None = None
    merged: bool = False  # one more of a line already in the cart
    detail: str = ""


def scan_code(raw: str, catalog: CatalogRepository, rules: BarcodeRules, cart: Cart) -> ScanOutcome:
    code = raw.strip()
    if code.isdigit() and len(code) in _BARCODE_LENGTHS:
        return _scan_barcode(code, catalog, rules, cart)
    product = catalog.product_by_sku(code.upper()) if code else None
    if product is None:
        kind = ScanKind.INVALID if code.isdigit() or not code else ScanKind.UNKNOWN
        detail = f"{code!r} has {len(code)} digits" if kind is ScanKind.INVALID else ""
        return ScanOutcome(kind, code, detail=detail)
    return _add(code, product, cart)


def _scan_barcode(
    code: str, catalog: CatalogRepository, rules: BarcodeRules, cart: Cart
) -> ScanOutcome:
    try:
        scanned = parse_scanned_code(code, rules)
    except BarcodeError as error:
        return ScanOutcome(ScanKind.INVALID, code, detail=str(error))
    if not isinstance(scanned, ScaleLabel):
        product = catalog.product_by_barcode(scanned.code)
        return _add(code, product, cart) if product else ScanOutcome(ScanKind.UNKNOWN, code)
    product = catalog.product_by_plu(scanned.plu)
    if product is None:
        return ScanOutcome(ScanKind.UNKNOWN, code)
    return _add_label(code, scanned, product, cart)


def _add_label(code: str, scanned: ScaleLabel, product: Product, cart: Cart) -> ScanOutcome:
    """A scale label's product with the weight or price printed on it."""
    if scanned.value == 0:
        return ScanOutcome(ScanKind.WEIGHT_NEEDED, code, product=product)
    if scanned.kind is EmbeddedKind.PRICE:
        return ScanOutcome(
            ScanKind.ADDED, code, product, cart.add_labelled_price(product, scanned.value)
        )
    if not product.sold_by_weight:
        return ScanOutcome(ScanKind.NOT_BY_WEIGHT, code, product=product)
    return ScanOutcome(ScanKind.ADDED, code, product, cart.add_weighed(product, scanned.value))


def _add(code: str, product: Product, cart: Cart) -> ScanOutcome:
    if product.sold_by_weight:
        return ScanOutcome(ScanKind.WEIGHT_NEEDED, code, product=product)
    lines_before = len(cart.lines)
    line = cart.add_product(product)
    return ScanOutcome(ScanKind.ADDED, code, product, line, merged=len(cart.lines) == lines_before)
