"""The centre's header and footer on every receipt, tax invoice and credit note (managers).

Opened from the till's menu (managers only)::

    ReceiptHeaderDialog(context, user_id, parent=window).exec()

Fields: the centre's name, address, 13-digit tax ID (check digit verified),
head office or branch number, the till's name (``terminal_id``: it prefixes
every document number, so a new one starts new number sequences), the POS
approval number the Revenue Department gave the machine (ภ.พ.06, printed on
abbreviated tax invoices), phone, whether the centre is VAT-registered
(abbreviated tax invoices) or not (plain receipts), and the footer lines.
Beside them, a receipt drawn with what is typed, as the 58 mm printer will
print it.  Saving goes through
:func:`pos.printing.services.receipt_settings.save_receipt_header` (checked, audited);
an entry it refuses is named in red and nothing is saved.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pos.bootstrap import AppContext
from pos.clock import Clock, SystemClock
from pos.ids import UserId
from pos.printing.domain.printer_settings import ReceiptHeader
from pos.printing.services.receipt_settings import (
    HEADER_TEXT_FIELDS,
    HeaderEntry,
    ReceiptSettingsError,
    checked_header,
    save_receipt_header,
)
from pos.thai_id import format_thai_id
from receipts.blocks import receipt_blocks
from receipts.document import DocumentKind
from receipts.raster import render_blocks
from receipts.samples import header_from_settings, sample_document
from ui import text_fields
from ui.live_text import live_placeholder, live_title, worded
from ui.screen_fit import fit_to_screen
from ui.widgets import named

PREVIEW_DOTS = 384
BUTTON_HEIGHT = 52
DIALOG_STYLE = "QLabel, QCheckBox { font-size: 12pt; } QPlainTextEdit { font-size: 13pt; }"


def field_hints() -> dict[str, str]:
    """What to do about a field, in the screen's language; the service's own words follow."""
    return {
        "name": QCoreApplication.translate("ReceiptHeaderDialog", "Type the centre's name"),
        "address": QCoreApplication.translate("ReceiptHeaderDialog", "The address is too long"),
        "tax ID": QCoreApplication.translate(
            "ReceiptHeaderDialog", "The tax ID must be 13 digits with a correct check digit"
        ),
        "branch": QCoreApplication.translate(
            "ReceiptHeaderDialog", "Branch: head office, or the branch's 5 digits"
        ),
        "till name": QCoreApplication.translate(
            "ReceiptHeaderDialog", "Till name: 1-16 capital letters or digits"
        ),
        "approval number": QCoreApplication.translate(
            "ReceiptHeaderDialog",
            "Approval number: capital letters, digits, - and /, at most 30",
        ),
        "footer": QCoreApplication.translate(
            "ReceiptHeaderDialog", "Receipt footer: at most 6 lines"
        ),
        "phone": QCoreApplication.translate("ReceiptHeaderDialog", "The phone number is too long"),
    }


def control_hint() -> str:  # NUL and the like
    return QCoreApplication.translate(
        "ReceiptHeaderDialog",
        "It has control characters that cannot be printed or sent: delete them and type again",
    )


class ReceiptHeaderDialog(QDialog):
    settings_saved = Signal(object)  # the Settings saved

    def __init__(
        self,
        context: AppContext,
        user_id: UserId | None,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
    ):
        super().__init__(parent)
        self._context, self._user_id = context, user_id
        self._clock = clock or SystemClock()
        live_title(self, lambda: self.tr("Receipt header and footer / tax invoice"))
        self.setStyleSheet(DIALOG_STYLE)
        self._preview_timer = QTimer(self, singleShot=True, interval=150)
        self._preview_timer.timeout.connect(self.update_preview)
        self._build()
        fit_to_screen(self, QSize(1080, 700))  # all of it if the screen allows; never past it
        settings = context.settings()
        self._show(settings.receipt_header, settings.terminal_id)
        self.update_preview()

    def _build(self) -> None:
        self._build_fields()
        form = self._form()
        self._preview_on_change()
        scroll = self._preview_area()
        self.save_button = worded(_button("", self.save), lambda: self.tr("Save"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(worded(_button("", self.reject), lambda: self.tr("Cancel")))
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.error)
        left.addStretch(1)
        left.addLayout(buttons)
        body = QHBoxLayout(self)
        body.addLayout(left, 1)
        body.addWidget(scroll)

    def _build_fields(self) -> None:
        self.name = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setFixedHeight(70)
        self.tax_id, self.branch, self.pos_id = QLineEdit(), QLineEdit(), QLineEdit()
        self.approval_number = QLineEdit()
        live_placeholder(self.tax_id, lambda: self.tr("13 digits, e.g. 0-9940-00123-45-6"))
        live_placeholder(self.branch, lambda: self.tr("Head office, or the branch's 5 digits"))
        live_placeholder(self.pos_id, lambda: self.tr("The till's name, e.g. POS01"))
        live_placeholder(
            self.approval_number, lambda: self.tr("Leave empty until the machine is approved")
        )
        self.phone = QLineEdit()
        self.vat_registered = worded(
            QCheckBox(), lambda: self.tr("VAT registered (issues abbreviated tax invoices)")
        )
        self.footer = QPlainTextEdit()
        self.footer.setFixedHeight(90)
        self.error = named(QLabel(wordWrap=True), "headerError")
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")

    def _form(self) -> QFormLayout:
        hint = worded(
            QLabel(wordWrap=True),
            lambda: self.tr(
                "A new till name starts a new series of document numbers"
                " (old numbers are never reused)"
            ),
        )
        hint.setStyleSheet("color: #5f6368;")
        approval_hint = worded(
            QLabel(wordWrap=True),
            lambda: self.tr(
                "Given by the Revenue Department (Por Por 06); printed on abbreviated tax invoices"
            ),
        )
        approval_hint.setStyleSheet("color: #5f6368;")
        form = QFormLayout()
        rows: list[tuple[Callable[[], str] | None, QWidget]] = [
            (lambda: self.tr("Centre's name"), self.name),
            (lambda: self.tr("Address"), self.address),
            (lambda: self.tr("Tax ID"), self.tax_id),
            (lambda: self.tr("Branch"), self.branch),
            (lambda: self.tr("Till name"), self.pos_id),
            (None, hint),
            (lambda: self.tr("POS approval number"), self.approval_number),
            (None, approval_hint),
            (lambda: self.tr("Phone"), self.phone),
            (None, self.vat_registered),
            (lambda: self.tr("Receipt footer"), self.footer),
        ]
        for label, widget in rows:
            form.addRow(worded(QLabel(), label) if label else QLabel(), widget)
        return form

    def _preview_on_change(self) -> None:
        """Any edit restarts the timer that redraws the preview."""
        for field in (self.name, self.tax_id, self.branch, self.pos_id, self.phone):
            field.textChanged.connect(self._preview_timer.start)
        self.approval_number.textChanged.connect(self._preview_timer.start)
        for attribute, kind, english, thai in HEADER_TEXT_FIELDS:
            text_fields.watch(getattr(self, attribute), kind, english, thai)
        for text_field in (self.address, self.footer):
            text_field.textChanged.connect(self._preview_timer.start)
        self.vat_registered.toggled.connect(self._preview_timer.start)

    def _preview_area(self) -> QScrollArea:
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview.setStyleSheet("background: white;")
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setFixedWidth(PREVIEW_DOTS + 30)
        return scroll

    def _show(self, header: ReceiptHeader, pos_id: str) -> None:
        self.name.setText(header.name)
        self.address.setPlainText(header.address)
        self.tax_id.setText(format_thai_id(header.tax_id) if len(header.tax_id) == 13 else "")
        self.branch.setText(header.branch)
        self.pos_id.setText(pos_id)
        self.approval_number.setText(header.approval_number)
        self.phone.setText(header.phone)
        self.vat_registered.setChecked(header.vat_registered)
        self.footer.setPlainText(header.footer)

    def entry(self) -> HeaderEntry:
        return HeaderEntry(
            name=self.name.text(),
            address=self.address.toPlainText(),
            tax_id=self.tax_id.text(),
            branch=self.branch.text(),
            pos_id=self.pos_id.text(),
            phone=self.phone.text(),
            vat_registered=self.vat_registered.isChecked(),
            footer=self.footer.toPlainText(),
            approval_number=self.approval_number.text(),
        )

    def _say(self, error: ReceiptSettingsError) -> None:
        detail = str(error).split(": ", 1)[-1]
        hint = field_hints().get(error.field, error.field)
        if "control character" in detail or "surrogate" in detail:
            hint = f"{error.field}: {control_hint()}"
        self.error.setText(f"{hint} ({detail})")

    def update_preview(self) -> None:
        """Draw a short receipt with the header as typed; say what is wrong instead, if anything."""
        if not self._text_fields_taken(focus=False):  # the preview never moves the cursor
            return
        try:
            header, pos_id = checked_header(self.entry())
        except ReceiptSettingsError as error:
            self._say(error)
            return
        self.error.clear()
        kind = DocumentKind.RECEIPT
        if header.vat_registered:
            kind = DocumentKind.ABBREVIATED_TAX_INVOICE
        sample = sample_document(line_count=2, scheme=False)
        document = dataclasses.replace(
            sample,
            kind=kind,
            number=f"{pos_id}-00000001",
            barcode_data="",
            header=header_from_settings(header, pos_id=pos_id),
            qr_payload=None,
        )
        picture = render_blocks(receipt_blocks(document), PREVIEW_DOTS)
        self.preview.setPixmap(QPixmap.fromImage(picture))

    def _text_fields_taken(self, *, focus: bool = True) -> bool:
        fields = (self.name, self.address, self.tax_id, self.branch, self.pos_id, self.phone)
        return text_fields.all_checked(
            self.error, *fields, self.approval_number, self.footer, focus=focus
        )

    def save(self) -> bool:
        if not self._text_fields_taken():
            return False
        try:
            saved = save_receipt_header(
                self._context.uow_factory, self.entry(), user_id=self._user_id, clock=self._clock
            )
        except ReceiptSettingsError as error:
            self._say(error)
            return False
        self.settings_saved.emit(saved)
        self.accept()
        return True


def _button(text: str, slot: object) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumHeight(BUTTON_HEIGHT)
    button.clicked.connect(slot)
    return button
