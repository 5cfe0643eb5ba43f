"""Typing into widgets like a keyboard does, Thai included.

``qtbot.keyClicks`` aborts the whole process on any non-ASCII character
(qasciikey.cpp asserts), so Thai is sent as QKeyEvents carrying the text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    for character in text:
        key = Qt.Key.Key_unknown if not character.isascii() else _ascii_key(character)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)


def _ascii_key(character: str) -> Qt.Key:
    if character.isalnum():
        return Qt.Key(ord(character.upper()))
    return Qt.Key(ord(character))
