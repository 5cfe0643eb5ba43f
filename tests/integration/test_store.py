"""The SQLite store: durability pragmas, migrations, refusing newer schemas, lookups, search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from pos.bootstrap import AppContext, open_context
from pos.store.database import (
    DATABASE_FILENAME,
    NewerSchemaError,
    NotInitialisedError,
    create_sqlite_engine,
    migrate,
    raw_connection,
    schema_head,
)
from pos.store.models import Base


def test_connections_are_durable_wal_with_foreign_keys(empty_context: AppContext) -> None:
    assert empty_context.engine is not None
    with empty_context.engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys")
        }
    assert pragma == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}


def test_foreign_keys_and_checks_are_enforced(empty_context: AppContext) -> None:
    assert empty_context.data_dir is not None
    with raw_connection(empty_context.data_dir / DATABASE_FILENAME) as connection:
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            connection.execute(
                "INSERT INTO product (sku, name_th, name_en, category, producer_id,"
                " unit_price_satang, unit, sold_by_weight, vat_applicable, otop_stars,"
                " stock_milli) VALUES ('X', 'x', 'x', 'food', 999, 100, 'piece', 0, 1, 0, 0)"
            )
        connection.execute(
            "INSERT INTO producer_group (name_th, name_en, district,"
            " vat_registered) VALUES ('g', '', '', 0)"
        )
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            connection.execute(
                "INSERT INTO product (sku, name_th, name_en, category, producer_id,"
                " unit_price_satang, unit, sold_by_weight, vat_applicable, otop_stars,"
                " stock_milli) VALUES ('X', 'x', 'x', 'food', 1, -1, 'piece', 0, 1, 0, 0)"
            )


def test_the_models_describe_exactly_what_the_migrations_build(
    empty_context: AppContext,
) -> None:
    assert empty_context.engine is not None
    with empty_context.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "include_name": lambda name, kind, _: (
                    not (kind == "table" and str(name).startswith("product_search"))
                ),
            },
        )
        assert compare_metadata(context, Base.metadata) == []


def test_opening_a_missing_store_says_to_initialise(data_dir: Path) -> None:
    with pytest.raises(NotInitialisedError, match="run 'otop-pos init'"):
        open_context(data_dir)


def _store_at_first_revision(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True)
    path = data_dir / DATABASE_FILENAME
    engine = create_sqlite_engine(path)
    migrate(engine, path, to_revision="0001_catalogue")
    engine.dispose()
    with raw_connection(path) as connection:
        connection.execute(
            "INSERT INTO producer_group (name_th, name_en, district,"
            " vat_registered) VALUES ('กลุ่มทอผ้า', '', '', 0)"
        )
        connection.execute(
            "INSERT INTO product (sku, name_th, name_en, category, producer_id,"
            " unit_price_satang, unit, sold_by_weight, vat_applicable, otop_stars, stock_milli)"
            " VALUES ('TX-1', 'ผ้าไหมมัดหมี่ลายลูกแก้ว', 'Silk', 'textile', 1, 250000,"
            " 'cloth', 0, 1, 5, 3000)"
        )
    return path


def test_an_older_store_is_backed_up_and_migrated_keeping_its_data(data_dir: Path) -> None:
    path = _store_at_first_revision(data_dir)
    context = open_context(data_dir)
    try:
        assert context.migration is not None
        assert context.migration.from_revision == "0001_catalogue"
        assert context.migration.to_revision == schema_head()
        backup = context.migration.backup
        assert backup is not None and backup.exists() and backup.parent == path.parent
        with context.uow_factory() as uow:
            found = uow.catalog.search_products("ลูกแก้ว")  # the index was built on migration
        assert [product.sku for product in found] == ["TX-1"]
    finally:
        context.close()
    with raw_connection(backup) as connection:
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        assert version == ("0001_catalogue",)


def test_a_store_from_a_newer_version_is_refused_and_left_alone(
    empty_context: AppContext,
) -> None:
    assert empty_context.data_dir is not None
    path = empty_context.data_dir / DATABASE_FILENAME
    empty_context.close()
    with raw_connection(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
        connection.commit()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer version of OTOP POS") as raised:
        open_context(empty_context.data_dir)
    assert "0099_from_the_future" in str(raised.value)
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.before-*"))


def test_lookups_by_barcode_plu_and_sku(demo_context: AppContext) -> None:
    with demo_context.uow_factory() as uow:
        some = next(p for p in uow.catalog.all_products() if p.barcode.startswith("885"))
        weighed = next(p for p in uow.catalog.all_products() if p.sold_by_weight)
        assert uow.catalog.product_by_barcode(some.barcode) == some
        assert uow.catalog.product_by_sku(some.sku) == some
        plu = int(weighed.barcode[2:7])
        assert uow.catalog.product_by_plu(plu) == weighed
        assert uow.catalog.product_by_barcode("8850000000000") is None


@pytest.mark.parametrize(
    ("query", "expected_in_name"),
    [("ผ้าไหม", "ผ้าไหม"), ("หอมแดง", "หอมแดง"), ("silk", "silk"), ("SILK", "silk")],
)
def test_search_by_thai_or_english_name(
    demo_context: AppContext, query: str, expected_in_name: str
) -> None:
    with demo_context.uow_factory() as uow:
        found = uow.catalog.search_products(query, limit=500)
    assert found
    assert all(
        expected_in_name in product.name_th or expected_in_name in product.name_en.lower()
        for product in found
    )


def test_search_by_sku_short_terms_and_several_words(demo_context: AppContext) -> None:
    with demo_context.uow_factory() as uow:
        any_product = next(uow.catalog.all_products())
        assert uow.catalog.search_products(any_product.sku)[0] == any_product
        # one or two characters: the start of a Thai or English name (case-insensitive) or SKU
        short = uow.catalog.search_products("ผ้", limit=500)
        assert short and all(p.name_th.startswith("ผ้") for p in short)
        english = uow.catalog.search_products("si", limit=500)
        assert english and all(p.name_en.lower().startswith("si") for p in english)
        skus = uow.catalog.search_products("tx", limit=500)
        assert skus and all(p.sku.startswith("TX") for p in skus)
        both = uow.catalog.search_products("ผ้า silk", limit=500)
        assert both and all("ผ้า" in p.name_th and "silk" in p.name_en.lower() for p in both)
        assert uow.catalog.search_products('"; DROP TABLE product; --') == []
        assert uow.catalog.search_products("   ") == []
