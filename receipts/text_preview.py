"""A picture of a text-mode receipt as a printer with Thai firmware prints it (for previews).

Each character takes one 12 × 24-dot cell of font A (two cells wide and high
when double-sized); Thai marks are drawn in the cell of the letter they sit
on, as firmware that stacks marks does.  It shows what the column layout looks
like before trying it on a real printer; the printer's own font will differ.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from receipts.blocks import Block
from receipts.qt_runtime import RECEIPT_FAMILY, ensure_qt
from receipts.text_mode import text_lines_preview

CELL_WIDTH, CELL_HEIGHT = 12, 24


def _clusters(line: str) -> list[str]:
    clusters: list[str] = []
    for character in line:
        if clusters and unicodedata.category(character) == "Mn":
            clusters[-1] += character
        else:
            clusters.append(character)
    return clusters


def render_text_mode(blocks: list[Block], *, columns: int) -> QImage:
    ensure_qt()
    lines = text_lines_preview(blocks, columns=columns)
    height = sum(CELL_HEIGHT * (2 if double else 1) + 6 for _, double in lines) + 16
    image = QImage(columns * CELL_WIDTH, height, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    y = 8
    for text, double in lines:
        scale = 2 if double else 1
        font = QFont(RECEIPT_FAMILY)
        font.setPixelSize(20 * scale)
        font.setStyleStrategy(QFont.StyleStrategy.NoAntialias)
        painter.setFont(font)
        baseline = y + 19 * scale
        for column, cluster in enumerate(_clusters(text)):
            painter.drawText(QPointF(column * CELL_WIDTH * scale, baseline), cluster)
        y += CELL_HEIGHT * scale + 6
    painter.end()
    return image
