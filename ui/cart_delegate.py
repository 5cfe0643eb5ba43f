"""Painting the cart's cells from cached, already-shaped text.

Laying out Thai text (shaping with HarfBuzz, finding line breaks) is most of
what repainting the cart costs, and a scan repaints every visible row (the
table scrolls by one).  This delegate keeps each cell's text as a prepared
:class:`QStaticText` keyed by text, width and font, so a repaint only shapes
the new line's text: the table's share of scan-to-paint drops by about half
(measured in ``bench/``).  Names longer than two lines are cut with "…" at a
word or character boundary, never clipped through a line of glyphs.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QStaticText,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

PADDING = 6
MAX_LINES = 2
CACHE_LIMIT = 4000  # cells; about 200 lines × 5 columns × a few widths

_Index = QModelIndex | QPersistentModelIndex


def fit_lines(text: str, font: QFont, width: int) -> str:
    """``text``, cut with "…" if it needs more than :data:`MAX_LINES` lines at ``width``."""
    metrics = QFontMetrics(font)
    if metrics.horizontalAdvance(text) <= width:
        return text
    layout = QTextLayout(text, font)
    layout.setTextOption(_wrapping())
    layout.beginLayout()
    starts = []
    while len(starts) <= MAX_LINES:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    if len(starts) <= MAX_LINES:
        return text
    last = starts[MAX_LINES - 1]
    return text[:last] + metrics.elidedText(text[last:], Qt.TextElideMode.ElideRight, width)


def _wrapping(alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QTextOption:
    """Wrap between words (Qt finds Thai word boundaries with libthai), else anywhere."""
    option = QTextOption(alignment)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


class Cells(Protocol):
    """Where the delegate reads a cell, without the item-role round trips of ``data()``."""

    def cell(self, row: int, column: int) -> tuple[str, bool, QColor | None]:
        """The text, whether it is right-aligned, and its colour (None: the usual)."""
        ...


class CachedTextDelegate(QStyledItemDelegate):
    """Paints a cell: its background, then its text from a cache of shaped, wrapped text.

    Both are done here rather than by the style and ``initStyleOption``: with a style
    sheet in force the style matches its rules again for every cell, and each item
    role asked of a Python model is a round trip into Python.
    """

    def __init__(self, cells: Cells, view: QWidget):
        super().__init__(view)
        self._cells = cells
        self._view = view
        self._cache: dict[tuple[str, int, bool], QStaticText] = {}
        self.restyle()

    def restyle(self) -> None:
        """Read the view's font and colours again (after a style or palette change)."""
        self._cache.clear()
        self._font = QFont(self._view.font())
        palette, roles = self._view.palette(), QPalette.ColorRole
        self._colours = {
            (selected, odd): palette.color(
                roles.Highlight if selected else roles.AlternateBase if odd else roles.Base
            )
            for selected in (False, True)
            for odd in (False, True)
        }
        self._ink = {False: palette.color(roles.Text), True: palette.color(roles.HighlightedText)}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        rect = option.rect  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        row = index.row()
        painter.fillRect(rect, self._colours[selected, bool(row % 2)])
        text, right, colour = self._cells.cell(row, index.column())
        if not text:
            return
        inner = rect.adjusted(PADDING, 0, -PADDING, 0)
        static = self._static(text, inner.width(), right)
        size = static.size()
        x = inner.right() - size.width() if right else inner.left()
        y = inner.top() + max(0.0, (inner.height() - size.height()) / 2)
        painter.setPen(colour or self._ink[selected])
        painter.setClipRect(rect)
        painter.drawStaticText(QPointF(x, y), static)
        painter.setClipping(False)

    def _static(self, text: str, width: int, right: bool) -> QStaticText:
        font = self._font
        key = (text, width, right)
        static = self._cache.get(key)
        if static is None:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            alignment = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            static = QStaticText(fit_lines(text, font, width))
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setTextWidth(width)
            static.setTextOption(_wrapping(alignment))
            static.prepare(font=font)
            self._cache[key] = static
        return static
