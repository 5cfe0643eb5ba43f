"""Shifts and cash control: the float, cash in and out, the blind count, expected against counted.

A **shift** is one cashier's time on one drawer of one terminal: it opens with
a float (counted by denomination, or an amount), takes sales and credit notes,
cash in and cash out with a reason, and closes with a **blind count** — the
cashier counts the drawer by denomination before seeing what is expected.
Only then is the count compared, tender by tender, with what the store says
should be there:

* **cash**: ``float + cash received − change given − cash refunds paid out
  (with their rounding) + cash in − cash out``.  The float is part of what is
  expected (so it is never a "difference"), change is subtracted (cash tender
  amounts are already received − change), and refunds come off the tender the
  money actually left by (a card sale refunded in cash comes out of the drawer);
* **card, PromptPay, each scheme**: sales less the refunds that went back the
  same way.  Nothing to count in the drawer; a manager may enter the totals the
  card terminal, the bank or the scheme's app shows, and those are compared too.

The difference is ``counted − expected``: positive is over, negative short.
A **business day** (one per terminal at a time) holds the shifts between two
Z reports; every sale and credit note is stamped with its shift and day
(:class:`ShiftStamp`) in the transaction that stores it.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pos.ids import BusinessDayId, CashMovementId, ShiftId, TerminalId, UserId
from pos.money import MoneyFormatError, format_baht, parse_baht
from pos.reports.domain.rows import RefundRow, TenderRow
from pos.text import TextKind, text_problem

# Thai notes 1000/500/100/50/20 baht, coins 10/5/2/1 baht, 50 and 25 satang
NOTES_SATANG = (100_000, 50_000, 10_000, 5_000, 2_000)
COINS_SATANG = (1_000, 500, 200, 100, 50, 25)
DENOMINATIONS_SATANG = NOTES_SATANG + COINS_SATANG
BUSINESS_DAY_NAMESPACE = uuid.UUID("6f1d8a52-3c1e-4d55-9a51-0e7b1f9c2a10")
_PIECE = re.compile(r"^(?P<value>[\d.,]+)\s*[x×*@]\s*(?P<count>\d+)$")


class ShiftError(ValueError):
    """A shift, count or cash movement that cannot be accepted; the message says why."""


class NoOpenShiftError(ShiftError):
    """Nothing can be sold or refunded: no shift is open on this terminal."""


def denomination_label(satang: int) -> str:
    """``1000``, ``20``, ``0.50`` — how the count sheet names a note or coin."""
    return format_baht(satang) if satang % 100 else f"{satang // 100:,}"


@dataclass(frozen=True)
class CashCount:
    """Notes and coins counted: ``pieces`` is (denomination in satang, how many), largest first."""

    pieces: tuple[tuple[int, int], ...] = ()

    @classmethod
    def of(cls, counts: Mapping[int, int]) -> CashCount:
        """A count from denomination → number of pieces; zero counts are left out."""
        pieces = []
        for value, count in counts.items():
            if value not in DENOMINATIONS_SATANG:
                raise ShiftError(f"{format_baht(value)} baht is not a Thai note or coin")
            if count < 0:
                raise ShiftError(f"{denomination_label(value)}: a count cannot be negative")
            if count:
                pieces.append((value, count))
        return cls(tuple(sorted(pieces, reverse=True)))

    @classmethod
    def parse(cls, text: str) -> CashCount:
        """``"1000x2 500x1 20x15 0.25x8"`` (also ``×``, commas between pieces)."""
        counts: dict[int, int] = {}
        for piece in text.replace(",", " ").split():
            match = _PIECE.match(piece)
            if match is None:
                raise ShiftError(f"{piece!r}: write each note or coin as VALUExCOUNT, e.g. 100x7")
            try:
                value = parse_baht(match["value"])
            except MoneyFormatError as error:
                raise ShiftError(f"{piece!r}: {error}") from None
            counts[value] = counts.get(value, 0) + int(match["count"])
        return cls.of(counts)

    @property
    def total_satang(self) -> int:
        return sum(value * count for value, count in self.pieces)

    def count_of(self, value: int) -> int:
        return dict(self.pieces).get(value, 0)

    def describe(self) -> str:
        return " ".join(f"{denomination_label(v)}x{c}" for v, c in self.pieces) or "0"


def count_for_amount(amount_satang: int) -> tuple[CashCount, int]:
    """The fewest notes and coins for an amount, and the satang no coin can make (< 25)."""
    counts, left = {}, max(0, amount_satang)
    for value in DENOMINATIONS_SATANG:
        counts[value], left = divmod(left, value)
    return CashCount.of(counts), left


@dataclass(frozen=True)
class ShiftStamp:
    """The shift and business day a sale or credit note belongs to (set when it is stored)."""

    shift_id: ShiftId
    business_day_id: BusinessDayId
    business_date: dt.date


def business_day_id_for(first_shift_id: ShiftId) -> BusinessDayId:
    """A business day's UUID, derived from the shift that opened it (a retry finds the same)."""
    return BusinessDayId(uuid.uuid5(BUSINESS_DAY_NAMESPACE, str(first_shift_id)))


