"""The till's own domain: saved carts (open and held), discount limits, discount entry.

A :class:`SavedCart` is an immutable snapshot of the cart on the counter — what
is written to the store after every change so that a crash or power cut loses
nothing, and what a held (parked) cart is.  It carries, besides the lines, who
approved each discount above the limit, because an auditor asks for it and a
restored or recalled cart must not lose it.

:func:`snapshot_cart` and :func:`cart_from_snapshot` convert between the live
:class:`pos.sale.domain.cart.Cart` and a snapshot; converting back keeps line ids, so a
restored cart is the same cart.

Discount limits (:func:`exceeds_discount_limit`) compare a discount with the
amount it comes off: a line discount with the line's gross, an order discount
with the goods after line discounts.  A percentage is compared directly; an
amount as the percentage of its base it amounts to (exactly, in integers).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pos.catalogue.domain.products import MILLI, Product
from pos.ids import CartLineId, CartUuid, TerminalId, UserId
from pos.money import MoneyFormatError, parse_baht
from pos.sale.domain.cart import Cart, CartError, CartLine, Discount, DiscountKind

if TYPE_CHECKING:  # pos.unit_of_work imports this module
    from pos.staff.domain.users import User

BASIS_POINTS_PER_WHOLE = 10_000
_PERCENT_PATTERN = re.compile(r"^(?P<whole>\d{1,3})(?:\.(?P<frac>\d{1,2}))?\s*%$")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


class CartStatus(enum.StrEnum):
    OPEN = "open"  # the cart on the counter (at most one per terminal)
    HELD = "held"  # parked, to be recalled later


@dataclass(frozen=True)
class SavedLine:
    """One cart line as saved; ``product`` is the snapshot taken when the line was added."""

    line_id: CartLineId
    product: Product
    quantity_milli: int
    unit_price_satang: int
    label_price_satang: int | None = None
    discount: Discount | None = None
    discount_approved_by: UserId | None = None


@dataclass(frozen=True)
class SavedCart:
    """A cart as saved: the open cart of a terminal, or a held one."""

    cart_uuid: CartUuid
    terminal_id: TerminalId
    status: CartStatus
    user_id: UserId | None
    opened_at: dt.datetime
    revision: int  # bumped by every change; tells a stale copy from the current one
    lines: tuple[SavedLine, ...] = ()
    order_discount: Discount | None = None
    order_discount_approved_by: UserId | None = None
    held_at: dt.datetime | None = None
    note: str = ""
    changed_at: dt.datetime | None = None  # the last change; the newest open cart wins

    @property
    def last_change(self) -> dt.datetime:
        return self.changed_at or self.opened_at

    @property
    def item_count(self) -> int:
        return count_items(self.lines)


def count_items(lines: Iterable[SavedLine | CartLine]) -> int:
    """What the customer takes away: pieces of counted goods, one per weighed or labelled line."""
    return sum(
        1
        if line.product.sold_by_weight or line.label_price_satang is not None
        else line.quantity_milli // MILLI
        for line in lines
    )


@dataclass(frozen=True)
class Approvals:
    """Who approved the discounts above the limit: by line id, and for the order."""

    lines: dict[CartLineId, UserId]
    order: UserId | None = None


def snapshot_lines(cart: Cart, approvals: Approvals) -> tuple[SavedLine, ...]:
    return tuple(
        SavedLine(
            line_id=line.line_id,
            product=line.product,
            quantity_milli=line.quantity_milli,
            unit_price_satang=line.unit_price_satang,
            label_price_satang=line.label_price_satang,
            discount=line.discount,
            discount_approved_by=approvals.lines.get(line.line_id),
        )
        for line in cart.lines
    )


def cart_from_snapshot(saved: SavedCart) -> tuple[Cart, Approvals]:
    """A live cart equal to the saved one (same line ids), and its approvals."""
    cart = Cart()
    for line in sorted(saved.lines, key=lambda line: line.line_id):
        cart.restore_line(
            CartLine(
                line_id=line.line_id,
                product=line.product,
                quantity_milli=line.quantity_milli,
                unit_price_satang=line.unit_price_satang,
                label_price_satang=line.label_price_satang,
                discount=line.discount,
            )
        )
    cart.order_discount = saved.order_discount
    approved = {
        line.line_id: line.discount_approved_by
        for line in saved.lines
        if line.discount_approved_by is not None
    }
    return cart, Approvals(approved, saved.order_discount_approved_by)


def exceeds_discount_limit(discount: Discount, base_satang: int, limit_basis_points: int) -> bool:
    """True when ``discount`` on ``base_satang`` is more than ``limit_basis_points`` of it."""
    if discount.kind is DiscountKind.PERCENT:
        return discount.value > limit_basis_points
    return discount.value * BASIS_POINTS_PER_WHOLE > limit_basis_points * base_satang


def parse_discount(text: str) -> Discount:
    """``"10%"`` or ``"12.5 %"`` → a percentage; ``"50"`` or ``"49.50"`` → an amount in baht.

    Thai digits are accepted.  Raises ValueError saying what to type.
    """
    cleaned = text.strip().translate(_THAI_DIGITS)
    match = _PERCENT_PATTERN.match(cleaned)
    if match:
        basis_points = int(match["whole"]) * 100 + int((match["frac"] or "0").ljust(2, "0"))
        if basis_points > BASIS_POINTS_PER_WHOLE:
            raise ValueError(f"{text!r}: a discount cannot be more than 100%")
        return Discount(DiscountKind.PERCENT, basis_points)
    try:
        satang = parse_baht(cleaned)
    except MoneyFormatError:
        raise ValueError(
            f"{text!r} is not a discount (write e.g. 10% or an amount in baht such as 50)"
        ) from None
    if satang < 0:
        raise ValueError(f"{text!r}: a discount cannot be negative")
    return Discount(DiscountKind.AMOUNT, satang)


def format_discount(discount: Discount) -> str:
    """``10%``, ``12.5%`` or ``50.00`` (baht) — how the cashier typed it."""
    if discount.kind is DiscountKind.PERCENT:
        whole, fraction = divmod(discount.value, 100)
        return f"{whole}%" if fraction == 0 else f"{whole}.{fraction:02d}".rstrip("0") + "%"
    whole, fraction = divmod(discount.value, 100)
    return f"{whole:,}.{fraction:02d}"


class TillProblem(enum.StrEnum):
    """Why the till refused something; the screen shows each in the cashier's language."""

    NOT_LOGGED_IN = "not_logged_in"
    WRONG_PIN = "wrong_pin"
    LOCKED_OUT = "locked_out"  # too many wrong PINs: wait (``seconds``)
    NOT_A_MANAGER = "not_a_manager"
    CART_NOT_EMPTY = "cart_not_empty"
    CART_EMPTY = "cart_empty"
    APPROVAL_NEEDED = "approval_needed"  # a discount above the limit needs a manager
    OVER_LIMIT_AFTER_CHANGE = "over_limit_after_change"  # the change would push a discount over
    DISCOUNT_TOO_LARGE = "discount_too_large"  # more than what it comes off
    WHOLE_UNITS_ONLY = "whole_units_only"
    LABEL_QUANTITY_FIXED = "label_quantity_fixed"
    QUANTITY_NOT_POSITIVE = "quantity_not_positive"
    NO_SUCH_LINE = "no_such_line"
    NO_SUCH_HELD_CART = "no_such_held_cart"
    CART_CHANGED = "cart_changed"  # checkout of a draft the cashier has changed since
    CART_REFUSED = "cart_refused"  # anything else the cart refused; the message says what


