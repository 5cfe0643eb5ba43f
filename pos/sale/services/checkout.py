"""Checkout: a paid cart becomes a completed, numbered, durable sale — in one transaction.

What the payment dialog calls, in order:

1. :func:`quote` when it opens: the totals with VAT, the cash amount due after
   rounding, the shop's PromptPay ID and the schemes open now with what each
   may pay of this cart (``quote.promptpay_payload(amount)`` gives the QR text).
2. :func:`pos.sale.domain.tenders.progress` (pure) after each tender the cashier adds:
   what is still due, the change; it raises :class:`pos.sale.domain.tenders.PaymentError`
   with a message for the cashier on a tender that cannot be taken.
3. :func:`commit_sale` when the payment is complete.  It checks everything
   again (:func:`pos.sale.domain.payment.plan_payment`), checks approvals, takes the next
   receipt number of this terminal and stores the sale — lines as snapshots,
   tenders with scheme shares, VAT per seller, cash rounding, change, the
   allocation of tenders to lines, the buyer's tax invoice if any, and the
   audit records of discounts and price overrides — in ONE transaction, which
   is durable (WAL, synchronous=FULL) when it returns.  Print only after it
   returns: a crash before the commit leaves no sale and no used number.

Retrying is safe: the dialog gives every payment a ``sale_id`` (a UUID made
when the dialog opens) and a second call with the same id returns the sale
already stored, with its number, instead of selling twice.

Discounts above ``Settings.discount_limit_basis_points`` and any price
changed from the catalogue's need a manager: ``approved_by_user_id`` is the
manager whose PIN the sale screen checked (:func:`pos.staff.services.pins.check_pin`).

:func:`record_sale` is the same checkout inside the caller's unit of work: the
till (:mod:`pos.till.services.pay`) runs it in the transaction that also
removes the saved cart and queues the receipt's print job, so the three commit
together or not at all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pos.audit import AuditAction, AuditEvent
from pos.clock import THAI_TIME, Clock
from pos.ids import SaleId, UserId
from pos.money import CashRounding, format_baht, percent_of, round_cash
from pos.printing.domain.issued_header import IssuedHeader
from pos.printing.services.print_jobs import queue_document
from pos.sale.domain.cart import Cart, CartTotals
from pos.sale.domain.completed_sale import BuyerDetails, Sale, SaleHeader, build_sale
from pos.sale.domain.numbering import DocumentKind, counter_name, document_number
from pos.sale.domain.payment import SchemeOffer, payable_lines, plan_payment, scheme_offers
from pos.sale.domain.promptpay import payload
from pos.sale.domain.tenders import PaymentError, Tender, TenderKind
from pos.sale.services.tax_invoices import add_tax_invoice
from pos.settings.domain.shop_settings import Settings
from pos.shifts.services.stamping import require_open_shift
from pos.testhooks import pause_point
from pos.unit_of_work import UnitOfWork


class CheckoutError(ValueError):
    """The sale cannot be completed as asked; nothing was stored."""


class ApprovalRequiredError(CheckoutError):
    """A discount or price change needs a manager's approval."""


@dataclass(frozen=True)
class CheckoutRequest:
    """Everything checkout needs; ``sale_id`` makes a retried call return the same sale."""

    sale_id: SaleId
    cart: Cart
    tenders: Sequence[Tender]
    cashier_id: UserId
    approved_by_user_id: UserId | None = None
    buyer: BuyerDetails | None = None
    # False when the till already audited each discount as it was given (with its approver)
    audit_discounts: bool = True


@dataclass(frozen=True)
class PaymentQuote:
    """What the payment dialog shows when it opens."""

    at: dt.datetime
    totals: CartTotals
    vat_rate_basis_points: int
    cash_rounding: CashRounding
    promptpay_target: str
    schemes: tuple[SchemeOffer, ...]

    @property
    def total_satang(self) -> int:
        return self.totals.total_satang

    @property
    def cash_due_satang(self) -> int:
        """The whole total paid in cash, rounded (the "exact" key before any other tender)."""
        return round_cash(self.total_satang, self.cash_rounding) if self.total_satang else 0

    def promptpay_payload(self, amount_satang: int) -> str:
        """The PromptPay QR text for ``amount_satang``; PromptPayError if none is configured."""
        return payload(self.promptpay_target, amount_satang)


