"""The settings screen's page for the shop's details and tax status: the documents' header.

The fields are built from :data:`pos.printing.services.receipt_settings.HEADER_TEXT_FIELDS`
(the one table of the header's text fields: name, address, tax ID, branch,
POS ID, phone, footer, and whatever is added there later), each with its kind
of text watched as it is typed (:mod:`ui.text_fields`), plus whether the centre
is VAT-registered.  Beside them, a receipt drawn with what is typed, as the
58 mm printer prints it — what :mod:`ui.receipt_header_dialog` does, as a page.
Saving goes through :func:`pos.printing.services.receipt_settings.save_receipt_header`
(checked, one audit record per setting changed, with the manager's id); a
refusal is shown under the field it names and nothing is saved.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pos.bootstrap import AppContext
from pos.clock import SystemClock
from pos.ids import UserId
from pos.printing.services.receipt_settings import (
    HEADER_TEXT_FIELDS,
    HeaderEntry,
    ReceiptSettingsError,
    checked_header,
    save_receipt_header,
)
from pos.settings.domain.shop_settings import Settings
from pos.text import TextKind
from pos.thai_id import format_thai_id
from receipts.blocks import receipt_blocks
from receipts.document import DocumentKind
from receipts.raster import render_blocks
from receipts.samples import header_from_settings, sample_document
from ui import text_fields
from ui.i18n import is_thai
from ui.receipt_header_dialog import control_hint, field_hints
from ui.settings_common import (
    SettingsPage,
    error_label,
    field_with_error,
    hint_label,
    new_form,
    say,
)
from ui.widgets import named

PREVIEW_DOTS = 384  # drawn as the 58 mm printer prints it, shown smaller to fit 1024 pixels
PREVIEW_WIDTH = 300
MULTILINE_HEIGHT = {TextKind.ADDRESS: 70, TextKind.RECEIPT_TEXT: 90}
TextWidget = QLineEdit | QPlainTextEdit


class ShopPage(SettingsPage):
    """The centre's name, address, tax ID, branch, POS ID, phone, VAT status and footer."""

    def __init__(self, context: AppContext, user_id: UserId, parent: QWidget | None = None):
        super().__init__(context, user_id, parent)
        self.fields: dict[str, TextWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        # hints under some fields, by the table's names (a field without one just has none)
        self.hints: dict[str, QLabel] = {
            name: hint_label() for name in ("pos_id", "approval_number", "vat")
        }
        self.vat_registered = named(QCheckBox(), "vatRegistered")
        self.other_error = error_label()  # a refusal that names no field of the table
        self._preview_timer = QTimer(self, singleShot=True, interval=150)
        self._preview_timer.timeout.connect(self.update_preview)
        body = QHBoxLayout()
        body.addLayout(self._form(), 1)
        body.addWidget(self._preview_area())
        self.column.addLayout(body, 1)
        self._show(context.settings())
        self.retranslate()

    def _form(self) -> QVBoxLayout:
        form = new_form()
        form.setRowWrapPolicy(form.RowWrapPolicy.WrapAllRows)  # labels above: room for the preview
        for attribute, kind, english, thai in HEADER_TEXT_FIELDS:
            field = self._new_field(attribute, kind)
            text_fields.watch(field, kind, english, thai)
            self.labels[attribute], self.errors[attribute] = QLabel(), error_label()
            holder = field_with_error(field, self.errors[attribute], self.hints.get(attribute))
            form.addRow(self.labels[attribute], holder)
        form.addRow(field_with_error(self.vat_registered, error_label(), self.hints["vat"]))
        self.vat_registered.toggled.connect(self._preview_timer.start)
        column = QVBoxLayout()
        column.addLayout(form)
        column.addWidget(self.other_error)
        column.addStretch(1)
        return column

    def _new_field(self, attribute: str, kind: TextKind) -> TextWidget:
        field: TextWidget
        if kind.rules.multiline:
            field = QPlainTextEdit()
            field.setFixedHeight(MULTILINE_HEIGHT.get(kind, 70))
        else:
            field = QLineEdit()
        self.fields[attribute] = named(field, f"header_{attribute}")
        field.textChanged.connect(self._preview_timer.start)
        return field

    def _preview_area(self) -> QScrollArea:
        self.preview = named(
            QLabel(alignment=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
            "headerPreview",
        )
        self.preview.setStyleSheet("background: white;")
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setFixedWidth(PREVIEW_WIDTH + 30)
        return scroll

    def _show(self, settings: Settings) -> None:
        header = settings.receipt_header
        for attribute, field in self.fields.items():
            if attribute == "pos_id":
                value = str(settings.terminal_id)
            elif attribute == "tax_id":
                value = format_thai_id(header.tax_id) if len(header.tax_id) == 13 else ""
            else:
                value = str(getattr(header, attribute, ""))
            if isinstance(field, QLineEdit):
                field.setText(value)
            else:
                field.setPlainText(value)
        self.vat_registered.setChecked(header.vat_registered)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Shop details and tax status"))
        for attribute, _, english, thai in HEADER_TEXT_FIELDS:
            self.labels[attribute].setText(thai if is_thai() else english[:1].upper() + english[1:])
        placeholders = {
            "tax_id": self.tr("13 digits, e.g. 0-9940-00123-45-6"),
            "branch": self.tr("Head office, or the 5-digit branch number"),
            "pos_id": self.tr("The till's name, e.g. POS01"),
            "approval_number": self.tr("Leave it empty until the approval is given"),
        }
        for attribute, text in placeholders.items():
            field = self.fields.get(attribute)
            if isinstance(field, QLineEdit):
                field.setPlaceholderText(text)
        self.hints["pos_id"].setText(
            self.tr("A new name starts new document numbers (the old ones are never reused).")
        )
        self.hints["approval_number"].setText(
            self.tr(
                "The number the Revenue Department gave this till (Por Por 06),"
                " printed on abbreviated tax invoices."
            )
        )
        self.vat_registered.setText(self.tr("VAT-registered"))
        self.hints["vat"].setText(
            self.tr("A VAT-registered centre prints abbreviated tax invoices, not receipts.")
        )
        self.update_preview()

    def entry(self) -> HeaderEntry:
        texts = {
            attribute: text_fields.field_text(field) for attribute, field in self.fields.items()
        }
        return HeaderEntry(**texts, vat_registered=self.vat_registered.isChecked())

    def _clear_errors(self) -> None:
        for label in (*self.errors.values(), self.other_error):
            say(label, "")

    def _say(self, error: ReceiptSettingsError) -> None:
        """The refusal under the field it names, in the language on screen."""
        detail = str(error).split(": ", 1)[-1]
        attribute = next((a for a, _, en, _ in HEADER_TEXT_FIELDS if en == error.field), None)
        if is_thai():
            hint = field_hints().get(error.field, error.field)
            if "control character" in detail or "surrogate" in detail:
                hint = control_hint()
            text = f"{hint} ({detail})"
        else:
            text = f"{error.field}: {detail}"
        say(self.errors[attribute] if attribute else self.other_error, text)

    def _text_taken(self, *, focus: bool = True) -> bool:
        """Every field's text is one the counter takes; the first that is not is said under it."""
        for attribute, field in self.fields.items():
            if text_fields.checked(field, self._sayer(attribute), focus=focus) is None:
                return False
        return True

    def _sayer(self, attribute: str) -> Callable[[str], None]:
        label = self.errors[attribute]
        return lambda text: say(label, text)

    def update_preview(self) -> None:
        """A short receipt with the header as typed; what is wrong instead, if anything."""
        self._clear_errors()
        if not self._text_taken(focus=False):  # the preview never moves the cursor
            return
        try:
            header, pos_id = checked_header(self.entry())
        except ReceiptSettingsError as error:
            self._say(error)
            return
        kind = DocumentKind.RECEIPT
        if header.vat_registered:
            kind = DocumentKind.ABBREVIATED_TAX_INVOICE
        document = dataclasses.replace(
            sample_document(line_count=2, scheme=False),
            kind=kind,
            number=f"{pos_id}-00000001",
            barcode_data="",
            header=header_from_settings(header, pos_id=pos_id),
            qr_payload=None,
        )
        picture = render_blocks(receipt_blocks(document), PREVIEW_DOTS)
        shown = QPixmap.fromImage(picture).scaledToWidth(
            PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation
        )
        self.preview.setPixmap(shown)

    def save(self) -> bool:
        self._clear_errors()
        if not self._text_taken():
            return False
        try:
            saved = save_receipt_header(
                self.context.uow_factory, self.entry(), user_id=self.user_id, clock=SystemClock()
            )
        except ReceiptSettingsError as error:
            self._say(error)
            return False
        self._show(saved)
        return True
