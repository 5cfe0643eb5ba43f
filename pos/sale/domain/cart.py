"""The cart: lines, quantities, weights, discounts and totals with the VAT breakdown.

A :class:`Cart` is a plain mutable aggregate.  Each line keeps a snapshot of the
product as it was when added, so a later price change never alters an open
cart.  All amounts are satang, quantities thousandths (see :mod:`pos.catalogue.domain.products`).

How totals are computed (:meth:`Cart.totals`):

1. a line's gross is its label price (price-embedded scale code) or
   price × quantity, half up;
2. a line discount (amount or percentage) comes off that line;
3. an order discount is spread over the lines in proportion to what is left
   (largest remainder, so the shares add up to the satang), because VAT must be
   charged on what the buyer actually pays for each seller's goods;
4. VAT is split out per VAT-registered seller on the total of that seller's
   vatable lines (:func:`pos.sale.domain.vat.split_vat_inclusive`); everything else —
   sellers that are not registered, exempt produce — is listed as non-VAT.
"""

from __future__ import annotations

import enum
import itertools
from dataclasses import dataclass, field

from pos.catalogue.domain.products import MILLI, Product, amount_for_quantity
from pos.ids import CartLineId
from pos.money import percent_of
from pos.sale.domain.vat import split_vat_inclusive


class CartError(ValueError):
    """An operation the cart refuses (bad quantity, discount above the line, unknown line)."""


class DiscountKind(enum.StrEnum):
    AMOUNT = "amount"  # satang
    PERCENT = "percent"  # basis points: 1000 = 10%


@dataclass(frozen=True)
class Discount:
    """A discount as the cashier entered it; :meth:`amount_on` turns it into satang."""

    kind: DiscountKind
    value: int

    def __post_init__(self) -> None:
        if self.value < 0:
            raise CartError("a discount cannot be negative")
        if self.kind is DiscountKind.PERCENT and self.value > 10_000:
            raise CartError("a discount cannot be more than 100%")

    def amount_on(self, base_satang: int) -> int:
        if self.kind is DiscountKind.PERCENT:
            return percent_of(base_satang, self.value)
        return self.value


@dataclass
class CartLine:
    """One line of the cart; ``label_price_satang`` is set for price-embedded scale labels."""

    line_id: CartLineId
    product: Product
    quantity_milli: int
    unit_price_satang: int
    label_price_satang: int | None = None
    discount: Discount | None = None

    @property
    def gross_satang(self) -> int:
        if self.label_price_satang is not None:
            return self.label_price_satang
        return amount_for_quantity(self.unit_price_satang, self.quantity_milli)

    @property
    def discount_satang(self) -> int:
        return self.discount.amount_on(self.gross_satang) if self.discount else 0

    @property
    def merges_with_more_of_same(self) -> bool:
        return not self.product.sold_by_weight and self.label_price_satang is None


@dataclass(frozen=True)
class LineTotal:
    line_id: CartLineId
    gross_satang: int
    line_discount_satang: int
    order_discount_satang: int
    total_satang: int
    vatable: bool


@dataclass(frozen=True)
class SellerVat:
    """VAT included in one VAT-registered seller's goods."""

    seller_name: str
    seller_tax_id: str | None
    gross_satang: int
    net_satang: int
    vat_satang: int


@dataclass(frozen=True)
class CartTotals:
    lines: tuple[LineTotal, ...]
    subtotal_satang: int  # before any discount
    line_discounts_satang: int
    order_discount_satang: int
    total_satang: int
    vat_by_seller: tuple[SellerVat, ...]
    non_vat_satang: int  # exempt goods and sellers not registered for VAT

    @property
    def vat_satang(self) -> int:
        return sum(seller.vat_satang for seller in self.vat_by_seller)

    @property
    def discount_satang(self) -> int:
        return self.line_discounts_satang + self.order_discount_satang