class TillError(Exception):
    """A refused operation; nothing was changed.  ``details`` feed the on-screen message."""

    def __init__(self, problem: TillProblem, message: str, **details: object):
        super().__init__(message)
        self.problem = problem
        self.details = details


def goods_after_line_discounts(cart: Cart) -> int:
    """What an order discount comes off: the goods after their line discounts."""
    return sum(line.gross_satang - line.discount_satang for line in cart.lines)


def discounts_over_limit(cart: Cart, approvals: Approvals, limit_basis_points: int) -> bool:
    """True if a discount nobody approved is now above the limit (after fewer pieces, say)."""
    for line in cart.lines:
        discount = line.discount
        if discount is None or line.line_id in approvals.lines:
            continue
        if exceeds_discount_limit(discount, line.gross_satang, limit_basis_points):
            return True
    order = cart.order_discount
    if order is None or approvals.order is not None or not cart.lines:
        return False
    return exceeds_discount_limit(order, goods_after_line_discounts(cart), limit_basis_points)


def discount_approver(
    user: User, needed: bool, approver: User | None, limit_basis_points: int
) -> UserId | None:
    """Who approves a discount: nobody when within the limit, else the manager at the till
    or the manager who gave their PIN; a cashier alone is refused (APPROVAL_NEEDED)."""
    if not needed:
        return None
    if user.is_manager:
        return user.user_id
    if approver is None or not approver.is_manager:
        raise TillError(
            TillProblem.APPROVAL_NEEDED,
            "a manager must approve",
            limit_basis_points=limit_basis_points,
        )
    return approver.user_id


def check_still_within_limits(
    cart: Cart, approvals: Approvals, limit_basis_points: int, *, cashier_alone: bool
) -> None:
    """After a change that lowers what discounts come off (fewer pieces under an amount
    discount): refused (OVER_LIMIT_AFTER_CHANGE) if an unapproved one now goes over."""
    if cashier_alone and discounts_over_limit(cart, approvals, limit_basis_points):
        raise TillError(
            TillProblem.OVER_LIMIT_AFTER_CHANGE,
            "a discount would go over the limit; change the discount first",
            limit_basis_points=limit_basis_points,
        )


def discount_detail(
    cart_uuid: CartUuid, discount: Discount | None, base_satang: int, limit_basis_points: int
) -> dict[str, Any]:
    """What the audit trail keeps of a discount: kind, value, amount, base and the limit."""
    detail: dict[str, Any] = {
        "cart": cart_uuid,
        "base_satang": base_satang,
        "limit_basis_points": limit_basis_points,
    }
    if discount is None:
        return {**detail, "kind": None, "removed": True}
    amount = min(discount.amount_on(base_satang), base_satang)
    return {**detail, "kind": discount.kind.value, "value": discount.value, "amount_satang": amount}


_CART_PROBLEMS = (
    ("whole units", TillProblem.WHOLE_UNITS_ONLY),
    ("fixed by its price", TillProblem.LABEL_QUANTITY_FIXED),
    ("more than 0", TillProblem.QUANTITY_NOT_POSITIVE),
    ("more than the", TillProblem.DISCOUNT_TOO_LARGE),
    ("more than 100%", TillProblem.DISCOUNT_TOO_LARGE),
)


def problem_of(error: CartError) -> TillProblem:
    """The till problem a refusal of the :class:`~pos.sale.domain.cart.Cart` is, for the screen."""
    message = str(error)
    return next(
        (problem for text, problem in _CART_PROBLEMS if text in message), TillProblem.CART_REFUSED
    )
