"""Finding goods, editing the cart, hold and recall, approvals, language, and the Pay hand-over."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from pos.audit import AuditAction
from pos.catalogue.domain.products import Category
from pos.clock import THAI_TIME
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
from ui.main_window import CounterWindow
from ui.sale_screen import PaymentRequest


def _total(window: CounterWindow) -> str:
    return window.findChild(QLabel, "totalLabel").text()


def _lines(window: CounterWindow) -> list[tuple[str, int]]:
    return [(line.product.sku, line.quantity_milli) for line in window.till.cart.lines]


def test_searching_in_thai_shows_matches_and_enter_adds_the_first(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    press(qtbot, Qt.Key.Key_F2)
    search = window.findChild(QLineEdit, "searchInput")
    type_text(search, "กระเทียมดำ")
    results = window.sale.search.results
    qtbot.waitUntil(lambda: results.count() > 0)
    names = [results.item(row).text() for row in range(results.count())]
    assert all("กระเทียมดำ" in name for name in names) and len(names) >= 5
    press(qtbot, Qt.Key.Key_Down)
    chosen = results.currentItem().text().splitlines()[0]
    press(qtbot, Qt.Key.Key_Return)
    assert [line.product.name_th for line in window.till.cart.lines] == [chosen]
    assert focused().objectName() == "scanInput"


def test_search_finds_english_names_and_skus_too(qtbot: QtBot, counter: CounterWindow) -> None:
    window = logged_in(qtbot, counter)
    press(qtbot, Qt.Key.Key_F2)
    results = window.sale.search.results
    search = window.findChild(QLineEdit, "searchInput")
    for text, expected in (("black garlic", "กระเทียมดำ"), ("tx-silk-0001", "ลูกแก้ว")):
        search.clear()
        qtbot.keyClicks(search, text)

        def found(expected: str = expected) -> bool:
            return results.count() > 0 and expected in results.item(0).text()

        qtbot.waitUntil(found)


def test_quick_keys_add_goods_without_barcodes_and_ask_weighed_ones_for_the_weight(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    quick_keys = window.sale.quick_keys
    assert quick_keys.objectName() == "quickKeys"
    qtbot.mouseClick(quick_keys.findChild(QPushButton, "quickCategory_food"), Qt.LeftButton)
    keys = {key.product.sku: key for key in quick_keys.product_keys()}
    assert all(key.height() >= 48 for key in keys.values())
    assert all(key.product.barcode and key.product.barcode[0] == "2" for key in keys.values())
    counted = next(key for key in keys.values() if not key.product.sold_by_weight)
    weighed = next(key for key in keys.values() if key.product.sold_by_weight)
    qtbot.mouseClick(counted, Qt.LeftButton)
    qtbot.mouseClick(counted, Qt.LeftButton)
    assert _lines(window) == [(counted.product.sku, 2000)]
    qtbot.mouseClick(weighed, Qt.LeftButton)
    assert window.sale.entry.is_asking
    for key in "1.5":  # on the touch number pad
        pad = window.sale.entry.pad
        pad_key = next(b for b in pad.findChildren(QPushButton) if b.text() == key)
        qtbot.mouseClick(pad_key, Qt.LeftButton)
    qtbot.mouseClick(window.sale.entry.pad.ok_button, Qt.LeftButton)
    assert _lines(window)[1] == (weighed.product.sku, 1500)


def test_thai_names_in_quick_keys_follow_thai_dictionary_order(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    window.sale.quick_keys.show_category(Category.FOOD)
    names = [key.product.name_th for key in window.sale.quick_keys.product_keys()]
    assert names != sorted(names)  # not code-point order, where แ comes after every consonant
    assert names.index(next(n for n in names if n.startswith("แจ่ว"))) < names.index(
        next(n for n in names if n.startswith("ถั่ว"))
    )  # แจ่ว sorts under จ, before ถ — not after every consonant as by code point


def test_editing_the_cart_with_keys(qtbot: QtBot, counter: CounterWindow) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, SILK)
    wedge_scan(qtbot, GARLIC)
    press(qtbot, Qt.Key.Key_Plus)  # the last line is selected
    press(qtbot, Qt.Key.Key_Plus)
    press(qtbot, Qt.Key.Key_Minus)
    assert _lines(window) == [("TX-SILK-0001", 1000), ("FD-BGAR-0001", 2000)]
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_F4)
    assert window.sale.entry.field.text() == ""
    type_digits(qtbot, "3")
    press(qtbot, Qt.Key.Key_Return)
    assert _lines(window)[0] == ("TX-SILK-0001", 3000) and _total(window) == "7,668.00"
    press(qtbot, Qt.Key.Key_F4)
    type_digits(qtbot, "1.5")
    press(qtbot, Qt.Key.Key_Return)  # silk is sold by the cloth: refused, asked again
    assert "หน่วยเต็ม" in window.sale.entry.hint.text() and window.sale.entry.is_asking
    press(qtbot, Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_Delete)
    assert _lines(window) == [("FD-BGAR-0001", 2000)] and _total(window) == "318.00"


def test_a_small_line_discount_is_taken_without_a_manager(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, SILK)
    press(qtbot, Qt.Key.Key_F5)
    type_text(focused(), "5%")
    press(qtbot, Qt.Key.Key_Return)
    assert _total(window) == "2,327.50"
    assert window.sale.cart_model.data(window.sale.cart_model.index(0, 3)) == "5%  −122.50"


def test_a_large_discount_needs_the_managers_pin_and_records_who_approved(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, SILK)
    press(qtbot, Qt.Key.Key_F5)
    type_text(focused(), "25%")
    press(qtbot, Qt.Key.Key_Return)
    entry = window.sale.entry
    assert entry.prompt.text() == "ต้องให้ผู้จัดการอนุมัติ" and entry.chosen_manager() is not None
    assert entry.field.echoMode() == QLineEdit.EchoMode.Password
    assert _total(window) == "2,450.00"  # nothing yet
    type_digits(qtbot, "1234")  # the cashier's own PIN is not a manager's
    press(qtbot, Qt.Key.Key_Return)
    assert "ไม่ถูกต้อง" in entry.hint.text() and _total(window) == "2,450.00"
    type_digits(qtbot, MANAGER_PIN)
    press(qtbot, Qt.Key.Key_Return)
    assert _total(window) == "1,837.50" and not entry.is_asking
    assert "อนุมัติโดย ประเสริฐ ทองดี" in window.sale.status.text()
    window.till.journal.flush()
    with window.till.read_uow_factory() as uow:  # what an auditor will read
        events = uow.audit.between(
            dt.datetime(2000, 1, 1, tzinfo=THAI_TIME), dt.datetime(2100, 1, 1, tzinfo=THAI_TIME)
        )
    discount = [e for e in events if e.action is AuditAction.LINE_DISCOUNT]
    assert [(e.user_id, e.approved_by_user_id) for e in discount] == [(1, 2)]
    assert discount[0].detail["amount_satang"] == 61250


def test_a_bill_discount_above_the_limit_also_needs_a_manager(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, GARLIC)
    press(qtbot, Qt.Key.Key_F6)
    type_digits(qtbot, "50")  # 50 baht off 159 = 31%
    press(qtbot, Qt.Key.Key_Return)
    assert window.sale.entry.prompt.text() == "ต้องให้ผู้จัดการอนุมัติ"
    press(qtbot, Qt.Key.Key_Escape)  # the customer accepts 15 baht instead
    assert _total(window) == "159.00"
    press(qtbot, Qt.Key.Key_F6)
    type_digits(qtbot, "15")
    press(qtbot, Qt.Key.Key_Return)
    assert _total(window) == "144.00"


def test_hold_and_recall(qtbot: QtBot, counter: CounterWindow) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, SILK)
    wedge_scan(qtbot, GARLIC)
    qtbot.mouseClick(window.findChild(QPushButton, "holdButton"), Qt.LeftButton)
    assert window.sale.cart_model.rowCount() == 0 and _total(window) == "0.00"
    assert "พักบิลแล้ว: 2 ชิ้น 2,609.00" in window.sale.status.text()
    wedge_scan(qtbot, GARLIC)  # the next customer meanwhile
    qtbot.mouseClick(window.findChild(QPushButton, "recallButton"), Qt.LeftButton)
    held = window.sale.recall_panel.list
    assert held.count() == 1 and "2,609.00" in held.item(0).text()
    press(qtbot, Qt.Key.Key_Return)
    assert _lines(window) == [("TX-SILK-0001", 1000), ("FD-BGAR-0001", 1000)]
    assert "ถูกพักไว้แทน" in window.sale.status.text()
    assert [cart.lines[0].product.sku for cart in window.till.held_carts()] == ["FD-BGAR-0001"]
    assert focused().objectName() == "scanInput"


def test_cancelling_the_sale_asks_first(qtbot: QtBot, counter: CounterWindow) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, SILK)
    press(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert "ยกเลิกบิลทั้งหมด (2,450.00)" in window.sale.entry.prompt.text()
    press(qtbot, Qt.Key.Key_Escape)
    assert len(window.till.cart.lines) == 1
    press(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Return)
    assert window.till.cart.is_empty and window.sale.status.text() == "ยกเลิกบิลแล้ว"


def test_f9_switches_between_thai_and_english(qtbot: QtBot, counter: CounterWindow) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, GARLIC)
    pay = window.sale.pay_button
    assert pay.label() == "ชำระเงิน" and pay.shortcut_text == "F12"
    press(qtbot, Qt.Key.Key_F9)  # Qt posts the LanguageChange to every widget
    qtbot.waitUntil(lambda: pay.label() == "Pay")
    assert window.user_label.text() == "สมหญิง ใจดี · cashier"
    assert window.sale.cart_model.data(window.sale.cart_model.index(0, 1)).startswith("Sisaket")
    assert window.sale.totals.caption.text() == "Total to pay"  # the VAT has its own line
    press(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: pay.label() == "ชำระเงิน")
    assert window.sale.totals.caption.text().startswith("ยอดชำระ")


def test_every_action_button_shows_its_shortcut_and_is_big_enough(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    for name, button in window.sale.buttons.items():
        assert button.shortcut_text, name
        assert button.height() >= 48, name


def test_pay_hands_the_cart_to_the_payment_step(qtbot: QtBot, counter: CounterWindow) -> None:
    window = logged_in(qtbot, counter)
    pay = window.findChild(QPushButton, "payButton")
    assert not pay.isEnabled()
    wedge_scan(qtbot, SILK)
    wedge_scan(qtbot, GARLIC)
    assert pay.isEnabled()
    with qtbot.waitSignal(window.sale.payRequested) as signal:
        press(qtbot, Qt.Key.Key_F12)
    request = signal.args[0]
    assert isinstance(request, PaymentRequest)
    assert request.draft.totals.total_satang == 260900 and request.draft.cashier.user_id == 1
    number = request.till.record_and_clear_cart(
        request.draft, lambda uow, draft: uow.counters.next_value("receipt")
    )  # what issue 4 will do, with the real sale record
    window.sale.sale_completed()
    assert number == 1 and window.sale.cart_model.rowCount() == 0 and not pay.isEnabled()
