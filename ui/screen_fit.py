"""Windows and dialogs that fit the counter's screen (1024×768 and up).

A long form goes in :func:`scrolling` so that its buttons, kept outside the
scroll area, stay on screen; :func:`fit_to_screen` sizes a window to what it
would like, never larger than the screen's available geometry (less room for
the window manager's frame), and caps it there so it cannot grow later::

    fit_to_screen(dialog, QSize(640, 900))
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# The title bar and borders the window manager adds around the client area.
FRAME_ALLOWANCE = QSize(16, 40)


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless, vertically scrolling area that follows its width."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


def available_geometry(window: QWidget) -> QRect:
    """The free area of the screen the window is (or will be) on."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(
    window: QWidget, preferred: QSize | None = None, available: QRect | None = None
) -> QSize:
    """Cap ``window`` to the screen and size it to ``preferred`` (or its hint) within; the size."""
    room = (available or available_geometry(window)).size() - FRAME_ALLOWANCE
    window.setMaximumSize(room)
    wanted = preferred or window.sizeHint()
    size = wanted.boundedTo(room).expandedTo(window.minimumSizeHint().boundedTo(room))
    window.resize(size)
    return size
