"""Checkout at the till: the sale, the cart's removal and the receipt job in ONE transaction.

The payment screen calls :func:`quote_draft` when it opens and :func:`pay`
once the tenders cover the total.  :func:`pay` runs
:func:`pos.sale.services.checkout.record_sale` as the record step of
:meth:`pos.till.services.session.TillSession.complete_sale`, so in one durable
``BEGIN IMMEDIATE … COMMIT``:

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
from collections.abc import Sequence

from pos.sale.domain.completed_sale import BuyerDetails, Sale
from pos.sale.domain.tenders import Tender
from pos.sale.services.checkout import CheckoutRequest, PaymentQuote, quote, record_sale
from pos.till.domain.rules import Approvals, cart_from_snapshot
from pos.till.services.session import SaleDraft, TillSession


def quote_draft(till: TillSession, draft: SaleDraft) -> PaymentQuote:
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
        sale_id=uuid.UUID(draft.cart.cart_uuid),
        cart=cart,
        tenders=tuple(tenders),
        cashier_id=cashier_id,
        approved_by_user_id=sale_approver(approvals),
        buyer=buyer,
        audit_discounts=False,
    )


def sale_approver(approvals: Approvals) -> int | None:
    """The one approver a sale row keeps: the bill discount's, else the first line's."""
    if approvals.order is not None:
        return approvals.order
    return next(iter(approvals.lines.values()), None)


def pay(
    till: TillSession,
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
    return till.complete_sale(
        draft, lambda uow, _: record_sale(uow, till.clock, request, print_receipt=True)
    )
