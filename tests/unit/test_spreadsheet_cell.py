"""pos.spreadsheet: OWASP's CSV-injection rule, tried on generated cells."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from pos.spreadsheet import FORMULA_STARTS, spreadsheet_cell, spreadsheet_record, spreadsheet_row

PREFIX = st.sampled_from(FORMULA_STARTS)


@given(PREFIX, st.text(max_size=30).filter(lambda rest: not re.fullmatch(r"[0-9.]+", rest)))
def test_a_cell_starting_like_a_formula_gets_a_quote(prefix: str, rest: str):
    assert spreadsheet_cell(prefix + rest) == "'" + prefix + rest


@given(st.text(max_size=30).filter(lambda text: not text.startswith(FORMULA_STARTS)))
def test_any_other_text_is_unchanged(text: str):
    assert spreadsheet_cell(text) == text


@given(st.integers(-(10**12), 10**12), st.integers(0, 99))
def test_plain_numbers_stay_numbers(whole: int, satang: int):
    text = f"{whole}.{satang:02d}"
    assert spreadsheet_cell(text) == text
    assert spreadsheet_cell(str(whole)) == str(whole)


def test_a_number_with_a_formula_after_it_is_quoted():
    assert spreadsheet_cell("-1+2") == "'-1+2"
    assert spreadsheet_cell("-15.00") == "-15.00"
    assert spreadsheet_cell("\t=1") == "'\t=1"
    assert spreadsheet_cell("\r=1") == "'\r=1"


@given(st.one_of(st.none(), st.integers(), st.booleans()))
def test_values_that_are_not_text_are_unchanged(value: object):
    assert spreadsheet_cell(value) == value


def test_rows_and_records_quote_each_cell():
    assert spreadsheet_row(["=A1", "ok", 3]) == ["'=A1", "ok", 3]
    assert spreadsheet_record({"name": "@x", "amount": "-2.00"}) == {
        "name": "'@x",
        "amount": "-2.00",
    }
