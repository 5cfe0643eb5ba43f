"""The cart: lines, weights, discounts and the VAT breakdown."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.sale.domain.cart import Cart, CartError, Discount, DiscountKind, allocate_proportionally
from tests.factories import SMALL_GROUP, VAT_SELLER, make_product

VAT = 700


def test_scanning_the_same_product_again_adds_to_its_line() -> None:
    cart = Cart()
    scarf = make_product()
    first = cart.add_product(scarf)
    again = cart.add_product(scarf)
    assert first is again and len(cart.lines) == 1
    assert first.quantity_milli == 2000
    assert cart.totals(VAT).total_satang == 70000


def test_weighed_goods_get_a_line_each_and_round_half_up() -> None:
    cart = Cart()
    shallots = make_product("FD-SHAL", 8900, weighed=True, vat=False)
    cart.add_weighed(shallots, 1255)  # 1.255 kg × 89.00 = 111.695
    cart.add_weighed(shallots, 500)
    totals = cart.totals(VAT)
    assert [line.gross_satang for line in totals.lines] == [11170, 4450]
    assert totals.vat_satang == 0 and totals.non_vat_satang == 15620


def test_a_price_label_sets_the_line_price() -> None:
    cart = Cart()
    garlic = make_product("FD-GARL", 12000, weighed=True, vat=False)
    line = cart.add_labelled_price(garlic, 6000)
    assert line.gross_satang == 6000 and line.quantity_milli == 500
    with pytest.raises(CartError, match="fixed by its price"):
        cart.set_quantity(line.line_id, 1000)


def test_counted_goods_refuse_fractions_and_zero() -> None:
    cart = Cart()
    line = cart.add_product(make_product())
    with pytest.raises(CartError, match="whole units"):
        cart.set_quantity(line.line_id, 1500)
    with pytest.raises(CartError, match="more than 0"):
        cart.set_quantity(line.line_id, 0)


def test_quantity_down_to_zero_removes_the_line() -> None:
    cart = Cart()
    line = cart.add_product(make_product())
    cart.change_quantity(line.line_id, 1000)
    assert line.quantity_milli == 2000
    cart.change_quantity(line.line_id, -2000)
    assert cart.is_empty
    with pytest.raises(CartError, match="no line"):
        cart.remove(line.line_id)


def test_line_and_order_discounts() -> None:
    cart = Cart()
    silk = cart.add_product(make_product("TX-SILK", 250000))
    cart.add_product(make_product("TX-SCARF", 35000))
    cart.set_line_discount(silk.line_id, Discount(DiscountKind.PERCENT, 1000))  # 10%
    cart.set_order_discount(Discount(DiscountKind.AMOUNT, 5000))
    totals = cart.totals(VAT)
    assert totals.subtotal_satang == 285000
    assert totals.line_discounts_satang == 25000
    assert totals.order_discount_satang == 5000
    assert totals.total_satang == 255000
    assert sum(line.order_discount_satang for line in totals.lines) == 5000


def test_discounts_cannot_exceed_what_they_apply_to() -> None:
    cart = Cart()
    line = cart.add_product(make_product(price_satang=1000))
    with pytest.raises(CartError, match="more than the line"):
        cart.set_line_discount(line.line_id, Discount(DiscountKind.AMOUNT, 1001))
    with pytest.raises(CartError, match="more than the goods"):
        cart.set_order_discount(Discount(DiscountKind.AMOUNT, 1001))
    with pytest.raises(CartError, match="100%"):
        Discount(DiscountKind.PERCENT, 10_001)


def test_vat_is_split_per_registered_seller_and_exempt_goods_are_not_taxed() -> None:
    cart = Cart()
    cart.add_product(make_product("FD-CHIPS", 10700, seller=VAT_SELLER))
    cart.add_product(make_product("FD-RAW", 5000, seller=VAT_SELLER, vat=False))  # exempt
    cart.add_product(make_product("TX-SILK", 150000, seller=SMALL_GROUP))  # not registered
    totals = cart.totals(VAT)
    assert len(totals.vat_by_seller) == 1
    seller = totals.vat_by_seller[0]
    assert seller.seller_name == VAT_SELLER.name_th
    assert (seller.gross_satang, seller.net_satang, seller.vat_satang) == (10700, 10000, 700)
    assert totals.non_vat_satang == 155000
    assert totals.total_satang == 165700


def test_an_order_discount_lowers_the_vat_base() -> None:
    cart = Cart()
    cart.add_product(make_product("FD-CHIPS", 10700, seller=VAT_SELLER))
    cart.add_product(make_product("TX-SILK", 10700, seller=SMALL_GROUP))
    cart.set_order_discount(Discount(DiscountKind.PERCENT, 5000))
    totals = cart.totals(VAT)
    assert totals.vat_by_seller[0].gross_satang == 5350
    assert totals.vat_by_seller[0].vat_satang == 350


@given(st.integers(0, 10**9), st.lists(st.integers(0, 10**7), min_size=1, max_size=30))
def test_allocation_sums_exactly_and_never_exceeds_a_weight(
    amount: int, weights: list[int]
) -> None:
    amount = min(amount, sum(weights))
    shares = allocate_proportionally(amount, weights)
    assert sum(shares) == amount
    assert all(0 <= share <= weight for share, weight in zip(shares, weights, strict=True))


line_specs = st.lists(
    st.tuples(
        st.integers(0, 500_000),  # price
        st.integers(1, 20),  # quantity
        st.booleans(),  # VAT-registered seller
        st.integers(0, 10_000),  # line discount, basis points
    ),
    min_size=1,
    max_size=15,
)


@given(line_specs, st.integers(0, 10_000))
def test_totals_are_consistent(specs: list[tuple[int, int, bool, int]], order_bp: int) -> None:
    cart = Cart()
    for index, (price, quantity, registered, discount_bp) in enumerate(specs):
        seller = VAT_SELLER if registered else SMALL_GROUP
        line = cart.add_product(make_product(f"SKU{index}", price, seller=seller), quantity * 1000)
        cart.set_line_discount(line.line_id, Discount(DiscountKind.PERCENT, discount_bp))
    cart.set_order_discount(Discount(DiscountKind.PERCENT, order_bp))
    totals = cart.totals(VAT)
    assert totals.total_satang == (
        totals.subtotal_satang - totals.line_discounts_satang - totals.order_discount_satang
    )
    assert totals.total_satang == sum(line.total_satang for line in totals.lines)
    assert all(line.total_satang >= 0 for line in totals.lines)
    vatable = sum(seller.gross_satang for seller in totals.vat_by_seller)
    assert vatable + totals.non_vat_satang == totals.total_satang
    for seller in totals.vat_by_seller:
        assert seller.net_satang + seller.vat_satang == seller.gross_satang
