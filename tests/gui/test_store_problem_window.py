"""The counter app on a damaged store: a window that says so, exit 3, the file untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from cli.main import main
from ui.app import run_app


def test_a_damaged_store_opens_a_window_naming_the_file_and_the_app_exits_3(
    qtbot: QtBot, tmp_path: Path
) -> None:
    assert main(["--data-dir", str(tmp_path), "init"]) == 0
    store = tmp_path / "pos.sqlite3"
    with store.open("r+b") as file:
        file.truncate(store.stat().st_size // 2)
    before = hashlib.sha256(store.read_bytes()).hexdigest()
    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(20, read_and_close)
    assert run_app(str(tmp_path)) == 3
    (text,) = shown
    assert str(store) in text and "is damaged" in text and "ไฟล์ข้อมูลเสียหาย" in text
    assert hashlib.sha256(store.read_bytes()).hexdigest() == before
