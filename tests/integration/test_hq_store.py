"""The head office's PostgreSQL store: schema, append-only tables, and the change feed.

The feed tests are about the one thing a cursor must never do: skip a change
because a transaction that drew an earlier number committed later.
"""

from __future__ import annotations

import io
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from hq.bootstrap import HqContext, open_hq
from hq.services.catalogue import changes_after, set_user_active
from hq.store.database import HqNewerSchemaError, HqStoreError, create_hq_engine, schema_head
from hq.store.models import Base
from pos.catalogue.domain.csv_format import COLUMNS
from pos.catalogue.domain.products import ProducerGroup
from pos.catalogue.services.csv_import import CatalogImportError, import_catalog
from pos.staff.services.pins import add_user
from pos.sync.wire import ChangeEntity
from tests.postgres import connect

HEADER = ",".join(COLUMNS)
SILK = "8851943010043,TX-0001,ผ้าไหมลายลูกแก้ว,Silk,textile,กลุ่มทอผ้าบ้านหนองบัว,1290.00,cloth,no,yes,4,6"
SHALLOT = "2100001000004,FD-0001,หอมแดงศรีสะเกษ,Shallots,food,วิสาหกิจชุมชนหอมแดง,89.00,kg,yes,no,,12.5"


def csv_of(*rows: str) -> io.StringIO:
    return io.StringIO("\n".join([HEADER, *rows]) + "\n")


def test_the_models_describe_exactly_what_the_migrations_build(hq_database_url: str) -> None:
    engine = create_hq_engine(hq_database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_record_payloads_are_compressed_with_lz4(hq_database_url: str) -> None:
    """pglz was a third of a batch's insert time (hq_0003_payload_lz4); lz4 reads them back."""
    with connect(hq_database_url) as connection:
        method = connection.execute(
            "SELECT attcompression FROM pg_attribute"
            " WHERE attrelid = 'sync_record'::regclass AND attname = 'payload'"
        ).fetchone()
        connection.execute(
            "INSERT INTO terminal (name, token_sha256, created_at) VALUES ('POS01', 'x', now());"
            "INSERT INTO sync_batch VALUES (gen_random_uuid(), 1, now(), 'x', 1, '{}');"
            "INSERT INTO sync_record SELECT gen_random_uuid(), 1, batch_id, 'sale', now(), now(),"
            " 'x', jsonb_build_object('lines', (SELECT jsonb_agg(jsonb_build_object("
            "'name_th', 'ผ้าไหมลายลูกแก้ว', 'total_satang', i)) FROM generate_series(1, 300) i))"
            " FROM sync_batch"
        )
        stored = connection.execute(
            "SELECT pg_column_compression(payload), jsonb_array_length(payload -> 'lines'),"
            " (payload -> 'lines' -> 299 ->> 'total_satang')::int FROM sync_record"
        ).fetchone()
    assert method == ("l",) and stored == ("lz4", 300, 300)


def test_an_empty_database_is_migrated_once(empty_database_url: str) -> None:
    first = open_hq(empty_database_url, pool_size=1)
    first.close()
    assert (first.migration.from_revision, first.migration.to_revision) == (None, schema_head())
    again = open_hq(empty_database_url, pool_size=1)
    again.close()
    assert again.migration.from_revision == schema_head()


def test_a_database_from_a_newer_program_is_refused_and_left_alone(hq_database_url: str) -> None:
    with connect(hq_database_url) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'hq_9999_future'")
    with pytest.raises(HqNewerSchemaError, match=r"hq_9999_future.*Nothing was changed"):
        open_hq(hq_database_url, pool_size=1)
    with connect(hq_database_url) as connection:
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert version == ("hq_9999_future",)


def test_only_postgresql_urls_are_taken() -> None:
    with pytest.raises(HqStoreError, match="needs PostgreSQL"):
        open_hq("sqlite:///hq.db")


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE sync_record SET payload = '{}'",
        "DELETE FROM sync_record",
        "TRUNCATE sync_record CASCADE",
        "UPDATE sync_batch SET ack = '{}'",
        "DELETE FROM sync_batch",
    ],
)
def test_what_counters_sent_cannot_be_changed_or_deleted(
    hq_database_url: str, statement: str
) -> None:
    with connect(hq_database_url) as connection:
        connection.execute(
            "INSERT INTO terminal (name, token_sha256, created_at) VALUES ('POS01', 'x', now());"
            "INSERT INTO sync_batch VALUES (gen_random_uuid(), 1, now(), 'x', 1, '{}');"
            "INSERT INTO sync_record SELECT gen_random_uuid(), 1, batch_id, 'sale', now(),"
            " now(), 'x', '{\"total_satang\": 100}' FROM sync_batch"
        )
        with pytest.raises(psycopg.errors.RestrictViolation, match="cannot be changed"):
            connection.execute(statement)
        counts = connection.execute(
            "SELECT (SELECT count(*) FROM sync_record), (SELECT count(*) FROM sync_batch)"
        ).fetchone()
    assert counts == (1, 1)


def test_an_import_puts_producers_then_products_in_the_feed(hq_context: HqContext) -> None:
    report = import_catalog(hq_context.uow_factory, csv_of(SILK, SHALLOT))
    assert report.created == 2
    page = changes_after(hq_context.uow_factory, 0, 100)
    entities = [change.entity for change in page.changes]
    assert entities == [ChangeEntity.PRODUCER] * 2 + [ChangeEntity.PRODUCT] * 2
    assert [change.seq for change in page.changes] == sorted(c.seq for c in page.changes)
    shallot = next(change for change in page.changes if change.key == "FD-0001")
    assert shallot.data["unit_price_satang"] == 8900 and shallot.data["sold_by_weight"] is True
    assert shallot.data["plu"] == 1 and shallot.data["producer"] == "วิสาหกิจชุมชนหอมแดง"
    assert page.next_cursor == page.changes[-1].seq and not page.has_more


