"""The payment step: tenders in any mix, the change shown large, checkout, the next customer.

A page of the counter window (not a modal dialog: a scan must never be typed
into a dialog or lost).  On the left what is being paid — the total, the
tenders taken with the scheme shares, what is still due and the change — on
the right the tender pages (:mod:`ui.tender_pages`, :mod:`ui.scheme_page`)
and the buyer-details panel.

Keyboard first; every key is on its button: F1 cash, F2 PromptPay, F3 card,
F4 scheme (again: next scheme); F5–F8, F10 the 20–1000 baht notes, F11
exact cash; Enter adds what is typed, and once the tenders cover the total
completes the sale; Ctrl+Enter "transfer received"; Ctrl+I buyer details;
Ctrl+Del drops a tender; Esc back to the cart (twice when a card or
PromptPay payment was already taken).

Without a PromptPay ID the PromptPay page takes no input: Enter and
Ctrl+Enter there say PromptPay is not set up (they do not try to complete
the sale); a manager's button opens the settings screen on its PromptPay
page (:attr:`PaymentScreen.open_settings`), and once it is saved
:meth:`PaymentScreen.settings_changed` quotes the payment again, tenders kept.

Completing calls :func:`pos.till.services.pay.pay`: the sale, the
cart's removal and the receipt's print job commit together before
:attr:`PaymentScreen.completed` is emitted.  A refusal changes nothing and is
shown on the status line; the tenders stay so the cashier can fix one.  The
change then stays on screen until the next scan or Enter.  Codes scanned
during the payment are kept and handed back with :attr:`PaymentScreen.closed`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QWidget,
)

from pos.bootstrap import STORE_FAILURES
from pos.money import format_baht
from pos.printing.services.print_jobs import SALE_DOCUMENT, TAX_INVOICE_DOCUMENT
from pos.sale.domain.completed_sale import BuyerDetails, Sale, TaxInvoice
from pos.sale.domain.payment import payable_lines
from pos.sale.domain.schemes import SchemeBook
from pos.sale.domain.tenders import (
    CashTender,
    PaymentError,
    PaymentProgress,
    Tender,
    TenderKind,
    progress,
)
from pos.settings.domain.shop_settings import Settings
from pos.till.domain.rules import TillError, cart_from_snapshot
from pos.till.services.pay import pay, quote_draft
from pos.till.services.session import TillSession
from ui.buyer_details import BuyerDetailsPanel, ask_tax_invoice
from ui.document_printing import PrintFollower, Probe, store_probe, tell_printing
from ui.live_text import Text
from ui.messages import problem_text
from ui.payment_layout import KIND_KEYS, PaymentUi
from ui.payment_style import PAYMENT_STYLE
from ui.payment_summary import DonePanel, settled_view
from ui.payment_texts import refusal_text, scheme_name, store_failure_text
from ui.sale_screen import PaymentRequest
from ui.scheme_page import SchemePage
from ui.tender_pages import (
    CardPage,
    CashPage,
    InputError,
    PaymentState,
    PromptPayPage,
    TenderPage,
)


class PaymentScreen(QWidget):
    completed = Signal(object)  # the Sale, committed
    invoiceIssued = Signal(str)  # a full tax invoice asked for after paying, committed
    closed = Signal(list)  # back to the sale screen, with the codes scanned meanwhile
    qrShown = Signal(QImage, str)
    qrCleared = Signal()

    def __init__(self, till: TillSession, sound: Callable[[], None]):
        super().__init__()
        self.setObjectName("paymentScreen")
        self.setStyleSheet(PAYMENT_STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.till, self._sound = till, sound
        self.pages = {
            page.kind: page for page in (CashPage(), PromptPayPage(), CardPage(), SchemePage())
        }
        self.buyer_panel = BuyerDetailsPanel()
        self.buyer_panel.finished.connect(self._show_tender_page)
        self.done_panel = DonePanel()
        self.scan_catcher = QLineEdit()  # where the scan router puts keys typed elsewhere
        self.scan_catcher.hide()
        self.ui = PaymentUi()
        self.ui.setup(self)
        self.request: PaymentRequest | None = None
        self.tenders: list[Tender] = []
        self.buyer: BuyerDetails | None = None
        self.sale: Sale | None = None
        self.held_scans: list[str] = []
        self._leave_warned = False
        # the counter window gives the print worker's state; the store says the rest
        self.print_probe: Probe = store_probe(till.read_uow_factory, lambda: None)
        self.printing: PrintFollower | None = None
        # the settings screen on its PromptPay page (the counter window sets it; a manager's)
        self.open_settings: Callable[[], object] | None = None
        self.promptpay_page.setupRequested.connect(self._set_up_promptpay)
        self.retranslate()

    def qr_status(self, _caption: str) -> None:
        """The QR is shown: the status line says what comes next, with the amount.

        The caption given is the customer's (both languages); this line is in the cashier's."""
        amount = format_baht(self.promptpay_page.shown_satang or 0)
        self._status(
            lambda: self.tr(
                "The customer scans the QR (PromptPay {amount}). Ctrl+Enter once the transfer"
                " has arrived."
            ).format(amount=amount)
        )

    @property
    def cash_page(self) -> CashPage:
        page = self.pages[TenderKind.CASH]
        assert isinstance(page, CashPage)
        return page

    @property
    def promptpay_page(self) -> PromptPayPage:
        page = self.pages[TenderKind.PROMPTPAY]
        assert isinstance(page, PromptPayPage)
        return page

    # --- starting and state -------------------------------------------------------------------
    def start(self, request: PaymentRequest) -> None:
        """A new payment for the cart in ``request`` (the sale screen's Pay)."""
        self.request = request
        self.quote = quote_draft(request.till, request.draft)
        cart, _ = cart_from_snapshot(request.draft.cart)
        self.lines = tuple(payable_lines(cart, self.quote.totals))
        self.book = SchemeBook(tuple(offer.scheme for offer in self.quote.schemes))
        self.tenders, self.buyer, self.sale, self.held_scans = [], None, None, []
        self._leave_warned = False
        self._status(lambda: self.tr("Take the payment. Enter completes the sale once it is paid."))
        self.refresh()
        self.select(TenderKind.CASH)

    def settings_changed(self, _settings: Settings | None = None) -> None:
        """The settings were changed while paying: quote again (PromptPay ID, rounding),
        keeping the tenders taken; if they no longer fit, the next payment uses the change."""
        if self.request is None or self.sale is not None:
            return
        old = self.quote, self.book
        self.quote = quote_draft(self.request.till, self.request.draft)
        self.book = SchemeBook(tuple(offer.scheme for offer in self.quote.schemes))
        try:
            self.progress_of(self.tenders)
        except PaymentError:
            self.quote, self.book = old
        self.refresh()  # the focus stays where it is (the settings screen, still open)

    def _set_up_promptpay(self) -> None:
        if self.open_settings is not None:
            self.open_settings()

    def progress_of(self, tenders: list[Tender]) -> PaymentProgress:
        return progress(
            self.quote.total_satang, tenders, self.quote.cash_rounding, self.book, self.quote.at
        )

    def state(self) -> PaymentState:
        return PaymentState(
            self.quote,
            self.progress_of(self.tenders),
            tuple(self.tenders),
            self.lines,
            self.book,
            self.quote.at,
        )

    def refresh(self) -> None:
        state = self.state()
        for page in self.pages.values():
            page.prepare(state)
        self._show_summary(state.progress)

    def _show_summary(self, paid: PaymentProgress) -> None:
        self.ui.summary.show_totals(self.quote.totals)
        if self.sale is not None:
            self.ui.summary.show_tenders(self.sale.tenders, self._scheme_name)
            self.ui.summary.show_progress(paid, change_satang=self.sale.change_satang)
        else:
            settled = [settled_view(t, self.book, self.quote.at) for t in self.tenders]
            self.ui.summary.show_tenders(settled, self._scheme_name)
            self.ui.summary.show_progress(paid)
        self.ui.complete_button.setEnabled(paid.complete and self.sale is None)
        self.ui.summary.show_buyer(self.buyer.name if self.buyer else None)
        self._enable_actions()

    def _enable_actions(self) -> None:
        """Only what still applies can be pressed: no tender once the sale is stored."""
        open_sale = self.sale is None
        self.ui.buttons["removeTender"].setEnabled(open_sale and bool(self.tenders))
        for _, kind in KIND_KEYS:
            self.ui.buttons[f"kind_{kind.value}"].setEnabled(open_sale)

    def _scheme_name(self, code: str) -> str:
        return scheme_name(self.book.get(code)) if code else ""

    # --- tenders ------------------------------------------------------------------------------
    def select(self, kind: TenderKind) -> None:
        if self.sale is not None:
            return
        page = self.pages[kind]
        if self.ui.stack.currentWidget() is page and isinstance(page, SchemePage):
            page.next_scheme()
        self.ui.stack.setCurrentWidget(page)
        self.ui.buttons[f"kind_{kind.value}"].setChecked(True)
        page.focus_field()

    def current_page(self) -> TenderPage | None:
        page = self.ui.stack.currentWidget()
        return page if isinstance(page, TenderPage) else None

    def add(self, tender: Tender) -> None:
        """Take a tender if the payment can take it; otherwise say why."""
        if self.sale is not None:
            return
        try:
            after = self.progress_of([*self.tenders, tender])
        except PaymentError as error:
            self.show_error(partial(refusal_text, error))
            return
        self.tenders.append(tender)
        self._leave_warned = False
        self.refresh()
        if after.complete:
            text = self.tr("Paid. Enter completes the sale.")
            if after.change_satang:
                text = self.tr("Give {change} change. Enter completes the sale.").format(
                    change=format_baht(after.change_satang)
                )
            self._status(text)
        else:
            self._status(
                lambda: self.tr("{due} is still due.").format(
                    due=format_baht(after.remaining_satang)
                )
            )
        page = self.current_page()
        if page is not None:
            page.focus_field()

    def remove_tender(self) -> None:
        if self.sale is not None or not self.tenders:
            return
        row = self.ui.summary.tender_list.currentRow()
        removed = self.tenders.pop(row if 0 <= row < len(self.tenders) else -1)
        self.refresh()
        self._status(
            lambda: self.tr("Tender removed: {amount}.").format(
                amount=format_baht(removed.amount_satang)
            )
        )

    def enter(self) -> None:
        if self.sale is not None:
            self.leave()
            return
        page = self.current_page()
        if isinstance(page, PromptPayPage) and not page.available:
            self.show_warning(page.not_set_up_text())  # Enter here never completes the sale
            return
        if page is not None and page.has_input():
            try:
                tender = page.enter()
            except InputError as problem:
                self.show_error(str(problem))
                return
            if tender is not None:
                self.add(tender)
            return
        self.complete()

    def complete(self) -> None:
        if self.sale is not None or self.request is None:
            return
        paid = self.progress_of(self.tenders)
        if not paid.complete:
            self.show_error(
                lambda: self.tr("{due} is still due.").format(
                    due=format_baht(paid.remaining_satang)
                )
            )
            return
        try:
            sale = pay(self.request.till, self.request.draft, self.tenders, self.buyer)
        except TillError as error:
            self.show_error(partial(problem_text, error))
            return
        except ValueError as error:  # PaymentError, CheckoutError, and the store's refusals
            self.show_error(partial(refusal_text, error))
            return
        except STORE_FAILURES as error:
            self.show_error(partial(store_failure_text, error))
            return
        self.sale = sale
        self.qrCleared.emit()
        self._show_done(sale)
        self.completed.emit(sale)

    def _show_done(self, sale: Sale) -> None:
        self._show_summary(self.progress_of(self.tenders))
        self.done_panel.show_sale(sale)
        self.ui.stack.setCurrentWidget(self.done_panel)
        self._tell_printing(SALE_DOCUMENT, sale.receipt_number, self.tr("Saved."))
        self.setFocus()

    def _tell_printing(self, kind: str, number: str, before: str) -> None:
        say, probe = self._status, self.print_probe
        self.printing = tell_printing(
            self, probe, kind, number, say, before=before, previous=self.printing
        )

    def ctrl_enter(self) -> None:
        """Ctrl+Enter: save the buyer's details when asking them, else "transfer received"."""
        if self.ui.stack.currentWidget() is self.buyer_panel:
            self.buyer_panel.save()
        elif self.current_page() is self.promptpay_page and not self.promptpay_page.available:
            self.show_warning(self.promptpay_page.not_set_up_text())
        else:
            self.promptpay_page.confirm()

    # --- buyer details ------------------------------------------------------------------------
    def ask_buyer(self) -> None:
        if self.sale is not None:  # asked right after paying: the sale's full tax invoice
            self.ui.stack.setCurrentWidget(self.buyer_panel)
            ask_tax_invoice(self.buyer_panel, self.till, self.sale, self._invoice_issued)
            return
        if self.request is None:
            return

        def answer(details: BuyerDetails, _: str | None) -> str | None:
            self.buyer = details
            self.refresh()
            return None

        self.ui.stack.setCurrentWidget(self.buyer_panel)
        self.buyer_panel.ask(answer, initial=self.buyer)

    def _invoice_issued(self, invoice: TaxInvoice) -> None:
        self.invoiceIssued.emit(invoice.number)
        done = self.tr("Full tax invoice {number} issued.").format(number=invoice.number)
        self._tell_printing(TAX_INVOICE_DOCUMENT, invoice.number, done)

    def _show_tender_page(self) -> None:
        if self.sale is not None:
            self.ui.stack.setCurrentWidget(self.done_panel)
            self.setFocus()
            return
        checked = self.ui.kind_group.checkedButton()
        kind = next(
            (k for _, k in KIND_KEYS if self.ui.buttons[f"kind_{k.value}"] is checked),
            TenderKind.CASH,
        )
        self.ui.stack.setCurrentWidget(self.pages[kind])
        self.pages[kind].focus_field()

    # --- leaving ------------------------------------------------------------------------------
    def escape(self) -> None:
        if self.ui.stack.currentWidget() is self.buyer_panel:
            self.buyer_panel.cancel()
            return
        taken = [t for t in self.tenders if not isinstance(t, CashTender)]
        if self.sale is None and taken and not self._leave_warned:
            self._leave_warned = True
            self.show_warning(
                lambda: self.tr(
                    "A card, PromptPay or scheme payment was already taken."
                    " Esc again drops the tenders and goes back to the cart."
                )
            )
            return
        self.leave()

    def leave(self) -> None:
        self.qrCleared.emit()
        held, self.held_scans = self.held_scans, []
        self.request = None
        self.closed.emit(held)

    def scanned(self, code: str) -> None:
        """A scan while paying is kept for the cart; after the sale it starts the next one."""
        if self.sale is not None:
            self.held_scans.append(code)
            self.leave()
            return
        self.held_scans.append(code)
        self.show_warning(
            lambda: self.tr(
                "Code {code} was scanned during the payment. It goes into the"
                " cart when you go back (Esc), or into the next sale."
            ).format(code=code)
        )

    # --- messages -----------------------------------------------------------------------------
    def show_error(self, text: Text) -> None:
        self._status(text, "error")
        self._sound()

    def show_warning(self, text: Text) -> None:
        self._status(text, "warning")
        self._sound()

    def _status(self, text: Text, severity: str = "info") -> None:
        self.ui.status.show_message(text, severity)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter()
            return
        super().keyPressEvent(event)

    def retranslate(self) -> None:
        labels = {
            "kind_cash": self.tr("Cash"),
            "kind_promptpay": self.tr("PromptPay"),
            "kind_card": self.tr("Card"),
            "kind_scheme": self.tr("Scheme"),
            "backToCart": self.tr("Back to the cart"),
            "removeTender": self.tr("Remove tender"),
            "buyerButton": self.tr("Tax invoice"),
            "completeButton": self.tr("Complete sale"),
        }
        for name, text in labels.items():
            self.ui.buttons[name].set_label(text)
        if self.request is not None:
            self._show_summary(self.progress_of(self.tenders))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
