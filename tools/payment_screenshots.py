"""Screenshots of the payment and return screens for docs/screenshots, on a virtual X screen.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python \
        -m tools.payment_screenshots docs/screenshots

A fresh demo store in a temporary directory, the shop's PromptPay ID set and
the clock on 5 July 2021 (Khon La Khrueng phase 3 was paying), driven with
keys as a cashier would: a cash sale with change, a PromptPay QR (and the
customer display showing it), a co-pay + PromptPay + cash split, the buyer
details of a full tax invoice, the menu, a return of a co-paid line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from pos.bootstrap import initialise, open_till
from pos.clock import THAI_TIME, FakeClock
from pos.ids import ShiftId, UserId
from pos.shifts.services.shift_lifecycle import OpenShiftRequest, open_shift
from ui.app import create_application
from ui.customer_display import CustomerDisplay
from ui.main_window import CounterWindow

JULY_2021 = dt.datetime(2021, 7, 5, 10, 30, tzinfo=THAI_TIME)
SILK, GARLIC, SHALLOTS, COFFEE = "8855512010014", "8857717001019", "2100004012509", "8857717001064"


def _focus(window: QWidget) -> QWidget:
    return QApplication.focusWidget() or window


def _key(
    window: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(_focus(window), key, modifier)
    QApplication.processEvents()


def _type(window: QWidget, text: str) -> None:
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = Qt.Key(ord(character.upper())) if character.isascii() else Qt.Key.Key_unknown
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(_focus(window), event)
    QApplication.processEvents()


def _scan(window: QWidget, *codes: str) -> None:
    for code in codes:
        _type(window, code)
        _key(window, Qt.Key.Key_Return)


def _save(widget: QWidget, folder: Path, name: str) -> None:
    QApplication.processEvents()
    QTest.qWait(80)
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def _cash_with_change(window: CounterWindow) -> None:
    _scan(window, SILK, GARLIC, SHALLOTS)
    _key(window, Qt.Key.Key_F12)
    for _ in range(3):
        _key(window, Qt.Key.Key_F10)  # three 1,000-baht notes


def _cash_done(window: CounterWindow) -> None:
    _key(window, Qt.Key.Key_Return)


def _promptpay(window: CounterWindow) -> None:
    _key(window, Qt.Key.Key_Return)  # next customer
    _scan(window, SILK, COFFEE)
    _key(window, Qt.Key.Key_F12)
    _key(window, Qt.Key.Key_F2)
    _key(window, Qt.Key.Key_Return)


def _co_pay(window: CounterWindow) -> None:
    _key(window, Qt.Key.Key_Escape)  # back to the cart; the QR goes away
    _key(window, Qt.Key.Key_F12)
    _key(window, Qt.Key.Key_F4)
    scheme_page = window.checkout.payment.current_page()
    assert scheme_page is not None
    scheme_page.fields()[1].setText("300")  # the amount through the app
    _type(window, "KTB-2107-0091")


def _split(window: CounterWindow) -> None:
    _key(window, Qt.Key.Key_Return)
    _key(window, Qt.Key.Key_F2)
    window.checkout.payment.promptpay_page.amount.setText("1000")
    _key(window, Qt.Key.Key_Return)


def _buyer(window: CounterWindow) -> None:
    _key(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # transfer arrived
    _key(window, Qt.Key.Key_F1)
    _key(window, Qt.Key.Key_F10)
    _key(window, Qt.Key.Key_F10)
    _key(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    _type(window, "บริษัท ศรีสะเกษ เทรดดิ้ง จำกัด")
    _key(window, Qt.Key.Key_Tab)
    _type(window, "99 ถ.ขุขันธ์ ต.เมืองใต้ อ.เมือง จ.ศรีสะเกษ 33000")
    _key(window, Qt.Key.Key_Tab)
    _type(window, "0335558882988")
    _key(window, Qt.Key.Key_Return)
    _type(window, "00000")


def _menu(window: CounterWindow) -> None:
    _key(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # save the buyer
    _key(window, Qt.Key.Key_Return)  # complete the sale
    _key(window, Qt.Key.Key_Return)  # next customer
    _key(window, Qt.Key.Key_F11)


def _returns(window: CounterWindow) -> None:
    _key(window, Qt.Key.Key_F10)
    _scan(window, "POS01-00000002")
    _key(window, Qt.Key.Key_Down)
    _key(window, Qt.Key.Key_F3)
    _type(window, "สีไม่ตรงกับที่สั่ง")


def _credit_note(window: CounterWindow) -> None:
    _key(window, Qt.Key.Key_Return)
    _type(window, "5678")
    _key(window, Qt.Key.Key_Return)


SCENES: list[tuple[str, Callable[[CounterWindow], None]]] = [
    ("payment-cash-change", _cash_with_change),
    ("payment-done", _cash_done),
    ("payment-promptpay-qr", _promptpay),
    ("payment-co-pay", _co_pay),
    ("payment-split", _split),
    ("buyer-details", _buyer),
    ("sale-menu", _menu),
    ("returns-screen", _returns),
    ("returns-credit-note", _credit_note),
]


def customer_display_with_qr(window: CounterWindow, folder: Path) -> None:
    """What the second screen shows while a PromptPay QR waits to be paid (1024×600)."""
    display = CustomerDisplay(window.till)
    display.resize(1024, 600)
    display.show()
    window.customer_display.display = display
    _key(window, Qt.Key.Key_Escape)  # back to the cart
    _scan(window, GARLIC, COFFEE)
    _key(window, Qt.Key.Key_F12)
    _key(window, Qt.Key.Key_F2)
    _key(window, Qt.Key.Key_Return)
    _save(display, folder, "customer-display-qr")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    options = parser.parse_args()
    options.folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="otop-shots-") as tmp:
        context, _ = initialise(Path(tmp) / "store", demo=True)
        with context.uow_factory() as uow:
            uow.settings.save(uow.settings.load().replace(promptpay_target="0801234567"))
            uow.commit()
        # nothing sells without an open shift
        shift = OpenShiftRequest(ShiftId(uuid.uuid4()), UserId(1), float_satang=200_000)
        open_shift(context.uow_factory, FakeClock(JULY_2021 - dt.timedelta(hours=2)), shift)
        create_application()
        window = CounterWindow(open_till(context, FakeClock(JULY_2021)))
        window.setGeometry(0, 0, 1366, 768)
        window.show()
        window.activateWindow()
        QTest.qWaitForWindowExposed(window)
        _type(window, "1234")
        _key(window, Qt.Key.Key_Return)
        for name, scene in SCENES:
            scene(window)
            _save(window, options.folder, name)
        customer_display_with_qr(window, options.folder)
        window.close()
        context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
