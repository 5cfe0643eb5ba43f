"""ui.text_fields: a free-text field the counter would refuse is marked as typed and stops a save.

Offscreen pytest-qt: the helper on bare fields in both languages, then wired into the
cash movement dialog (a refused reason is said and nothing is stored) and the receipt
header dialog (a NUL pasted into the phone stops the save; the store keeps the header).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext
from pos.clock import FakeClock
from pos.shifts.domain.cash_control import CashCount, CashMovementKind
from pos.shifts.services.shift_lifecycle import OpenShiftRequest, open_shift, shift_takings
from pos.staff.domain.users import User
from pos.text import TextKind
from ui import text_fields
from ui.app import create_application
from ui.i18n import ENGLISH, THAI, set_language
from ui.panels import EntryPanel
from ui.receipt_header_dialog import ReceiptHeaderDialog
from ui.shift_dialogs import CashMovementDialog


@pytest.fixture
def thai() -> Iterator[None]:
    create_application()
    set_language(THAI)
    yield
    set_language(ENGLISH)


def user(context: AppContext, role: str) -> User:
    with context.uow_factory() as uow:
        return next(u for u in uow.users.active_users() if u.role == role)


def test_a_field_is_marked_as_soon_as_its_text_would_be_refused(qtbot: QtBot, thai: None):
    field = QLineEdit()
    qtbot.addWidget(field)
    text_fields.watch(field, TextKind.REASON, "reason", "เหตุผล")
    field.setText("นำเงินเข้าเซฟ")
    assert field.property(text_fields.REFUSED) is False and field.toolTip() == ""
    field.setText("นำเงิน\x1b[2Jเข้าเซฟ")
    assert field.property(text_fields.REFUSED) is True
    assert field.toolTip() == "เหตุผล: มีอักขระควบคุม (U+001B) ที่ตัวอักษรที่ 7"
    field.setText("นำเงินเข้าเซฟ")
    assert field.property(text_fields.REFUSED) is False


def test_checked_says_the_problem_in_english_and_puts_the_cursor_on_it(qtbot: QtBot):
    create_application()
    set_language(ENGLISH)
    field, label = QPlainTextEdit(), QLabel()
    qtbot.addWidget(field)
    qtbot.addWidget(label)
    text_fields.watch(field, TextKind.ADDRESS, "address", "ที่อยู่")
    field.setPlainText("12 ม.3\nต.โพธิ์")  # lines are fine in an address
    assert text_fields.checked(field, label) == "12 ม.3\nต.โพธิ์"
    field.setPlainText("12 ม.3\x00ต.โพธิ์")
    assert text_fields.checked(field, label) is None
    assert label.text() == "address: contains a NUL character (U+0000) at character 7"
    assert field.textCursor().position() == 6


def test_a_line_that_is_too_long_is_said_not_cut(qtbot: QtBot, thai: None):
    field, said = QLineEdit(), []
    qtbot.addWidget(field)
    field.setText("ก" * 201)
    assert text_fields.checked(field, said.append, TextKind.NAME, "name", "ชื่อ") is None
    assert said == ["ชื่อ: ยาวเกิน 200 ตัวอักษร (มี 201 ตัวอักษร)"]
    assert len(field.text()) == 201  # nothing cut behind the cashier's back


def test_the_cash_movement_dialog_refuses_a_control_character_and_stores_nothing(
    qtbot: QtBot, demo_context: AppContext, thai: None
):
    clock = FakeClock()
    cashier = user(demo_context, "cashier")
    assert cashier.user_id is not None
    request = OpenShiftRequest(uuid.uuid4(), cashier.user_id, float_count=CashCount.parse("100x10"))
    shift = open_shift(demo_context.uow_factory, clock, request)
    dialog = CashMovementDialog(demo_context, cashier, CashMovementKind.CASH_OUT, clock=clock)
    qtbot.addWidget(dialog)
    dialog.amount.setText("200")
    dialog.reason.setEditText("ส่งเซฟ\x07")
    assert dialog.reason_field.property(text_fields.REFUSED) is True
    dialog._save()
    assert "เหตุผล: มีอักขระควบคุม (U+0007)" in dialog.status.text()
    with demo_context.uow_factory() as uow:
        assert shift_takings(uow, shift).cash.expected_satang == 100_000  # no cash went out
    dialog.reason.setEditText("ส่งเซฟ")
    dialog._save()
    with demo_context.uow_factory() as uow:
        assert shift_takings(uow, shift).cash.expected_satang == 80_000


def test_the_receipt_header_dialog_will_not_save_a_nul(
    qtbot: QtBot, demo_context: AppContext, thai: None
):
    manager = user(demo_context, "manager")
    before = demo_context.settings().receipt_header
    dialog = ReceiptHeaderDialog(demo_context, manager.user_id)
    qtbot.addWidget(dialog)
    dialog.phone.setText("045-612\x00345")
    assert dialog.save() is False
    assert dialog.error.text().startswith("โทรศัพท์: มีอักขระ NUL (U+0000)")
    assert demo_context.settings().receipt_header == before


def test_the_entry_panel_checks_a_free_text_answer_before_passing_it_on(qtbot: QtBot, thai: None):
    """The no-sale reason is asked in the entry panel; a refused text never reaches the till."""
    panel = EntryPanel()
    qtbot.addWidget(panel)
    answers: list[str] = []

    def answer(text: str, _: User | None) -> str | None:
        answers.append(text)
        return None

    panel.ask("เปิดลิ้นชัก", "เหตุผล?", answer, kind="text")
    panel.field.setText("แลกเหรียญ\x1b")
    panel.accept()
    assert answers == [] and panel.hint.text().startswith("เหตุผล: มีอักขระควบคุม (U+001B)")
    panel.field.setText("แลกเหรียญ")
    panel.accept()
    assert answers == ["แลกเหรียญ"]
    panel.ask("จำนวน", "", answer, kind="number")  # numbers are not held to the text rule
    panel.field.setText("3")
    panel.accept()
    assert answers[-1] == "3"
