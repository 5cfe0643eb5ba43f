"""The tender pages of the payment screen: cash, PromptPay and card (schemes: ui.scheme_page).

Each page turns what the cashier typed into a :class:`pos.sale.domain.tenders.Tender`, or
raises :class:`InputError` with a translated message saying what to fix.
The payment screen calls :meth:`TenderPage.prepare` whenever the payment
changes (amounts are filled in with what is still due) and
:meth:`TenderPage.enter` on Enter; buttons that take a tender at once (the
note keys, "exact", "transfer received") emit :attr:`TenderPage.tenderReady`.

PromptPay: Enter draws the dynamic QR for the amount (``pos.sale.domain.promptpay``
payload) on the page and, through :attr:`PromptPayPage.qrShown`, on the
customer display; the tender is only taken when the cashier confirms the
transfer arrived (Ctrl+Enter).  Without a PromptPay ID in the settings the page
says PromptPay is not set up and takes no input; for a manager it offers a
button (:attr:`PromptPayPage.setupRequested`) to the settings screen's
PromptPay page, after which the payment is quoted again and the QR works.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.money import CashRounding, MoneyFormatError, format_baht, parse_baht
from pos.sale.domain.payment import PayableLine
from pos.sale.domain.promptpay import PromptPayError
from pos.sale.domain.schemes import SchemeBook
from pos.sale.domain.tenders import (
    NOTE_KEYS_SATANG,
    CardTender,
    CashTender,
    PaymentProgress,
    PromptPayTender,
    Tender,
    TenderKind,
)
from pos.sale.services.checkout import PaymentQuote
from pos.text import TextKind
from ui import text_fields
from ui.qr_image import qr_image
from ui.scan_router import TAKES_NO_INPUT
from ui.style import TOUCH_HEIGHT
from ui.widgets import ActionButton, NumberPad, named

NOTE_SHORTCUTS = ("F5", "F6", "F7", "F8", "F10")  # 20, 50, 100, 500, 1000 baht
EXACT_SHORTCUT = "F11"
CONFIRM_TRANSFER_SHORTCUT = "Ctrl+Return"
QR_PIXELS = 240  # about 6 cm on a counter screen, and the page fits 768 px under the header


class InputError(Exception):
    """What the cashier typed cannot be a tender; the message (translated) says why."""


@dataclass(frozen=True)
class PaymentState:
    """Where the payment stands, as every page needs to know it."""

    quote: PaymentQuote
    progress: PaymentProgress
    tenders: tuple[Tender, ...]
    lines: tuple[PayableLine, ...]
    book: SchemeBook
    moment: dt.datetime


class TenderPage(QWidget):
    """One kind of tender; subclasses build the fields."""

    kind: TenderKind
    tenderReady = Signal(object)  # a Tender taken by a button

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.prompt = named(QLabel(wordWrap=True), "entryPrompt")
        self.hint = named(QLabel(wordWrap=True), "entryHint")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(4, 4, 4, 4)
        self.column.addWidget(self.prompt)
        self.column.addWidget(self.hint)
        self.state: PaymentState | None = None

    def prepare(self, state: PaymentState) -> None:
        self.state = state

    def has_input(self) -> bool:
        return False

    def enter(self) -> Tender | None:
        return None

    def fields(self) -> list[QLineEdit]:
        return []

    def focus_field(self) -> None:
        fields = self.fields()
        if fields:
            fields[0].setFocus()
            fields[0].selectAll()

    def amount_of(self, field: QLineEdit) -> int:
        """The amount typed in baht, more than 0, or an :class:`InputError`."""
        try:
            satang = parse_baht(field.text())
        except MoneyFormatError:
            raise InputError(self.tr("Type an amount in baht, e.g. 500 or 120.50")) from None
        if satang <= 0:
            raise InputError(self.tr("The amount must be more than 0."))
        return satang

    def exact_amount_of(self, field: QLineEdit) -> int:
        """A card, PromptPay or scheme amount: never more than what is still due."""
        satang = self.amount_of(field)
        remaining = self.state.progress.remaining_satang if self.state else 0
        if satang > remaining:
            raise InputError(
                self.tr("At most {remaining} is left to pay; only cash can be more.").format(
                    remaining=format_baht(remaining)
                )
            )
        return satang

    def fill_remaining(self, field: QLineEdit) -> None:
        remaining = self.state.progress.remaining_satang if self.state else 0
        field.setText(format_baht(remaining, grouping=False) if remaining > 0 else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self.state is not None:
            self.prepare(self.state)


def _field(name: str) -> QLineEdit:
    field = named(QLineEdit(), name)
    field.setAlignment(Qt.AlignmentFlag.AlignRight)
    return field


class CashPage(TenderPage):
    """Cash received: typed or on the pad, or a note key; "exact" pays what is due in cash."""

    kind = TenderKind.CASH

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.amount = _field("cashInput")
        self.pad = NumberPad(self)
        self.pad.keyPressed.connect(self.amount.insert)
        self.pad.backspace.connect(self.amount.backspace)
        self.note_buttons: list[ActionButton] = []
        notes = QGridLayout()
        for index, (note, key) in enumerate(zip(NOTE_KEYS_SATANG, NOTE_SHORTCUTS, strict=True)):
            button = ActionButton(f"note_{note // 100}", key)
            button.set_label(format_baht(note).removesuffix(".00"))
            button.clicked.connect(lambda _=False, note=note: self.take_note(note))
            self.note_buttons.append(button)
            notes.addWidget(button, index // 3, index % 3)
        self.exact_button = ActionButton("exactCash", EXACT_SHORTCUT)
        self.exact_button.clicked.connect(self.take_exact)
        notes.addWidget(self.exact_button, 1, 2)
        self.column.addWidget(self.amount)
        self.column.addLayout(notes)
        self.column.addWidget(self.pad, 1)
        self.retranslate()

    def prepare(self, state: PaymentState) -> None:
        super().prepare(state)
        due = state.progress.cash_due_satang
        self.exact_button.set_label(self.tr("Exact {amount}").format(amount=format_baht(due)))
        self.exact_button.setEnabled(due > 0)
        self.hint.setText(self._rounding_text(state))

    def _rounding_text(self, state: PaymentState) -> str:
        rounding = state.quote.cash_rounding
        if rounding is CashRounding.NONE:
            return self.tr("Type the cash received, or press a note key.")
        step = self.tr("0.25 baht") if rounding is CashRounding.QUARTER_BAHT else self.tr("1 baht")
        paid = state.progress
        if not paid.cash_due_satang:
            return self.tr("Cash is rounded to {step}.").format(step=step)
        difference = paid.cash_due_satang - paid.remaining_satang  # the rounding, +/-
        return self.tr("Cash is rounded to {step}: {due} in cash (rounding {difference}).").format(
            step=step, due=format_baht(paid.cash_due_satang), difference=format_baht(difference)
        )

    def fields(self) -> list[QLineEdit]:
        return [self.amount]

    def has_input(self) -> bool:
        return bool(self.amount.text().strip())

    def enter(self) -> Tender | None:
        tender = CashTender(self.amount_of(self.amount))
        self.amount.clear()
        return tender

    def take_note(self, note_satang: int) -> None:
        self.tenderReady.emit(CashTender(note_satang))

    def take_exact(self) -> None:
        due = self.state.progress.cash_due_satang if self.state else 0
        if due > 0:
            self.tenderReady.emit(CashTender(due))

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("Cash received"))
        self.amount.setPlaceholderText(self.tr("Amount received, then Enter"))
        self.pad.ok_button.setText(self.tr("Add (Enter)"))
        super().retranslate()


class PromptPayPage(TenderPage):
    """A dynamic QR for the amount; taken when the cashier sees the transfer arrive."""

    kind = TenderKind.PROMPTPAY
    qrShown = Signal(QImage, str)
    qrCleared = Signal()
    setupRequested = Signal()  # the manager pressed "set up PromptPay"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.amount = _field("promptPayAmount")
        self.qr = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "promptPayQr")
        self.qr.setMinimumSize(QR_PIXELS, QR_PIXELS)
        self.caption = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "qrCaption")
        self.reference = named(QLineEdit(), "promptPayReference")
        text_fields.watch(
            self.reference, TextKind.REFERENCE, "PromptPay reference", "เลขอ้างอิงพร้อมเพย์"
        )
        self.show_button = ActionButton("showQr", "Enter")
        self.show_button.clicked.connect(self.show_qr)
        self.confirm_button = ActionButton("transferReceived", "Ctrl+Enter")
        self.confirm_button.clicked.connect(self.confirm)
        self.not_set_up = named(QLabel(wordWrap=True), "promptPayNotSetUp")
        self.not_set_up.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.setup_button = named(QPushButton(), "setUpPromptPay")
        self.setup_button.setMinimumHeight(TOUCH_HEIGHT)
        self.setup_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setup_button.clicked.connect(self.setupRequested.emit)
        self.can_set_up: Callable[[], bool] = lambda: False  # a manager is logged in
        row = QHBoxLayout()
        row.addWidget(self.amount, 1)
        row.addWidget(self.show_button)
        self.column.addLayout(row)
        self.column.addWidget(self.not_set_up)
        self.column.addWidget(self.setup_button)
        self.column.addWidget(self.qr, 1)
        self.column.addWidget(self.caption)
        self.column.addWidget(self.reference)
        self.column.addWidget(self.confirm_button)
        self.shown_satang: int | None = None
        self.retranslate()

    @property
    def available(self) -> bool:
        """The shop has a PromptPay ID (as quoted for this payment)."""
        return self.state is not None and bool(self.state.quote.promptpay_target)

    def prepare(self, state: PaymentState) -> None:
        super().prepare(state)
        self.forget_qr()
        self.fill_remaining(self.amount)
        available = self.available
        offered = not available and self.can_set_up()
        shown = {self.amount: available, self.show_button: available, self.reference: available}
        shown |= {self.confirm_button: available, self.not_set_up: not available}
        shown[self.setup_button] = offered
        # hidden first: for a moment all of them shown would make the window grow past 768
        for widget in sorted(shown, key=lambda widget: shown[widget]):
            widget.setVisible(shown[widget])
        for widget in (self.amount, self.show_button, self.reference):
            widget.setEnabled(available)
        if available:
            self.hint.setText(self.tr("Enter shows the QR here and on the customer's screen."))
        elif self.can_set_up():
            self.hint.setText(
                self.tr("Set the shop's PromptPay ID, then come back to this payment.")
            )
        else:
            self.hint.setText(self.tr("Ask a manager to set it up (Menu, Settings, PromptPay)."))

    def not_set_up_text(self) -> str:
        return self.tr("PromptPay is not set up.")

    def fields(self) -> list[QLineEdit]:
        return [self.amount, self.reference]

    def has_input(self) -> bool:
        text = self.amount.text().strip()
        if not text or self.state is None or not self.state.quote.promptpay_target:
            return False
        try:
            return parse_baht(text) != self.shown_satang
        except MoneyFormatError:
            return True

    def enter(self) -> Tender | None:
        self.show_qr_or_raise()
        return None

    def show_qr(self) -> None:
        try:
            self.show_qr_or_raise()
        except InputError as problem:
            self.hint.setText(str(problem))

    def show_qr_or_raise(self) -> None:
        if self.state is None or not self.available:
            raise InputError(self.not_set_up_text())
        satang = self.exact_amount_of(self.amount)
        try:
            text = self.state.quote.promptpay_payload(satang)
        except PromptPayError as error:
            raise InputError(str(error)) from None
        image = qr_image(text, QR_PIXELS)
        self.qr.setPixmap(QPixmap.fromImage(image))
        # both languages for the customer's display (qrShown); the cashier's own in theirs
        caption = f"พร้อมเพย์ · PromptPay  {format_baht(satang)}"
        self.caption.setText(self.tr("PromptPay {amount}").format(amount=format_baht(satang)))
        self.shown_satang = satang
        self.confirm_button.setEnabled(True)
        self.hint.setText(self.tr("Press Ctrl+Enter once the transfer has arrived."))
        self.qrShown.emit(image, caption)

    def confirm(self) -> None:
        """The cashier saw the transfer arrive: the tender is taken."""
        if not self.available:
            return
        if self.shown_satang is None:
            self.hint.setText(self.tr("Show the QR first (Enter)."))
            return
        tender = PromptPayTender(self.shown_satang, True, self.reference.text().strip() or None)
        self.reference.clear()
        self.forget_qr()
        self.tenderReady.emit(tender)

    def forget_qr(self) -> None:
        if self.shown_satang is not None:
            self.qrCleared.emit()
        self.shown_satang = None
        self.qr.clear()
        self.caption.clear()
        self.confirm_button.setEnabled(False)

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("PromptPay QR"))
        self.amount.setPlaceholderText(self.tr("Amount"))
        self.show_button.set_label(self.tr("Show QR"))
        self.confirm_button.set_label(self.tr("Transfer received"))
        self.reference.setPlaceholderText(self.tr("Bank reference (optional)"))
        self.not_set_up.setText(self.not_set_up_text())
        self.setup_button.setText(self.tr("Set up PromptPay"))
        if self.state is not None:
            shown = self.shown_satang
            super().retranslate()
            if shown is not None:  # a language switch must not take the QR away
                self.amount.setText(format_baht(shown, grouping=False))
                self.show_qr()


class CardPage(TenderPage):
    """A card payment made on the bank's terminal; its approval code is recorded."""

    kind = TenderKind.CARD

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.amount = _field("cardAmount")
        self.approval = named(QLineEdit(), "approvalCode")
        self.approval.setMaxLength(12)
        self.amount_label, self.approval_label = QLabel(), QLabel()
        for label, field in (
            (self.amount_label, self.amount),
            (self.approval_label, self.approval),
        ):
            self.column.addWidget(label)
            self.column.addWidget(field)
        self.column.addStretch(1)
        self.retranslate()

    def prepare(self, state: PaymentState) -> None:
        super().prepare(state)
        self.fill_remaining(self.amount)
        self.approval.clear()
        due = self._due()
        for widget in (self.amount_label, self.amount, self.approval_label, self.approval):
            widget.setVisible(due)
            widget.setEnabled(due)
        self.setProperty(TAKES_NO_INPUT, not due)  # paid: nothing to type here (not a scan)
        self._show_hint()

    def _due(self) -> bool:
        return self.state is None or self.state.progress.remaining_satang > 0

    def _show_hint(self) -> None:
        if self._due():
            self.hint.setText(self.tr("Charge the card on the bank's terminal first."))
        else:
            self.hint.setText(self.tr("Nothing is left to pay: Enter completes the sale."))

    def fields(self) -> list[QLineEdit]:
        return [self.approval, self.amount]

    def focus_field(self) -> None:
        if self._due():
            super().focus_field()
        else:
            self.setFocus()

    def has_input(self) -> bool:
        remaining = self.state.progress.remaining_satang if self.state else 0
        return remaining > 0 and bool(self.amount.text().strip() or self.approval.text().strip())

    def enter(self) -> Tender | None:
        satang = self.exact_amount_of(self.amount)
        code = self.approval.text().strip().upper()
        if not (2 <= len(code) <= 12 and code.isascii() and code.isalnum()):
            self.approval.setFocus()
            raise InputError(
                self.tr(
                    "Type the approval code printed by the card terminal (2-12 letters or digits)."
                )
            )
        self.approval.clear()
        return CardTender(satang, code)

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("Card"))
        self._show_hint()
        self.amount_label.setText(self.tr("Amount charged"))
        self.approval_label.setText(self.tr("Approval code (on the terminal's slip)"))
        super().retranslate()
