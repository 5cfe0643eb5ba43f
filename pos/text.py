"""What text the counter accepts: one rule for every field a person or a file can fill in.

Everything the counter stores is sent to the head office, printed on a receipt or shown
on a screen, so a text that one of them cannot take must be refused where it enters (the
CSV import, the command line, the app's fields, the settings), not where it breaks.
PostgreSQL cannot store NUL (U+0000); a lone surrogate (U+D800–U+DFFF) is not valid UTF-8
and cannot be encoded at all; other control characters (C0, DEL, C1) garble a receipt
printer's stream and the head office's reports.  Tab and line breaks are allowed only
where the kind of field has room for them (an address, a receipt footer).

Each :class:`TextKind` carries its English and Thai label, its longest length (in
characters, as Python counts them) and whether it may hold line breaks and tabs.
:func:`text_problem` says what is wrong, :func:`check_text` raises :class:`TextRefusedError`;
both give the message in English and Thai, naming the field.  Pure: no I/O, no Qt.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

TAB, LINE_BREAKS = "\t", frozenset("\n\r")
# Unicode's own line and paragraph separators end a line on screen as \n does.
_UNICODE_BREAKS = frozenset("\u2028\u2029\x85")
# Every character any kind might refuse (Cc is C0, DEL and C1; the separators; surrogates):
# a text without one is judged by its length alone, found in C rather than a Python loop
# (a 100,000-product import checks some ten million characters).
_SUSPECT = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


@dataclass(frozen=True)
class _Rules:
    label_en: str
    label_th: str
    max_length: int
    multiline: bool = False
    tab: bool = False


class TextKind(enum.Enum):
    """The kinds of text field, each with its label, length and the characters it allows."""

    NAME = _Rules("name", "ชื่อ", 200)
    SKU = _Rules("SKU", "รหัสสินค้า", 40)
    BARCODE = _Rules("barcode", "บาร์โค้ด", 40)
    CODE = _Rules("code", "รหัส", 40)  # short codes, flags and numbers in a file
    REFERENCE = _Rules("reference", "เลขอ้างอิง", 64)  # approval codes, app references
    REASON = _Rules("reason", "เหตุผล", 200)
    NOTE = _Rules("note", "หมายเหตุ", 500)
    ADDRESS = _Rules("address", "ที่อยู่", 500, multiline=True)
    TAX_ID = _Rules("tax ID", "เลขประจำตัวผู้เสียภาษี", 20)
    PHONE = _Rules("phone", "โทรศัพท์", 40)
    SETTING = _Rules("setting", "ค่าที่ตั้ง", 500)
    RECEIPT_TEXT = _Rules("receipt text", "ข้อความบนใบเสร็จ", 1000, multiline=True, tab=True)

    @property
    def rules(self) -> _Rules:
        value: _Rules = self.value
        return value

    @property
    def max_length(self) -> int:
        return self.rules.max_length


_RULES: dict[TextKind, _Rules] = {kind: kind.rules for kind in TextKind}


class Problem(enum.Enum):
    """What is wrong with a text."""

    NUL = "nul"
    SURROGATE = "surrogate"
    CONTROL = "control"
    LINE_BREAK = "line_break"
    TAB = "tab"
    TOO_LONG = "too_long"


@dataclass(frozen=True)
class TextProblem:
    """Why a text is refused: the field (English, Thai), the problem and where it is."""

    field_en: str
    field_th: str
    problem: Problem
    position: int  # 1-based character; for TOO_LONG the text's length
    limit: int
    character: str = ""

    @property
    def english(self) -> str:
        """The problem in English without the field's name (for a row-and-field report)."""
        code = f"U+{ord(self.character):04X}" if self.character else ""
        at = f"at character {self.position}"
        return {
            Problem.NUL: f"contains a NUL character ({code}) {at}",
            Problem.SURROGATE: f"contains a broken character ({code}, a lone surrogate) {at}",
            Problem.CONTROL: f"contains a control character ({code}) {at}",
            Problem.LINE_BREAK: f"must be one line: a line break ({code}) {at}",
            Problem.TAB: f"contains a tab {at}",
            Problem.TOO_LONG: f"is longer than {self.limit:,} characters ({self.position:,})",
        }[self.problem]

    @property
    def thai(self) -> str:
        """The problem in Thai without the field's name."""
        code = f"U+{ord(self.character):04X}" if self.character else ""
        at = f"ที่ตัวอักษรที่ {self.position}"
        return {
            Problem.NUL: f"มีอักขระ NUL ({code}) {at}",
            Problem.SURROGATE: f"มีอักขระที่เสีย ({code}) {at}",
            Problem.CONTROL: f"มีอักขระควบคุม ({code}) {at}",
            Problem.LINE_BREAK: f"ต้องเป็นบรรทัดเดียว: มีการขึ้นบรรทัดใหม่ ({code}) {at}",
            Problem.TAB: f"มีแท็บ {at}",
            Problem.TOO_LONG: (f"ยาวเกิน {self.limit:,} ตัวอักษร (มี {self.position:,} ตัวอักษร)"),
        }[self.problem]

    def message_en(self) -> str:
        return f"{self.field_en}: {self.english}"

    def message_th(self) -> str:
        return f"{self.field_th}: {self.thai}"

    def bilingual(self) -> str:
        """The problem without the field, English then Thai (a file's row-and-field report)."""
        return f"{self.english} ({self.thai})"

    def __str__(self) -> str:
        return f"{self.message_en()} / {self.message_th()}"


