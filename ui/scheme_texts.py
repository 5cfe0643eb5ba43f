"""The words and numbers of the co-pay schemes page: field names, refusals, dates, baht, percent.

Kept apart from :mod:`ui.scheme_settings` so the page is only its widgets.  Dates
are typed and shown in the Buddhist era in Thai (31/12/2569, 31 ธ.ค. 2569) and in
the Common era in English; either is read back (:func:`pos.thai_dates.parse_date`).
Caps are typed in baht and kept in satang; the government's share is typed in
percent and kept in basis points.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication

from pos.money import format_baht, parse_baht
from pos.sale.domain.scheme_edits import EditProblem, PhaseStatus, SchemeEditError
from pos.thai_dates import entry_text, parse_date, thai_date
from ui.i18n import is_thai


# QCoreApplication.translate is written out at each string: pyside6-lupdate finds only those
def field_label(field: str) -> str:
    """The name on screen of the field a :class:`SchemeEditError` names."""
    labels = {
        "code": QCoreApplication.translate("SchemeTexts", "Code"),
        "name_th": QCoreApplication.translate("SchemeTexts", "Thai name"),
        "name_en": QCoreApplication.translate("SchemeTexts", "English name"),
        "share": QCoreApplication.translate("SchemeTexts", "Government pays (%)"),
        "cap_per_day": QCoreApplication.translate("SchemeTexts", "Cap per person per day (baht)"),
        "name": QCoreApplication.translate("SchemeTexts", "Phase"),
        "starts": QCoreApplication.translate("SchemeTexts", "First day"),
        "ends": QCoreApplication.translate("SchemeTexts", "Last day"),
        "cap": QCoreApplication.translate("SchemeTexts", "Cap per person (baht)"),
        "phase": QCoreApplication.translate(
            "SchemeTexts", "Phase"
        ),  # the phase chosen in the table
        "scheme": QCoreApplication.translate("SchemeTexts", "Scheme"),
    }
    return labels.get(field, field)


def _problem_text(problem: EditProblem) -> str:
    texts = {
        EditProblem.EMPTY: QCoreApplication.translate("SchemeTexts", "is empty"),
        EditProblem.TOO_LONG: QCoreApplication.translate("SchemeTexts", "is too long"),
        EditProblem.BAD_CODE: QCoreApplication.translate(
            "SchemeTexts", "use 1-32 of a-z, 0-9 and _"
        ),
        EditProblem.TAKEN: QCoreApplication.translate("SchemeTexts", "{other} is already used"),
        EditProblem.ENDS_BEFORE_STARTS: QCoreApplication.translate(
            "SchemeTexts", "is before the first day"
        ),
        EditProblem.OVERLAPS: QCoreApplication.translate("SchemeTexts", "overlaps phase {other}"),
        EditProblem.NOT_POSITIVE: QCoreApplication.translate(
            "SchemeTexts", "must be more than zero (empty: no cap)"
        ),
        EditProblem.SHARE_RANGE: QCoreApplication.translate(
            "SchemeTexts", "must be from 0.01 to 100"
        ),
        EditProblem.NAME_LOCKED: QCoreApplication.translate(
            "SchemeTexts", "cannot change once the phase has started"
        ),
        EditProblem.PAST_DAYS_LOCKED: QCoreApplication.translate(
            "SchemeTexts", "would take back days up to today (sales used them)"
        ),
        EditProblem.NOT_STARTED: QCoreApplication.translate(
            "SchemeTexts", "{other} has not started yet: remove it instead"
        ),
        EditProblem.ALREADY_ENDED: QCoreApplication.translate(
            "SchemeTexts", "{other} has already ended"
        ),
        EditProblem.STARTED: QCoreApplication.translate(
            "SchemeTexts", "{other} has started and is kept: end it instead"
        ),
        EditProblem.LAST_PHASE: QCoreApplication.translate(
            "SchemeTexts", "{other} is the scheme's only phase"
        ),
        EditProblem.UNKNOWN: QCoreApplication.translate("SchemeTexts", "{other} does not exist"),
    }
    return texts[problem]


def refusal(error: SchemeEditError) -> str:
    """The refusal in the language on screen, naming the field: 'Last day: overlaps phase 5'."""
    return f"{field_label(error.field)}: " + _problem_text(error.problem).format(other=error.other)


def typing_refusal(field: str, kind: str) -> str:
    """A field whose text is not a date, an amount or a percent."""
    texts = {
        "date": QCoreApplication.translate("SchemeTexts", "is not a date (write e.g. {example})"),
        "baht": QCoreApplication.translate(
            "SchemeTexts", "is not an amount in baht (e.g. 150 or 1,200.50; empty: no cap)"
        ),
        "percent": QCoreApplication.translate("SchemeTexts", "is not a percent (e.g. 50)"),
    }
    example = entry_text(dt.date(2026, 12, 31), buddhist=is_thai())
    return f"{field_label(field)}: " + texts[kind].format(example=example)


def status_text(status: PhaseStatus) -> str:
    return {
        PhaseStatus.UPCOMING: QCoreApplication.translate("SchemeTexts", "to come"),
        PhaseStatus.RUNNING: QCoreApplication.translate("SchemeTexts", "running"),
        PhaseStatus.ENDED: QCoreApplication.translate("SchemeTexts", "ended"),
    }[status]


def date_entry(day: dt.date) -> str:
    return entry_text(day, buddhist=is_thai())


def date_shown(day: dt.date) -> str:
    """31 ธ.ค. 2569 in Thai, 31 Dec 2026 in English."""
    return thai_date(day) if is_thai() else f"{day.day} {day:%b %Y}"


def read_date(text: str) -> dt.date:
    return parse_date(text)


def cap_entry(satang: int | None) -> str:
    return "" if satang is None else format_baht(satang)


def cap_shown(satang: int | None) -> str:
    return (
        QCoreApplication.translate("SchemeTexts", "no cap")
        if satang is None
        else format_baht(satang)
    )


def read_cap(text: str) -> int | None:
    """Baht as typed → satang; empty → no cap (MoneyFormatError, a ValueError, if not baht)."""
    return None if not text.strip() else parse_baht(text)


def share_entry(basis_points: int) -> str:
    """5000 → "50", 1250 → "12.5"."""
    whole, part = divmod(basis_points, 100)
    return str(whole) if not part else f"{whole}.{part:02d}".rstrip("0")


def read_share(text: str) -> int:
    """A percent as typed ("50", "50.5") → basis points; ValueError if it is not one."""
    try:
        value = Decimal(text.strip().rstrip("%").strip()) * 100
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite() or value != value.to_integral_value():
        raise ValueError(text)
    return int(value)
