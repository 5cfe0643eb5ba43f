"""Reading the catalogue CSV: every kind of bad field is named by row and field."""

from __future__ import annotations

import io

import pytest

from pos.catalogue.domain.barcodes import BarcodeRules, with_check_digit
from pos.catalogue.domain.csv_format import COLUMNS, read_catalog_csv
from pos.catalogue.domain.products import Category, Unit

HEADER = ",".join(COLUMNS)
GOOD = "8850999220017,TX-1,ผ้าไหมมัดหมี่,Mudmee silk,textile,กลุ่มทอผ้า,2500.00,cloth,no,yes,4,3"
WEIGHED = ",FD-SHAL,หอมแดง,Red shallots,food,กลุ่มเกษตร,89.50,kg,yes,no,,12.500"


def read(*rows: str, header: str = HEADER):
    return read_catalog_csv(io.StringIO("\n".join([header, *rows]) + "\n"), BarcodeRules())


def test_good_rows_are_read_into_typed_values() -> None:
    rows, problems = read(GOOD, WEIGHED)
    assert problems == []
    silk, shallots = rows
    assert (silk.row, silk.barcode, silk.category, silk.unit) == (
        2,
        "8850999220017",
        Category.TEXTILE,
        Unit.CLOTH,
    )
    assert (silk.unit_price_satang, silk.otop_stars, silk.stock_milli) == (250000, 4, 3000)
    assert shallots.barcode is None and shallots.sold_by_weight and not shallots.vat_applicable
    assert (shallots.unit_price_satang, shallots.stock_milli) == (8950, 12500)


BAD_ROWS = [
    ("8850999220018" + GOOD[13:], "barcode", "check digit 8, it should be 7"),
    ("12345" + GOOD[13:], "barcode", "has 5 digits"),
    (GOOD.replace(",TX-1,", ",,"), "sku", "is empty"),
    (GOOD.replace("ผ้าไหมมัดหมี่", ""), "name_th", "is empty"),
    (GOOD.replace("textile", "clothes"), "category", "unknown category 'clothes'"),
    (GOOD.replace("กลุ่มทอผ้า", ""), "producer", "is empty"),
    (GOOD.replace("2500.00", "-5.00"), "price", "is negative"),
    (GOOD.replace("2500.00", '"25,00"'), "price", "not an amount in baht"),
    (GOOD.replace("2500.00", "12.345"), "price", "not an amount in baht"),
    (GOOD.replace("2500.00", "free"), "price", "not an amount in baht"),
    (GOOD.replace(",cloth,", ",bundle,"), "unit", "unknown unit 'bundle'"),
    (GOOD.replace(",no,yes,", ",maybe,yes,"), "sold_by_weight", "must be yes or no"),
    (GOOD.replace(",no,yes,", ",no,sometimes,"), "vat", "must be yes or no"),
    (GOOD.replace(",4,3", ",6,3"), "otop_stars", "must be 0 to 5"),
    (GOOD.replace(",4,3", ",4,2.5"), "stock", "whole number"),
    (GOOD.replace(",4,3", ",4,lots"), "stock", "not a quantity"),
    (WEIGHED.replace(",kg,", ",bag,"), "unit", "priced per kg"),
    (with_check_digit("210004201250") + GOOD[13:], "barcode", "is a scale label"),
]


@pytest.mark.parametrize(("row", "field", "message"), BAD_ROWS)
def test_each_bad_field_is_named(row: str, field: str, message: str) -> None:
    rows, problems = read(GOOD.replace("TX-1", "TX-0").replace("8850999220017", ""), row)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.row, problem.field) == (3, field)
    assert message in problem.message
    assert str(problem).startswith(f"row 3, {field}: ")
    assert len(rows) == 1  # the good row is still read; the caller decides


def test_duplicates_name_the_first_row() -> None:
    _, problems = read(GOOD, GOOD.replace("TX-1", "TX-2"), GOOD.replace("8850999220017", ""))
    messages = {(p.row, p.field): p.message for p in problems}
    assert messages == {
        (3, "barcode"): "8850999220017 is already used on row 2",
        (4, "sku"): "TX-1 is already used on row 2",
    }


def test_every_problem_of_every_row_is_reported() -> None:
    bad = "1,,,,nope,,x,,maybe,,9,"
    _, problems = read(GOOD, bad, bad)
    fields = [p.field for p in problems if p.row == 3]
    assert fields == [
        "barcode",
        "sku",
        "name_th",
        "producer",
        "category",
        "unit",
        "price",
        "sold_by_weight",
        "vat",
        "otop_stars",
    ]
    assert {p.row for p in problems} == {3, 4}


def test_header_problems_are_reported_on_row_1() -> None:
    _, problems = read(GOOD, header=HEADER.replace("price", "cost"))
    assert [str(p) for p in problems] == [
        "row 1: bad header: missing column(s): price; unknown column(s): cost"
    ]


def test_a_row_with_extra_fields_is_refused() -> None:
    _, problems = read(GOOD + ",extra")
    assert [str(p) for p in problems] == ["row 2: has more fields than the header"]


def test_byte_order_mark_and_thai_unit_labels_are_accepted() -> None:
    text = "\ufeff" + HEADER + "\n" + GOOD.replace(",cloth,", ",ผืน,") + "\n"
    rows, problems = read_catalog_csv(io.StringIO(text), BarcodeRules())
    assert problems == [] and rows[0].unit is Unit.CLOTH
