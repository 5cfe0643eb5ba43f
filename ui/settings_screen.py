"""The manager's settings screen: a list of sections on the left, the section's page on the right.

Opened from the till's menu (managers only, :meth:`ui.counter_menu.BackOffice.open_settings`),
and from the payment's PromptPay page when no PromptPay ID is set.  Each
section is a page built as ``Page(context, user_id, parent)`` with
``save() -> bool`` (:class:`ui.settings_common.SettingsPage`): it checks what
was typed, says what is wrong beside the field, stores and audits the change
with the manager's id, and returns True once saved.  A section is one line of
:data:`SECTIONS` — its key, its title and where its page class is (imported
when the screen opens it, so the counter starts no slower)::

    Section("schemes", _title("Co-pay schemes and phases"), "ui.scheme_settings:SchemesPage"),

Save stores every page that was changed (the first one refused is shown, with
its message, and the rest wait); then the running counter is told
(:meth:`pos.bootstrap.AppContext.settings_changed`), so the change takes
effect without a restart.  Esc or Close asks before dropping changes not yet
saved; the till's lock closes it, dropping them.  Which pages were changed is
seen from their input widgets' signals, so a page needs nothing more than ``save``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.bootstrap import AppContext
from pos.ids import UserId
from ui.screen_fit import fit_to_screen, scrolling
from ui.style import GREEN, MUTED, PURPLE, RED, TOUCH_HEIGHT
from ui.widgets import named

SCREEN_STYLE = f"""
#sectionList {{ font-size: 13pt; background: white; border: 1px solid #cfc8d8; }}
#sectionList::item {{ min-height: {TOUCH_HEIGHT}px; padding: 4px 10px; }}
#sectionList::item:selected {{ background: {PURPLE}; color: white; }}
#saveSettings {{ background: {GREEN}; color: white; font-weight: bold; border: none; }}
#saveSettings, #closeSettings {{ min-width: 150px; }}
#settingsStatus {{ font-size: 12pt; color: {MUTED}; }}
#settingsStatus[severity="error"] {{ color: {RED}; font-weight: bold; }}
"""
PREFERRED_SIZE = QSize(1180, 740)
LIST_WIDTH = 240


def _title(text: str) -> Callable[[], str]:
    """A section's title, translated when shown (the words are in the catalogue below)."""
    return lambda: QCoreApplication.translate("SettingsScreen", text)


@dataclass(frozen=True)
class Section:
    key: str
    title: Callable[[], str]
    page: str  # "module:Class"; the class is built as Class(context, user_id, parent)


SECTIONS: tuple[Section, ...] = (
    Section("shop", _title("Shop details and tax status"), "ui.settings_shop:ShopPage"),
    Section("promptpay", _title("PromptPay"), "ui.settings_promptpay:PromptPaySettingsPage"),
    Section("schemes", _title("Co-pay schemes and phases"), "ui.scheme_settings:SchemesPage"),
    Section("counter", _title("Cash rounding and screen lock"), "ui.settings_counter:CounterPage"),
    Section("display", _title("Customer display"), "ui.display_settings:DisplayPage"),
    Section("printers", _title("Printers"), "ui.settings_printers:PrintersPage"),
)


def _catalogue() -> tuple[str, ...]:
    """The section titles as lupdate finds them (it reads only literal translate calls)."""
    return (
        QCoreApplication.translate("SettingsScreen", "Shop details and tax status"),
        QCoreApplication.translate("SettingsScreen", "PromptPay"),
        QCoreApplication.translate("SettingsScreen", "Cash rounding and screen lock"),
        QCoreApplication.translate("SettingsScreen", "Printers"),
        QCoreApplication.translate("SettingsScreen", "Co-pay schemes and phases"),
        QCoreApplication.translate("SettingsScreen", "Customer display"),
    )


def page_class(section: Section) -> Callable[[AppContext, UserId, QWidget | None], QWidget]:
    module, _, name = section.page.partition(":")
    built: Callable[[AppContext, UserId, QWidget | None], QWidget] = getattr(
        importlib.import_module(module), name
    )
    return built


