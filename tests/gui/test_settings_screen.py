"""The manager's settings screen on a real store: each page saves through the settings service,
audited with the manager's id, and the running counter uses the change without a restart.

Driven like a manager: log in, open the screen from the menu (or from the PromptPay page of a
payment), type, press Save or Esc.  Screenshots of every page at 1024×768, in Thai and in
English, are written to ``$SETTINGS_SHOTS`` when it is set (to look at them).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext, open_till
from pos.ids import UserId
from pos.money import CashRounding
from pos.printing.domain.print_queue import PrinterRole
from pos.printing.domain.printer_settings import ConnectionKind
from pos.printing.services.receipt_settings import HEADER_TEXT_FIELDS
from pos.sale.domain.promptpay import check_payload
from tests.fakes.settings_page import ShapePage
from tests.gui.helpers import (
    GARLIC,
    MANAGER_PIN,
    focused,
    log_in,
    logged_in,
    press,
    start_counter,
    type_digits,
)
from tests.gui.keys import type_text
from tests.gui.payment_helpers import open_a_shift, rows
from ui.i18n import ENGLISH, THAI, set_language
from ui.main_window import CounterWindow
from ui.printer_settings_dialog import _select
from ui.screen_fit import FRAME_ALLOWANCE, fit_to_screen
from ui.settings_counter import CounterPage
from ui.settings_printers import PrintersPage
from ui.settings_promptpay import PromptPaySettingsPage
from ui.settings_screen import PREFERRED_SIZE, SECTIONS, Section, SettingsScreen
from ui.settings_shop import ShopPage
from ui.tender_pages import PromptPayPage as PaymentPromptPayPage

SHOP_PROMPTPAY = "0812345678"


@pytest.fixture
def window(qtbot: QtBot, demo_context: AppContext) -> Iterator[CounterWindow]:
    """The counter with its menu on the demo store, no PromptPay ID, a shift open, the
    manager logged in."""
    open_a_shift(demo_context)
    counter = start_counter(qtbot, open_till(demo_context), demo_context)
    log_in(qtbot, counter, MANAGER_PIN, user=1)
    assert counter.pages.currentWidget() is counter.sale
    yield counter
    set_language(THAI)
    counter.close()


def _settings_audits(context: AppContext) -> list[tuple[object, dict[str, object]]]:
    found = rows(
        context, "SELECT user_id, detail_json FROM audit_event WHERE action = 'settings_changed'"
    )
    return [(user, json.loads(str(detail))) for user, detail in found]


def _open(qtbot: QtBot, window: CounterWindow, section: str) -> SettingsScreen:
    assert window.back_office is not None
    screen = window.back_office.open_settings(section)
    assert screen is not None and screen.isVisible()
    qtbot.waitUntil(screen.isActiveWindow)
    return screen


def _shot(widget: QWidget, name: str) -> None:
    """A screenshot to look at, when ``$SETTINGS_SHOTS`` names a directory."""
    shots = os.environ.get("SETTINGS_SHOTS")
    if shots:
        widget.grab().save(str(Path(shots) / f"{name}.png"))


def _closed(screen: QWidget) -> bool:
    """Closed, or already deleted (the screen deletes itself once closed)."""
    return not shiboken6.isValid(screen) or not screen.isVisible()


def _manager_id(window: CounterWindow) -> object:
    assert window.till.user is not None
    return window.till.user.user_id


def test_a_promptpay_id_set_from_the_payment_makes_its_qr_work(
    qtbot: QtBot, window: CounterWindow, demo_context: AppContext
) -> None:
    type_text(focused(), GARLIC)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_F12)
    payment = window.checkout.payment
    press(qtbot, Qt.Key.Key_F2)
    page = payment.promptpay_page
    assert page.not_set_up.isVisible() and page.not_set_up.text() == "ยังไม่ได้ตั้งค่าพร้อมเพย์"
    assert not page.amount.isVisible() and not page.confirm_button.isVisible()
    payment.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # takes no input: no "still due", no sale
    assert payment.ui.status.text() == "ยังไม่ได้ตั้งค่าพร้อมเพย์" and payment.sale is None
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert payment.ui.status.text() == "ยังไม่ได้ตั้งค่าพร้อมเพย์" and not payment.tenders
    assert page.setup_button.isVisible()  # a manager is logged in
    _shot(window, "payment_promptpay_not_set_up")
    qtbot.mouseClick(page.setup_button, Qt.MouseButton.LeftButton)
    screen = QApplication.activeModalWidget()
    assert isinstance(screen, SettingsScreen) and screen.current_key() == "promptpay"
    qtbot.waitUntil(screen.isActiveWindow)
    settings_page = screen.pages["promptpay"]
    assert isinstance(settings_page, PromptPaySettingsPage)
    settings_page.target.setFocus()
    type_text(settings_page.target, SHOP_PROMPTPAY)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert demo_context.settings().promptpay_target == SHOP_PROMPTPAY
    assert _settings_audits(demo_context) == [
        (
            _manager_id(window),
            {"key": "promptpay_target", "before": "", "after": SHOP_PROMPTPAY},
        )
    ]
    press(qtbot, Qt.Key.Key_Escape)  # saved: closes without a question
    qtbot.waitUntil(lambda: _closed(screen))
    assert window.pages.currentWidget() is payment and payment.current_page() is page
    assert page.amount.isVisible() and page.amount.isEnabled() and not page.not_set_up.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.amount)
    assert page.amount.text() == "159.00"
    press(qtbot, Qt.Key.Key_Return)  # the QR, for the ID just saved
    assert page.shown_satang == 15_900 and not page.qr.pixmap().isNull()
    text = payment.quote.promptpay_payload(15_900)
    assert check_payload(text) and "0066812345678" in text
    assert window.height() <= 768  # the page changing its widgets never grows the window
    _shot(window, "payment_promptpay_after_setup")


def test_a_cashier_gets_no_promptpay_button_and_the_menu_asks_for_a_manager_s_pin(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    open_a_shift(demo_context)
    window = logged_in(qtbot, start_counter(qtbot, open_till(demo_context), demo_context))
    type_text(focused(), GARLIC)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_F12)
    press(qtbot, Qt.Key.Key_F2)
    page = window.checkout.payment.promptpay_page
    assert isinstance(page, PaymentPromptPayPage)
    assert page.not_set_up.isVisible() and not page.setup_button.isVisible()
    assert "ผู้จัดการ" in page.hint.text()  # ask a manager
    press(qtbot, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.sale
    assert window.back_office is not None and window.back_office.open_settings() is None
    entry = window.sale.entry
    assert entry.is_asking and entry.prompt.text() == "ต้องให้ผู้จัดการอนุมัติ"
    type_digits(qtbot, "1234")  # the cashier's own PIN is not a manager's
    press(qtbot, Qt.Key.Key_Return)
    assert entry.is_asking and window.back_office.settings_screen is None
    type_digits(qtbot, MANAGER_PIN)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.back_office.settings_screen is not None)
    screen = window.back_office.settings_screen
    assert screen is not None and screen.isVisible()
    qtbot.waitUntil(screen.isActiveWindow)
    settings_page = screen.open_section("promptpay")
    assert isinstance(settings_page, PromptPaySettingsPage)
    type_text(settings_page.target, SHOP_PROMPTPAY)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    manager = next(u.user_id for u in window.till.users() if u.is_manager)
    assert _settings_audits(demo_context) == [
        (manager, {"key": "promptpay_target", "before": "", "after": SHOP_PROMPTPAY})
    ]
    window.close()


def test_idle_lock_minutes_and_cash_rounding_take_effect_at_once(
    qtbot: QtBot, window: CounterWindow, demo_context: AppContext
) -> None:
    assert window.idle._timer.interval() == 5 * 60_000
    screen = _open(qtbot, window, "counter")
    page = screen.pages["counter"]
    assert isinstance(page, CounterPage)
    assert (page.idle_minutes.minimum(), page.idle_minutes.maximum()) == (0, 720)  # the schema's
    page.idle_minutes.setValue(2)
    page.rounding.setCurrentIndex(page.rounding.findData(CashRounding.QUARTER_BAHT))
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert window.idle._timer.interval() == 2 * 60_000 and window.idle._timer.isActive()
    assert window.till.settings.idle_lock_minutes == 2
    assert demo_context.settings().cash_rounding is CashRounding.QUARTER_BAHT
    audits = {
        detail["key"]: (user, detail["after"]) for user, detail in _settings_audits(demo_context)
    }
    manager = _manager_id(window)
    assert audits == {"idle_lock_minutes": (manager, 2), "cash_rounding": (manager, "25")}
    screen.reject()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sale.scan_input)
    type_text(focused(), GARLIC)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_F12)  # the next payment rounds cash to 25 satang
    assert window.checkout.payment.quote.cash_rounding is CashRounding.QUARTER_BAHT


def test_a_bad_promptpay_id_is_refused_beside_the_field_and_nothing_is_saved(
    qtbot: QtBot, window: CounterWindow, demo_context: AppContext
) -> None:
    screen = _open(qtbot, window, "promptpay")
    page = screen.pages["promptpay"]
    assert isinstance(page, PromptPaySettingsPage)
    type_text(page.target, "12345")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert page.error.isVisible() and "promptpay_target" in page.error.text()
    assert "เบอร์มือถือ" in page.error.text()  # in the language on screen
    assert screen.status.property("severity") == "error"
    _shot(screen, "settings_promptpay_refused_th")
    assert demo_context.settings().promptpay_target == "" and _settings_audits(demo_context) == []
    set_language(ENGLISH)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert page.error.text().startswith("This is not a PromptPay ID")
    assert "allowed:" in page.error.text()
    page.target.setText(SHOP_PROMPTPAY)  # a valid ID: its QR to check with a banking app
    assert not page.qr.pixmap().isNull()
    _shot(screen, "settings_promptpay_qr_en")


def test_the_shop_page_is_the_header_table_and_a_new_pos_id_reaches_the_till(
    qtbot: QtBot, window: CounterWindow, demo_context: AppContext
) -> None:
    screen = _open(qtbot, window, "shop")
    page = screen.pages["shop"]
    assert isinstance(page, ShopPage)
    assert list(page.fields) == [field for field, *_ in HEADER_TEXT_FIELDS]
    page.fields["tax_id"].setFocus()
    type_text(page.fields["tax_id"], "1")  # a tax ID of the wrong length
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert page.errors["tax_id"].isVisible() and "13" in page.errors["tax_id"].text()
    assert page.errors["tax_id"].text().startswith("เลขประจำตัวผู้เสียภาษี")  # in Thai, under it
    set_language(ENGLISH)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert page.errors["tax_id"].text().startswith("tax ID:")
    assert _settings_audits(demo_context) == []
    page.fields["tax_id"].setText("")
    pos_id = page.fields["pos_id"]
    assert pos_id.text() == "POS01"
    pos_id.setFocus()
    pos_id.selectAll()
    type_text(pos_id, "POS07")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert demo_context.settings().terminal_id == "POS07"
    assert window.till.settings.terminal_id == "POS07" and window.terminal_label.text() == "POS07"
    assert (_manager_id(window), {"key": "terminal_id", "before": "POS01", "after": "POS07"}) in (
        _settings_audits(demo_context)
    )


def test_the_printers_page_opens_the_printer_dialog_and_the_counter_follows_its_save(
    qtbot: QtBot, window: CounterWindow, demo_context: AppContext
) -> None:
    screen = _open(qtbot, window, "printers")
    page = screen.pages["printers"]
    assert isinstance(page, PrintersPage)
    receipt = page.summaries[PrinterRole.RECEIPT]
    assert receipt.text() == "ยังไม่ได้ตั้งค่า: เอกสารรอพิมพ์อยู่ในคิว"
    qtbot.mouseClick(page.buttons[PrinterRole.RECEIPT], Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    _select(dialog.connection, ConnectionKind.NETWORK)
    dialog.host.setText("192.168.1.50")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = demo_context.settings().receipt_printer
    assert (stored.connection, stored.host) == (ConnectionKind.NETWORK, "192.168.1.50")
    assert receipt.text() == "เครือข่าย: 192.168.1.50:9100"
    assert window.till.settings.receipt_printer == stored  # told, without a restart
    assert (_manager_id(window), "receipt_printer") in [
        (user, detail["key"]) for user, detail in _settings_audits(demo_context)
    ]


def test_a_page_of_another_module_is_one_line_and_needs_only_save(
    qtbot: QtBot, window: CounterWindow, demo_context: AppContext
) -> None:
    other = Section("shape", lambda: "Customer display", "tests.fakes.settings_page:ShapePage")
    manager = _manager_id(window)
    assert isinstance(manager, int)
    screen = SettingsScreen(demo_context, UserId(manager), sections=(*SECTIONS, other))
    qtbot.addWidget(screen)
    screen.show()
    heard: list[bool] = []
    demo_context.notices.subscribe(lambda settings: heard.append(settings.customer_display))
    page = screen.open_section("shape")
    assert isinstance(page, ShapePage) and page.display.isChecked()
    page.display.click()  # seen as a change
    assert screen.changed == {"shape"}
    ShapePage.refuse = True
    try:
        screen.open_section("counter")
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
        assert screen.current_key() == "shape" and page.error.text() == "refused"
        assert screen.status.property("severity") == "error" and screen.changed == {"shape"}
    finally:
        ShapePage.refuse = False
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert not demo_context.settings().customer_display and heard == [False]
    assert screen.changed == set()
    assert (manager, {"key": "customer_display", "before": True, "after": False}) in (
        _settings_audits(demo_context)
    )


def _answer_question(qtbot: QtBot, button: QMessageBox.StandardButton) -> list[str]:
    """Press ``button`` of the question that is about to be asked; returns its text, once asked."""
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        asked.append(box.text())
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    return asked


def test_esc_asks_before_dropping_changes_and_gives_the_keyboard_back(
    qtbot: QtBot, window: CounterWindow, demo_context: AppContext
) -> None:
    screen = _open(qtbot, window, "promptpay")
    page = screen.pages["promptpay"]
    assert isinstance(page, PromptPaySettingsPage)
    type_text(page.target, SHOP_PROMPTPAY)
    asked = _answer_question(qtbot, QMessageBox.StandardButton.Cancel)  # keep editing
    press(qtbot, Qt.Key.Key_Escape)
    assert asked and "พร้อมเพย์" in asked[0] and screen.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.target)  # back where it was
    asked = _answer_question(qtbot, QMessageBox.StandardButton.Discard)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: _closed(screen))
    assert asked and demo_context.settings().promptpay_target == ""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sale.scan_input)


def test_the_idle_lock_shuts_the_screen_and_drops_what_was_not_saved(
    qtbot: QtBot, window: CounterWindow, demo_context: AppContext
) -> None:
    screen = _open(qtbot, window, "promptpay")
    page = screen.pages["promptpay"]
    assert isinstance(page, PromptPaySettingsPage)
    type_text(page.target, SHOP_PROMPTPAY)
    closed: list[int] = []
    screen.finished.connect(closed.append)  # the screen is deleted once closed
    window.idle.set_interval(1)  # the manager walked away
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.login)
    assert closed == [QDialog.DialogCode.Rejected.value]
    assert demo_context.settings().promptpay_target == ""


@pytest.mark.parametrize("size", [QSize(1024, 768), QSize(1366, 768)], ids=["1024", "1366"])
def test_every_page_fits_the_screen_in_thai_and_english(
    qtbot: QtBot, window: CounterWindow, size: QSize
) -> None:
    shots = os.environ.get("SETTINGS_SHOTS")
    screen = _open(qtbot, window, "shop")
    fit_to_screen(screen, PREFERRED_SIZE, QRect(QPoint(0, 0), size))
    room = size - FRAME_ALLOWANCE
    assert screen.width() <= room.width() and screen.height() <= room.height()
    for language in (THAI, ENGLISH):
        set_language(language)
        for section in SECTIONS:
            page = screen.open_section(section.key)
            qtbot.wait(10)
            assert screen.save_button.isVisible() and screen.close_button.isVisible()
            # nothing wider than the room the page has: the scroll area only scrolls down
            assert page.minimumSizeHint().width() <= screen.stack.width()
            assert screen.minimumSizeHint().height() <= room.height()
            for button in page.findChildren(QPushButton):
                assert button.height() >= 44 or not button.isVisible()
            if shots:
                name = f"settings_{section.key}_{language}_{size.width()}.png"
                screen.grab().save(str(Path(shots) / name))
