"""The sales history: a day's receipts, tax invoices and credit notes, their printing, reprints.

Opened from the till's menu::

    SalesHistoryDialog(context, user_id, parent=window).exec()

One row per document of the business day (today unless another day is
chosen): number, time, what it is, the amount paid (or paid back, negative),
how, and what the printer did with it — printed at, waiting and why, could
not print, copies.  The selected document is shown beside the list as it
prints on the receipt printer's paper.  "Print a copy" queues a copy marked
as a copy (never opening the drawer), audited with the user, and wakes
the printer; "Save PDF" writes the A4 document (a full tax invoice for the
buyer's records, say).  Typing or scanning a number in the search field finds
a document of any day.

Thai only, like the other back-office dialogs (the printer settings, the
manager's screen): the cashier's screens are the ones that switch language.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.bootstrap import AppContext
from pos.clock import THAI_TIME, Clock, SystemClock
from pos.ids import UserId
from pos.money import format_baht
from pos.printing.services.print_jobs import (
    CREDIT_NOTE_DOCUMENT,
    TAX_INVOICE_DOCUMENT,
    request_reprint,
)
from pos.sale.services.sales_history import (
    HistoryRow,
    PrintStatus,
    day_history,
    find_document,
    trading_date,
)
from pos.thai_dates import thai_weekday
from receipts.blocks import receipt_blocks
from receipts.document import Document
from receipts.document_source import SaleDocumentSource
from receipts.pdf import write_pdf
from receipts.print_worker import DocumentNotFoundError
from receipts.raster import render_blocks
from ui.document_printing import PrintFollower, context_probe, tell_printing
from ui.i18n import is_thai
from ui.live_text import live, live_placeholder, live_title, status_label_follows, worded
from ui.messages import shown_date
from ui.screen_fit import fit_to_screen
from ui.status_line import say
from ui.widgets import named


def columns() -> list[str]:
    """The list's headings in the screen's language."""
    return [
        QCoreApplication.translate("SalesHistoryDialog", "Number"),
        QCoreApplication.translate("SalesHistoryDialog", "Time"),
        QCoreApplication.translate("SalesHistoryDialog", "Document"),
        QCoreApplication.translate("SalesHistoryDialog", "Amount"),
        QCoreApplication.translate("SalesHistoryDialog", "Tender"),
        QCoreApplication.translate("SalesHistoryDialog", "Printing"),
    ]


PREVIEW_DOTS = 384  # the 58 mm picture fits beside the list on a 1366-pixel screen
ROW_HEIGHT = 40
BUTTON_HEIGHT = 52


def printing_text(status: PrintStatus, *, detail: bool = False) -> str:
    """``Printed 14:05 · Copies 1``, ``Waiting to print``, ``Cannot print``; ``detail`` adds why."""
    parts = []
    reason = f" ({status.last_error})" if detail and status.last_error else ""
    if status.failed:
        parts.append(QCoreApplication.translate("SalesHistoryDialog", "Cannot print") + reason)
    elif status.waiting:
        parts.append(QCoreApplication.translate("SalesHistoryDialog", "Waiting to print") + reason)
    if status.printed_at is not None:
        at = f"{status.printed_at.astimezone(THAI_TIME):%H:%M}"
        parts.append(QCoreApplication.translate("SalesHistoryDialog", "Printed {at}").format(at=at))
    if status.copies:
        copies = QCoreApplication.translate("SalesHistoryDialog", "Copies {count}")
        parts.append(copies.format(count=status.copies))
    return " · ".join(parts) or QCoreApplication.translate("SalesHistoryDialog", "Not printed")


def kind_text(row: HistoryRow) -> str:
    if row.kind in (CREDIT_NOTE_DOCUMENT, TAX_INVOICE_DOCUMENT):
        text = QCoreApplication.translate("SalesHistoryDialog", "{note} (receipt {number})")
        return text.format(note=row.note, number=row.refers_to)
    sale = QCoreApplication.translate("SalesHistoryDialog", "Sale")
    return sale + (f" · {row.note}" if row.note else "")


class SalesHistoryDialog(QDialog):
    """A day's documents with their print status; preview, reprint as a copy, save as PDF."""

    def __init__(
        self,
        context: AppContext,
        user_id: UserId | None,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
        day: dt.date | None = None,
    ):
        super().__init__(parent)
        self._context, self._user_id = context, user_id
        self._clock = clock or SystemClock()
        self._documents = SaleDocumentSource(context.reader())
        self.rows: list[HistoryRow] = []
        self.printing: PrintFollower | None = None  # the copy last queued, followed
        self.day = day or trading_date(context.reader(), self._clock)
        live_title(self, lambda: self.tr("Sales history / reprint"))
        self._build()
        fit_to_screen(self, QSize(1340, 740))  # all of it if the screen allows; never past it
        self.load_day(self.day)

    # --- widgets --------------------------------------------------------------------------
    def _build(self) -> None:
        navigation = self._navigation()
        self._build_table()
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(self._preview_area())
        actions = self._actions()
        layout = QVBoxLayout(self)
        layout.addLayout(navigation)
        layout.addLayout(body, 1)
        layout.addLayout(actions)

    def _navigation(self) -> QHBoxLayout:
        """Previous day, today, next day, the day shown and the number search."""
        self.day_label = named(QLabel(), "historyDay")
        self.day_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.search = QLineEdit()
        live_placeholder(self.search, lambda: self.tr("Scan or type a document number, then Enter"))
        self.search.returnPressed.connect(lambda: self.find_number(self.search.text()))
        navigation = QHBoxLayout()
        days = (
            (lambda: self.tr("Day before"), -1),
            (lambda: self.tr("Today"), 0),
            (lambda: self.tr("Next day"), 1),
        )
        for text, step in days:
            button = _button("", lambda _=False, s=step: self._step_day(s))
            navigation.addWidget(worded(button, text))
        navigation.addWidget(self.day_label, 1)
        navigation.addWidget(self.search, 1)
        return navigation

    def _build_table(self) -> None:
        self.table = named(QTableWidget(0, len(columns())), "historyTable")
        live(self.table, lambda: self.table.setHorizontalHeaderLabels(columns()))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((2, 200), (5, 180)):  # the full text is the tooltip
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._selection_changed)

    def _preview_area(self) -> QScrollArea:
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview.setStyleSheet("background: white;")
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setFixedWidth(PREVIEW_DOTS + 30)
        return scroll

    def _actions(self) -> QHBoxLayout:
        """The count of documents, reprint, PDF and close."""
        self.message = status_label_follows(named(QLabel(wordWrap=True), "historyMessage"))
        self.reprint_button = worded(_button("", self.reprint), lambda: self.tr("Print a copy"))
        self.pdf_button = worded(_button("", self.save_pdf), lambda: self.tr("Save PDF"))
        close = worded(_button("", self.accept), lambda: self.tr("Close"))
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        for button in (self.reprint_button, self.pdf_button, close):
            actions.addWidget(button)
        return actions

    # --- what is shown --------------------------------------------------------------------
    def load_day(self, day: dt.date, *, select: str | None = None) -> None:
        self.day = day
        weekday = thai_weekday(day) if is_thai() else f"{day:%A}"
        self.day_label.setText(f"{weekday} {shown_date(day, style='full')}")
        self.rows = day_history(self._context.reader(), day)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            self._fill(index, row)
        wanted = next((i for i, r in enumerate(self.rows) if r.number == select), None)
        if wanted is None and self.rows:
            wanted = len(self.rows) - 1  # the latest: usually the one to reprint
        self.table.blockSignals(True)  # one preview drawn below, not one per change
        if wanted is not None:
            self.table.selectRow(wanted)
        self.table.blockSignals(False)
        sales = sum(1 for row in self.rows if row.kind == "sale")
        text = self.tr("{sales} receipts, {others} other documents")
        self.message.setText(text.format(sales=sales, others=len(self.rows) - sales))
        self._selection_changed()

    def _fill(self, index: int, row: HistoryRow) -> None:
        cells = (
            row.number,
            f"{row.at.astimezone(THAI_TIME):%H:%M}",
            kind_text(row),
            format_baht(row.amount_satang),
            row.tenders,
            printing_text(row.printing),
        )
        tips = {5: printing_text(row.printing, detail=True)}
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(tips.get(column, text))
            if column == 3:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(index, column, item)

    def selected(self) -> HistoryRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def selected_document(self) -> Document | None:
        row = self.selected()
        if row is None:
            return None
        try:
            return self._documents.document(row.kind, row.number)
        except DocumentNotFoundError as error:
            self.message.setText(str(error))
            return None

    def _selection_changed(self) -> None:
        document = self.selected_document()
        for button in (self.reprint_button, self.pdf_button):
            button.setEnabled(document is not None)
        if document is None:
            self.preview.clear()
            return
        image: QImage = render_blocks(receipt_blocks(document), PREVIEW_DOTS)
        self.preview.setPixmap(QPixmap.fromImage(image))

    def _step_day(self, step: int) -> None:
        today = trading_date(self._context.reader(), self._clock)
        self.load_day(today if step == 0 else self.day + dt.timedelta(days=step))

    def find_number(self, text: str) -> bool:
        """Show the document with this number (any day); False with a message if none."""
        terminal_id = self._context.settings().terminal_id
        row = find_document(self._context.reader(), text, terminal_id)
        if row is None:
            say(
                self.message,
                lambda: self.tr("No document numbered {number}").format(number=text.strip()),
            )
            return False
        self.search.clear()
        self.load_day(row.business_date, select=row.number)
        return True

    # --- actions --------------------------------------------------------------------------
    def reprint(self) -> None:
        row = self.selected()
        if row is None:
            return
        request_reprint(
            self._context.uow_factory, row.kind, row.number, self._clock, user_id=self._user_id
        )
        self._context.wake_printer()
        self.load_day(self.day, select=row.number)
        copy = self.tr("Copy of {number} queued.").format(number=row.number)

        def show(text: str, _severity: str) -> None:  # the list's print column follows too
            self.message.setText(text)
            self._refill_rows()

        probe = context_probe(self._context)
        self.printing = tell_printing(
            self.message, probe, row.kind, row.number, show, before=copy, previous=self.printing
        )

    def _refill_rows(self) -> None:
        """The day's rows again (their print status), the selection kept."""
        rows = day_history(self._context.reader(), self.day)
        if [row.number for row in rows] != [row.number for row in self.rows]:
            return  # the day changed under us: the next load shows it
        self.rows = rows
        for index, row in enumerate(rows):
            self._fill(index, row)

    def save_pdf(self) -> None:
        row = self.selected()
        if row is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), f"{row.number}.pdf", "PDF (*.pdf)"
        )
        if name:
            self.save_pdf_to(Path(name))

    def save_pdf_to(self, path: Path, *, page: str = "A4") -> None:
        document = self.selected_document()
        if document is None:
            return
        try:
            write_pdf(document, path, page=page)
        except OSError as error:
            text = self.tr("Could not save {path}: {problem}")
            self.message.setText(text.format(path=path, problem=error.strerror))
            return
        text = self.tr("{number} saved as a PDF: {path}")
        self.message.setText(text.format(number=document.number, path=path))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "message"):
            selected = self.selected()
            self.load_day(self.day, select=selected.number if selected else None)
        super().changeEvent(event)


def _button(text: str, slot: object) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumHeight(BUTTON_HEIGHT)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.clicked.connect(slot)
    return button
