"""Tender arithmetic: cash rounding and change, PromptPay, card, schemes, split tender."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.clock import THAI_TIME
from pos.money import CashRounding, round_cash
from pos.sale.domain.schemes import KHON_LA_KHRUENG, SchemeBook
from pos.sale.domain.tenders import (
    CardTender,
    CashTender,
    PaymentError,
    PromptPayTender,
    SchemeTender,
    Tender,
    TenderKind,
    exact_cash,
    progress,
    settle,
    suggested_cash,
)

BOOK = SchemeBook()
DURING_PHASE_3 = dt.datetime(2021, 7, 5, 10, 0, tzinfo=THAI_TIME)
AFTER_THE_SCHEMES = dt.datetime(2026, 11, 24, 10, 0, tzinfo=THAI_TIME)


def pay(
    total: int,
    tenders: list[Tender],
    rounding: CashRounding = CashRounding.NONE,
    moment: dt.datetime = DURING_PHASE_3,
):
    return settle(total, tenders, rounding, BOOK, moment)


def test_cash_with_change() -> None:
    settlement = pay(37_050, [CashTender(50_000)])
    (cash,) = settlement.tenders
    assert (cash.kind, cash.amount_satang, cash.tendered_satang) == (
        TenderKind.CASH,
        37_050,
        50_000,
    )
    assert cash.change_satang == settlement.change_satang == 12_950
    assert settlement.cash_rounding_satang == 0


def test_cash_rounding_applies_to_cash_only_and_is_recorded() -> None:
    down = pay(10_010, [CashTender(10_000)], CashRounding.QUARTER_BAHT)  # 100.10 → 100.00
    assert down.tenders[0].amount_satang == 10_000 and down.cash_rounding_satang == -10
    up = pay(10_013, [CashTender(10_025)], CashRounding.QUARTER_BAHT)  # 100.13 → 100.25
    assert up.cash_rounding_satang == 12 and up.change_satang == 0
    baht = pay(10_050, [CashTender(10_000)], CashRounding.BAHT)  # a tie goes to the customer
    assert baht.cash_rounding_satang == -50
    by_card = pay(10_010, [CardTender(10_010, "A1B2C3")], CashRounding.QUARTER_BAHT)
    assert by_card.cash_rounding_satang == 0  # no cash, no rounding


def test_split_tender_card_then_cash() -> None:
    settlement = pay(
        100_010, [CardTender(60_000, "123456"), CashTender(50_000)], CashRounding.QUARTER_BAHT
    )
    card, cash = settlement.tenders
    assert card.amount_satang == 60_000 and card.reference == "123456"
    assert cash.amount_satang == 40_000 and cash.change_satang == 10_000
    assert settlement.cash_rounding_satang == -10
    assert settlement.paid_satang == 100_000


def test_two_cash_amounts_are_one_cash_tender() -> None:
    settlement = pay(15_000, [CashTender(10_000), CashTender(10_000)])
    assert len(settlement.tenders) == 1 and settlement.change_satang == 5_000


@pytest.mark.parametrize(
    ("tenders", "message"),
    [
        ([CardTender(60_000, "123456")], "more than the 500.00 still due"),
        ([PromptPayTender(50_000, confirmed_by_cashier=False)], "has not been confirmed"),
        ([CardTender(50_000, "")], "approval code"),
        ([CardTender(50_000, "12 34")], "approval code"),
        ([CashTender(40_000)], "100.00 is still due"),
        ([CashTender(0)], "more than 0"),
        ([CardTender(50_000, "ABC123"), CashTender(100)], "nothing is left to pay in cash"),
        ([SchemeTender("khon_la_khrueng", 20_000, "")], "reference is missing"),
        ([SchemeTender("nope", 20_000, "R1")], "no scheme 'nope'"),
        ([SchemeTender("khon_la_khrueng", 20_000, "R1\x00")], "reference: contains a NUL"),
        (
            [PromptPayTender(50_000, confirmed_by_cashier=True, reference="TX\x1b1")],
            "PromptPay reference: contains a control character \\(U\\+001B\\)",
        ),
        (
            [SchemeTender("khon_la_khrueng", 20_000, "R1", 10_001), CashTender(30_000)],
            "government share 100.01 is more than the scheme pays on 200.00 \\(100.00\\)",
        ),
    ],
)
def test_tenders_that_cannot_be_taken(tenders: list[Tender], message: str) -> None:
    with pytest.raises(PaymentError, match=message):
        pay(50_000, tenders)


def test_a_scheme_that_is_not_open_is_refused() -> None:
    with pytest.raises(PaymentError, match="คนละครึ่ง does not pay at 2026-11-24 10:00"):
        pay(20_000, [SchemeTender("khon_la_khrueng", 20_000, "R1")], moment=AFTER_THE_SCHEMES)


def test_cents_that_round_to_nothing_must_be_paid_exactly_by_another_tender() -> None:
    with pytest.raises(PaymentError, match=r"0\.10 is still due"):
        pay(10_010, [CardTender(10_000, "ABC123")], CashRounding.QUARTER_BAHT)


def test_co_pay_splits_the_amount_and_records_the_phase() -> None:
    settlement = pay(45_000, [SchemeTender("khon_la_khrueng", 45_000, "TN-0001")])
    (scheme,) = settlement.tenders
    assert scheme.government_share_satang == 15_000 and scheme.buyer_share_satang == 30_000
    assert (scheme.scheme_code, scheme.scheme_phase, scheme.reference) == (
        "khon_la_khrueng",
        "3",
        "TN-0001",
    )
    # the app shows less when the person used part of today's cap at another shop
    lower = pay(45_000, [SchemeTender("khon_la_khrueng", 45_000, "TN-0002", 4_000)])
    assert lower.tenders[0].government_share_satang == 4_000
    assert lower.tenders[0].buyer_share_satang == 41_000


def test_progress_while_the_customer_pays() -> None:
    start = progress(100_010, [], CashRounding.QUARTER_BAHT)
    assert (start.remaining_satang, start.cash_due_satang, start.complete) == (
        100_010,
        100_000,
        False,
    )
    part = progress(100_010, [PromptPayTender(50_000, True)], CashRounding.QUARTER_BAHT)
    assert (part.remaining_satang, part.cash_due_satang) == (50_010, 50_000)
    paid = progress(
        100_010, [PromptPayTender(50_000, True), CashTender(100_000)], CashRounding.QUARTER_BAHT
    )
    assert paid.complete and paid.change_satang == 50_000 and paid.cash_due_satang == 0
    assert exact_cash(100_010, [PromptPayTender(50_000, True)], CashRounding.QUARTER_BAHT) == 50_000


def test_quick_key_suggestions() -> None:
    assert suggested_cash(37_000) == [38_000, 40_000, 50_000, 100_000]
    assert suggested_cash(100_000) == []  # exactly one 1000 note: the "exact" key
    assert suggested_cash(0) == []


# --- properties --------------------------------------------------------------------------------
ROUNDINGS = st.sampled_from(list(CashRounding))


@st.composite
def payments(draw: st.DrawFn) -> tuple[int, list[Tender], CashRounding]:
    """A total and tenders that pay it: some non-cash tenders that fit, then enough cash."""
    total = draw(st.integers(1, 5_000_000))
    rounding = draw(ROUNDINGS)
    tenders: list[Tender] = []
    left = total
    for _ in range(draw(st.integers(0, 3))):
        if left <= 0:
            break
        amount = draw(st.integers(1, left))
        kind = draw(st.sampled_from(["card", "promptpay", "scheme"]))
        if kind == "card":
            tenders.append(CardTender(amount, "APPROVE1"))
        elif kind == "promptpay":
            tenders.append(PromptPayTender(amount, confirmed_by_cashier=True))
        else:
            tenders.append(SchemeTender("khon_la_khrueng", amount, f"REF{len(tenders)}"))
        left -= amount
    if left > 0 and round_cash(left, rounding) == 0:
        tenders.append(PromptPayTender(left, confirmed_by_cashier=True))
    elif left > 0:
        tenders.append(CashTender(round_cash(left, rounding) + draw(st.integers(0, 200_000))))
    return total, tenders, rounding


@given(payments())
def test_tenders_always_cover_the_total_and_change_is_never_negative(
    payment: tuple[int, list[Tender], CashRounding],
) -> None:
    total, tenders, rounding = payment
    settlement = pay(total, tenders, rounding)
    assert settlement.paid_satang - settlement.cash_rounding_satang == total
    assert abs(settlement.cash_rounding_satang) <= int(rounding) // 2
    assert settlement.change_satang >= 0
    assert all(t.change_satang >= 0 and t.amount_satang > 0 for t in settlement.tenders)
    cash = [t for t in settlement.tenders if t.kind is TenderKind.CASH]
    assert sum(t.tendered_satang - t.change_satang for t in cash) == sum(
        t.amount_satang for t in cash
    )
    assert progress(total, tenders, rounding, BOOK, DURING_PHASE_3).complete


@given(payments())
def test_scheme_shares_never_exceed_their_caps(
    payment: tuple[int, list[Tender], CashRounding],
) -> None:
    total, tenders, rounding = payment
    for tender in pay(total, tenders, rounding).tenders:
        if tender.kind is TenderKind.SCHEME:
            assert tender.government_share_satang <= 15_000  # 150 baht per person per day
            assert 2 * tender.government_share_satang <= tender.amount_satang  # at most half
            assert tender.buyer_share_satang >= 0
            assert tender.government_share_satang + tender.buyer_share_satang == (
                tender.amount_satang
            )
            phase = KHON_LA_KHRUENG.phase_at(DURING_PHASE_3)
            assert phase is not None
            assert tender.government_share_satang == KHON_LA_KHRUENG.max_government_share(
                tender.amount_satang, phase
            )


@given(st.integers(1, 5_000_000), ROUNDINGS, st.integers(0, 5_000_000))
def test_short_cash_is_refused_never_settled(total: int, rounding: CashRounding, cash: int) -> None:
    owed = round_cash(total, rounding)
    tenders: list[Tender] = [CashTender(cash)] if cash else []
    if 0 < owed <= cash:
        assert pay(total, tenders, rounding).change_satang == cash - owed
    else:
        with pytest.raises(PaymentError):
            pay(total, tenders, rounding)
