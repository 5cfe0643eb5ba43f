"""Screenshots of the counter app for docs/screenshots, taken on a real (virtual) X screen.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tools.screenshots docs/screenshots

Opens the app on a fresh demo store in a temporary directory, drives it with
key events as a cashier would (log in, scan, weigh, discount with a manager's
PIN, hold, lock, F9 for English) and saves each state as a PNG at the size of
the screen.  ``--size 1920x1080`` for a larger counter screen (the file names
get the size).  The customer display is taken separately, on Qt's offscreen
platform configured with two screens (tests/gui/two_screens_child.py).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from pos.bootstrap import initialise
from pos.catalogue.domain.products import Category
from ui.app import start_counter
from ui.main_window import CounterWindow

CART = [
    "8855512010014",
    "8857717001019",
    "8857717001019",
    "2100004012509",
    "8855512010021",
    "8857717001064",
    "2200005045008",
    "8857717001118",
    "2000000000152",
]


def _focus(window: QWidget) -> QWidget:
    return QApplication.focusWidget() or window


def _keys(window: QWidget, text: str = "", key: Qt.Key = Qt.Key.Key_Return) -> None:
    if text:
        QTest.keyClicks(_focus(window), text)
    QTest.keyClick(_focus(window), key)
    QApplication.processEvents()


def _thai(window: QWidget, text: str) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(_focus(window), event)
    QApplication.processEvents()


def _save(window: CounterWindow, folder: Path, name: str, suffix: str) -> None:
    QApplication.processEvents()
    QTest.qWait(50)
    path = folder / f"{name}{suffix}.png"
    window.grab().save(str(path))
    print(path)


def _full_cart(window: CounterWindow) -> None:
    _keys(window, "1234")
    for code in CART:
        _keys(window, code)
    _keys(window, "2100004000001")  # a base scale code: the weight is asked
    _keys(window, "0.85")
    window.sale.cart_table.select_row(5)
    _keys(window, key=Qt.Key.Key_F5)
    _keys(window, "15%")  # above the 10% limit: a manager approves
    _keys(window, "5678")
    _keys(window, key=Qt.Key.Key_F6)
    _keys(window, "20")
    window.sale.cart_table.select_row(5)


def _search(window: CounterWindow) -> None:
    _keys(window, key=Qt.Key.Key_F2)
    _thai(window, "หอมแดง")
    QTest.qWait(200)


def _weight(window: CounterWindow) -> None:
    _keys(window, key=Qt.Key.Key_Escape)
    _keys(window, "2100001000004")  # durian, by the kg


def _approval(window: CounterWindow) -> None:
    _keys(window, key=Qt.Key.Key_Escape)
    window.sale.cart_table.select_row(1)
    _keys(window, key=Qt.Key.Key_F5)
    _keys(window, "30%")


def _help(window: CounterWindow) -> None:
    _keys(window, key=Qt.Key.Key_Escape)
    _keys(window, key=Qt.Key.Key_F1)


def _held(window: CounterWindow) -> None:
    _keys(window, key=Qt.Key.Key_Escape)
    _keys(window, key=Qt.Key.Key_F7)
    _keys(window, "8855512010038")
    _keys(window, key=Qt.Key.Key_F7)
    _keys(window, key=Qt.Key.Key_F8)


def _lock(window: CounterWindow) -> None:
    _keys(window, key=Qt.Key.Key_Return)  # recall the first held cart
    window.lock()


def _english(window: CounterWindow) -> None:
    _keys(window, "1234")
    _keys(window, key=Qt.Key.Key_F9)
    QTest.qWait(100)
    _keys(window, "8855512010014")


SCENES: list[tuple[str, Callable[[CounterWindow], None]]] = [
    ("login", lambda window: None),
    ("sale-full-cart", _full_cart),
    ("quick-keys-food", lambda window: window.sale.quick_keys.show_category(Category.FOOD)),
    ("search-thai", _search),
    ("weight-question", _weight),
    ("manager-approval", _approval),
    ("shortcuts-help", _help),
    ("held-carts", _held),
    ("lock-screen", _lock),
    ("sale-english", _english),
]


def customer_display(data_dir: Path, folder: Path, suffix: str) -> None:
    screens = {
        "screens": [
            {
                "name": "customer",
                "x": 1366,
                "y": 0,
                "width": 1024,
                "height": 600,
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
    config = data_dir.parent / "screens.json"
    config.write_text(json.dumps(screens))
    child = Path(__file__).resolve().parents[1] / "tests" / "gui" / "two_screens_child.py"
    path = folder / f"customer-display{suffix}.png"
    subprocess.run(
        [sys.executable, str(child), str(data_dir), str(config), str(path)],
        check=True,
        capture_output=True,
    )
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size", default="1366x768")
    options = parser.parse_args()
    width, height = map(int, options.size.split("x"))
    suffix = "" if options.size == "1366x768" else f"-{options.size}"
    options.folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="otop-shots-") as tmp:
        data_dir = Path(tmp) / "store"
        initialise(data_dir, demo=True)[0].close()
        counter = start_counter(str(data_dir))
        counter.window.showNormal()
        counter.window.setGeometry(0, 0, width, height)
        counter.window.activateWindow()
        QTest.qWaitForWindowExposed(counter.window)
        for name, scene in SCENES:
            scene(counter.window)
            _save(counter.window, options.folder, name, suffix)
        counter.till.clear_cart()
        counter.close()
    with tempfile.TemporaryDirectory(prefix="otop-shots-") as tmp:
        data_dir = Path(tmp) / "store"
        initialise(data_dir, demo=True)[0].close()
        customer_display(data_dir, options.folder, suffix)
    return 0


if __name__ == "__main__":
    sys.exit(main())
