"""A manager's edits to the co-pay schemes: overlaps refused by field, history kept, caps."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.sale.domain.scheme_edits import (
    EditProblem,
    PhaseStatus,
    SchemeEditError,
    SchemeTerms,
    add_phase,
    add_scheme,
    edit_phase,
    edit_terms,
    end_phase,
    make_phase,
    phase_status,
    remove_phase,
)
from pos.sale.domain.schemes import SchemeBook, SchemePhase
from pos.settings.domain.schema import SPECS
from pos.thai_dates import entry_text, parse_date

D = dt.date
KLK = "khon_la_khrueng"
TODAY = D(2026, 12, 4)
BOOK = SchemeBook()


def phases(book: SchemeBook, code: str = KLK) -> dict[str, SchemePhase]:
    return {p.name: p for p in book.get(code).phases}


def refused(field: str, problem: EditProblem) -> pytest.RaisesExc[SchemeEditError]:
    return pytest.raises(SchemeEditError, match=f"^{field} {problem.value}")


def test_a_new_phase_after_the_others_is_added_and_survives_the_settings_codec() -> None:
    book = add_phase(BOOK, KLK, make_phase("6", D(2027, 1, 1), D(2027, 3, 31), 100_000))
    assert phases(book)["6"] == SchemePhase("6", D(2027, 1, 1), D(2027, 3, 31), 100_000)
    assert SPECS["schemes"].decode(book.to_setting()) == book


def test_an_overlapping_phase_is_refused_naming_the_date_and_the_phase() -> None:
    with pytest.raises(SchemeEditError) as raised:
        add_phase(BOOK, KLK, make_phase("6", D(2022, 10, 15), D(2022, 12, 31), None))
    assert (raised.value.field, raised.value.problem, raised.value.other) == (
        "starts",
        EditProblem.OVERLAPS,
        "5",
    )
    with refused("ends", EditProblem.OVERLAPS):
        add_phase(BOOK, KLK, make_phase("6", D(2022, 8, 1), D(2022, 9, 1), None))


def test_bad_phases_are_refused_by_field() -> None:
    with refused("ends", EditProblem.ENDS_BEFORE_STARTS):
        make_phase("6", D(2027, 2, 1), D(2027, 1, 1), None)
    with refused("cap", EditProblem.NOT_POSITIVE):
        make_phase("6", D(2027, 1, 1), D(2027, 2, 1), 0)
    with refused("name", EditProblem.EMPTY):
        make_phase("  ", D(2027, 1, 1), D(2027, 2, 1), None)
    with refused("name", EditProblem.TAKEN):
        add_phase(BOOK, KLK, make_phase("5", D(2027, 1, 1), D(2027, 2, 1), None))


def test_the_shipped_overlap_of_phases_1_and_2_does_not_stop_editing_phase_1s_cap() -> None:
    one = phases(BOOK)["1"]
    book = edit_phase(BOOK, KLK, "1", SchemePhase("1", one.starts, one.ends, 300_000), TODAY)
    assert phases(book)["1"].cap_per_person_satang == 300_000
    longer = SchemePhase("1", one.starts, D(2021, 6, 30), None)  # past days may be added
    with refused("ends", EditProblem.OVERLAPS):  # phase 3 starts on 2021-07-01
        edit_phase(BOOK, KLK, "1", SchemePhase("1", one.starts, D(2021, 7, 2), None), TODAY)
    assert phases(edit_phase(BOOK, KLK, "1", longer, TODAY))["1"].ends == D(2021, 6, 30)


def test_days_that_have_passed_stay_covered_and_a_started_phase_keeps_its_name() -> None:
    five = phases(BOOK)["5"]
    with refused("ends", EditProblem.PAST_DAYS_LOCKED):
        edit_phase(BOOK, KLK, "5", SchemePhase("5", five.starts, D(2022, 9, 30), None), TODAY)
    with refused("starts", EditProblem.PAST_DAYS_LOCKED):
        edit_phase(BOOK, KLK, "5", SchemePhase("5", D(2022, 9, 2), five.ends, None), TODAY)
    with refused("name", EditProblem.NAME_LOCKED):
        edit_phase(BOOK, KLK, "5", SchemePhase("5b", five.starts, five.ends, None), TODAY)


def test_a_running_phase_ends_today_and_then_cannot_end_again_or_be_removed() -> None:
    book = add_phase(BOOK, KLK, make_phase("6", D(2026, 11, 1), D(2027, 1, 31), None))
    assert phase_status(phases(book)["6"], TODAY) is PhaseStatus.RUNNING
    ended = end_phase(book, KLK, "6", TODAY)
    assert phases(ended)["6"].ends == TODAY
    assert phase_status(phases(ended)["6"], TODAY + dt.timedelta(days=1)) is PhaseStatus.ENDED
    with refused("phase", EditProblem.ALREADY_ENDED):
        end_phase(ended, KLK, "5", TODAY)
    with refused("phase", EditProblem.ALREADY_ENDED):  # today is already its last day
        end_phase(ended, KLK, "6", TODAY)
    with refused("phase", EditProblem.STARTED):
        remove_phase(ended, KLK, "6", TODAY)
    with refused("ends", EditProblem.PAST_DAYS_LOCKED):  # today's sales may have used it
        edit_phase(book, KLK, "6", SchemePhase("6", D(2026, 11, 1), D(2026, 12, 3), None), TODAY)


def test_only_a_phase_still_to_come_can_be_removed() -> None:
    book = add_phase(BOOK, KLK, make_phase("6", D(2027, 1, 1), D(2027, 1, 31), None))
    with refused("phase", EditProblem.NOT_STARTED):
        end_phase(book, KLK, "6", TODAY)
    assert "6" not in phases(remove_phase(book, KLK, "6", TODAY))
    renamed = edit_phase(book, KLK, "6", SchemePhase("6a", D(2027, 1, 2), D(2027, 1, 9), 1), TODAY)
    assert "6a" in phases(renamed)


def test_scheme_terms_and_a_new_scheme() -> None:
    terms = SchemeTerms(KLK, "คนละครึ่ง", "Co-pay", 6000, 20_000)
    scheme = edit_terms(BOOK, terms).get(KLK)
    assert (scheme.government_share_basis_points, scheme.cap_per_person_per_day_satang) == (
        6000,
        20_000,
    )
    first = make_phase("1", D(2027, 1, 1), D(2027, 3, 31), 200_000)
    book = add_scheme(
        BOOK, SchemeTerms("khon_la_khrueng_plus", "คนละครึ่งพลัส", "", 6000, None), first
    )
    assert book.get("khon_la_khrueng_plus").phases == (first,)
    with refused("code", EditProblem.TAKEN):
        add_scheme(BOOK, SchemeTerms(KLK, "x", "", 5000, None), first)
    with refused("code", EditProblem.BAD_CODE):
        add_scheme(BOOK, SchemeTerms("Bad Code", "x", "", 5000, None), first)
    with refused("share", EditProblem.SHARE_RANGE):
        edit_terms(BOOK, SchemeTerms(KLK, "x", "", 10_001, None))
    with refused("cap_per_day", EditProblem.NOT_POSITIVE):
        edit_terms(BOOK, SchemeTerms(KLK, "x", "", 5000, 0))
    with refused("name_th", EditProblem.EMPTY):
        edit_terms(BOOK, SchemeTerms(KLK, " ", "", 5000, None))


DAYS = st.dates(D(2026, 1, 1), D(2028, 12, 31))


@given(a=DAYS, b=DAYS, c=DAYS, d=DAYS)
def test_whatever_is_added_no_two_phases_share_a_day_unless_they_did(
    a: dt.date, b: dt.date, c: dt.date, d: dt.date
) -> None:
    book = SchemeBook()
    for name, (start, end) in (("x", sorted((a, b))), ("y", sorted((c, d)))):
        try:
            book = add_phase(book, "rao_chana", make_phase(name, start, end, None))
        except SchemeEditError as error:
            refusal: SchemeEditError | None = error
        else:
            refusal = None
        if refusal is not None:
            assert refusal.problem is EditProblem.OVERLAPS
            assert refusal.field in ("starts", "ends")
    new = [p for p in book.get("rao_chana").phases if p.name in ("x", "y")]
    for one in new:
        for other in book.get("rao_chana").phases:
            if other is not one:
                assert one.ends < other.starts or other.ends < one.starts


@given(phase_days=st.tuples(DAYS, DAYS), edit=st.tuples(DAYS, DAYS), today=DAYS)
def test_an_accepted_edit_never_uncovers_a_day_up_to_today(
    phase_days: tuple[dt.date, dt.date], edit: tuple[dt.date, dt.date], today: dt.date
) -> None:
    start, end = sorted(phase_days)
    book = add_phase(SchemeBook(), "rao_chana", make_phase("x", start, end, None))
    new_start, new_end = sorted(edit)
    try:
        edited = edit_phase(book, "rao_chana", "x", SchemePhase("x", new_start, new_end), today)
    except SchemeEditError as error:
        refusal: SchemeEditError | None = error
    else:
        refusal = None
    if refusal is not None:
        assert refusal.field in ("starts", "ends")
        return
    kept = phases(edited, "rao_chana")["x"]
    day = start
    while day <= min(end, today):
        assert kept.covers(day)
        day += dt.timedelta(days=1)


@given(st.dates(D(1900, 1, 1), D(2399, 12, 31)), st.booleans())  # CE 2400+: read as พ.ศ.
def test_dates_as_typed_read_back_in_either_era(day: dt.date, buddhist: bool) -> None:
    assert parse_date(entry_text(day, buddhist=buddhist)) == day


def test_date_entry_forms() -> None:
    assert parse_date("31/12/2564") == parse_date("31/12/2021") == parse_date("2021-12-31")
    assert parse_date("๓๑/๑๒/๒๕๖๔") == D(2021, 12, 31)
    for bad in ("31/12/64", "32/01/2564", "", "tomorrow", "1/2"):
        with pytest.raises(ValueError, match="not a date"):
            parse_date(bad)
