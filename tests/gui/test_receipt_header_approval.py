"""The receipt header dialog takes the RD's POS approval number (ภ.พ.06) and previews it.

Real store, the real dialog: the number typed (small letters) is saved as on
the approval and the preview of an abbreviated tax invoice shows it; a number
with Thai letters is refused naming the field, nothing saved.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext
from tests.gui.keys import type_text
from ui.receipt_header_dialog import ReceiptHeaderDialog

TAX_ID = "0994000123451"


def _dialog(qtbot: QtBot, context: AppContext) -> ReceiptHeaderDialog:
    dialog = ReceiptHeaderDialog(context, None)
    qtbot.addWidget(dialog)
    dialog.tax_id.setText(TAX_ID)
    dialog.vat_registered.setChecked(True)
    return dialog


def test_the_approval_number_is_saved_as_on_the_approval(
    qtbot: QtBot, empty_context: AppContext
) -> None:
    dialog = _dialog(qtbot, empty_context)
    dialog.update_preview()
    without = dialog.preview.pixmap().height()
    type_text(dialog.approval_number, "e051234567890")
    dialog.update_preview()
    assert dialog.error.text() == ""
    assert dialog.preview.pixmap().height() > without  # the abbreviated invoice's new line
    assert dialog.save() is True
    header = empty_context.settings().receipt_header
    assert (header.approval_number, header.vat_registered) == ("E051234567890", True)
    again = ReceiptHeaderDialog(empty_context, None)
    qtbot.addWidget(again)
    assert again.approval_number.text() == "E051234567890"


def test_an_approval_number_with_thai_letters_is_refused_naming_it(
    qtbot: QtBot, empty_context: AppContext
) -> None:
    before = empty_context.settings()
    dialog = _dialog(qtbot, empty_context)
    type_text(dialog.approval_number, "ภพ06")
    assert dialog.save() is False
    assert dialog.error.text().startswith("เลขที่อนุมัติ")
    assert empty_context.settings() == before
