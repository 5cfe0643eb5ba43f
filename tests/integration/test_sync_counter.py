"""The counter's sync on a real SQLite store, against the in-memory head office.

Simulated days (sales, returns, voids, shifts, Z reports, audit events) are
queued as they are made and sent in batches; the fake head office keeps the
protocol's rules and fails on cue, so every rule of docs/SYNC.md's "What the
counter must do" is checked here without a network.  The same is done over
HTTP against the real server on PostgreSQL in test_sync_hq.py.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.bootstrap import AppContext, open_context, sync_now
from pos.store.database import DATABASE_FILENAME, raw_connection
from pos.sync.domain.protocol import RetryPolicy, UnreachableError
from pos.sync.services.sync_run import SyncOutcome
from pos.sync.wire import ChangeEntity
from tests.fakes.head_office import FakeHeadOffice
from tests.sync_helpers import (
    counter_totals,
    outbox_by_kind,
    outbox_rows,
    owned_record_ids,
    payload_totals,
    simulated_counter,
)

QUICK = RetryPolicy(first_seconds=0.01, cap_seconds=0.02, give_up_after_seconds=0.2)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("sync-template") / "data"
    context, report = simulated_counter(data_dir, days=2, sales_per_day=30)
    assert report.credit_notes > 0, "the simulation should return or void something"
    context.close()
    return data_dir


@pytest.fixture
def counter(template: Path, tmp_path: Path) -> Iterator[AppContext]:
    data_dir = tmp_path / "counter"
    shutil.copytree(template, data_dir)
    context = open_context(data_dir)
    yield context
    context.close()


def _sync(context: AppContext, office: FakeHeadOffice, **options: object) -> object:
    options.setdefault("policy", QUICK)
    return sync_now(context, head_office=office, **options)  # type: ignore[arg-type]


def test_every_record_is_queued_when_it_is_made(counter: AppContext) -> None:
    assert counter.data_dir is not None
    owned = owned_record_ids(counter.data_dir)
    queued = outbox_by_kind(counter.data_dir)
    assert all(owned[kind] for kind in ("sale", "credit_note", "shift", "z_report", "audit_event"))
    for kind, ids in owned.items():
        assert queued.get(kind, set()) == ids, kind
    rows = outbox_rows(counter.data_dir)
    assert {row["state"] for row in rows} == {"waiting"}
    sale = next(json.loads(r["payload_json"]) for r in rows if r["kind"] == "sale")
    assert sale["lines"] and sale["tenders"] and sale["users"]  # whole, with who sold it
    assert all(isinstance(line["total_satang"], int) for line in sale["lines"])


def test_a_full_sync_sends_everything_once_and_a_second_one_sends_nothing(
    counter: AppContext,
) -> None:
    assert counter.data_dir is not None
    office = FakeHeadOffice()
    report = _sync(counter, office, batch_size=40)
    assert report.outcome is SyncOutcome.DONE, report.summary()
    owned = owned_record_ids(counter.data_dir)
    assert {r.record_id for r in office.records.values()} == set().union(*owned.values())
    assert payload_totals(office.payloads("sale")) == counter_totals(counter.data_dir)
    assert report.waiting == 0 and report.batches == -(-sum(map(len, owned.values())) // 40)
    assert {row["state"] for row in outbox_rows(counter.data_dir)} == {"sent"}
    assert all(row["received_at_utc"] for row in outbox_rows(counter.data_dir))
    deliveries = office.deliveries
    again = _sync(counter, office)
    assert again.outcome is SyncOutcome.DONE and again.batches == 0
    assert office.deliveries == deliveries  # nothing new: nothing sent


def test_a_lost_answer_resends_the_same_batch_and_nothing_is_doubled(counter: AppContext) -> None:
    assert counter.data_dir is not None
    office = FakeHeadOffice()
    office.fail_after(2)  # stored at the head office, the answer lost — twice
    office.fail_before(1)  # and one batch lost on the way
    waits: list[float] = []
    report = _sync(counter, office, batch_size=50, wait=lambda s: waits.append(s) and False)
    assert report.outcome is SyncOutcome.DONE and report.retries == 3 and len(waits) == 3
    assert report.duplicates == 0  # a resent batch is replayed whole, never half-duplicated
    assert payload_totals(office.payloads("sale")) == counter_totals(counter.data_dir)
    with raw_connection(counter.data_dir / DATABASE_FILENAME) as connection:
        attempts = dict(connection.execute("SELECT batch_uuid, attempts FROM sync_outbox_batch"))
    assert sum(attempts.values()) == len(attempts) + 3  # three failed attempts, then answered
    assert set(office.batches) == {uuid.UUID(b) for b in attempts}  # the same batch ids resent


def test_giving_up_loses_nothing_and_the_next_run_resumes_with_the_same_batch(
    counter: AppContext,
) -> None:
    assert counter.data_dir is not None
    office = FakeHeadOffice()
    office.fail_before(1000)
    report = _sync(counter, office, batch_size=50, wait=lambda _s: False)
    assert report.outcome is SyncOutcome.UNREACHABLE and "gave up" in report.problem
    with raw_connection(counter.data_dir / DATABASE_FILENAME) as connection:
        ((batch, attempts),) = connection.execute(
            "SELECT batch_uuid, attempts FROM sync_outbox_batch"
        ).fetchall()
    assert attempts >= 2 and not office.records
    office.fail_before(-office._fail_before)  # the network is back
    done = _sync(counter, office, batch_size=50)
    assert done.outcome is SyncOutcome.DONE
    assert uuid.UUID(batch) in office.batches  # the first batch went with its stored id
    assert payload_totals(office.payloads("sale")) == counter_totals(counter.data_dir)


def test_stopping_between_batches_resumes_where_it_stopped(counter: AppContext) -> None:
    assert counter.data_dir is not None
    office = FakeHeadOffice()
    office.fail_before(1)
    stopped = _sync(counter, office, batch_size=30, wait=lambda _s: True)  # the app closes
    assert stopped.outcome is SyncOutcome.STOPPED and not office.records
    done = _sync(counter, office, batch_size=30)
    assert done.outcome is SyncOutcome.DONE and done.waiting == 0
    assert len(office.records) == len(outbox_rows(counter.data_dir))


def test_rejected_records_are_set_aside_with_their_reason_not_dropped_not_retried(
    counter: AppContext,
) -> None:
    assert counter.data_dir is not None
    office = FakeHeadOffice(reject=lambda kind, _p: "not today" if kind == "shift" else None)
    report = _sync(counter, office)
    shifts = owned_record_ids(counter.data_dir)["shift"]
    assert report.outcome is SyncOutcome.ATTENTION and report.set_aside == len(shifts)
    assert report.rejected == len(shifts) and report.waiting == 0
    rejected = [r for r in outbox_rows(counter.data_dir) if r["state"] == "rejected"]
    assert {r["record_uuid"] for r in rejected} == shifts
    assert {(r["reject_reason"], r["reject_detail"]) for r in rejected} == {
        ("invalid_payload", "not today")
    }
    deliveries = office.deliveries
    again = _sync(counter, office)  # not retried on their own, forever
    assert office.deliveries == deliveries and again.set_aside == len(shifts)
    office.reject = None  # the head office learnt to take them; a manager puts them back
    with counter.uow_factory() as uow:
        assert uow.outbox.requeue_rejected() == len(shifts)  # type: ignore[attr-defined]
        uow.commit()
    fixed = _sync(counter, office)
    assert fixed.outcome is SyncOutcome.DONE and fixed.sent["shift"] == len(shifts)


class _SlowLine:
    """The fake head office behind a line that takes a while, and breaks for good after
    ``works_for`` deliveries; it counts how many batches were on their way at once.

    Each delivery waits (at most 0.3 s) until ``gather`` batches are on their way: on a
    loaded machine a fixed sleep let the sender's threads miss each other, so "several at
    once" was a race; a sender that sends one at a time still shows ``most_at_once == 1``."""

    def __init__(self, office: FakeHeadOffice, works_for: int = 10**9, gather: int = 1):
        self.office, self.works_for, self.gather = office, works_for, gather
        self.calls, self.on_the_way, self.most_at_once = 0, 0, 0
        self.batch_ids: list[uuid.UUID] = []  # in the order they were sent
        self._lock = threading.Condition()

    def send_batch(self, batch_id: uuid.UUID, terminal: str, records: list) -> object:
        with self._lock:
            self.calls += 1
            self.batch_ids.append(batch_id)
            broken = self.calls > self.works_for
            self.on_the_way += 1
            self.most_at_once = max(self.most_at_once, self.on_the_way)
            self._lock.notify_all()
            self._lock.wait_for(lambda: self.on_the_way >= self.gather, timeout=0.3)
        try:
            time.sleep(0.03)
            if broken:
                raise UnreachableError("connection refused")
            return self.office.send_batch(batch_id, terminal, records)
        finally:
            with self._lock:
                self.on_the_way -= 1

    def __getattr__(self, name: str) -> object:
        return getattr(self.office, name)


