"""The customer display's settings page: announcements and a QR poster, saved, shown at once."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos.audit import AuditAction
from pos.bootstrap import AppContext
from pos.ids import UserId
from pos.settings.services.change import save_settings
from pos.till.domain.idle_display import IdleDisplay
from tests.gui.helpers import SILK, logged_in
from ui.customer_display import CustomerDisplay
from ui.display_settings import DisplayPage
from ui.i18n import ENGLISH, THAI, set_language
from ui.main_window import CounterWindow

MANAGER = UserId(2)  # the demo store's manager


def switch(language: str) -> None:
    """F9's language switch: Qt posts LanguageChange, delivered when events are processed."""
    set_language(language)
    QApplication.processEvents()


LINE = "https://line.me/R/ti/p/@otopsisaket"


def page_on(qtbot: QtBot, context: AppContext) -> DisplayPage:
    page = DisplayPage(context, MANAGER)
    qtbot.addWidget(page)
    page.resize(760, 600)
    page.show()
    return page


def open_display(qtbot: QtBot, counter: CounterWindow) -> CustomerDisplay:
    display = CustomerDisplay(counter.till)  # as if a second screen were connected
    qtbot.addWidget(display)
    display.resize(800, 480)
    display.show()
    qtbot.waitUntil(lambda: display.poster_side() == 200)
    counter.customer_display.display = display
    return display


def audited_keys(context: AppContext) -> list[tuple[UserId | None, str]]:
    with context.uow_factory() as uow:
        events = uow.audit.between(dt.datetime(2000, 1, 1, tzinfo=dt.UTC), dt.datetime.now(dt.UTC))
    changes = [e for e in events if e.action is AuditAction.SETTINGS_CHANGED]
    return [(e.user_id, str(e.detail["key"])) for e in changes]


def test_announcements_and_a_poster_are_saved_and_the_open_display_shows_them(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    display = open_display(qtbot, counter)
    assert not display.announcement.isVisible() and not display.poster.isVisible()
    page = page_on(qtbot, demo_context)
    page.announcements.setPlainText("ผ้าไหมลด 10% ทุกวันศุกร์\n\nเปิด 08:30-17:30 ทุกวัน\n")
    page.poster_text.setText(LINE)
    page.poster_caption.setText("แอดไลน์ร้าน · Add us on LINE")
    qtbot.mouseClick(page.seconds.button(5), Qt.MouseButton.LeftButton)
    assert page.save()
    expected = IdleDisplay(
        ("ผ้าไหมลด 10% ทุกวันศุกร์", "เปิด 08:30-17:30 ทุกวัน"), LINE, "แอดไลน์ร้าน · Add us on LINE", 5
    )
    assert demo_context.settings().customer_display_idle == expected
    assert audited_keys(demo_context) == [(MANAGER, "customer_display_idle")]
    # the open display changed without a restart
    assert display.announcement.isVisible() and display.poster.isVisible()
    assert display.announcement.text() == "ผ้าไหมลด 10% ทุกวันศุกร์"
    assert display.poster_caption.text() == "แอดไลน์ร้าน · Add us on LINE"
    side = display.poster_qr.pixmap().width()  # as large as an 800x480 screen allows
    assert display.poster_side() == 200 and 200 - side < 37  # less than one module of 37
    display.resize(1280, 1024)
    qtbot.waitUntil(lambda: display.poster_qr.pixmap().width() > 280)
    assert display.poster_side() == 320
    display.next_announcement()
    assert display.announcement.text() == "เปิด 08:30-17:30 ทุกวัน"
    # a sale on the display: the lines, not the announcements or the poster
    counter.activateWindow()  # the cashier's window, not the customer's, takes the keys
    qtbot.waitUntil(counter.isActiveWindow)
    logged_in(qtbot, counter).sale.submit_scan(SILK)
    assert counter.till.cart.lines
    display.refresh()
    assert display.lines.isVisible() and not display.announcement.isVisible()
    assert not display.poster.isVisible()
    # a new display (a screen plugged in later) starts with what was saved
    assert page_on(qtbot, demo_context).announcements.toPlainText().count("\n") == 1


def test_a_refused_line_is_named_and_nothing_is_saved(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    set_language(ENGLISH)
    page = page_on(qtbot, demo_context)
    page.announcements.setPlainText("Welcome\nsilk\x1b[2Jsale")
    assert not page.save()
    assert page.error.text().startswith("announcement 2: contains a control character (U+001B)")
    set_language(THAI)
    assert not page.save()
    assert page.error.text().startswith("ประกาศข้อ 2: มีอักขระควบคุม")
    page.announcements.setPlainText("x" * 161)
    assert not page.save() and "161" in page.error.text()
    page.announcements.setPlainText("\n".join("abcdefg"))
    assert not page.save()
    page.announcements.clear()
    page.poster_caption.setText("line one\u2028line two")
    assert not page.save() and page.poster_caption.property("refused") is True
    assert demo_context.settings().customer_display_idle == IdleDisplay()
    assert audited_keys(demo_context) == []


def test_switching_the_display_off_hides_it(
    qtbot: QtBot, counter: CounterWindow, demo_context: AppContext
) -> None:
    display = open_display(qtbot, counter)
    page = page_on(qtbot, demo_context)
    assert page.enabled.isChecked()
    page.enabled.setChecked(False)
    assert page.save()
    assert demo_context.settings().customer_display is False
    assert not display.isVisible()
    assert audited_keys(demo_context) == [(MANAGER, "customer_display")]
    assert page.title() in ("จอลูกค้า", "Customer display")


def test_a_stored_time_not_on_the_buttons_is_offered_and_the_page_changes_language(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    set_language(THAI)
    values = {"customer_display_idle": IdleDisplay(("a", "b"), seconds_each=45).to_setting()}
    save_settings(demo_context.uow_factory, values, user_id=MANAGER)
    page = page_on(qtbot, demo_context)
    assert page.seconds.checkedId() == 45 and page.seconds.checkedButton().isVisible()
    assert page.seconds.checkedButton().text() == "45 วินาที"
    assert page.enabled.text() == "แสดงจอลูกค้าบนจอที่สอง"
    page.announcements.setPlainText("typed, not saved")
    switch(ENGLISH)
    assert page.enabled.text() == "Show the customer display on a second screen"
    assert page.seconds.checkedButton().text() == "45 s"
    assert page.announcements.toPlainText() == "typed, not saved"
    assert page.save() and demo_context.settings().customer_display_idle.seconds_each == 45


def test_the_page_is_never_wider_than_the_page_area(qtbot: QtBot, demo_context: AppContext) -> None:
    for language in (THAI, ENGLISH):
        switch(language)
        page = page_on(qtbot, demo_context)
        assert page.scroll_area.widget().minimumSizeHint().width() <= 760  # it scrolls down only
        assert all(b.height() >= 48 for b in page.seconds.buttons())
