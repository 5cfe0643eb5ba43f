"""Telling a keyboard-wedge scanner from a person typing, by the time between keys."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ui.scan_router import MIN_BURST, KeyBurst

FIELD, OTHER = object(), object()


def _typed(burst: KeyBurst, text: str, gap_ms: float, start: float = 1000.0) -> float:
    at = start
    for character in text:
        burst.key(character, at, FIELD)
        at += gap_ms
    return at - gap_ms


def test_a_fast_burst_of_digits_ended_by_enter_is_a_scan() -> None:
    burst = KeyBurst(max_gap_ms=35)
    last = _typed(burst, "8855512010014", gap_ms=4)
    assert burst.take(last + 5, FIELD) == "8855512010014"
    assert burst.take(last + 6, FIELD) is None  # taken once


def test_a_person_typing_is_not_a_scan() -> None:
    burst = KeyBurst(max_gap_ms=35)
    last = _typed(burst, "12345678", gap_ms=120)
    assert burst.take(last + 100, FIELD) is None


def test_short_codes_letters_a_late_enter_or_another_field_are_not_scans() -> None:
    burst = KeyBurst(max_gap_ms=35)
    assert burst.take(_typed(burst, "1234", 3) + 3, FIELD) is None  # a PIN typed fast
    assert burst.take(_typed(burst, "88555A2010014", 3) + 3, FIELD) is None
    assert burst.take(_typed(burst, "8855512010014", 3) + 500, FIELD) is None
    last = _typed(burst, "8855512010014", 3)
    assert burst.take(last + 3, OTHER) is None


def test_typing_then_a_scan_keeps_only_the_scan() -> None:
    burst = KeyBurst(max_gap_ms=35)
    at = _typed(burst, "12", gap_ms=200)  # the cashier typed two digits, then a scan came
    last = _typed(burst, "8857717001019", gap_ms=5, start=at + 400)
    assert burst.take(last + 5, FIELD) == "8857717001019"


@given(st.text("0123456789", min_size=MIN_BURST, max_size=20), st.floats(0, 35))
def test_any_fast_enough_digit_run_is_a_scan(code: str, gap: float) -> None:
    burst = KeyBurst(max_gap_ms=35)
    last = _typed(burst, code, gap)
    assert burst.take(last + gap, FIELD) == code
