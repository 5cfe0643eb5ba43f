"""What the customer display shows while no sale is on it: announcements and a QR poster.

The shop's announcements (a few lines: today's offer, the opening hours, "we ship
what you order online") are shown one after another, ``seconds_each`` seconds
each, and an optional poster: a text or a link turned into a QR code (the shop's
LINE, a check-in QR such as Thai Chana's was at the door) with a caption under
it.  Stored as the setting ``customer_display_idle``; whether the display is on
at all stays the older setting ``customer_display`` (a bool), so stores and
scripts that set it keep working.

Every text is checked by the counter's one text rule (:mod:`pos.text`), naming
the line at fault ("announcement 2").  Pure: no Qt (the QR is drawn in ui/).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pos.text import TextKind, TextProblem, TextRefusedError, text_problem

MAX_ANNOUNCEMENTS = 6
MAX_ANNOUNCEMENT = 160  # characters: two lines of the display's large type
MAX_POSTER_TEXT = 500  # a link or a short text; well inside a QR code's capacity (M level)
MAX_CAPTION = 120
DEFAULT_SECONDS_EACH = 8


def _refuse(field_en: str, field_th: str, problem: str, limit: int = 0) -> None:
    """A ValueError naming the field (the schema reports it under the setting's key)."""
    raise ValueError(
        f"{field_en} ({field_th}) {problem}" + (f" (at most {limit})" if limit else "")
    )


def _check(text: str, limit: int, field_en: str, field_th: str) -> str:
    found: TextProblem | None = text_problem(text, TextKind.NOTE, field_en, field_th)
    if found is not None:
        raise TextRefusedError(found)
    if len(text) > limit:
        _refuse(field_en, field_th, f"is {len(text)} characters long", limit)
    return text


def announcement_names(number: int) -> tuple[str, str]:
    """The English and Thai name of announcement ``number`` (1-based), as errors say it."""
    return f"announcement {number}", f"ประกาศข้อ {number}"


def checked_announcement(text: str, number: int) -> str:
    """``text`` as announcement ``number``, or ValueError naming it."""
    if not text.strip():
        _refuse(*announcement_names(number), "is empty")
    return _check(text, MAX_ANNOUNCEMENT, *announcement_names(number))


@dataclass(frozen=True)
class IdleDisplay:
    """The announcements in turn, and the poster (``poster_text`` empty: no poster)."""

    announcements: tuple[str, ...] = ()
    poster_text: str = ""
    poster_caption: str = ""
    seconds_each: int = DEFAULT_SECONDS_EACH

    def __post_init__(self) -> None:
        if len(self.announcements) > MAX_ANNOUNCEMENTS:
            raise ValueError(f"at most {MAX_ANNOUNCEMENTS} announcements")
        for number, text in enumerate(self.announcements, start=1):
            checked_announcement(text, number)
        _check(self.poster_text, MAX_POSTER_TEXT, "QR poster text", "ข้อความของคิวอาร์")
        _check(self.poster_caption, MAX_CAPTION, "QR poster caption", "คำบรรยายคิวอาร์")
        if not 3 <= self.seconds_each <= 60:
            raise ValueError("seconds each must be 3-60")

    @property
    def has_poster(self) -> bool:
        return bool(self.poster_text.strip())

    def announcement_at(self, tick: int) -> str:
        """The announcement shown at the ``tick``-th turn ("" when there is none)."""
        if not self.announcements:
            return ""
        return self.announcements[tick % len(self.announcements)]

    def to_setting(self) -> dict[str, Any]:
        return {
            "announcements": list(self.announcements),
            "poster_text": self.poster_text,
            "poster_caption": self.poster_caption,
            "seconds_each": self.seconds_each,
        }

    @classmethod
    def from_setting(cls, value: Mapping[str, Any]) -> IdleDisplay:
        announcements = value.get("announcements", [])
        if not isinstance(announcements, list) or not all(
            isinstance(a, str) for a in announcements
        ):
            raise ValueError("announcements must be a list of texts")
        return cls(
            announcements=tuple(announcements),
            poster_text=str(value.get("poster_text", "")),
            poster_caption=str(value.get("poster_caption", "")),
            seconds_each=int(value.get("seconds_each", DEFAULT_SECONDS_EACH)),
        )
