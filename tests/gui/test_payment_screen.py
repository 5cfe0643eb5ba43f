"""Paying at the counter: cash with the note keys, a co-pay + PromptPay + cash split, refusals,
buyer details — driven with the keyboard on a real demo store, checked in the store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext, open_till
from pos.money import CashRounding
from pos.sale.domain.promptpay import check_payload
from tests.gui.helpers import GARLIC, SILK, focused, logged_in, press, start_counter, wedge_scan
from tests.gui.keys import type_text
from tests.gui.payment_helpers import configure, july_counter_window, open_a_shift, rows
from ui.customer_display import CustomerDisplay
from ui.main_window import CounterWindow
from ui.payment_screen import PaymentScreen
from ui.scheme_page import SchemePage


@pytest.fixture(autouse=True)
def shift_open(request: pytest.FixtureRequest, demo_context: AppContext) -> None:
    """Nothing is sold without an open shift (issue 6): the July till opens its own."""
    if "july_counter" not in request.fixturenames and "without_a_shift" not in request.node.name:
        open_a_shift(demo_context)


@pytest.fixture
def july_counter(qtbot: QtBot, demo_context: AppContext) -> Iterator[CounterWindow]:
    yield from july_counter_window(qtbot, demo_context)


def _payment(window: CounterWindow) -> PaymentScreen:
    return window.checkout.payment


def test_a_cash_sale_from_scan_to_receipt_job(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, SILK)
    wedge_scan(qtbot, GARLIC)
    cart_uuid = window.till.cart_uuid
    window.till.journal.flush()
    assert rows(demo_context, "SELECT count(*) FROM till_cart") == [(1,)]
    press(qtbot, Qt.Key.Key_F12)
    payment = _payment(window)
    assert window.pages.currentWidget() is payment and focused().objectName() == "cashInput"
    assert payment.ui.summary.total.text() == "2,609.00"
    for _ in range(3):
        press(qtbot, Qt.Key.Key_F10)  # three 1,000-baht notes
    assert payment.ui.summary.due.text() == "0.00" and payment.ui.summary.change.text() == "391.00"
    assert (
        payment.ui.summary.change.isVisible() and payment.ui.summary.change.font().pointSize() >= 48
    )
    assert (
        payment.ui.summary.change.height() > payment.ui.summary.total.height()
    )  # the change is the largest figure
    with qtbot.waitSignal(window.saleCompleted) as completed:
        press(qtbot, Qt.Key.Key_Return)
    assert completed.args == ["POS01-00000001"]
    assert "POS01-00000001" in payment.done_panel.detail.text()
    assert (
        payment.ui.summary.change.text() == "391.00" and payment.ui.summary.change.isVisible()
    )  # still on screen
    assert rows(
        demo_context, "SELECT id IS NOT NULL, receipt_number, total_satang, change_satang FROM sale"
    ) == [(1, "POS01-00000001", 260900, 39100)]
    assert rows(demo_context, "SELECT count(*) FROM till_cart") == [(0,)]
    assert rows(
        demo_context, "SELECT document_kind, reference, open_drawer, state FROM print_job"
    ) == [("sale", "POS01-00000001", 1, "pending")]
    audit = rows(demo_context, "SELECT count(*) FROM audit_event WHERE action LIKE '%discount%'")
    assert audit == [(0,)]
    assert cart_uuid != window.till.cart_uuid
    wedge_scan(qtbot, GARLIC)  # the next customer's first item ends the "done" screen
    assert window.pages.currentWidget() is window.sale
    assert [line.product.barcode for line in window.till.cart.lines] == [GARLIC]


def test_cash_rounding_applies_to_cash_only_and_the_difference_is_shown(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    configure(demo_context, cash_rounding=CashRounding.BAHT)
    window = logged_in(qtbot, start_counter(qtbot, open_till(demo_context)))
    wedge_scan(qtbot, GARLIC)
    press(qtbot, Qt.Key.Key_F5)
    type_text(focused(), "5%")  # 159.00 - 7.95 = 151.05
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_F12)
    payment = _payment(window)
    assert (
        payment.ui.summary.due.text() == "151.05"
        and "151.00" in payment.ui.summary.due_caption.text()
    )
    assert "151.00" in payment.cash_page.hint.text() and "-0.05" in payment.cash_page.hint.text()
    press(qtbot, Qt.Key.Key_F11)  # exact cash: the rounded amount
    press(qtbot, Qt.Key.Key_Return)
    assert payment.sale is not None and payment.sale.cash_rounding_satang == -5
    assert "-0.05" in payment.done_panel.detail.text()
    assert rows(demo_context, "SELECT total_satang, cash_rounding_satang FROM sale") == [
        (15_105, -5)
    ]
    window.close()


def test_a_co_pay_promptpay_and_cash_split(
    qtbot: QtBot, july_counter: CounterWindow, demo_context: AppContext
) -> None:
    window = logged_in(qtbot, july_counter)
    display = CustomerDisplay(window.till)  # as if a second screen were connected
    qtbot.addWidget(display)
    display.show()
    window.customer_display.display = display
    wedge_scan(qtbot, SILK)
    wedge_scan(qtbot, GARLIC)
    press(qtbot, Qt.Key.Key_F12)
    payment = _payment(window)
    press(qtbot, Qt.Key.Key_F4)
    scheme = payment.current_page()
    assert isinstance(scheme, SchemePage)
    assert "ผ้าไหมมัดหมี่" in scheme.excluded.text()  # silk must be paid otherwise
    assert scheme.amount.text() == "159.00" and "79.50" in scheme.shares.text()
    scheme.amount.setText("300")
    type_text(focused(), "TN-0001")
    press(qtbot, Qt.Key.Key_Return)
    assert (
        "159.00" in payment.ui.status.text() and payment.ui.status.property("severity") == "error"
    )
    scheme.amount.setText("159")
    press(qtbot, Qt.Key.Key_Return)
    assert payment.tenders and "TN-0001" in payment.ui.summary.tender_list.item(0).text()
    assert payment.ui.summary.due.text() == "2,450.00"
    press(qtbot, Qt.Key.Key_F2)
    promptpay = payment.promptpay_page
    assert promptpay.amount.text() == "2450.00"
    promptpay.amount.setText("1000")
    promptpay.amount.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # shows the QR here and on the customer's screen
    assert promptpay.shown_satang == 100_000 and not promptpay.qr.pixmap().isNull()
    assert display.payment.isVisibleTo(display) and "1,000.00" in display.payment_caption.text()
    press(qtbot, Qt.Key.Key_Return)  # Enter alone does not take an unconfirmed transfer
    assert len(payment.tenders) == 1
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # transfer arrived
    assert len(payment.tenders) == 2 and not display.payment.isVisibleTo(display)
    press(qtbot, Qt.Key.Key_F11)  # exact cash for the rest
    assert payment.ui.summary.due.text() == "0.00"
    press(qtbot, Qt.Key.Key_Return)
    assert payment.sale is not None
    tenders = rows(
        demo_context,
        "SELECT kind, amount_satang, government_share_satang,"
        " buyer_share_satang, reference, scheme_code, scheme_phase FROM sale_tender"
        " ORDER BY position",
    )
    assert tenders == [
        ("scheme", 15_900, 7_950, 7_950, "TN-0001", "khon_la_khrueng", "3"),
        ("promptpay", 100_000, 0, 0, None, None, None),
        ("cash", 145_000, 0, 0, None, None, None),
    ]


def test_the_promptpay_qr_carries_the_amount_due(qtbot: QtBot, july_counter: CounterWindow) -> None:
    window = logged_in(qtbot, july_counter)
    wedge_scan(qtbot, GARLIC)
    press(qtbot, Qt.Key.Key_F12)
    quote = _payment(window).quote
    text = quote.promptpay_payload(15_900)
    assert check_payload(text) and "5406159.00" in text and "0066801234567" in text


def test_a_refused_payment_changes_nothing_and_keeps_the_cart(
    qtbot: QtBot, july_counter: CounterWindow, demo_context: AppContext
) -> None:
    window = logged_in(qtbot, july_counter)
    for reference in ("TN-7", "TN-7"):  # the second customer's app reference is a typo
        wedge_scan(qtbot, GARLIC)
        press(qtbot, Qt.Key.Key_F12)
        payment = _payment(window)
        press(qtbot, Qt.Key.Key_F4)
        type_text(focused(), reference)
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_F11)
        press(qtbot, Qt.Key.Key_Return)
    assert payment.sale is None and payment.ui.status.property("severity") == "error"
    assert "TN-7" in payment.ui.status.text() and "POS01-00000001" in payment.ui.status.text()
    assert rows(demo_context, "SELECT count(*) FROM sale") == [(1,)]
    assert rows(demo_context, "SELECT count(*) FROM print_job") == [(1,)]
    assert [line.product.barcode for line in window.till.cart.lines] == [GARLIC]
    assert len(payment.tenders) == 1  # kept, so the cashier can fix the reference
    press(qtbot, Qt.Key.Key_Escape)  # a scheme tender was taken: asks for a second Esc
    assert window.pages.currentWidget() is payment
    press(qtbot, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.sale
    assert rows(demo_context, "SELECT count(*) FROM till_cart") == [(1,)]


def test_a_scan_during_payment_is_kept_for_the_cart(qtbot: QtBot, counter: CounterWindow) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, SILK)
    press(qtbot, Qt.Key.Key_F12)
    payment = _payment(window)
    wedge_scan(qtbot, GARLIC)  # typed into the cash field by the scanner
    assert payment.cash_page.amount.text() == "" and "8857717001019" in payment.ui.status.text()
    assert len(window.till.cart.lines) == 1
    press(qtbot, Qt.Key.Key_Escape)
    assert [line.product.barcode for line in window.till.cart.lines] == [SILK, GARLIC]


def test_buyer_details_at_payment_make_a_full_tax_invoice(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, GARLIC)
    press(qtbot, Qt.Key.Key_F12)
    payment = _payment(window)
    press(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    panel = payment.buyer_panel
    assert payment.ui.stack.currentWidget() is panel and focused() is panel.name
    type_text(panel.name, "บริษัท ศรีสะเกษ เทรดดิ้ง จำกัด")
    type_text(panel.address, "99 ถ.ขุขันธ์ ต.เมืองใต้ อ.เมือง จ.ศรีสะเกษ 33000")
    type_text(panel.tax_id, "0335558882981")  # one digit wrong
    assert "✗" in panel.tax_id_check.text()
    panel.branch.setText("00000")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.error.text() and payment.buyer is None
    panel.tax_id.setText("0335558882988")
    assert "✓" in panel.tax_id_check.text()
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert payment.buyer is not None and payment.buyer.branch == "00000"
    assert "ศรีสะเกษ เทรดดิ้ง" in payment.ui.summary.buyer_line.text()
    press(qtbot, Qt.Key.Key_F11)
    press(qtbot, Qt.Key.Key_Return)
    assert payment.sale is not None and "POS01-TI-00000001" in payment.done_panel.detail.text()
    assert rows(
        demo_context,
        "SELECT number, buyer_name, buyer_tax_id, buyer_branch,"
        " replaces_abbreviated FROM tax_invoice",
    ) == [("POS01-TI-00000001", "บริษัท ศรีสะเกษ เทรดดิ้ง จำกัด", "0335558882988", "00000", 0)]


def test_every_payment_button_shows_its_key_and_is_big_enough(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, SILK)
    press(qtbot, Qt.Key.Key_F12)
    payment = _payment(window)
    buttons = [
        *payment.ui.buttons.values(),
        *payment.cash_page.note_buttons,
        payment.cash_page.exact_button,
    ]
    for button in buttons:
        assert button.shortcut_text and button.height() >= 48, button.objectName()
    assert [b.shortcut_text for b in payment.cash_page.note_buttons] == [
        "F5",
        "F6",
        "F7",
        "F8",
        "F10",
    ]


def test_a_tax_invoice_right_after_paying_with_the_id_card_scanned(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, GARLIC)
    press(qtbot, Qt.Key.Key_F12)
    press(qtbot, Qt.Key.Key_F11)
    press(qtbot, Qt.Key.Key_Return)
    payment = _payment(window)
    assert payment.sale is not None
    press(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # the customer asks now
    panel = payment.buyer_panel
    type_text(panel.name, "นายสมชาย ใจงาม")
    type_text(panel.address, "12 หมู่ 3 ต.หนองครก อ.เมือง จ.ศรีสะเกษ")
    panel.tax_id.setFocus()
    wedge_scan(qtbot, "1111111111119")  # the barcode on the back of the ID card
    assert panel.tax_id.text() == "1111111111119" and focused() is panel.branch
    assert "8857717001019" not in payment.ui.status.text() and not payment.held_scans
    with qtbot.waitSignal(window.documentQueued) as queued:
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert queued.args == ["tax_invoice", "POS01-TI-00000001"]
    assert rows(demo_context, "SELECT replaces_abbreviated, buyer_tax_id FROM tax_invoice") == [
        (1, "1111111111119")
    ]
    assert payment.ui.stack.currentWidget() is payment.done_panel


def test_without_a_shift_pay_is_refused_before_any_money_is_taken(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, GARLIC)
    press(qtbot, Qt.Key.Key_F12)
    assert window.pages.currentWidget() is window.sale
    assert "Ctrl+O" in window.sale.status.text() and "กะ" in window.sale.status.text()
    assert [line.product.barcode for line in window.till.cart.lines] == [GARLIC]
    open_a_shift(demo_context)  # as the shift dialog (Ctrl+O) does
    press(qtbot, Qt.Key.Key_F12)
    assert window.pages.currentWidget() is window.checkout.payment
