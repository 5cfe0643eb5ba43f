"""How payment, returns and the till's other counter actions fit into the counter window.

:class:`CheckoutFlow` adds the payment and return screens to the window's
pages, points the scan router at whichever screen is showing, and wires:

* Pay (F12, the sale screen's ``payRequested``) → :class:`ui.payment_screen.PaymentScreen`;
  after the sale the sale screen shows the next, empty cart;
* the sale screen's menu (F11) and its keys: returns and voids (F10), void
  the last sale (Shift+F10), a tax invoice for a past sale (Ctrl+I), open the
  drawer without a sale (Ctrl+D), open a shift (Ctrl+O) — see :mod:`ui.sale_menu`;
  Pay with no shift open is refused at once, before any money changes hands;
* the PromptPay QR onto the customer display;
* a manager at a payment without a PromptPay ID: the settings screen on its
  PromptPay page; settings saved meanwhile re-quote the payment (:meth:`settings_changed`).

The printing seam is the window's: every document queued (``"sale"``,
``"credit_note"``, ``"tax_invoice"``) is announced with
:meth:`ui.main_window.CounterWindow.document_queued`, which emits
``documentQueued(kind, reference)`` (and ``saleCompleted(receipt_number)``
for sales) and calls ``window.print_wake`` if the print worker set one.
The job itself is already durable in the store by then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStackedWidget, QWidget

from pos.sale.domain.completed_sale import Sale
from pos.sale.domain.numbering import receipt_number_from_text
from pos.sale.services.checkout import SALE_DOCUMENT
from pos.sale.services.tax_invoices import TAX_INVOICE_DOCUMENT
from pos.shifts.services.shift_lifecycle import current_shift
from ui.document_printing import context_probe
from ui.payment_screen import PaymentScreen
from ui.payment_texts import no_shift_text
from ui.returns_screen import ReturnsScreen
from ui.sale_menu import CounterMenu, MenuHost
from ui.sale_screen import PaymentRequest

if TYPE_CHECKING:
    from pos.bootstrap import AppContext
    from pos.settings.domain.shop_settings import Settings
    from ui.counter_menu import BackOffice
    from ui.customer_display import CustomerDisplayController
    from ui.scan_router import ScanRouter
    from ui.sound import ErrorSound


def is_receipt_char(character: str) -> bool:
    """What a receipt number's Code 128 types: letters, digits and the dash."""
    return character.isascii() and (character.isalnum() or character == "-")


class CheckoutHost(MenuHost, Protocol):
    """What the flow uses of the counter window: the menu's part, the pages and the seams."""

    context: AppContext | None  # the store, when the window runs on one
    back_office: BackOffice | None  # the menu (with a store): the settings screen

    @property
    def sound(self) -> ErrorSound: ...
    @property
    def customer_display(self) -> CustomerDisplayController: ...
    @property
    def pages(self) -> QStackedWidget: ...
    @property
    def scan_pages(self) -> set[QWidget]: ...
    @property
    def router(self) -> ScanRouter: ...
    def show_page(self, page: QWidget) -> None: ...
    def document_queued(self, kind: str, reference: str) -> None: ...


