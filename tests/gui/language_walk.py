"""Every visible text of a window, and the words in it that are not in the screen's language.

:func:`visible_texts` walks a top-level widget and returns each text a cashier
can read, with the widget's path (object names, or class names where there is
none): labels, buttons (also check boxes and radio buttons), window titles,
group box titles, tab texts, table and tree headers, line edit placeholders,
combo box items and the actions of menus.  Cells of tables and lists are data
(receipts, products, amounts) and are not read; their headers are.

:func:`wrong_language` flags, in English, any Thai script, and in Thai, any
Latin word outside :data:`ALLOWED`.

**Data, not wording.**  A widget whose text is data — a product or a person's
name, a receipt number, a shop's own name, the language button's name of the
*other* language — carries the dynamic property ``data_text`` (set by
:func:`ui.live_text.mark_data`); it and its children are skipped.

**Fitting.**  :func:`clipped_texts` lists labels and buttons (data too) whose
text is wider than the widget (Qt's font metrics), unless the label wraps or
the widget elides (dynamic property ``elides``, ui.elided: the full text is
then its tooltip).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from ui.i18n import ENGLISH, THAI
from ui.live_text import DATA_TEXT, ELIDES

THAI_SCRIPT = re.compile(r"[\u0E00-\u0E7F]")
LATIN_WORD = re.compile(r"[A-Za-z]+\d*")  # F11 is one word, a key's name
KEY_COMBINATION = re.compile(r"\b(?:(?:Ctrl|Alt|Shift)\+)+\w+")  # Ctrl+Shift+O: keys
# Latin words a Thai cashier reads as they are; kept small on purpose, each for a reason:
ALLOWED = {
    # names of things, written so on the goods, the QR and the paperwork
    "OTOP",
    "PromptPay",
    "VAT",
    "QR",
    "POS",
    "PIN",
    "SKU",
    "PDF",
    "CSV",
    "GT",
    # "POS ID" is the Revenue Department's own name for the till's number
    "ID",
    # the day's reports are called X and Z in Thai shops too
    "X",
    "Z",
    # printer settings: the technical names printed on the printer and its cable
    "LAN",
    "IP",
    "USB",
    "Serial",
    "CP",
    "dev",
    "usb",
    "lp",
    # the names of keys, as printed on the keyboard
    "Esc",
    "Ctrl",
    "Enter",
    "Shift",
    "Alt",
    "Tab",
    "Del",
    "Delete",
    "PgUp",
    "PgDn",
    "OK",
}
_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly
KEY_NAME = re.compile(r"^F\d{1,2}$")  # F1 … F12


@dataclass(frozen=True)
class Text:
    path: str  # e.g. "CounterWindow/header/menuButton"
    kind: str  # label, button, title, group, tab, header, placeholder, item, action
    text: str

    def __str__(self) -> str:
        return f"{self.path} [{self.kind}]: {self.text!r}"


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def _is_data(widget: QWidget) -> bool:
    return bool(widget.property(DATA_TEXT))


def _own_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    if widget.isWindow() and widget.windowTitle():
        yield "title", widget.windowTitle()
    yield from _widget_texts(widget)
    yield from _header_texts(widget)


def _widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:  # noqa: C901 (one per kind)
    if isinstance(widget, QLabel):
        yield "label", widget.text()
    elif isinstance(widget, QAbstractButton):
        yield "button", widget.text()
    elif isinstance(widget, QGroupBox):
        yield "group", widget.title()
    elif isinstance(widget, QLineEdit):
        yield "placeholder", widget.placeholderText()
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield "item", widget.itemText(index)
    elif isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield "tab", widget.tabText(index)
    elif isinstance(widget, QMenu):
        for action in widget.actions():
            if action.isVisible():
                yield "action", action.text()


def _header_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    if isinstance(widget, QTableWidget | QTreeWidget):
        model = widget.model()
        header = widget.horizontalHeader() if isinstance(widget, QTableWidget) else widget.header()
        assert isinstance(header, QHeaderView)
        for column in range(model.columnCount()):
            if not header.isSectionHidden(column):
                yield "header", str(model.headerData(column, header.orientation()) or "")


def _walk(widget: QWidget, path: str) -> Iterator[Text]:
    if _is_data(widget):
        return
    for kind, text in _own_texts(widget):
        if text.strip():
            yield Text(path, kind, text)
    for child in widget.findChildren(QWidget, options=_DIRECT):
        shown = child.isVisible() or isinstance(child, QMenu)  # a menu: what it would show
        if shown and not (child.isWindow() and not isinstance(child, QMenu)):
            yield from _walk(child, f"{path}/{_name(child)}")


def visible_texts(top: QWidget) -> list[Text]:
    """Every text shown in ``top`` (a window or a dialog), with where it is."""
    return list(_walk(top, _name(top)))


def _foreign_latin(text: str) -> list[str]:
    return [
        word
        for word in LATIN_WORD.findall(KEY_COMBINATION.sub("", text))
        if word.rstrip("0123456789") not in ALLOWED and not KEY_NAME.match(word)  # POS01: a POS
    ]


def wrong_language(texts: list[Text], language: str) -> list[str]:
    """The texts that are not in ``language``: Thai script in English, Latin words in Thai."""
    found = []
    for text in texts:
        if language == ENGLISH and THAI_SCRIPT.search(text.text):
            found.append(str(text))
        elif language == THAI and (words := _foreign_latin(text.text)):
            found.append(f"{text}  <- {', '.join(words)}")
    return found


def _button_room(button: QAbstractButton) -> int:
    """The width a push button's style leaves for its text (frame and padding off)."""
    if not isinstance(button, QPushButton):
        return button.width() - button.iconSize().width() - 8  # a check box's box
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = QStyle.SubElement.SE_PushButtonContents
    return button.style().subElementRect(element, option, button).width()


def clipped_texts(top: QWidget) -> list[str]:
    """Labels, buttons and combo boxes whose text needs more room than they have: wider than
    a one-line label, a button or a combo's field, taller than a wrapping label.  Data is
    measured too: names must fit."""
    clipped = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.property(ELIDES):
            continue
        if isinstance(widget, QLabel) and widget.text():
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton) and widget.text():
            problem = _too_wide(widget, widget.text(), _button_room(widget))
        elif isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText():
            problem = _too_wide(widget, widget.currentText(), _combo_room(widget))
        else:
            continue
        if problem is not None:
            clipped.append(problem)
    return clipped


def _combo_room(combo: QComboBox) -> int:
    """The width a combo box's style leaves for the chosen item's text."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    control, field = QStyle.ComplexControl.CC_ComboBox, QStyle.SubControl.SC_ComboBoxEditField
    return combo.style().subControlRect(control, option, field, combo).width() - 4


def _label_problem(label: QLabel) -> str | None:
    room = label.contentsRect()
    if label.wordWrap():  # wraps: may be cut at the top or the bottom instead
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 2:  # a rounding pixel or two
            return f"{_name(label)}: {label.text()!r} needs {needed} px high, has {label.height()}"
        return None
    if QtGui.Qt.mightBeRichText(label.text()):
        return None
    return _too_wide(label, label.text(), room.width() - 2 * label.margin())


def _too_wide(widget: QWidget, text: str, room: int) -> str | None:
    lines = [line for line in text.split("\n") if line]
    needed = max((widget.fontMetrics().horizontalAdvance(line) for line in lines), default=0)
    if needed > room:
        return f"{_name(widget)}: {text!r} needs {needed} px, has {room}"
    return None
