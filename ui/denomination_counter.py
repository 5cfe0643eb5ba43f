"""The notes-and-coins count of the shift dialogs: one row per Thai note and coin and the total.

The shift's open and blind close both count the drawer with it (ui/shift_dialogs.py).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from pos.money import format_baht
from pos.shifts.domain.cash_control import (
    DENOMINATIONS_SATANG,
    NOTES_SATANG,
    CashCount,
    denomination_label,
)
from ui.live_text import live, live_text
from ui.manager_widgets import BUTTON_HEIGHT
from ui.widgets import named


class DenominationCounter(QWidget):
    """One row per Thai note and coin: how many, and what they make; the total below."""

    changed = Signal(int)  # the total in satang

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        self.spins: dict[int, QSpinBox] = {}
        self._amounts: dict[int, QLabel] = {}
        for row, value in enumerate(DENOMINATIONS_SATANG):
            spin = QSpinBox()
            spin.setRange(0, 99_999)
            spin.setMinimumHeight(BUTTON_HEIGHT - 12)
            spin.setObjectName(f"count_{value}")
            spin.valueChanged.connect(self._update)
            amount = QLabel(
                "0.00", alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            amount.setMinimumWidth(110)
            label = QLabel()
            live_text(label, partial(self._name, value))
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(amount, row, 2)
            self.spins[value], self._amounts[value] = spin, amount
        self.total = named(QLabel(), "countTotal")
        live(self.total, self._update)
        self.total.setStyleSheet("font-weight: bold; font-size: 16pt")
        grid.addWidget(self.total, len(DENOMINATIONS_SATANG), 0, 1, 3)

    def _name(self, value: int) -> str:
        if value in NOTES_SATANG:
            return self.tr("Note {value}").format(value=denomination_label(value))
        return self.tr("Coin {value}").format(value=denomination_label(value))

    def count(self) -> CashCount:
        return CashCount.of({value: spin.value() for value, spin in self.spins.items()})

    def set_count(self, count: CashCount) -> None:
        for value, spin in self.spins.items():
            spin.setValue(count.count_of(value))

    def _update(self) -> None:
        for value, spin in self.spins.items():
            self._amounts[value].setText(format_baht(value * spin.value()))
        total = self.count().total_satang
        self.total.setText(self.tr("Total {amount} baht").format(amount=format_baht(total)))
        self.changed.emit(total)
