"""Painting the cart's visible rows in one pass, from cached, already-shaped text.

A scan repaints every visible row of the cart (the table scrolls by one), and
two things made that the largest part of scan-to-paint (measured in ``bench/``):
laying out Thai text for every cell again (shaping with HarfBuzz, finding line
breaks), and a call from Qt into Python for each cell of each repaint.
:class:`CartPainter` keeps each cell's text as a prepared :class:`QStaticText`
keyed by text, width and alignment, so a repaint shapes only the new line's
text, and the view paints all visible cells in one call (:meth:`CartPainter.paint`
from the view's ``paintEvent``).  Names longer than two lines are cut with "…" at
a word boundary (Thai words found with libthai) instead of being clipped
through a line of glyphs.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPointF, QRect, Qt
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
from PySide6.QtWidgets import QTableView

from ui.style import GRID

PADDING = 6
MAX_LINES = 2
CACHE_LIMIT = 4000  # cells; about 200 lines × 5 columns × a few widths


def fit_lines(text: str, font: QFont, width: int) -> str:
    """``text``, cut with "…" if it needs more than :data:`MAX_LINES` lines at ``width``."""
    metrics = QFontMetrics(font)
    if metrics.horizontalAdvance(text) <= width:
        return text
    layout = QTextLayout(text, font)
    layout.setTextOption(_wrapping())
    layout.beginLayout()
    starts: list[int] = []
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
    """Where the painter reads a cell, without Qt's item-role round trips."""

    def cell(self, row: int, column: int) -> tuple[str, bool, QColor | None]:
        """The text, whether it is right-aligned, and its colour (None: the usual)."""
        ...


class CartPainter:
    """Fills the cells of the visible rows and draws their cached text and grid."""

    def __init__(self, cells: Cells, view: QTableView):
        self._cells = cells
        self._view = view
        self._cache: dict[tuple[str, int, bool], QStaticText] = {}
        self.restyle()

    def restyle(self) -> None:
        """Read the view's font and colours again (after a style or palette change)."""
        self._cache.clear()
        self._font = QFont(self._view.font())
        palette, roles = self._view.palette(), QPalette.ColorRole
        self._fill = {
            (selected, odd): palette.color(
                roles.Highlight if selected else roles.AlternateBase if odd else roles.Base
            )
            for selected in (False, True)
            for odd in (False, True)
        }
        self._ink = {False: palette.color(roles.Text), True: palette.color(roles.HighlightedText)}
        self._base = palette.color(roles.Base)
        self._grid = QColor(GRID)  # opaque: a translucent colour takes the slow blending path

    def paint(self, painter: QPainter, area: QRect, rows: int) -> None:
        """Paint the part ``area`` of the viewport: ``rows`` rows of fixed height."""
        view = self._view
        painter.fillRect(area, self._base)
        height = view.verticalHeader().defaultSectionSize()
        offset = view.verticalOffset()
        first = max(0, (area.top() + offset) // height)
        last = min(rows - 1, (area.bottom() + offset) // height)
        columns = [
            (view.columnViewportPosition(c), view.columnWidth(c))
            for c in range(view.model().columnCount())
        ]
        selected = {index.row() for index in view.selectionModel().selectedRows()}
        for row in range(first, last + 1):
            top = row * height - offset
            chosen = row in selected
            painter.fillRect(0, top, area.right() + 1, height, self._fill[chosen, bool(row % 2)])
            for column, (left, width) in enumerate(columns):
                self._text(painter, QRect(left, top, width, height), row, column, chosen)
        self._lines(painter, columns, area, (last + 1) * height - offset)

    def _text(self, painter: QPainter, rect: QRect, row: int, column: int, chosen: bool) -> None:
        text, right, colour = self._cells.cell(row, column)
        if not text:
            return
        inner = rect.adjusted(PADDING, 0, -PADDING, 0)
        static = self._static(text, inner.width(), right)
        size = static.size()
        x = inner.right() - size.width() if right else inner.left()
        y = inner.top() + max(0.0, (inner.height() - size.height()) / 2)
        painter.setPen(colour or self._ink[chosen])
        painter.setClipRect(rect)
        painter.drawStaticText(QPointF(x, y), static)
        painter.setClipping(False)

    def _lines(
        self, painter: QPainter, columns: list[tuple[int, int]], area: QRect, bottom: int
    ) -> None:
        painter.setPen(self._grid)
        height = self._view.verticalHeader().defaultSectionSize()
        offset = self._view.verticalOffset()
        for left, width in columns[:-1]:
            painter.drawLine(
                left + width - 1, area.top(), left + width - 1, min(bottom, area.bottom())
            )
        y = height - offset % height - 1
        while y <= min(bottom, area.bottom()):
            painter.drawLine(area.left(), y, area.right(), y)
            y += height

    def _static(self, text: str, width: int, right: bool) -> QStaticText:
        key = (text, width, right)
        static = self._cache.get(key)
        if static is None:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            alignment = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            static = QStaticText(fit_lines(text, self._font, width))
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setTextWidth(width)
            static.setTextOption(_wrapping(alignment))
            static.prepare(font=self._font)
            self._cache[key] = static
        return static
