"""The manager's settings page for the customer display: on or off, announcements, a QR poster.

A page of the settings screen (``DisplayPage(context, user_id, parent)``, with
:meth:`DisplayPage.save` and :meth:`DisplayPage.title`), also usable alone.  The
announcements are typed one per line (blank lines are skipped) and shown on the
display in turn between sales; the poster is a text or a link turned into a QR
code (the shop's LINE, a check-in QR) with a caption, previewed here as typed.

Saving checks every line with the counter's text rule (:mod:`pos.text`), naming
the line ("announcement 2"), then stores ``customer_display`` and
``customer_display_idle`` through the settings service (checked by the schema,
audited with the manager's id) and tells any open customer display
(:func:`ui.customer_display.tell_displays`), which changes at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pos.bootstrap import AppContext
from pos.ids import UserId
from pos.settings.domain.schema import SettingError
from pos.settings.services.change import save_settings
from pos.text import TextKind, text_problem
from pos.till.domain.idle_display import (
    MAX_ANNOUNCEMENT,
    MAX_ANNOUNCEMENTS,
    MAX_CAPTION,
    MAX_POSTER_TEXT,
    IdleDisplay,
    announcement_names,
)
from ui import text_fields
from ui.customer_display import tell_displays
from ui.page_words import words_for
from ui.qr_image import qr_image
from ui.style import RED, TOUCH_HEIGHT
from ui.widgets import named

SECONDS_CHOICES = (5, 8, 12, 20, 30)
PREVIEW_PIXELS = 150
PAGE_STYLE = (
    "QLabel, QCheckBox { font-size: 13pt; } QPlainTextEdit { font-size: 14pt; }"
    " QCheckBox::indicator { width: 28px; height: 28px; }"
    " #pageHint { font-size: 11pt; color: #5f6368; }"
    f" #pageError {{ color: {RED}; font-weight: bold; }}"
)


class DisplayPage(QWidget):
    """The customer display's settings, saved by :meth:`save`."""

    def __init__(self, context: AppContext, user_id: UserId, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._user_id = context, user_id
        self.words = words_for(self)
        self.setStyleSheet(PAGE_STYLE)
        self._preview_timer = QTimer(self, singleShot=True, interval=200)
        self._preview_timer.timeout.connect(self.update_preview)
        self._build()
        settings = context.settings()
        self._show(settings.customer_display, settings.customer_display_idle)

    def title(self) -> str:
        return self.tr("Customer display")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.words.again()
        self.update_preview()

    def _build(self) -> None:
        self.enabled = QCheckBox()
        self.words.say(
            self.enabled.setText, lambda: self.tr("Show the customer display on a second screen")
        )
        self.enabled.setMinimumHeight(TOUCH_HEIGHT)
        self.announcements = named(QPlainTextEdit(), "announcements")
        self.announcements.setFixedHeight(150)
        self.poster_text = named(QLineEdit(), "posterText")
        self.words.say(
            self.poster_text.setPlaceholderText,
            lambda: self.tr("e.g. https://line.me/R/ti/p/@yourshop"),
        )
        self.poster_caption = named(QLineEdit(), "posterCaption")
        self.words.say(
            self.poster_caption.setPlaceholderText, lambda: self.tr("e.g. Add us on LINE")
        )
        self.preview = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "posterPreview")
        self.preview.setFixedSize(PREVIEW_PIXELS + 10, PREVIEW_PIXELS + 10)
        self.preview.setStyleSheet("background: white; border: 1px solid #b9b3c2;")
        self.error = named(QLabel(wordWrap=True), "pageError")
        self._watch_fields()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(self._body())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

    def _watch_fields(self) -> None:
        names = (("QR poster text", "ข้อความของคิวอาร์"), ("QR poster caption", "คำบรรยายคิวอาร์"))
        for field, (english, thai) in zip(
            (self.poster_text, self.poster_caption), names, strict=True
        ):
            text_fields.watch(field, TextKind.NOTE, english, thai)
            field.textChanged.connect(self._preview_timer.start)

    def _seconds_buttons(self) -> QHBoxLayout:
        self.seconds = QButtonGroup(self)
        self._seconds_row = row = QHBoxLayout()
        row.addWidget(self.words.label(lambda: self.tr("Each announcement shows for")))
        row.addStretch(1)
        for seconds in SECONDS_CHOICES:
            self._seconds_button(seconds)
        return row

    def _seconds_button(self, seconds: int) -> QPushButton:
        """A button for ``seconds``, after the others (before the row's stretch)."""
        button = QPushButton()
        button.setCheckable(True)
        self.words.say(button.setText, lambda: _filled(self.tr("%1 s"), seconds))
        button.setMinimumSize(88, TOUCH_HEIGHT)  # "12 วินาที" whole, with the padding
        self.seconds.addButton(button, seconds)
        self._seconds_row.insertWidget(self._seconds_row.count() - 1, button)
        return button

    def _body(self) -> QWidget:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(12, 8, 12, 8)
        column.addWidget(self.enabled)
        column.addWidget(
            _heading(
                self.words.label(lambda: self.tr("Announcements between sales (one per line)"))
            )
        )
        column.addWidget(self.announcements)
        column.addWidget(_hint(self.words.label(self._limits_hint, wrap=True)))
        column.addLayout(self._seconds_buttons())
        column.addWidget(_heading(self.words.label(lambda: self.tr("QR poster (empty: none)"))))
        column.addLayout(self._poster_grid())
        column.addWidget(self.error)
        column.addStretch(1)
        return body

    def _limits_hint(self) -> str:
        said = self.tr("At most %1 lines of %2 characters; shown one after another.")
        return _filled(said, MAX_ANNOUNCEMENTS, MAX_ANNOUNCEMENT)

    def _poster_hint(self) -> str:
        return self.tr("For example the shop's LINE, or a check-in QR such as Thai Chana's.")

    def _poster_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.addWidget(self.words.label(lambda: self.tr("Text or link in the QR")), 0, 0)
        grid.addWidget(self.poster_text, 1, 0)
        grid.addWidget(self.words.label(lambda: self.tr("Caption under the QR")), 2, 0)
        grid.addWidget(self.poster_caption, 3, 0)
        grid.addWidget(_hint(self.words.label(self._poster_hint, wrap=True)), 4, 0)
        grid.addWidget(self.preview, 0, 1, 5, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        return grid

    def _show(self, enabled: bool, idle: IdleDisplay) -> None:
        self.enabled.setChecked(enabled)
        self.announcements.setPlainText("\n".join(idle.announcements))
        self.poster_text.setText(idle.poster_text)
        self.poster_caption.setText(idle.poster_caption)
        button = self.seconds.button(idle.seconds_each)
        if button is None:  # a value set on the command line: offered as it is
            button = self._seconds_button(idle.seconds_each)
        button.setChecked(True)
        self.update_preview()

    def update_preview(self) -> None:
        text = self.poster_text.text()
        if not text.strip() or len(text) > MAX_POSTER_TEXT or text_problem(text, TextKind.NOTE):
            self.preview.setText(self.tr("No QR"))
            return
        self.preview.setPixmap(QPixmap.fromImage(qr_image(text, PREVIEW_PIXELS)))

    def _lines(self) -> list[str] | None:
        """The announcements typed, or None after saying which line is refused."""
        lines = [line for line in self.announcements.toPlainText().splitlines() if line.strip()]
        if len(lines) > MAX_ANNOUNCEMENTS:
            said = self.tr("Announcements: at most %1 lines.")
            self.error.setText(_filled(said, MAX_ANNOUNCEMENTS))
            self.announcements.setFocus()
            return None
        for number, line in enumerate(lines, start=1):
            problem = text_problem(line, TextKind.NOTE, *announcement_names(number))
            if problem is not None:
                self.error.setText(text_fields.message(problem))
                self.announcements.setFocus()
                return None
            if len(line) > MAX_ANNOUNCEMENT:
                said = self.tr("Announcement %1 is %2 characters long: at most %3.")
                self.error.setText(_filled(said, number, len(line), MAX_ANNOUNCEMENT))
                self.announcements.setFocus()
                return None
        return lines

    def entered(self) -> IdleDisplay | None:
        """What is typed, or None after saying (in the page) what is refused."""
        lines = self._lines()
        fields = (self.poster_text, self.poster_caption)
        if lines is None or not text_fields.all_checked(self.error, *fields):
            return None
        for field, limit, said in (
            (self.poster_text, MAX_POSTER_TEXT, self.tr("QR poster text: at most %1 characters.")),
            (
                self.poster_caption,
                MAX_CAPTION,
                self.tr("QR poster caption: at most %1 characters."),
            ),
        ):
            if len(field.text()) > limit:
                self.error.setText(_filled(said, limit))
                field.setFocus()
                return None
        return IdleDisplay(
            tuple(lines),
            self.poster_text.text().strip(),
            self.poster_caption.text().strip(),
            self.seconds.checkedId(),
        )

    def save(self) -> bool:
        """Check, store, audit and show on the customer display; False (and said) if refused."""
        idle = self.entered()
        if idle is None:
            self.scroll_area.ensureWidgetVisible(self.error)  # the page may be scrolled
            return False
        values = {
            "customer_display": self.enabled.isChecked(),
            "customer_display_idle": idle.to_setting(),
        }
        try:
            saved = save_settings(self._context.uow_factory, values, user_id=self._user_id)
        except SettingError as error:  # the schema's own words, naming the key
            self.error.setText(str(error))
            self.scroll_area.ensureWidgetVisible(self.error)
            return False
        self.error.clear()
        tell_displays(saved.customer_display, saved.customer_display_idle)
        return True


def _filled(text: str, *numbers: int) -> str:
    """``text`` with %1, %2, ... replaced by ``numbers`` (Qt's arg(), which PySide lacks)."""
    for place, number in enumerate(numbers, start=1):
        text = text.replace(f"%{place}", f"{number:,}")
    return text


def _heading(label: QLabel) -> QLabel:
    label.setStyleSheet("font-weight: bold; font-size: 14pt; margin-top: 6px;")
    return label


def _hint(label: QLabel) -> QLabel:
    return named(label, "pageHint")