@pytest.mark.parametrize("in_flight", [1, 2, 3])
def test_after_the_first_answer_batches_go_several_at_once_and_all_arrive_once(
    counter: AppContext, in_flight: int
) -> None:
    assert counter.data_dir is not None
    line = _SlowLine(FakeHeadOffice(), gather=in_flight)
    report = _sync(counter, line, batch_size=25, in_flight=in_flight)
    assert report.outcome is SyncOutcome.DONE and report.waiting == 0, report.summary()
    assert line.most_at_once == in_flight and report.duplicates == 0
    assert line.office.deliveries == report.batches == line.calls
    owned = owned_record_ids(counter.data_dir)
    assert {r.record_id for r in line.office.records.values()} == set().union(*owned.values())
    assert payload_totals(line.office.payloads("sale")) == counter_totals(counter.data_dir)
    assert {row["state"] for row in outbox_rows(counter.data_dir)} == {"sent"}


def test_a_line_that_breaks_with_batches_on_the_way_loses_nothing_and_doubles_nothing(
    counter: AppContext,
) -> None:
    """90 records in batches of 15: 1–3 are answered, then the line breaks with 4 and 5 on
    their way: those stay open with their ids, the run gives up, and the next run sends them
    first, as they were, then the rest."""
    assert counter.data_dir is not None
    line = _SlowLine(FakeHeadOffice(), works_for=3)
    broken = _sync(counter, line, batch_size=15, in_flight=2, wait=lambda _s: False)
    assert broken.outcome is SyncOutcome.UNREACHABLE and broken.batches == 3
    with raw_connection(counter.data_dir / DATABASE_FILENAME) as connection:
        open_ids = [
            b
            for (b,) in connection.execute(
                "SELECT batch_uuid FROM sync_outbox WHERE state = 'waiting'"
                " AND batch_uuid IS NOT NULL GROUP BY batch_uuid ORDER BY min(seq)"
            )
        ]
    assert len(open_ids) == 2 and not set(map(uuid.UUID, open_ids)) & set(line.office.batches)
    sent_before = len(line.office.records)
    assert sent_before == 3 * 15 == sum(r["state"] == "sent" for r in outbox_rows(counter.data_dir))
    line.works_for, line.batch_ids = 10**9, []  # the line is mended
    done = _sync(counter, line, batch_size=15, in_flight=2)
    assert line.batch_ids[:2] == [uuid.UUID(b) for b in open_ids]  # first, oldest first
    assert done.outcome is SyncOutcome.DONE and done.waiting == 0 and done.duplicates == 0
    assert {uuid.UUID(b) for b in open_ids} <= set(line.office.batches)  # resent as they were
    assert payload_totals(line.office.payloads("sale")) == counter_totals(counter.data_dir)
    assert len(line.office.records) == len(outbox_rows(counter.data_dir))


