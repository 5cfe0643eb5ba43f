"""Thai line breaking at word boundaries, and the width of Thai text in printer columns.

Thai is written without spaces between words, so a long product name can only
be wrapped where a dictionary says a word ends.  We use Qt's
``QTextBoundaryFinder``: on Linux it calls libthai (Debian package ``libthai0``,
the same breaker GTK and LibreOffice use), which Qt loads at run time.  Without
libthai Qt finds no boundaries inside a Thai run; we then fall back to
grapheme-cluster boundaries, so a line may break inside a word but never
between a consonant and its vowel or tone mark.  ``./run.sh`` installs
libthai0 and a test checks the real word breaks.

PyThaiNLP's newmm was the alternative: pure Python, but a large dependency for
one function, and Qt is already what draws the receipts.  Only QtCore is used
here (no QGuiApplication needed), so PDF and text-mode output can use it too.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections.abc import Callable, Iterator

from PySide6.QtCore import QTextBoundaryFinder

_SAMPLE = "ผ้าไหมมัดหมี่"  # ผ้า|ไหม|มัด|หมี่ with a dictionary; a single run without one


def _boundaries(text: str, kind: QTextBoundaryFinder.BoundaryType) -> list[int]:
    finder = QTextBoundaryFinder(kind, text)
    found, position = [], finder.toNextBoundary()
    while position != -1:
        found.append(position)
        position = finder.toNextBoundary()
    return found


@functools.cache
def word_breaks_available() -> bool:
    """True when Qt finds Thai word boundaries (libthai is installed)."""
    return len(_boundaries(_SAMPLE, QTextBoundaryFinder.BoundaryType.Line)) > 1


def break_opportunities(text: str) -> list[int]:
    """Offsets where a line may end (0 < offset < len(text)): word ends, spaces, clusters."""
    if not text:
        return []
    kind = QTextBoundaryFinder.BoundaryType.Line
    positions = set(_boundaries(text, kind))
    if not word_breaks_available():
        positions |= set(_boundaries(text, QTextBoundaryFinder.BoundaryType.Grapheme))
    return sorted(p for p in positions if 0 < p < len(text) and not _after_abbreviation(text, p))


def _is_thai_consonant(character: str) -> bool:
    return "\u0e01" <= character <= "\u0e2e"


def _after_abbreviation(text: str, position: int) -> bool:
    """Right after a one-letter Thai abbreviation (จ. อ. ต. ถ.): it belongs to the next word.

    libthai allows "จ.|ศรีสะเกษ"; an address broken there reads badly.
    """
    return (
        position >= 2
        and text[position - 1] == "."
        and _is_thai_consonant(text[position - 2])
        and (position == 2 or not _is_thai_consonant(text[position - 3]))
    )


def segments(text: str) -> list[str]:
    """The text cut at every break opportunity; joined back they give the text."""
    cuts = [0, *break_opportunities(text), len(text)]
    return [text[start:end] for start, end in itertools.pairwise(cuts)]


def wrap(text: str, max_width: float, measure: Callable[[str], float]) -> list[str]:  # ok-float
    """Lines of at most ``max_width`` (as ``measure`` counts it), broken at word boundaries.

    Spaces at a line's end are dropped.  A word wider than a whole line is cut at
    grapheme-cluster boundaries, so a tone mark never leaves its consonant.
    Explicit newlines are kept.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if measure(paragraph.rstrip()) <= max_width:  # most lines fit: one measurement
            lines.append(paragraph.rstrip())
        else:
            lines.extend(_wrap_paragraph(paragraph, max_width, measure))
    return lines


def wrap_beside(
    text: str,
    width: float,  # ok-float
    value_width: float,  # ok-float
    gap: float,  # ok-float
    measure: Callable[[str], float],
) -> tuple[list[str], bool]:
    """A label wrapped on the full width with a value beside its last line, if it fits there.

    Returns the label's lines and whether the value goes beside the last one
    (else it takes a line of its own, right-aligned).  Only the last line is
    narrowed for the value, so a long Thai name keeps whole lines above it.
    """
    room = width - value_width - gap
    lines = wrap(text, width, measure)
    if measure(lines[-1]) <= room:
        return lines, True
    if room < width * 2 / 5:  # a long value: on a line of its own
        return lines, False
    return lines[:-1] + wrap(lines[-1], room, measure), True


def _wrap_paragraph(
    text: str, max_width: float, measure: Callable[[str], float]
) -> list[str]:  # ok-float
    lines: list[str] = []
    current = ""
    for piece in _pieces_that_fit(text, max_width, measure):
        candidate = current + piece
        if current and measure(candidate.rstrip()) > max_width:
            lines.append(current.rstrip())
            current = piece.lstrip()
        else:
            current = candidate
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def _pieces_that_fit(
    text: str,
    max_width: float,  # ok-float
    measure: Callable[[str], float],
) -> Iterator[str]:
    """Word segments; a segment too wide for a line comes as its grapheme clusters."""
    for segment in segments(text):
        if measure(segment.rstrip()) <= max_width:
            yield segment
        else:
            grapheme = QTextBoundaryFinder.BoundaryType.Grapheme
            cuts = [0, *_boundaries(segment, grapheme)]
            yield from (segment[a:b] for a, b in itertools.pairwise(cuts) if b > a)


def display_columns(text: str) -> int:
    """Printer columns taken by ``text`` when the firmware stacks Thai marks.

    Above and below vowels and tone marks (Unicode Mn: ั ิ ี ึ ื ุ ู ฺ ็ ่ ้ ๊ ๋ ์ ํ)
    sit on the previous character and take no column; everything else takes one.
    """
    return sum(1 for ch in text if unicodedata.category(ch) != "Mn")


def pad_columns(text: str, width: int, *, align: str = "left") -> str:
    """``text`` padded with spaces to ``width`` display columns (left, right or center)."""
    gap = max(0, width - display_columns(text))
    if align == "right":
        return " " * gap + text
    if align == "center":
        return " " * (gap // 2) + text + " " * (gap - gap // 2)
    return text + " " * gap
