"""Returns, voids and tax invoices for past sales: find the sale by its receipt, then act on it.

A page of the counter window.  The receipt's Code 128 barcode (the receipt
number) is scanned — the scan router sends it here from any field of this
screen — or its number typed (``POS01-00000042``, ``POS01-42`` or ``42``).
The sale's lines show what was sold and already returned; the cashier
chooses what comes back (↑↓ a line, F3 all of it or none, F4 a quantity or
weight, F5 everything still returnable), types the reason, and Enter (F12)
asks a manager's PIN.  The refund by tender is shown as it is chosen: cash
back in cash, a card to the card, PromptPay by transfer, a scheme's
customer share to their app — or all in cash if the customer asks (F6) —
and a scheme's government share back to the scheme, never in cash.  F7
voids the whole sale (same day, nothing returned yet), Ctrl+I issues a full
tax invoice for it, Esc goes back to the cart.

Every return and void needs a manager's PIN, checked by the till first (wrong
PINs count towards the lock-out) and again by the service.  The credit note,
its audit record and its print job commit together; its number is shown.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QWidget,
)

from pos.catalogue.domain.products import MILLI, parse_quantity
from pos.ids import CreditNoteId, SaleLineId
from pos.sale.domain.completed_sale import TaxInvoice
from pos.sale.domain.credit_notes import CreditNote, ReturnDraft, ReturnError
from pos.sale.services.returns_and_voids import (
    CREDIT_NOTE_DOCUMENT,
    ApprovalLockedError,
    ApprovalRefusedError,
    ManagerApproval,
    SaleHistory,
    find_sale,
    last_sale_today,
)
from pos.sale.services.tax_invoices import TAX_INVOICE_DOCUMENT
from pos.staff.domain.users import User
from pos.till.services.session import TillSession
from ui import text_fields
from ui.buyer_details import BuyerDetailsPanel, ask_tax_invoice
from ui.document_printing import PrintFollower, Probe, store_probe, tell_printing
from ui.live_text import Text
from ui.manager_approval import ask_manager_approval
from ui.messages import locked_text
from ui.panels import EntryPanel
from ui.payment_style import PAYMENT_STYLE
from ui.payment_texts import refusal_text, scheme_name
from ui.return_actions import ReturnActions
from ui.return_choice import (
    ReturnChoice,
    check_before_pin,
    everything_sold,
    refund_draft,
    selected_line,
    store_return,
    store_void,
)
from ui.return_lines import (
    ReturnLinesTable,
    credit_note_text,
    line_name,
    line_quantity,
    refund_summary,
    sale_summary,
)
from ui.returns_layout import ReturnsUi
from ui.status_line import StatusLine
from ui.widgets import named


class ReturnsScreen(QWidget):
    documentQueued = Signal(str, str)  # print job kind, reference (committed)
    closed = Signal()

    def __init__(self, till: TillSession, sound: Callable[[], None]):
        super().__init__()
        self.setObjectName("returnsScreen")
        self.setStyleSheet(PAYMENT_STYLE)
        self.till, self._sound = till, sound
        self.title = named(QLabel(), "screenTitle")
        self.receipt_input = named(QLineEdit(), "receiptInput")
        self.receipt_input.returnPressed.connect(self.find_receipt)
        self.sale_info = named(QLabel(wordWrap=True), "saleInfo")
        self.sale_info.setTextFormat(Qt.TextFormat.RichText)
        self.table = ReturnLinesTable()
        self.actions_page = ReturnActions()
        self.preview, self.reason = self.actions_page.preview, self.actions_page.reason
        self.reason.returnPressed.connect(self.ask_return)
        self.entry, self.buyer_panel = EntryPanel(), BuyerDetailsPanel()
        self.entry.finished.connect(self._question_closed)
        self.buyer_panel.finished.connect(self._question_closed)
        self.result = named(QLabel(wordWrap=True), "creditNoteNumber")
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.status = StatusLine("paymentStatus")
        self.ui = ReturnsUi()
        self.ui.setup(self)
        for field in (self.receipt_input, self.reason):
            field.installEventFilter(self)
        self.history: SaleHistory | None = None
        self.chosen: dict[SaleLineId, int] = {}
        self.refund_in_cash = False
        self._note_id = CreditNoteId(uuid.uuid4())
        self.print_probe: Probe = store_probe(till.read_uow_factory, lambda: None)
        self.printing: PrintFollower | None = None
        self.retranslate()

    # --- finding the sale ---------------------------------------------------------------------
    def start(self, *, last_sale: bool = False) -> None:
        self.history, self.chosen, self.refund_in_cash = None, {}, False
        self.ui.cash_button.setChecked(False)
        self.reason.clear()
        self.receipt_input.clear()
        self.table.setRowCount(0)
        self.sale_info.setText(self.tr("Scan the barcode on the receipt, or type its number."))
        self.preview.clear()
        self.show_actions()
        self._status(lambda: self.tr("Scan the receipt (or type its number and press Enter)."))
        if last_sale:
            found = last_sale_today(self.till.read_uow_factory, self.till.clock)
            if found is None:
                self._status(lambda: self.tr("No sale on this till today."), "warning")
            else:
                self.load(found)
        self.receipt_input.setFocus()

    def scanned(self, code: str) -> None:
        self.receipt_input.setText(code)
        self.find_receipt()

    def find_receipt(self) -> None:
        text = self.receipt_input.text().strip()
        if not text:
            return
        found = find_sale(self.till.read_uow_factory, text)
        if found is None:
            self.show_error(
                lambda: self.tr("No sale with receipt {number} is stored on this till.").format(
                    number=text
                )
            )
            self.receipt_input.selectAll()
            return
        self.load(found)
        self.reason.setFocus()

    def load(self, history: SaleHistory) -> None:
        self.history, self.chosen = history, {}
        self._note_id = CreditNoteId(uuid.uuid4())
        self.receipt_input.setText(history.sale.receipt_number)
        self.sale_info.setText(sale_summary(history, self._scheme_name))
        self.show_actions()
        self._refresh()
        self._status(
            lambda: self.tr(
                "Choose what comes back: ↑↓ a line, F3 all of it, F4 a quantity,"
                " F5 everything. Then the reason and Enter."
            )
        )

    def _scheme_name(self, code: str) -> str:
        try:
            return scheme_name(self.till.settings.schemes.get(code))
        except ValueError:
            return code

    # --- choosing the goods -------------------------------------------------------------------
    def _selected(self) -> tuple[SaleLineId, int] | None:
        """The selected line and what may still be returned of it."""
        return selected_line(self.history, self.table.currentRow())

    def toggle_line(self) -> None:
        selected = self._selected()
        if selected is not None:
            line_id, left = selected
            self.chosen[line_id] = 0 if self.chosen.get(line_id) else left
            self._refresh()

    def choose_all(self) -> None:
        if self.history is not None:
            everything = {k: v for k, v in self.history.returnable.items() if v}
            self.chosen = {} if self.chosen == everything else everything
            self._refresh()

    def toggle_refund_in_cash(self) -> None:
        self.refund_in_cash = not self.refund_in_cash
        self.ui.cash_button.setChecked(self.refund_in_cash)
        self._refresh()

    def ask_quantity(self) -> None:
        selected = self._selected()
        if selected is None or self.history is None:
            return
        line_id, left = selected
        line = self.history.sale.line(line_id)

        def answer(text: str, _: User | None) -> str | None:
            try:
                quantity = parse_quantity(text)
            except ValueError:
                return self.tr("Type a quantity such as 1, or a weight in kg such as 0.5")
            if not 0 <= quantity <= left or (not line.sold_by_weight and quantity % MILLI):
                return self.tr("Between 0 and {left}, in whole units unless weighed.").format(
                    left=line_quantity(left, line)
                )
            self.chosen[line_id] = quantity
            self._refresh()
            return None

        self.ui.side.setCurrentWidget(self.entry)
        self.entry.ask(
            self.tr("Quantity of {name} to return").format(name=line_name(line)),
            self.tr("At most {left}.").format(left=line_quantity(left, line)),
            answer,
        )

    def _refresh(self) -> None:
        """The table and the refund preview for what is chosen now."""
        if self.history is None:
            return
        chosen = {k: v for k, v in self.chosen.items() if v}
        refunds: dict[SaleLineId, int] = {}
        self.preview.clear()
        if chosen:
            try:
                draft = self._draft(chosen)
            except ReturnError as error:
                self.show_error(partial(refusal_text, error))
            else:
                refunds = {line.sale_line_id: line.amount_satang for line in draft.lines}
                self.preview.setText(refund_summary(draft))
        else:
            self.preview.setText(self.tr("Nothing chosen yet."))
        self.table.fill(self.history, chosen, refunds)

    def _draft(self, chosen: dict[SaleLineId, int], *, void: bool = False) -> ReturnDraft:
        assert self.history is not None
        rounding = self.till.settings.cash_rounding
        cash = self.refund_in_cash
        return refund_draft(self.history, chosen, rounding, refund_in_cash=cash, void=void)

    def _choice(self) -> ReturnChoice:
        assert self.history is not None
        chosen = {k: v for k, v in self.chosen.items() if v}
        return ReturnChoice(self.history, chosen, self.refund_in_cash, self._note_id)

    # --- the manager's approval and the credit note -------------------------------------------
    def ask_return(self) -> None:
        chosen = {k: v for k, v in self.chosen.items() if v}
        if self.history is None:
            self.show_error(lambda: self.tr("Find the sale first: scan its receipt."))
        elif not chosen:
            self.show_error(lambda: self.tr("Choose at least one line to return (F3, F4 or F5)."))
        elif self._reason_or_complain():
            self._approve(
                self.tr("Return goods of receipt {number}").format(
                    number=self.history.sale.receipt_number
                ),
                self._store_return,
                void=False,
            )

    def ask_void(self) -> None:
        if self.history is None:
            self.show_error(lambda: self.tr("Find the sale first: scan its receipt."))
            return
        try:
            void = self._draft(everything_sold(self.history), void=True)
        except ReturnError as error:
            self.show_error(partial(refusal_text, error))
            return
        self.preview.setText(refund_summary(void))
        if self._reason_or_complain():
            self._approve(
                self.tr("Void the whole receipt {number}").format(
                    number=self.history.sale.receipt_number
                ),
                self._store_void,
                void=True,
            )

    def _reason_or_complain(self) -> bool:
        if text_fields.checked(self.reason, self.show_error) is None:
            return False  # a reason the credit note could not keep: said, and in the field
        if self.reason.text().strip():
            return True
        self.show_error(lambda: self.tr("Type the reason first (it goes on the credit note)."))
        self.reason.setFocus()
        return False

    def _approve(
        self, what: str, store: Callable[[ManagerApproval], CreditNote], *, void: bool
    ) -> None:
        try:  # a refusal before the PIN, never after it (no shift, nothing left, a past day)
            check_before_pin(self.till, self._choice(), self.reason.text(), void=void)
        except ValueError as error:
            self.show_error(refusal_text(error))
            return

        def act(approval: ManagerApproval) -> str | None:
            try:
                note = store(approval)
            except ApprovalLockedError as locked:
                return locked_text(locked.seconds)
            except ApprovalRefusedError:
                return self.tr("The manager's PIN is not right.")
            except ValueError as error:  # ReturnError and the store's refusals
                return refusal_text(error)
            self._done(note)
            return None

        self.ui.side.setCurrentWidget(self.entry)
        hint = self.tr("{what}: a manager types their PIN.").format(what=what)
        ask_manager_approval(self.entry, self.till, hint, act)

    def _store_return(self, approval: ManagerApproval) -> CreditNote:
        return store_return(self.till, self._choice(), self.reason.text(), approval)

    def _store_void(self, approval: ManagerApproval) -> CreditNote:
        return store_void(self.till, self._choice(), self.reason.text(), approval)

    def _done(self, note: CreditNote) -> None:
        self.documentQueued.emit(CREDIT_NOTE_DOCUMENT, note.number)

        def show(sentence: str, _severity: str) -> None:
            self.result.setText(credit_note_text(note, sentence))

        kind, probe = CREDIT_NOTE_DOCUMENT, self.print_probe
        self.printing = tell_printing(self.result, probe, kind, note.number, show)
        self.ui.side.setCurrentWidget(self.result)
        found = find_sale(self.till.read_uow_factory, note.sale_receipt_number)
        if found is not None:
            self.history, self.chosen = found, {}
            self.sale_info.setText(sale_summary(found, self._scheme_name))
            self._refresh()
        self._note_id = CreditNoteId(uuid.uuid4())
        self.reason.clear()
        self._status(lambda: self.tr("Credit note {number} stored.").format(number=note.number))
        self.receipt_input.setFocus()

    # --- tax invoice --------------------------------------------------------------------------
    def ask_buyer(self) -> None:
        if self.history is None:
            self.show_error(lambda: self.tr("Find the sale first: scan its receipt."))
            return
        self.ui.side.setCurrentWidget(self.buyer_panel)
        ask_tax_invoice(self.buyer_panel, self.till, self.history.sale, self._invoice_issued)

    def _invoice_issued(self, invoice: TaxInvoice) -> None:
        self.documentQueued.emit(TAX_INVOICE_DOCUMENT, invoice.number)
        assert self.history is not None
        found = find_sale(self.till.read_uow_factory, self.history.sale.receipt_number)
        if found is not None:
            self.load(found)
        done = self.tr("Full tax invoice {number} issued.").format(number=invoice.number)
        self.printing = tell_printing(
            self, self.print_probe, TAX_INVOICE_DOCUMENT, invoice.number, self._status, before=done
        )

    # --- moving around ------------------------------------------------------------------------
    def _question_closed(self) -> None:
        if self.ui.side.currentWidget() in (self.entry, self.buyer_panel):  # not the result shown
            self.show_actions()

    def show_actions(self) -> None:
        self.ui.side.setCurrentWidget(self.actions_page)
        (self.reason if self.history is not None else self.receipt_input).setFocus()

    def escape(self) -> None:
        if self.ui.side.currentWidget() is self.entry and self.entry.is_asking:
            self.entry.cancel()
        elif self.ui.side.currentWidget() is self.buyer_panel:
            self.buyer_panel.cancel()
        else:
            self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
            if step is not None:
                self.table.move_selection(step)
                return True
        return False

    # --- messages -----------------------------------------------------------------------------
    def show_error(self, text: Text) -> None:
        self._status(text, "error")
        self._sound()

    def _status(self, text: Text, severity: str = "info") -> None:
        self.status.show_message(text, severity)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Returns · voids · tax invoices for past sales"))
        self.receipt_input.setPlaceholderText(self.tr("Receipt number (scan or type), Enter"))
        self.ui.buttons["findButton"].set_label(self.tr("Find"))
        self.ui.buttons["backButton"].set_label(self.tr("Back to the cart"))
        self.table.retranslate()
        if self.history is not None:
            self.sale_info.setText(sale_summary(self.history, self._scheme_name))
            self._refresh()
        else:
            self.sale_info.setText(self.tr("Scan the barcode on the receipt, or type its number."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
