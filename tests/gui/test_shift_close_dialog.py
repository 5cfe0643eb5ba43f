"""The blind shift close through the dialog: count by denomination, confirm, see the result."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext
from pos.clock import THAI_TIME, FakeClock
from pos.money import format_baht
from pos.sale.domain.cart import Cart
from pos.sale.domain.tenders import CashTender
from pos.sale.services.checkout import CheckoutRequest, commit_sale
from pos.shifts.domain.cash_control import CashCount
from pos.shifts.services.shift_lifecycle import OpenShiftRequest, current_shift, open_shift
from pos.staff.domain.users import User
from tests.gui.keys import type_text
from ui.shift_dialogs import ShiftCloseDialog, ShiftOpenDialog, confirm_count

MORNING = dt.datetime(2021, 3, 1, 8, 15, tzinfo=THAI_TIME)


def cashier(context: AppContext) -> User:
    with context.uow_factory() as uow:
        return next(u for u in uow.users.active_users() if u.role == "cashier")


def open_and_sell(context: AppContext, clock: FakeClock) -> int:
    """A shift with a 1,000-baht float and one cash sale; returns the cash expected."""
    user = cashier(context)
    assert user.user_id is not None
    open_shift(
        context.uow_factory,
        clock,
        OpenShiftRequest(uuid.uuid4(), user.user_id, float_count=CashCount.parse("100x10")),
    )
    with context.uow_factory() as uow:
        product = uow.catalog.product_by_sku("TX-SCRF-0008") or next(
            p for p in uow.catalog.all_products() if not p.sold_by_weight
        )
    cart = Cart()
    cart.add_product(product, 1000)
    clock.advance(minutes=20)
    request = CheckoutRequest(uuid.uuid4(), cart, (CashTender(100_000),), user.user_id)
    commit_sale(context.uow_factory, clock, request)
    return 100_000 + product.unit_price_satang


def texts(widget: QWidget) -> str:
    parts = [label.text() for label in widget.findChildren(QLabel)]
    parts += [field.text() for field in widget.findChildren(QLineEdit)]
    return " ".join(parts)


def enter_count(qtbot: QtBot, dialog: ShiftCloseDialog, counts: dict[int, int]) -> None:
    for value, number in counts.items():
        spin = dialog.findChild(QSpinBox, f"count_{value}")
        assert spin is not None
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, str(number))  # digits only: keyClicks is safe for ASCII


def test_a_blind_close_shows_nothing_expected_until_the_count_is_confirmed(
    qtbot: QtBot, demo_context: AppContext, tmp_path: Path
) -> None:
    clock = FakeClock(MORNING)
    expected = open_and_sell(demo_context, clock)
    clock.advance(hours=4)
    dialog = ShiftCloseDialog(demo_context, cashier(demo_context), clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    assert format_baht(expected) not in texts(dialog)  # blind: nowhere on the dialog
    asked: list[str] = []
    dialog.ask_confirmation = lambda text: asked.append(text) is None
    whole, part = divmod(expected, 100_000)
    counts = {100_000: whole} | dict(CashCount.parse(_pieces(part)).pieces)
    enter_count(qtbot, dialog, counts)
    type_text(dialog.note, "นับสองรอบ")
    assert format_baht(expected) in dialog.counter.total.text()  # the cashier's own count
    dialog.grab().save(str(tmp_path / "shift-close-count.png"))
    assert format_baht(expected) not in texts(dialog.pages.widget(1))  # blind: nothing yet
    assert dialog.results.rowCount() == 0
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
    assert asked and format_baht(expected) in asked[0]
    assert dialog.headline.text().startswith("เงินสดตรง")
    cash = [dialog.results.item(0, column).text() for column in range(4)]
    assert cash == ["เงินสด", format_baht(expected), format_baht(expected), "0.00"]
    assert not dialog.approval_box.isVisible()
    shift = dialog.shift
    assert shift is not None and shift.closing is not None
    assert shift.closing.note == "นับสองรอบ" and current_shift(demo_context.uow_factory) is None
    dialog.grab().save(str(tmp_path / "shift-close-result.png"))


def _pieces(satang: int) -> str:
    from pos.shifts.domain.cash_control import count_for_amount

    count, left = count_for_amount(satang)
    assert left == 0
    return count.describe().replace(",", "")


def test_a_short_drawer_waits_for_the_managers_pin(qtbot: QtBot, demo_context: AppContext) -> None:
    clock = FakeClock(MORNING)
    open_and_sell(demo_context, clock)
    dialog = ShiftCloseDialog(demo_context, cashier(demo_context), clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ask_confirmation = lambda _text: True
    enter_count(qtbot, dialog, {100_000: 1})  # only the float: the sale's cash is missing
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
    assert dialog.headline.text().startswith("เงินสดขาด") and dialog.approval_box.isVisible()
    dialog.manager_pin.pin.setFocus()
    qtbot.keyClicks(dialog.manager_pin.pin, "0000")
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "PIN" in dialog.result_status.text(), timeout=10_000)
    dialog.manager_pin.pin.clear()
    qtbot.keyClicks(dialog.manager_pin.pin, "5678")
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.approval_box.isVisible(), timeout=10_000)
    assert "อนุมัติ" in dialog.result_status.text()
    with demo_context.uow_factory() as uow:
        shift = uow.shifts.shift_by_id(dialog.shift.shift_id)  # type: ignore[union-attr]
    assert shift is not None and shift.closing is not None
    assert shift.closing.approved_by_user_id == 2


def test_opening_a_shift_with_a_counted_float(qtbot: QtBot, demo_context: AppContext) -> None:
    dialog = ShiftOpenDialog(demo_context, cashier(demo_context), clock=FakeClock(MORNING))
    qtbot.addWidget(dialog)
    enter_spin = dialog.counter.spins[2_000]
    enter_spin.setValue(25)
    dialog.counter.spins[100].setValue(40)
    opened: list[object] = []
    dialog.shift_opened.connect(opened.append)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    shift = current_shift(demo_context.uow_factory)
    assert shift is not None and shift.float_satang == 54_000 and opened == [shift]


def test_the_count_confirmation_asks_in_thai_and_going_back_stores_nothing(
    qtbot: QtBot,
) -> None:
    """Qt has no Thai for its standard buttons: the question must not say Yes/No in Thai mode."""
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[list[str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(sorted(button.text() for button in box.buttons()))
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, answer)
    assert confirm_count(parent, "นับได้ 1,500.00 บาท ถูกต้องหรือไม่") is False
    assert seen == [["กลับไปแก้", "ยืนยัน บันทึกยอดนับ"]]