def business_date_at(moment: dt.datetime, day_starts_at: dt.time) -> dt.date:
    """The trading date of a moment: before ``day_starts_at`` (e.g. 04:00) it is still yesterday."""
    shifted = moment - dt.timedelta(hours=day_starts_at.hour, minutes=day_starts_at.minute)
    return shifted.date()


class TenderKey:
    """Tenders as the drawer reconciliation and reports name them: ``cash``, ``scheme:<code>``."""

    CASH = "cash"
    CARD = "card"
    PROMPTPAY = "promptpay"

    @staticmethod
    def scheme(code: str) -> str:
        return f"scheme:{code}"

    @staticmethod
    def of(kind: str, scheme_code: str | None) -> str:
        return TenderKey.scheme(scheme_code) if kind == "scheme" and scheme_code else kind

    @staticmethod
    def order(key: str) -> tuple[int, str]:
        first = {TenderKey.CASH: 0, TenderKey.CARD: 1, TenderKey.PROMPTPAY: 2}
        return (first.get(key, 3), key)


# where a refund's money goes: by its method, and for scheme refunds the scheme of the tender
_REFUND_GOES_TO = {"cash": TenderKey.CASH, "card": TenderKey.CARD, "promptpay": TenderKey.PROMPTPAY}


def refund_tender_key(method: str, scheme_code: str | None) -> str:
    """The tender a refund leaves by: cash back comes out of the drawer, whatever was paid."""
    if method in _REFUND_GOES_TO:
        return _REFUND_GOES_TO[method]
    if method in ("scheme", "scheme_government") and scheme_code:
        return TenderKey.scheme(scheme_code)
    raise ShiftError(f"unknown refund method {method!r}")


@dataclass(frozen=True)
class TenderTakings:
    """One tender's money in a shift (or a day): sales in, refunds out, in satang."""

    key: str
    sales_satang: int
    refunds_satang: int
    sales_count: int = 0

    @property
    def net_satang(self) -> int:
        return self.sales_satang - self.refunds_satang


@dataclass(frozen=True)
class CashTakings:
    """The drawer's movements: ``received − change`` is what cash sales left in it."""

    float_satang: int
    received_satang: int  # cash handed over by customers
    change_satang: int  # change given back
    refunds_satang: int  # cash refunds paid out, with their cash rounding
    cash_in_satang: int
    cash_out_satang: int

    @property
    def sales_satang(self) -> int:
        return self.received_satang - self.change_satang

    @property
    def expected_satang(self) -> int:
        return (
            self.float_satang
            + self.sales_satang
            - self.refunds_satang
            + self.cash_in_satang
            - self.cash_out_satang
        )


