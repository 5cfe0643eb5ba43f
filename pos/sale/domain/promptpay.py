"""PromptPay QR payloads (Thai QR Payment: EMVCo merchant-presented mode).

:func:`payload` builds the text a QR code carries so the buyer's banking app
pays the shop's PromptPay account, with the amount filled in ("dynamic", tag
01 = 12) or left for the buyer to type ("static", 11).  The layout is

    00 "01" · 01 "11"|"12" · 29 [00 AID A000000677010111, 01 mobile | 02 ID | 03 e-wallet]
    · 58 "TH" · 53 "764" · 54 amount (when given) · 63 CRC

each field written as a two-digit tag, a two-digit length and the value.  The
CRC is CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no
reflection, no final XOR) over everything before it including "6304", in four
upper-case hex digits; the standard library's ``binascii.crc_hqx`` is exactly
that CRC when started at 0xFFFF.

The target may be a Thai mobile number (``0801234567``, ``080-123-4567``,
``+66 80 123 4567``), a 13-digit national ID or tax ID, or a 15-digit
e-wallet ID.  The image itself is drawn elsewhere (the ``qrcode`` library, in
the UI and on receipts); this module is pure text.
"""

from __future__ import annotations

import binascii
import enum
import re
from dataclasses import dataclass

from pos.money import format_baht
from pos.thai_id import validate_thai_id

AID_PROMPTPAY = "A000000677010111"
CURRENCY_THB = "764"
COUNTRY_TH = "TH"
_MAX_AMOUNT_SATANG = 99_999_999_999  # tag 54 holds at most 13 characters: 999999999.99
_SEPARATORS = re.compile(r"[\s\-.()]")


class PromptPayError(ValueError):
    """A target or amount a PromptPay QR cannot carry; the message says what is accepted."""


class TargetKind(enum.StrEnum):
    MOBILE = "01"
    NATIONAL_ID = "02"  # a national ID or a tax ID: both 13 digits
    EWALLET = "03"


@dataclass(frozen=True)
class PromptPayTarget:
    """A PromptPay account as the QR writes it (a mobile number is ``0066`` + 9 digits)."""

    kind: TargetKind
    value: str


def parse_target(text: str) -> PromptPayTarget:
    """Recognise a mobile number, a 13-digit ID or a 15-digit e-wallet ID.

    Separators (spaces, dashes, dots, brackets) are ignored.  Anything else
    raises :class:`PromptPayError` naming the text and what would be accepted.
    """
    cleaned = _SEPARATORS.sub("", text.strip())
    digits = cleaned[1:] if cleaned.startswith("+") else cleaned
    if not digits:
        raise PromptPayError(_not_a_target(text, "it is empty"))
    if not digits.isdigit() or not digits.isascii():
        raise PromptPayError(_not_a_target(text, "it has characters other than digits"))
    if cleaned.startswith("+") and not digits.startswith("66"):
        raise PromptPayError(_not_a_target(text, "only Thai (+66) mobile numbers work"))
    if len(digits) == 10 and digits.startswith("0"):
        return PromptPayTarget(TargetKind.MOBILE, "0066" + digits[1:])
    if len(digits) == 11 and digits.startswith("66"):
        return PromptPayTarget(TargetKind.MOBILE, "00" + digits)
    if len(digits) == 13 and not cleaned.startswith("+"):
        return PromptPayTarget(TargetKind.NATIONAL_ID, digits)
    if len(digits) == 15 and not cleaned.startswith("+"):
        return PromptPayTarget(TargetKind.EWALLET, digits)
    raise PromptPayError(_not_a_target(text, f"{len(digits)} digits"))


def checked_target_setting(text: str) -> str:
    """The shop's PromptPay ID as a setting: empty (no PromptPay) or a valid target.

    A 13-digit ID must also pass the Thai ID check digit here, so a typo in the
    shop's own account is caught when it is set rather than at the first sale.
    """
    cleaned = text.strip()
    if cleaned and parse_target(cleaned).kind is TargetKind.NATIONAL_ID:
        validate_thai_id(cleaned)
    return cleaned


def _not_a_target(text: str, why: str) -> str:
    return (
        f"{text!r} is not a PromptPay ID ({why}): use a mobile number such as 081-234-5678,"
        " a 13-digit national or tax ID, or a 15-digit e-wallet ID"
    )


def crc16_ccitt_false(data: str) -> str:
    """CRC-16/CCITT-FALSE of the ASCII text, as four upper-case hex digits."""
    return f"{binascii.crc_hqx(data.encode('ascii'), 0xFFFF):04X}"


def _field(tag: str, value: str) -> str:
    if len(value) > 99:
        raise PromptPayError(f"field {tag} is longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def payload(target: str, amount_satang: int | None = None) -> str:
    """The QR text for ``target``; with ``amount_satang`` the buyer's app fills the amount in.

    >>> payload("0801234567")
    '00020101021129370016A000000677010111011300668012345675802TH530376463046197'
    """
    account = parse_target(target)
    if amount_satang is not None and not 0 < amount_satang <= _MAX_AMOUNT_SATANG:
        raise PromptPayError(
            f"a PromptPay amount must be more than 0 and at most 999,999,999.99 baht,"
            f" not {format_baht(amount_satang)}"
        )
    fields = [
        _field("00", "01"),
        _field("01", "11" if amount_satang is None else "12"),
        _field("29", _field("00", AID_PROMPTPAY) + _field(account.kind.value, account.value)),
        _field("58", COUNTRY_TH),
        _field("53", CURRENCY_THB),
    ]
    if amount_satang is not None:
        fields.append(_field("54", format_baht(amount_satang, grouping=False)))
    body = "".join(fields) + "6304"
    return body + crc16_ccitt_false(body)


def check_payload(text: str) -> bool:
    """Whether the CRC at the end of a payload matches the rest (a scanned QR, a test)."""
    return len(text) > 8 and text[-8:-4] == "6304" and crc16_ccitt_false(text[:-4]) == text[-4:]
