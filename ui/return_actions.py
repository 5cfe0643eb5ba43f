"""The right side of the return screen: the refund by tender, what to take back, the reason.

Only widgets: the return screen connects each button (and its key) to what
it does.  The buttons are large and show their keys; the refund preview says
what goes back how, the cash to pay out largest.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.text import TextKind
from ui import text_fields
from ui.widgets import ActionButton, named

BIG_BUTTON_HEIGHT = 64
BUTTON_KEYS = {
    "lineButton": "F3",
    "quantityButton": "F4",
    "allButton": "F5",
    "cashButton": "F6",
    "voidButton": "F7",
    "invoiceButton": "Ctrl+I",
    "returnButton": "F12",
}


class ReturnActions(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = named(QLabel(wordWrap=True), "refundPreview")
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.reason = named(QLineEdit(), "returnReason")
        text_fields.watch(self.reason, TextKind.REASON, "reason", "เหตุผล")
        self.reason_label = QLabel()
        self.buttons = {name: ActionButton(name, key) for name, key in BUTTON_KEYS.items()}
        self.buttons["cashButton"].setCheckable(True)
        self.buttons["returnButton"].setMinimumHeight(BIG_BUTTON_HEIGHT)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.preview, 1)
        column.addLayout(self._row("lineButton", "quantityButton", "allButton"))
        column.addWidget(self.buttons["cashButton"])
        column.addWidget(self.reason_label)
        column.addWidget(self.reason)
        column.addLayout(self._row("voidButton", "invoiceButton"))
        column.addWidget(self.buttons["returnButton"])
        self.retranslate()

    def _row(self, *names: str) -> QHBoxLayout:
        row = QHBoxLayout()
        for name in names:
            row.addWidget(self.buttons[name])
        return row

    def retranslate(self) -> None:
        self.reason_label.setText(self.tr("Reason (on the credit note)"))
        labels = {
            "lineButton": self.tr("All of line"),
            "quantityButton": self.tr("Quantity"),
            "allButton": self.tr("Everything"),
            "cashButton": self.tr("Refund everything in cash (customer asks)"),
            "voidButton": self.tr("Void the sale"),
            "invoiceButton": self.tr("Tax invoice"),
            "returnButton": self.tr("Return the goods (manager's PIN)"),
        }
        for name, text in labels.items():
            self.buttons[name].set_label(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
