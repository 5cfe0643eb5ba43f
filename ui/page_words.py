"""Texts a settings page sets once and again whenever the language changes (F9).

A page gets its :class:`Words` from :func:`words_for`; every label or button text it
shows goes through :meth:`Words.say` (or :meth:`Words.label`) with a function that
returns the text in the current language, and its ``changeEvent`` calls
:meth:`Words.again` on ``LanguageChange``.  What a person typed in the fields is
never touched.

The functions close over the page (``lambda: self.tr(...)``, which is what
pyside6-lupdate reads), so page → words → page is a reference cycle.  Left to
Python's cycle collector, a page without a parent would be deleted at whatever
moment the collector runs — once in a timer's callback of that very page, which
crashed the process.  So the words live in a registry until Qt destroys the page
(its ``destroyed`` signal): the page is deleted by Qt, never by the collector.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

Setter = Callable[[str], object]
_LIVING: dict[int, Words] = {}  # by id(page), until Qt destroys the page


class Words:
    """The page's texts and the functions that give them in the current language."""

    def __init__(self) -> None:
        self._texts: list[tuple[Setter, Callable[[], str]]] = []

    def say(self, setter: Setter, text: Callable[[], str]) -> None:
        """Set a text now and again whenever the language changes."""
        self._texts.append((setter, text))
        setter(text())

    def label(self, text: Callable[[], str], name: str = "", *, wrap: bool = False) -> QLabel:
        """A label in the current language; ``wrap`` only for sentences (Qt breaks Thai words
        badly, so a field's name stays on one line)."""
        label = QLabel(wordWrap=wrap)
        if name:
            label.setObjectName(name)
        self.say(label.setText, text)
        return label

    def also(self, redo: Callable[[], object]) -> None:
        """Run ``redo`` now and whenever the language changes (texts made from several parts)."""
        self.say(lambda _: redo(), str)

    def again(self) -> None:
        for setter, text in self._texts:
            setter(text())


def words_for(page: QWidget) -> Words:
    """The page's :class:`Words`, kept until Qt destroys the page."""
    key = id(page)
    if key not in _LIVING:
        _LIVING[key] = Words()
        page.destroyed.connect(partial(_LIVING.pop, key, None))  # no reference to the page
    return _LIVING[key]


def labelled_grid(
    words: Words,
    name_of: Callable[[str], str],
    places: Sequence[tuple[str, QWidget, int, int, int]],
) -> QGridLayout:
    """Each field under its label: ``(field, widget, row, column, span)``; labels from ``name_of``.

    Labels above the fields, not beside them: the Thai labels are long and the fields need
    the width of a 760-px page.
    """
    grid = QGridLayout()
    grid.setVerticalSpacing(2)
    for field, widget, row, column, span in places:
        grid.addWidget(words.label(partial(name_of, field)), row, column, 1, span)
        grid.addWidget(widget, row + 1, column, 1, span)
    return grid
