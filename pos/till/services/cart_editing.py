"""Editing the cart on the counter: goods in, quantities, lines out, discounts, clearing.

:class:`CartEditor` is the till's part the sale screen edits the cart with.
Every change goes to :meth:`pos.till.services.counter.Counter.changed`, which
has the journal write it durably with its audit events.

Discounts above ``Settings.discount_limit_basis_points`` need a manager: the
screen asks :meth:`CartEditor.line_discount_needs_approval` (or the bill's),
checks the manager's PIN and passes the approver back with the discount; the
approver is recorded on the line and in the audit trail.  A manager logged in
approves their own.  A change that would push an unapproved discount over the
limit (fewer pieces under an amount discount) is refused and undone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from pos.audit import AuditAction, AuditEvent
from pos.catalogue.domain.products import MILLI, Category, Product
from pos.ids import CartLineId, UserId
from pos.sale.domain.cart import CartError, CartLine, Discount
from pos.staff.domain.users import User
from pos.till.domain.rules import (
    Approvals,
    TillError,
    TillProblem,
    check_still_within_limits,
    discount_approver,
    discount_detail,
    exceeds_discount_limit,
    goods_after_line_discounts,
    problem_of,
)
from pos.till.services.counter import Counter
from pos.till.services.scanning import ScanOutcome, scan_code


class CartEditor:
    """Goods, quantities and discounts of the cart on the counter."""

    def __init__(self, counter: Counter):
        self._counter = counter

    # --- adding goods ---------------------------------------------------------------------
    def scan(self, raw_code: str) -> ScanOutcome:
        """A code from a scanner or typed: adds the goods, or says why not (never raises)."""
        counter = self._counter
        counter.require_user()
        with counter.read() as uow:
            outcome = scan_code(raw_code, uow.catalog, counter.settings.barcode_rules, counter.cart)
        if outcome.line is not None:
            counter.changed()
        return outcome

    def add_product(self, product: Product, quantity_milli: int = MILLI) -> CartLine:
        self._counter.require_user()
        with _cart_errors():
            line = self._counter.cart.add_product(product, quantity_milli)
        self._counter.changed()
        return line

    def add_weighed(self, product: Product, weight_grams: int) -> CartLine:
        self._counter.require_user()
        with _cart_errors():
            line = self._counter.cart.add_weighed(product, weight_grams)
        self._counter.changed()
        return line

    def search(self, text: str, limit: int = 50) -> list[Product]:
        with self._counter.read() as uow:
            return uow.catalog.search_products(text, limit)

    def quick_key_products(self, category: Category, limit: int = 240) -> list[Product]:
        """Goods without a GS1 barcode (the shop's own codes) in a category."""
        with self._counter.read() as uow:
            return uow.catalog.instore_products(category, 0, limit)

    # --- changing lines -------------------------------------------------------------------
    def change_quantity(self, line_id: CartLineId, delta_milli: int) -> None:
        line = self._line(line_id)
        self.set_quantity(line_id, line.quantity_milli + delta_milli)

    def set_quantity(self, line_id: CartLineId, quantity_milli: int) -> None:
        """Set a line's quantity; zero or less removes the line."""
        line = self._line(line_id)
        if quantity_milli <= 0:
            self.remove_line(line_id)
            return
        before = line.quantity_milli
        with _cart_errors():
            self._counter.cart.set_quantity(line_id, quantity_milli)
        self._keep_within_limits(lambda: setattr(line, "quantity_milli", before))
        self._counter.changed()

    def remove_line(self, line_id: CartLineId) -> None:
        counter = self._counter
        line = self._line(line_id)
        index = counter.cart.lines.index(line)
        counter.cart.remove(line_id)
        self._keep_within_limits(lambda: counter.cart.lines.insert(index, line))
        counter.approvals.lines.pop(line_id, None)
        event = counter.event(AuditAction.LINE_REMOVED, reference=line.product.sku)
        detail = {
            "cart": counter.cart_uuid,
            "line": line_id,
            "quantity_milli": line.quantity_milli,
            "amount_satang": line.gross_satang - line.discount_satang,
        }
        if counter.cart.is_empty:
            counter.cart.order_discount, counter.approvals = None, Approvals({})
        counter.changed([dataclasses.replace(event, detail=detail)])

    def clear_cart(self) -> None:
        """Abandon the whole cart (the customer left); recorded in the audit trail."""
        counter = self._counter
        counter.require_user()
        if counter.is_blank:
            return
        detail = {
            "cart": counter.cart_uuid,
            "lines": len(counter.cart.lines),
            "total_satang": counter.totals().total_satang,
        }
        event = dataclasses.replace(counter.event(AuditAction.CART_CLEARED), detail=detail)
        counter.journal.remove(counter.cart_uuid, [event])
        counter.new_cart()

    # --- discounts ------------------------------------------------------------------------
    def line_discount_needs_approval(self, line_id: CartLineId, discount: Discount | None) -> bool:
        line = self._line(line_id)
        limit = self._counter.settings.discount_limit_basis_points
        return discount is not None and exceeds_discount_limit(discount, line.gross_satang, limit)

    def set_line_discount(
        self, line_id: CartLineId, discount: Discount | None, approver: User | None = None
    ) -> None:
        """A line discount (None removes it); above the limit ``approver`` must be a manager."""
        counter = self._counter
        line = self._line(line_id)
        needed = self.line_discount_needs_approval(line_id, discount)
        approved_by = self._approver(needed, approver)
        with _cart_errors():
            counter.cart.set_line_discount(line_id, discount)
        if approved_by is None:
            counter.approvals.lines.pop(line_id, None)
        else:
            counter.approvals.lines[line_id] = approved_by
        event = self._discount_event(
            AuditAction.LINE_DISCOUNT, discount, line.gross_satang, approved_by
        )
        counter.changed([dataclasses.replace(event, reference=line.product.sku)])

    def check_line_discount(self, line_id: CartLineId, discount: Discount | None) -> None:
        """Refuse (TillError) a line discount that could not be set, before anyone approves it."""
        self._line(line_id)
        with _cart_errors():
            self._counter.cart.check_line_discount(line_id, discount)

    def check_order_discount(self, discount: Discount | None) -> None:
        """Refuse (TillError) a bill discount that could not be set, before anyone approves it."""
        if self._counter.cart.is_empty and discount is not None:
            raise TillError(TillProblem.CART_EMPTY, "the cart is empty")
        with _cart_errors():
            self._counter.cart.check_order_discount(discount)

    def order_discount_needs_approval(self, discount: Discount | None) -> bool:
        limit = self._counter.settings.discount_limit_basis_points
        goods = goods_after_line_discounts(self._counter.cart)
        return discount is not None and exceeds_discount_limit(discount, goods, limit)

    def set_order_discount(self, discount: Discount | None, approver: User | None = None) -> None:
        counter = self._counter
        if counter.cart.is_empty and discount is not None:
            raise TillError(TillProblem.CART_EMPTY, "the cart is empty")
        needed = self.order_discount_needs_approval(discount)
        approved_by = self._approver(needed, approver)
        with _cart_errors():
            counter.cart.set_order_discount(discount)
        counter.approvals = Approvals(counter.approvals.lines, approved_by)
        goods = goods_after_line_discounts(counter.cart)
        event = self._discount_event(AuditAction.ORDER_DISCOUNT, discount, goods, approved_by)
        counter.changed([event])

    # --- inside ---------------------------------------------------------------------------
    def _line(self, line_id: CartLineId) -> CartLine:
        self._counter.require_user()
        try:
            return self._counter.cart.line(line_id)
        except CartError:
            raise TillError(TillProblem.NO_SUCH_LINE, f"no line {line_id}") from None

    def _approver(self, needed: bool, approver: User | None) -> UserId | None:
        limit = self._counter.settings.discount_limit_basis_points
        return discount_approver(self._counter.require_user(), needed, approver, limit)

    def _keep_within_limits(self, undo: Callable[[], None]) -> None:
        """After a change that lowers what discounts come off: undo it if one goes over."""
        counter = self._counter
        limit = counter.settings.discount_limit_basis_points
        alone = counter.user is None or not counter.user.is_manager
        try:
            check_still_within_limits(counter.cart, counter.approvals, limit, cashier_alone=alone)
        except TillError:
            undo()
            raise

    def _discount_event(
        self,
        action: AuditAction,
        discount: Discount | None,
        base_satang: int,
        approved: UserId | None,
    ) -> AuditEvent:
        limit = self._counter.settings.discount_limit_basis_points
        detail = discount_detail(self._counter.cart_uuid, discount, base_satang, limit)
        event = self._counter.event(action)
        return dataclasses.replace(event, approved_by_user_id=approved, detail=detail)


@contextmanager
def _cart_errors() -> Iterator[None]:
    """The cart's refusals as till problems the screen can show in Thai."""
    try:
        yield
    except CartError as error:
        raise TillError(problem_of(error), str(error)) from None
