"""VAT: the dated schedule and the inclusive split."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.sale.domain.vat import DEFAULT_VAT_SCHEDULE, VatRate, VatSchedule, split_vat_inclusive


@given(st.integers(-(10**12), 10**12), st.integers(0, 2500))
def test_split_always_sums_back_to_the_gross(gross: int, rate: int) -> None:
    split = split_vat_inclusive(gross, rate)
    assert split.net_satang + split.vat_satang == gross


@given(st.integers(0, 10**12))
def test_vat_is_the_nearest_satang_to_seven_107ths(gross: int) -> None:
    vat = split_vat_inclusive(gross, 700).vat_satang
    assert abs(vat * 107 - gross * 7) * 2 <= 107


def test_known_split() -> None:
    split = split_vat_inclusive(10700, 700)
    assert (split.net_satang, split.vat_satang) == (10000, 700)
    assert split_vat_inclusive(100, 700).vat_satang == 7  # 6.54 rounds to 7


def test_schedule_picks_the_rate_in_force_on_the_day() -> None:
    schedule = VatSchedule((VatRate(dt.date(2027, 10, 1), 1000), VatRate(dt.date(1999, 4, 1), 700)))
    assert schedule.rate_on(dt.date(2026, 11, 24)) == 700
    assert schedule.rate_on(dt.date(2027, 10, 1)) == 1000
    with pytest.raises(ValueError, match="no VAT rate"):
        schedule.rate_on(dt.date(1990, 1, 1))
    assert VatSchedule.from_setting(schedule.to_setting()) == schedule


def test_default_is_seven_percent() -> None:
    assert DEFAULT_VAT_SCHEDULE.rate_on(dt.date(2026, 11, 24)) == 700
