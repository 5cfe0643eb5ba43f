"""The payment screen's widgets and keys, laid out: Qt's ``setupUi`` idiom, by hand.

:func:`setup_payment_ui` builds what :class:`ui.payment_screen.PaymentScreen`
shows — on the left the summary (total, tenders taken, due, change) over the
status line; on the right the tender kinds (F1–F4), the stacked tender pages
with the buyer-details and done panels, and the action row — and sets the
widgets as attributes of the screen, as a Designer form would.
:func:`bind_payment_keys` binds every key shown on a button.  Behaviour stays
in the screen; the texts too (they are translated in the screen's context).
"""

from __future__ import annotations

from collections.abc import Callable
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


def _button(
    screen: PaymentScreen, name: str, key: str, handler: Callable[[], object]
) -> ActionButton:
    button = ActionButton(name, key)
    button.clicked.connect(lambda: handler())
    screen.buttons[name] = button
    return button


def setup_payment_ui(screen: PaymentScreen) -> None:
    screen.summary = PaymentSummary()
    screen.status = StatusLine("paymentStatus")
    left = QVBoxLayout()
    left.addWidget(screen.summary, 1)
    left.addWidget(steady(screen.status, STATUS_HEIGHT))
    right = QVBoxLayout()
    right.addWidget(_tender_kinds(screen))
    right.addWidget(_tender_stack(screen), 1)
    right.addLayout(_actions(screen))
    body = QHBoxLayout(screen)
    body.setContentsMargins(10, 8, 10, 8)
    body.addLayout(left, 42)
    body.addLayout(right, 58)


def _tender_kinds(screen: PaymentScreen) -> QWidget:
    kinds = named(QWidget(), "tenderKinds")
    kind_row = QHBoxLayout(kinds)
    kind_row.setContentsMargins(0, 0, 0, 0)
    screen.kind_group = QButtonGroup(screen)
    for key, kind in KIND_KEYS:
        button = _button(screen, f"kind_{kind.value}", key, lambda k=kind: screen.select(k))
        button.setCheckable(True)
        screen.kind_group.addButton(button)
        kind_row.addWidget(button)
    return kinds


def _tender_stack(screen: PaymentScreen) -> QStackedWidget:
    screen.stack = QStackedWidget()
    for page in screen.pages.values():
        screen.stack.addWidget(page)
        page.tenderReady.connect(screen.add)  # Enter in a field: QLineEdit passes it up to us
    screen.cash_page.pad.accepted.connect(screen.enter)
    screen.promptpay_page.qrShown.connect(screen.qrShown)
    screen.promptpay_page.qrShown.connect(lambda _, caption: screen.qr_status(caption))
    screen.promptpay_page.qrCleared.connect(screen.qrCleared)
    screen.stack.addWidget(screen.buyer_panel)
    screen.stack.addWidget(screen.done_panel)
    return screen.stack


def _actions(screen: PaymentScreen) -> QHBoxLayout:
    actions = QHBoxLayout()
    actions.addWidget(_button(screen, "backToCart", "Esc", screen.escape))
    actions.addWidget(_button(screen, "removeTender", "Ctrl+Del", screen.remove_tender))
    actions.addWidget(_button(screen, "buyerButton", "Ctrl+I", screen.ask_buyer))
    screen.complete_button = _button(screen, "completeButton", "Enter", screen.complete)
    actions.addWidget(screen.complete_button, 2)
    return actions


def bind_payment_keys(screen: PaymentScreen) -> None:
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
