"""PySide6 must not drop references to None, True or False (6.12.0 on Python 3.11 does).

With that bug every call of a Qt method that returns nothing takes one
reference from None; after some hours at the counter None's count reaches zero
and Python aborts ("none_dealloc: deallocating None").  pyproject.toml keeps
PySide6 below 6.12 for it; this test fails on any version that has the bug.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

CALLS = 2000


def _drain(call: Callable[[], object]) -> int:
    """How many references to None ``CALLS`` calls leave behind (about 0 when correct)."""
    gc.collect()
    gc.disable()  # the collector freeing unrelated objects would move the count too
    try:
        before = sys.getrefcount(None)
        for _ in range(CALLS):
            call()
        return sys.getrefcount(None) - before
    finally:
        gc.enable()


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    assert _drain(lambda: label.setText("ผ้าไหม")) > -CALLS // 2
    assert _drain(lambda: label.property("not-set")) > -CALLS // 2
    holder = QObject()
    assert _drain(lambda: holder.setObjectName("till")) > -CALLS // 2
