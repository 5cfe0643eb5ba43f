"""Importing and exporting the catalogue CSV, all or nothing.

Import reads the whole file first (:mod:`pos.catalogue.domain.csv_format`) and checks it against
the store: any bad row — a bad check digit, a duplicate, a malformed price, a
barcode that belongs to another product — aborts with every problem listed and
nothing changed.  Only then, in one transaction, it

* creates producer groups named in the file that do not exist yet (not
  VAT-registered until a manager says otherwise; the report lists them);
* inserts new products and updates existing ones by SKU (SKUs are upper-cased);
* gives goods without a barcode an in-store code: weighed goods a scale base
  code with a new PLU, other goods an in-store EAN-13 — unless the product
  already has a code in the store, which it keeps.

Export writes every product sorted by SKU in the canonical form of each field,
so exporting, importing and exporting again gives the same file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from pos.catalogue.domain.barcodes import (
    BarcodeRules,
    EmbeddedKind,
    instore_code,
    plu_of,
    scale_base_code,
)
from pos.catalogue.domain.csv_format import (
    CatalogRow,
    CsvProblem,
    read_catalog_csv,
    write_catalog_csv,
)
from pos.catalogue.domain.products import ProducerGroup, Product
from pos.unit_of_work import CatalogueUnitOfWork

INSTORE_COUNTER = "instore_code_serial"


class CatalogImportError(Exception):
    """The file has problems; nothing was imported."""

    def __init__(self, problems: Sequence[CsvProblem]):
        self.problems = list(problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"{len(self.problems)} problem(s), nothing was imported:\n{lines}")


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    new_producers: list[str] = field(default_factory=list)
    assigned_codes: dict[str, str] = field(default_factory=dict)  # sku → code

    def summary(self) -> str:
        parts = [f"{self.created} new", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        text = "products: " + ", ".join(parts)
        if self.assigned_codes:
            text += f"; in-store codes assigned to {len(self.assigned_codes)}"
        if self.new_producers:
            text += f"; new producer groups: {', '.join(self.new_producers)}"
        return text


def import_catalog(uow_factory: Callable[[], CatalogueUnitOfWork], stream: TextIO) -> ImportReport:
    """Import a catalogue CSV; raises :class:`CatalogImportError` listing every problem."""
    with uow_factory() as uow:
        report = apply_catalog_csv(uow, stream)
        uow.commit()
        return report


def apply_catalog_csv(uow: CatalogueUnitOfWork, stream: TextIO) -> ImportReport:
    """The import inside a caller's unit of work (which commits or not)."""
    rules = uow.settings.load().barcode_rules
    rows, problems = read_catalog_csv(stream, rules)
    problems += _conflicts_with_store(rows, uow.catalog.barcode_owners())
    problems += _plu_conflicts(rows, rules, uow.catalog.plu_owners())
    if problems:
        raise CatalogImportError(sorted(problems, key=lambda p: p.row))
    report = ImportReport()
    existing = {product.sku: product for product in uow.catalog.all_products()}
    producers = _ensure_producers(uow, rows, report)
    products, plus = _build_products(uow, rows, producers, existing, rules, report)
    changed = _changed_products(existing, products, report)
    uow.catalog.save_products(changed, plus)
    return report


def _conflicts_with_store(rows: list[CatalogRow], owners: dict[str, str]) -> list[CsvProblem]:
    """A barcode may move to another product only if its current owner gives it up in the file."""
    new_code_of = {row.sku: row.barcode for row in rows}
    problems = []
    for row in rows:
        owner = owners.get(row.barcode) if row.barcode else None
        if owner is None or owner == row.sku:
            continue
        if owner not in new_code_of or new_code_of[owner] in (None, row.barcode):
            problems.append(
                CsvProblem(row.row, "barcode", f"{row.barcode} already belongs to SKU {owner}")
            )
    return problems


def _plu_conflicts(
    rows: list[CatalogRow], rules: BarcodeRules, owners: dict[int, str]
) -> list[CsvProblem]:
    """Two products cannot share a scale PLU, even under different scale prefixes."""
    new_code_of = {row.sku: row.barcode for row in rows}
    problems = []
    for row in rows:
        plu = plu_of(row.barcode, rules) if row.barcode else None
        if plu is None:
            continue
        owner = owners.setdefault(plu, row.sku)
        if owner == row.sku:
            continue
        owner_code = new_code_of.get(owner)  # None: not in the file, or keeps its code
        if owner_code is None or plu_of(owner_code, rules) == plu:
            message = f"scale PLU {plu:05d} of {row.barcode} already belongs to SKU {owner}"
            problems.append(CsvProblem(row.row, "barcode", message))
    return problems


