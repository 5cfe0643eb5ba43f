"""The shift and day-close work of the till, opened from the sale screen's menu (F11) and keys.

Issue 6 built the dialogs (:mod:`ui.shift_dialogs`, :mod:`ui.day_close_dialog`)
and the manager's screen (:mod:`ui.manager_screen`); this module puts them at
the counter:

* **Ctrl+O** open a shift with the counted float (nothing is sold without one);
* **Ctrl+J** cash in (change brought in), **Ctrl+K** cash out (to the safe),
  each with its reason;
* **Ctrl+Shift+O** close the shift with the blind count;
* **Ctrl+R** the manager's screen: reports over any dates, X, and closing the
  day with the Z report (managers only; a cashier is told to call one).

The header shows the shift (``shiftLabel``): its number and when it opened,
or, in amber, that none is open and Ctrl+O opens one — a hint always in
sight rather than a dialog popping up at log-in, which would swallow the
first scan of the day, or a status message that others would overwrite.
The dialogs are modal while open (the scan router leaves the keyboard to
them) and give it back to the scan field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from pos.bootstrap import AppContext
from pos.clock import THAI_TIME
from pos.shifts.domain.cash_control import CashMovementKind
from pos.shifts.services.shift_lifecycle import current_shift
from ui.live_text import live
from ui.style import HEADER_PT
from ui.widgets import named

if TYPE_CHECKING:
    from pos.till.services.session import TillSession
    from ui.login_screen import LoginScreen
    from ui.manager_screen import ManagerScreen
    from ui.sale_screen import SaleScreen

_STATUS = f"font-size: {HEADER_PT}pt;"
SHIFT_KEYS = {
    "openShiftButton": "Ctrl+O",
    "cashInButton": "Ctrl+J",
    "cashOutButton": "Ctrl+K",
    "closeShiftButton": "Ctrl+Shift+O",
    "managerButton": "Ctrl+R",
}


class ShiftHost(Protocol):
    """What the shift actions use of the counter window (:class:`ui.main_window.CounterWindow`)."""

    @property
    def till(self) -> TillSession: ...
    @property
    def context(self) -> AppContext | None: ...
    @property
    def sale(self) -> SaleScreen: ...
    @property
    def login(self) -> LoginScreen: ...
    @property
    def header_status_column(self) -> QVBoxLayout: ...
    def window(self) -> QWidget: ...  # the window itself (QWidget.window()): owns the dialogs
    def activateWindow(self) -> None: ...  # noqa: N802 (Qt's name)


class ShiftActions(QObject):
    """Opens the shift dialogs for whoever is logged in at the till."""

    def __init__(self, window: ShiftHost):
        super().__init__(window.window())
        self.window = window
        self.manager_screen: ManagerScreen | None = None
        self.label = named(QLabel(), "shiftLabel")
        window.header_status_column.insertWidget(0, self.label)  # above the sync status
        window.login.loggedIn.connect(lambda _: self.show_shift())
        live(self.label, self.show_shift)  # now, and again at F9

    def handlers(self) -> dict[str, Callable[[], object]]:
        """The menu button's object name → what it does (keys in ``SHIFT_KEYS``)."""
        return {
            "openShiftButton": self.open_shift,
            "cashInButton": lambda: self.move_cash(CashMovementKind.CASH_IN),
            "cashOutButton": lambda: self.move_cash(CashMovementKind.CASH_OUT),
            "closeShiftButton": self.close_shift,
            "managerButton": self.open_manager_screen,
        }

    def context(self) -> AppContext:
        """The window's store, or one made of the till's units of work (tests without a store)."""
        if self.window.context is not None:
            return self.window.context
        till = self.window.till
        return AppContext(None, till.uow_factory, read_uow_factory=till.read_uow_factory)

    def _shift_number(self) -> int | None:
        shift = current_shift(self.window.till.read_uow_factory)
        return shift.number if shift is not None else None

    def show_shift(self) -> None:
        """The header's shift: ``กะที่ 2 · 13:00``, or that none is open (selling needs one)."""
        shift = current_shift(self.window.till.read_uow_factory)
        if shift is None:  # one line over the sync status: the header fits a 1366-pixel screen
            self.label.setText(self.tr("No shift open") + " · Ctrl+O")
            self.label.setStyleSheet(f"{_STATUS} color: #ffb74d; font-weight: bold;")
        else:
            opened = shift.opened_at.astimezone(THAI_TIME).strftime("%H:%M")
            self.label.setText(
                self.tr("Shift {number}").format(number=shift.number) + f" · {opened}"
            )
            self.label.setStyleSheet(_STATUS)
        column = self.label.parentWidget()
        if column is not None:  # the header's own layout kept the longer line's width
            column.updateGeometry()

    def _open(self, dialog: QDialog, done: Callable[[], None] | None = None) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _: self._back_to_selling(done))
        dialog.open()
        return dialog

    def _back_to_selling(self, done: Callable[[], None] | None) -> None:
        if done is not None:
            done()
        if not shiboken6.isValid(self.window) or not self.window.window().isVisible():
            return  # the till is closing: its header may be gone already
        self.show_shift()
        self.window.activateWindow()
        self.window.sale.focus_scan()

    def open_shift(self) -> QDialog | None:
        """Open a shift with its float; if one is open already, just say so."""
        till, sale = self.window.till, self.window.sale
        if till.user is None:
            return None
        number = self._shift_number()
        if number is not None:
            sale.show_info(lambda: self.tr("Shift {number} is open.").format(number=number))
            return None
        from ui.shift_dialogs import ShiftOpenDialog  # the shift screens load when first used

        dialog = ShiftOpenDialog(self.context(), till.user, self.window.window(), clock=till.clock)
        dialog.shift_opened.connect(
            lambda shift: sale.show_info(
                lambda: self.tr("Shift {number} is open. Sell away.").format(number=shift.number)
            )
        )
        return self._open(dialog)

    def move_cash(self, kind: CashMovementKind) -> QDialog | None:
        """Cash in or out of the open shift's drawer, with a reason."""
        till = self.window.till
        if till.user is None or not self._needs_shift():
            return None
        from ui.shift_dialogs import CashMovementDialog

        dialog = CashMovementDialog(
            self.context(), till.user, kind, self.window.window(), clock=till.clock
        )
        return self._open(dialog)

    def close_shift(self) -> QDialog | None:
        """The blind count of the drawer, then expected against counted."""
        till = self.window.till
        if till.user is None or not self._needs_shift():
            return None
        if till.cart.lines:
            self.window.sale.show_error(
                lambda: self.tr("Finish or hold the sale on the screen before closing the shift.")
            )
            return None
        from ui.shift_dialogs import ShiftCloseDialog

        dialog = ShiftCloseDialog(self.context(), till.user, self.window.window(), clock=till.clock)
        return self._open(dialog)

    def _needs_shift(self) -> bool:
        if self._shift_number() is None:
            self.window.sale.show_error(lambda: self.tr("No shift is open (Ctrl+O opens one)."))
            return False
        return True

    def open_manager_screen(self) -> ManagerScreen | None:
        """Reports, X and the day's close (Z): for managers only."""
        user = self.window.till.user
        if user is None:
            return None
        if not user.is_manager:
            self.window.sale.show_error(
                lambda: self.tr("Reports and closing the day: log in as a manager.")
            )
            return None
        from ui.manager_screen import ManagerScreen

        if self.manager_screen is not None and self.manager_screen.isVisible():
            self.manager_screen.raise_()
            return self.manager_screen
        screen = ManagerScreen(self.context(), self.window.window(), clock=self.window.till.clock)
        # Modal: while the manager reads reports the till's scan router leaves the keyboard alone.
        screen.setWindowModality(Qt.WindowModality.ApplicationModal)
        screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        screen.destroyed.connect(lambda _=None: self._back_to_selling(None))
        screen.show()
        self.manager_screen = screen
        return screen
