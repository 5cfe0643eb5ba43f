"""The returns screen's widgets and keys, laid out: Qt's ``setupUi`` idiom, by hand.

:class:`ReturnsUi` lays out what :class:`ui.returns_screen.ReturnsScreen`
shows — on the left the title, the receipt number to scan or type, the sale
found, its lines and the status line; on the right the side pages (actions,
the manager's PIN, buyer details, the credit note made) over the way back —
keeps the widgets it made (the screen holds it as ``self.ui``) and binds every
key shown on a button.  Behaviour and texts stay in the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout

from ui.style import STATUS_HEIGHT
from ui.widgets import ActionButton, bind_shortcut, steady

if TYPE_CHECKING:
    from ui.returns_screen import ReturnsScreen


class ReturnsUi:
    """The returns screen's own widgets; :meth:`setup` makes them and lays the screen out."""

    side: QStackedWidget  # the actions, the manager's PIN, buyer details, the credit note made
    cash_button: ActionButton  # "refund everything in cash", checked while it applies

    def __init__(self) -> None:
        self.buttons: dict[str, ActionButton] = {}  # by object name, for the texts

    def setup(self, screen: ReturnsScreen) -> None:
        find_row = QHBoxLayout()
        find_row.addWidget(screen.receipt_input, 1)
        find_row.addWidget(self._button(screen, "findButton", "Enter", screen.find_receipt))
        left = QVBoxLayout()
        left.addWidget(screen.title)
        left.addLayout(find_row)
        left.addWidget(screen.sale_info)
        left.addWidget(screen.table, 1)
        left.addWidget(steady(screen.status, STATUS_HEIGHT))
        self._bind_actions(screen)
        self.side = QStackedWidget()
        for page in (screen.actions_page, screen.entry, screen.buyer_panel, screen.result):
            self.side.addWidget(page)
        right = QVBoxLayout()
        right.addWidget(self.side, 1)
        right.addWidget(self._button(screen, "backButton", "Esc", screen.escape))
        body = QHBoxLayout(screen)
        body.setContentsMargins(10, 8, 10, 8)
        body.addLayout(left, 56)
        body.addLayout(right, 44)

    def _button(
        self, screen: ReturnsScreen, name: str, key: str, handler: Callable[[], object]
    ) -> ActionButton:
        button = ActionButton(name, key)
        button.clicked.connect(lambda: handler())
        if key != "Enter":  # Enter belongs to the fields (find, return)
            bind_shortcut(screen, key, lambda: handler())
        self.buttons[name] = button
        return button

    def _bind_actions(self, screen: ReturnsScreen) -> None:
        """The action page's buttons, each with its key, to the screen's handlers."""
        handlers = {
            "lineButton": screen.toggle_line,
            "quantityButton": screen.ask_quantity,
            "allButton": screen.choose_all,
            "cashButton": screen.toggle_refund_in_cash,
            "voidButton": screen.ask_void,
            "invoiceButton": screen.ask_buyer,
            "returnButton": screen.ask_return,
        }
        for name, handler in handlers.items():
            button = screen.actions_page.buttons[name]
            button.clicked.connect(lambda _=False, handler=handler: handler())
            bind_shortcut(screen, button.shortcut_text, handler)
            self.buttons[name] = button
        self.cash_button = self.buttons["cashButton"]
