"""The catalogue CSV format: reading with a problem for every bad field, and writing.

Format (UTF-8, a byte-order mark is accepted, header row required)::

    barcode,sku,name_th,name_en,category,producer,price,unit,sold_by_weight,vat,otop_stars,stock

* ``category``: food, beverage, textile, household or herbal;
* ``price``: baht with up to 2 decimals (per kg when sold by weight);
* ``unit``: a unit code (piece, kg, …) or its Thai classifier;
* ``sold_by_weight``, ``vat``: yes/no (``vat`` = no for VAT-exempt goods);
* ``otop_stars``: 0–5, empty = not rated;
* ``stock``: a whole number, or kg with up to 3 decimals when sold by weight;
* ``sku``: the product's own code, upper-cased on reading;
* ``barcode``: EAN-13/EAN-8/UPC-A with a valid check digit, or empty to have an
  in-store code assigned on import.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first
product row 2.  Reading is pure; :mod:`pos.catalogue.services.csv_import` applies rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

from pos.catalogue.domain.barcodes import BarcodeError, BarcodeRules, canonical_gtin, plu_of
from pos.catalogue.domain.products import (
    MILLI,
    Category,
    Product,
    Unit,
    format_quantity,
    parse_quantity,
)
from pos.money import MoneyFormatError, format_baht, parse_baht
from pos.spreadsheet import spreadsheet_row
from pos.text import TextKind, text_problem

COLUMNS = (
    "barcode",
    "sku",
    "name_th",
    "name_en",
    "category",
    "producer",
    "price",
    "unit",
    "sold_by_weight",
    "vat",
    "otop_stars",
    "stock",
)
_YES = {"yes", "y", "true", "1", "ใช่"}
_NO = {"no", "n", "false", "0", "ไม่", "ไม่ใช่"}
# Codes, flags and numbers are CODE (40 characters): longer is surely a shifted column.
_KIND = {
    "sku": TextKind.SKU,
    "barcode": TextKind.BARCODE,
    "name_th": TextKind.NAME,
    "name_en": TextKind.NAME,
    "producer": TextKind.NAME,
}
# The largest values a row may hold: far above any OTOP product, far below where
# a sale's sums (price × quantity × lines) could leave a 64-bit integer.
MAX_PRICE_SATANG = 100_000_000 * 100  # 100 million baht
MAX_STOCK_MILLI = 1_000_000_000 * MILLI  # a thousand million pieces or kg
# The csv module refuses a field over 131,072 characters with an error that ends
# the whole read; with a higher limit such a field reaches the length check below,
# which names its row and column.  The file is already in memory, so the limit
# guards nothing here; it is raised (never lowered) once, for the whole process.
_CSV_FIELD_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class CsvProblem:
    """One thing wrong in the file, named by row and field."""

    row: int
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", {self.field}" if self.field else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class CatalogRow:
    """A valid product row; ``producer_name`` is resolved to a producer group on import."""

    row: int
    barcode: str | None
    sku: str
    name_th: str
    name_en: str
    category: Category
    producer_name: str
    unit_price_satang: int
    unit: Unit
    sold_by_weight: bool
    vat_applicable: bool
    otop_stars: int
    stock_milli: int


class _RowReader:
    """Collects the problems of one row while converting its fields."""

    def __init__(self, row_number: int, record: dict[str, str], problems: list[CsvProblem]):
        self.row_number, self.record, self.problems = row_number, record, problems

    def problem(self, field: str | None, message: str) -> None:
        self.problems.append(CsvProblem(self.row_number, field, message))

    def text(self, field: str, *, required: bool = True) -> str:
        """The field stripped; "" (and a problem) when it is empty but required or refused."""
        value = self.record[field]
        value = value.strip() if value else ""  # a short row leaves missing fields None
        if not value:
            if required:
                self.problem(field, "is empty")
            return ""
        refused = text_problem(value, _KIND.get(field, TextKind.CODE), field)
        if refused is not None:
            self.problem(field, refused.bilingual())
            return ""
        return value

    def flag(self, field: str) -> bool:
        value = self.text(field).lower()
        if value in _YES:
            return True
        if value and value not in _NO:
            self.problem(field, f"must be yes or no, not {value!r}")
        return False

    def category(self) -> Category | None:
        value = self.text("category").lower()
        try:
            return Category(value) if value else None
        except ValueError:
            choices = ", ".join(c.value for c in Category)
            self.problem("category", f"unknown category {value!r} (use {choices})")
            return None

    def unit(self) -> Unit | None:
        value = self.text("unit")
        try:
            return Unit.parse(value) if value else None
        except ValueError as error:
            self.problem("unit", str(error))
            return None

    def price(self) -> int | None:
        value = self.text("price")
        if not value:
            return None
        try:
            satang = parse_baht(value)
        except MoneyFormatError as error:
            self.problem("price", str(error))
            return None
        if satang < 0:
            self.problem("price", f"is negative ({value})")
            return None
        if satang > MAX_PRICE_SATANG:
            limit = format_baht(MAX_PRICE_SATANG)
            self.problem("price", f"{value} is more than the largest price, {limit} baht")
            return None
        return satang

    def stars(self) -> int:
        value = self.text("otop_stars", required=False)
        if value and (not value.isdigit() or int(value) > 5):
            self.problem("otop_stars", f"must be 0 to 5 or empty, not {value!r}")
            return 0
        return int(value or "0")

    def stock(self, weighed: bool) -> int:
        value = self.text("stock", required=False) or "0"
        try:
            stock = parse_quantity(value)
        except ValueError as error:
            self.problem("stock", str(error))
            return 0
        if abs(stock) > MAX_STOCK_MILLI:
            limit = format_quantity(MAX_STOCK_MILLI, weighed=False)
            self.problem("stock", f"{value} is more than the largest stock, {limit}")
            return 0
        if not weighed and stock % MILLI:
            self.problem("stock", f"must be a whole number for goods not sold by weight ({value})")
        return stock

    def barcode(self, rules: BarcodeRules) -> str | None:
        value = self.text("barcode", required=False)
        if not value:
            return None
        try:
            code = canonical_gtin(value)
            label = plu_of(code, rules)
        except BarcodeError as error:
            self.problem("barcode", str(error))
            return None
        if label is not None and code[7:12] != "00000":
            self.problem("barcode", f"{code} is a scale label; a product's scale code ends 00000C")
        return code


def _read_row(reader: _RowReader, rules: BarcodeRules) -> CatalogRow | None:
    before = len(reader.problems)
    barcode = reader.barcode(rules)
    sku, name_th = reader.text("sku").upper(), reader.text("name_th")
    name_en, producer = reader.text("name_en", required=False), reader.text("producer")
    category, unit, price = reader.category(), reader.unit(), reader.price()
    weighed, vat = reader.flag("sold_by_weight"), reader.flag("vat")
    stars, stock = reader.stars(), reader.stock(weighed)
    if weighed and unit is not None and unit is not Unit.KG:
        reader.problem("unit", f"goods sold by weight are priced per kg, not per {unit.value}")
    if len(reader.problems) > before or category is None or unit is None or price is None:
        return None
    return CatalogRow(
        reader.row_number,
        barcode,
        sku,
        name_th,
        name_en,
        category,
        producer,
        price,
        unit,
        weighed,
        vat,
        stars,
        stock,
    )


def read_catalog_csv(
    stream: TextIO, rules: BarcodeRules
) -> tuple[list[CatalogRow], list[CsvProblem]]:
    """Read every row; return the valid rows and a problem for every bad field or duplicate."""
    problems: list[CsvProblem] = []
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    records = csv.DictReader(stream)
    try:
        header = [name.strip().lstrip("\ufeff") for name in (records.fieldnames or [])]
    except csv.Error as error:
        return [], [CsvProblem(1, None, f"bad header: cannot be read as CSV: {error}")]
    missing = [column for column in COLUMNS if column not in header]
    unknown = [column for column in header if column not in COLUMNS]
    if missing or unknown:
        detail = "; ".join(
            part
            for part in (
                f"missing column(s): {', '.join(missing)}" if missing else "",
                f"unknown column(s): {', '.join(unknown)}" if unknown else "",
            )
            if part
        )
        return [], [CsvProblem(1, None, f"bad header: {detail}")]
    records.fieldnames = header
    rows = []
    for row_number, record in _records(records, problems):
        if None in record:
            problems.append(CsvProblem(row_number, None, "has more fields than the header"))
            continue
        parsed = _read_row(_RowReader(row_number, record, problems), rules)
        if parsed is not None:
            rows.append(parsed)
    problems.extend(_duplicates(rows))
    return rows, sorted(problems, key=lambda p: p.row)


def _records(
    records: csv.DictReader[str], problems: list[CsvProblem]
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows with their numbers; a row the csv module cannot read ends the file there."""
    row_number = 1
    while True:
        row_number += 1
        try:
            record = next(records)
        except StopIteration:
            return
        except csv.Error as error:  # a field beyond even the raised limit
            problems.append(CsvProblem(row_number, None, f"cannot be read as CSV: {error}"))
            return
        yield row_number, record


