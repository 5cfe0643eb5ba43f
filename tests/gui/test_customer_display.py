"""With a second screen the customer sees the lines and the total there (between sales the
shop's announcements and poster); with one screen, nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext
from pos.ids import UserId
from pos.settings.services.change import save_settings
from pos.till.domain.idle_display import IdleDisplay
from ui.customer_display import CustomerDisplay
from ui.main_window import CounterWindow

CHILD = Path(__file__).with_name("two_screens_child.py")
TWO_SCREENS = {
    "screens": [
        {
            "name": "customer",
            "x": 1366,
            "y": 0,
            "width": 800,
            "height": 480,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
        {
            "name": "counter",
            "x": 0,
            "y": 0,
            "width": 1366,
            "height": 768,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
    ]
}


def run_child(context: AppContext, tmp_path: Path) -> dict[str, Any]:
    """The counter on two screens, in a process of its own; what it reports."""
    assert context.data_dir is not None
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps(TWO_SCREENS))
    done = subprocess.run(
        [sys.executable, str(CHILD), str(context.data_dir), str(screens)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def test_a_second_screen_gets_the_customer_display(
    demo_context: AppContext, tmp_path: Path
) -> None:
    report = run_child(demo_context, tmp_path)
    assert sorted(report["screens"]) == ["counter", "customer"]
    assert report["display_visible"] is True
    assert report["display_screen"] != report["cashier_screen"]
    assert report["display_total"] == "2,600.00"
    assert "ผ้าไหมมัดหมี่ลายลูกแก้ว" in report["display_lines"]
    assert "1.250 กก." in report["display_lines"]


def test_between_sales_the_second_screen_shows_the_shops_announcements_and_poster(
    demo_context: AppContext, tmp_path: Path
) -> None:
    idle = IdleDisplay(("ผ้าไหมลด 10% ทุกวันศุกร์",), "https://line.me/R/ti/p/@otopsisaket", "LINE")
    values = {"customer_display_idle": idle.to_setting()}
    save_settings(demo_context.uow_factory, values, user_id=UserId(2))
    report = run_child(demo_context, tmp_path)
    assert report["display_visible"] is True
    assert report["idle_announcement"] == "ผ้าไหมลด 10% ทุกวันศุกร์"
    assert report["idle_announcement_visible"] is True and report["idle_poster_visible"] is True
    assert report["poster_visible_in_sale"] is False  # the lines and the total, nothing else


def test_with_one_screen_it_stays_off(counter: CounterWindow) -> None:
    assert len(QApplication.screens()) == 1
    counter.customer_display.place()
    assert counter.customer_display.display is None


def test_the_display_has_a_place_for_the_promptpay_qr(qtbot: QtBot, counter: CounterWindow) -> None:
    display = CustomerDisplay(counter.till)
    qtbot.addWidget(display)
    assert not display.payment.isVisibleTo(display)
    image = QImage(240, 240, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    display.show_payment_qr(image, "PromptPay 2,450.00")
    assert display.payment.isVisibleTo(display) and display.payment_qr.pixmap().width() == 240
    assert display.payment_caption.text() == "PromptPay 2,450.00"
    display.clear_payment()
    assert not display.payment.isVisibleTo(display)
    assert not counter.customer_display.show_payment_qr(image, "x")  # no second screen here
