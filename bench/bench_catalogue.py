"""Catalogue figures: import of N products, barcode lookup, Thai and English name search.

Each is measured through the program's own services and repeated with the bare
sqlite3 module doing the same work on the same schema, the baseline.
"""

from __future__ import annotations

import csv
import random
import sqlite3
import tempfile
from argparse import Namespace
from pathlib import Path

from bench.catalogue_generator import write_catalogue
from bench.stats import Figure, percentile, time_each, time_once
from pos.bootstrap import AppContext, initialise
from pos.catalogue.domain.csv_format import decode_csv_bytes
from pos.catalogue.services.csv_import import import_catalog
from pos.store.database import DATABASE_FILENAME, raw_connection

SEARCH_TERMS = [
    "ผ้าไหม",
    "มัดหมี่",
    "ลายลูกแก้ว",
    "กระเทียมดำ",
    "หอมแดง",
    "ยาหม่อง",
    "ตะกร้า",
    "silk",
    "basket",
    "coffee",
    "garlic",
    "indigo",
    "ผ้า",
    "ชา",
    "tea",
]


def _baseline_import(data_dir: Path, csv_path: Path) -> None:
    """The same import with bare sqlite3, done the same way: csv module, executemany, one
    transaction, search-index triggers dropped and the index rebuilt once."""
    with raw_connection(data_dir / DATABASE_FILENAME) as connection:
        with csv_path.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.DictReader(stream))
        producers = sorted({row["producer"] for row in rows})
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(
            "INSERT INTO producer_group (name_th, name_en, district, vat_registered)"
            " VALUES (?, '', '', 0)",
            [(name,) for name in producers],
        )
        ids = dict(connection.execute("SELECT name_th, id FROM producer_group"))
        triggers = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'product'"
        ).fetchall()
        for name, _ in triggers:
            connection.execute(f'DROP TRIGGER "{name}"')
        connection.executemany(
            "INSERT INTO product (sku, barcode, name_th, name_en, category, producer_id,"
            " unit_price_satang, unit, sold_by_weight, vat_applicable, otop_stars, stock_milli)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_baseline_values(row, ids) for row in rows],
        )
        connection.execute("INSERT INTO product_search(product_search) VALUES ('rebuild')")
        for _, sql in triggers:
            connection.execute(sql)
        connection.execute("COMMIT")


def _baseline_values(row: dict[str, str], ids: dict[str, int]) -> tuple[object, ...]:
    whole, _, fraction = row["price"].partition(".")
    kg, _, grams = row["stock"].partition(".")
    return (
        row["sku"],
        row["barcode"] or None,
        row["name_th"],
        row["name_en"],
        row["category"],
        ids[row["producer"]],
        int(whole) * 100 + int(fraction or 0),
        row["unit"],
        row["sold_by_weight"] == "yes",
        row["vat"] == "yes",
        int(row["otop_stars"] or 0),
        int(kg) * 1000 + int(grams.ljust(3, "0") or 0),
    )


def _measure_import(workdir: Path, csv_path: Path, count: int) -> tuple[Figure, AppContext]:
    context, _ = initialise(workdir / "ours", demo=False)
    ours = time_once(
        lambda: import_catalog(context.uow_factory, decode_csv_bytes(csv_path.read_bytes()))
    )
    baseline_context, _ = initialise(workdir / "bare", demo=False)
    baseline_context.close()
    bare = time_once(lambda: _baseline_import(workdir / "bare", csv_path))
    figure = Figure(f"import {count:,} products (CSV → store)", ours, "s", 10.0, bare)
    return figure, context


def _measure_lookup(context: AppContext, codes: list[str]) -> Figure:
    with context.uow_factory() as uow:
        ours = time_each(uow.catalog.product_by_barcode, codes)
    assert context.data_dir is not None
    with raw_connection(context.data_dir / DATABASE_FILENAME) as connection:
        sql = "SELECT * FROM product JOIN producer_group ON producer_group.id = producer_id"
        bare = time_each(
            lambda code: connection.execute(f"{sql} WHERE barcode = ?", (code,)).fetchone(),
            codes,
        )
    return Figure(
        "barcode lookup p99",
        percentile(ours, 0.99),
        "ms",
        1.0,
        percentile(bare, 0.99),
        f"p50 {percentile(ours, 0.5):.3f} ms",
    )


def _measure_search(context: AppContext, terms: list[str]) -> Figure:
    with context.uow_factory() as uow:
        ours = time_each(lambda term: uow.catalog.search_products(term, limit=50), terms)
    assert context.data_dir is not None
    with raw_connection(context.data_dir / DATABASE_FILENAME) as connection:
        bare = time_each(lambda term: _bare_search(connection, term), terms)
    return Figure(
        "name search (Thai + English) p95",
        percentile(ours, 0.95),
        "ms",
        30.0,
        percentile(bare, 0.95),
        f"p50 {percentile(ours, 0.5):.2f} ms",
    )


def _bare_search(connection: sqlite3.Connection, term: str) -> list[tuple[object, ...]]:
    """The same search with bare sqlite3: trigram MATCH, or a prefix range for short terms."""
    if len(term) >= 3:
        return connection.execute(
            "SELECT product.* FROM product JOIN product_search ON product_search.rowid = product.id"
            " WHERE product_search MATCH ? LIMIT 200",
            ('"' + term + '"',),
        ).fetchall()
    above = term + "\U0010ffff"
    return connection.execute(
        "SELECT * FROM product WHERE (name_th >= ? AND name_th < ?) OR (name_en >= ? AND"
        " name_en < ?) OR (sku >= ? AND sku < ?) LIMIT 200",
        (term, above, term, above, term.upper(), term.upper() + "\U0010ffff"),
    ).fetchall()


def run(options: Namespace) -> list[Figure]:
    count = options.products
    with tempfile.TemporaryDirectory(prefix="otop-bench-") as tmp:
        workdir = Path(tmp)
        csv_path = write_catalogue(workdir / "catalogue.csv", count)
        imported, context = _measure_import(workdir, csv_path, count)
        rng = random.Random(1)
        with context.uow_factory() as uow:
            codes = [p.barcode for p in uow.catalog.all_products() if p.barcode]
        lookup = _measure_lookup(context, rng.choices(codes, k=5000))
        search = _measure_search(context, SEARCH_TERMS * 20)
        context.close()
    return [imported, lookup, search]
