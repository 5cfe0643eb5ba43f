"""A counter process for the crash tests: it logs in and scans like a cashier, then is killed.

``python crash_child.py DATA_DIR steady CODE...`` scans the codes (keys to the
focused widget, then Enter, as a wedge scanner types), gives the last line a
5% discount with F5, waits until the journal has written everything, prints
``saved <revision> <lines> <total_satang>`` and keeps running until killed.

``python crash_child.py DATA_DIR torture CODE...`` scans the codes without
pause and prints ``durable <revision>`` each time the journal has committed a
revision, so the test can kill it mid-stream.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from pos.bootstrap import open_context, open_till
from ui.app import create_application
from ui.main_window import CounterWindow
from ui.sound import ErrorSound


def _focus(window: QWidget) -> QWidget:
    return QApplication.focusWidget() or window


def _keys(window: QWidget, text: str, then: Qt.Key = Qt.Key.Key_Return) -> None:
    QTest.keyClicks(_focus(window), text)
    QTest.keyClick(_focus(window), then)


def main(data_dir: str, mode: str, codes: list[str]) -> int:
    app = create_application()
    context = open_context(Path(data_dir))
    till = open_till(context)
    if mode == "torture":
        till.journal.on_written = lambda saved: print(
            f"durable {saved.revision if saved else 0}", flush=True
        )
    window = CounterWindow(till, ErrorSound(silent=True))
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    app.processEvents()
    _keys(window, "1234")
    for code in codes:
        _keys(window, code)
    if mode == "steady":
        QTest.keyClick(_focus(window), Qt.Key.Key_F5)
        _keys(window, "5%")
        till.journal.flush()
        total = till.totals().total_satang
        print(f"saved {till.revision} {len(till.cart.lines)} {total}", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
