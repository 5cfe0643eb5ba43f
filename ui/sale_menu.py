"""The sale screen's menu panel (F11): returns, voids, past tax invoices, "no sale" and shifts.

The keys work from the sale screen without opening the menu: F10 returns and
voids, Shift+F10 void the last sale, Ctrl+I a full tax invoice for a past
sale, Ctrl+D open the cash drawer without a sale, Ctrl+O open a shift (issue
6's dialog: the float counted; nothing is sold or refunded without a shift), and
the other shift keys of :mod:`ui.shift_actions` (cash in/out, close the shift,
the manager's reports and day close).
The menu is a panel beside the cart like the other questions of the sale
screen (never a popup that would take the scanner's keys).

"No sale" asks the reason, then a manager's PIN — unless a manager is the one
logged in, who approves their own as with discounts — records the opening in
the audit trail (:func:`pos.sale.services.returns_and_voids.open_drawer_without_sale`) and
only then asks the printer side to kick the drawer (``window.kick_drawer``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from pos.printing.domain.printer_settings import ConnectionKind
from pos.sale.services.returns_and_voids import (
    ApprovalLockedError,
    ApprovalRefusedError,
    ManagerApproval,
    open_drawer_without_sale,
)
from pos.staff.domain.users import User
from pos.text import TextKind, text_problem
from ui import text_fields
from ui.manager_approval import ask_manager_approval
from ui.messages import locked_text
from ui.shift_actions import SHIFT_KEYS, ShiftActions, ShiftHost
from ui.widgets import ActionButton, bind_shortcut, named

if TYPE_CHECKING:
    from ui.checkout_flow import CheckoutFlow

MENU_KEY = "F11"


class MenuPanel(QWidget):
    """Big buttons for what the counter does besides selling."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = named(QLabel(), "entryPrompt")
        self.buttons: dict[str, ActionButton] = {}
        layout = QGridLayout(self)  # two columns: the sale's actions, the shift's; fits 768 px
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title, 0, 0, 1, 2)
        sale_keys = (
            ("returnsButton", "F10"),
            ("voidLastButton", "Shift+F10"),
            ("pastInvoiceButton", "Ctrl+I"),
            ("noSaleButton", "Ctrl+D"),
        )
        for column, keys in enumerate((sale_keys, tuple(SHIFT_KEYS.items()))):
            for row, (name, key) in enumerate(keys, start=1):
                button = ActionButton(name, key, wrap=True)
                button.setMinimumHeight(64)
                self.buttons[name] = button
                layout.addWidget(button, row, column)
        layout.setRowStretch(len(SHIFT_KEYS) + 1, 1)
        self.back = ActionButton("menuBack", "Esc")
        self.back.clicked.connect(self.finished.emit)
        layout.addWidget(self.back, len(SHIFT_KEYS) + 2, 0, 1, 2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Menu"))
        for name, text in (
            ("returnsButton", self.tr("Returns and voids")),
            ("voidLastButton", self.tr("Void the last sale")),
            ("pastInvoiceButton", self.tr("Full tax invoice for a past sale")),
            ("noSaleButton", self.tr("Open the drawer (no sale)")),
            ("openShiftButton", self.tr("Open a shift (count the float)")),
            ("cashInButton", self.tr("Cash in (change brought in)")),
            ("cashOutButton", self.tr("Cash out (to the safe)")),
            ("closeShiftButton", self.tr("Close the shift (count the drawer)")),
            ("managerButton", self.tr("Reports and closing the day (manager)")),
        ):
            self.buttons[name].set_label(text)
        self.back.set_label(self.tr("Back"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class MenuHost(ShiftHost, Protocol):
    """What the menu uses of the counter window: the shift actions' part and the drawer."""

    @property
    def kick_drawer(self) -> Callable[[], object] | None: ...


class CounterMenu(QObject):
    """The menu panel on the sale screen, its keys, and the "no sale" questions."""

    def __init__(self, window: MenuHost, flow: CheckoutFlow):
        super().__init__(window.window())
        self.window, self.flow = window, flow
        self.shifts = ShiftActions(window)
        sale = window.sale
        self.panel = MenuPanel()
        sale.side.addWidget(self.panel)
        self.panel.finished.connect(sale.back_to_finders)
        actions: tuple[tuple[str, str, Callable[[], object]], ...] = (
            ("returnsButton", "F10", lambda: flow.open_returns()),
            ("voidLastButton", "Shift+F10", lambda: flow.open_returns(last_sale=True)),
            ("pastInvoiceButton", "Ctrl+I", lambda: flow.open_returns(last_sale=True, buyer=True)),
            ("noSaleButton", "Ctrl+D", self.ask_no_sale),
            *((name, SHIFT_KEYS[name], run) for name, run in self.shifts.handlers().items()),
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

    # --- no sale ------------------------------------------------------------------------------
    def ask_no_sale(self) -> None:
        sale, till = self.window.sale, self.window.till
        if till.user is None:
            return
        if not self._drawer_connected():  # said before the reason and the PIN, not after
            sale.show_warning(
                self.tr(
                    "No cash drawer is connected to the receipt printer, so there is nothing"
                    " to open. The printer settings name the drawer."
                )
            )
            return

        def answer_reason(text: str, _: User | None) -> str | None:
            reason = " ".join(text.split())
            if not reason:
                return self.tr("Type why the drawer is opened (e.g. change for the float).")
            problem = text_problem(reason, TextKind.REASON)
            if problem is not None:  # the audit record could not keep it: said before the PIN
                return text_fields.message(problem)
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

    def _drawer_connected(self) -> bool:
        """The drawer opens through the receipt printer: one set up, with a drawer pin."""
        with self.window.till.read_uow_factory() as uow:  # as stored now: the dialog changes it
            printer = uow.settings.load().receipt_printer
        return (
            self.window.kick_drawer is not None
            and printer.connection is not ConnectionKind.NONE
            and printer.drawer_pin != 0
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
        except ApprovalLockedError as locked:
            return locked_text(locked.seconds)
        except ApprovalRefusedError:
            return self.tr("The manager's PIN is not right.")
        if window.kick_drawer is not None:
            window.kick_drawer()
            window.sale.show_info(lambda: self.tr("Drawer opened (no sale). Recorded."))
        else:
            window.sale.show_warning(
                lambda: self.tr("Recorded, but no cash drawer is connected to open.")
            )
        return None
