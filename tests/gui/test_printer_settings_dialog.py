"""The printer settings dialog: a test print to a printer on loopback, and saving the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext
from pos.printing.domain.printer_settings import ConnectionKind, PrinterSettings, PrintMode
from receipts.emulator import PrinterEmulator
from tests.gui.keys import type_text
from tests.receipt_helpers import free_port
from ui.printer_settings_dialog import PrinterSettingsDialog, _select


def _network(dialog: PrinterSettingsDialog, port: int) -> None:
    _select(dialog.connection, ConnectionKind.NETWORK)
    dialog.host.clear()
    type_text(dialog.host, "127.0.0.1")
    dialog.port.setValue(port)


def test_test_print_reaches_the_printer_and_says_so(
    qtbot: QtBot, empty_context: AppContext, tmp_path: Path
) -> None:
    dialog = PrinterSettingsDialog(empty_context)
    qtbot.addWidget(dialog)
    dialog.show()
    with PrinterEmulator(0) as printer:
        _network(dialog, printer.port)
        _select(dialog.paper, 384)
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "สำเร็จ" in dialog.status.text(), timeout=10_000)
    (job,) = printer.printed_jobs()
    assert job.picture().width == 384 and job.cuts == 1
    assert dialog.test_button.isEnabled()
    dialog.grab().save(str(tmp_path / "printer-settings.png"))


def test_a_printer_that_is_off_is_reported_and_the_dialog_stays_usable(
    qtbot: QtBot, empty_context: AppContext
) -> None:
    dialog = PrinterSettingsDialog(empty_context)
    qtbot.addWidget(dialog)
    _network(dialog, free_port())
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "พิมพ์ไม่ได้" in dialog.status.text(), timeout=10_000)
    assert "เครื่องพิมพ์ปิดอยู่" in dialog.status.text()
    assert dialog.test_button.isEnabled()


def test_saving_stores_the_settings_and_tells_whoever_listens(
    qtbot: QtBot, empty_context: AppContext
) -> None:
    dialog = PrinterSettingsDialog(empty_context)
    qtbot.addWidget(dialog)
    _network(dialog, 9100)
    _select(dialog.mode, PrintMode.TEXT)
    dialog.code_page.setValue(70)
    with qtbot.waitSignal(dialog.settings_saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = empty_context.settings().receipt_printer
    assert stored == saved.args[0]
    assert (stored.connection, stored.host, stored.port) == (
        ConnectionKind.NETWORK,
        "127.0.0.1",
        9100,
    )
    assert (stored.mode, stored.code_page) == (PrintMode.TEXT, 70)
    reopened = PrinterSettingsDialog(empty_context)
    qtbot.addWidget(reopened)
    assert reopened.entered_settings() == stored


def test_a_network_printer_without_an_address_is_refused_and_nothing_is_saved(
    qtbot: QtBot, empty_context: AppContext
) -> None:
    dialog = PrinterSettingsDialog(empty_context)
    qtbot.addWidget(dialog)
    _select(dialog.connection, ConnectionKind.NETWORK)
    dialog.host.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "host" in dialog.status.text()
    assert empty_context.settings().receipt_printer == PrinterSettings()


def test_the_worker_status_reaches_the_gui_thread_as_a_signal(qtbot: QtBot) -> None:
    import threading

    from receipts.print_worker import QueueState, QueueStatus
    from ui.print_status import PrintStatusBridge, needs_attention

    bridge = PrintStatusBridge()
    waiting = QueueStatus(QueueState.WAITING, 2, "กระดาษหมด — รอพิมพ์ 2 ใบ")
    with qtbot.waitSignal(bridge.status_changed) as received:
        threading.Thread(target=bridge.report, args=(waiting,)).start()
    assert received.args[0] == waiting and needs_attention(waiting)