class SettingsScreen(QDialog):
    """Every setting a shop sets on day one, section by section, saved without a restart."""

    settings_saved = Signal(object)  # the Settings as stored after a save

    def __init__(
        self,
        context: AppContext,
        user_id: UserId,
        parent: QWidget | None = None,
        *,
        section: str = "shop",
        sections: tuple[Section, ...] = SECTIONS,
    ):
        super().__init__(parent)
        self.setObjectName("settingsScreen")
        # the idle lock (or Ctrl+L) shuts it: nobody changes the shop's settings at a locked till
        self.setProperty("closeOnLock", True)
        self.setStyleSheet(SCREEN_STYLE)
        self._context, self._user_id, self.sections = context, user_id, sections
        self.pages: dict[str, QWidget] = {}
        self._holders: dict[str, QWidget] = {}  # each page's scroll area in the stack
        self.changed: set[str] = set()  # sections with changes not yet saved
        self._build()
        self.retranslate()
        fit_to_screen(self, PREFERRED_SIZE)
        self.open_section(section)

    def _build(self) -> None:
        self.section_list = named(QListWidget(), "sectionList")
        self.section_list.setFixedWidth(LIST_WIDTH)
        self.section_list.setWordWrap(True)  # a long title takes two lines, never a scroll bar
        self.section_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for _ in self.sections:
            self.section_list.addItem("")
        self.section_list.currentRowChanged.connect(self._show_row)
        self.stack = QStackedWidget()
        self.status = named(QLabel(wordWrap=True), "settingsStatus")
        self.save_button = named(QPushButton(), "saveSettings")
        self.close_button = named(QPushButton(), "closeSettings")
        for button, slot in ((self.save_button, self.save), (self.close_button, self.reject)):
            button.setMinimumHeight(TOUCH_HEIGHT)
            button.setAutoDefault(False)  # Enter in a field must not save or close
            button.clicked.connect(slot)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        right = QVBoxLayout()
        right.addWidget(self.stack, 1)
        right.addLayout(buttons)
        body = QHBoxLayout(self)
        body.addWidget(self.section_list)
        body.addLayout(right, 1)

    # --- sections -------------------------------------------------------------------------
    def open_section(self, key: str) -> QWidget:
        """Show the section called ``key`` (built the first time) and return its page."""
        row = next(i for i, section in enumerate(self.sections) if section.key == key)
        self.section_list.setCurrentRow(row)
        return self.page(key)

    def page(self, key: str) -> QWidget:
        if key not in self.pages:
            section = next(s for s in self.sections if s.key == key)
            page = page_class(section)(self._context, self._user_id, None)
            self.pages[key] = page
            self._watch_changes(key, page)
            self._holders[key] = scrolling(page)  # a long page scrolls; the buttons stay
            self.stack.addWidget(self._holders[key])
        return self.pages[key]

    def current_key(self) -> str:
        return self.sections[max(0, self.section_list.currentRow())].key

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.sections[row].key
        page = self.page(key)
        self.stack.setCurrentWidget(self._holders[key])
        first = next((w for w in page.findChildren(QLineEdit) if w.isEnabled()), None)
        if first is not None:  # the page's first field has the keyboard
            first.setFocus()

    def _watch_changes(self, key: str, page: QWidget) -> None:
        """A page is changed once one of its fields is: seen from the widgets' own signals."""

        def mark(*_: object) -> None:
            self.changed.add(key)

        for line in page.findChildren(QLineEdit):
            line.textEdited.connect(mark)
        for text in page.findChildren(QPlainTextEdit):
            text.textChanged.connect(mark)
        for box in page.findChildren(QAbstractButton):
            if box.isCheckable():
                box.toggled.connect(mark)
        for combo in page.findChildren(QComboBox):
            combo.currentIndexChanged.connect(mark)
        for spin in page.findChildren(QAbstractSpinBox):
            if hasattr(spin, "valueChanged"):  # QSpinBox, QDoubleSpinBox (not the date edits)
                spin.valueChanged.connect(mark)

    # --- saving and leaving ---------------------------------------------------------------
    def save(self) -> bool:
        """Save every changed page (and the one showing); the running counter is told."""
        keys = [s.key for s in self.sections if s.key in self.changed | {self.current_key()}]
        for key in keys:
            if not self._save_page(key):
                return False
        settings = self._context.settings_changed()
        self.changed.clear()
        self._say(self.tr("Saved. The counter uses the new settings now."))
        self.settings_saved.emit(settings)
        return True

    def _save_page(self, key: str) -> bool:
        page = self.pages[key]
        saver = getattr(page, "save", None)
        if saver is None or saver():
            self.changed.discard(key)
            return True
        self.open_section(key)  # the page that refused, with its message in red
        self._say(self.tr("Not saved: see the message in red."), True)
        return False

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("severity", "error" if error else "info")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def reject(self) -> None:
        """Esc or Close: ask first when something typed is not saved yet."""
        if self.changed and not self._may_leave():
            return
        super().reject()

    def _may_leave(self) -> bool:
        save, discard, stay = (
            QMessageBox.StandardButton.Save,
            QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )
        titles = ", ".join(s.title() for s in self.sections if s.key in self.changed)
        text = self.tr("Changes in {sections} are not saved.").format(sections=titles)
        box = QMessageBox(
            QMessageBox.Icon.Question, self.windowTitle(), text, save | discard | stay, self
        )
        box.setObjectName("unsavedQuestion")
        box.button(save).setText(self.tr("Save"))
        box.button(discard).setText(self.tr("Discard the changes"))
        box.button(stay).setText(self.tr("Keep editing"))
        box.setDefaultButton(stay)
        typing_in = QApplication.focusWidget()
        answer = box.exec()
        if answer == save:
            return self.save()
        if answer != discard:  # keep editing: the keyboard back in the field it was in
            self.activateWindow()
            if typing_in is not None:
                typing_in.setFocus()
        return answer == discard

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for row, section in enumerate(self.sections):
            item = self.section_list.item(row)
            if item is not None:
                item.setText(section.title())
        self.save_button.setText(self.tr("Save"))
        self.close_button.setText(self.tr("Close (Esc)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
