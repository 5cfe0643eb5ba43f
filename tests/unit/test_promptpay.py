"""PromptPay payloads against the shared vectors, the EMVCo layout and the CRC."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.money import format_baht
from pos.sale.domain.promptpay import (
    PromptPayError,
    TargetKind,
    check_payload,
    checked_target_setting,
    crc16_ccitt_false,
    parse_target,
    payload,
)

# ../shared/domain/thai-counter-rules.md §4
MOBILE_VECTOR = "00020101021129370016A000000677010111011300668012345675802TH530376463046197"
NATIONAL_ID_VECTOR = "00020101021129370016A000000677010111021311111111111115802TH530376463047B5A"


def fields(text: str) -> dict[str, str]:
    """Parse tag-length-value fields (the way a banking app reads the QR)."""
    result, index = {}, 0
    while index < len(text):
        tag, length = text[index : index + 2], int(text[index + 2 : index + 4])
        result[tag] = text[index + 4 : index + 4 + length]
        index += 4 + length
    return result


def test_shared_vectors() -> None:
    assert payload("0801234567") == MOBILE_VECTOR
    assert payload("1111111111111") == NATIONAL_ID_VECTOR
    assert crc16_ccitt_false("123456789") == "29B1"


@pytest.mark.parametrize(
    ("target", "expected"),
    [  # the same forms the reference implementation (promptpay-qr) accepts
        ("080-123-4567", MOBILE_VECTOR),
        ("+66 80 123 4567", MOBILE_VECTOR),
        ("66801234567", MOBILE_VECTOR),
        ("1-1111-11111-11-1", NATIONAL_ID_VECTOR),
        (
            "+66-89-123-4567",
            "00020101021129370016A000000677010111011300668912345675802TH5303764630429C1",
        ),
        (
            "0123456789012",
            "00020101021129370016A000000677010111021301234567890125802TH530376463040CBD",
        ),
    ],
)
def test_other_ways_of_writing_a_target(target: str, expected: str) -> None:
    assert payload(target) == expected


def test_an_amount_makes_a_dynamic_qr() -> None:
    assert payload("000-000-0000", 422) == (
        "00020101021229370016A000000677010111011300660000000005802TH530376454044.226304E469"
    )
    parsed = fields(payload("0801234567", 123_456))
    assert parsed["01"] == "12" and parsed["54"] == "1234.56"
    assert fields(payload("0801234567"))["01"] == "11" and "54" not in fields(MOBILE_VECTOR)


def test_an_ewallet_id_uses_sub_tag_03() -> None:
    text = payload("123456789012345", 5000)
    account = fields(fields(text)["29"])
    assert account == {"00": "A000000677010111", "03": "123456789012345"}
    assert parse_target("123456789012345").kind is TargetKind.EWALLET
    assert check_payload(text)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("12345", "5 digits"),
        ("08012345678", "11 digits"),
        ("1234567890123456", "16 digits"),
        ("080-abc-4567", "other than digits"),
        ("+1 555 123 4567", r"Thai \(\+66\)"),
        ("", "empty"),
    ],
)
def test_anything_else_is_refused_with_what_would_work(target: str, message: str) -> None:
    with pytest.raises(PromptPayError, match=message) as raised:
        payload(target)
    assert "mobile number" in str(raised.value) and "e-wallet" in str(raised.value)


@pytest.mark.parametrize("amount", [0, -100, 100_000_000_000])
def test_amounts_out_of_range_are_refused(amount: int) -> None:
    with pytest.raises(PromptPayError, match="amount"):
        payload("0801234567", amount)


def test_the_shops_setting_checks_a_tax_id_check_digit() -> None:
    assert checked_target_setting(" 081-234-5678 ") == "081-234-5678"
    assert checked_target_setting("") == ""
    assert checked_target_setting("0335560923475") == "0335560923475"
    with pytest.raises(ValueError, match="check digit"):
        checked_target_setting("1111111111111")


@given(
    st.from_regex(r"0[689][0-9]{8}", fullmatch=True),
    st.one_of(st.none(), st.integers(1, 99_999_999_999)),
)
def test_every_payload_is_well_formed(mobile: str, amount: int | None) -> None:
    text = payload(mobile, amount)
    assert check_payload(text)
    assert not check_payload(text[:-1] + ("0" if text[-1] != "0" else "1"))
    parsed = fields(text)
    assert list(parsed) == ["00", "01", "29", "58", "53", *(["54"] if amount else []), "63"]
    assert fields(parsed["29"])["01"] == "0066" + mobile[1:]
    if amount is not None:
        assert parsed["54"] == format_baht(amount, grouping=False)
