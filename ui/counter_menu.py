"""The till's menu and the printer's status line, in the header of the counter window.

:class:`BackOffice` is what the counter window gets when it runs on a real
store (it needs the :class:`pos.bootstrap.AppContext`):

* the **menu** button (``menuButton``, shown while someone is logged in at the
  sale screen): the sales history with reprints (anyone logged in), the
  printer settings with a test print (anyone: a cashier may have to switch to
  the spare printer), the header and footer of the documents (managers), the
  manager's reports and day close (:mod:`ui.shift_actions`, also Ctrl+R), the
  staff list (managers, :mod:`ui.staff_dialog`), "Change my PIN" (anyone), and
  the shop's settings (:class:`ui.settings_screen.SettingsScreen`: a manager
  logged in, or a cashier once a manager has typed their PIN); what is saved
  there, and in the printer and header dialogs, reaches the running counter
  through :meth:`pos.bootstrap.AppContext.settings_changed`;
* the **printer status** (:class:`ui.print_status.PrintStatusLine`), fed by the
  print worker (``context.printing``, a :class:`receipts.print_service.PrintService`)
  through a queued signal.  When the printer stops (off, no paper, unplugged)
  the sale screen's status line also says so once, with the warning sound;
  the till keeps selling and the receipts wait in the queue.

Dialogs opened from here are modal: while one is open the scan router leaves
the keyboard to it (:meth:`ui.main_window.CounterWindow.sale_active`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QMenu, QPushButton, QWidget

from pos.bootstrap import AppContext
from pos.ids import UserId
from receipts.queue_status import QueueState, QueueStatus
from ui.live_text import live
from ui.manager_approval import ask_manager_approval
from ui.print_status import PrintStatusBridge, PrintStatusLine, needs_attention
from ui.widgets import named

if TYPE_CHECKING:  # imported when used: python-escpos and reportlab are 0.4 s of start-up
    from pos.till.services.session import TillSession
    from receipts.print_service import PrintService
    from ui.checkout_flow import CheckoutFlow
    from ui.login_screen import LoginScreen
    from ui.printer_settings_dialog import PrinterSettingsDialog
    from ui.receipt_header_dialog import ReceiptHeaderDialog
    from ui.sale_screen import SaleScreen
    from ui.sales_history import SalesHistoryDialog
    from ui.settings_screen import SettingsScreen
    from ui.staff_dialog import StaffDialog
    from ui.staff_forms import StaffForm


class BackOfficeHost(Protocol):
    """What the menu and the print status use of the counter window."""

    kick_drawer: Callable[[], object] | None  # set here once the print service runs
    restore_notice: str  # "the open cart was restored", said at this log-in ("" if not)

    @property
    def till(self) -> TillSession: ...
    @property
    def sale(self) -> SaleScreen: ...
    @property
    def login(self) -> LoginScreen: ...
    @property
    def checkout(self) -> CheckoutFlow: ...  # its shift actions open the manager's screen
    def sale_active(self) -> bool: ...
    def window(self) -> QWidget: ...  # the window itself (QWidget.window()): owns the dialogs
    def activateWindow(self) -> None: ...  # noqa: N802 (Qt's name)


class BackOffice(QObject):
    """The menu, its dialogs and the print status of one counter window."""

    drawer_failed = Signal(str)  # from the drawer-kick thread: why the drawer did not open

    def __init__(self, window: BackOfficeHost, context: AppContext):
        super().__init__(window.window())
        self.window, self.context = window, context
        self.printing: PrintService | None = None
        self.settings_screen: SettingsScreen | None = None  # the last one opened
        self.status_line = PrintStatusLine(self.print_now, self.acknowledge, self._tell_cashier)
        self.menu_button = named(QPushButton(), "menuButton")
        self.menu_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.menu = QMenu(self.menu_button)
        self.menu.setStyleSheet("QMenu { font-size: 14pt; } QMenu::item { padding: 10px 24px; }")
        self.history_action = self.menu.addAction("", self.open_history)
        self.printer_action = self.menu.addAction("", self.open_printer_settings)
        self.header_action = self.menu.addAction("", self.open_header_settings)
        self.reports_action = self.menu.addAction("", self.open_manager_screen)
        self.staff_action = self.menu.addAction("", self.open_staff)
        self.my_pin_action = self.menu.addAction("", self.open_change_my_pin)
        self.settings_action = self.menu.addAction("", lambda: self.open_settings())
        self.menu_button.setMenu(self.menu)
        live(self.menu_button, self._word_menu)
        self._troubled = False  # receipts waited or failed since the printer was last fine
        self._problem = ""  # what the printer last said was wrong, told again at log-in
        window.login.loggedIn.connect(lambda _: QTimer.singleShot(0, self._after_login))
        self.bridge = PrintStatusBridge(self)
        self.bridge.status_changed.connect(self.show_status)
        self.drawer_failed.connect(
            lambda reason: self.window.sale.show_warning(
                lambda: self.tr("The drawer did not open: {reason}").format(reason=reason)
            )
        )
        self.status_line.show_starting()  # "ready" would be a guess until the worker reports
        if hasattr(context.printing, "subscribe"):  # already running
            self.attach(context.printing)  # type: ignore[arg-type]

    def _word_menu(self) -> None:
        self.menu_button.setText(self.tr("Menu"))
        self.history_action.setText(self.tr("Sales history / reprint"))
        self.printer_action.setText(self.tr("Printer settings"))
        self.header_action.setText(self.tr("Receipt header and footer (manager)"))
        self.reports_action.setText(self.tr("Reports and day close (manager)"))
        self.staff_action.setText(self.tr("Staff (managers)"))
        self.my_pin_action.setText(self.tr("Change my PIN"))
        self.settings_action.setText(self.tr("Settings (manager)"))

    def attach(self, printing: PrintService) -> None:
        """Follow the print service's status (it starts after the window, off the GUI thread)."""
        self.printing = printing
        printing.subscribe(self.bridge.report)
        self.window.kick_drawer = lambda: printing.kick_drawer(self.drawer_failed.emit)
        self.show_status(printing.status)

    def _user_id(self) -> UserId | None:
        user = self.window.till.user
        return user.user_id if user is not None else None

    # --- the printer's status -------------------------------------------------------------
    def show_status(self, status: QueueStatus) -> None:
        """The header follows every status; the cashier hears of a problem once, and its end."""
        self.status_line.show_status(status)
        troubled, self._troubled = (
            self._troubled,
            (needs_attention(status) or (self._troubled and status.state is QueueState.PRINTING)),
        )
        if needs_attention(status):
            self._problem = status.message
        if not self.window.sale_active():
            return
        if needs_attention(status) and not troubled:
            self.window.sale.show_warning(status.message)
        elif troubled and status.state is QueueState.IDLE:
            self.window.sale.show_info(
                lambda: self.tr("Printer ready: every waiting receipt has printed.")
            )

    def _after_login(self) -> None:
        """Receipts waiting from before (the printer was off at start): say so at the sale —
        also when the log-in falls on one of the worker's retries (a moment of "printing")."""
        if self._troubled and self._problem and self.window.sale_active():
            # said together: the printer's problem must not hide that the cart came back
            notice, self.window.restore_notice = self.window.restore_notice, ""
            self.window.sale.show_warning(f"{notice} {self._problem}".strip())

    def _tell_cashier(self, message: str) -> None:
        if self.window.sale_active():
            self.window.sale.show_info(message)

    def print_now(self) -> None:
        self.context.wake_printer()

    def acknowledge(self) -> None:
        if self.printing is not None:
            self.printing.acknowledge_failures()

    # --- the menu's dialogs ---------------------------------------------------------------
    def _opened(self, dialog: QDialog) -> None:
        """Gone when closed; the keyboard goes back to the scan field."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _: self._back_to_selling())

    def _back_to_selling(self) -> None:
        self.window.activateWindow()
        self.window.sale.focus_scan()

    def open_history(self) -> SalesHistoryDialog:
        from ui.sales_history import SalesHistoryDialog

        dialog = SalesHistoryDialog(self.context, self._user_id(), self.window.window())
        self._opened(dialog)
        dialog.open()
        return dialog

    def open_printer_settings(self) -> PrinterSettingsDialog:
        from ui.printer_settings_dialog import PrinterSettingsDialog

        dialog = PrinterSettingsDialog(self.context, self.window.window(), user_id=self._user_id())
        self._opened(dialog)
        dialog.settings_saved.connect(lambda _: self.context.wake_printer())
        dialog.settings_saved.connect(lambda _: self.context.settings_changed())
        dialog.open()
        return dialog

    def open_header_settings(self) -> ReceiptHeaderDialog | None:
        user = self.window.till.user
        if user is None or not user.is_manager:
            self.window.sale.show_error(
                lambda: self.tr(
                    "Receipt header and footer: managers only (log in with a manager's PIN)."
                )
            )
            return None
        from ui.receipt_header_dialog import ReceiptHeaderDialog

        dialog = ReceiptHeaderDialog(self.context, user.user_id, self.window.window())
        self._opened(dialog)
        dialog.settings_saved.connect(lambda _: self.context.settings_changed())
        dialog.open()
        return dialog

    def open_settings(self, section: str = "shop") -> SettingsScreen | None:
        """The settings screen on ``section``: at once for a manager logged in; for a cashier,
        once a manager has typed their PIN (as for "no sale"), changes audited in their name."""
        user = self.window.till.user
        if user is None:
            return None
        if user.is_manager and user.user_id is not None:
            return self._settings_screen(user.user_id, section)
        sale = self.window.sale
        sale.show_question()
        hint = self.tr("The shop's settings: a manager types their PIN.")
        ask_manager_approval(
            sale.entry, self.window.till, hint, lambda ok: self._approved(ok.manager_id, section)
        )
        return None

    def _approved(self, manager_id: UserId, section: str) -> str | None:
        # after the question panel has closed, so it does not take the keyboard back
        QTimer.singleShot(0, lambda: self._settings_screen(manager_id, section))
        return None

    def _settings_screen(self, manager_id: UserId, section: str) -> SettingsScreen:
        from ui.settings_screen import SettingsScreen

        screen = SettingsScreen(self.context, manager_id, self.window.window(), section=section)
        self._opened(screen)
        screen.open()
        screen.activateWindow()  # the keyboard goes to the screen, not the till behind it
        self.settings_screen = screen
        return screen

    def open_manager_screen(self) -> object:
        """The manager's reports, X and Z (the sale screen's Ctrl+R does the same)."""
        return self.window.checkout.menu.shifts.open_manager_screen()

    # --- staff (issue 13) -----------------------------------------------------------------
    def open_staff(self) -> StaffDialog | None:
        """The staff list: a manager logged in (their PIN was checked at log-in)."""
        user = self.window.till.user
        if user is None or not user.is_manager or user.user_id is None:
            self.window.sale.show_error(self.tr("Staff: managers only (log in as a manager)."))
            return None
        from ui.staff_dialog import StaffDialog

        dialog = StaffDialog(self.context, user.user_id, self.window.window())
        self._opened(dialog)
        dialog.open()
        return dialog

    def open_change_my_pin(self) -> StaffForm | None:
        """The logged-in user's own PIN: the old one, then the new one twice."""
        from pos.staff.services import staff_admin
        from ui.staff_forms import StaffForm

        user = self.window.till.user
        if user is None or user.user_id is None:
            return None
        if not staff_admin.managed_here(self.context.uow_factory):
            self.window.sale.show_error(
                self.tr("Staff are managed at the head office: change your PIN there.")
            )
            return None
        user_id, factory = user.user_id, self.context.uow_factory
        form = StaffForm(
            lambda: self.tr("Change my PIN"),  # the name is on the header: no name in a title
            lambda entry: staff_admin.change_own_pin(
                factory,
                self.window.till.clock,
                user_id=user_id,
                old_pin=entry.old_pin,
                new_pin=entry.new_pin,
                where="till",
            ),
            self.window.window(),
            old_pin=True,
        )
        self._opened(form)
        form.accepted.connect(lambda: self.window.sale.show_info(self.tr("Your PIN is changed.")))
        form.open()
        return form