def test_a_revoked_token_stops_the_sync_and_marks_nothing(counter: AppContext) -> None:
    assert counter.data_dir is not None
    office = FakeHeadOffice(revoked=True)
    report = _sync(counter, office)
    assert report.outcome is SyncOutcome.TOKEN and report.retries == 0
    assert "token" in report.problem
    assert {r["state"] for r in outbox_rows(counter.data_dir)} == {"waiting"}
    office.revoked = False
    assert _sync(counter, office).outcome is SyncOutcome.DONE


def test_a_counter_sends_under_its_own_terminal_name(tmp_path: Path) -> None:
    other_dir = tmp_path / "pos02"
    other, _ = simulated_counter(other_dir, terminal="POS02", days=1, sales_per_day=10, seed=5)
    office = FakeHeadOffice(terminal_name="POS02")
    try:
        assert _sync(other, office).outcome is SyncOutcome.DONE
        sales = office.payloads("sale")
        assert {s["terminal_id"] for s in sales} == {"POS02"}
        assert payload_totals(sales) == counter_totals(other_dir)
    finally:
        other.close()


# --- the catalogue comes down ------------------------------------------------------------
def _product_change(office: FakeHeadOffice, sku: str, price: int, **changes: object) -> None:
    with_data = {
        "sku": sku,
        "barcode": None,
        "plu": None,
        "name_th": "ผ้าไหมใหม่",
        "name_en": "New silk",
        "category": "textile",
        "producer": "กลุ่มทอผ้าไหมบ้านหนองบัว",
        "unit_price_satang": price,
        "unit": "piece",
        "sold_by_weight": False,
        "vat_applicable": True,
        "otop_stars": 4,
        **changes,
    }
    office.publish(ChangeEntity.PRODUCT, sku, with_data)