@dataclass
class Cart:
    """The goods a customer is buying, before payment."""

    lines: list[CartLine] = field(default_factory=list)
    order_discount: Discount | None = None
    _line_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    # --- adding goods ---------------------------------------------------------------------
    def add_product(self, product: Product, quantity_milli: int = MILLI) -> CartLine:
        """Add counted goods; more of a product already in the cart goes on its line."""
        _check_quantity(product, quantity_milli)
        if product.sold_by_weight:
            return self._append(product, quantity_milli)
        for line in self.lines:
            same = line.product.sku == product.sku and line.merges_with_more_of_same
            if same and line.unit_price_satang == product.unit_price_satang:
                line.quantity_milli += quantity_milli
                return line
        return self._append(product, quantity_milli)

    def add_weighed(self, product: Product, weight_grams: int) -> CartLine:
        """A weighed item (from the scale label or typed): always a line of its own."""
        if weight_grams <= 0:
            raise CartError("the weight must be more than 0 g")
        return self._append(product, weight_grams)  # 1 g is a thousandth of a kg

    def add_labelled_price(self, product: Product, price_satang: int) -> CartLine:
        """A price-embedded scale label: the label's price is the line's price."""
        if price_satang <= 0:
            raise CartError("the label price must be more than 0")
        quantity = MILLI
        if product.sold_by_weight and product.unit_price_satang > 0:
            quantity = max(1, price_satang * MILLI // product.unit_price_satang)
        line = self._append(product, quantity)
        line.label_price_satang = price_satang
        return line

    def _append(self, product: Product, quantity_milli: int) -> CartLine:
        line = CartLine(
            CartLineId(next(self._line_ids)), product, quantity_milli, product.unit_price_satang
        )
        self.lines.append(line)
        return line

    def restore_line(self, line: CartLine) -> None:
        """Put back a line saved earlier (a held cart, crash recovery), keeping ids unique."""
        if any(existing.line_id == line.line_id for existing in self.lines):
            raise CartError(f"line {line.line_id} is already in the cart")
        self.lines.append(line)
        top = max(existing.line_id for existing in self.lines)
        self._line_ids = itertools.count(top + 1)

    # --- changing lines -------------------------------------------------------------------
    def line(self, line_id: CartLineId) -> CartLine:
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise CartError(f"there is no line {line_id} in the cart")

    def set_quantity(self, line_id: CartLineId, quantity_milli: int) -> None:
        line = self.line(line_id)
        if line.label_price_satang is not None:
            raise CartError("a scale label's quantity is fixed by its price")
        _check_quantity(line.product, quantity_milli)
        line.quantity_milli = quantity_milli
        self._check_line_discount(line, line.discount)

    def change_quantity(self, line_id: CartLineId, delta_milli: int) -> None:
        """Plus or minus; going to zero removes the line."""
        line = self.line(line_id)
        if line.quantity_milli + delta_milli <= 0:
            self.remove(line_id)
        else:
            self.set_quantity(line_id, line.quantity_milli + delta_milli)

    def remove(self, line_id: CartLineId) -> None:
        self.lines.remove(self.line(line_id))

    def set_line_discount(self, line_id: CartLineId, discount: Discount | None) -> None:
        self.check_line_discount(line_id, discount)
        self.line(line_id).discount = discount

    def check_line_discount(self, line_id: CartLineId, discount: Discount | None) -> None:
        """Raise CartError if the discount could not be set (asked before a manager approves)."""
        self._check_line_discount(self.line(line_id), discount)

    def set_order_discount(self, discount: Discount | None) -> None:
        self.check_order_discount(discount)
        self.order_discount = discount

    def check_order_discount(self, discount: Discount | None) -> None:
        """Raise CartError if the bill discount could not be set; changes nothing."""
        if discount is not None:
            after_lines = sum(line.gross_satang - line.discount_satang for line in self.lines)
            if discount.amount_on(after_lines) > after_lines:
                raise CartError("the order discount is more than the goods cost")

    @staticmethod
    def _check_line_discount(line: CartLine, discount: Discount | None) -> None:
        if discount is not None and discount.amount_on(line.gross_satang) > line.gross_satang:
            raise CartError("the discount is more than the line costs")

    def clear(self) -> None:
        self.lines.clear()
        self.order_discount = None

    @property
    def is_empty(self) -> bool:
        return not self.lines

    # --- totals ---------------------------------------------------------------------------
    def totals(self, vat_rate_basis_points: int) -> CartTotals:
        # Each line's gross and discount are computed once: this runs after every scan.
        grosses = [line.gross_satang for line in self.lines]
        discounts = [
            line.discount.amount_on(gross) if line.discount else 0
            for line, gross in zip(self.lines, grosses, strict=True)
        ]
        after_line = [gross - discount for gross, discount in zip(grosses, discounts, strict=True)]
        wanted = self.order_discount.amount_on(sum(after_line)) if self.order_discount else 0
        order_discount = min(wanted, sum(after_line))
        shares = allocate_proportionally(order_discount, after_line)
        line_totals = tuple(
            LineTotal(
                line_id=line.line_id,
                gross_satang=gross,
                line_discount_satang=discount,
                order_discount_satang=share,
                total_satang=rest - share,
                vatable=line.product.is_vatable,
            )
            for line, gross, discount, rest, share in zip(
                self.lines, grosses, discounts, after_line, shares, strict=True
            )
        )
        return CartTotals(
            lines=line_totals,
            subtotal_satang=sum(grosses),
            line_discounts_satang=sum(discounts),
            order_discount_satang=order_discount,
            total_satang=sum(lt.total_satang for lt in line_totals),
            vat_by_seller=_vat_by_seller(self.lines, line_totals, vat_rate_basis_points),
            non_vat_satang=sum(lt.total_satang for lt in line_totals if not lt.vatable),
        )


def _check_quantity(product: Product, quantity_milli: int) -> None:
    if quantity_milli <= 0:
        raise CartError("the quantity must be more than 0")
    if not product.sold_by_weight and quantity_milli % MILLI:
        raise CartError(f"{product.name_th} is sold by the {product.unit.label_th}, in whole units")


def _vat_by_seller(
    lines: list[CartLine], totals: tuple[LineTotal, ...], rate_basis_points: int
) -> tuple[SellerVat, ...]:
    gross_by_seller: dict[str, tuple[str | None, int]] = {}
    for line, line_total in zip(lines, totals, strict=True):
        if line_total.vatable:
            seller = line.product.producer
            _, gross = gross_by_seller.get(seller.name_th, (seller.tax_id, 0))
            gross_by_seller[seller.name_th] = (seller.tax_id, gross + line_total.total_satang)
    result = []
    for name, (tax_id, gross) in gross_by_seller.items():
        split = split_vat_inclusive(gross, rate_basis_points)
        result.append(SellerVat(name, tax_id, gross, split.net_satang, split.vat_satang))
    return tuple(result)


def allocate_proportionally(amount: int, weights: list[int]) -> list[int]:
    """Split ``amount`` over ``weights`` in proportion, by largest remainder; sums exactly.

    Ties in the remainder go to the earlier weight, so the result is deterministic.
    """
    total = sum(weights)
    if amount == 0 or total == 0:
        return [0] * len(weights)
    floors = [amount * weight // total for weight in weights]
    remainders = [amount * weight % total for weight in weights]
    short = amount - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for index in order[:short]:
        floors[index] += 1
    return floors
