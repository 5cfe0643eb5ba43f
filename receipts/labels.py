"""Shelf and product labels: Thai name, price and barcode, on A4 label sheets or a thermal printer.

Barcodes: EAN-13 (GS1 codes and the shop's in-store 20… codes), EAN-8 and UPC-A.
The code is checked with :func:`pos.catalogue.domain.barcodes.canonical_gtin` first, because
python-barcode silently replaces a wrong check digit; python-barcode then
gives the bar pattern, which is drawn as rectangles (vector in the PDF, exact
dots on the thermal printer).  Bars are 0.33 mm per module (100 %) where the
label allows, never below 0.26 mm (80 %), with the quiet zones the standard
asks for.

Sheet layouts are the common A4 ones (:data:`SHEET_LAYOUTS`); ``skip`` leaves
the first labels of a part-used sheet empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from barcode import EAN8, EAN13, UPCA
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from pos.catalogue.domain.barcodes import BarcodeError, canonical_gtin
from pos.catalogue.domain.products import Product
from pos.money import format_baht
from receipts.pdf_fonts import FONT, FONT_BOLD, install, shaped
from receipts.thai_text import wrap


@dataclass(frozen=True)
class SheetLayout:
    """An A4 sheet of ``columns`` × ``rows`` labels; lengths in millimetres."""

    name: str
    columns: int
    rows: int
    width: float  # ok-float: millimetres
    height: float  # ok-float: millimetres
    left: float  # ok-float: millimetres
    top: float  # ok-float: millimetres
    pitch_x: float  # ok-float: millimetres
    pitch_y: float  # ok-float: millimetres

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


SHEET_LAYOUTS = {
    layout.name: layout
    for layout in (
        SheetLayout("3x8", 3, 8, 70, 37, 0, 0.5, 70, 37),  # 24 per sheet, no margins
        SheetLayout("3x7", 3, 7, 63.5, 38.1, 7.2, 15.15, 66.04, 38.1),  # 21 (L7160)
        SheetLayout("5x13", 5, 13, 38.1, 21.2, 4.75, 10.7, 40.64, 21.2),  # 65 (L7651)
    )
}


@dataclass(frozen=True)
class Label:
    name_th: str
    price_satang: int
    barcode: str  # canonical GTIN
    sku: str = ""
    per_unit: str = ""  # "กก." for goods sold by weight: the price is per kg

    @classmethod
    def for_product(cls, product: Product) -> Label:
        if not product.barcode:
            raise BarcodeError(f"{product.sku} has no barcode yet; give it an in-store code")
        return cls(
            name_th=product.name_th,
            price_satang=product.unit_price_satang,
            barcode=canonical_gtin(product.barcode),
            sku=product.sku,
            per_unit=product.unit.label_th if product.sold_by_weight else "",
        )

    @property
    def price_text(self) -> str:
        price = f"฿{format_baht(self.price_satang)}"
        return f"{price}/{self.per_unit}" if self.per_unit else price


def bar_modules(code: str) -> tuple[str, str]:
    """The bar pattern ('1' = dark module) and the digits under it, for a checked GTIN."""
    code = canonical_gtin(code)
    symbology = {13: EAN13, 8: EAN8, 12: UPCA}[len(code)]
    symbol = symbology(code[:-1])
    if symbol.get_fullcode() != code:  # python-barcode computed another check digit
        raise BarcodeError(f"{code}: python-barcode made {symbol.get_fullcode()}")
    return symbol.build()[0], code


def two_lines(lines: list[str]) -> list[str]:
    """A label has room for two lines of name; a longer name ends in "…"."""
    return lines if len(lines) <= 2 else [lines[0], lines[1].rstrip() + "…"]


# --- A4 sheets ---------------------------------------------------------------------------------


def _draw_bars(
    canvas: Canvas, code: str, x: float, y: float, width: float, height: float
) -> None:  # ok-float
    """The barcode centred in the box (x, y, width, height), digits underneath."""
    modules, digits = bar_modules(code)
    quiet = 11 + 7 if len(digits) == 13 else 14
    module = min(0.33 * mm, width / (len(modules) + quiet))
    text_size = max(5.0, module * 9 / mm * 2.2)  # ok-float: points
    bars_height = height - text_size * 1.1
    left = x + (width - module * len(modules)) / 2
    for start, length in _runs(modules):
        canvas.rect(left + start * module, y + text_size * 1.1, length * module, bars_height, 0, 1)
    canvas.setFont(FONT, text_size)
    canvas.drawCentredString(x + width / 2, y + text_size * 0.15, digits)


def _runs(modules: str) -> list[tuple[int, int]]:
    runs, start = [], None
    for index, bit in enumerate(modules + "0"):
        if bit == "1" and start is None:
            start = index
        elif bit == "0" and start is not None:
            runs.append((start, index - start))
            start = None
    return runs


def _draw_label(
    canvas: Canvas, label: Label, x: float, y: float, w: float, h: float
) -> None:  # ok-float
    pad = min(2.5 * mm, h * 0.07)
    side = min(4 * mm, w * 0.06)  # edge-to-edge sheets: most printers leave ~4 mm blank
    name_size = max(6.5, h / mm * 0.3)
    price_size = name_size * 1.45
    inner = w - 2 * side
    lines = two_lines(wrap(label.name_th, inner, lambda s: _width(s, FONT, name_size)))
    top = y + h - pad - name_size
    canvas.setFont(FONT, name_size)
    for index, line in enumerate(lines):
        canvas.drawString(x + side, top - index * name_size * 1.2, shaped(line, size=name_size))
    price_y = top - len(lines) * name_size * 1.2 - price_size * 0.2
    canvas.setFont(FONT_BOLD, price_size)
    canvas.drawString(x + side, price_y, shaped(label.price_text, bold=True, size=price_size))
    if label.sku:
        canvas.setFont(FONT, name_size * 0.75)
        canvas.drawRightString(x + w - side, price_y, label.sku)
    bars_top = price_y - price_size * 0.35
    _draw_bars(canvas, label.barcode, x + side, y + pad * 0.6, inner, bars_top - y - pad * 0.6)


def _width(text: str, font: str, size: float) -> float:  # ok-float
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, font, size))  # ok-float: points


def write_label_sheets(
    labels: Sequence[Label], target: Path, layout: SheetLayout, *, skip: int = 0
) -> int:
    """Write the labels on A4 sheets; returns the number of pages."""
    if not 0 <= skip < layout.per_sheet:
        raise ValueError(f"skip must be 0-{layout.per_sheet - 1} for layout {layout.name}")
    install()
    canvas = Canvas(str(target), pagesize=A4)
    canvas.setTitle("OTOP labels")
    page_height = A4[1]
    slots = [None] * skip + list(labels)
    pages = 0
    for start in range(0, len(slots), layout.per_sheet):
        for index, label in enumerate(slots[start : start + layout.per_sheet]):
            if label is None:
                continue
            row, column = divmod(index, layout.columns)
            x = (layout.left + column * layout.pitch_x) * mm
            y = page_height - (layout.top + row * layout.pitch_y + layout.height) * mm
            _draw_label(canvas, label, x, y, layout.width * mm, layout.height * mm)
        canvas.showPage()
        pages += 1
    canvas.save()
    return pages
