"""A manager's changes to the co-pay schemes and their phases, as pure functions on a SchemeBook.

Every function returns a new :class:`SchemeBook` or raises :class:`SchemeEditError`
naming the field at fault (``starts``, ``ends``, ``cap``, ...), so the settings page
can put the message beside the field and change nothing.

The rules keep the history the sales were taken under:

* a phase may not cover a day another phase of its scheme covers — unless it
  covered that day already (the shipped คนละครึ่ง phases 1 and 2 overlap in
  Jan–Mar 2021, as the government ran them; editing phase 1's cap must not be
  refused for it);
* a day up to today that a phase covered stays covered (sales of that day
  may have been taken under it), and a phase that has started keeps its name (each
  scheme tender records the phase's name);
* a phase is never deleted once it has started — it is *ended* instead (its
  last day becomes today); only a phase whose first day is still to come can
  be removed, since no sale can have used it (a tender is checked against the
  phase open on the sale's day).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from dataclasses import dataclass

from pos.sale.domain.schemes import (
    FULL_SHARE_BASIS_POINTS,
    Scheme,
    SchemeBook,
    SchemeError,
    SchemePhase,
)

MAX_PHASE_NAME = 32  # the store's scheme_phase column


class PhaseStatus(enum.Enum):
    UPCOMING = "upcoming"
    RUNNING = "running"
    ENDED = "ended"


class EditProblem(enum.Enum):
    """What is wrong with an edit; the page says each in the cashier's language."""

    EMPTY = "is empty"
    TOO_LONG = "is too long"
    BAD_CODE = "must be 1-32 of a-z, 0-9 and _"
    TAKEN = "is already used"
    ENDS_BEFORE_STARTS = "is before the first day"
    OVERLAPS = "overlaps another phase"
    NOT_POSITIVE = "must be more than zero"
    SHARE_RANGE = "must be from 0.01 to 100 percent"
    NAME_LOCKED = "cannot change once the phase has started"
    PAST_DAYS_LOCKED = "would take back days that have passed"
    NOT_STARTED = "has not started yet"
    ALREADY_ENDED = "has already ended"
    STARTED = "has started: end it instead"
    LAST_PHASE = "is the scheme's only phase"
    UNKNOWN = "does not exist"


class SchemeEditError(SchemeError):
    """An edit refused: ``field`` is the field at fault, ``other`` the thing it clashes with."""

    def __init__(self, field: str, problem: EditProblem, other: str = ""):
        self.field, self.problem, self.other = field, problem, other
        clash = f" ({other})" if other else ""
        super().__init__(f"{field} {problem.value}{clash}")


def phase_status(phase: SchemePhase, today: dt.date) -> PhaseStatus:
    if today < phase.starts:
        return PhaseStatus.UPCOMING
    return PhaseStatus.ENDED if phase.ends < today else PhaseStatus.RUNNING


def _days(phase: SchemePhase) -> tuple[dt.date, dt.date]:
    return phase.starts, phase.ends


def _overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _new_overlap(new: SchemePhase, old: SchemePhase | None, other: SchemePhase) -> bool:
    """Whether ``new`` covers a day of ``other`` that ``old`` (its earlier self) did not."""
    if not _overlap(_days(new), _days(other)):
        return False
    if old is None or not _overlap(_days(old), _days(other)):
        return True
    shared = (max(new.starts, other.starts), min(new.ends, other.ends))
    return shared[0] < max(old.starts, other.starts) or shared[1] > min(old.ends, other.ends)


def _phase(scheme: Scheme, name: str) -> SchemePhase:
    for phase in scheme.phases:
        if phase.name == name:
            return phase
    raise SchemeEditError("phase", EditProblem.UNKNOWN, name)


def _scheme(book: SchemeBook, code: str) -> Scheme:
    for scheme in book.schemes:
        if scheme.code == code:
            return scheme
    raise SchemeEditError("scheme", EditProblem.UNKNOWN, code)


def _with_scheme(book: SchemeBook, scheme: Scheme) -> SchemeBook:
    schemes = tuple(scheme if s.code == scheme.code else s for s in book.schemes)
    return SchemeBook(schemes)


def _check_phase_shape(phase: SchemePhase) -> None:
    if not phase.name.strip():
        raise SchemeEditError("name", EditProblem.EMPTY)
    if len(phase.name) > MAX_PHASE_NAME:
        raise SchemeEditError("name", EditProblem.TOO_LONG)


def make_phase(name: str, starts: dt.date, ends: dt.date, cap: int | None) -> SchemePhase:
    """A phase, or the error naming its field (the dataclass's own checks, by field)."""
    if ends < starts:
        raise SchemeEditError("ends", EditProblem.ENDS_BEFORE_STARTS)
    if cap is not None and cap <= 0:
        raise SchemeEditError("cap", EditProblem.NOT_POSITIVE)
    phase = SchemePhase(name.strip(), starts, ends, cap)
    _check_phase_shape(phase)
    return phase


def _check_against(scheme: Scheme, new: SchemePhase, old: SchemePhase | None) -> None:
    for other in scheme.phases:
        if other is old:
            continue
        if other.name == new.name:
            raise SchemeEditError("name", EditProblem.TAKEN, other.name)
        if _new_overlap(new, old, other):
            field = "starts" if other.starts <= new.starts <= other.ends else "ends"
            raise SchemeEditError(field, EditProblem.OVERLAPS, other.name)


