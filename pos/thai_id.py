"""Thai 13-digit national ID / tax ID numbers and their check digit.

With digits d1..d13: sum = Σ d_i × (14 − i) for i = 1..12, and
d13 = (11 − sum mod 11) mod 10.  Juristic persons' tax IDs start with 0.
"""

from __future__ import annotations


class ThaiIdError(ValueError):
    """Not a valid 13-digit Thai ID or tax ID."""


def thai_id_check_digit(first_twelve: str) -> int:
    if len(first_twelve) != 12 or not first_twelve.isdigit():
        raise ThaiIdError("the check digit needs the first 12 digits")
    total = sum(int(d) * (13 - i) for i, d in enumerate(first_twelve))
    return (11 - total % 11) % 10


def validate_thai_id(text: str) -> str:
    """The 13 digits of ``text`` (dashes, spaces allowed); raises :class:`ThaiIdError`."""
    digits = "".join(ch for ch in text if ch not in "- ")
    if len(digits) != 13 or not digits.isdigit():
        raise ThaiIdError(f"{text!r} is not 13 digits")
    expected = thai_id_check_digit(digits[:12])
    if int(digits[12]) != expected:
        raise ThaiIdError(f"{text!r} has check digit {digits[12]}, it should be {expected}")
    return digits


def format_thai_id(digits: str) -> str:
    """``1234567890123`` → ``1-2345-67890-12-3`` as printed on Thai documents."""
    return f"{digits[0]}-{digits[1:5]}-{digits[5:10]}-{digits[10:12]}-{digits[12]}"
