"""Scans reach the cart wherever the keyboard focus is: keyboard-wedge scanners.

A wedge scanner is, to the computer, a keyboard: it "types" the code's digits a
few milliseconds apart and presses Enter.  The program cannot tell it from the
keyboard by the device, only by the speed.  On the sale screen:

1. Focus in the scan field (the usual case): the code is typed there and Enter
   adds it.  Nothing to route.
2. Focus in another text field (search, a weight or discount being typed): the
   keys go into that field — the cashier may be typing there — but when Enter
   ends a *burst* of at least :data:`MIN_BURST` digits that came at most
   ``Settings.wedge_max_key_gap_ms`` apart (nobody types 8 digits at 35 ms a
   key), the burst is taken back out of the field and scanned into the cart.
   A cashier typing a quantity or a PIN is never mistaken for a scanner.
3. Focus anywhere else (a list, a button, nothing): printable keys go into the
   scan field, and Enter adds what is there.

On the log-in and lock screens nothing is routed.  :class:`KeyBurst` is the
timing logic, without Qt, so it is tested with plain numbers.

The payment and return screens take scans too (issue 4): the window points
the router at their field and handler with :meth:`ScanRouter.set_target`.  The
return screen's scans are receipt numbers (``POS01-00000042``: letters, digits
and a dash), so a target says which characters make a burst and which
bursts it wants.  A text field with the ``takesScans`` property keeps what is
scanned into it (the buyer's tax ID, scanned off the back of a Thai ID card).
A widget with the ``takesNoInput`` property (a page with nothing to fill in,
such as the scheme page when no scheme pays) takes no typing at all: a key
typed there is not put into the scan field, only a scanner's burst is a scan.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

MIN_BURST = 8  # the shortest product code, EAN-8
TAKES_SCANS = "takesScans"  # a text field with this property set keeps scans typed into it
TAKES_NO_INPUT = "takesNoInput"  # a page with nothing to type: keys typed there are dropped
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
_TEXT_FIELDS = (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit)


class KeyBurst:
    """Digits arriving fast into one field, as a scanner types them."""

    def __init__(
        self,
        max_gap_ms: float,
        min_length: int = MIN_BURST,
        is_scan_char: Callable[[str], bool] = str.isdigit,
    ):
        self._max_gap = max_gap_ms
        self._min_length = min_length
        self.is_scan_char = is_scan_char
        self.reset()

    def reset(self) -> None:
        self._digits = ""
        self._last_ms = 0.0
        self._target: object = None

    def key(self, text: str, at_ms: float, target: object) -> None:
        """A printable key typed into ``target`` at ``at_ms``."""
        fast = target is self._target and at_ms - self._last_ms <= self._max_gap
        if len(text) == 1 and self.is_scan_char(text):
            self._digits = self._digits + text if fast else text
            self._target = target
        else:
            self.reset()
        self._last_ms = at_ms

    def take(self, at_ms: float, target: object) -> str | None:
        """On Enter: the burst just typed into ``target``, if it was a scanner's; then forget."""
        digits, last, same = self._digits, self._last_ms, target is self._target
        self.reset()
        scanner_like = same and len(digits) >= self._min_length
        return digits if scanner_like and at_ms - last <= 2 * self._max_gap else None


def key_time_ms(event: QKeyEvent) -> float:
    """The event's own time (the window system's, in ms), else the clock's."""
    stamp = event.timestamp()
    return float(stamp) if stamp else time.monotonic() * 1000


