"""Buyer details for a full tax invoice or a Shop Dee Mee Kuen receipt, asked in a panel.

A panel, not a modal dialog: the payment and return screens show it in place
of their tender or action pages, the cart or sale stays in view, and the scan
router still sees the keyboard.  Name, address, the 13-digit tax ID (checked
against the Thai check digit as it is typed) and the branch (``00000`` head
office, 5 digits for a branch, empty for a person).  Replacing a full tax
invoice already issued needs a reason: it goes on the new invoice.

What to do with the details is the caller's ``answer``: it returns ``None``
when done or a message to show (the sale refused the invoice, say).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pos.sale.domain.completed_sale import BuyerDetails, BuyerDetailsError, Sale, TaxInvoice
from pos.sale.services.tax_invoices import TaxInvoiceError, issue_tax_invoice
from pos.text import TextKind
from pos.thai_id import ThaiIdError, thai_id_check_digit, validate_thai_id
from pos.till.services.session import TillSession
from ui import text_fields
from ui.payment_texts import refusal_text
from ui.scan_router import TAKES_SCANS
from ui.widgets import ActionButton, named

BuyerAnswer = Callable[[BuyerDetails, str | None], str | None]  # details, reason → error or None
ADDRESS_HEIGHT = 96  # three lines of Thai


class BuyerDetailsPanel(QWidget):
    """Name, address, tax ID and branch, checked; Ctrl+Enter saves, Esc cancels."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("buyerDetails")
        self._make_fields()
        self.save_button = ActionButton("saveBuyer", "Ctrl+Enter")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = ActionButton("cancelBuyer", "Esc")
        self.cancel_button.clicked.connect(self.cancel)
        self._lay_out()
        self._answer: BuyerAnswer | None = None
        self._replacing: str | None = None
        self.retranslate()

    def _make_fields(self) -> None:
        self.title = named(QLabel(wordWrap=True), "entryPrompt")
        self.hint = named(QLabel(wordWrap=True), "entryHint")
        self.name = named(QLineEdit(), "buyerName")
        self.address = named(QPlainTextEdit(), "buyerAddress")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(ADDRESS_HEIGHT)
        self.tax_id = named(QLineEdit(), "buyerTaxId")
        self.tax_id.setMaxLength(17)  # 13 digits and the dashes of 1-2345-67890-12-3
        self.tax_id.textChanged.connect(self._check_tax_id)
        self.tax_id.setProperty(TAKES_SCANS, True)  # the barcode on the back of a Thai ID card
        self.tax_id_check = named(QLabel(), "taxIdCheck")
        self.branch = named(QLineEdit(), "buyerBranch")
        self.branch.setMaxLength(12)
        self.reason = named(QLineEdit(), "buyerReason")
        self.error = named(QLabel(wordWrap=True), "panelError")

    def _lay_out(self) -> None:
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(5)]
        for label, field in zip(
            self.labels,
            (self.name, self.address, self.tax_id, self.branch, self.reason),
            strict=True,
        ):
            self.form.addRow(label, field)
        self.form.insertRow(3, "", self.tax_id_check)
        for field in (self.name, self.address, self.tax_id, self.branch, self.reason):
            field.installEventFilter(self)
        text_fields.watch(self.name, TextKind.NAME, "name", "ชื่อผู้ซื้อ")
        text_fields.watch(self.address, TextKind.ADDRESS, "address", "ที่อยู่")
        text_fields.watch(self.tax_id, TextKind.TAX_ID, "tax ID", "เลขประจำตัวผู้เสียภาษี")
        text_fields.watch(self.branch, TextKind.CODE, "branch", "สาขา")
        text_fields.watch(self.reason, TextKind.REASON, "reason", "เหตุผล")
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def ask(
        self,
        answer: BuyerAnswer,
        *,
        initial: BuyerDetails | None = None,
        replacing: str | None = None,
    ) -> None:
        """Show the questions; ``replacing`` is the number of the invoice in force, if any."""
        self._answer, self._replacing = answer, replacing
        self.name.setText(initial.name if initial else "")
        self.address.setPlainText(initial.address if initial else "")
        self.tax_id.setText(initial.tax_id if initial else "")
        self.branch.setText((initial.branch or "") if initial else "")
        self.reason.clear()
        self.form.setRowVisible(self.reason, replacing is not None)
        self.error.clear()
        self.retranslate()
        self.name.setFocus()

    @property
    def is_asking(self) -> bool:
        return self._answer is not None

    def _check_tax_id(self, text: str) -> None:
        digits = "".join(ch for ch in text if ch not in "- ")
        if len(digits) != 13 or not digits.isdigit():
            self.tax_id_check.setText(self.tr("{count} of 13 digits").format(count=len(digits)))
        elif int(digits[12]) != thai_id_check_digit(digits[:12]):
            self.tax_id_check.setText(self.tr("✗ the check digit is wrong: check the number"))
        else:
            self.tax_id_check.setText(self.tr("✓ a valid tax ID"))

    def details(self) -> BuyerDetails:
        """The details typed, checked; raises ValueError with a translated message."""
        name, address = self.name.text().strip(), self.address.toPlainText().strip()
        if not name:
            raise ValueError(self.tr("Type the buyer's name (a person or a company)."))
        if not address:
            raise ValueError(self.tr("Type the buyer's address."))
        try:
            validate_thai_id(self.tax_id.text())
        except ThaiIdError:
            raise ValueError(
                self.tr(
                    "The tax ID must be 13 digits with a correct check digit"
                    " (it is on the buyer's ID card or company papers)."
                )
            ) from None
        try:
            return BuyerDetails.checked(name, address, self.tax_id.text(), self.branch.text())
        except BuyerDetailsError as error:
            if error.field == "branch":
                raise ValueError(
                    self.tr(
                        "Branch: 00000 for the head office or the branch's"
                        " 5 digits; empty for a person."
                    )
                ) from None
            raise ValueError(str(error)) from None

    def save(self) -> None:
        answer = self._answer
        if answer is None:
            return
        fields = (self.name, self.address, self.tax_id, self.branch, self.reason)
        if not text_fields.all_checked(self.error, *fields):
            return
        try:
            details = self.details()
        except ValueError as problem:
            self.error.setText(str(problem))
            return
        reason = self.reason.text().strip() or None
        if self._replacing is not None and reason is None:
            self.error.setText(
                self.tr("Give the reason for replacing tax invoice {number}.").format(
                    number=self._replacing
                )
            )
            self.reason.setFocus()
            return
        error = answer(details, reason)
        if error is not None:
            self.error.setText(error)
            return
        self._answer = None
        self.finished.emit()

    def cancel(self) -> None:
        self._answer = None
        self.finished.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return True
        if enter and (event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.save()
            return True
        if enter and watched is not self.address:  # Enter moves on; in the last field it saves
            last = self.reason if self._replacing is not None else self.branch
            if watched is last:
                self.save()
            else:
                self.focusNextChild()
            return True
        return False

    def retranslate(self) -> None:
        if self._replacing:
            self.title.setText(
                self.tr("Replace tax invoice {number}").format(number=self._replacing)
            )
        else:
            self.title.setText(self.tr("Buyer details for a full tax invoice"))
        self.hint.setText(
            self.tr(
                "For a full tax invoice or a Shop Dee Mee Kuen receipt in the"
                " buyer's name. Enter moves to the next field."
            )
        )
        for label, text in zip(
            self.labels,
            (
                self.tr("Name"),
                self.tr("Address"),
                self.tr("Tax ID (13 digits)"),
                self.tr("Branch"),
                self.tr("Reason"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.branch.setPlaceholderText(self.tr("00000 = head office · empty = a person"))
        self.save_button.set_label(self.tr("Save"))
        self.cancel_button.set_label(self.tr("Cancel"))
        self._check_tax_id(self.tax_id.text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def ask_tax_invoice(
    panel: BuyerDetailsPanel, till: TillSession, sale: Sale, issued: Callable[[TaxInvoice], None]
) -> None:
    """Ask for the buyer of a completed sale and issue its full tax invoice (queued to print).

    A sale that already has one gets a replacement, which needs a reason.
    """
    current = sale.current_tax_invoice
    user = till.user
    assert user is not None and user.user_id is not None, "a user issues tax invoices"
    user_id = user.user_id

    def answer(buyer: BuyerDetails, reason: str | None) -> str | None:
        try:
            invoice = issue_tax_invoice(
                till.uow_factory,
                till.clock,
                sale_id=sale.sale_id,
                buyer=buyer,
                user_id=user_id,
                reason=reason,
                print_invoice=True,
            )
        except TaxInvoiceError as error:
            return refusal_text(error)
        issued(invoice)
        return None

    panel.ask(
        answer,
        initial=current.buyer if current else None,
        replacing=current.number if current else None,
    )
