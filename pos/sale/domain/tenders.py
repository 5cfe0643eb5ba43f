"""Tender arithmetic: cash with rounding and change, PromptPay, card, government schemes, splits.

The payment dialog collects tenders as the customer pays; :func:`progress`
says after each one what is still due and what change to give, and
:func:`settle` turns a complete set into the :class:`Settlement` recorded on
the sale.  The rules:

* non-cash tenders (PromptPay, card, scheme) are taken at their exact amount
  and may never pay more than is still due — there is no change from a card;
* what is left is paid in cash, rounded by the cash-rounding setting
  (:func:`pos.money.round_cash`: none, 25 satang or 1 baht, ties to the
  customer).  Rounding applies to cash only, and the difference is recorded
  on the sale (``cash_rounding_satang``: negative when the customer pays less);
* several cash amounts are one cash tender (notes counted in two goes);
* cash received above the rounded amount due is change, never negative;
* a scheme tender is split into the government's and the buyer's shares by
  its :class:`pos.sale.domain.schemes.Scheme` (see there for the rounding and caps).

So: the applied tenders add up to ``total + cash_rounding``, every share is
within its cap, and change is ``cash received − cash due ≥ 0``.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from pos.ids import TenderId
from pos.money import CashRounding, format_baht, round_cash
from pos.sale.domain.schemes import SchemeBook, SchemeError
from pos.text import TextKind, text_problem

NOTE_KEYS_SATANG = (2_000, 5_000, 10_000, 50_000, 100_000)  # the 20-1000 baht quick keys
_APPROVAL_CODE = re.compile(r"^[A-Z0-9]{2,12}$")
_REFERENCE_MAX = 64


class PaymentError(ValueError):
    """Tenders that cannot settle the sale; the message names the tender and the amounts."""


class TenderKind(enum.StrEnum):
    CASH = "cash"
    PROMPTPAY = "promptpay"
    CARD = "card"
    SCHEME = "scheme"

    @property
    def label_th(self) -> str:
        return {"cash": "เงินสด", "promptpay": "พร้อมเพย์", "card": "บัตร", "scheme": "โครงการรัฐ"}[
            self.value
        ]


@dataclass(frozen=True)
class CashTender:
    """Cash the customer handed over (``amount_satang`` is received, change comes back)."""

    amount_satang: int


@dataclass(frozen=True)
class PromptPayTender:
    """A PromptPay transfer; only taken once the cashier has seen it arrive."""

    amount_satang: int
    confirmed_by_cashier: bool
    reference: str | None = None  # the bank's transaction reference, if the cashier notes it


@dataclass(frozen=True)
class CardTender:
    """A card payment on the bank's terminal; its approval code is recorded."""

    amount_satang: int
    approval_code: str


@dataclass(frozen=True)
class SchemeTender:
    """One person's transaction in a government scheme's app.

    ``amount_satang`` is the gross put through the app (government + buyer);
    ``government_share_satang`` is what the app showed, when less than the
    scheme's full share (``None``: the full share); ``phase`` picks a phase
    when two are open at once.
    """

    scheme_code: str
    amount_satang: int
    app_reference: str
    government_share_satang: int | None = None
    phase: str | None = None


Tender = CashTender | PromptPayTender | CardTender | SchemeTender


@dataclass(frozen=True)
class SettledTender:
    """A tender as recorded on the sale; ``amount_satang`` is what it paid of the sale."""

    kind: TenderKind
    amount_satang: int
    tendered_satang: int  # cash handed over; the amount itself for other tenders
    change_satang: int = 0
    reference: str | None = None  # card approval code, PromptPay reference, scheme app reference
    scheme_code: str | None = None
    scheme_phase: str | None = None
    government_share_satang: int = 0
    buyer_share_satang: int = 0
    # the sync's key for the record
    tender_id: TenderId = field(default_factory=lambda: TenderId(uuid.uuid4()))


@dataclass(frozen=True)
class Settlement:
    """How a sale was paid: the tenders, the cash rounding and the change."""

    total_satang: int
    tenders: tuple[SettledTender, ...]
    cash_rounding_satang: int
    change_satang: int

    @property
    def paid_satang(self) -> int:
        return sum(tender.amount_satang for tender in self.tenders)


