"""The co-pay schemes page's small parts: its fields and buttons, reading them into the domain's
terms and phases and applying them to the book, the phase table.

Split from :mod:`ui.scheme_settings` to keep that module to the page itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QWidget

from pos.sale.domain.scheme_edits import (
    EditProblem,
    SchemeEditError,
    SchemeTerms,
    add_phase,
    add_scheme,
    edit_phase,
    edit_terms,
    make_phase,
    phase_status,
)
from pos.sale.domain.schemes import SchemeBook, SchemePhase
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


def read_terms(
    code: QLineEdit, name_th: QLineEdit, name_en: QLineEdit, share: QLineEdit, cap: QLineEdit
) -> SchemeTerms:
    """The scheme's terms as typed, or :class:`TypingError` naming the field."""
    try:
        basis_points = texts.read_share(share.text())
    except ValueError:
        raise TypingError("share", "percent") from None
    per_day = cap_in(cap, "cap_per_day")
    return SchemeTerms(code.text(), name_th.text(), name_en.text(), basis_points, per_day)


def read_phase(
    name: QLineEdit, starts: QLineEdit, ends: QLineEdit, cap: QLineEdit, *, new: bool
) -> SchemePhase | None:
    """The phase as typed; None for an empty form for a new phase (nothing to add)."""
    if new and not any(f.text().strip() for f in (name, starts, ends, cap)):
        return None
    first, last = date_in(starts, "starts"), date_in(ends, "ends")
    return make_phase(name.text(), first, last, cap_in(cap, "cap"))


def applied(
    book: SchemeBook,
    code: str | None,
    editing: str | None,
    terms: SchemeTerms,
    phase: SchemePhase | None,
    today: dt.date,
) -> tuple[SchemeBook, str, str | None]:
    """``book`` with the forms applied: a new scheme (``code`` None), its terms, a new phase
    (``editing`` None) or the phase edited; with the code and phase name to show next."""
    if code is None:
        if phase is None:  # a scheme always has a phase: the form's first day is wanted
            raise SchemeEditError("starts", EditProblem.EMPTY)
        return add_scheme(book, terms, phase), terms.code.strip(), phase.name
    book = edit_terms(book, terms)
    if phase is None:
        return book, code, None
    if editing is None:
        return add_phase(book, code, phase), code, phase.name
    return edit_phase(book, code, editing, phase, today), code, phase.name


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