def _ensure_producers(
    uow: CatalogueUnitOfWork, rows: list[CatalogRow], report: ImportReport
) -> dict[str, ProducerGroup]:
    known = {producer.name_th: producer for producer in uow.catalog.producers()}
    names = dict.fromkeys(row.producer_name for row in rows if row.producer_name not in known)
    new = [ProducerGroup(name_th=name) for name in names]
    uow.catalog.add_producers(new)
    report.new_producers = list(names)
    return {**known, **{producer.name_th: producer for producer in new}}


class _CodeAllocator:
    """Hands out new codes: scale base codes for weighed goods, in-store EAN-13s for the rest.

    In-store serials are reserved in one block (one statement, not one per product).
    """

    def __init__(self, uow: CatalogueUnitOfWork, rules: BarcodeRules, needing: list[CatalogRow]):
        self._rules = rules
        weight_rules = [rule for rule in rules.embedded if rule.kind is EmbeddedKind.WEIGHT]
        self._weight_rule = weight_rules[0] if weight_rules else None
        used = set(uow.catalog.plu_owners())
        self._free_plus = (plu for plu in range(1, 100_000) if plu not in used)
        serial_count = sum(1 for row in needing if not self._is_scale_item(row))
        serials = uow.counters.reserve(INSTORE_COUNTER, serial_count) if serial_count else range(0)
        self._serials = iter(serials)

    def _is_scale_item(self, row: CatalogRow) -> bool:
        return row.sold_by_weight and self._weight_rule is not None

    def new_code(self, row: CatalogRow) -> str:
        if self._weight_rule is not None and row.sold_by_weight:
            plu = next(self._free_plus, None)
            if plu is None:
                raise CatalogImportError([CsvProblem(row.row, "barcode", "no scale PLU is free")])
            return scale_base_code(self._weight_rule, plu)
        return instore_code(self._rules, next(self._serials))


def _build_products(
    uow: CatalogueUnitOfWork,
    rows: list[CatalogRow],
    producers: dict[str, ProducerGroup],
    existing: dict[str, Product],
    rules: BarcodeRules,
    report: ImportReport,
) -> tuple[list[Product], dict[str, int]]:
    def code_of(row: CatalogRow) -> str | None:
        before = existing.get(row.sku)
        return row.barcode or (before.barcode if before else None)

    codes = {row.sku: code_of(row) for row in rows}
    allocator = _CodeAllocator(uow, rules, [row for row in rows if codes[row.sku] is None])
    products, plus = [], {}
    for row in rows:
        code = codes[row.sku]
        if code is None:
            code = report.assigned_codes[row.sku] = allocator.new_code(row)
        plu = plu_of(code, rules)
        if plu is not None:
            plus[row.sku] = plu
        products.append(_product(row, code, producers[row.producer_name]))
    return products, plus


def _product(row: CatalogRow, code: str, producer: ProducerGroup) -> Product:
    return Product(
        sku=row.sku,
        barcode=code,
        name_th=row.name_th,
        name_en=row.name_en,
        category=row.category,
        producer=producer,
        unit_price_satang=row.unit_price_satang,
        unit=row.unit,
        sold_by_weight=row.sold_by_weight,
        vat_applicable=row.vat_applicable,
        otop_stars=row.otop_stars,
        stock_milli=row.stock_milli,
    )


def _changed_products(
    existing: dict[str, Product], products: list[Product], report: ImportReport
) -> list[Product]:
    """The new and updated products (unchanged ones are not rewritten), counted in the report."""
    changed = []
    for product in products:
        before = existing.get(product.sku)
        if before == product:
            report.unchanged += 1
            continue
        if before is None:
            report.created += 1
        else:
            report.updated += 1
        changed.append(product)
    return changed


def export_catalog(
    uow_factory: Callable[[], CatalogueUnitOfWork], stream: TextIO, *, spreadsheet: bool = False
) -> int:
    """Write the whole catalogue as CSV; returns the number of products.

    ``spreadsheet``: for opening in a spreadsheet, formula-like cells quoted.
    """
    with uow_factory() as uow:
        return write_catalog_csv(uow.catalog.all_products(), stream, spreadsheet=spreadsheet)
