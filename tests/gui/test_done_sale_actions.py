"""Once a sale is stored, the payment screen's tender actions no longer apply and are disabled;
"remove tender" only when there is a tender to remove (issue 13, deliverable 5)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext, open_till
from tests.gui.helpers import SILK, logged_in, press, start_counter, wedge_scan
from tests.gui.payment_helpers import open_a_shift
from ui.main_window import CounterWindow
from ui.payment_screen import PaymentScreen

KINDS = ("kind_cash", "kind_promptpay", "kind_card", "kind_scheme")


@pytest.fixture
def counter(qtbot: QtBot, demo_context: AppContext) -> Iterator[CounterWindow]:
    open_a_shift(demo_context)
    window = start_counter(qtbot, open_till(demo_context), demo_context)
    yield logged_in(qtbot, window)
    window.close()


def _enabled(payment: PaymentScreen, name: str) -> bool:
    return payment.ui.buttons[name].isEnabled()


def test_remove_tender_only_with_a_tender_and_nothing_of_the_tenders_after_the_sale(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    wedge_scan(qtbot, SILK)
    press(qtbot, Qt.Key.Key_F12)
    payment = counter.checkout.payment
    assert not _enabled(payment, "removeTender")  # nothing to remove yet
    assert all(_enabled(payment, kind) for kind in KINDS)
    press(qtbot, Qt.Key.Key_F10)  # a 1,000-baht note
    assert _enabled(payment, "removeTender")
    press(qtbot, Qt.Key.Key_F11)  # the rest, exact
    with qtbot.waitSignal(counter.saleCompleted):
        press(qtbot, Qt.Key.Key_Return)
    assert payment.sale is not None
    assert not _enabled(payment, "removeTender") and not _enabled(payment, "completeButton")
    assert not any(_enabled(payment, kind) for kind in KINDS)
    assert _enabled(payment, "buyerButton")  # a full tax invoice can still be asked for
    shown = payment.ui.summary.tender_list.count()
    press(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)  # the shortcut too
    assert shown >= 1 and payment.ui.summary.tender_list.count() == shown
    payment.retranslate()  # a language change redraws the summary: still disabled
    assert not _enabled(payment, "removeTender")


def test_the_next_payment_starts_with_the_tender_kinds_again(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    for _ in range(2):
        wedge_scan(qtbot, SILK)
        press(qtbot, Qt.Key.Key_F12)
        press(qtbot, Qt.Key.Key_F11)
        with qtbot.waitSignal(counter.saleCompleted):
            press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Return)  # next customer
    wedge_scan(qtbot, SILK)
    press(qtbot, Qt.Key.Key_F12)
    payment = counter.checkout.payment
    assert payment.sale is None and all(_enabled(payment, kind) for kind in KINDS)
    assert not _enabled(payment, "removeTender")
