"""Barcodes: check digits, canonical forms, scale labels, in-store codes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.catalogue.domain.barcodes import (
    BarcodeError,
    BarcodeRules,
    EmbeddedKind,
    EmbeddedRule,
    ItemCode,
    ScaleLabel,
    canonical_gtin,
    gtin_check_digit,
    instore_code,
    is_instore_code,
    parse_scanned_code,
    scale_base_code,
    with_check_digit,
)

RULES = BarcodeRules()


@pytest.mark.parametrize(
    ("code", "canonical"),
    [
        ("8850999220017", "8850999220017"),  # EAN-13, GS1 Thailand
        ("96385074", "96385074"),  # EAN-8
        ("036000291452", "036000291452"),  # UPC-A
        ("0036000291452", "036000291452"),  # the same UPC-A read as EAN-13
        ("00036000291452", "036000291452"),  # and as GTIN-14
        (" 8850999220017\n", "8850999220017"),
    ],
)
def test_valid_codes_have_a_canonical_form(code: str, canonical: str) -> None:
    assert canonical_gtin(code) == canonical


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("8850999220018", "check digit 8, it should be 7"),
        ("96385075", "check digit 5, it should be 4"),
        ("036000291453", "check digit 3, it should be 2"),
        ("885099922001", "check digit"),
        ("12345", "has 5 digits"),
        ("88509992200A7", "other than digits"),
        ("", "other than digits"),
        ("18850999220014", "GTIN-14 for a case"),
    ],
)
def test_invalid_codes_say_what_is_wrong(code: str, message: str) -> None:
    with pytest.raises(BarcodeError, match=message):
        canonical_gtin(code)


@given(st.text("0123456789", min_size=12, max_size=12))
def test_a_generated_check_digit_validates_and_any_single_digit_error_is_caught(
    body: str,
) -> None:
    code = with_check_digit(body)
    assert canonical_gtin(code).lstrip("0") == code.lstrip("0")
    position = len(body) // 2
    wrong = str((int(code[position]) + 1) % 10)
    with pytest.raises(BarcodeError):
        canonical_gtin(code[:position] + wrong + code[position + 1 :])


def test_check_digit_known_values() -> None:
    assert gtin_check_digit("885099922001") == 7
    assert gtin_check_digit("9638507") == 4


def test_weight_label_gives_plu_and_grams() -> None:
    code = with_check_digit("210004201250")
    assert parse_scanned_code(code, RULES) == ScaleLabel(code, 42, EmbeddedKind.WEIGHT, 1250)


def test_price_label_gives_plu_and_satang() -> None:
    code = with_check_digit("220004208950")
    assert parse_scanned_code(code, RULES) == ScaleLabel(code, 42, EmbeddedKind.PRICE, 8950)


def test_prefixes_are_configurable() -> None:
    rules = BarcodeRules(embedded=(EmbeddedRule("28", EmbeddedKind.PRICE),), instore_prefix="29")
    assert isinstance(parse_scanned_code(with_check_digit("210004201250"), rules), ItemCode)
    label = parse_scanned_code(with_check_digit("280004201250"), rules)
    assert isinstance(label, ScaleLabel) and label.kind is EmbeddedKind.PRICE
    assert BarcodeRules.from_setting(rules.to_setting()) == rules


@pytest.mark.parametrize(
    "kwargs",
    [
        {"instore_prefix": "30"},
        {"instore_prefix": "21"},
        {"embedded": (EmbeddedRule("19", EmbeddedKind.PRICE),)},
        {"embedded": (EmbeddedRule("22", EmbeddedKind.PRICE), EmbeddedRule("22", "weight"))},
    ],
)
def test_bad_prefix_settings_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="prefix"):
        BarcodeRules(**kwargs)  # type: ignore[arg-type]


def test_scale_label_with_bad_check_digit_is_refused() -> None:
    code = with_check_digit("210004201250")
    with pytest.raises(BarcodeError):
        parse_scanned_code(code[:-1] + str((int(code[-1]) + 1) % 10), RULES)


def test_generated_codes_are_valid_in_store_codes() -> None:
    code = instore_code(RULES, 17)
    assert code.startswith("20") and len(code) == 13
    assert canonical_gtin(code) == code
    assert is_instore_code(code, RULES)
    base = scale_base_code(RULES.embedded[0], 7)
    assert base == with_check_digit("210000700000")
    assert is_instore_code(base, RULES)
    assert not is_instore_code("8850999220017", RULES)
