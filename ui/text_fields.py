"""Free-text fields checked by the counter's one text rule (:mod:`pos.text`) as they are typed.

A field that takes free text (a buyer's name, a reason, a note, the receipt header) is
given to :func:`watch` with its :class:`pos.text.TextKind` and its name: from then on a
text the counter would refuse — a NUL or a control character pasted from elsewhere, a
line break in a one-line field, too many characters — marks the field red (the
``refused`` property, styled in :mod:`ui.style`) with the reason as its tooltip, while
typing.  :func:`checked` is what a dialog calls on save: the text, or ``None`` after
showing the message in the dialog's label, putting the focus in the field and the
cursor on the character at fault.  The message is the cashier's language's half of
the core's bilingual one, so the services and the screen say the same thing.

Nothing is cut or cleaned silently (no ``setMaxLength``): a pasted address that is
too long is said to be, so nobody prints half of it without knowing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from pos.text import Problem, TextKind, TextProblem, text_problem
from ui.i18n import is_thai

TextWidget = QLineEdit | QPlainTextEdit
REFUSED = "refused"  # the dynamic property the style sheet colours
_CHECK = "textCheck"  # where watch() keeps the field's kind and names


def field_text(widget: TextWidget) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


def message(problem: TextProblem) -> str:
    """The problem in the language on screen, naming the field."""
    return problem.message_th() if is_thai() else problem.message_en()


def problem_of(
    widget: TextWidget, kind: TextKind, field_en: str = "", field_th: str = ""
) -> TextProblem | None:
    """What is wrong with the field's text; empty names are the kind's own."""
    return text_problem(field_text(widget), kind, field_en or None, field_th or None)


def _mark(widget: TextWidget, problem: TextProblem | None) -> None:
    refused = problem is not None
    widget.setToolTip(message(problem) if problem is not None else "")
    changed = widget.property(REFUSED) is not refused
    widget.setProperty(REFUSED, refused)
    if changed:
        style = widget.style()
        style.unpolish(widget)  # a dynamic property is re-read only on a new polish
        style.polish(widget)


def watch(widget: TextWidget, kind: TextKind, field_en: str, field_th: str) -> None:
    """Mark the field red, with the reason as its tooltip, whenever its text would be refused."""
    widget.setProperty(_CHECK, (kind.name, field_en, field_th))

    def recheck() -> None:
        _mark(widget, problem_of(widget, kind, field_en, field_th))

    widget.textChanged.connect(recheck)
    recheck()


def _put_cursor_at(widget: TextWidget, problem: TextProblem) -> None:
    at_fault = problem.problem is not Problem.TOO_LONG
    position = problem.position - 1 if at_fault else problem.limit
    if isinstance(widget, QLineEdit):
        widget.setCursorPosition(position)
        return
    cursor = widget.textCursor()
    cursor.setPosition(min(position, len(widget.toPlainText())), QTextCursor.MoveMode.MoveAnchor)
    widget.setTextCursor(cursor)


def checked(
    widget: TextWidget,
    say: QLabel | Callable[[str], object],
    kind: TextKind | None = None,
    field_en: str = "",
    field_th: str = "",
    *,
    focus: bool = True,
) -> str | None:
    """The field's text if the counter takes it; else ``None``, the message said, focus there.

    A field given to :func:`watch` needs no kind or names again.  ``focus=False`` for a
    check while the person types elsewhere (a preview), which must not move the cursor.
    """
    if kind is None:
        kind_name, field_en, field_th = widget.property(_CHECK)
        kind = TextKind[kind_name]
    problem = problem_of(widget, kind, field_en, field_th)
    _mark(widget, problem)
    if problem is None:
        return field_text(widget)
    (say.setText if isinstance(say, QLabel) else say)(message(problem))
    if focus:
        widget.setFocus()
        _put_cursor_at(widget, problem)
    return None


def all_checked(
    say: QLabel | Callable[[str], object], *widgets: QWidget, focus: bool = True
) -> bool:
    """Every watched field is acceptable (the first one that is not is said and focused)."""
    return all(
        checked(widget, say, focus=focus) is not None
        for widget in widgets
        if isinstance(widget, QLineEdit | QPlainTextEdit)
    )
