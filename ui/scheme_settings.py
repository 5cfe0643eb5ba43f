"""The manager's settings page for the co-pay schemes (คนละครึ่ง, เราชนะ, ...) and their phases.

A page of the settings screen (``SchemesPage(context, user_id, parent)``, with
:meth:`SchemesPage.save` and :meth:`SchemesPage.title`), also usable alone.  A row
of buttons picks a scheme (or a new one); beside its names, the government's
share (typed in percent) and the cap per person per day (typed in baht), a table
lists its phases with their dates (Buddhist era in Thai) and caps.  Picking a row
puts the phase in the form below; **Apply** changes the page's copy, **End
today** makes a running phase's last day today, **Remove** takes away a phase
still to come (one that has started is kept: sales were taken under it).

Every change goes through :mod:`pos.sale.domain.scheme_edits`, which refuses
overlapping phases and edits that would rewrite history, naming the field; the
page puts the refusal under the form and marks the field red.  :meth:`save`
applies what is still in the form, then stores the setting ``schemes`` through
the settings service (checked by the schema, audited with the manager's id).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from pos.bootstrap import AppContext
from pos.clock import THAI_TIME, Clock, SystemClock
from pos.ids import UserId
from pos.sale.domain import scheme_edits as edits
from pos.sale.domain.scheme_edits import PhaseStatus, SchemeEditError, phase_status
from pos.sale.domain.schemes import Scheme, SchemeBook
from pos.settings.domain.schema import SettingError
from pos.settings.services.change import save_settings
from pos.text import TextKind
from ui import scheme_texts as texts
from ui import text_fields
from ui.page_words import labelled_grid, words_for
from ui.payment_texts import scheme_name
from ui.scheme_fields import (
    TypingError,
    applied,
    fill_phase_table,
    line_field,
    mark,
    put,
    read_phase,
    read_terms,
    touch_button,
)
from ui.style import RED
from ui.widgets import named

NEW_SCHEME = 1000  # the id of the "new scheme" button in the scheme buttons' group
SCHEMES_PER_ROW = 4
ROW_HEIGHT = 44
PAGE_STYLE = (
    "QLabel { font-size: 12pt; } QLineEdit { font-size: 14pt; }"
    " QTableWidget { font-size: 12pt; background: white; selection-background-color: #d9c8e8;"
    " selection-color: #1d1d1f; }"
    ' QLineEdit[readOnly="true"] { background: #eeeeee; color: #5f6368; }'
    " #pageHint { font-size: 11pt; color: #5f6368; }"
    f" #pageError {{ color: {RED}; font-weight: bold; font-size: 13pt; }}"
)


class SchemesPage(QWidget):
    """The co-pay schemes and their phases, saved by :meth:`save`."""

    def __init__(
        self,
        context: AppContext,
        user_id: UserId,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
    ):
        super().__init__(parent)
        self._context, self._user_id = context, user_id
        self._clock = clock or SystemClock()
        self.setStyleSheet(PAGE_STYLE)
        self.book: SchemeBook = context.settings().schemes
        self.code: str | None = None  # the scheme shown; None while a new one is typed
        self.phase: str | None = None  # the phase in the form; None for a new phase
        self.words = words_for(self)
        self._build()
        first = self.book.schemes[0].code if self.book.schemes else None
        self.select_scheme(first)

    def title(self) -> str:
        return self.tr("Co-pay schemes")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "table"):
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The words in the new language; what is typed in the forms stays as typed."""
        self.words.again()
        self._fill_scheme_buttons()
        self._fill_table()
        if self.phase is not None and self.scheme() is not None:
            self.table.blockSignals(True)  # the row again, without refilling the form
            self.table.selectRow(
                [p.name for p in self.book.get(str(self.code)).phases].index(self.phase)
            )
            self.table.blockSignals(False)
        self._title_phase()

    def today(self) -> dt.date:
        return self._clock.now().astimezone(THAI_TIME).date()

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.scheme_buttons = QButtonGroup(self)
        self.scheme_buttons.idClicked.connect(self._scheme_clicked)
        self._scheme_row = QGridLayout()
        self._make_scheme_fields()
        self._make_table()
        self._make_phase_fields()
        self.error = named(QLabel(wordWrap=True), "pageError")
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(self._body())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

    def _make_scheme_fields(self) -> None:
        self.code_field = line_field("schemeCode")
        self.name_th = line_field("schemeNameTh")
        self.name_en = line_field("schemeNameEn")
        self.share = line_field("schemeShare", 90)
        self.cap_per_day = line_field("schemeCapPerDay", 120)
        text_fields.watch(self.name_th, TextKind.NAME, "Thai name", "ชื่อภาษาไทย")
        text_fields.watch(self.name_en, TextKind.NAME, "English name", "ชื่อภาษาอังกฤษ")

    def _make_table(self) -> None:
        self.table = named(QTableWidget(0, 5), "phaseTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setFixedHeight(ROW_HEIGHT * 3 + 36)
        self.table.itemSelectionChanged.connect(self._phase_picked)
        self.new_phase_button = touch_button("", "newPhase")
        self.end_button = touch_button("", "endPhase")
        self.remove_button = touch_button("", "removePhase")
        self.words.say(self.new_phase_button.setText, lambda: self.tr("New phase"))
        self.words.say(self.end_button.setText, lambda: self.tr("End today"))
        self.words.say(self.remove_button.setText, lambda: self.tr("Remove"))
        self.new_phase_button.clicked.connect(lambda: self.show_phase(None))
        self.end_button.clicked.connect(self.end_phase)
        self.remove_button.clicked.connect(self.remove_phase)

    def _make_phase_fields(self) -> None:
        self.phase_title = named(QLabel(), "phaseTitle")
        self.phase_title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.phase_name = line_field("phaseName", 70)
        self.starts = line_field("phaseStarts", 140)
        self.ends = line_field("phaseEnds", 140)
        self.phase_cap = line_field("phaseCap", 120)
        text_fields.watch(self.phase_name, TextKind.CODE, "phase name", "ชื่อระยะ")
        self.apply_button = touch_button("", "applyPhase")
        self.words.say(self.apply_button.setText, lambda: self.tr("Apply"))
        self.words.also(self._placeholders)
        self.apply_button.clicked.connect(self.apply)
        for field in (self.phase_name, self.starts, self.ends, self.phase_cap):
            field.returnPressed.connect(self.apply)  # Enter in the form applies it

    def _body(self) -> QWidget:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(12, 6, 12, 6)
        column.setSpacing(6)
        column.addLayout(self._scheme_row)
        column.addLayout(self._scheme_grid())
        column.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.phase_title, 1)
        for button in (self.new_phase_button, self.end_button, self.remove_button):
            buttons.addWidget(button)
        column.addLayout(buttons)
        column.addLayout(self._phase_grid())
        column.addWidget(self.error)
        column.addStretch(1)
        return body

    def _scheme_grid(self) -> QGridLayout:
        places = (
            ("name_th", self.name_th, 0, 0, 2),
            ("name_en", self.name_en, 0, 2, 2),
            ("code", self.code_field, 2, 0, 2),
            ("share", self.share, 2, 2, 1),
            ("cap_per_day", self.cap_per_day, 2, 3, 1),
        )
        grid = labelled_grid(self.words, texts.field_label, places)
        for column in range(4):
            grid.setColumnStretch(column, 1)
        return grid

    def _phase_grid(self) -> QGridLayout:
        fields = (self.phase_name, self.starts, self.ends, self.phase_cap)
        names = ("name", "starts", "ends", "cap")
        places = [(n, f, 0, c, 1) for c, (n, f) in enumerate(zip(names, fields, strict=True))]
        grid = labelled_grid(self.words, texts.field_label, places)
        grid.addWidget(self.apply_button, 1, len(fields))
        return grid

    # --- showing ----------------------------------------------------------------------------
    def _fill_scheme_buttons(self) -> None:
        for button in self.scheme_buttons.buttons():
            self.scheme_buttons.removeButton(button)
            self._scheme_row.removeWidget(button)
            button.deleteLater()
        choices = [(scheme_name(s), index) for index, s in enumerate(self.book.schemes)]
        for place, (text, index) in enumerate([*choices, (self.tr("New scheme"), NEW_SCHEME)]):
            button = touch_button(text, f"scheme_{index}")
            button.setCheckable(True)
            self.scheme_buttons.addButton(button, index)
            # rows of four: a shop with more schemes must not widen the page
            self._scheme_row.addWidget(button, place // SCHEMES_PER_ROW, place % SCHEMES_PER_ROW)

    def _scheme_clicked(self, index: int) -> None:
        if index == NEW_SCHEME:
            self.select_scheme(None)
        else:
            self.select_scheme(self.book.schemes[index].code)

    def scheme(self) -> Scheme | None:
        return None if self.code is None else self.book.get(self.code)

    def select_scheme(self, code: str | None) -> None:
        """Show scheme ``code`` (None: an empty form for a new scheme)."""
        self.code = code
        self._fill_scheme_buttons()
        codes = [s.code for s in self.book.schemes]
        self.scheme_buttons.button(codes.index(code) if code in codes else NEW_SCHEME).setChecked(
            True
        )
        scheme = self.scheme()
        self.code_field.setReadOnly(scheme is not None)  # sales and settlement records use it
        mark(self.code_field, False)  # re-polished: greyed while read-only
        put(self.code_field, scheme.code if scheme else "")
        put(self.name_th, scheme.name_th if scheme else "")
        put(self.name_en, scheme.name_en if scheme else "")
        put(self.share, texts.share_entry(scheme.government_share_basis_points) if scheme else "50")
        put(
            self.cap_per_day,
            texts.cap_entry(scheme.cap_per_person_per_day_satang if scheme else None),
        )
        self._fill_table()
        self.show_phase(None)

    def _fill_table(self) -> None:
        scheme = self.scheme()
        fill_phase_table(self.table, scheme.phases if scheme else (), self.today())

    def _phase_picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        scheme = self.scheme()
        if rows and scheme is not None:
            self.show_phase(scheme.phases[rows[0].row()].name)

    def show_phase(self, name: str | None) -> None:
        """Put phase ``name`` in the form (None: an empty form for a new phase)."""
        self.phase = name
        scheme = self.scheme()
        phases = {p.name: p for p in scheme.phases} if scheme else {}
        phase = phases.get(name) if name is not None else None
        self._title_phase()
        put(self.phase_name, phase.name if phase else "")
        put(self.starts, texts.date_entry(phase.starts) if phase else "")
        put(self.ends, texts.date_entry(phase.ends) if phase else "")
        put(self.phase_cap, texts.cap_entry(phase.cap_per_person_satang) if phase else "")
        status = phase_status(phase, self.today()) if phase else PhaseStatus.UPCOMING
        self.phase_name.setReadOnly(status is not PhaseStatus.UPCOMING)  # tenders record it
        mark(self.phase_name, False)
        ends_later = phase is not None and phase.ends > self.today()
        self.end_button.setEnabled(status is PhaseStatus.RUNNING and ends_later)
        self.remove_button.setEnabled(phase is not None and status is PhaseStatus.UPCOMING)
        self.new_phase_button.setEnabled(scheme is not None)
        if phase is None:
            self.table.clearSelection()

    def _title_phase(self) -> None:
        if self.phase is None:
            self.phase_title.setText(self.tr("New phase"))
        else:
            self.phase_title.setText(self.tr("Phase %1").replace("%1", self.phase))

    def _placeholders(self) -> None:
        """How to type each field, inside it: a date as day/month/year in the page's era."""
        example = texts.date_entry(self.today())
        for field in (self.starts, self.ends):
            field.setPlaceholderText(example)
            field.setToolTip(
                self.tr("Day/month/year, Buddhist or Common era, e.g. %1").replace("%1", example)
            )
        for field in (self.phase_cap, self.cap_per_day):
            field.setPlaceholderText(self.tr("no cap"))

    # --- changing ---------------------------------------------------------------------------
    def _widget_of(self, field: str) -> QWidget | None:
        widgets: dict[str, QWidget] = {
            "code": self.code_field,
            "name_th": self.name_th,
            "name_en": self.name_en,
            "share": self.share,
            "cap_per_day": self.cap_per_day,
            "name": self.phase_name,
            "starts": self.starts,
            "ends": self.ends,
            "cap": self.phase_cap,
            "phase": self.table,
        }
        return widgets.get(field)

    def _refuse(self, field: str, message: str) -> None:
        self.error.setText(message)
        self.scroll_area.ensureWidgetVisible(self.error)
        widget = self._widget_of(field)
        if widget is not None:
            mark(widget, True)
            widget.setFocus()

    def _clear_marks(self) -> None:
        self.error.clear()
        for field in ("code", "share", "cap_per_day", "starts", "ends", "cap", "phase"):
            widget = self._widget_of(field)
            if widget is not None and widget.property(text_fields.REFUSED):
                mark(widget, False)

    def _applied(self) -> tuple[SchemeBook, str, str | None]:
        """The book with the forms applied, the scheme's code and the phase's name."""
        terms = read_terms(
            self.code_field, self.name_th, self.name_en, self.share, self.cap_per_day
        )
        fields = (self.phase_name, self.starts, self.ends, self.phase_cap)
        phase = read_phase(*fields, new=self.phase is None)
        return applied(self.book, self.code, self.phase, terms, phase, self.today())

    def apply(self) -> bool:
        """Apply the forms to the page's copy of the schemes; False (and said) if refused."""
        self._clear_marks()
        fields = (self.name_th, self.name_en, self.phase_name)
        if not text_fields.all_checked(self.error, *fields):
            return False
        try:
            book, code, phase = self._applied()
        except TypingError as error:
            self._refuse(error.field, texts.typing_refusal(error.field, error.kind))
            return False
        except SchemeEditError as error:
            self._refuse(error.field, texts.refusal(error))
            return False
        self._show_changed(book, code, phase)
        return True

    def _show_changed(self, book: SchemeBook, code: str, phase: str | None) -> None:
        self.book = book
        self.select_scheme(code)
        if phase is not None:
            row = [p.name for p in book.get(code).phases].index(phase)
            self.table.selectRow(row)

    def _phase_action(self, action: str) -> bool:
        if self.code is None or self.phase is None:
            return False
        self._clear_marks()
        change = edits.end_phase if action == "end" else edits.remove_phase
        try:
            book = change(self.book, self.code, self.phase, self.today())
        except SchemeEditError as error:
            self._refuse(error.field, texts.refusal(error))
            return False
        self._show_changed(book, self.code, self.phase if action == "end" else None)
        return True

    def end_phase(self) -> bool:
        """The phase in the form ends today (today is its last day)."""
        return self._phase_action("end")

    def remove_phase(self) -> bool:
        """The phase in the form, still to come, is taken away."""
        return self._phase_action("remove")

    def save(self) -> bool:
        """Apply the forms, then store the schemes (checked, audited); False if refused."""
        if not self.apply():
            return False
        try:
            values = {"schemes": self.book.to_setting()}
            save_settings(
                self._context.uow_factory, values, user_id=self._user_id, clock=self._clock
            )
        except SettingError as error:  # the schema's own words, naming the key
            self.error.setText(str(error))
            return False
        return True
