"""Small widgets of the manager's screens: Buddhist-era dates, tables, finger-sized buttons.

Their slow work (reports, closing the day) runs through :mod:`ui.background`;
the charts are in :mod:`ui.charts` (QtCharts, imported only with the screen).

* :class:`ThaiDateButton` shows a date in the Buddhist era (1 มี.ค. 2564) and
  picks one from a calendar.
* :func:`fill_table` puts rows in a QTableWidget, amounts right-aligned.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QPushButton,
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
from ui.style import PAD_KEY_HEIGHT

BUTTON_HEIGHT = PAD_KEY_HEIGHT  # the till's key height (ui.style): the same for fingers
_NUMBER = re.compile(r"-?[\d,]+(\.\d+)?%?")


def big_button(text: str, slot: Callable[[], Any] | None = None) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumHeight(BUTTON_HEIGHT)
    if slot is not None:
        button.clicked.connect(slot)
    return button


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
