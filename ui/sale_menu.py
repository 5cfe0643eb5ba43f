"""The sale screen's menu panel (F11): returns, voids, past tax invoices, "no sale" and shifts.

The keys work from the sale screen without opening the menu: F10 returns and
voids, Shift+F10 void the last sale, Ctrl+I a full tax invoice for a past
sale, Ctrl+D open the cash drawer without a sale, Ctrl+O open a shift (issue
6's dialog: the float counted; nothing is sold or refunded without a shift).
The menu is a panel beside the cart like the other questions of the sale
screen (never a popup that would take the scanner's keys).

"No sale" asks the reason, then a manager's PIN — unless a manager is the one
logged in, who approves their own as with discounts — records the opening in
the audit trail (:func:`pos.services.returns.open_drawer_without_sale`) and
only then asks the printer side to kick the drawer (``window.kick_drawer``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pos.bootstrap import AppContext
from pos.ports import User
from pos.services.returns import ApprovalRefusedError, ManagerApproval, open_drawer_without_sale
from pos.services.shifts import current_shift
from ui.manager_approval import ask_manager_approval
from ui.widgets import ActionButton, bind_shortcut

if TYPE_CHECKING:
    from ui.checkout_flow import CheckoutFlow
    from ui.main_window import CounterWindow

MENU_KEY = "F11"


class MenuPanel(QWidget):
    """Big buttons for what the counter does besides selling."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(objectName="entryPrompt")
        self.buttons: dict[str, ActionButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        for name, key in (
            ("returnsButton", "F10"),
            ("voidLastButton", "Shift+F10"),
            ("pastInvoiceButton", "Ctrl+I"),
            ("noSaleButton", "Ctrl+D"),
            ("openShiftButton", "Ctrl+O"),
        ):
            button = ActionButton(name, key)
            button.setMinimumHeight(64)
            self.buttons[name] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.back = ActionButton("menuBack", "Esc")
        self.back.clicked.connect(self.finished.emit)
        layout.addWidget(self.back)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Menu"))
        for name, text in (
            ("returnsButton", self.tr("Returns and voids")),
            ("voidLastButton", self.tr("Void the last sale")),
            ("pastInvoiceButton", self.tr("Full tax invoice for a past sale")),
            ("noSaleButton", self.tr("Open the drawer (no sale)")),
            ("openShiftButton", self.tr("Open a shift (count the float)")),
        ):
            self.buttons[name].set_label(text)
        self.back.set_label(self.tr("Back"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CounterMenu(QObject):
    """The menu panel on the sale screen, its keys, and the "no sale" questions."""

    def __init__(self, window: CounterWindow, flow: CheckoutFlow):
        super().__init__(window)
        self.window, self.flow = window, flow
        sale = window.sale
        self.panel = MenuPanel()
        sale.side.addWidget(self.panel)
        self.panel.finished.connect(sale.back_to_finders)
        actions: tuple[tuple[str, str, Callable[[], None]], ...] = (
            ("returnsButton", "F10", lambda: flow.open_returns()),
            ("voidLastButton", "Shift+F10", lambda: flow.open_returns(last_sale=True)),
            ("pastInvoiceButton", "Ctrl+I", lambda: flow.open_returns(last_sale=True, buyer=True)),
            ("noSaleButton", "Ctrl+D", self.ask_no_sale),
            ("openShiftButton", "Ctrl+O", self.open_shift),
        )
        for name, key, handler in actions:
            self.panel.buttons[name].clicked.connect(handler)
            bind_shortcut(sale, key, handler)
        bind_shortcut(sale, MENU_KEY, self.show_menu)
        sale.menuRequested.connect(self.show_menu)

    def show_menu(self) -> None:
        sale = self.window.sale
        sale.side.setCurrentWidget(self.panel)
        sale.focus_scan()

    # --- shift ------------------------------------------------------------------------------
    def open_shift(self) -> None:
        """Open a shift with its float (issue 6's dialog); nothing is sold without one."""
        till, sale = self.window.till, self.window.sale
        if till.user is None:
            return
        shift = current_shift(till.read_uow_factory)
        if shift is not None:
            sale.show_info(self.tr("Shift {number} is open.").format(number=shift.number))
            return
        from ui.shift_dialogs import ShiftOpenDialog  # the shift screens load when first used

        context = AppContext(None, till.uow_factory, read_uow_factory=till.read_uow_factory)
        dialog = ShiftOpenDialog(context, till.user, self.window, clock=till.clock)
        if dialog.exec():
            opened = current_shift(till.read_uow_factory)
            number = opened.number if opened is not None else "?"
            sale.show_info(self.tr("Shift {number} is open. Sell away.").format(number=number))
        sale.focus_scan()

    # --- no sale ------------------------------------------------------------------------------
    def ask_no_sale(self) -> None:
        sale, till = self.window.sale, self.window.till
        if till.user is None:
            return

        def answer_reason(text: str, _: User | None) -> str | None:
            reason = " ".join(text.split())
            if not reason:
                return self.tr("Type why the drawer is opened (e.g. change for the float).")
            if till.user is not None and till.user.is_manager:
                return self._open(reason, None)
            hint = self.tr("Opening the drawer without a sale: a manager types their PIN.")
            ask_manager_approval(sale.entry, till, hint, lambda ok: self._open(reason, ok))
            return None

        sale.show_question()
        sale.entry.ask(
            self.tr("Open the drawer without a sale"),
            self.tr("Why? The reason is kept in the audit trail."),
            answer_reason,
            kind="text",
        )

    def _open(self, reason: str, approval: ManagerApproval | None) -> str | None:
        """Record the opening, then kick the drawer (record first: an audit must not be lost)."""
        till, window = self.window.till, self.window
        assert till.user is not None and till.user.user_id is not None
        try:
            open_drawer_without_sale(
                till.uow_factory,
                till.clock,
                user_id=till.user.user_id,
                reason=reason,
                approval=approval,
            )
        except ApprovalRefusedError:
            return self.tr("The manager's PIN is not right.")
        if window.kick_drawer is not None:
            window.kick_drawer()
            window.sale.show_info(self.tr("Drawer opened (no sale). Recorded."))
        else:
            window.sale.show_warning(self.tr("Recorded, but no cash drawer is connected to open."))
        return None