@dataclass(frozen=True)
class PaymentProgress:
    """Where a payment stands while tenders are being added."""

    total_satang: int
    non_cash_satang: int
    cash_received_satang: int
    remaining_satang: int  # still to pay by card, PromptPay or scheme (exact)
    cash_due_satang: int  # still to pay in cash (rounded); 0 when nothing more can be paid in cash
    change_satang: int
    complete: bool


def progress(
    total_satang: int,
    tenders: Sequence[Tender],
    rounding: CashRounding,
    schemes: SchemeBook | None = None,
    moment: dt.datetime | None = None,
) -> PaymentProgress:
    """What is still due after ``tenders``; raises :class:`PaymentError` on a tender that cannot be.

    Without ``schemes`` and ``moment`` a scheme tender is counted at its amount
    but its shares are not checked (:func:`settle` checks them).
    """
    non_cash = _non_cash(total_satang, tenders, schemes, moment)
    paid_otherwise = sum(tender.amount_satang for tender in non_cash)
    cash = _cash_received(tenders)
    rest = total_satang - paid_otherwise
    cash_owed = round_cash(rest, rounding) if rest > 0 else 0
    return PaymentProgress(
        total_satang=total_satang,
        non_cash_satang=paid_otherwise,
        cash_received_satang=cash,
        remaining_satang=max(0, rest - cash),
        cash_due_satang=max(0, cash_owed - cash),
        change_satang=max(0, cash - cash_owed) if cash_owed else 0,
        complete=rest == 0 or 0 < cash_owed <= cash,
    )


def settle(
    total_satang: int,
    tenders: Sequence[Tender],
    rounding: CashRounding,
    schemes: SchemeBook,
    moment: dt.datetime,
) -> Settlement:
    """The settlement of a fully paid sale; raises :class:`PaymentError` if anything is wrong.

    Cash rounding applies only when cash pays: if what is left after the other
    tenders would round to nothing in cash, the other tenders must pay it exactly.
    """
    if total_satang < 0:
        raise PaymentError("a sale total cannot be negative")
    non_cash = _non_cash(total_satang, tenders, schemes, moment)
    rest = total_satang - sum(tender.amount_satang for tender in non_cash)
    cash = _cash_received(tenders)
    cash_owed = round_cash(rest, rounding) if rest > 0 else 0
    if cash > 0 and cash_owed == 0:
        raise PaymentError(
            f"nothing is left to pay in cash, but {format_baht(cash)} cash was entered"
            + (f"; pay the last {format_baht(rest)} by card or PromptPay" if rest else "")
        )
    if rest > 0 and not 0 < cash_owed <= cash:
        received = total_satang - rest + cash
        raise PaymentError(
            f"{format_baht(cash_owed - cash if cash_owed else rest)} is still due"
            f" (total {format_baht(total_satang)}, received {format_baht(received)})"
        )
    settled = list(non_cash)
    if cash:
        settled.append(SettledTender(TenderKind.CASH, cash_owed, cash, cash - cash_owed))
    return Settlement(
        total_satang=total_satang,
        tenders=tuple(settled),
        cash_rounding_satang=cash_owed - rest if rest > 0 else 0,
        change_satang=cash - cash_owed,
    )


def _cash_received(tenders: Sequence[Tender]) -> int:
    amounts = [tender.amount_satang for tender in tenders if isinstance(tender, CashTender)]
    if any(amount <= 0 for amount in amounts):
        raise PaymentError("a cash amount must be more than 0")
    return sum(amounts)


def _non_cash(
    total_satang: int,
    tenders: Sequence[Tender],
    schemes: SchemeBook | None,
    moment: dt.datetime | None,
) -> list[SettledTender]:
    settled: list[SettledTender] = []
    due = total_satang
    for tender in tenders:
        if isinstance(tender, CashTender):
            continue
        one = _settle_non_cash(tender, schemes, moment)
        if one.amount_satang <= 0:
            raise PaymentError(f"a {one.kind.value} amount must be more than 0")
        if one.amount_satang > due:
            raise PaymentError(
                f"{one.kind.value} {format_baht(one.amount_satang)} is more than the"
                f" {format_baht(due)} still due; only cash can be more (it gets change)"
            )
        due -= one.amount_satang
        settled.append(one)
    return settled


