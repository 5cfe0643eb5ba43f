"""Logging in, locking, and scanning as real scanners do, on the counter window."""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext, open_till
from tests.gui.helpers import (
    CASHIER_PIN,
    GARLIC,
    SHALLOT_BASE,
    SHALLOT_LABEL,
    SILK,
    focused,
    log_in,
    logged_in,
    press,
    start_counter,
    type_digits,
    wedge_scan,
)
from tests.gui.keys import type_text
from ui.main_window import CounterWindow

OBJECT_NAMES = (
    "scanInput",
    "cartTable",
    "totalLabel",
    "searchInput",
    "quickKeys",
    "payButton",
    "holdButton",
    "recallButton",
    "statusMessage",
)


def _rows(window: CounterWindow) -> int:
    return window.sale.cart_model.rowCount()


def _total(window: CounterWindow) -> str:
    return window.findChild(QLabel, "totalLabel").text()


def _status(window: CounterWindow) -> tuple[str, str]:
    label = window.findChild(QLabel, "statusMessage")
    return label.text(), str(label.property("severity"))


def test_the_key_widgets_have_their_stable_names(counter: CounterWindow) -> None:
    for name in OBJECT_NAMES:
        assert counter.findChild(QWidget, name) is not None, name


def test_a_wrong_pin_is_refused_and_the_right_one_opens_the_sale_screen(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    assert counter.user_label.text() == "ยังไม่ได้เข้าสู่ระบบ"
    log_in(qtbot, counter, pin="0000")
    assert counter.pages.currentWidget() is counter.login
    assert "PIN ไม่ถูกต้อง" in counter.login.message.text()
    log_in(qtbot, counter, pin=CASHIER_PIN)
    assert counter.pages.currentWidget() is counter.sale
    assert counter.user_label.text() == "สมหญิง ใจดี · แคชเชียร์"
    assert focused().objectName() == "scanInput"


def test_a_wedge_scan_in_the_scan_field_adds_the_goods(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, SILK)
    wedge_scan(qtbot, GARLIC)
    wedge_scan(qtbot, GARLIC)
    assert _rows(window) == 2 and _total(window) == "2,768.00"
    assert window.sale.cart_model.data(window.sale.cart_model.index(1, 2)) == "2 กระปุก × 159.00"
    assert _status(window) == ("เพิ่ม กระเทียมดำศรีสะเกษ แบบแกะกลีบ 100 กรัม — 318.00", "info")
    assert window.sale.pay_button.isEnabled()


def test_a_scan_reaches_the_cart_from_the_search_field_and_keeps_what_was_typed(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    press(qtbot, Qt.Key.Key_F2)
    search = window.findChild(QLineEdit, "searchInput")
    assert focused() is search
    wedge_scan(qtbot, SILK)  # the search field is empty: the cashier was not typing
    assert _rows(window) == 1 and search.text() == ""
    type_text(search, "ผ้า")  # now the cashier types, and a customer's item is scanned
    wedge_scan(qtbot, GARLIC)
    assert _rows(window) == 2 and search.text() == "ผ้า"
    assert focused() is search


def test_slow_typing_in_a_text_field_is_not_taken_for_a_scan(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    press(qtbot, Qt.Key.Key_F2)
    for digit in "99999997":  # eight digits, as a person types them
        qtbot.keyClick(focused(), digit)
        qtbot.wait(window.till.settings.wedge_max_key_gap_ms + 25)
    press(qtbot, Qt.Key.Key_Return)
    assert _rows(window) == 0
    assert window.findChild(QLineEdit, "searchInput").text() == "99999997"


def test_a_scan_goes_to_the_cart_when_no_text_field_has_the_focus(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, SILK)
    press(qtbot, Qt.Key.Key_F7)  # hold it, then open the held carts list (it takes the focus)
    press(qtbot, Qt.Key.Key_F8)
    assert focused() is window.sale.recall_panel.list
    wedge_scan(qtbot, GARLIC)
    assert _rows(window) == 1 and window.till.cart.lines[0].product.sku == "FD-BGAR-0001"


def test_a_bad_code_gives_a_message_and_a_sound_but_no_dialog(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, "8855512010015")  # a misread check digit
    text, severity = _status(window)
    assert severity == "error" and "8855512010015" in text and "สแกนใหม่" in text
    wedge_scan(qtbot, "8850000000003")  # valid, but not ours
    assert "ไม่พบรหัส 8850000000003" in _status(window)[0]
    assert window.sound.played == 2
    windows = QApplication.topLevelWidgets()
    assert not [w for w in windows if isinstance(w, QDialog) and w.isVisible()]
    wedge_scan(qtbot, SILK)  # the very next scan works
    assert _rows(window) == 1 and _status(window)[1] == "info"


def test_scale_labels_add_weighed_lines_and_a_base_code_asks_the_weight(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, SHALLOT_LABEL)
    assert _total(window) == "150.00"
    wedge_scan(qtbot, SHALLOT_BASE)
    assert window.sale.entry.is_asking and focused().objectName() == "entryInput"
    assert window.sale.entry.prompt.text().startswith("น้ำหนักของ หอมแดง")
    type_digits(qtbot, "0.75")
    press(qtbot, Qt.Key.Key_Return)
    assert _rows(window) == 2 and window.till.cart.lines[1].quantity_milli == 750
    assert _total(window) == "240.00" and focused().objectName() == "scanInput"


def test_the_screen_locks_when_idle_and_unlocks_with_the_pin(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, SILK)
    window.idle.set_interval(150)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.login, timeout=3000)
    assert window.login.banner.isVisible() and "สมหญิง ใจดี" in window.login.banner.text()
    assert "สมหญิง ใจดี" in window.user_label.text()  # the name stays in view
    for _ in range(6):  # scans at the lock screen reach neither the cart nor the PIN check
        wedge_scan(qtbot, GARLIC)
    assert len(window.till.cart.lines) == 1
    assert window.login.message.text() == "นี่คือการสแกนสินค้า กรุณาเข้าสู่ระบบก่อน แล้วจึงสแกน"
    window.idle.set_interval(0)
    type_digits(qtbot, CASHIER_PIN)
    press(qtbot, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.sale and _rows(window) == 1  # not locked out


def test_ctrl_l_locks_and_another_cashier_can_take_over(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    wedge_scan(qtbot, SILK)
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.login
    log_in(qtbot, window, pin="5678", user=1)
    assert window.till.user is not None and window.till.user.is_manager
    assert window.user_label.text() == "ประเสริฐ ทองดี · ผู้จัดการ" and _rows(window) == 1


def test_a_serial_port_scanner_adds_to_the_cart(qtbot: QtBot, demo_context: AppContext) -> None:
    controller, device = os.openpty()
    try:
        with demo_context.uow_factory() as uow:
            settings = uow.settings.load()
            uow.settings.save(settings.replace(scanner_serial_port=os.ttyname(device)))
            uow.commit()
        window = start_counter(qtbot, open_till(demo_context))
        try:
            logged_in(qtbot, window)
            qtbot.waitUntil(lambda: "เชื่อมต่อเครื่องสแกนแล้ว" in _status(window)[0], timeout=5000)
            os.write(controller, f"{SILK}\r\n{GARLIC}\r\n".encode())
            qtbot.waitUntil(lambda: _rows(window) == 2, timeout=5000)
            assert _total(window) == "2,609.00"
        finally:
            window.close()
    finally:
        os.close(controller)
        os.close(device)


def test_a_cart_that_cannot_be_saved_is_reported_from_the_writer_thread(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    on_error = window.till.journal.on_error
    assert on_error is not None
    writer = threading.Thread(target=on_error, args=(OSError("disk full"),))
    writer.start()
    writer.join()
    qtbot.waitUntil(lambda: _status(window)[1] == "warning")
    assert "บันทึกบิลลงดิสก์ไม่ได้" in _status(window)[0] and window.sound.played == 1