@dataclass(frozen=True)
class ShiftTakings:
    """Everything the store says should be in a shift's drawer and other tenders."""

    cash: CashTakings
    others: tuple[TenderTakings, ...]  # card, PromptPay, each scheme
    cash_sales_count: int = 0

    def tender_lines(self) -> tuple[TenderTakings, ...]:
        """Every tender with its sales and refunds, cash first (cash sales = received − change)."""
        cash = TenderTakings(
            TenderKey.CASH, self.cash.sales_satang, self.cash.refunds_satang, self.cash_sales_count
        )
        return (cash, *sorted(self.others, key=lambda t: TenderKey.order(t.key)))

    def expected(self) -> dict[str, int]:
        """Tender key → expected amount; cash always first."""
        found = {TenderKey.CASH: self.cash.expected_satang}
        for other in sorted(self.others, key=lambda t: TenderKey.order(t.key)):
            found[other.key] = other.net_satang
        return found


@dataclass(frozen=True)
class TenderResult:
    """Expected against counted for one tender; ``counted`` is None when nobody counted it."""

    key: str
    expected_satang: int
    counted_satang: int | None

    @property
    def difference_satang(self) -> int | None:
        if self.counted_satang is None:
            return None
        return self.counted_satang - self.expected_satang


def reconcile(
    takings: ShiftTakings, cash_count: CashCount, other_counts: Mapping[str, int]
) -> tuple[TenderResult, ...]:
    """Compare the blind count (and any terminal or app totals) with what is expected."""
    expected = takings.expected()
    unknown = sorted(set(other_counts) - set(expected) - {TenderKey.CASH})
    for key in unknown:
        if not (key in (TenderKey.CARD, TenderKey.PROMPTPAY) or key.startswith("scheme:")):
            raise ShiftError(f"{key!r} is not a tender (cash, card, promptpay, scheme:<code>)")
        expected[key] = 0  # counted where nothing was taken: the difference shows it
    if TenderKey.CASH in other_counts:
        raise ShiftError("cash is counted by denomination, not entered as a total")
    results = [TenderResult(TenderKey.CASH, expected[TenderKey.CASH], cash_count.total_satang)]
    for key in sorted(set(expected) - {TenderKey.CASH}, key=TenderKey.order):
        results.append(TenderResult(key, expected[key], other_counts.get(key)))
    return tuple(results)


class CashMovementKind(enum.StrEnum):
    CASH_IN = "in"  # change brought to the drawer, a float top-up
    CASH_OUT = "out"  # takings taken to the safe, a petty-cash payment


@dataclass(frozen=True)
class CashMovement:
    """Cash put into or taken out of the drawer without a sale, with its reason."""

    movement_id: CashMovementId
    shift_id: ShiftId
    kind: CashMovementKind
    amount_satang: int
    reason: str
    at: dt.datetime
    user_id: UserId
    approved_by_user_id: UserId | None = None

    @property
    def signed_satang(self) -> int:
        return self.amount_satang if self.kind is CashMovementKind.CASH_IN else -self.amount_satang


@dataclass(frozen=True)
class ShiftClosing:
    """How a shift ended: when, the blind count, the results, who counted and who approved."""

    closed_at: dt.datetime
    counted_by_user_id: UserId
    cash_count: CashCount
    results: tuple[TenderResult, ...]
    approved_by_user_id: UserId | None = None
    approved_at: dt.datetime | None = None
    note: str = ""

    @property
    def cash(self) -> TenderResult:
        return next(r for r in self.results if r.key == TenderKey.CASH)

    def largest_difference_satang(self) -> int:
        return max((abs(r.difference_satang or 0) for r in self.results), default=0)


