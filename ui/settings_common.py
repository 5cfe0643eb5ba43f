"""What the settings screen's pages share: the page's shape, a field's row with its error.

Every section of :class:`ui.settings_screen.SettingsScreen` is a page built as
``Page(context, user_id, parent)`` with ``save() -> bool``: it checks what was
typed, shows a refusal beside the field (in the language on screen), stores the
change through the settings service with the manager's id (audited) and
returns True once saved.  :class:`SettingsPage` is that shape for the pages
written here; a page need not derive from it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from pos.bootstrap import AppContext
from pos.ids import UserId
from pos.settings.domain.schema import SettingError
from ui.style import MUTED, RED
from ui.widgets import named

PAGE_STYLE = f"""
QLabel, QCheckBox, QComboBox, QSpinBox {{ font-size: 13pt; }}
QPlainTextEdit {{ font-size: 13pt; background: white; border: 2px solid #b9b3c2;
    border-radius: 8px; }}
QComboBox, QSpinBox {{ min-height: 44px; padding: 0 8px; }}
QSpinBox::up-button, QSpinBox::down-button {{ width: 36px; }}
#fieldError {{ color: {RED}; font-weight: bold; font-size: 12pt; }}
#pageHint {{ color: {MUTED}; font-size: 11pt; }}
#pageTitle {{ font-size: 17pt; font-weight: bold; }}
"""


class SettingsPage(QWidget):
    """A section of the settings screen; subclasses build the fields and save them."""

    def __init__(self, context: AppContext, user_id: UserId, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.user_id = context, user_id
        self.setStyleSheet(PAGE_STYLE)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(8, 8, 8, 8)
        self.title = named(QLabel(wordWrap=True), "pageTitle")
        self.column.addWidget(self.title)

    def save(self) -> bool:
        return True

    def retranslate(self) -> None:
        """Set every text in the language on screen (also called once the page is built)."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def error_label() -> QLabel:
    """The red line under a field that says why its value was refused (hidden when empty)."""
    label = named(QLabel(wordWrap=True), "fieldError")
    label.hide()
    return label


def hint_label() -> QLabel:
    return named(QLabel(wordWrap=True), "pageHint")


def say(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def field_with_error(field: QWidget, error: QLabel, hint: QLabel | None = None) -> QWidget:
    """The field, its hint and its error under it: the form's right-hand column."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    for widget in (field, hint, error):
        if widget is not None:
            column.addWidget(widget)
    return holder


def new_form() -> QFormLayout:
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setVerticalSpacing(10)
    return form


def setting_error_text(error: SettingError, field_name: str) -> str:
    """A schema refusal for the manager: the field as on screen, its key, what and the range."""
    return QCoreApplication.translate(
        "SettingsPage", "{field} ({key}) was not saved: {problem} (allowed: {allowed})"
    ).format(field=field_name, key=error.key, problem=error.problem, allowed=error.allowed)