def _duplicates(rows: Iterable[CatalogRow]) -> Iterator[CsvProblem]:
    first_row_of: dict[tuple[str, str], int] = {}
    for row in rows:
        keys = [("sku", row.sku)]
        if row.barcode:
            keys.append(("barcode", row.barcode))
        for field, value in keys:
            earlier = first_row_of.setdefault((field, value), row.row)
            if earlier != row.row:
                yield CsvProblem(row.row, field, f"{value} is already used on row {earlier}")


def catalog_row_values(product: Product) -> list[str]:
    """A product as the CSV fields, in column order; the canonical text of each value."""
    return [
        product.barcode or "",
        product.sku,
        product.name_th,
        product.name_en,
        product.category.value,
        product.producer.name_th,
        format_baht(product.unit_price_satang, grouping=False),
        product.unit.value,
        "yes" if product.sold_by_weight else "no",
        "yes" if product.vat_applicable else "no",
        str(product.otop_stars),
        format_quantity(product.stock_milli, weighed=product.sold_by_weight),
    ]


def write_catalog_csv(
    products: Iterable[Product], stream: TextIO, *, spreadsheet: bool = False
) -> int:
    """Write the header and one row per product; returns the number of products.

    ``spreadsheet`` quotes cells a spreadsheet would run as formulas
    (:mod:`pos.spreadsheet`); without it every value is written exactly as stored,
    so the file imports back to the same catalogue.
    """
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for product in products:
        values = catalog_row_values(product)
        writer.writerow(spreadsheet_row(values) if spreadsheet else values)
        count += 1
    return count


def decode_csv_bytes(data: bytes) -> io.StringIO:
    """Decode a file's bytes as UTF-8 (BOM allowed); raise ValueError naming the bad row."""
    try:
        return io.StringIO(data.decode("utf-8-sig"), newline="")
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        raise ValueError(
            f"row {row}: the file is not UTF-8 text (byte 0x{data[error.start]:02x}); "
            "save it as 'CSV UTF-8'"
        ) from None
