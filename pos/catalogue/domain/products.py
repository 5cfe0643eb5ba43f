"""The catalogue: OTOP categories, units, producer groups and products.

Goods at the centre are sold on behalf of community producer groups.  Whether a
line carries VAT depends on both the seller and the goods: the producer group
must be VAT-registered (most are below the 1.8-million-baht threshold and are
not) and the product must not be VAT-exempt (unprocessed farm produce such as
loose shallots, garlic and durian is exempt).  :meth:`Product.is_vatable`
combines the two.

Quantities are integers in thousandths of the unit (``quantity_milli``): 2
pieces is 2000, 1.25 kg is 1250, so a weighed line never needs a float.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from pos.money import div_round_half_up

MILLI = 1000

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_QUANTITY_PATTERN = re.compile(r"^(?P<whole>\d+)?(?:\.(?P<frac>\d{1,3}))?$")


class Category(enum.StrEnum):
    """The five OTOP product types."""

    FOOD = "food"
    BEVERAGE = "beverage"
    TEXTILE = "textile"
    HOUSEHOLD = "household"
    HERBAL = "herbal"

    @property
    def label_th(self) -> str:
        return _CATEGORY_LABELS_TH[self]


_CATEGORY_LABELS_TH = {
    Category.FOOD: "อาหาร",
    Category.BEVERAGE: "เครื่องดื่ม",
    Category.TEXTILE: "ผ้าและเครื่องแต่งกาย",
    Category.HOUSEHOLD: "ของใช้ ของตกแต่ง ของที่ระลึก",
    Category.HERBAL: "สมุนไพรที่ไม่ใช่อาหาร",
}


class Unit(enum.StrEnum):
    """Selling units; the value is the code used in CSV files, ``label_th`` the Thai classifier."""

    PIECE = "piece"
    KG = "kg"
    METRE = "metre"
    BOTTLE = "bottle"
    BAG = "bag"
    BOX = "box"
    PACK = "pack"
    SET = "set"
    JAR = "jar"
    CLOTH = "cloth"
    GARMENT = "garment"
    PAIR = "pair"
    BAR = "bar"
    TUBE = "tube"
    BASKET = "basket"

    @property
    def label_th(self) -> str:
        return _UNIT_LABELS_TH[self]

    @classmethod
    def parse(cls, text: str) -> Unit:
        """Read a unit from its code or its Thai label ("kg" or "กก." or "กิโลกรัม")."""
        unit = _UNIT_BY_NAME.get(text.strip().lower())
        if unit is None:
            codes = ", ".join(u.value for u in cls)
            raise ValueError(f"unknown unit {text!r} (use one of: {codes})")
        return unit


_UNIT_LABELS_TH = {
    Unit.PIECE: "ชิ้น",
    Unit.KG: "กก.",
    Unit.METRE: "เมตร",
    Unit.BOTTLE: "ขวด",
    Unit.BAG: "ถุง",
    Unit.BOX: "กล่อง",
    Unit.PACK: "แพ็ค",
    Unit.SET: "ชุด",
    Unit.JAR: "กระปุก",
    Unit.CLOTH: "ผืน",
    Unit.GARMENT: "ตัว",
    Unit.PAIR: "คู่",
    Unit.BAR: "ก้อน",
    Unit.TUBE: "หลอด",
    Unit.BASKET: "ใบ",
}
_UNIT_ALIASES = {Unit.KG: ("กิโลกรัม", "กก"), Unit.PIECE: ("pcs", "pc")}
_UNIT_BY_NAME = {
    name: unit
    for unit in Unit
    for name in (unit.value, unit.label_th, *_UNIT_ALIASES.get(unit, ()))
}


@dataclass(frozen=True)
class ProducerGroup:
    """A community producer group (or the centre itself) on whose behalf goods are sold."""

    name_th: str
    name_en: str = ""
    district: str = ""
    vat_registered: bool = False
    tax_id: str | None = None
    branch: str | None = None


@dataclass(frozen=True)
class Product:
    """A product as the till sells it; ``unit_price_satang`` is per kg when sold by weight."""

    sku: str
    barcode: str | None
    name_th: str
    name_en: str
    category: Category
    producer: ProducerGroup
    unit_price_satang: int
    unit: Unit
    sold_by_weight: bool
    vat_applicable: bool
    otop_stars: int = 0
    stock_milli: int = 0

    @property
    def is_vatable(self) -> bool:
        """VAT is in the price only if the seller is registered and the goods are not exempt."""
        return self.vat_applicable and self.producer.vat_registered


def amount_for_quantity(unit_price_satang: int, quantity_milli: int) -> int:
    """Price × quantity in satang, rounded half up (weighed goods: 1.255 kg × 89.00)."""
    return div_round_half_up(unit_price_satang * quantity_milli, MILLI)


def parse_quantity(text: str) -> int:
    """Parse ``"2"``, ``"1.25"`` or ``"0.5"`` (up to 3 decimals) into thousandths."""
    match = _QUANTITY_PATTERN.match(text.strip().translate(_THAI_DIGITS))
    if match is None or (match["whole"] is None and match["frac"] is None):
        raise ValueError(f"{text!r} is not a quantity (write e.g. 2, 1.5 or 0.750)")
    whole = int(match["whole"] or "0")
    return whole * MILLI + int((match["frac"] or "0").ljust(3, "0"))


def format_quantity(quantity_milli: int, *, weighed: bool) -> str:
    """Thousandths as text: 2000 → "2", 2500 → "2.5"; weighed 1250 → "1.250"."""
    sign = "-" if quantity_milli < 0 else ""
    whole, fraction = divmod(abs(quantity_milli), MILLI)
    if weighed:
        return f"{sign}{whole}.{fraction:03d}"
    if fraction == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{fraction:03d}".rstrip("0")
