"""The co-pay schemes page's small parts: its fields and buttons, reading them, the phase table.

Split from :mod:`ui.scheme_settings` to keep that module to the page itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QWidget

from pos.sale.domain.scheme_edits import phase_status
from pos.sale.domain.schemes import SchemePhase
from ui import scheme_texts as texts
from ui import text_fields
from ui.style import TOUCH_HEIGHT
from ui.widgets import named


class TypingError(ValueError):
    """A field whose text is not a date, baht or a percent: ``kind`` says which."""

    def __init__(self, field: str, kind: str):
        self.field, self.kind = field, kind
        super().__init__(f"{field}: not a {kind}")


def line_field(name: str, width: int = 0) -> QLineEdit:
    field = named(QLineEdit(), name)
    if width:
        field.setMinimumWidth(width)
    return field


def touch_button(text: str, name: str) -> QPushButton:
    button = named(QPushButton(text), name)
    button.setMinimumHeight(TOUCH_HEIGHT)
    return button


def put(field: QLineEdit, text: str) -> None:
    """The text, shown from its start (a long name would otherwise show only its end)."""
    field.setText(text)
    field.setCursorPosition(0)


def mark(widget: QWidget, refused: bool) -> None:
    widget.setProperty(text_fields.REFUSED, refused)
    widget.style().unpolish(widget)  # a dynamic property is re-read only on a new polish
    widget.style().polish(widget)


def cap_in(field: QLineEdit, name: str) -> int | None:
    """The field's baht as satang (empty: no cap), or :class:`TypingError` naming ``name``."""
    try:
        return texts.read_cap(field.text())
    except ValueError:
        raise TypingError(name, "baht") from None


def date_in(field: QLineEdit, name: str) -> dt.date:
    """The field's date (either era), or :class:`TypingError` naming ``name``."""
    try:
        return texts.read_date(field.text())
    except ValueError:
        raise TypingError(name, "date") from None


def fill_phase_table(table: QTableWidget, phases: Iterable[SchemePhase], today: dt.date) -> None:
    """One row per phase: name, first and last day, cap, and whether it runs today."""
    headers = [texts.field_label(f) for f in ("name", "starts", "ends")]
    cap = QCoreApplication.translate("SchemeFields", "Cap (baht)")
    status = QCoreApplication.translate("SchemeFields", "Status")
    table.setHorizontalHeaderLabels([*headers, cap, status])
    rows = list(phases)
    table.blockSignals(True)  # refilling is not the manager picking a row
    table.setRowCount(len(rows))
    for row, phase in enumerate(rows):
        cells = (
            phase.name,
            texts.date_shown(phase.starts),
            texts.date_shown(phase.ends),
            texts.cap_shown(phase.cap_per_person_satang),
            texts.status_text(phase_status(phase, today)),
        )
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))
    table.clearSelection()
    table.blockSignals(False)
