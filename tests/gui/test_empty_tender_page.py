"""A tender page with nothing to do takes no input: the scheme page when no scheme pays today.

Its fields are not shown, it says why and where to pay instead, and what is typed
there is not taken as a scan (a scanner's burst still is, as on every page)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext, open_till
from pos.sale.domain.tenders import TenderKind
from tests.gui.helpers import GARLIC, SILK, focused, logged_in, press, start_counter, wedge_scan
from tests.gui.payment_helpers import july_counter_window, open_a_shift
from ui.main_window import CounterWindow
from ui.scan_router import TAKES_NO_INPUT
from ui.scheme_page import SchemePage


@pytest.fixture
def counter(qtbot: QtBot, demo_context: AppContext) -> Iterator[CounterWindow]:
    open_a_shift(demo_context)  # today: no co-pay scheme runs
    window = start_counter(qtbot, open_till(demo_context), demo_context)
    yield logged_in(qtbot, window)
    window.close()


def _scheme_page(qtbot: QtBot, window: CounterWindow) -> SchemePage:
    wedge_scan(qtbot, SILK)
    press(qtbot, Qt.Key.Key_F12)
    press(qtbot, Qt.Key.Key_F4)
    page = window.checkout.payment.pages[TenderKind.SCHEME]
    assert isinstance(page, SchemePage)
    return page


def test_without_a_scheme_the_page_says_why_and_shows_no_fields(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    page = _scheme_page(qtbot, counter)
    assert page.isVisible() and page.property(TAKES_NO_INPUT)
    assert page.rule.text() == (
        "วันนี้ไม่มีโครงการรัฐที่ใช้ได้ จึงไม่มีอะไรต้องกรอกที่หน้านี้ ชำระด้วยเงินสด (F1) พร้อมเพย์ (F2) หรือบัตร (F3)"
    )
    for field in page.fields():
        assert not field.isVisible() and not field.isEnabled()
    assert not page.amount_label.isVisible() and not page.hint.isVisible()
    assert focused() is page


def test_typing_on_the_empty_page_is_not_taken_as_a_scan(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    page = _scheme_page(qtbot, counter)
    payment = counter.checkout.payment
    qtbot.keyClicks(focused(), "ABC123")  # a cashier's keys, slow
    press(qtbot, Qt.Key.Key_Return)
    assert payment.held_scans == [] and payment.scan_catcher.text() == ""
    assert "ABC123" not in payment.ui.status.text()
    assert payment.sale is None and focused() is page  # Enter did not pay: nothing was tendered


def test_a_scanner_burst_on_the_empty_page_is_still_kept_for_the_cart(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    _scheme_page(qtbot, counter)
    wedge_scan(qtbot, GARLIC)
    assert counter.checkout.payment.held_scans == [GARLIC]


def test_with_a_scheme_the_page_takes_input_again(qtbot: QtBot, demo_context: AppContext) -> None:
    for window in july_counter_window(qtbot, demo_context):  # co-pay phase 3 runs
        logged_in(qtbot, window)
        page = _scheme_page(qtbot, window)
        assert not page.property(TAKES_NO_INPUT) and page.hint.isVisible()
        assert all(field.isVisible() and field.isEnabled() for field in page.fields())
        assert focused() is page.reference


def test_once_everything_is_paid_the_card_and_scheme_pages_take_nothing(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    for window in july_counter_window(qtbot, demo_context):  # a scheme runs: its page has fields
        logged_in(qtbot, window)
        wedge_scan(qtbot, SILK)
        press(qtbot, Qt.Key.Key_F12)
        press(qtbot, Qt.Key.Key_F11)  # exact cash: nothing left to pay, not yet completed
        payment = window.checkout.payment
        assert payment.sale is None
        press(qtbot, Qt.Key.Key_F3)
        card = payment.pages[TenderKind.CARD]
        assert card.property(TAKES_NO_INPUT) and focused() is card
        assert card.hint.text() == "ชำระครบแล้ว ไม่มีอะไรต้องกรอกที่หน้านี้ กด Enter เพื่อปิดการขาย"
        assert not any(field.isVisible() for field in card.fields())
        qtbot.keyClicks(focused(), "AB12")
        assert payment.held_scans == [] and payment.scan_catcher.text() == ""
        press(qtbot, Qt.Key.Key_F4)
        scheme = payment.pages[TenderKind.SCHEME]
        assert isinstance(scheme, SchemePage) and scheme.property(TAKES_NO_INPUT)
        assert scheme.rule.text() == card.hint.text()
        with qtbot.waitSignal(window.saleCompleted):
            press(qtbot, Qt.Key.Key_Return)  # Enter is still the screen's: the sale completes
