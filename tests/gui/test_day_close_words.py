"""What stands in the way of closing the day is said in the screen's language (issue 13).

The day-close service gives its problems as data (:class:`ClosingProblem`); the dialog
words them, so an English screen has no Thai sentence and a Thai one no English one, and
F9 with the dialog open words them again.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext
from tests.gui.payment_helpers import open_a_shift
from ui.day_close_dialog import DayCloseDialog
from ui.i18n import ENGLISH, THAI, set_language


def test_an_open_shift_is_said_in_english_then_in_thai(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    open_a_shift(demo_context)
    set_language(ENGLISH)
    dialog = DayCloseDialog(demo_context)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        text = dialog.problems.text()
        assert "shift #1 of" in text and "is still open: close it with a count" in text
        assert not dialog.close_button.isEnabled()
        set_language(THAI)  # as F9 does, the dialog open
        qtbot.waitUntil(lambda: "ยังเปิดอยู่" in dialog.problems.text(), timeout=5_000)
        assert "กะที่ 1 ของ" in dialog.problems.text()
        assert "still open" not in dialog.problems.text()
    finally:
        set_language(THAI)