class ScanRouter(QObject):
    """Sends scans to the sale screen's cart; fed every key press by :class:`InputTap`."""

    def __init__(
        self,
        scan_field: QLineEdit,
        submit: Callable[[str], None],
        active: Callable[[], bool],
        max_gap_ms: float,
    ):
        super().__init__(scan_field)
        self._scan_field = scan_field
        self._submit = submit
        self._active = active
        self._wants: Callable[[str], bool] = _any_code
        self.burst = KeyBurst(max_gap_ms)

    def set_target(
        self,
        scan_field: QLineEdit,
        submit: Callable[[str], None],
        *,
        is_scan_char: Callable[[str], bool] = str.isdigit,
        wants: Callable[[str], bool] | None = None,
    ) -> None:
        """Send scans to another screen's field and handler from now on."""
        self._scan_field, self._submit = scan_field, submit
        self.burst.is_scan_char, self._wants = is_scan_char, wants or _any_code
        self.burst.reset()

    def submit_code(self, code: str) -> None:
        """A code from elsewhere (the serial scanner) to the current target."""
        self._submit(code)

    def route(self, watched: QObject, event: QKeyEvent) -> bool:
        """A key press on its way to ``watched``; True when it was taken for the cart."""
        focus = QApplication.focusWidget()
        if watched is not (focus or QApplication.activeWindow()) or not self._active():
            return False  # each key once (filters also see it on its way up), sale screen only
        if focus is self._scan_field:
            return False
        if focus is not None and focus.property(TAKES_NO_INPUT):
            return self._on_empty_page(focus, event)
        if isinstance(focus, _TEXT_FIELDS):
            if focus.property(TAKES_SCANS):
                return False  # a field that wants the scan itself (a buyer's ID card)
            return self._in_text_field(focus, event)
        return self._elsewhere(event)

    def _in_text_field(self, field: QWidget, event: QKeyEvent) -> bool:
        at = key_time_ms(event)
        if event.key() in _ENTER_KEYS:
            code = self.burst.take(at, field)
            if code is None or not isinstance(field, QLineEdit) or not self._wants(code):
                return False
            text = field.text()
            if not text.endswith(code):
                return False
            field.setText(text[: -len(code)])
            self._submit(code)
            return True
        if event.text() and event.text().isprintable():
            self.burst.key(event.text(), at, field)
        return False

    def _on_empty_page(self, page: QWidget, event: QKeyEvent) -> bool:
        """Typing on a page that takes none goes nowhere; a scanner's burst is still a scan."""
        at = key_time_ms(event)
        if event.key() in _ENTER_KEYS:
            code = self.burst.take(at, page)
            if code is None or not self._wants(code):
                return False  # Enter is the screen's own (complete the sale)
            self._submit(code)
            return True
        text = event.text()
        typed = len(text) == 1 and text.isprintable() and text not in "+-"
        if typed and not event.modifiers() & ~_TYPING_MODIFIERS:
            self.burst.key(text, at, page)
            return True  # not typed into the scan field behind the page
        return False

    def _elsewhere(self, event: QKeyEvent) -> bool:
        if event.modifiers() & ~_TYPING_MODIFIERS:
            return False  # Ctrl/Alt combinations are shortcuts
        text = event.text()
        if event.key() in _ENTER_KEYS:
            code = self._scan_field.text()
            if not code:
                return False
            self._scan_field.clear()
            self._submit(code)
            return True
        if len(text) == 1 and text.isprintable() and not text.isspace() and text not in "+-":
            self._scan_field.insert(text)
            return True
        return False


def _any_code(_: str) -> bool:
    return True


_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
    }
)


class InputTap(QObject):
    """The program's one application-wide event filter: input only, for routing and idling.

    Qt passes *every* event (paints, timers, layout) through an application
    filter, and each pass is a call from C++ into Python: two filters cost
    about a millisecond per scan (measured).  This one looks at the event type
    and lets everything but input go at once.

    F9 (the language) works in every window and dialog of the program: the
    counter window's own shortcut is shadowed while a dialog is open, so a
    press of F9 in another window is taken here (``on_language``).
    """

    def __init__(
        self,
        router: ScanRouter,
        activity: Callable[[], None],
        parent: QObject,
        on_language: Callable[[], object] | None = None,
    ):
        super().__init__(parent)
        self._router = router
        self._activity = activity
        self._on_language = on_language

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in _INPUT:
            return False
        self._activity()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if self._language_elsewhere(watched, event):
                return True
            return self._router.route(watched, event)
        return False

    def _language_elsewhere(self, watched: QObject, event: QKeyEvent) -> bool:
        """F9 in a window other than the counter's (a dialog, the reports): switch the language."""
        if event.key() != Qt.Key.Key_F9 or self._on_language is None:
            return False
        if not isinstance(watched, QWidget) or watched.window() is self.parent():
            return False
        self._on_language()
        return True
