"""The manager's "Staff" dialog (issue 13), opened from the till's menu by a logged-in manager.

Everyone who works the till, with role and whether active; **Add**, **Reset
PIN** and **Deactivate**/**Activate** (one button, following the row chosen).
Each change goes through :mod:`pos.staff.services.staff_admin` (checked,
audited with the manager's id; never the last active manager).  A counter
linked to a head office only shows the list and says the staff are managed
there (docs/DECISIONS.md, "Staff at the counter").  Esc or Close ends it; the
menu gives the keyboard back to the scan field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.bootstrap import AppContext
from pos.clock import Clock, SystemClock
from pos.ids import UserId
from pos.staff.domain.users import User
from pos.staff.services import staff_admin
from pos.staff.services.staff_admin import StaffError
from ui.screen_fit import fit_to_screen
from ui.staff_forms import StaffEntry, StaffForm, problem_text
from ui.style import GREEN, MUTED, RED, TOUCH_HEIGHT
from ui.widgets import named

ROW_HEIGHT = 48
TABLE_STYLE = "QTableWidget { font-size: 14pt; } QTableWidget::item { padding: 0 8px; }"


class StaffDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        manager_id: UserId,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
    ):
        super().__init__(parent)
        self._context, self._manager_id = context, manager_id
        self._clock = clock or SystemClock()
        self._users: list[User] = []
        self.form: StaffForm | None = None  # the form open over the list, if any
        self.managed_here = staff_admin.managed_here(context.uow_factory)
        self._build()
        self.retranslate()
        self.refresh()
        fit_to_screen(self, QSize(860, 600))  # never larger than a 1024×768 screen

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        self.note = named(QLabel(wordWrap=True), "staffNote")
        self.note.setStyleSheet(f"color: {MUTED}; font-size: 13pt;")
        self.table = named(QTableWidget(0, 3), "staffTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for section in (1, 2):  # role and state: as wide as their words, in either language
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setStyleSheet(TABLE_STYLE)
        self.table.itemSelectionChanged.connect(self._follow_selection)
        self.message = named(QLabel(wordWrap=True), "staffMessage")
        self.add_button = self._button(self.add)
        self.reset_button = self._button(self.reset_pin)
        self.active_button = self._button(self.toggle_active)
        self.close_button = self._button(self.reject)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.addWidget(self.note)
        column.addWidget(self.table, 1)
        column.addWidget(self.message)
        column.addLayout(buttons)

    def _button(self, slot: object) -> QPushButton:
        button = QPushButton()
        button.setMinimumHeight(TOUCH_HEIGHT)
        button.setMinimumWidth(150)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Staff"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("State")])
        self.add_button.setText(self.tr("Add…"))
        self.reset_button.setText(self.tr("Reset PIN…"))
        self.close_button.setText(self.tr("Close"))
        if self.managed_here:
            self.note.setText(
                self.tr("Who logs in here. Someone who leaves is deactivated: their sales stay.")
            )
        else:
            self.note.setText(
                self.tr("Staff are managed at the head office: changes come at the next sync.")
            )
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the list -------------------------------------------------------------------------
    def refresh(self) -> None:
        chosen = self.chosen()
        self._users = staff_admin.list_staff(self._context.uow_factory)
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            role = self.tr("Manager") if user.is_manager else self.tr("Cashier")
            state = self.tr("Active") if user.active else self.tr("Deactivated")
            for column, text in enumerate((user.name, role, state)):
                item = QTableWidgetItem(text)
                if not user.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
        self._choose(chosen.user_id if chosen else None)
        self._follow_selection()

    def _choose(self, user_id: UserId | None) -> None:
        for row, user in enumerate(self._users):
            if user.user_id == user_id:
                self.table.selectRow(row)
                return
        if self._users:
            self.table.selectRow(0)

    def chosen(self) -> User | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self._users[rows[0].row()] if rows and rows[0].row() < len(self._users) else None

    def _follow_selection(self) -> None:
        user = self.chosen()
        active = user is not None and user.active
        self.active_button.setText(self.tr("Deactivate") if active else self.tr("Activate"))
        for button in (self.add_button, self.reset_button, self.active_button):
            button.setEnabled(self.managed_here and (button is self.add_button or user is not None))

    def _say(self, text: str, *, refused: bool = False) -> None:
        self.message.setStyleSheet(f"color: {RED if refused else GREEN}; font-weight: bold;")
        self.message.setText(text)

    # --- the changes ----------------------------------------------------------------------
    def add(self) -> StaffForm:
        def submit(entry: StaffEntry) -> User:
            return staff_admin.add_staff(
                self._context.uow_factory,
                self._clock,
                by=self._manager_id,
                name=entry.name,
                role=entry.role,
                pin=entry.new_pin,
            )

        form = StaffForm(lambda: self.tr("Add a user"), submit, self, name=True, role=True)
        return self._open(form, self.tr("{name} is added: they can log in now."))

    def reset_pin(self) -> StaffForm | None:
        user = self.chosen()
        if user is None or user.user_id is None:
            return None
        user_id = user.user_id

        def submit(entry: StaffEntry) -> User:
            return staff_admin.reset_pin(
                self._context.uow_factory,
                self._clock,
                by=self._manager_id,
                user_id=user_id,
                pin=entry.new_pin,
            )

        form = StaffForm(lambda: self.tr("New PIN for {name}").format(name=user.name), submit, self)
        return self._open(form, self.tr("The PIN of {name} is reset."))

    def _open(self, form: StaffForm, done: str) -> StaffForm:
        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and isinstance(form.outcome, User):
                self.refresh()
                self._choose(form.outcome.user_id)
                self._say(done.format(name=form.outcome.name))
            self.form = None
            self.table.setFocus()

        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.finished.connect(finished)
        self.form = form
        form.open()
        return form

    def toggle_active(self) -> None:
        user = self.chosen()
        if user is None or user.user_id is None:
            return
        try:
            changed = staff_admin.set_active(
                self._context.uow_factory,
                self._clock,
                by=self._manager_id,
                user_id=user.user_id,
                active=not user.active,
            )
        except StaffError as refused:
            self._say(problem_text(refused), refused=True)
            return
        self.refresh()
        if changed.active:
            self._say(self.tr("{name} is active again.").format(name=changed.name))
        else:
            self._say(self.tr("{name} is deactivated.").format(name=changed.name))