def _settle_non_cash(
    tender: PromptPayTender | CardTender | SchemeTender,
    schemes: SchemeBook | None,
    moment: dt.datetime | None,
) -> SettledTender:
    if isinstance(tender, PromptPayTender):
        if not tender.confirmed_by_cashier:
            raise PaymentError(
                f"the PromptPay transfer of {format_baht(tender.amount_satang)} has not been"
                " confirmed: check that it arrived before taking it"
            )
        reference = _reference(tender.reference, "PromptPay reference", required=False)
        return SettledTender(
            TenderKind.PROMPTPAY, tender.amount_satang, tender.amount_satang, reference=reference
        )
    if isinstance(tender, CardTender):
        code = tender.approval_code.strip().upper()
        if not _APPROVAL_CODE.match(code):
            raise PaymentError(
                f"card approval code {tender.approval_code!r}: type the 2-12 letters or digits"
                " the card terminal printed"
            )
        return SettledTender(TenderKind.CARD, tender.amount_satang, tender.amount_satang, 0, code)
    return settle_scheme_tender(tender, schemes, moment)


def settle_scheme_tender(
    tender: SchemeTender, schemes: SchemeBook | None, moment: dt.datetime | None
) -> SettledTender:
    """Split a scheme tender into its shares, checking the scheme is open and the caps."""
    reference = _reference(tender.app_reference, "the app's transaction reference", required=True)
    if schemes is None or moment is None:  # a preview: shares are checked at settle time
        return SettledTender(
            TenderKind.SCHEME,
            tender.amount_satang,
            tender.amount_satang,
            0,
            reference,
            tender.scheme_code,
        )
    try:
        scheme = schemes.get(tender.scheme_code)
    except SchemeError as error:
        raise PaymentError(str(error)) from None
    phase = scheme.phase_at(moment, tender.phase)
    if phase is None:
        which = f" phase {tender.phase}" if tender.phase else ""
        raise PaymentError(f"{scheme.name_th}{which} does not pay at {moment:%Y-%m-%d %H:%M}")
    most = scheme.max_government_share(tender.amount_satang, phase)
    government = most if tender.government_share_satang is None else tender.government_share_satang
    if not 0 <= government <= most:
        raise PaymentError(
            f"{scheme.name_th}: the government share {format_baht(government)} is more than"
            f" the scheme pays on {format_baht(tender.amount_satang)} ({format_baht(most)})"
        )
    return SettledTender(
        kind=TenderKind.SCHEME,
        amount_satang=tender.amount_satang,
        tendered_satang=tender.amount_satang,
        reference=reference,
        scheme_code=scheme.code,
        scheme_phase=phase.name,
        government_share_satang=government,
        buyer_share_satang=tender.amount_satang - government,
    )


def _reference(text: str | None, what: str, *, required: bool) -> str | None:
    refused = text_problem(text or "", TextKind.REFERENCE, what)
    if refused is not None:
        raise PaymentError(str(refused))
    cleaned = (text or "").strip()
    if not cleaned:
        if required:
            raise PaymentError(f"{what} is missing: type it from the app's screen")
        return None
    if len(cleaned) > _REFERENCE_MAX:
        raise PaymentError(f"{what} is longer than {_REFERENCE_MAX} characters")
    return cleaned


def exact_cash(total_satang: int, tenders: Sequence[Tender], rounding: CashRounding) -> int:
    """The "exact" key: the cash that settles what is still due, rounded."""
    return progress(total_satang, tenders, rounding).cash_due_satang


def suggested_cash(cash_due_satang: int) -> list[int]:
    """Likely amounts handed over: the due amount rounded up to each note (20 … 1000 baht)."""
    if cash_due_satang <= 0:
        return []
    amounts = {-(-cash_due_satang // note) * note for note in NOTE_KEYS_SATANG}
    return sorted(amount for amount in amounts if amount > cash_due_satang)
