"""The cart on screen: the lines table and the big total with the VAT it includes.

:class:`CartModel` reads the till's cart directly; the sale screen tells it what
changed.  A scan that adds a line is one row inserted (``sync_rows``), one
that adds to a line is one row repainted (``line_changed``): on a 200-line
cart the screen never redraws or re-measures what did not change.  Rows have a
fixed height and columns fixed widths for the same reason (no
``ResizeToContents`` on the scan path).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QWidget,
)

from pos.catalogue.domain.products import format_quantity
from pos.money import format_baht
from pos.sale.domain.cart import CartLine, CartTotals
from pos.till.domain.rules import format_discount
from pos.till.services.session import TillSession
from ui.cart_painter import CartPainter
from ui.messages import product_name, unit_label
from ui.style import CART_ROW_HEIGHT, RED, SMALLEST_TOTAL_PT, TOTAL_HEIGHT, TOTAL_PT
from ui.widgets import steady

COLUMN_NUMBER, COLUMN_ITEM, COLUMN_QUANTITY, COLUMN_DISCOUNT, COLUMN_AMOUNT = range(5)
COLUMNS = 5
_NUMERIC = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_Index = QModelIndex | QPersistentModelIndex
_ROLES = frozenset(
    (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
    )
)
_DISCOUNT_COLOUR = QColor(RED)
_DISCOUNT_BRUSH = QBrush(_DISCOUNT_COLOUR)


def quantity_text(line: CartLine) -> str:
    weighed = line.product.sold_by_weight
    return f"{format_quantity(line.quantity_milli, weighed=weighed)} {unit_label(line.product)}"


def quantity_and_price_text(line: CartLine) -> str:
    """``2 กระปุก × 159.00``; a price label shows its weight and the label's price."""
    if line.label_price_satang is not None:
        return f"{quantity_text(line)} = {format_baht(line.label_price_satang)}"
    return f"{quantity_text(line)} × {format_baht(line.unit_price_satang)}"


def discount_text(line: CartLine) -> str:
    if line.discount is None:
        return ""
    amount = f"−{format_baht(line.discount_satang)}"
    if line.discount.kind.value == "percent":
        return f"{format_discount(line.discount)}  {amount}"
    return amount


class CartModel(QAbstractTableModel):
    """The till's cart lines as a table; row count follows the cart only when told."""

    def __init__(self, till: TillSession):
        super().__init__()
        self._till = till
        self._rows = len(till.cart.lines)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and section >= COLUMN_QUANTITY:
            return _NUMERIC
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            "#",
            self.tr("Item"),
            self.tr("Quantity × price"),
            self.tr("Discount"),
            self.tr("Amount"),
        )
        return headers[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks for a dozen roles per cell on every paint: answer the rest at once.
        if role not in _ROLES or not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return None if column == COLUMN_ITEM else _NUMERIC
        if role == Qt.ItemDataRole.ForegroundRole:
            return _DISCOUNT_BRUSH if column == COLUMN_DISCOUNT else None
        lines = self._till.cart.lines
        if index.row() >= len(lines):
            return None
        line = lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), line, column)
        return f"{line.product.sku} · {line.product.name_th} · {line.product.producer.name_th}"

    def cell(self, row: int, column: int) -> tuple[str, bool, QColor | None]:
        """For the delegate: the text, right-aligned or not, and its colour."""
        lines = self._till.cart.lines
        if row >= len(lines):
            return "", False, None
        colour = _DISCOUNT_COLOUR if column == COLUMN_DISCOUNT else None
        return self._text(row, lines[row], column), column != COLUMN_ITEM, colour

    @staticmethod
    def _text(row: int, line: CartLine, column: int) -> str:
        if column == COLUMN_NUMBER:
            return str(row + 1)
        if column == COLUMN_ITEM:
            return product_name(line.product)
        if column == COLUMN_QUANTITY:
            return quantity_and_price_text(line)
        if column == COLUMN_DISCOUNT:
            return discount_text(line)
        return format_baht(line.gross_satang - line.discount_satang)

    # --- what the screen tells it ---------------------------------------------------------
    def sync_rows(self) -> None:
        """Lines were appended at the end: insert just those rows."""
        count = len(self._till.cart.lines)
        if count > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, count - 1)
            self._rows = count
            self.endInsertRows()
        elif count < self._rows:
            self.reset()

    def line_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))

    def reset(self) -> None:
        self.beginResetModel()
        self._rows = len(self._till.cart.lines)
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self._rows - 1, COLUMNS - 1))


