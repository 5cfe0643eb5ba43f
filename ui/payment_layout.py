"""The payment screen's widgets and keys, laid out: Qt's ``setupUi`` idiom, by hand.

:class:`PaymentUi` builds what :class:`ui.payment_screen.PaymentScreen` shows
— on the left the summary (total, tenders taken, due, change) over the status
line; on the right the tender kinds (F1–F4), the stacked tender pages with the
buyer-details and done panels, and the action row — and keeps the widgets it
made, as a Designer form's ``Ui_`` class would; the screen holds it as
``self.ui``.  It also binds every key shown on a button.  Behaviour stays in
the screen; the texts too (they are translated in the screen's context).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from pos.sale.domain.tenders import TenderKind
from ui.payment_summary import PaymentSummary
from ui.status_line import StatusLine
from ui.style import STATUS_HEIGHT
from ui.tender_pages import EXACT_SHORTCUT, NOTE_SHORTCUTS
from ui.widgets import ActionButton, bind_shortcut, named, steady

if TYPE_CHECKING:
    from ui.payment_screen import PaymentScreen

KIND_KEYS = (
    ("F1", TenderKind.CASH),
    ("F2", TenderKind.PROMPTPAY),
    ("F3", TenderKind.CARD),
    ("F4", TenderKind.SCHEME),
)


class PaymentUi:
    """The payment screen's own widgets; :meth:`setup` makes them and lays the screen out."""

    summary: PaymentSummary
    status: StatusLine
    kind_group: QButtonGroup
    stack: QStackedWidget
    complete_button: ActionButton

    def __init__(self) -> None:
        self.buttons: dict[str, ActionButton] = {}  # by object name, for the texts and states

    def setup(self, screen: PaymentScreen) -> None:
        self.summary = PaymentSummary()
        self.status = StatusLine("paymentStatus")
        left = QVBoxLayout()
        left.addWidget(self.summary, 1)
        left.addWidget(steady(self.status, STATUS_HEIGHT))
        right = QVBoxLayout()
        right.addWidget(self._tender_kinds(screen))
        right.addWidget(self._tender_stack(screen), 1)
        right.addLayout(self._actions(screen))
        body = QHBoxLayout(screen)
        body.setContentsMargins(10, 8, 10, 8)
        body.addLayout(left, 42)
        body.addLayout(right, 58)
        self._bind_keys(screen)

    def _button(self, name: str, key: str, handler: Callable[[], object]) -> ActionButton:
        button = ActionButton(name, key)
        button.clicked.connect(lambda: handler())
        self.buttons[name] = button
        return button

    def _tender_kinds(self, screen: PaymentScreen) -> QWidget:
        kinds = named(QWidget(), "tenderKinds")
        kind_row = QHBoxLayout(kinds)
        kind_row.setContentsMargins(0, 0, 0, 0)
        self.kind_group = QButtonGroup(screen)
        for key, kind in KIND_KEYS:
            button = self._button(f"kind_{kind.value}", key, partial(screen.select, kind))
            button.setCheckable(True)
            self.kind_group.addButton(button)
            kind_row.addWidget(button)
        return kinds

    def _tender_stack(self, screen: PaymentScreen) -> QStackedWidget:
        self.stack = QStackedWidget()
        for page in screen.pages.values():
            self.stack.addWidget(page)
            page.tenderReady.connect(screen.add)  # Enter in a field: QLineEdit passes it up to us
        screen.cash_page.pad.accepted.connect(screen.enter)
        screen.promptpay_page.qrShown.connect(screen.qrShown)
        screen.promptpay_page.qrShown.connect(lambda _, caption: screen.qr_status(caption))
        screen.promptpay_page.qrCleared.connect(screen.qrCleared)
        self.stack.addWidget(screen.buyer_panel)
        self.stack.addWidget(screen.done_panel)
        return self.stack

    def _actions(self, screen: PaymentScreen) -> QHBoxLayout:
        actions = QHBoxLayout()
        actions.addWidget(self._button("backToCart", "Esc", screen.escape))
        actions.addWidget(self._button("removeTender", "Ctrl+Del", screen.remove_tender))
        actions.addWidget(self._button("buyerButton", "Ctrl+I", screen.ask_buyer))
        self.complete_button = self._button("completeButton", "Enter", screen.complete)
        actions.addWidget(self.complete_button, 2)
        return actions

    def _bind_keys(self, screen: PaymentScreen) -> None:
        notes = zip(NOTE_SHORTCUTS, screen.cash_page.note_buttons, strict=True)
        for key, button in notes:
            bind_shortcut(screen, key, button.click)
        bind_shortcut(screen, EXACT_SHORTCUT, screen.cash_page.take_exact)
        for keys, handler in (
            ("F1", lambda: screen.select(TenderKind.CASH)),
            ("F2", lambda: screen.select(TenderKind.PROMPTPAY)),
            ("F3", lambda: screen.select(TenderKind.CARD)),
            ("F4", lambda: screen.select(TenderKind.SCHEME)),
            ("Ctrl+Return", screen.ctrl_enter),
            ("Ctrl+Enter", screen.ctrl_enter),
            ("Ctrl+I", screen.ask_buyer),
            ("Ctrl+Del", screen.remove_tender),
            ("Esc", screen.escape),
        ):
            bind_shortcut(screen, keys, handler)