def test_a_price_change_from_the_head_office_never_alters_a_completed_sale(
    counter: AppContext,
) -> None:
    assert counter.data_dir is not None
    with counter.uow_factory() as uow:
        sale = uow.sales.sales_on(dt.date(2021, 3, 1))[0]
        line = sale.lines[0]
        product = uow.catalog.product_by_sku(line.sku)
    assert product is not None
    before = [r["payload_json"] for r in outbox_rows(counter.data_dir) if r["kind"] == "sale"]
    office = FakeHeadOffice()
    data = {
        "sku": product.sku,
        "barcode": product.barcode,
        "plu": None,
        "name_th": "ชื่อใหม่",
        "name_en": product.name_en,
        "category": product.category.value,
        "producer": product.producer.name_th,
        "unit_price_satang": line.unit_price_satang * 3,
        "unit": product.unit.value,
        "sold_by_weight": product.sold_by_weight,
        "vat_applicable": product.vat_applicable,
        "otop_stars": product.otop_stars,
    }
    office.publish(ChangeEntity.PRODUCT, product.sku, data)
    report = _sync(counter, office)
    assert report.outcome is SyncOutcome.DONE and report.changes == 1
    with counter.uow_factory() as uow:
        changed = uow.catalog.product_by_sku(product.sku)
        again = uow.sales.sale_by_id(sale.sale_id)
    assert changed is not None and changed.unit_price_satang == line.unit_price_satang * 3
    assert changed.name_th == "ชื่อใหม่" and changed.stock_milli == product.stock_milli
    assert again == sale  # the stored sale: same price, same name, same totals
    assert [r["payload_json"] for r in outbox_rows(counter.data_dir) if r["kind"] == "sale"] == (
        before
    )
    sent = next(p for p in office.payloads("sale") if p["sale_id"] == str(sale.sale_id))
    assert sent["lines"][0]["unit_price_satang"] == line.unit_price_satang


def test_catalogue_pages_apply_whole_with_their_cursor_or_not_at_all(
    counter: AppContext,
) -> None:
    office = FakeHeadOffice()
    office.publish(
        ChangeEntity.PRODUCER,
        "กลุ่มใหม่",
        {
            "name_th": "กลุ่มใหม่",
            "name_en": "New group",
            "district": "กันทรลักษ์",
            "vat_registered": False,
            "tax_id": None,
            "branch": None,
        },
    )
    for number in range(5):
        _product_change(office, f"TX-NEW-{number:04d}", 10_000 + number, producer="กลุ่มใหม่")
    user = {"name": "มานี มีนา", "role": "cashier", "pin_hash": "$argon2id$x", "active": True}
    office.publish(ChangeEntity.USER, "มานี มีนา", user)
    _product_change(office, "TX-BAD-0001", 12.5, producer="กลุ่มใหม่")  # a fraction: refused
    report = _sync(counter, office, page_size=3)
    assert report.outcome is SyncOutcome.ATTENTION
    assert "TX-BAD-0001" in report.problem and "unit_price_satang" in report.problem
    with counter.uow_factory() as uow:
        cursor = uow.outbox.state().catalogue_cursor  # type: ignore[attr-defined]
        known = [uow.catalog.product_by_sku(f"TX-NEW-{n:04d}") for n in range(5)]
        bad = uow.catalog.product_by_sku("TX-BAD-0001")
        users = {u.name for u in uow.users.active_users()}
    assert cursor == office.feed[5].seq  # pages of 3: two applied, the third held the bad one
    assert all(p is not None for p in known) and bad is None
    assert "มานี มีนา" not in users  # in the refused page: nothing of it was applied
    office.feed[-1].data["unit_price_satang"] = 12_500  # fixed at the head office
    assert _sync(counter, office, page_size=3).outcome is SyncOutcome.DONE
    with counter.uow_factory() as uow:
        assert uow.catalog.product_by_sku("TX-BAD-0001") is not None
        assert "มานี มีนา" in {u.name for u in uow.users.active_users()}
