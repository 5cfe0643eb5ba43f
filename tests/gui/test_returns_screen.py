"""Returns, voids, tax invoices for past sales and "no sale", from the counter window's keys."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext
from tests.gui.helpers import (
    GARLIC,
    MANAGER_PIN,
    SILK,
    focused,
    logged_in,
    press,
    type_digits,
    wedge_scan,
)
from tests.gui.keys import type_text
from tests.gui.payment_helpers import configure, july_counter_window, open_a_shift, rows
from tests.receipt_helpers import free_port, network_printer
from ui.main_window import CounterWindow
from ui.returns_screen import ReturnsScreen


@pytest.fixture(autouse=True)
def shift_open(request: pytest.FixtureRequest, demo_context: AppContext) -> None:
    """Nothing is sold without an open shift (issue 6): the July till opens its own."""
    if "july_counter" not in request.fixturenames and "without_a_shift" not in request.node.name:
        open_a_shift(demo_context)


@pytest.fixture
def july_counter(qtbot: QtBot, demo_context: AppContext) -> Iterator[CounterWindow]:
    yield from july_counter_window(qtbot, demo_context)


def _returns(window: CounterWindow) -> ReturnsScreen:
    return window.checkout.returns


def _sell_silk_and_garlic(qtbot: QtBot, window: CounterWindow, *, co_pay: bool) -> None:
    """Silk and garlic: the garlic on the co-pay (TN-21) when asked, the rest in exact cash."""
    wedge_scan(qtbot, SILK)
    wedge_scan(qtbot, GARLIC)
    press(qtbot, Qt.Key.Key_F12)
    if co_pay:
        press(qtbot, Qt.Key.Key_F4)
        type_text(focused(), "TN-21")
        press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_F11)
    press(qtbot, Qt.Key.Key_Return)
    assert window.checkout.payment.sale is not None
    press(qtbot, Qt.Key.Key_Return)  # next customer
    assert window.pages.currentWidget() is window.sale


def test_a_return_found_by_scanning_the_receipt_refunds_by_tender(
    qtbot: QtBot, july_counter: CounterWindow, demo_context: AppContext
) -> None:
    window = logged_in(qtbot, july_counter)
    _sell_silk_and_garlic(qtbot, window, co_pay=True)
    press(qtbot, Qt.Key.Key_F10)
    returns = _returns(window)
    assert window.pages.currentWidget() is returns and focused() is returns.receipt_input
    returns.reason.setFocus()  # the scanner's keys land in another field: still a scan
    wedge_scan(qtbot, "POS01-00000001")
    assert returns.history is not None and returns.reason.text() == ""
    assert returns.table.rowCount() == 2 and "TN-21" in returns.sale_info.text()
    press(qtbot, Qt.Key.Key_Down)  # the garlic, paid by the co-pay
    press(qtbot, Qt.Key.Key_F3)
    preview = returns.preview.text()
    assert "79.50" in preview and "ไม่คืนเป็นเงินสด" in preview  # the government's share
    type_text(returns.reason, "ของชำรุด")
    press(qtbot, Qt.Key.Key_Return)
    assert returns.ui.side.currentWidget() is returns.entry
    type_digits(qtbot, "1234")  # the cashier's PIN does not approve
    press(qtbot, Qt.Key.Key_Return)
    assert returns.entry.is_asking and rows(demo_context, "SELECT count(*) FROM credit_note") == [
        (0,)
    ]
    with qtbot.waitSignal(window.documentQueued) as queued:
        type_digits(qtbot, MANAGER_PIN)
        press(qtbot, Qt.Key.Key_Return)
    assert queued.args == ["credit_note", "POS01-CN-00000001"]
    assert returns.ui.side.currentWidget() is returns.result
    assert "POS01-CN-00000001" in returns.result.text()
    assert rows(
        demo_context,
        "SELECT n.number, n.kind, n.approved_by_user_id, r.method, r.amount_satang"
        " FROM credit_note n JOIN credit_note_refund r ON r.credit_note_id = n.id ORDER BY r.id",
    ) == [
        ("POS01-CN-00000001", "return", 2, "scheme", 7_950),
        ("POS01-CN-00000001", "return", 2, "scheme_government", 7_950),
    ]
    jobs = rows(demo_context, "SELECT document_kind, reference, open_drawer FROM print_job")
    assert jobs[-1] == ("credit_note", "POS01-CN-00000001", 0)  # nothing in cash: drawer shut
    assert returns.table.item(1, 3).text().startswith("1")  # returned before: 1
    press(qtbot, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.sale


def test_void_the_last_sale_pays_back_the_cash(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    window = logged_in(qtbot, counter)
    _sell_silk_and_garlic(qtbot, window, co_pay=False)
    press(qtbot, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    returns = _returns(window)
    assert returns.history is not None
    assert returns.history.sale.receipt_number == "POS01-00000001"
    press(qtbot, Qt.Key.Key_F7)  # no reason yet
    assert returns.ui.side.currentWidget() is not returns.entry
    type_text(returns.reason, "ลูกค้าเปลี่ยนใจ")
    press(qtbot, Qt.Key.Key_F7)
    type_digits(qtbot, MANAGER_PIN)
    press(qtbot, Qt.Key.Key_Return)
    assert returns.ui.side.currentWidget() is returns.result
    assert "2,609.00" in returns.result.text()
    assert rows(demo_context, "SELECT kind, total_satang FROM credit_note") == [("void", 260_900)]
    assert rows(
        demo_context, "SELECT open_drawer FROM print_job WHERE document_kind = 'credit_note'"
    ) == [(1,)]
    press(qtbot, Qt.Key.Key_F7)  # a voided sale cannot be voided again
    type_digits(qtbot, MANAGER_PIN)
    press(qtbot, Qt.Key.Key_Return)
    assert returns.entry.hint.text() and rows(demo_context, "SELECT count(*) FROM credit_note") == [
        (1,)
    ]


def test_a_full_tax_invoice_for_a_past_sale(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    window = logged_in(qtbot, counter)
    _sell_silk_and_garlic(qtbot, window, co_pay=False)
    press(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    returns = _returns(window)
    panel = returns.buyer_panel
    assert returns.ui.side.currentWidget() is panel
    type_text(panel.name, "นายสมชาย ใจงาม")
    type_text(panel.address, "12 หมู่ 3 ต.หนองครก อ.เมือง จ.ศรีสะเกษ")
    type_text(panel.tax_id, "1-1111-11111-11-9")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert rows(
        demo_context, "SELECT number, replaces_abbreviated, buyer_branch FROM tax_invoice"
    ) == [("POS01-TI-00000001", 1, None)]
    assert rows(
        demo_context, "SELECT reference FROM print_job WHERE document_kind = 'tax_invoice'"
    ) == [("POS01-TI-00000001",)]
    press(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # again: a reason is needed
    assert panel.form.isRowVisible(panel.reason)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "POS01-TI-00000001" in panel.error.text()


def test_no_sale_opens_the_drawer_with_a_managers_pin_and_is_audited(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    window = logged_in(qtbot, counter)
    kicks: list[int] = []
    window.kick_drawer = lambda: kicks.append(1)
    configure(demo_context, receipt_printer=network_printer(free_port()))  # it has a drawer
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    entry = window.sale.entry
    press(qtbot, Qt.Key.Key_Return)  # no reason: asked again
    assert entry.is_asking and not kicks
    type_text(focused(), "แลกเหรียญทอน")
    press(qtbot, Qt.Key.Key_Return)
    type_digits(qtbot, MANAGER_PIN)
    press(qtbot, Qt.Key.Key_Return)
    assert kicks == [1] and not entry.is_asking
    events = rows(
        demo_context,
        "SELECT user_id, approved_by_user_id, detail_json"
        " FROM audit_event WHERE action = 'drawer_opened_no_sale'",
    )
    assert events == [(1, 2, '{"reason": "แลกเหรียญทอน"}')]


def test_the_menu_lists_the_counter_actions_with_their_keys(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    press(qtbot, Qt.Key.Key_F11)
    menu = window.checkout.menu.panel
    assert window.sale.side.currentWidget() is menu
    keys = {button.shortcut_text for button in menu.buttons.values()}
    assert keys == {
        "F10",
        "Shift+F10",
        "Ctrl+I",
        "Ctrl+D",
        "Ctrl+O",
        "Ctrl+J",
        "Ctrl+K",
        "Ctrl+Shift+O",
        "Ctrl+R",
    }
    assert all(button.height() >= 48 for button in menu.buttons.values())
    press(qtbot, Qt.Key.Key_Escape)
    assert window.sale.side.currentWidget() is not menu


def test_ctrl_o_with_a_shift_open_just_says_so(qtbot: QtBot, counter: CounterWindow) -> None:
    window = logged_in(qtbot, counter)
    press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert "กะที่ 1" in window.sale.status.text()
