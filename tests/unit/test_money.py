"""Money: parsing, formatting, rounding, bahttext."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.money import (
    CashRounding,
    MoneyFormatError,
    bahttext,
    div_round_half_up,
    format_baht,
    parse_baht,
    percent_of,
    round_cash,
)

amounts = st.integers(min_value=-(10**12), max_value=10**12)


@pytest.mark.parametrize(
    ("text", "satang"),
    [
        ("0", 0),
        ("12", 1200),
        ("12.5", 1250),
        ("12.50", 1250),
        ("0.05", 5),
        (".75", 75),
        ("1,234.50", 123450),
        ("1234567.89", 123456789),
        ("-3.25", -325),
        ("฿120", 12000),
        (" 89.00 ", 8900),
        ("๑๒๐.๕๐", 12050),
    ],
)
def test_parse_baht_accepts_what_people_write(text: str, satang: int) -> None:
    assert parse_baht(text) == satang


@pytest.mark.parametrize(
    "text", ["", "-", "abc", "12.345", "1,23", "12,34.00", "1.2.3", "12.", "1e3", "NaN"]
)
def test_parse_baht_refuses_malformed_amounts(text: str) -> None:
    with pytest.raises(MoneyFormatError, match="not an amount in baht"):
        parse_baht(text)


@given(amounts)
def test_format_then_parse_round_trips(satang: int) -> None:
    assert parse_baht(format_baht(satang)) == satang
    assert parse_baht(format_baht(satang, grouping=False)) == satang


def test_format_baht_groups_thousands_and_keeps_two_decimals() -> None:
    assert format_baht(123450) == "1,234.50"
    assert format_baht(5) == "0.05"
    assert format_baht(-100) == "-1.00"
    assert format_baht(100000, symbol=True) == "฿1,000.00"


@given(st.integers(-(10**9), 10**9), st.integers(1, 10**6))
def test_div_round_half_up_is_nearest_with_halves_away_from_zero(n: int, d: int) -> None:
    q = div_round_half_up(n, d)
    assert abs(q * d - n) * 2 <= d
    if abs(q * d - n) * 2 == d:  # a tie went away from zero
        assert abs(q) * d > abs(n)


def test_percent_of_rounds_half_up() -> None:
    assert percent_of(1050, 1000) == 105  # 10% of 10.50
    assert percent_of(5, 1000) == 1  # 0.5 satang rounds up
    assert percent_of(4, 1000) == 0


@pytest.mark.parametrize(
    ("satang", "rounding", "expected"),
    [
        (1010, CashRounding.QUARTER_BAHT, 1000),
        (1013, CashRounding.QUARTER_BAHT, 1025),
        (1037, CashRounding.QUARTER_BAHT, 1025),
        (1050, CashRounding.BAHT, 1000),  # a tie goes to the customer
        (1051, CashRounding.BAHT, 1100),
        (-1050, CashRounding.BAHT, -1100),  # a refund's tie also favours the customer
        (1013, CashRounding.NONE, 1013),
    ],
)
def test_round_cash(satang: int, rounding: CashRounding, expected: int) -> None:
    assert round_cash(satang, rounding) == expected


@given(amounts, st.sampled_from(list(CashRounding)))
def test_round_cash_lands_on_the_step_within_half_a_step(
    satang: int, rounding: CashRounding
) -> None:
    rounded = round_cash(satang, rounding)
    assert rounded % int(rounding) == 0
    assert abs(rounded - satang) * 2 <= int(rounding)


def test_cash_rounding_setting_round_trips_and_names_bad_values() -> None:
    for rounding in CashRounding:
        assert CashRounding.from_setting(rounding.as_setting()) is rounding
    with pytest.raises(ValueError, match="none, 25 or 100"):
        CashRounding.from_setting("50")


# Vectors from ../shared/domain/thai-counter-rules.md (satang).
BAHTTEXT_VECTORS = [
    (0, "ศูนย์บาทถ้วน"),
    (1000, "สิบบาทถ้วน"),
    (12000, "หนึ่งร้อยยี่สิบบาทถ้วน"),
    (123400, "หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน"),
    (5100000100, "ห้าสิบเอ็ดล้านหนึ่งบาทถ้วน"),
    (75, "เจ็ดสิบห้าสตางค์"),
    (101, "หนึ่งบาทหนึ่งสตางค์"),
    (221, "สองบาทยี่สิบเอ็ดสตางค์"),
    (1111, "สิบเอ็ดบาทสิบเอ็ดสตางค์"),
    (12075, "หนึ่งร้อยยี่สิบบาทเจ็ดสิบห้าสตางค์"),
    (31710, "สามร้อยสิบเจ็ดบาทสิบสตางค์"),
    (-20100, "ลบสองร้อยหนึ่งบาทถ้วน"),
]


@pytest.mark.parametrize(("satang", "words"), BAHTTEXT_VECTORS)
def test_bahttext_matches_the_shared_vectors(satang: int, words: str) -> None:
    assert bahttext(satang) == words


@pytest.mark.parametrize(
    ("satang", "words"),
    [
        (10100, "หนึ่งร้อยหนึ่งบาทถ้วน"),  # our convention: หนึ่ง after a zero tens digit
        (2100, "ยี่สิบเอ็ดบาทถ้วน"),
        (100, "หนึ่งบาทถ้วน"),
        (100000000, "หนึ่งล้านบาทถ้วน"),
        (1100000000, "สิบเอ็ดล้านบาทถ้วน"),
        (200000000000000, "สองล้านล้านบาทถ้วน"),
        (97834274700, "เก้าร้อยเจ็ดสิบแปดล้านสามแสนสี่หมื่นสองพันเจ็ดร้อยสี่สิบเจ็ดบาทถ้วน"),
    ],
)
def test_bahttext_conventions(satang: int, words: str) -> None:
    assert bahttext(satang) == words


@given(st.integers(min_value=1, max_value=10**15))
def test_bahttext_always_ends_properly_and_never_says_zero_inside(satang: int) -> None:
    words = bahttext(satang)
    assert words.endswith(("บาทถ้วน", "สตางค์"))
    assert "ศูนย์" not in words
    assert "หนึ่งสิบ" not in words and "สองสิบ" not in words