class CartTable(QTableView):
    """The lines, one fixed-height row each; the cashier's selection is the line acted on."""

    def __init__(self, model: CartModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cartTable")
        self.setModel(model)
        self._model = model
        self._painter = CartPainter(model, self)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay in the scan field
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)  # long Thai names on two lines, then elided
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(CART_ROW_HEIGHT)
        columns = self.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        columns.setSectionResizeMode(COLUMN_ITEM, QHeaderView.ResizeMode.Stretch)
        widths = {COLUMN_NUMBER: 36, COLUMN_QUANTITY: 170, COLUMN_DISCOUNT: 110, COLUMN_AMOUNT: 110}
        for column, width in widths.items():
            self.setColumnWidth(column, width)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """All visible cells in one Python call (see :mod:`ui.cart_painter`)."""
        painter = QPainter(self.viewport())
        try:
            self._painter.paint(painter, event.rect(), self._model.rowCount())
        finally:
            painter.end()

    def selected_row(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_row(self, row: int) -> None:
        if 0 <= row < self._model.rowCount():
            self.selectRow(row)
            self.scrollTo(self._model.index(row, 0))

    def move_selection(self, step: int) -> None:
        count = self._model.rowCount()
        if count:
            current = self.selected_row()
            start = count - 1 if current is None else current
            self.select_row(max(0, min(count - 1, start + step)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._model.retranslate()
        elif event.type() in _RESTYLE_EVENTS:
            self._painter.restyle()
        super().changeEvent(event)


_RESTYLE_EVENTS = (QEvent.Type.StyleChange, QEvent.Type.PaletteChange, QEvent.Type.FontChange)


class TotalPanel(QFrame):
    """The total to pay, large, with the VAT it includes and the discount given."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("totalPanel")
        self.caption = QLabel()
        self.caption.setObjectName("totalCaption")
        self.total = QLabel("0.00")
        self.total.setObjectName("totalLabel")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # its column's width is the layout's to give: the total's size follows it (fit_total)
        self.total.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.vat = QLabel()
        self.vat.setObjectName("vatLabel")
        self.items = QLabel()
        self.items.setObjectName("itemsLabel")
        # caption and items on the left, the total (two rows high) on the right, VAT below
        layout = QGridLayout(self)
        layout.setContentsMargins(12, 4, 12, 6)
        layout.setVerticalSpacing(0)
        layout.addWidget(steady(self.caption, TOTAL_HEIGHT // 2), 0, 0)
        layout.addWidget(steady(self.items, TOTAL_HEIGHT // 2), 1, 0)
        layout.addWidget(steady(self.total, TOTAL_HEIGHT), 0, 1, 2, 1)
        layout.addWidget(steady(self.vat, 26), 2, 0, 1, 2)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.items.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        self._grid = layout
        self._total_pt = TOTAL_PT
        self._shown: tuple[CartTotals, int, int] | None = None
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._fit_caption()
        super().resizeEvent(event)
        self.fit_total()

    def _fit_caption(self) -> None:
        """The caption keeps its width; the total takes the rest, in a smaller size if need be."""
        caption = self.caption.fontMetrics().horizontalAdvance(self.caption.text()) + 4
        if self._grid.columnMinimumWidth(0) != caption:
            self._grid.setColumnMinimumWidth(0, caption)

    def fit_total(self) -> None:
        """The total in :data:`TOTAL_PT`, or smaller so that every digit shows (1024 px)."""
        cell = self._grid.cellRect(0, 1)  # laid out already: Qt's layout saw the resize first
        room = cell.width() - 8 if cell.isValid() else self.width() // 2
        font = QFont(self.total.font())
        font.setPointSize(TOTAL_PT)
        wanted = QFontMetrics(font).horizontalAdvance(self.total.text())
        size = max(SMALLEST_TOTAL_PT, min(TOTAL_PT, TOTAL_PT * room // max(wanted, 1)))
        if size != self._total_pt:
            self._total_pt = size
            self.total.setStyleSheet(f"font-size: {size}pt;" if size != TOTAL_PT else "")

    def show_totals(self, totals: CartTotals, vat_rate_basis_points: int, item_count: int) -> None:
        self._shown = (totals, vat_rate_basis_points, item_count)
        self.total.setText(format_baht(totals.total_satang))
        self.fit_total()
        rate = f"{vat_rate_basis_points // 100}" + (
            f".{vat_rate_basis_points % 100:02d}".rstrip("0") if vat_rate_basis_points % 100 else ""
        )
        vat = self.tr("Includes VAT {rate}%: {vat}").format(
            rate=rate, vat=format_baht(totals.vat_satang)
        )
        if totals.non_vat_satang:
            vat += " · " + self.tr("no VAT: {amount}").format(
                amount=format_baht(totals.non_vat_satang)
            )
        self.vat.setText(vat)
        items = self.tr("%n item(s)", "", item_count)
        if totals.discount_satang:
            items += " · " + self.tr("discount {amount}").format(
                amount=format_baht(totals.discount_satang)
            )
        self.items.setText(items)

    def retranslate(self) -> None:
        # short: the VAT it includes has its own line below; the long form was cut off in English
        self.caption.setText(self.tr("Total to pay"))
        self._fit_caption()
        self.fit_total()
        if self._shown is not None:
            self.show_totals(*self._shown)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
