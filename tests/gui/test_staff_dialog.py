"""The manager's Staff dialog, "Change my PIN" and a new shop's first manager (issue 13).

The real counter window on a real SQLite store, driven as a manager would: the menu's
dialogs opened, fields typed, buttons clicked; what was stored is read back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext, open_till
from pos.staff.domain.users import User
from pos.staff.services.pins import pin_matches
from tests.gui.helpers import CASHIER_PIN, MANAGER_PIN, log_in, logged_in, press, start_counter
from tests.gui.keys import type_text
from ui.i18n import ENGLISH, THAI, set_language
from ui.main_window import CounterWindow
from ui.screen_fit import fit_to_screen
from ui.staff_dialog import StaffDialog
from ui.staff_forms import StaffForm, offer_first_manager

MANAGER = 1  # the second user button on the log-in screen (demo users: cashier, manager)


@pytest.fixture
def window(qtbot: QtBot, demo_context: AppContext) -> Iterator[CounterWindow]:
    counter = start_counter(qtbot, open_till(demo_context), demo_context)
    yield counter
    counter.close()


def users(context: AppContext) -> dict[str, User]:
    with context.uow_factory() as uow:
        return {user.name: user for user in uow.users.all_users()}


def staff_dialog(qtbot: QtBot, window: CounterWindow) -> StaffDialog:
    log_in(qtbot, window, pin=MANAGER_PIN, user=MANAGER)
    assert window.back_office is not None
    dialog = window.back_office.open_staff()
    assert isinstance(dialog, StaffDialog)
    qtbot.waitExposed(dialog)
    return dialog


def fill(form: StaffForm, *, name: str = "", old: str = "", new: str = "", again: str = "") -> None:
    for field, text in ((form.name_input, name), (form.old_pin, old), (form.new_pin, new)):
        field.clear()
        type_text(field, text)
    form.again.clear()
    type_text(form.again, again or new)


def gone(form: StaffForm) -> bool:
    """Closed (a form of the menu is deleted when it closes)."""
    return not shiboken6.isValid(form) or not form.isVisible()


def ok(qtbot: QtBot, form: StaffForm) -> None:
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)


def test_the_manager_adds_a_cashier_and_a_bad_pin_changes_nothing(
    qtbot: QtBot, window: CounterWindow, demo_context: AppContext, tmp_path: Path
) -> None:
    dialog = staff_dialog(qtbot, window)
    assert dialog.table.rowCount() == 2 and dialog.add_button.isEnabled()
    form = dialog.add()
    fill(form, name="น้อย ศรีสุข", new="12")
    ok(qtbot, form)
    qtbot.waitUntil(lambda: form.ok_button.isEnabled())
    assert "4 ถึง 8 หลัก" in form.error.text() and form.new_pin.property("refused")
    assert "น้อย ศรีสุข" not in users(demo_context)
    fill(form, name="น้อย ศรีสุข", new="2468", again="2469")
    ok(qtbot, form)
    assert form.again.property("refused") and form.isVisible()
    fill(form, name="น้อย ศรีสุข", new="2468")
    form.role_box.setCurrentIndex(1)  # manager
    ok(qtbot, form)
    qtbot.waitUntil(lambda: gone(form), timeout=5000)
    added = users(demo_context)["น้อย ศรีสุข"]
    assert added.is_manager and pin_matches(added.pin_hash, "2468")
    assert dialog.table.rowCount() == 3 and "น้อย ศรีสุข" in dialog.message.text()
    dialog.grab().save(str(tmp_path / "staff-th.png"))


def test_reset_deactivate_and_the_last_manager_is_kept(
    qtbot: QtBot, window: CounterWindow, demo_context: AppContext
) -> None:
    dialog = staff_dialog(qtbot, window)
    dialog.table.selectRow(0)  # the cashier
    form = dialog.reset_pin()
    assert form is not None
    fill(form, new="9753")
    ok(qtbot, form)
    qtbot.waitUntil(lambda: gone(form), timeout=5000)
    cashier = users(demo_context)["สมหญิง ใจดี"]
    assert pin_matches(cashier.pin_hash, "9753")
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert not users(demo_context)["สมหญิง ใจดี"].active
    assert dialog.active_button.text() == "เปิดใช้งาน"  # the row chosen is now deactivated
    dialog.table.selectRow(1)  # the only manager
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert "ผู้จัดการคนสุดท้าย" in dialog.message.text()
    assert users(demo_context)["ประเสริฐ ทองดี"].active


def test_esc_closes_the_dialog_and_the_scan_field_gets_the_keyboard(
    qtbot: QtBot, window: CounterWindow
) -> None:
    dialog = staff_dialog(qtbot, window)
    dialog.activateWindow()
    dialog.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.table)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sale.scan_input)


def test_a_cashier_cannot_open_staff_but_changes_her_own_pin(
    qtbot: QtBot, window: CounterWindow, demo_context: AppContext
) -> None:
    logged_in(qtbot, window)
    assert window.back_office is not None
    assert window.back_office.open_staff() is None
    assert "ผู้จัดการ" in window.sale.status.text()
    form = window.back_office.open_change_my_pin()
    assert form is not None and form.old_pin.isVisible() and not form.name_input.isVisible()
    fill(form, old="0000", new="4321")
    ok(qtbot, form)
    qtbot.waitUntil(lambda: "PIN เดิมไม่ถูกต้อง" in form.error.text(), timeout=5000)
    assert form.old_pin.property("refused")
    fill(form, old=CASHIER_PIN, new="4321")
    ok(qtbot, form)
    qtbot.waitUntil(lambda: gone(form), timeout=5000)
    assert pin_matches(users(demo_context)["สมหญิง ใจดี"].pin_hash, "4321")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sale.scan_input)


def test_a_counter_linked_to_a_head_office_only_shows_the_list(
    qtbot: QtBot, window: CounterWindow, demo_context: AppContext
) -> None:
    with demo_context.uow_factory() as uow:
        settings = uow.settings.load()
        sync = dataclasses.replace(settings.sync, hq_url="https://hq.example:8700")
        uow.settings.save(settings.replace(sync=sync))
        uow.commit()
    dialog = staff_dialog(qtbot, window)
    assert "สำนักงานใหญ่" in dialog.note.text()
    assert not dialog.add_button.isEnabled() and not dialog.active_button.isEnabled()


def test_a_new_shop_asks_for_its_first_manager(
    qtbot: QtBot, empty_context: AppContext, tmp_path: Path
) -> None:
    window = start_counter(qtbot, open_till(empty_context), empty_context)
    try:
        form = offer_first_manager(window, empty_context)
        assert form is not None and form.name_input.isVisible()
        assert not form.role_box.isVisible()
        qtbot.waitExposed(form)
        form.grab().save(str(tmp_path / "first-manager-th.png"))
        fill(form, name="Boss", new="8642")
        ok(qtbot, form)
        qtbot.waitUntil(lambda: gone(form), timeout=5000)
        assert users(empty_context)["Boss"].is_manager
        assert window.login.chosen_user() is not None
        assert offer_first_manager(window, empty_context) is None  # once there is a manager
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.pin_input)
        log_in(qtbot, window, pin="8642", user=0)
        assert window.till.user is not None and window.till.user.name == "Boss"
    finally:
        window.close()


def test_the_dialog_fits_the_small_screen_in_both_languages(
    qtbot: QtBot, window: CounterWindow, tmp_path: Path
) -> None:
    dialog = staff_dialog(qtbot, window)
    fit_to_screen(dialog, QSize(860, 600), QRect(0, 0, 1024, 768))
    for language, title, state in ((ENGLISH, "Staff", "State"), (THAI, "พนักงาน", "สถานะ")):
        set_language(language)
        qtbot.waitUntil(lambda title=title: dialog.windowTitle() == title)
        assert dialog.width() <= 1024 and dialog.height() <= 768
        assert dialog.minimumSizeHint().width() <= dialog.width()
        assert dialog.minimumSizeHint().height() <= dialog.height()
        assert dialog.table.horizontalHeaderItem(2).text() == state
        dialog.grab().save(str(tmp_path / f"staff-{language}.png"))


def test_the_menu_entries_follow_the_language(qtbot: QtBot, window: CounterWindow) -> None:
    assert window.back_office is not None
    menu = window.back_office
    assert menu.staff_action.text() == "พนักงาน (ผู้จัดการ)"
    set_language(ENGLISH)
    qtbot.waitUntil(lambda: menu.my_pin_action.text() == "Change my PIN")
    assert menu.staff_action.text() == "Staff (managers)"
    set_language(THAI)
    qtbot.waitUntil(lambda: menu.my_pin_action.text() == "เปลี่ยนรหัส PIN ของฉัน")


def test_a_new_shop_that_closes_the_first_manager_form_is_told_what_to_do(
    qtbot: QtBot, empty_context: AppContext
) -> None:
    window = start_counter(qtbot, open_till(empty_context), empty_context)
    try:
        form = offer_first_manager(window, empty_context)
        assert form is not None
        qtbot.waitExposed(form)
        form.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is form.name_input)
        press(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: gone(form))
        assert "ยังไม่มีผู้จัดการ" in window.login.message.text()
        assert users(empty_context) == {}
    finally:
        window.close()
