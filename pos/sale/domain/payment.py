"""Paying for a cart: the settlement of its tenders and which tender paid for which line.

:func:`plan_payment` is the whole payment rule set in one pure function — the
checkout service calls it, and the payment dialog can call it to show
exactly what checkout will accept.  It settles the tenders
(:func:`pos.sale.domain.tenders.settle`), checks that every scheme tender pays only for
goods its scheme covers (excluded goods must be paid by another tender), and
allocates the tenders over the lines (:func:`pos.sale.domain.allocation.allocate`): a
scheme's government share is spread over the lines it paid for, so a later
return knows how much of each line came from the government.

:func:`scheme_offers` tells the dialog, for each scheme open now, how much of
the cart it may pay and the most one person's government share can be.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from pos.money import CashRounding, format_baht
from pos.sale.domain.allocation import AllocationError, allocate
from pos.sale.domain.cart import Cart, CartTotals, allocate_proportionally
from pos.sale.domain.schemes import Scheme, SchemeBook, SchemePhase
from pos.sale.domain.tenders import (
    PaymentError,
    SchemeTender,
    Settlement,
    Tender,
    TenderKind,
    settle,
)


@dataclass(frozen=True)
class PayableLine:
    """What payment needs to know of a cart line: its total and what the goods are."""

    amount_satang: int
    category: str
    sku: str
    name: str = ""


@dataclass(frozen=True)
class AllocatedShare:
    """The part of one line paid by one tender (indexes into the sale's lines and tenders)."""

    line_index: int
    tender_index: int
    amount_satang: int
    government_share_satang: int = 0


@dataclass(frozen=True)
class PaymentPlan:
    settlement: Settlement
    allocation: tuple[AllocatedShare, ...]


@dataclass(frozen=True)
class SchemeOffer:
    """A scheme open now: how much of this cart it may pay, and its most generous split."""

    scheme: Scheme
    phase: SchemePhase
    eligible_satang: int
    max_government_share_satang: int  # for one person paying all eligible goods


def payable_lines(cart: Cart, totals: CartTotals) -> list[PayableLine]:
    return [
        PayableLine(
            total.total_satang, line.product.category.value, line.product.sku, line.product.name_th
        )
        for line, total in zip(cart.lines, totals.lines, strict=True)
    ]


def plan_payment(
    lines: Sequence[PayableLine],
    tenders: Sequence[Tender],
    rounding: CashRounding,
    schemes: SchemeBook,
    moment: dt.datetime,
) -> PaymentPlan:
    """Settle and allocate; raises :class:`PaymentError` saying what to change."""
    _check_unique_references(tenders)
    total = sum(line.amount_satang for line in lines)
    settlement = settle(total, tenders, rounding, schemes, moment)
    amounts = [
        tender.amount_satang
        - (settlement.cash_rounding_satang if tender.kind is TenderKind.CASH else 0)
        for tender in settlement.tenders
    ]
    may_pay = [_lines_paid_by(tender.scheme_code, lines, schemes) for tender in settlement.tenders]
    try:
        matrix = allocate([line.amount_satang for line in lines], amounts, may_pay)
    except AllocationError as error:
        raise _excluded_goods_error(settlement, lines, schemes, error) from None
    return PaymentPlan(settlement, tuple(_shares(matrix, settlement)))


def _check_unique_references(tenders: Sequence[Tender]) -> None:
    seen: set[tuple[str, str]] = set()
    for tender in tenders:
        if isinstance(tender, SchemeTender):
            key = (tender.scheme_code, tender.app_reference.strip())
            if key in seen:
                raise PaymentError(f"app reference {key[1]} is entered twice")
            seen.add(key)


def _lines_paid_by(
    scheme_code: str | None, lines: Sequence[PayableLine], schemes: SchemeBook
) -> frozenset[int] | None:
    if scheme_code is None:
        return None
    scheme = schemes.get(scheme_code)
    return frozenset(i for i, line in enumerate(lines) if scheme.pays_for(line.category, line.sku))


def _excluded_goods_error(
    settlement: Settlement,
    lines: Sequence[PayableLine],
    schemes: SchemeBook,
    error: AllocationError,
) -> PaymentError:
    tender = settlement.tenders[error.tender_index]
    scheme = schemes.get(tender.scheme_code or "")
    excluded = [
        line.name or line.sku for line in lines if not scheme.pays_for(line.category, line.sku)
    ]
    return PaymentError(
        f"{scheme.name_th} pays for at most {format_baht(error.payable_satang)} of these goods"
        f" (not for: {', '.join(excluded)}); pay the rest by another tender"
    )


def _shares(matrix: list[list[int]], settlement: Settlement) -> list[AllocatedShare]:
    shares = []
    for tender_index, tender in enumerate(settlement.tenders):
        column = [row[tender_index] for row in matrix]
        government = allocate_proportionally(tender.government_share_satang, column)
        for line_index, amount in enumerate(column):
            if amount:
                shares.append(
                    AllocatedShare(line_index, tender_index, amount, government[line_index])
                )
    return sorted(shares, key=lambda share: (share.line_index, share.tender_index))


def scheme_offers(
    lines: Sequence[PayableLine], schemes: SchemeBook, moment: dt.datetime
) -> list[SchemeOffer]:
    """The schemes open at ``moment`` and what each could pay of these lines."""
    offers = []
    for scheme in schemes.schemes:
        phase = scheme.phase_at(moment)
        if phase is None:
            continue
        eligible = sum(
            line.amount_satang for line in lines if scheme.pays_for(line.category, line.sku)
        )
        offers.append(
            SchemeOffer(scheme, phase, eligible, scheme.max_government_share(eligible, phase))
        )
    return offers
