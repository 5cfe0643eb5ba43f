"""Returns and voids: credit notes (ใบลดหนี้) that point at the original sale, refunded by tender.

A return takes back some or all of a sale's lines, never more than was sold
less what earlier credit notes took back.  A void is the same document for
everything, on the day of the sale, reversing every tender in kind.  Neither
changes the sale: each is a new :class:`CreditNote` with its own number.

How the money goes back:

* A returned line's value is its share of the line total by quantity,
  computed cumulatively — ``round(total × returned so far / sold)`` minus what
  was already refunded — so returning a line in parts refunds exactly its total.
* That value comes back from the tenders that paid for the line
  (:mod:`pos.sale.domain.allocation`), in proportion to what each has not refunded yet.
* A scheme tender's part splits into the government's share, which goes back
  to the scheme through its app and is **never paid out in cash**
  (``scheme_government``), and the buyer's share, back to the buyer's app
  wallet or, if the customer prefers, in cash.  Card and PromptPay parts go
  back the same way, or in cash if the customer prefers.
* Cash refunds are rounded by the cash-rounding setting with ties to the
  customer; a void pays back exactly the cash taken.
* VAT is reversed per seller cumulatively too, so all returns of a sale
  together reverse exactly the VAT it charged.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pos.catalogue.domain.products import MILLI, format_quantity
from pos.clock import THAI_TIME
from pos.ids import (
    CreditNoteId,
    CreditNoteLineId,
    RefundId,
    SaleId,
    SaleLineId,
    TenderId,
    TerminalId,
    UserId,
)
from pos.money import CashRounding, div_round_half_up, round_cash
from pos.sale.domain.cart import SellerVat, allocate_proportionally
from pos.sale.domain.completed_sale import Sale, SaleLine
from pos.sale.domain.tenders import TenderKind
from pos.sale.domain.vat import split_vat_inclusive
from pos.shifts.domain.cash_control import ShiftStamp


class ReturnError(ValueError):
    """A return or void that cannot be made; the message says which line and why."""


class CreditNoteKind(enum.StrEnum):
    RETURN = "return"
    VOID = "void"


class RefundMethod(enum.StrEnum):
    CASH = "cash"
    PROMPTPAY = "promptpay"
    CARD = "card"
    SCHEME = "scheme"  # the buyer's share, back to their wallet in the scheme's app
    SCHEME_GOVERNMENT = "scheme_government"  # the government's share, back to the scheme

    @property
    def paid_to_customer(self) -> bool:
        return self is not RefundMethod.SCHEME_GOVERNMENT


@dataclass(frozen=True)
class CreditNoteLine:
    line_id: CreditNoteLineId
    sale_line_id: SaleLineId
    quantity_milli: int
    amount_satang: int


@dataclass(frozen=True)
class RefundShare:
    """The part of one returned line refunded against one original tender."""

    sale_line_id: SaleLineId
    tender_id: TenderId
    amount_satang: int
    government_share_satang: int


@dataclass(frozen=True)
class Refund:
    """Money going back against one original tender, one way."""

    refund_id: RefundId
    tender_id: TenderId
    method: RefundMethod
    amount_satang: int


@dataclass(frozen=True)
class ReturnDraft:
    """The arithmetic of a credit note, before it has a number."""

    lines: tuple[CreditNoteLine, ...]
    shares: tuple[RefundShare, ...]
    refunds: tuple[Refund, ...]
    vat: tuple[SellerVat, ...]
    total_satang: int
    non_vat_satang: int
    cash_rounding_satang: int


@dataclass(frozen=True)
class CreditNote:
    """A committed credit note.  Customers get ``refunded_to_customer_satang`` back."""

    credit_note_id: CreditNoteId
    number: str
    terminal_id: TerminalId
    serial: int
    kind: CreditNoteKind
    sale_id: SaleId
    sale_receipt_number: str
    issued_at: dt.datetime
    cashier_id: UserId
    approved_by_user_id: UserId
    reason: str
    draft: ReturnDraft
    stamp: ShiftStamp | None = None  # the shift that paid it out (None: stored before shifts)

    @property
    def business_date(self) -> dt.date:
        if self.stamp is not None:
            return self.stamp.business_date
        return self.issued_at.astimezone(THAI_TIME).date()

    @property
    def total_satang(self) -> int:
        return self.draft.total_satang

    @property
    def vat_satang(self) -> int:
        return sum(seller.vat_satang for seller in self.draft.vat)

    def refunded_by(self, method: RefundMethod) -> int:
        return sum(r.amount_satang for r in self.draft.refunds if r.method is method)

    @property
    def cash_paid_out_satang(self) -> int:
        cash = self.refunded_by(RefundMethod.CASH)
        return cash + self.draft.cash_rounding_satang if cash else 0

    @property
    def returned_to_government_satang(self) -> int:
        return self.refunded_by(RefundMethod.SCHEME_GOVERNMENT)

    @property
    def refunded_to_customer_satang(self) -> int:
        customer = self.total_satang - self.returned_to_government_satang
        return customer + self.draft.cash_rounding_satang


def returned_quantities(notes: Sequence[CreditNote]) -> dict[SaleLineId, int]:
    returned: dict[SaleLineId, int] = {}
    for note in notes:
        for line in note.draft.lines:
            returned[line.sale_line_id] = returned.get(line.sale_line_id, 0) + line.quantity_milli
    return returned


def returnable_quantities(sale: Sale, notes: Sequence[CreditNote]) -> dict[SaleLineId, int]:
    """What may still be returned of each line (thousandths), lines fully returned included as 0."""
    returned = returned_quantities(notes)
    return {
        line.line_id: line.quantity_milli - returned.get(line.line_id, 0) for line in sale.lines
    }


def draft_return(
    sale: Sale,
    previous: Sequence[CreditNote],
    quantities: Mapping[SaleLineId, int],
    *,
    rounding: CashRounding,
    refund_in_cash: bool = False,
    void: bool = False,
) -> ReturnDraft:
    """The credit note for returning ``quantities`` (sale line → thousandths) of ``sale``."""
    _check_quantities(sale, previous, quantities)
    done = _Refunded(previous)
    lines, shares = [], []
    for line in sale.lines:
        quantity = quantities.get(line.line_id, 0)
        if quantity:
            amount = _line_refund(line, done, quantity)
            note_line = CreditNoteLine(
                CreditNoteLineId(uuid.uuid4()), line.line_id, quantity, amount
            )
            lines.append(note_line)
            shares += _shares_of_line(sale, line, amount, done)
    refunds = _refunds(sale, shares, refund_in_cash)
    cash = sum(r.amount_satang for r in refunds if r.method is RefundMethod.CASH)
    if void:
        cash_rounding = sale.cash_rounding_satang if cash else 0  # exactly the cash taken
    else:
        cash_rounding = -round_cash(-cash, rounding) - cash  # ties up: the customer's favour
    return ReturnDraft(
        lines=tuple(lines),
        shares=tuple(shares),
        refunds=tuple(refunds),
        vat=_vat(sale, lines, done),
        total_satang=sum(line.amount_satang for line in lines),
        non_vat_satang=sum(
            nl.amount_satang for nl in lines if not sale.line(nl.sale_line_id).vatable
        ),
        cash_rounding_satang=cash_rounding,
    )


def _check_quantities(
    sale: Sale, previous: Sequence[CreditNote], quantities: Mapping[SaleLineId, int]
) -> None:
    if not any(quantities.values()):
        raise ReturnError("choose at least one line to return")
    left = returnable_quantities(sale, previous)
    for line_id, quantity in quantities.items():
        if line_id not in left:
            raise ReturnError(f"line {line_id} is not on receipt {sale.receipt_number}")
        line = sale.line(line_id)
        if quantity < 0:
            raise ReturnError(f"{line.name_th}: a quantity to return cannot be negative")
        if quantity > left[line_id]:
            raise ReturnError(
                f"{line.name_th}: only {_quantity(left[line_id], line)} can still be returned"
                f" (sold {_quantity(line.quantity_milli, line)})"
            )
        if quantity and not line.sold_by_weight and quantity % MILLI:
            raise ReturnError(f"{line.name_th} is returned in whole units")


def _quantity(quantity_milli: int, line: SaleLine) -> str:
    return format_quantity(quantity_milli, weighed=line.sold_by_weight)


class _Refunded:
    """What earlier credit notes already refunded, per line and per (line, tender)."""

    def __init__(self, notes: Sequence[CreditNote]):
        self.quantity = returned_quantities(notes)
        self.amount: dict[SaleLineId, int] = {}
        self.share: dict[tuple[SaleLineId, TenderId], tuple[int, int]] = {}
        for note in notes:
            for line in note.draft.lines:
                self.amount[line.sale_line_id] = (
                    self.amount.get(line.sale_line_id, 0) + line.amount_satang
                )
            for share in note.draft.shares:
                key = (share.sale_line_id, share.tender_id)
                amount, government = self.share.get(key, (0, 0))
                self.share[key] = (
                    amount + share.amount_satang,
                    government + share.government_share_satang,
                )


def _line_refund(line: SaleLine, done: _Refunded, quantity: int) -> int:
    after = done.quantity.get(line.line_id, 0) + quantity
    cumulative = div_round_half_up(line.total_satang * after, line.quantity_milli)
    return cumulative - done.amount.get(line.line_id, 0)


def _shares_of_line(sale: Sale, line: SaleLine, amount: int, done: _Refunded) -> list[RefundShare]:
    index = sale.lines.index(line)
    paid = [share for share in sale.allocation if share.line_index == index]
    left = []
    for share in paid:
        tender = sale.tenders[share.tender_index]
        amount_before, government_before = done.share.get((line.line_id, tender.tender_id), (0, 0))
        left.append(
            (
                tender.tender_id,
                share.amount_satang - amount_before,
                share.government_share_satang - government_before,
            )
        )
    portions = allocate_proportionally(amount, [remaining for _, remaining, _ in left])
    result = []
    for (tender_id, remaining, government_left), portion in zip(left, portions, strict=True):
        if portion:
            government = div_round_half_up(portion * government_left, remaining)
            result.append(RefundShare(line.line_id, tender_id, portion, government))
    return result


_METHOD = {
    TenderKind.CASH: RefundMethod.CASH,
    TenderKind.CARD: RefundMethod.CARD,
    TenderKind.PROMPTPAY: RefundMethod.PROMPTPAY,
    TenderKind.SCHEME: RefundMethod.SCHEME,
}


def _refunds(sale: Sale, shares: list[RefundShare], refund_in_cash: bool) -> list[Refund]:
    """One refund per original tender and method, in the order the sale's tenders were taken."""
    totals: dict[tuple[TenderId, RefundMethod], int] = {}
    kinds = {tender.tender_id: tender.kind for tender in sale.tenders}
    for share in shares:
        method = RefundMethod.CASH if refund_in_cash else _METHOD[kinds[share.tender_id]]
        buyer = share.amount_satang - share.government_share_satang
        key = (share.tender_id, method)
        totals[key] = totals.get(key, 0) + buyer
        if share.government_share_satang:
            key = (share.tender_id, RefundMethod.SCHEME_GOVERNMENT)
            totals[key] = totals.get(key, 0) + share.government_share_satang
    order = {tender.tender_id: i for i, tender in enumerate(sale.tenders)}
    return [
        Refund(RefundId(uuid.uuid4()), tender_id, method, amount)
        for (tender_id, method), amount in sorted(totals.items(), key=lambda kv: order[kv[0][0]])
        if amount
    ]


def _vat(sale: Sale, lines: list[CreditNoteLine], done: _Refunded) -> tuple[SellerVat, ...]:
    """VAT reversed per seller: the VAT of all returns so far minus what earlier notes reversed."""
    before: dict[str, int] = {}
    now: dict[str, int] = {}
    tax_ids: dict[str, str | None] = {}
    for line in sale.lines:
        if line.vatable:
            tax_ids[line.producer_name] = line.producer_tax_id
            before[line.producer_name] = before.get(line.producer_name, 0) + done.amount.get(
                line.line_id, 0
            )
    for credit_line in lines:
        line = sale.line(credit_line.sale_line_id)
        if line.vatable:
            now[line.producer_name] = now.get(line.producer_name, 0) + credit_line.amount_satang
    result = []
    rate = sale.vat_rate_basis_points
    for seller, gross in now.items():
        vat = (
            split_vat_inclusive(before[seller] + gross, rate).vat_satang
            - split_vat_inclusive(before[seller], rate).vat_satang
        )
        result.append(SellerVat(seller, tax_ids[seller], gross, gross - vat, vat))
    return tuple(result)
