"""The settings dialogs hold typed values to the settings schema; a bad stored value does not stop
the counter window from starting.

The printer dialog's ranges come from the schema and what it cannot range
(a USB id typed in hex, a host with a control character) is refused by the
schema with the range named, nothing saved; the receipt header dialog refuses
a NUL in the centre's name.  A store holding ``idle_lock_minutes = 1e9`` (which
once kept the app from starting) opens with the default lock time.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext, open_context, open_till
from pos.printing.domain.printer_settings import ConnectionKind, PrinterSettings
from pos.settings.domain.rules import IntRule
from pos.settings.domain.schema import BAUD_RATES, PRINTER_FIELDS
from pos.settings.domain.shop_settings import Settings
from tests.gui.helpers import start_counter
from tests.gui.keys import type_text
from ui.printer_settings_dialog import PrinterSettingsDialog, _select
from ui.receipt_header_dialog import ReceiptHeaderDialog


def test_the_printer_dialog_refuses_an_out_of_range_usb_id_naming_the_range(
    qtbot: QtBot, empty_context: AppContext
) -> None:
    dialog = PrinterSettingsDialog(empty_context)
    qtbot.addWidget(dialog)
    _select(dialog.connection, ConnectionKind.USB)
    dialog.usb_vendor.clear()
    type_text(dialog.usb_vendor, "1ffff")  # five hex digits: beyond a USB id
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "usb_vendor_id" in dialog.status.text() and "0-65535" in dialog.status.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert empty_context.settings().receipt_printer == PrinterSettings()


def test_the_printer_dialog_refuses_a_control_character_in_the_host(
    qtbot: QtBot, empty_context: AppContext
) -> None:
    dialog = PrinterSettingsDialog(empty_context)
    qtbot.addWidget(dialog)
    _select(dialog.connection, ConnectionKind.NETWORK)
    dialog.host.setText("192.168.1.50\x00")  # pasted: the keyboard cannot type it
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "host" in dialog.status.text() and "control character" in dialog.status.text()
    assert empty_context.settings().receipt_printer == PrinterSettings()


def test_the_printer_dialog_offers_the_schema_s_ranges(
    qtbot: QtBot, empty_context: AppContext
) -> None:
    dialog = PrinterSettingsDialog(empty_context)
    qtbot.addWidget(dialog)
    port = PRINTER_FIELDS["port"]
    assert isinstance(port, IntRule)
    assert (dialog.port.minimum(), dialog.port.maximum()) == (port.low, port.high)
    rates = [dialog.baudrate.itemData(i) for i in range(dialog.baudrate.count())]
    assert rates == list(BAUD_RATES)


def test_the_header_dialog_refuses_a_nul_in_the_name(
    qtbot: QtBot, empty_context: AppContext
) -> None:
    before = empty_context.settings()
    dialog = ReceiptHeaderDialog(empty_context, None)
    qtbot.addWidget(dialog)
    dialog.name.setText("ศูนย์ OTOP\x00ศรีสะเกษ")
    assert dialog.save() is False
    # pos.text's message, in the cashier's language: the field, what and where
    assert dialog.error.text() in (
        "ชื่อศูนย์: มีอักขระ NUL (U+0000) ที่ตัวอักษรที่ 11",
        "name: contains a NUL character (U+0000) at character 11",
    )
    assert empty_context.settings() == before


def test_the_counter_starts_with_a_bad_stored_idle_lock(
    qtbot: QtBot, empty_context: AppContext, data_dir: Path
) -> None:
    with sqlite3.connect(data_dir / "pos.sqlite3") as connection:
        connection.execute("UPDATE setting SET value_json = '1e9' WHERE key = 'idle_lock_minutes'")
    context = open_context(data_dir)
    try:
        till = open_till(context, background=False)
        window = start_counter(qtbot, till, context)
        # the timer behind the lock (no public getter): the default 5 minutes, not 1e9 of them
        assert window.idle._timer.interval() == Settings().idle_lock_minutes * 60_000
        assert till.settings.idle_lock_minutes == Settings().idle_lock_minutes
    finally:
        context.close()