def quote(uow_factory: Callable[[], UnitOfWork], clock: Clock, cart: Cart) -> PaymentQuote:
    """The totals and payment options for ``cart`` at this moment."""
    moment = clock.now()
    with uow_factory() as uow:
        settings = uow.settings.load()
    rate = settings.vat_schedule.rate_on(moment.astimezone(THAI_TIME).date())
    totals = cart.totals(rate)
    offers = scheme_offers(payable_lines(cart, totals), settings.schemes, moment)
    return PaymentQuote(
        moment, totals, rate, settings.cash_rounding, settings.promptpay_target, tuple(offers)
    )


def commit_sale(
    uow_factory: Callable[[], UnitOfWork], clock: Clock, request: CheckoutRequest
) -> Sale:
    """Store the sale for a paid cart and return it (see the module's docstring).

    Raises :class:`pos.sale.domain.tenders.PaymentError` for tenders that do not settle the
    cart, :class:`pos.shifts.domain.cash_control.NoOpenShiftError` when no shift is open on this
    terminal, :class:`ApprovalRequiredError` and :class:`CheckoutError` otherwise;
    in every case nothing is stored and no receipt number is used.  The sale is
    stamped with the open shift and its business day in the same transaction.
    """
    with uow_factory() as uow:
        sale = record_sale(uow, clock, request)
        uow.commit()
        return sale


SALE_DOCUMENT = "sale"  # the print job of a sale's receipt; its reference is the receipt number


def record_sale(
    uow: UnitOfWork, clock: Clock, request: CheckoutRequest, *, print_receipt: bool = False
) -> Sale:
    """:func:`commit_sale` inside the caller's unit of work; the caller commits.

    With ``print_receipt`` the receipt's print job is queued in the same
    transaction (the drawer opens with it when cash was taken).  A retried
    request returns the stored sale and queues nothing.
    """
    if request.cart.is_empty:
        raise CheckoutError("the cart is empty")
    existing = uow.sales.sale_by_id(request.sale_id)
    if existing is not None:
        return _the_same_sale(existing, request)
    moment = clock.now()  # the write lock is held since the lookup above: times keep order
    settings = uow.settings.load()
    stamp = require_open_shift(uow, settings.terminal_id)  # stamped in this transaction
    sale = dataclasses.replace(_new_sale(uow, settings, request, moment), stamp=stamp)
    uow.sales.add_sale(sale)
    # the header, tax status and words of this moment: a copy reproduces them (issue 13)
    uow.sales.freeze_header(SALE_DOCUMENT, sale.receipt_number, IssuedHeader.of(settings))
    pause_point("checkout")  # crash tests freeze here: rows written, not committed
    if request.buyer is not None:
        invoice = add_tax_invoice(
            uow, sale, request.buyer, request.cashier_id, moment, with_the_sale=True
        )
        sale = dataclasses.replace(sale, tax_invoices=(invoice,))
    if request.audit_discounts:
        for event in _audit_events(sale, request):
            uow.audit.record(event)
    if print_receipt:
        cash = any(tender.kind is TenderKind.CASH for tender in sale.tenders)
        queue_document(uow, SALE_DOCUMENT, sale.receipt_number, clock, open_drawer=cash)
    return sale


