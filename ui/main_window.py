"""The counter's window: a header that always names who is logged in, and the screens.

The header shows the shop, the date in the Buddhist era, the terminal, the user
(on every screen, the lock screen included), the language switch (F9) and the
lock (Ctrl+L).  Below it, the log-in / lock screen or the sale screen.  The
window also wires what is not a screen: the scan router (wedge scanners), the
serial-port scanner, the idle lock, the customer display, and the journal's
warnings when the cart cannot be saved.

Payment, returns and the menu's actions are added by :class:`ui.checkout_flow.CheckoutFlow`.
The seam for printing (issue 5): documents are queued in the store in the
transaction that makes them; then the window emits ``documentQueued(kind,
reference)`` (and ``saleCompleted(receipt_number)``) and calls ``print_wake``
(e.g. the print worker's ``wake``) if set; "no sale" calls ``kick_drawer`` if
set.  Both hooks may stay ``None``: the jobs wait in the queue.

Settings changed while the counter runs (the settings screen, the printer
and header dialogs) arrive through the context's notices
(:mod:`pos.settings.services.notices`): the window gives them to the till
and applies what it keeps itself — the idle lock's minutes, the POS ID in
the header — so no restart is needed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.adapters.serial_scanner import SerialScanner
from pos.bootstrap import AppContext
from pos.clock import SystemClock
from pos.sale.services.checkout import SALE_DOCUMENT
from pos.settings.domain.shop_settings import Settings
from pos.thai_dates import thai_datetime
from pos.till.domain.rules import SavedCart, TillError
from pos.till.services.session import TillSession
from ui.checkout_flow import CheckoutFlow
from ui.counter_menu import BackOffice
from ui.customer_display import CustomerDisplayController
from ui.elided import ElidedLabel, keep_its_width
from ui.i18n import is_thai, toggle_language
from ui.idle import IdleLock
from ui.live_text import live_text, live_title, mark_data
from ui.login_screen import LoginScreen
from ui.messages import journal_error_text, problem_text
from ui.sale_screen import SaleScreen
from ui.scan_router import InputTap, ScanRouter
from ui.sound import ErrorSound
from ui.sync_panel import SyncPanel
from ui.widgets import bind_shortcut, named

CLOCK_REFRESH_MS = 15_000
CLOSE_ON_LOCK = "closeOnLock"  # a dialog with this property set closes when the till locks


def key_under(text: str) -> str:
    """``Lock (Ctrl+L)`` with its key on a second line: the header's buttons fit 1024 px."""
    return text.replace(" (", "\n(", 1)


class _ThreadBridge(QObject):
    """Signals that carry news from the scanner and journal threads to the GUI thread."""

    codeScanned = Signal(str)
    scannerStatus = Signal(bool, str)
    journalFailed = Signal(str)