class TextRefusedError(ValueError):
    """A text the counter does not accept; ``problem`` says which field and why."""

    def __init__(self, problem: TextProblem):
        self.problem = problem
        super().__init__(str(problem))


def _character_problem(character: str, rules: _Rules) -> Problem | None:
    if character == TAB:
        return None if rules.tab else Problem.TAB
    if character in LINE_BREAKS or character in _UNICODE_BREAKS:
        if not rules.multiline:
            return Problem.LINE_BREAK
        if character != "\x85":  # NEL is a C1 control: refused below like the others
            return None
    if character == "\x00":
        return Problem.NUL
    if "\ud800" <= character <= "\udfff":
        return Problem.SURROGATE
    return Problem.CONTROL if unicodedata.category(character) == "Cc" else None


def text_problem(
    text: str, kind: TextKind, field_en: str | None = None, field_th: str | None = None
) -> TextProblem | None:
    """What is wrong with ``text`` as a ``kind`` field, or ``None`` if the counter takes it.

    The characters are checked before the length, so a long text with a NUL in it is
    reported for the NUL (the thing a person must go and find).
    """
    rules = _RULES[kind]  # a dict, not the enum's descriptor: this runs per field per row
    suspect = _SUSPECT.search(text)  # every character before it is fine
    if suspect is None and len(text) <= rules.max_length:
        return None
    label_en = field_en or rules.label_en
    label_th = field_th or (rules.label_th if field_en is None else field_en)
    start = suspect.start() if suspect else len(text)
    for index, character in enumerate(text[start:], start):
        problem = _character_problem(character, rules)
        if problem is not None:
            return TextProblem(label_en, label_th, problem, index + 1, rules.max_length, character)
    if len(text) > rules.max_length:
        return TextProblem(label_en, label_th, Problem.TOO_LONG, len(text), rules.max_length)
    return None


def check_text(
    text: str, kind: TextKind, field_en: str | None = None, field_th: str | None = None
) -> str:
    """``text`` unchanged if the counter takes it, else :class:`TextRefusedError`."""
    problem = text_problem(text, kind, field_en, field_th)
    if problem is not None:
        raise TextRefusedError(problem)
    return text


def first_text_problem(fields: Iterable[tuple[str, TextKind, str, str]]) -> TextProblem | None:
    """The first problem among ``(text, kind, field_en, field_th)``, in the order given."""
    for text, kind, field_en, field_th in fields:
        problem = text_problem(text, kind, field_en, field_th)
        if problem is not None:
            return problem
    return None


def is_acceptable(text: str, kind: TextKind) -> bool:
    return text_problem(text, kind) is None