def _new_sale(
    uow: UnitOfWork, settings: Settings, request: CheckoutRequest, moment: dt.datetime
) -> Sale:
    rate = settings.vat_schedule.rate_on(moment.astimezone(THAI_TIME).date())
    totals = request.cart.totals(rate)
    plan = plan_payment(
        payable_lines(request.cart, totals),
        request.tenders,
        settings.cash_rounding,
        settings.schemes,
        moment,
    )
    _check_people(uow, request, _approvals_needed(request.cart, totals, settings))
    for tender in plan.settlement.tenders:
        if tender.scheme_code and tender.reference:
            used = uow.sales.scheme_reference_receipt(tender.scheme_code, tender.reference)
            if used:
                raise PaymentError(
                    f"app reference {tender.reference} was already used on receipt {used}"
                )
    terminal_id = settings.terminal_id
    serial = uow.counters.next_value(counter_name(DocumentKind.RECEIPT, terminal_id))
    header = SaleHeader(
        sale_id=request.sale_id,
        receipt=(terminal_id, serial, document_number(DocumentKind.RECEIPT, terminal_id, serial)),
        sold_at=moment,
        cashier_id=request.cashier_id,
        approved_by_user_id=request.approved_by_user_id,
        vat_rate_basis_points=rate,
    )
    return build_sale(header, cart=request.cart, totals=totals, plan=plan)


def _the_same_sale(existing: Sale, request: CheckoutRequest) -> Sale:
    """A retried checkout: the stored sale, if it is the same cart."""
    totals = request.cart.totals(existing.vat_rate_basis_points)
    same = totals.total_satang == existing.total_satang and len(request.cart.lines) == len(
        existing.lines
    )
    if not same:
        raise CheckoutError(
            f"sale id {request.sale_id} was already used for receipt {existing.receipt_number}"
            " with other goods; start a new payment"
        )
    return existing


def _approvals_needed(cart: Cart, totals: CartTotals, settings: Settings) -> list[str]:
    """What in the cart a cashier may not do alone."""
    limit = settings.discount_limit_basis_points
    needed = []
    for line, line_total in zip(cart.lines, totals.lines, strict=True):
        name = line.product.name_th
        if line_total.line_discount_satang > percent_of(line_total.gross_satang, limit):
            needed.append(
                f"the discount of {format_baht(line_total.line_discount_satang)} on {name}"
            )
        if line.unit_price_satang != line.product.unit_price_satang:
            needed.append(f"the changed price of {name}")
    after_lines = totals.subtotal_satang - totals.line_discounts_satang
    if totals.order_discount_satang > percent_of(after_lines, limit):
        needed.append(f"the order discount of {format_baht(totals.order_discount_satang)}")
    return needed


def _check_people(uow: UnitOfWork, request: CheckoutRequest, needed: list[str]) -> None:
    cashier = uow.users.by_id(request.cashier_id)
    if cashier is None or not cashier.active:
        raise CheckoutError(f"user {request.cashier_id} cannot sell: log in again")
    if needed and request.approved_by_user_id is None:
        raise ApprovalRequiredError(f"a manager must approve {'; '.join(needed)}")
    if request.approved_by_user_id is not None:
        manager = uow.users.by_id(request.approved_by_user_id)
        if manager is None or not manager.active or not manager.is_manager:
            raise ApprovalRequiredError(
                f"user {request.approved_by_user_id} is not an active manager"
            )


def _audit_events(sale: Sale, request: CheckoutRequest) -> list[AuditEvent]:
    """Discounts and price overrides, recorded with the sale that gave them."""
    changes: list[tuple[AuditAction, dict[str, object]]] = []
    for line in sale.lines:
        if line.line_discount_satang:
            detail = {
                "sku": line.sku,
                "gross_satang": line.gross_satang,
                "discount_satang": line.line_discount_satang,
            }
            changes.append((AuditAction.LINE_DISCOUNT, detail))
        if line.price_overridden:
            detail = {
                "sku": line.sku,
                "catalogue_price_satang": line.catalogue_price_satang,
                "unit_price_satang": line.unit_price_satang,
            }
            changes.append((AuditAction.PRICE_OVERRIDE, detail))
    if sale.order_discount_satang:
        changes.append(
            (AuditAction.ORDER_DISCOUNT, {"discount_satang": sale.order_discount_satang})
        )
    return [
        AuditEvent(
            action,
            sale.sold_at,
            request.cashier_id,
            request.approved_by_user_id,
            reference=sale.receipt_number,
            detail=detail,
        )
        for action, detail in changes
    ]
