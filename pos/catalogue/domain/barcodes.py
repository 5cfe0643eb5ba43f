"""Barcodes: GTIN check digits, scale (price/weight-embedded) codes and in-store codes.

Accepted product codes are EAN-13, EAN-8 and UPC-A, always with their check
digit verified (python-barcode silently "fixes" a wrong one, so we never rely on
it to validate).  Codes are kept in a canonical form: a 13-digit code with a
leading 0 is a UPC-A read as EAN-13 and is stored as its 12 digits; a GTIN-14
with a leading 0 is stored as the EAN-13 inside it.

Restricted-circulation EAN-13 prefixes 20–29 are the shop's own.  Scales print
``PP IIIII VVVVV C``: prefix, a 5-digit PLU, a 5-digit value (price in satang or
weight in grams) and the check digit.  Which prefix means price and which means
weight is not standard in Thailand, so :class:`BarcodeRules` makes it a setting.
A product sold through the scale has as its own barcode the "base code" of its
PLU (value 00000) under any embedded prefix; a label with any value and any
embedded prefix finds it by PLU.  The other 2x prefixes hold in-store codes
generated for goods that have no barcode (``instore_prefix``, default 20).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

PLU_DIGITS = 5
VALUE_DIGITS = 5
_INSTORE_SERIAL_DIGITS = 10


class BarcodeError(ValueError):
    """A scanned or typed code that is not a valid product code."""


def gtin_check_digit(body: str) -> int:
    """The GS1 check digit for the digits before it (weights 3,1,3,… from the right)."""
    if not body.isdigit():
        raise BarcodeError(f"{body!r} is not all digits")
    total = 3 * sum(map(int, body[::-1][0::2])) + sum(map(int, body[::-1][1::2]))
    return (10 - total % 10) % 10


def canonical_gtin(code: str) -> str:
    """Validate an EAN-13, EAN-8, UPC-A (or GTIN-14 with a leading 0) and return its canonical form.

    Raises :class:`BarcodeError` saying what is wrong: not digits, wrong length,
    or the check digit that was expected.
    """
    code = code.strip()
    if not code.isdigit():
        raise BarcodeError(f"{code!r} has characters other than digits")
    if len(code) not in (8, 12, 13, 14):
        raise BarcodeError(
            f"{code!r} has {len(code)} digits; EAN-13, UPC-A and EAN-8 have 13, 12 and 8"
        )
    expected = gtin_check_digit(code[:-1])
    if int(code[-1]) != expected:
        raise BarcodeError(f"{code!r} has check digit {code[-1]}, it should be {expected}")
    while len(code) in (13, 14) and code[0] == "0":
        code = code[1:]  # GTIN-14 → EAN-13 → UPC-A, same item
    if len(code) == 14:
        raise BarcodeError(f"{code!r} is a GTIN-14 for a case of goods, not a sellable item")
    return code


def with_check_digit(body: str) -> str:
    """``body`` followed by its check digit."""
    return body + str(gtin_check_digit(body))


class EmbeddedKind(enum.StrEnum):
    """What the value digits of a scale label mean."""

    PRICE = "price"  # satang
    WEIGHT = "weight"  # grams


@dataclass(frozen=True)
class EmbeddedRule:
    """A restricted-circulation prefix (20–29) whose codes carry a price or a weight."""

    prefix: str
    kind: EmbeddedKind


@dataclass(frozen=True)
class BarcodeRules:
    """The shop's settings for in-store codes."""

    embedded: tuple[EmbeddedRule, ...] = (
        EmbeddedRule("21", EmbeddedKind.WEIGHT),
        EmbeddedRule("22", EmbeddedKind.PRICE),
    )
    instore_prefix: str = "20"

    def __post_init__(self) -> None:
        prefixes = [rule.prefix for rule in self.embedded]
        for prefix in [*prefixes, self.instore_prefix]:
            if len(prefix) != 2 or not prefix.isdigit() or not 20 <= int(prefix) <= 29:
                raise ValueError(f"in-store prefix {prefix!r} must be two digits from 20 to 29")
        if len(set(prefixes)) != len(prefixes):
            raise ValueError("an embedded-code prefix is configured twice")
        if self.instore_prefix in prefixes:
            raise ValueError(
                f"prefix {self.instore_prefix} cannot be both for in-store codes and scale labels"
            )

    def rule_for(self, code: str) -> EmbeddedRule | None:
        """The embedded rule a canonical code falls under, if any."""
        if len(code) != 13:
            return None
        return next((rule for rule in self.embedded if code.startswith(rule.prefix)), None)

    def to_setting(self) -> dict[str, object]:
        return {
            "embedded": [[rule.prefix, rule.kind.value] for rule in self.embedded],
            "instore_prefix": self.instore_prefix,
        }

    @classmethod
    def from_setting(cls, value: dict[str, object]) -> BarcodeRules:
        pairs = value.get("embedded", [])
        assert isinstance(pairs, list)
        rules = tuple(EmbeddedRule(str(p), EmbeddedKind(str(k))) for p, k in pairs)
        return cls(embedded=rules, instore_prefix=str(value.get("instore_prefix", "20")))


@dataclass(frozen=True)
class ItemCode:
    """A code that names one product directly (GS1 or in-store)."""

    code: str


@dataclass(frozen=True)
class ScaleLabel:
    """A price- or weight-embedded scale label for the product with ``plu``."""

    code: str
    plu: int
    kind: EmbeddedKind
    value: int  # satang for PRICE, grams for WEIGHT


ScannedCode = ItemCode | ScaleLabel


def parse_scanned_code(raw: str, rules: BarcodeRules) -> ScannedCode:
    """Classify a scanned code; raises :class:`BarcodeError` for anything unusable."""
    code = canonical_gtin(raw)
    rule = rules.rule_for(code)
    if rule is None:
        return ItemCode(code)
    plu = int(code[2 : 2 + PLU_DIGITS])
    value = int(code[2 + PLU_DIGITS : 2 + PLU_DIGITS + VALUE_DIGITS])
    return ScaleLabel(code=code, plu=plu, kind=rule.kind, value=value)


def plu_of(code: str, rules: BarcodeRules) -> int | None:
    """The PLU in a canonical (already validated) code with an embedded prefix, else ``None``."""
    return int(code[2 : 2 + PLU_DIGITS]) if rules.rule_for(code) is not None else None


def scale_base_code(rule: EmbeddedRule, plu: int) -> str:
    """The base code of a PLU under an embedded prefix: ``PP IIIII 00000 C``."""
    if not 0 < plu < 10**PLU_DIGITS:
        raise ValueError(f"a PLU has at most {PLU_DIGITS} digits, not {plu}")
    return with_check_digit(f"{rule.prefix}{plu:0{PLU_DIGITS}d}{0:0{VALUE_DIGITS}d}")


def instore_code(rules: BarcodeRules, serial: int) -> str:
    """An in-store EAN-13 for goods that have no barcode: prefix + 10-digit serial + check."""
    if not 0 < serial < 10**_INSTORE_SERIAL_DIGITS:
        raise ValueError(f"in-store serial out of range: {serial}")
    return with_check_digit(f"{rules.instore_prefix}{serial:0{_INSTORE_SERIAL_DIGITS}d}")


def is_instore_code(code: str, rules: BarcodeRules) -> bool:
    """True for codes the shop made itself (no GS1 barcode): quick-key goods."""
    return len(code) == 13 and (
        code.startswith(rules.instore_prefix) or rules.rule_for(code) is not None
    )
