"""Thai ID check digits and the settings codec."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.money import CashRounding
from pos.settings.domain.shop_settings import Settings, settings_from_items, settings_to_items
from pos.thai_id import ThaiIdError, format_thai_id, thai_id_check_digit, validate_thai_id


def test_known_ids() -> None:
    assert validate_thai_id("1111111111119") == "1111111111119"
    assert validate_thai_id("1-1111-11111-11-9") == "1111111111119"
    assert format_thai_id("1111111111119") == "1-1111-11111-11-9"
    with pytest.raises(ThaiIdError, match="should be 9"):
        validate_thai_id("1111111111111")
    with pytest.raises(ThaiIdError, match="not 13 digits"):
        validate_thai_id("12345")


@given(st.text("0123456789", min_size=12, max_size=12))
def test_generated_check_digit_validates(first_twelve: str) -> None:
    digits = first_twelve + str(thai_id_check_digit(first_twelve))
    assert validate_thai_id(digits) == digits


def test_settings_round_trip_and_defaults() -> None:
    settings = Settings().replace(cash_rounding=CashRounding.QUARTER_BAHT, terminal_id="POS07")
    assert settings_from_items(settings_to_items(settings)) == settings
    assert settings_from_items({}) == Settings()


def test_a_bad_setting_is_named() -> None:
    with pytest.raises(ValueError, match="setting 'cash_rounding' has a bad value"):
        settings_from_items({"cash_rounding": "7"})
