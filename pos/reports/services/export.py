"""Reports as JSON and CSV (``otop-pos report … --json / --csv``, the manager screen's export).

JSON keeps the report's own fields: money in integer satang (``*_satang``),
quantities in thousandths (``*_milli``), shares in basis points
(``*_basis_points``), dates ISO, times ISO in Thai time, plus ``format``
(``otop-pos-report/1``) and ``report`` (its kind).

CSV has one row per line of the report, the section in the first column
(``category``, ``target``, ``producer``, ``tender``, ``cash``, ``scheme``,
``bank_due``, ``hour``, ``product``, ``discount``, ``approver``,
``credit_note``, ``day``, ``shift``…), then the union of the sections' fields;
money in baht with two decimals and no thousands separator (the ``_satang``
suffix dropped), quantities in units, shares in percent with two decimals —
what a spreadsheet reads as numbers.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import uuid
from collections.abc import Iterator
from typing import Any, TextIO

from pos.catalogue.domain.products import format_quantity
from pos.money import format_baht
from pos.reports.services.activity import DiscountReport, ReturnsReport
from pos.reports.services.range_reports import (
    CategoryReport,
    ManagerReport,
    ProducerStatement,
    SchemeReport,
    TenderReport,
)
from pos.shifts.services.day_close import DayReport
from pos.spreadsheet import spreadsheet_record

FORMAT = "otop-pos-report/1"
Report = (
    ManagerReport | CategoryReport | ProducerStatement | TenderReport | SchemeReport | DayReport
)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def report_kind(report: Report) -> str:
    return {
        ManagerReport: "sales",
        CategoryReport: "categories",
        ProducerStatement: "producers",
        TenderReport: "tenders",
        SchemeReport: "schemes",
    }.get(type(report), "z" if isinstance(report, DayReport) and report.is_z else "x")


def report_json(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = {"format": FORMAT, "report": report_kind(report), **_plain(report)}
    if isinstance(report, DayReport):
        figures = report.figures
        data["net_satang"] = figures.net_satang
        data["expected_cash_satang"] = figures.cash.expected_satang
        data["counted_cash_satang"] = figures.counted_cash_satang
    return data


def write_json(report: Report, stream: TextIO) -> None:
    json.dump(report_json(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


# --- CSV ------------------------------------------------------------------------------------
def _cell(name: str, value: Any) -> tuple[str, str]:
    """A field as its CSV column and text: satang → baht, thousandths → units, bp → percent."""
    if value is None:
        return name.removesuffix("_satang").removesuffix("_milli"), ""
    in_units = _unit_cell(name, value)
    if in_units is not None:
        return in_units
    if isinstance(value, dt.date | dt.datetime):
        return name, value.isoformat()
    if isinstance(value, bool):
        return name, "yes" if value else "no"
    return name, str(value)


def _unit_cell(name: str, value: Any) -> tuple[str, str] | None:
    """A money, quantity or rate field, named by its suffix, in its unit; None for the rest."""
    if name.endswith("_satang"):
        return name.removesuffix("_satang"), format_baht(int(value), grouping=False)
    if name.endswith("_milli"):
        return name.removesuffix("_milli"), format_quantity(int(value), weighed=True)
    if name.endswith("_basis_points"):
        return name.replace("_basis_points", "_percent"), format_baht(int(value), grouping=False)
    return None


def _row(section: str, item: Any, **extra: Any) -> dict[str, str]:
    row = {"section": section}
    fields = {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}
    for name, value in {**fields, **extra}.items():
        if isinstance(value, list | tuple | dict) or dataclasses.is_dataclass(value):
            continue  # nested parts get sections of their own
        column, text = _cell(name, value)
        row[column] = text
    return row


def _rows(section: str, items: Any, **extra: Any) -> Iterator[dict[str, str]]:
    for item in items:
        yield _row(section, item, **extra)


def csv_rows(report: Report) -> Iterator[dict[str, str]]:
    """The report as CSV rows (dicts), section by section."""
    if isinstance(report, ManagerReport):
        yield from csv_rows(report.categories)
        yield from csv_rows(report.tenders)
        yield from _rows("hour", report.hours)
        yield from _rows("product", report.products)
        yield from _discount_rows(report.discounts)
        yield from _return_rows(report.returns)
        yield from csv_rows(report.producers)
        yield from csv_rows(report.schemes)
    elif isinstance(report, CategoryReport):
        yield from _rows("category", report.lines)
        yield _row("target", report.target, remaining_satang=report.target.remaining_satang)
    elif isinstance(report, ProducerStatement):
        yield from _rows("producer", report.lines)
    elif isinstance(report, TenderReport):
        yield from _rows("tender", report.lines)
        yield {
            "section": "cash",
            **dict(
                _cell(n, getattr(report, n))
                for n in ("cash_received_satang", "change_satang", "cash_rounding_satang")
            ),
        }
    elif isinstance(report, SchemeReport):
        yield from _rows("scheme", report.lines)
        yield from _rows("bank_due", report.due)
    else:
        yield from _day_rows(report)


def _discount_rows(report: DiscountReport) -> Iterator[dict[str, str]]:
    yield from _rows("discount", report.lines)
    yield from _rows("approver", report.by_approver)


def _return_rows(report: ReturnsReport) -> Iterator[dict[str, str]]:
    yield from _rows("credit_note", report.lines)
    yield from _rows("approver", report.by_approver)


def _day_rows(report: DayReport) -> Iterator[dict[str, str]]:
    figures = report.figures
    extra: dict[str, Any] = {
        "z_number": report.z.number if report.z else None,
        "net_satang": figures.net_satang,
    }
    yield _row("day", figures, **extra)
    yield _row("sales", figures.sales)
    yield from _rows("credit_notes", (figures.returns, figures.voids))
    yield from _rows("tender", figures.tenders)
    yield _row(
        "cash",
        figures.cash,
        expected_satang=figures.cash.expected_satang,
        counted_satang=figures.counted_cash_satang,
    )
    yield from _rows("scheme", figures.schemes)
    for line in figures.shifts:
        for result in line.results:
            yield _row(
                "shift",
                line,
                tender=result.key,
                expected_satang=result.expected_satang,
                counted_satang=result.counted_satang,
                difference_satang=result.difference_satang,
            )


def write_csv(report: Report, stream: TextIO) -> int:
    """Write the report as CSV; returns the number of rows after the header.

    For spreadsheets: formula-like text (a product's or producer's name) is quoted.
    """
    rows = [spreadsheet_record(row) for row in csv_rows(report)]
    columns: dict[str, None] = {"section": None}
    for row in rows:
        columns.update(dict.fromkeys(row))
    writer = csv.DictWriter(stream, list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)
