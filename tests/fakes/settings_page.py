"""A settings page written only to the settings screen's page shape, as another module's is.

Not a :class:`ui.settings_common.SettingsPage`: a plain QWidget built as
``Page(context, user_id, parent)`` with ``save() -> bool``, storing the
``customer_display`` setting through the settings service.  ``refuse`` makes
its next save fail the way a page says a value is wrong (its own message, False).
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from pos.bootstrap import AppContext
from pos.ids import UserId
from pos.settings.services.change import save_settings


class ShapePage(QWidget):
    refuse = False  # the next save says no (set on the class by a test)

    def __init__(self, context: AppContext, user_id: UserId, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.user_id = context, user_id
        self.display = QCheckBox("customer display")
        self.display.setChecked(context.settings().customer_display)
        self.error = QLabel()
        column = QVBoxLayout(self)
        column.addWidget(self.display)
        column.addWidget(self.error)

    def save(self) -> bool:
        if ShapePage.refuse:
            self.error.setText("refused")
            return False
        values = {"customer_display": self.display.isChecked()}
        save_settings(self.context.uow_factory, values, user_id=self.user_id)
        return True