def test_a_price_change_is_a_new_change_and_an_unchanged_import_adds_none(
    hq_context: HqContext,
) -> None:
    import_catalog(hq_context.uow_factory, csv_of(SILK, SHALLOT))
    cursor = changes_after(hq_context.uow_factory, 0, 100).next_cursor
    import_catalog(hq_context.uow_factory, csv_of(SILK, SHALLOT))
    assert changes_after(hq_context.uow_factory, cursor, 100).changes == ()
    import_catalog(hq_context.uow_factory, csv_of(SILK.replace("1290.00", "1350.00")))
    changed = changes_after(hq_context.uow_factory, cursor, 100).changes
    assert [(c.key, c.data["unit_price_satang"]) for c in changed] == [("TX-0001", 135000)]


def test_a_refused_import_adds_nothing_to_the_feed(hq_context: HqContext) -> None:
    with pytest.raises(CatalogImportError, match="row 3, price"):
        import_catalog(hq_context.uow_factory, csv_of(SILK, SHALLOT.replace("89.00", "-1")))
    page = changes_after(hq_context.uow_factory, 0, 100)
    assert page.changes == () and page.next_cursor == 0


def test_users_and_their_deactivation_come_down_with_the_pin_hash(hq_context: HqContext) -> None:
    add_user(hq_context.uow_factory, "สมหญิง ใจดี", "cashier", "1234")
    set_user_active(hq_context.uow_factory, "สมหญิง ใจดี", False)
    changes = changes_after(hq_context.uow_factory, 0, 100).changes
    assert [(c.entity, c.data["active"]) for c in changes] == [
        (ChangeEntity.USER, True),
        (ChangeEntity.USER, False),
    ]
    assert changes[0].data["pin_hash"].startswith("$argon2id$")


def test_pages_follow_each_other_without_overlap(hq_context: HqContext) -> None:
    with hq_context.uow_factory() as uow:
        uow.catalog.add_producers([ProducerGroup(f"กลุ่ม {n}") for n in range(7)])
        uow.commit()
    seen, cursor, pages = [], 0, 0
    while True:
        page = changes_after(hq_context.uow_factory, cursor, 3)
        seen += [change.key for change in page.changes]
        cursor, pages = page.next_cursor, pages + 1
        if not page.has_more:
            break
    assert seen == [f"กลุ่ม {n}" for n in range(7)] and pages == 3


def _backend_waiting_on_lock(url: str) -> bool:
    with connect(url) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND application_name = 'otop-hq' AND wait_event_type = 'Lock'"
        ).fetchone()
    return row is not None and row[0] > 0


def _wait_for(condition: object, what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting: {what}")
        time.sleep(0.02)


def test_a_later_writer_waits_so_numbers_become_visible_in_order(
    hq_context: HqContext, hq_database_url: str
) -> None:
    """A draws a number and stays open; B must wait, and a reader must not see past A."""
    first = hq_context.uow_factory()
    with first as uow_a:
        uow_a.catalog.add_producers([ProducerGroup("กลุ่ม A")])
        with ThreadPoolExecutor(1) as pool:

            def second_writer() -> None:
                with hq_context.uow_factory() as uow_b:
                    uow_b.catalog.add_producers([ProducerGroup("กลุ่ม B")])
                    uow_b.commit()

            later = pool.submit(second_writer)
            _wait_for(lambda: _backend_waiting_on_lock(hq_database_url), "B blocked on A")
            assert not later.done()
            assert changes_after(hq_context.uow_factory, 0, 10).changes == ()
            uow_a.commit()
            later.result(timeout=20)
    keys = [(c.key, c.seq) for c in changes_after(hq_context.uow_factory, 0, 10).changes]
    assert [key for key, _ in keys] == ["กลุ่ม A", "กลุ่ม B"]
    assert keys[0][1] < keys[1][1]


def test_a_reader_following_the_cursor_misses_nothing_under_concurrent_writers(
    hq_context: HqContext,
) -> None:
    writers, per_writer = 4, 15
    done = threading.Event()
    collected: list[str] = []

    def write(writer: int) -> None:
        for n in range(per_writer):
            with hq_context.uow_factory() as uow:
                uow.catalog.add_producers([ProducerGroup(f"w{writer}-{n}-{uuid.uuid4().hex[:6]}")])
                if n % 5 == 4:
                    continue  # rolled back: its number is burnt, a gap the reader must survive
                uow.commit()

    def read() -> None:
        cursor = 0
        while True:
            finished = done.is_set()
            page = changes_after(hq_context.uow_factory, cursor, 7)
            collected.extend(change.key for change in page.changes)
            cursor = page.next_cursor
            if finished and not page.has_more:
                return

    with ThreadPoolExecutor(writers + 1) as pool:
        reader = pool.submit(read)
        for future in [pool.submit(write, w) for w in range(writers)]:
            future.result()
        done.set()
        reader.result(timeout=60)
    with hq_context.uow_factory() as uow:
        stored = [producer.name_th for producer in uow.catalog.producers()]
    assert len(stored) == writers * (per_writer - per_writer // 5)
    assert sorted(collected) == sorted(stored)  # each change once, none skipped