def add_phase(book: SchemeBook, code: str, phase: SchemePhase) -> SchemeBook:
    """``phase`` added to scheme ``code``, after its others; refused if it overlaps one."""
    scheme = _scheme(book, code)
    _check_phase_shape(phase)
    _check_against(scheme, phase, None)
    return _with_scheme(book, dataclasses.replace(scheme, phases=(*scheme.phases, phase)))


def _check_history(old: SchemePhase, new: SchemePhase, today: dt.date) -> None:
    if old.starts <= today and new.name != old.name:
        raise SchemeEditError("name", EditProblem.NAME_LOCKED)
    last_taken = min(old.ends, today)  # today too: sales may have been taken under it already
    if old.starts <= last_taken:
        if new.starts > old.starts:
            raise SchemeEditError("starts", EditProblem.PAST_DAYS_LOCKED)
        if new.ends < last_taken:
            raise SchemeEditError("ends", EditProblem.PAST_DAYS_LOCKED)


def edit_phase(
    book: SchemeBook, code: str, name: str, new: SchemePhase, today: dt.date
) -> SchemeBook:
    """Phase ``name`` of scheme ``code`` replaced by ``new`` (dates, cap, or a new name)."""
    scheme = _scheme(book, code)
    old = _phase(scheme, name)
    _check_phase_shape(new)
    _check_history(old, new, today)
    _check_against(scheme, new, old)
    phases = tuple(new if p is old else p for p in scheme.phases)
    return _with_scheme(book, dataclasses.replace(scheme, phases=phases))


def end_phase(book: SchemeBook, code: str, name: str, today: dt.date) -> SchemeBook:
    """Phase ``name`` ends today (today is its last day); it must be running."""
    old = _phase(_scheme(book, code), name)
    status = phase_status(old, today)
    if status is PhaseStatus.UPCOMING:
        raise SchemeEditError("phase", EditProblem.NOT_STARTED, name)
    if status is PhaseStatus.ENDED or old.ends == today:  # today already its last day
        raise SchemeEditError("phase", EditProblem.ALREADY_ENDED, name)
    return edit_phase(book, code, name, dataclasses.replace(old, ends=today), today)


def remove_phase(book: SchemeBook, code: str, name: str, today: dt.date) -> SchemeBook:
    """Phase ``name`` removed; only one that has not started and is not the scheme's last."""
    scheme = _scheme(book, code)
    old = _phase(scheme, name)
    if phase_status(old, today) is not PhaseStatus.UPCOMING:
        raise SchemeEditError("phase", EditProblem.STARTED, name)
    if len(scheme.phases) == 1:
        raise SchemeEditError("phase", EditProblem.LAST_PHASE, name)
    phases = tuple(p for p in scheme.phases if p is not old)
    return _with_scheme(book, dataclasses.replace(scheme, phases=phases))


@dataclass(frozen=True)
class SchemeTerms:
    """What a manager sets for a scheme itself: names, the government's share, the daily cap."""

    code: str
    name_th: str
    name_en: str
    share_basis_points: int
    cap_per_day_satang: int | None


def _checked_terms(terms: SchemeTerms) -> SchemeTerms:
    if not terms.name_th.strip():
        raise SchemeEditError("name_th", EditProblem.EMPTY)
    for field, text in (("name_th", terms.name_th), ("name_en", terms.name_en)):
        if len(text) > 100:
            raise SchemeEditError(field, EditProblem.TOO_LONG)
    if not 0 < terms.share_basis_points <= FULL_SHARE_BASIS_POINTS:
        raise SchemeEditError("share", EditProblem.SHARE_RANGE)
    if terms.cap_per_day_satang is not None and terms.cap_per_day_satang <= 0:
        raise SchemeEditError("cap_per_day", EditProblem.NOT_POSITIVE)
    return terms


def _applied(scheme: Scheme, terms: SchemeTerms) -> Scheme:
    return dataclasses.replace(
        scheme,
        name_th=terms.name_th.strip(),
        name_en=terms.name_en.strip(),
        government_share_basis_points=terms.share_basis_points,
        cap_per_person_per_day_satang=terms.cap_per_day_satang,
    )


def edit_terms(book: SchemeBook, terms: SchemeTerms) -> SchemeBook:
    """Scheme ``terms.code``'s names, share and daily cap replaced (its code stays)."""
    scheme = _scheme(book, terms.code)
    return _with_scheme(book, _applied(scheme, _checked_terms(terms)))


def add_scheme(book: SchemeBook, terms: SchemeTerms, first: SchemePhase) -> SchemeBook:
    """A new scheme with one phase (a scheme always has one); its code must be new and valid."""
    code = terms.code.strip()
    if not code:
        raise SchemeEditError("code", EditProblem.EMPTY)
    if any(s.code == code for s in book.schemes):
        raise SchemeEditError("code", EditProblem.TAKEN, code)
    _check_phase_shape(first)
    try:
        blank = Scheme(code, "x", "", FULL_SHARE_BASIS_POINTS, (first,))
    except SchemeError:
        raise SchemeEditError("code", EditProblem.BAD_CODE) from None
    return SchemeBook((*book.schemes, _applied(blank, _checked_terms(terms))))