class CheckoutFlow(QObject):
    """The payment and return screens in the counter window."""

    def __init__(self, window: CheckoutHost):
        super().__init__(window.window())
        self.window = window
        self._payment: PaymentScreen | None = None  # built when first needed: a faster start
        self._returns: ReturnsScreen | None = None
        window.sale.payRequested.connect(self.open_payment)
        self.menu = CounterMenu(window, self)

    @property
    def payment(self) -> PaymentScreen:
        if self._payment is None:
            window = self.window
            payment = self._payment = PaymentScreen(window.till, window.sound)
            context = window.context
            if context is not None:  # the store's settings now, and the worker's state
                payment.print_probe = context_probe(context)
            self._add_page(payment)
            payment.completed.connect(self._sale_completed)
            payment.closed.connect(self._payment_closed)
            payment.invoiceIssued.connect(
                lambda number: window.document_queued(TAX_INVOICE_DOCUMENT, number)
            )
            payment.qrShown.connect(window.customer_display.show_payment_qr)
            payment.qrCleared.connect(window.customer_display.clear_payment)
            if window.back_office is not None:
                payment.open_settings = self._set_up_promptpay
                payment.promptpay_page.can_set_up = self._manager_at_till
        return self._payment

    def _manager_at_till(self) -> bool:
        user = self.window.till.user
        return user is not None and user.is_manager

    def _set_up_promptpay(self) -> object:
        """The settings screen on PromptPay; closed, the keyboard is back on the payment."""
        assert self.window.back_office is not None and self._payment is not None
        screen = self.window.back_office.open_settings("promptpay")
        payment = self._payment
        if screen is not None:
            screen.finished.connect(lambda _: self._back_to_payment(payment))
        return screen

    def _back_to_payment(self, payment: PaymentScreen) -> None:
        page = payment.current_page()
        if self.window.pages.currentWidget() is payment and page is not None:
            page.focus_field()
            if not page.fields() or not page.fields()[0].isEnabled():
                payment.setFocus()

    def settings_changed(self, settings: Settings) -> None:
        """Settings just stored: a payment being taken is quoted again."""
        if self._payment is not None:
            self._payment.settings_changed(settings)

    @property
    def returns(self) -> ReturnsScreen:
        if self._returns is None:
            returns = self._returns = ReturnsScreen(self.window.till, self.window.sound)
            if self.window.context is not None:
                returns.print_probe = context_probe(self.window.context)
            self._add_page(returns)
            returns.documentQueued.connect(self.window.document_queued)
            returns.closed.connect(self.back_to_sale)
        return self._returns

    def _add_page(self, page: QWidget) -> None:
        self.window.pages.addWidget(page)
        self.window.scan_pages.add(page)

    # --- pages --------------------------------------------------------------------------------
    def show(self, page: QWidget) -> None:
        router, sale = self.window.router, self.window.sale
        if page is self._payment:
            router.set_target(self.payment.scan_catcher, self.payment.scanned)
        elif page is self._returns:
            terminal = self.window.till.settings.terminal_id
            router.set_target(
                self.returns.receipt_input,
                self.returns.scanned,
                is_scan_char=is_receipt_char,
                wants=lambda code: receipt_number_from_text(code, terminal) is not None,
            )
        else:
            router.set_target(sale.scan_input, sale.submit_scan)
        self.window.show_page(page)

    def back_to_sale(self) -> None:
        self.show(self.window.sale)
        self.window.sale.refresh()
        self.window.sale.focus_scan()

    # --- payment ------------------------------------------------------------------------------
    def open_payment(self, request: PaymentRequest) -> None:
        if current_shift(self.window.till.read_uow_factory) is None:
            self.window.sale.show_error(lambda: no_shift_text())  # before any money changes hands
            return
        try:
            self.payment.start(request)
        except Exception as error:  # the store could not be read: stay on the cart
            detail = str(error)  # kept: the message is worded again at F9
            self.window.sale.show_error(
                lambda: self.tr("The payment cannot start: {detail}").format(detail=detail)
            )
            return
        self.show(self.payment)

    def _sale_completed(self, sale: Sale) -> None:
        self.window.sale.refresh()  # the till already holds the next, empty cart
        self.window.customer_display.refresh()
        self.window.document_queued(SALE_DOCUMENT, sale.receipt_number)

    def _payment_closed(self, held_scans: list[str]) -> None:
        completed = self.payment.sale is not None
        self.back_to_sale()
        if completed:
            self.window.sale.sale_completed()
        for code in held_scans:
            self.window.sale.submit_scan(code)

    # --- returns ------------------------------------------------------------------------------
    def open_returns(self, *, last_sale: bool = False, buyer: bool = False) -> None:
        if self.window.till.user is None:
            return
        self.returns.start(last_sale=last_sale)
        self.show(self.returns)
        if buyer:
            self.returns.ask_buyer()
