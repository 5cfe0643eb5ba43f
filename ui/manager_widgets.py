"""Small widgets of the manager's screens: bar charts, Buddhist-era dates, tables.

Their slow work (reports, closing the day) runs through :mod:`ui.background`.

* :class:`BarChart` paints bars with QPainter (QtCharts is not part of
  PySide6-Essentials): Thai labels, amounts at the bars' ends, the largest
  bar highlighted.
* :class:`ThaiDateButton` shows a date in the Buddhist era (1 มี.ค. 2564) and
  picks one from a calendar.
* :func:`fill_table` puts rows in a QTableWidget, amounts right-aligned.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.bootstrap import AppContext
from pos.ids import UserId
from pos.money import format_baht
from pos.sale.services.returns_and_voids import ManagerApproval
from ui.live_text import live_placeholder, mark_data
from ui.messages import shown_date

BUTTON_HEIGHT = 48
_NUMBER = re.compile(r"-?[\d,]+(\.\d+)?%?")
BAR_COLOUR = QColor(41, 97, 158)
TOP_COLOUR = QColor(217, 115, 26)


def big_button(text: str, slot: Callable[[], Any] | None = None) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumHeight(BUTTON_HEIGHT)
    if slot is not None:
        button.clicked.connect(slot)
    return button


class BarChart(QWidget):
    """Horizontal (default) or vertical bars of (label, satang)."""

    def __init__(self, *, vertical: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._vertical = vertical
        self._bars: list[tuple[str, int]] = []
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, bars: Sequence[tuple[str, int]]) -> None:
        self._bars = list(bars)
        self.update()

    def bars(self) -> list[tuple[str, int]]:
        return list(self._bars)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if self._bars:
            (self._paint_vertical if self._vertical else self._paint_horizontal)(painter)
        painter.end()

    def _paint_horizontal(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        label_width = max(metrics.horizontalAdvance(label) for label, _ in self._bars) + 12
        amount_width = metrics.horizontalAdvance("000,000,000.00") + 8
        row = min(40.0, (self.height() - 8) / len(self._bars))  # ok-float: pixels
        largest = max(max(v for _, v in self._bars), 1)
        span = max(10, self.width() - label_width - amount_width - 8)
        for index, (label, value) in enumerate(self._bars):
            top = 4 + index * row
            painter.setPen(QColor("black"))
            painter.drawText(
                QRectF(0, top, label_width - 6, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            length = span * max(0, value) / largest
            colour = TOP_COLOUR if value == largest else BAR_COLOUR
            painter.fillRect(
                QRectF(label_width, top + row * 0.2, max(length, 1), row * 0.6), colour
            )
            painter.drawText(
                QRectF(label_width + length + 6, top, amount_width, row),
                Qt.AlignmentFlag.AlignVCenter,
                format_baht(value),
            )

    def _paint_vertical(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        base = self.height() - metrics.height() - 6
        top = metrics.height() + 6
        slot = (self.width() - 10) / len(self._bars)
        largest = max(max(v for _, v in self._bars), 1)
        painter.setPen(QColor("black"))
        for index, (label, value) in enumerate(self._bars):
            x = 5 + index * slot
            height = (base - top) * max(0, value) / largest
            colour = TOP_COLOUR if value == largest else BAR_COLOUR
            painter.fillRect(QRectF(x + slot * 0.15, base - height, slot * 0.7, height), colour)
            painter.drawText(
                QRectF(x, base + 2, slot, metrics.height() + 2),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )
            if value == largest:
                painter.drawText(
                    QRectF(
                        x - slot, base - height - metrics.height() - 2, 3 * slot, metrics.height()
                    ),
                    Qt.AlignmentFlag.AlignHCenter,
                    format_baht(value),
                )


class ThaiDateButton(QPushButton):
    """A date shown in the Buddhist era; clicking opens a calendar to pick another."""

    date_changed = Signal(object)  # dt.date

    def __init__(self, day: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumHeight(BUTTON_HEIGHT)
        self.clicked.connect(self._pick)
        self.set_date(day)

    def date(self) -> dt.date:
        return self._date

    def set_date(self, day: dt.date) -> None:
        self._date = day
        self.setText(shown_date(day))
        self.date_changed.emit(day)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.setText(shown_date(self._date))
        super().changeEvent(event)

    def _pick(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Choose a date"))
        calendar = QCalendarWidget(dialog)
        calendar.setSelectedDate(QDate(self._date.year, self._date.month, self._date.day))
        calendar.activated.connect(dialog.accept)
        layout = QVBoxLayout(dialog)
        layout.addWidget(calendar)
        layout.addWidget(big_button(self.tr("OK"), dialog.accept))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            chosen = calendar.selectedDate()
            self.set_date(dt.date(chosen.year(), chosen.month(), chosen.day()))


Cell = str | int | None


def fill_table(
    table: QTableWidget, headings: Sequence[str], rows: Sequence[Sequence[Cell]]
) -> None:
    """Rows into a table: ints are satang shown as baht, right-aligned; None is blank."""
    table.clear()
    table.setColumnCount(len(headings))
    table.setHorizontalHeaderLabels(list(headings))
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = format_baht(value) if isinstance(value, int) else (value or "")
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if isinstance(value, int) or _NUMBER.fullmatch(text):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    if headings:
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


def new_table(name: str) -> QTableWidget:
    table = QTableWidget(0, 0)
    table.setObjectName(name)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    return table


class ManagerPin(QWidget):
    """Who approves (a manager) and their PIN, as the dialogs ask for it."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        with context.uow_factory() as uow:
            managers = [u for u in uow.users.active_users() if u.is_manager]
        self.manager = mark_data(QComboBox())  # the managers' names
        self.manager.setMinimumHeight(BUTTON_HEIGHT - 8)
        for user in managers:
            self.manager.addItem(user.name, user.user_id)
        self.pin = QLineEdit()
        live_placeholder(self.pin, lambda: self.tr("Manager's PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMinimumHeight(BUTTON_HEIGHT - 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.manager)
        layout.addWidget(self.pin)

    def approval(self) -> ManagerApproval | None:
        if self.manager.currentData() is None or not self.pin.text():
            return None
        return ManagerApproval(UserId(int(self.manager.currentData())), self.pin.text())
