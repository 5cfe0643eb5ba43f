"""Labels on a thermal label printer: each label drawn as dots (QPainter) and sent as GS v 0.

Label printers that speak ESC/POS take the same raster command as receipt
printers; a label is drawn at 8 dots per millimetre (203 dpi) in the label's
size, then fed and cut (or, on gap-sensing label stock, fed to the next label).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter

from pos.printing.domain.printer_settings import PrinterSettings
from receipts.escpos_output import INIT, escpos_collector
from receipts.labels import Label, bar_modules, two_lines
from receipts.qt_runtime import RECEIPT_FAMILY, ensure_qt
from receipts.raster import to_bilevel
from receipts.thai_text import wrap

DOTS_PER_MM = 8


def _font(pixels: int, *, bold: bool = False) -> QFont:
    font = QFont(RECEIPT_FAMILY)
    font.setPixelSize(pixels)
    font.setBold(bold)
    font.setStyleStrategy(QFont.StyleStrategy.NoAntialias)
    return font


def render_label(label: Label, width_mm: int = 50, height_mm: int = 30) -> QImage:
    """One label as a black-and-white picture of ``width_mm`` × ``height_mm``."""
    ensure_qt()
    width, height = width_mm * DOTS_PER_MM, height_mm * DOTS_PER_MM
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    pad = 2 * DOTS_PER_MM
    name_font, price_font = _font(height // 9), _font(height // 7, bold=True)
    name_metrics = QFontMetrics(name_font)
    y = pad + name_metrics.ascent()
    painter.setFont(name_font)
    for line in two_lines(wrap(label.name_th, width - 2 * pad, name_metrics.horizontalAdvance)):
        painter.drawText(QPointF(pad, y), line)
        y += name_metrics.height() * 9 // 10
    painter.setFont(price_font)
    y += QFontMetrics(price_font).ascent() // 3
    painter.drawText(QPointF(pad, y), label.price_text)
    _bars(painter, label.barcode, QRect(pad, y + 8, width - 2 * pad, height - y - 8 - pad))
    painter.end()
    return image


def _bars(painter: QPainter, code: str, box: QRect) -> None:
    modules, digits = bar_modules(code)
    module = max(2, min(3, box.width() // (len(modules) + 18)))
    digits_font = _font(max(14, module * 8))
    text_height = QFontMetrics(digits_font).height()
    left = box.left() + (box.width() - module * len(modules)) // 2
    for index, bit in enumerate(modules):
        if bit == "1":
            rect = QRect(left + index * module, box.top(), module, box.height() - text_height)
            painter.fillRect(rect, Qt.GlobalColor.black)
    painter.setFont(digits_font)
    painter.drawText(
        QRect(box.left(), box.bottom() - text_height, box.width(), text_height),
        int(Qt.AlignmentFlag.AlignCenter),
        digits,
    )


def labels_to_escpos(
    labels: Sequence[Label], settings: PrinterSettings, *, width_mm: int = 50, height_mm: int = 30
) -> bytes:
    """ESC/POS for a run of labels: each one a picture, then a cut (or a feed)."""
    printer = escpos_collector(width_mm * DOTS_PER_MM)
    printer._raw(INIT)
    for label in labels:
        picture = to_bilevel(render_label(label, width_mm, height_mm))
        printer.image(picture, impl="bitImageRaster", center=False)
        if settings.cut:
            printer.cut(feed=False)
        else:
            printer.print_and_feed(2)
    return bytes(printer.output)
