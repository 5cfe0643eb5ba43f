"""Money as an integer number of satang: parsing, formatting, rounding and bahttext.

Every amount in the program is an ``int`` of satang (1 baht = 100 satang); there
is no float anywhere near money.  Rounding is explicit and named:

* :func:`div_round_half_up` — exact integer division rounding halves away from
  zero, used for VAT, percentages and weighed-line totals;
* :func:`round_cash` — the cash-rounding setting (none / 25 satang / 1 baht),
  applied to the cash tender only.  No rule fixes its direction, so we round to
  the nearest step and a tie goes in the customer's favour (down for a payment,
  up for a refund), and the difference is recorded on the sale by the caller.

:func:`bahttext` writes an amount in Thai words for tax invoices.  For a lone
"one" after a higher place (101, 1,000,001) it follows the convention of the
shared vectors (Google Sheets: หนึ่งร้อยหนึ่ง, ห้าสิบเอ็ดล้านหนึ่ง); "เอ็ด" is
used only when the tens digit of the same group is not zero (สิบเอ็ด, ยี่สิบเอ็ด).
"""

from __future__ import annotations

import enum
import re

SATANG_PER_BAHT = 100

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_BAHT_PATTERN = re.compile(
    r"^(?P<sign>[-+])?(?P<whole>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?P<frac>\d{1,2}))?$"
)


class MoneyFormatError(ValueError):
    """Text that is not an amount of baht with at most two decimals."""


def parse_baht(text: str) -> int:
    """Parse ``"1,234.5"``, ``"฿120"``, ``"-3.25"`` or Thai digits into satang.

    Accepts an optional sign, an optional baht sign, thousands separators in
    proper groups of three and at most two decimals.  Anything else raises
    :class:`MoneyFormatError` naming the text.
    """
    cleaned = text.strip().translate(_THAI_DIGITS).replace("฿", "").replace(" ", "")
    match = _BAHT_PATTERN.match(cleaned)
    if not cleaned or match is None or (match["whole"] is None and match["frac"] is None):
        raise MoneyFormatError(
            f"{text!r} is not an amount in baht (write e.g. 120, 89.50 or 1,234.50)"
        )
    whole = int((match["whole"] or "0").replace(",", ""))
    fraction = int((match["frac"] or "0").ljust(2, "0"))
    satang = whole * SATANG_PER_BAHT + fraction
    return -satang if match["sign"] == "-" else satang


def format_baht(satang: int, *, grouping: bool = True, symbol: bool = False) -> str:
    """Format satang as baht with two decimals: ``123450`` → ``"1,234.50"``."""
    sign = "-" if satang < 0 else ""
    whole, fraction = divmod(abs(satang), SATANG_PER_BAHT)
    whole_text = f"{whole:,}" if grouping else str(whole)
    return f"{sign}{'฿' if symbol else ''}{whole_text}.{fraction:02d}"


def div_round_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded to the nearest integer, halves away from zero."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    quotient, remainder = divmod(abs(numerator), denominator)
    if 2 * remainder >= denominator:
        quotient += 1
    return quotient if numerator >= 0 else -quotient


def percent_of(satang: int, basis_points: int) -> int:
    """``basis_points`` (1/100 of a percent) of an amount, rounded half up."""
    return div_round_half_up(satang * basis_points, 10_000)


class CashRounding(enum.IntEnum):
    """How a cash total is rounded; the value is the step in satang."""

    NONE = 1
    QUARTER_BAHT = 25
    BAHT = 100

    @classmethod
    def from_setting(cls, value: str) -> CashRounding:
        """Read the setting as stored: ``"none"``, ``"25"`` or ``"100"``."""
        table = {"none": cls.NONE, "1": cls.NONE, "25": cls.QUARTER_BAHT, "100": cls.BAHT}
        try:
            return table[value.strip().lower()]
        except KeyError:
            raise ValueError(
                f"cash rounding must be none, 25 or 100 (satang), not {value!r}"
            ) from None

    def as_setting(self) -> str:
        return "none" if self is CashRounding.NONE else str(int(self))


def round_cash(satang: int, rounding: CashRounding) -> int:
    """Round a cash amount to the step; ties go to the customer (towards minus infinity)."""
    step = int(rounding)
    quotient, remainder = divmod(satang, step)
    if 2 * remainder > step:
        quotient += 1
    return quotient * step


# --- amount in Thai words ----------------------------------------------------------------------

_DIGIT_WORDS = ("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_PLACE_WORDS = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")


def _words_below_million(number: int) -> str:
    """Thai words for 1..999,999 (empty for 0)."""
    digits = [int(d) for d in reversed(str(number))]  # digits[0] is the units digit
    tens = digits[1] if len(digits) > 1 else 0
    words = []
    for place in range(len(digits) - 1, -1, -1):
        digit = digits[place]
        if digit == 0:
            continue
        if place == 1:
            words.append({1: "", 2: "ยี่"}.get(digit, _DIGIT_WORDS[digit]) + "สิบ")
        elif place == 0 and digit == 1 and tens != 0:
            words.append("เอ็ด")
        else:
            words.append(_DIGIT_WORDS[digit] + _PLACE_WORDS[place])
    return "".join(words)


def _integer_words(number: int) -> str:
    """Thai words for a non-negative integer, millions read recursively (ล้านล้าน ...)."""
    millions, rest = divmod(number, 1_000_000)
    head = _integer_words(millions) + "ล้าน" if millions else ""
    return head + _words_below_million(rest)


def bahttext(satang: int) -> str:
    """The amount in Thai words as on a tax invoice: ``12075`` → หนึ่งร้อยยี่สิบบาทเจ็ดสิบห้าสตางค์."""
    if satang < 0:
        return "ลบ" + bahttext(-satang)
    baht, fraction = divmod(satang, SATANG_PER_BAHT)
    if baht == 0 and fraction == 0:
        return "ศูนย์บาทถ้วน"
    baht_part = _integer_words(baht) + "บาท" if baht else ""
    if fraction == 0:
        return baht_part + "ถ้วน"
    return baht_part + _words_below_million(fraction) + "สตางค์"