class CounterWindow(QMainWindow):
    """The whole counter app in one window."""

    saleCompleted = Signal(str)  # receipt number: the sale and its receipt job are durable
    documentQueued = Signal(str, str)  # print job kind ("sale", "credit_note", …), reference

    def __init__(
        self,
        till: TillSession,
        sound: ErrorSound | None = None,
        *,
        context: AppContext | None = None,  # the store: the menu and the printer's status need it
    ):
        super().__init__()
        self.print_wake: Callable[[], None] | None = None  # the print worker's wake(), if any
        self.kick_drawer: Callable[[], object] | None = None  # opens the cash drawer (no sale)
        self.till = till
        self.sound = sound or ErrorSound()
        self._bridge = _ThreadBridge(self)
        self.restored: SavedCart | None = till.restore()
        self.restore_notice = (
            ""  # said at the log-in after a restore (the printer's line adds to it)
        )
        self._make_pages()
        self._build()
        self.context = context
        self._add_back_office(context)
        self._add_header_status(context)
        self.login.loggedIn.connect(self._logged_in)
        self._wire_input()
        self._wire_bridge()
        self._stop_notices = (
            context.notices.subscribe(self.apply_settings) if context is not None else None
        )
        self.checkout = CheckoutFlow(self)
        self.serial_scanner: SerialScanner | None = None
        self._clock = QTimer(self, interval=CLOCK_REFRESH_MS)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        live_title(
            self, lambda: self.tr("OTOP Sisaket — {till}").format(till=till.settings.terminal_id)
        )
        self.show_login()
        self.retranslate()

    def _make_pages(self) -> None:
        """The log-in and sale screens in the page stack, and the header's own widgets."""
        self.login = LoginScreen(self.till)
        self.sale = SaleScreen(self.till, self.sound)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.login)
        self.pages.addWidget(self.sale)
        self.scan_pages: set[QWidget] = {self.sale}  # pages where scans are taken
        # the person's name: data for the language check, cut with "…" when the header is full
        self.user_label = mark_data(named(ElidedLabel(), "userLabel"))
        self.clock_label = named(QLabel(), "clockLabel")
        # the other language, named in that language: data for the language check
        self.language_button = mark_data(named(QPushButton(), "languageButton"))
        self.lock_button = named(QPushButton(), "lockButton")
        self.logout_button = named(QPushButton(), "logoutButton")

    def _add_back_office(self, context: AppContext | None) -> None:
        self.back_office = BackOffice(self, context) if context is not None else None
        if self.back_office is not None:  # printer status and menu in the header (issue 5)
            row = self._header_row
            row.insertWidget(row.indexOf(self.header_identity) + 1, self.back_office.status_line)
            row.insertWidget(row.indexOf(self.user_label) + 1, self.back_office.menu_button)
            keep_its_width(self.back_office.menu_button)
            self.print_wake = context.wake_printer if context is not None else None

    def _add_header_status(self, context: AppContext | None) -> None:
        # The shift (on top) and the sync (below) share one column: two one-line statuses at a
        # readable size, where side by side they only fitted a 1366-pixel header as 8-pt pairs.
        self.header_status = named(QWidget(), "headerStatus")
        self.header_status_column = QVBoxLayout(self.header_status)
        self.header_status_column.setContentsMargins(6, 0, 6, 0)
        self.header_status_column.setSpacing(0)
        self._header_row.insertWidget(
            self._header_row.indexOf(self.user_label) - 1, self.header_status
        )  # before the stretch
        self.sync_panel: SyncPanel | None = None  # the head office: last sync, waiting (issue 7)
        if context is not None and context.engine is not None:
            self.sync_panel = SyncPanel(context, self)
            self.header_status_column.addWidget(self.sync_panel.label)

    def _wire_input(self) -> None:
        """Scans to the sale screen, any key or click to the idle lock, the customer display."""
        self.router = ScanRouter(
            self.sale.scan_input,
            self.sale.submit_scan,
            self.sale_active,
            self.till.settings.wedge_max_key_gap_ms,
        )
        minutes = self.till.settings.idle_lock_minutes
        self.idle = IdleLock(minutes * 60_000, self.lock, self)
        self.input_tap = InputTap(
            self.router, self.idle.activity, self, on_language=self.switch_language
        )
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self.input_tap)
        self.customer_display = CustomerDisplayController(
            self.till, self, enabled=self.till.settings.customer_display
        )
        self.sale.cartChanged.connect(self.customer_display.refresh)

    def _wire_bridge(self) -> None:
        self._bridge.codeScanned.connect(self.serial_code)
        self._bridge.scannerStatus.connect(self._scanner_status)
        self._bridge.journalFailed.connect(
            lambda _: self.sale.show_warning(lambda: journal_error_text())
        )
        self.till.journal.on_error = lambda error: self._bridge.journalFailed.emit(str(error))

    def _build(self) -> None:
        header = named(QWidget(), "header")
        row = QHBoxLayout(header)
        row.setContentsMargins(8, 2, 8, 2)
        row.setSpacing(4)
        self._header_row = row
        self.header_identity = self._identity()
        row.addWidget(self.header_identity)
        row.addStretch(1)
        row.addWidget(self.user_label)
        for button, handler in (
            (self.language_button, self.switch_language),
            (self.lock_button, self.lock),
            (self.logout_button, self.log_out),
        ):
            button.setFocusPolicy(button.focusPolicy().NoFocus)
            keep_its_width(button)
            button.clicked.connect(handler)
            row.addWidget(button)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(header)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        bind_shortcut(self, "F9", self.switch_language)
        bind_shortcut(self, "Ctrl+L", self.lock)

    def apply_settings(self, settings: Settings) -> None:
        """Settings just stored: the till uses them, the idle lock and the header follow."""
        self.till.use_settings(settings)
        self.idle.set_interval(settings.idle_lock_minutes * 60_000)
        self.terminal_label.setText(settings.terminal_id)
        self.setWindowTitle(self.tr("OTOP Sisaket — {till}").format(till=settings.terminal_id))
        self.checkout.settings_changed(settings)

    def _identity(self) -> QWidget:
        """The shop over the date and the terminal: one column, so the header fits 1024 px."""
        self.shop_label = named(QLabel(), "shopLabel")
        live_text(self.shop_label, lambda: self.tr("OTOP Sisaket"))
        # the till's id: data, not words
        self.terminal_label = mark_data(
            named(QLabel(self.till.settings.terminal_id), "terminalLabel")
        )
        identity = named(QWidget(), "headerIdentity")
        column = QVBoxLayout(identity)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.shop_label)
        below = QHBoxLayout()
        below.setSpacing(8)
        below.addWidget(self.clock_label)
        below.addWidget(self.terminal_label)
        below.addStretch(1)
        column.addLayout(below)
        return identity

    def start(self) -> None:
        """After show(): the customer display and the serial scanner, if there are any."""
        self.customer_display.place()
        port = self.till.settings.scanner_serial_port
        if port:
            self.serial_scanner = SerialScanner(
                port,
                self.till.settings.scanner_serial_baudrate,
                self._bridge.codeScanned.emit,
                self._bridge.scannerStatus.emit,
            )
            self.serial_scanner.start()

    # --- who is at the till ---------------------------------------------------------------
    def sale_active(self) -> bool:
        """A screen that takes scans is showing (sale, payment, returns), someone is in, and
        no modal dialog (the menu's history, settings, shift dialogs) has the keyboard."""
        return (
            self.pages.currentWidget() in self.scan_pages
            and self.till.user is not None
            and QApplication.activeModalWidget() is None
        )

    def show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        self._show_user()

    def document_queued(self, kind: str, reference: str) -> None:
        """A print job was committed: tell whoever prints (see the module's docstring)."""
        if kind == SALE_DOCUMENT:
            self.saleCompleted.emit(reference)
        self.documentQueued.emit(kind, reference)
        if self.print_wake is not None:
            self.print_wake()

    def show_login(self) -> None:
        self.login.load_users()
        self.login.set_locked(None)
        self.pages.setCurrentWidget(self.login)
        self.login.pin_input.setFocus()
        self.idle.arm(False)
        self._show_user()

    def lock(self) -> None:
        if self.till.user is None or self.pages.currentWidget() is not self.sale:
            return
        for dialog in self.findChildren(QDialog):  # a manager's screen left open: shut with it
            if dialog.isVisible() and dialog.property(CLOSE_ON_LOCK):
                dialog.done(QDialog.DialogCode.Rejected)  # unsaved changes dropped, unasked
        self.login.load_users()
        self.login.set_locked(self.till.user)
        self.pages.setCurrentWidget(self.login)
        self.login.pin_input.setFocus()
        self.idle.arm(False)
        self._show_user()

    def _logged_in(self, _user: object) -> None:
        self.pages.setCurrentWidget(self.sale)
        self.sale.refresh()
        self.sale.focus_scan()
        self.idle.arm(True)
        self._show_user()
        self.restore_notice = ""
        if self.restored is not None:
            self.restore_notice = self.tr(
                "The open cart was restored (%n item(s)).", "", self.restored.item_count
            )
            self.sale.show_info(self.restore_notice)
            self.restored = None

    def log_out(self) -> None:
        try:
            self.till.log_out()
        except TillError as error:
            self.sale.show_error(partial(problem_text, error))
            return
        self.show_login()

    def _show_user(self) -> None:
        user = self.till.user
        if user is None:
            self.user_label.setText(self.tr("Not logged in"))
        else:
            role = self.tr("manager") if user.is_manager else self.tr("cashier")
            self.user_label.setText(f"{user.name} · {role}")
        at_the_sale = user is not None and self.pages.currentWidget() is self.sale
        self.lock_button.setVisible(at_the_sale)
        self.logout_button.setVisible(at_the_sale)
        if self.back_office is not None:
            self.back_office.menu_button.setVisible(at_the_sale)

    # --- scanner, language, clock ---------------------------------------------------------
    def serial_code(self, code: str) -> None:
        self.idle.poke()
        if self.sale_active():
            self.router.submit_code(code)
        else:
            self.login.message.setText(self.tr("Log in first, then scan."))
            self.sound()

    def _scanner_status(self, connected: bool, detail: str) -> None:
        if connected:
            self.sale.show_info(lambda: self.tr("Scanner connected: {port}").format(port=detail))
        else:
            text = self.tr("Scanner not connected ({detail})").format(detail=detail)
            self.sale.show_warning(text)

    def switch_language(self) -> None:
        toggle_language()

    def _tick(self) -> None:
        now = SystemClock().now()
        # numeric in both: "05 Dec 2026" did not fit the 1024-pixel header beside the statuses
        text = thai_datetime(now) if is_thai() else now.strftime("%d/%m/%Y %H:%M")
        self.clock_label.setText(text)

    def retranslate(self) -> None:
        self.language_button.setText(key_under("English (F9)" if is_thai() else "ภาษาไทย (F9)"))
        self.lock_button.setText(key_under(self.tr("Lock (Ctrl+L)")))
        self.logout_button.setText(self.tr("Log out"))
        self._show_user()
        self._tick()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._stop_notices is not None:
            self._stop_notices()
        if self.serial_scanner is not None:
            self.serial_scanner.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.input_tap)
        if self.customer_display.display is not None:
            self.customer_display.display.close()
        self.till.close()
        super().closeEvent(event)
