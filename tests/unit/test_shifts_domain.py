"""The drawer's arithmetic (pos.shifts.domain.cash_control), no I/O: counts, expected cash."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.clock import THAI_TIME
from pos.reports.domain.report_settings import CommissionRates, SalesTarget, ShiftRules
from pos.reports.domain.rows import RefundRow, TenderRow
from pos.shifts.domain.cash_control import (
    DENOMINATIONS_SATANG,
    CashCount,
    ShiftError,
    TenderKey,
    business_date_at,
    count_for_amount,
    reconcile,
    refund_tender_key,
    takings_from_rows,
)


def cash_row(tendered: int, change: int, count: int = 1) -> TenderRow:
    return TenderRow("cash", None, count, tendered - change, tendered, change, 0, 0)


def test_a_count_is_parsed_by_denomination_and_totals_in_satang() -> None:
    count = CashCount.parse("1000x2, 500x1 20×15 0.25x4 1x3 1x2")
    assert count.total_satang == 200_000 + 50_000 + 30_000 + 100 + 500
    assert count.count_of(100) == 5 and count.describe().startswith("1,000x2 500x1")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("30x2", "not a Thai note or coin"),
        ("100", "VALUExCOUNT"),
        ("abcx2", "VALUExCOUNT"),
        ("1.234x2", "not an amount"),
        ("0.10x3", "not a Thai note or coin"),
    ],
)
def test_a_bad_count_names_the_piece(text: str, message: str) -> None:
    with pytest.raises(ShiftError, match=message):
        CashCount.parse(text)


@given(st.integers(min_value=0, max_value=10_000_000))
def test_the_fewest_pieces_make_the_amount_but_what_no_coin_can(amount: int) -> None:
    count, left = count_for_amount(amount)
    assert count.total_satang + left == amount and 0 <= left < 25
    assert all(value in DENOMINATIONS_SATANG for value, _ in count.pieces)


def test_a_shift_opened_after_midnight_is_still_yesterdays_trading_date() -> None:
    night = dt.datetime(2021, 3, 2, 1, 30, tzinfo=THAI_TIME)
    assert business_date_at(night, dt.time(4, 0)) == dt.date(2021, 3, 1)
    assert business_date_at(night.replace(hour=8), dt.time(4, 0)) == dt.date(2021, 3, 2)


def test_refunds_leave_by_the_method_they_were_paid_back_with() -> None:
    assert refund_tender_key("cash", None) == "cash"  # a card sale refunded in cash: the drawer
    assert refund_tender_key("card", None) == "card"
    assert refund_tender_key("scheme_government", "khon_la_khrueng") == "scheme:khon_la_khrueng"
    with pytest.raises(ShiftError):
        refund_tender_key("cheque", None)


@given(
    st.integers(0, 500_000),
    st.lists(st.tuples(st.integers(1, 100_000), st.integers(0, 50_000))),
    st.integers(0, 100_000),
    st.integers(0, 100_000),
    st.integers(0, 100_000),
    st.integers(-50, 50),
)
def test_expected_cash_is_float_plus_cash_kept_less_refunds_plus_in_less_out(
    float_satang: int,
    sales: list[tuple[int, int]],
    refunds: int,
    cash_in: int,
    cash_out: int,
    rounding: int,
) -> None:
    tenders = [cash_row(tendered + change, change) for tendered, change in sales]
    refund_rows = [RefundRow("cash", "card", None, 1, refunds)] if refunds else []
    takings = takings_from_rows(float_satang, tenders, refund_rows, rounding, (cash_in, cash_out))
    kept = sum(tendered for tendered, _ in sales)  # handed over less the change given
    refunded = refunds + rounding
    assert takings.cash.expected_satang == float_satang + kept - refunded + cash_in - cash_out
    assert takings.expected()["cash"] == takings.cash.expected_satang
    assert "card" not in takings.expected()  # a card sale refunded in cash never touches card


def test_reconcile_compares_cash_by_count_and_other_tenders_when_entered() -> None:
    tenders = [
        cash_row(50_000, 5_000),
        TenderRow("card", None, 2, 30_000, 30_000, 0, 0, 0),
        TenderRow("scheme", "khon_la_khrueng", 1, 20_000, 20_000, 0, 10_000, 10_000),
    ]
    refunds = [
        RefundRow("card", "card", None, 1, 5_000),
        RefundRow("scheme_government", "scheme", "khon_la_khrueng", 1, 1_000),
    ]
    takings = takings_from_rows(100_000, tenders, refunds, 0, (0, 0))
    results = reconcile(takings, CashCount.parse("1000x1 100x4 20x2"), {"card": 25_000})
    by_key = {r.key: r for r in results}
    assert [r.key for r in results] == ["cash", "card", "scheme:khon_la_khrueng"]
    assert (by_key["cash"].expected_satang, by_key["cash"].difference_satang) == (145_000, -1_000)
    assert by_key["card"].difference_satang == 0
    assert by_key["scheme:khon_la_khrueng"].expected_satang == 19_000
    assert by_key["scheme:khon_la_khrueng"].counted_satang is None
    with pytest.raises(ShiftError, match="by denomination"):
        reconcile(takings, CashCount(), {"cash": 1})
    with pytest.raises(ShiftError, match="is not a tender"):
        reconcile(takings, CashCount(), {"cheque": 1})
    extra = {r.key: r for r in reconcile(takings, CashCount(), {TenderKey.PROMPTPAY: 700})}
    assert extra["promptpay"].difference_satang == 700  # counted where nothing was taken


def test_settings_of_shifts_and_reports_round_trip_and_refuse_bad_values() -> None:
    rules = ShiftRules(250, dt.time(5, 30))
    assert ShiftRules.from_setting(rules.to_setting()) == rules
    rates = CommissionRates(1500, {"กลุ่มทอผ้าไหมบ้านหนองบัว": 800})
    assert CommissionRates.from_setting(rates.to_setting()) == rates
    assert rates.commission_satang("กลุ่มทอผ้าไหมบ้านหนองบัว", 12_345) == 988  # 8 %, half up
    assert rates.commission_satang("อื่น ๆ", 10_001) == 1_500
    target = SalesTarget()
    assert target.year_start(dt.date(2021, 3, 3)) == dt.date(2020, 10, 1)
    assert target.year_end(dt.date(2021, 10, 1)) == dt.date(2022, 9, 30)
    with pytest.raises(ValueError, match="basis points"):
        CommissionRates.from_setting({"default_basis_points": 12.5})
    with pytest.raises(ValueError, match="five OTOP categories"):
        SalesTarget.from_setting({"category": "cars"})
    with pytest.raises(ValueError, match="HH:MM"):
        ShiftRules.from_setting({"day_starts_at": "late"})
