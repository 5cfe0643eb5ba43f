"""Checkout at the till: the sale, the cart's removal and the receipt job in ONE transaction.

:class:`CheckoutHandOver` is the till's part that hands the cart to checkout:
:meth:`CheckoutHandOver.sale_draft` takes the cart as it is now, and
:meth:`CheckoutHandOver.record_and_clear_cart` runs a record step (write the
sale) and removes the cart in one transaction, so a sale is never both
recorded and still open.

The payment screen calls :func:`quote_draft` when it opens and :func:`pay`
once the tenders cover the total.  :func:`pay` runs
:func:`pos.sale.services.checkout.record_sale` as that record step, so in one
durable ``BEGIN IMMEDIATE … COMMIT``:

* the sale is stored and numbered (lines, tenders, VAT, buyer's tax invoice);
* the saved open cart is deleted (a restart cannot bring a paid cart back);
* the receipt's print job is queued (``"sale"`` + receipt number, opening the
  drawer when cash was taken).

Only after the commit may anything print.  If any step fails nothing is
written: no sale, no used receipt number, no job, and the cart is still on
the counter.

Two choices tie the till's records to the sale:

* the sale's id **is** the cart's UUID, so a retried payment of the same cart
  returns the stored sale instead of selling twice, and the cart's audit
  events (``detail["cart"]``: discounts, removals, holds) name the sale;
* the till owns the discount audit events: it records each discount when it
  is given, with the manager who approved that discount.  Checkout therefore
  does not record them again (``audit_discounts=False``); the sale's
  ``approved_by_user_id`` is the bill discount's approver, else the first
  line discount's.  Headless callers (simulate, the command line) let
  checkout record them, as the discount and the sale are then one act.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from pos.clock import Clock
from pos.ids import SaleId, UserId
from pos.sale.domain.cart import CartTotals
from pos.sale.domain.completed_sale import BuyerDetails, Sale
from pos.sale.domain.tenders import Tender
from pos.sale.services.checkout import CheckoutRequest, PaymentQuote, quote, record_sale
from pos.staff.domain.users import User
from pos.till.domain.rules import Approvals, SavedCart, TillError, TillProblem, cart_from_snapshot
from pos.till.services.counter import Counter
from pos.unit_of_work import UnitOfWork

T = TypeVar("T")


@dataclass(frozen=True)
class SaleDraft:
    """What a payment step needs: the cart as it is now, its totals, and who is selling."""

    cart: SavedCart
    totals: CartTotals
    cashier: User
    vat_rate_basis_points: int


class CheckoutHandOver:
    """The cart's totals, its draft for payment, and its removal once the sale is recorded."""

    def __init__(self, counter: Counter):
        self._counter = counter

    def sale_draft(self) -> SaleDraft:
        counter = self._counter
        user = counter.require_user()
        if counter.cart.is_empty:
            raise TillError(TillProblem.CART_EMPTY, "the cart is empty")
        rate = counter.vat_rate_basis_points
        return SaleDraft(counter.snapshot(), counter.cart.totals(rate), user, rate)

    def record_and_clear_cart(
        self, draft: SaleDraft, record: Callable[[UnitOfWork, SaleDraft], T]
    ) -> T:
        """Run ``record`` (write the sale) and remove the cart in ONE transaction, then clear.

        Refused if the cart changed since ``draft`` was taken; if ``record`` raises,
        nothing is written and the cart stays as it was.
        """
        counter = self._counter
        if (draft.cart.cart_uuid, draft.cart.revision) != (counter.cart_uuid, counter.revision):
            raise TillError(TillProblem.CART_CHANGED, "the cart changed; take a new draft")
        with counter.journal.exclusive():
            with counter.uow_factory() as uow:
                result = record(uow, draft)
                uow.carts.delete(draft.cart.cart_uuid)
                uow.commit()
            counter.journal.forget(draft.cart.cart_uuid)
        counter.new_cart()
        return result


class PayingTill(Protocol):
    """What paying needs of the till (:class:`pos.till.services.session.TillSession`)."""

    @property
    def clock(self) -> Clock: ...

    @property
    def read_uow_factory(self) -> Callable[[], UnitOfWork]: ...

    def record_and_clear_cart(
        self, draft: SaleDraft, record: Callable[[UnitOfWork, SaleDraft], T]
    ) -> T: ...


def quote_draft(till: PayingTill, draft: SaleDraft) -> PaymentQuote:
    """The totals, cash due, PromptPay ID and open schemes for the cart being paid."""
    cart, _ = cart_from_snapshot(draft.cart)
    return quote(till.read_uow_factory, till.clock, cart)


def checkout_request(
    draft: SaleDraft, tenders: Sequence[Tender], buyer: BuyerDetails | None = None
) -> CheckoutRequest:
    """The checkout request for a till's draft (see the module's docstring for the ids)."""
    cart, approvals = cart_from_snapshot(draft.cart)
    cashier_id = draft.cashier.user_id
    assert cashier_id is not None, "a logged-in user is a stored user"
    return CheckoutRequest(
        sale_id=SaleId(uuid.UUID(draft.cart.cart_uuid)),
        cart=cart,
        tenders=tuple(tenders),
        cashier_id=cashier_id,
        approved_by_user_id=sale_approver(approvals),
        buyer=buyer,
        audit_discounts=False,
    )


def sale_approver(approvals: Approvals) -> UserId | None:
    """The one approver a sale row keeps: the bill discount's, else the first line's."""
    if approvals.order is not None:
        return approvals.order
    return next(iter(approvals.lines.values()), None)


def pay(
    till: PayingTill,
    draft: SaleDraft,
    tenders: Sequence[Tender],
    buyer: BuyerDetails | None = None,
) -> Sale:
    """Complete the sale of ``draft``; raises (and changes nothing) if it cannot be.

    Raises :class:`pos.sale.domain.tenders.PaymentError`,
    :class:`pos.sale.services.checkout.CheckoutError`
    or :class:`pos.till.domain.rules.TillError` (the cart changed since the draft was taken).
    """
    request = checkout_request(draft, tenders, buyer)
    return till.record_and_clear_cart(
        draft, lambda uow, _: record_sale(uow, till.clock, request, print_receipt=True)
    )
