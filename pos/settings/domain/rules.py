"""The rules a setting's JSON value must follow: a type and its bounds, each able to say them.

A rule checks a value as it comes from JSON (the command line, the store, a
dialog's entry) and returns it unchanged, or raises :class:`RuleError` with
what is wrong and ``allowed`` — the range or the choices in words, which every
refusal names so the person can put it right.  Building the domain object from
the checked value is the setting's own business (:mod:`pos.settings.domain.schema`).

Text anywhere in a setting (a top-level text or a string deep inside an object)
must be storable and sendable: no NUL, no other control characters (a tab or a
newline only where a rule allows several lines) and no lone surrogates, which
neither the head office's PostgreSQL nor UTF-8 files can hold.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from pos.text import Problem, TextKind, text_problem

# bigint at the head office: any whole number a setting holds must fit in it
MAX_INTEGER = 2**63 - 1


class RuleError(ValueError):
    """A value a rule refuses: ``problem`` says what is wrong, ``allowed`` what would do."""

    def __init__(self, problem: str, allowed: str):
        self.problem, self.allowed = problem, allowed
        super().__init__(f"{problem} (allowed: {allowed})")


def _clean_text(text: str, *, multiline: bool = False) -> str | None:
    """What makes ``text`` unstorable, or None if it is fine: :mod:`pos.text`'s rule.

    Only the characters are judged here; each rule checks its own length.
    """
    found = text_problem(text, TextKind.RECEIPT_TEXT if multiline else TextKind.SETTING)
    if found is None or found.problem is Problem.TOO_LONG:
        return None
    what = "a lone surrogate" if found.problem is Problem.SURROGATE else "a control character"
    return f"{what} (U+{ord(found.character):04X}) at character {found.position}"


class Rule(Protocol):
    @property
    def allowed(self) -> str: ...

    def check(self, value: Any) -> Any: ...


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass(frozen=True)
class IntRule:
    """A whole number from ``low`` to ``high`` (JSON ``5``; never ``5.0``, ``"5"`` or ``true``)."""

    low: int
    high: int
    note: str = ""  # e.g. "minutes; 0 = never lock"

    @property
    def allowed(self) -> str:
        note = f" ({self.note})" if self.note else ""
        return f"a whole number {self.low}-{self.high}{note}"

    def check(self, value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise RuleError(f"{_shown(value)} is not a whole number", self.allowed)
        if not self.low <= value <= self.high:
            raise RuleError(f"{value} is out of range", self.allowed)
        return value


@dataclass(frozen=True)
class ChoiceRule:
    """One of a fixed list of values (numbers or words)."""

    values: tuple[int | str, ...]

    @property
    def allowed(self) -> str:
        return "one of " + ", ".join(str(v) for v in self.values)

    def check(self, value: Any) -> int | str:
        # True == 1 in Python: a JSON true is never one of the numbers
        if isinstance(value, bool) or not isinstance(value, int | str) or value not in self.values:
            raise RuleError(f"{_shown(value)} is not allowed", self.allowed)
        return value


@dataclass(frozen=True)
class BoolRule:
    """JSON ``true`` or ``false`` (not ``"yes"``, not ``1``)."""

    @property
    def allowed(self) -> str:
        return "true or false"

    def check(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise RuleError(f"{_shown(value)} is not true or false", self.allowed)
        return value


@dataclass(frozen=True)
class TextRule:
    """Text of at most ``max_length`` characters, optionally matching ``pattern`` (whole)."""

    max_length: int
    multiline: bool = False
    pattern: str | None = None
    hint: str = ""  # the pattern in words: "1-16 capital letters or digits"

    @property
    def allowed(self) -> str:
        lines = "lines of text" if self.multiline else "text"
        hint = f": {self.hint}" if self.hint else ""
        return f"{lines} of at most {self.max_length} characters{hint}, no control characters"

    def check(self, value: Any) -> str:
        if not isinstance(value, str):
            raise RuleError(f"{_shown(value)} is not text", self.allowed)
        problem = _clean_text(value, multiline=self.multiline)
        if problem:
            raise RuleError(f"the text has {problem}", self.allowed)
        if len(value) > self.max_length:
            raise RuleError(f"the text is {len(value)} characters long", self.allowed)
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
            raise RuleError(f"{_shown(value)} does not fit", self.allowed)
        return value


@dataclass(frozen=True)
class ShapeRule:
    """A JSON value of one of ``kinds`` (list, dict, ...), checked in depth by its builder."""

    kinds: tuple[type, ...]
    shape: str  # the whole structure in words, e.g. 'a list of ["YYYY-MM-DD", basis points]'
    items: type | None = None  # for a list: what each item must be (dict: an object)

    @property
    def allowed(self) -> str:
        return self.shape

    def check(self, value: Any) -> Any:
        wrong_bool = isinstance(value, bool) and bool not in self.kinds  # True is an int too
        if wrong_bool or not isinstance(value, self.kinds):
            raise RuleError(f"{_shown(value)} has the wrong shape", self.allowed)
        if self.items is not None and isinstance(value, list):
            for index, item in enumerate(value, start=1):
                if not isinstance(item, self.items):
                    raise RuleError(
                        f"item {index}, {_shown(item)}, has the wrong shape", self.shape
                    )
        return value


@dataclass(frozen=True)
class ObjectRule:
    """A JSON object whose fields have rules of their own; each field is checked if present."""

    fields: Mapping[str, Rule] = field(default_factory=dict)
    shape: str = "an object"

    @property
    def allowed(self) -> str:
        return self.shape

    def check(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, Mapping):
            raise RuleError(f"{_shown(value)} is not an object {{...}}", self.allowed)
        for name, rule in self.fields.items():
            if name in value:
                try:
                    rule.check(value[name])
                except RuleError as error:
                    raise RuleError(f"{name}: {error.problem}", error.allowed) from None
        return dict(value)


def check_json_texts(value: Any, *, multiline: bool = True, where: str = "") -> None:
    """Refuse unstorable text, non-finite or bigint-overflowing numbers anywhere in ``value``."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            check_json_texts(key, multiline=False, where=f"a key in {where or 'the object'}")
            check_json_texts(item, where=f"{where}.{key}" if where else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            check_json_texts(item, where=f"{where}[{index}]")
    else:
        _check_scalar(value, multiline, where)


def _check_scalar(value: Any, multiline: bool, where: str) -> None:
    if isinstance(value, str):
        problem = _clean_text(value, multiline=multiline)
        if problem:
            allowed = "text without control characters"
            raise RuleError(f"{where or 'the text'} has {problem}", allowed)
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INTEGER:
        raise RuleError(f"{where or 'a number'} is too large", "numbers within ±2^63")
    elif isinstance(value, float) and not math.isfinite(value):
        raise RuleError(f"{where or 'a number'} is {value}", "finite numbers")