@dataclass(frozen=True)
class Shift:
    """One cashier's shift on one terminal's drawer."""

    shift_id: ShiftId
    terminal_id: TerminalId
    number: int  # per terminal, gap-free: กะที่ 12
    business_day_id: BusinessDayId
    business_date: dt.date
    opened_at: dt.datetime
    opened_by_user_id: UserId
    float_satang: int
    float_count: CashCount | None = None  # None: the float was entered as an amount
    closing: ShiftClosing | None = None

    @property
    def is_open(self) -> bool:
        return self.closing is None

    @property
    def stamp(self) -> ShiftStamp:
        return ShiftStamp(self.shift_id, self.business_day_id, self.business_date)

    def needs_approval(self, tolerance_satang: int) -> bool:
        """Closed with a difference above the tolerance and no manager has approved it yet."""
        closing = self.closing
        if closing is None or closing.approved_by_user_id is not None:
            return False
        return closing.largest_difference_satang() > tolerance_satang


@dataclass(frozen=True)
class BusinessDay:
    """The trading between two Z reports on one terminal; closed by its Z report."""

    day_id: BusinessDayId
    terminal_id: TerminalId
    business_date: dt.date
    opened_at: dt.datetime
    closed_at: dt.datetime | None = None
    z_number: str | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


def check_amount(amount_satang: int, what: str) -> int:
    if amount_satang <= 0:
        raise ShiftError(f"{what}: the amount must be more than 0.00")
    if amount_satang > 100_000_000:  # a million baht: a typo, not a drawer
        raise ShiftError(f"{what}: {format_baht(amount_satang)} baht is more than a drawer holds")
    return amount_satang


def check_reason(reason: str, what: str) -> str:
    refused = text_problem(reason, TextKind.REASON)
    if refused is not None:
        raise ShiftError(f"{what}: {refused}")
    cleaned = " ".join(reason.split())
    if not cleaned:
        raise ShiftError(f"{what}: give the reason (it goes into the audit trail)")
    if len(cleaned) > 200:
        raise ShiftError(f"{what}: the reason is longer than 200 characters")
    return cleaned


def check_note(note: str) -> str:
    """A shift-close note, one line; the empty note is fine."""
    refused = text_problem(note, TextKind.NOTE)
    if refused is not None:
        raise ShiftError(f"the shift's note: {refused}")
    return " ".join(note.split())


def cash_movement_totals(movements: Iterable[CashMovement]) -> tuple[int, int]:
    """(cash in, cash out) of some movements."""
    moves = list(movements)
    cash_in = sum(m.amount_satang for m in moves if m.kind is CashMovementKind.CASH_IN)
    return cash_in, sum(m.amount_satang for m in moves) - cash_in


def takings_from_rows(
    float_satang: int,
    tenders: Iterable[TenderRow],
    refunds: Iterable[RefundRow],
    refund_rounding_satang: int,
    cash_moved: tuple[int, int],
) -> ShiftTakings:
    """A shift's (or day's) takings from the store's sums: tenders in, refunds out by tender.

    ``refund_rounding_satang`` is the cash rounding of the credit notes (only
    ever set on cash refunds); ``cash_moved`` is (cash in, cash out).
    """
    received = change = cash_count = 0
    others: dict[str, list[int]] = {}
    for tender in tenders:
        key = TenderKey.of(tender.kind, tender.scheme_code)
        if key == TenderKey.CASH:
            received += tender.tendered_satang
            change += tender.change_satang
            cash_count += tender.count
        else:
            row = others.setdefault(key, [0, 0, 0])
            row[0] += tender.amount_satang
            row[2] += tender.count
    cash_refunds = refund_rounding_satang
    for refund in refunds:
        key = refund_tender_key(refund.method, refund.scheme_code)
        if key == TenderKey.CASH:
            cash_refunds += refund.amount_satang
        else:
            others.setdefault(key, [0, 0, 0])[1] += refund.amount_satang
    cash = CashTakings(float_satang, received, change, cash_refunds, *cash_moved)
    lines = tuple(
        TenderTakings(key, sold, back, count) for key, (sold, back, count) in others.items()
    )
    return ShiftTakings(cash, lines, cash_count)
