"""Document lines and totals from a :class:`pos.sale.domain.cart.Cart`: most of the sale mapping.

A completed sale keeps its cart lines and totals; turning them into a
document's lines and :class:`receipts.document.Totals` is the same whichever
document is printed, so it lives here and the sale mapping only adds the
number, the time, the cashier, the tenders and the buyer.
"""

from __future__ import annotations

from pos.sale.domain.cart import Cart, CartLine, LineTotal
from pos.sale.domain.cart import Discount as CartDiscount
from pos.sale.domain.cart import DiscountKind as CartDiscountKind
from receipts.document import DocumentLine, SellerVat, Totals


def discount_label(discount: CartDiscount | None) -> str:
    """``ส่วนลด 10%`` for a percentage, ``ส่วนลด`` for an amount."""
    if discount is None or discount.kind is not CartDiscountKind.PERCENT:
        return "ส่วนลด"
    whole, rest = divmod(discount.value, 100)
    return f"ส่วนลด {whole}%" if rest == 0 else f"ส่วนลด {whole}.{rest:02d}%"


def document_line(line: CartLine, total: LineTotal) -> DocumentLine:
    product = line.product
    return DocumentLine(
        name_th=product.name_th,
        producer=product.producer.name_th,
        quantity_milli=line.quantity_milli,
        unit_label=product.unit.label_th,
        unit_price_satang=line.unit_price_satang,
        gross_satang=total.gross_satang,
        discount_satang=total.line_discount_satang,
        discount_label=discount_label(line.discount),
        sold_by_weight=product.sold_by_weight,
        vatable=total.vatable,
        sku=product.sku,
    )


def lines_and_totals(
    cart: Cart, vat_rate_basis_points: int, *, cash_rounding_satang: int = 0
) -> tuple[tuple[DocumentLine, ...], Totals]:
    cart_totals = cart.totals(vat_rate_basis_points)
    lines = tuple(
        document_line(line, total)
        for line, total in zip(cart.lines, cart_totals.lines, strict=True)
    )
    totals = Totals(
        subtotal_satang=cart_totals.subtotal_satang,
        line_discounts_satang=cart_totals.line_discounts_satang,
        order_discount_satang=cart_totals.order_discount_satang,
        total_satang=cart_totals.total_satang,
        vat_rate_basis_points=vat_rate_basis_points,
        vat_by_seller=tuple(
            SellerVat(s.seller_name, s.seller_tax_id, s.gross_satang, s.net_satang, s.vat_satang)
            for s in cart_totals.vat_by_seller
        ),
        non_vat_satang=cart_totals.non_vat_satang,
        cash_rounding_satang=cash_rounding_satang,
    )
    return lines, totals
