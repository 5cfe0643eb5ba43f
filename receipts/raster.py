"""Draw receipt blocks as a 1-bit picture the width of the print head (384 or 576 dots).

Qt shapes Thai correctly (tone marks stacked over upper vowels, SARA AM, marks
on short and tall consonants) with the shipped TLWG Loma font, so the printer
only has to print dots: this is the default mode and works on the cheapest
58 mm printer.  Fonts are drawn without anti-aliasing, so every pixel is
already black or white and nothing is lost when the picture becomes 1-bit.

Layout runs in two passes: blocks are measured and wrapped (at Thai word
boundaries, :mod:`receipts.thai_text`) into draw operations with their y
positions, then painted on a QImage of exactly the needed height.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import qrcode
from barcode import Code128
from PIL import Image
from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter

from receipts.blocks import (
    Align,
    BarcodeBlock,
    Block,
    QrBlock,
    RowBlock,
    RuleBlock,
    Size,
    SpaceBlock,
    TextBlock,
)
from receipts.qt_runtime import RECEIPT_FAMILY, ensure_qt
from receipts.thai_text import wrap, wrap_beside

_PIXEL_SIZES = {
    384: {Size.SMALL: 20, Size.NORMAL: 23, Size.LARGE: 30},
    512: {Size.SMALL: 22, Size.NORMAL: 26, Size.LARGE: 34},
    576: {Size.SMALL: 23, Size.NORMAL: 27, Size.LARGE: 36},
}
_BARCODE_HEIGHT = 64  # dots: 8 mm at 203 dpi, comfortable for a hand scanner
_QUIET_MODULES = 10
_TALLEST_AND_DEEPEST = "ที่น้ำปู่ญี่ปุ่นฎีกาฐฤๅษีเกี๊ยวกุ้ง ÁÉgjpqy|()[]"

Draw = Callable[[QPainter], None]


@dataclass(frozen=True)
class RasterStyle:
    width_dots: int
    margin: int = 6
    indent_step: int = 14
    row_gap: int = 12  # between a row's label and its value

    @property
    def inner_width(self) -> int:
        return self.width_dots - 2 * self.margin


class _Layout:
    """Measures blocks into draw operations, keeping the running y position."""

    def __init__(self, style: RasterStyle):
        self.style = style
        self.y = 4
        self.ops: list[Draw] = []
        self._fonts: dict[tuple[Size, bool], QFont] = {}
        self._boxes: dict[str, tuple[int, int]] = {}

    def font(self, size: Size, bold: bool) -> QFont:
        key = (size, bold)
        if key not in self._fonts:
            font = QFont(RECEIPT_FAMILY)
            font.setPixelSize(_PIXEL_SIZES[self.style.width_dots][size])
            font.setBold(bold)
            font.setStyleStrategy(QFont.StyleStrategy.NoAntialias)
            font.setHintingPreference(QFont.HintingPreference.PreferFullHinting)
            self._fonts[key] = font
        return self._fonts[key]

    def add(self, block: Block) -> None:
        match block:
            case TextBlock():
                self._text(block)
            case RowBlock():
                self._row(block)
            case RuleBlock():
                self._rule(block)
            case BarcodeBlock():
                self._barcode(block.data)
            case QrBlock():
                self._qr(block.data)
            case SpaceBlock():
                self.y += 12

    def line_box(self, font: QFont) -> tuple[int, int]:
        """(ascent, height) of a line: the ink of Thai's tallest stacks and deepest marks.

        Loma's own line spacing is 1.6 em; the ink needs 1.15 em, and paper is money.
        """
        key = font.key()
        if key not in self._boxes:
            ink = QFontMetrics(font).tightBoundingRect(_TALLEST_AND_DEEPEST)
            self._boxes[key] = (2 - ink.top(), ink.height() + 5)
        return self._boxes[key]

    def _line(self, text: str, font: QFont, x: int, *, inverse: bool = False) -> None:
        ascent, height = self.line_box(font)
        top, width = self.y, self.style.width_dots
        baseline = top + ascent

        def draw(painter: QPainter) -> None:
            painter.setFont(font)
            if inverse:
                painter.fillRect(QRect(0, top, width, height), Qt.GlobalColor.black)
                painter.setPen(Qt.GlobalColor.white)
            painter.drawText(QPointF(x, baseline), text)
            painter.setPen(Qt.GlobalColor.black)

        self.ops.append(draw)
        self.y += height

    def _x_for(self, text_width: int, align: Align, indent_px: int) -> int:
        left, inner = self.style.margin + indent_px, self.style.inner_width - indent_px
        if align is Align.CENTER:
            return left + max(0, (inner - text_width) // 2)
        if align is Align.RIGHT:
            return left + max(0, inner - text_width)
        return left

    def _text(self, block: TextBlock) -> None:
        font = self.font(block.size, block.bold)
        metrics = QFontMetrics(font)
        indent = block.indent * self.style.indent_step
        for line in wrap(block.text, self.style.inner_width - indent, metrics.horizontalAdvance):
            x = self._x_for(metrics.horizontalAdvance(line), block.align, indent)
            self._line(line, font, x, inverse=block.inverse)

    def _row(self, block: RowBlock) -> None:
        font = self.font(block.size, block.bold)
        metrics = QFontMetrics(font)
        indent = block.indent * self.style.indent_step
        inner = self.style.inner_width - indent
        right_width = metrics.horizontalAdvance(block.right)
        lines, beside = wrap_beside(
            block.left, inner, right_width, self.style.row_gap, metrics.horizontalAdvance
        )
        for line in lines[:-1]:
            self._line(line, font, self.style.margin + indent)
        if not beside:
            self._line(lines[-1], font, self.style.margin + indent)
            self._line(block.right, font, self._x_for(right_width, Align.RIGHT, indent))
            return
        top = self.y
        self._line(lines[-1], font, self.style.margin + indent)
        x_right = self.style.margin + self.style.inner_width - right_width
        baseline = top + self.line_box(font)[0]
        text = block.right

        def draw(painter: QPainter) -> None:
            painter.setFont(font)
            painter.drawText(QPointF(x_right, baseline), text)

        self.ops.append(draw)

    def _rule(self, block: RuleBlock) -> None:
        thickness = 3 if block.heavy else 2
        top, left, width = self.y + 6, self.style.margin, self.style.inner_width
        self.ops.append(
            lambda p: p.fillRect(QRect(left, top, width, thickness), Qt.GlobalColor.black)
        )
        self.y += 12 + thickness

    def _barcode(self, data: str) -> None:
        modules = Code128(data).build()[0]
        module = min(3, self.style.inner_width // (len(modules) + 2 * _QUIET_MODULES))
        if module < 1:
            self._text(TextBlock(data, Align.CENTER))  # too long to scan on this paper
            return
        left = (self.style.width_dots - module * len(modules)) // 2
        top = self.y + 8
        bars = _runs(modules)

        def draw(painter: QPainter) -> None:
            for start, length in bars:
                rect = QRect(left + start * module, top, length * module, _BARCODE_HEIGHT)
                painter.fillRect(rect, Qt.GlobalColor.black)

        self.ops.append(draw)
        self.y = top + _BARCODE_HEIGHT + 2
        self._text(TextBlock(data, Align.CENTER, Size.SMALL))

    def _qr(self, data: str) -> None:
        # A fixed mask: choosing the "best" of eight costs 15 ms and any mask scans.
        code = qrcode.QRCode(
            border=0, error_correction=qrcode.constants.ERROR_CORRECT_M, mask_pattern=2
        )
        code.add_data(data)
        code.make(fit=True)
        matrix = code.get_matrix()
        module = max(1, min(6, (self.style.inner_width * 2 // 3) // len(matrix)))
        left = (self.style.width_dots - module * len(matrix)) // 2
        top = self.y + 8

        rows = [_runs("".join("1" if dark else "0" for dark in cells)) for cells in matrix]

        def draw(painter: QPainter) -> None:
            for row, runs in enumerate(rows):
                for start, length in runs:
                    x, y = left + start * module, top + row * module
                    painter.fillRect(QRect(x, y, length * module, module), Qt.GlobalColor.black)

        self.ops.append(draw)
        self.y = top + module * len(matrix) + 8


def _runs(modules: str) -> list[tuple[int, int]]:
    """(start, length) of each run of dark modules in a '1010…' string."""
    runs, start = [], None
    for index, bit in enumerate(modules + "0"):
        if bit == "1" and start is None:
            start = index
        elif bit == "0" and start is not None:
            runs.append((start, index - start))
            start = None
    return runs


def render_blocks(blocks: list[Block], width_dots: int) -> QImage:
    """The blocks drawn black on white, ``width_dots`` wide, as tall as they need."""
    if width_dots not in _PIXEL_SIZES:
        raise ValueError(f"paper width must be one of {sorted(_PIXEL_SIZES)} dots")
    ensure_qt()
    layout = _Layout(RasterStyle(width_dots))
    for block in blocks:
        layout.add(block)
    image = QImage(width_dots, layout.y + 8, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, False)
    painter.setPen(Qt.GlobalColor.black)
    for draw in layout.ops:
        draw(painter)
    painter.end()
    return image


def to_bilevel(image: QImage) -> Image.Image:
    """A QImage (grayscale) as a 1-bit Pillow image, threshold at mid-grey, no dithering."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())
    pil = Image.frombuffer(
        "L", (gray.width(), gray.height()), data, "raw", "L", gray.bytesPerLine(), 1
    )
    return pil.convert("1", dither=Image.Dither.NONE)
