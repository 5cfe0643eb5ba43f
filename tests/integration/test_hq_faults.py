"""Faults against the real head office: ``otop-pos hq serve`` in its own process, over TCP.

Each test ends by comparing what the head office holds for the terminal —
counted and summed by PostgreSQL from the stored JSON — with what was sent:
sales, lines and tenders, and their satang.
"""

from __future__ import annotations

import datetime as dt
import random
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from hq.bootstrap import open_hq
from hq.services.terminals import add_terminal, revoke_terminal
from pos.clock import THAI_TIME
from pos.sync.wire import REPLAY_HEADER
from tests.hq_helpers import batch, row_versions, sale_record, sales, sent_totals, stored_totals
from tests.hq_server import CuttingProxy, HqProcess
from tests.postgres import PostgresServer

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def database_url(postgres_server: PostgresServer, hq_template: str) -> Iterator[str]:
    url = postgres_server.create_database(template=hq_template)
    yield url
    postgres_server.drop_database(url)


@pytest.fixture(scope="module")
def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HqProcess]:
    process = HqProcess(database_url, tmp_path_factory.mktemp("hq") / "server.log")
    yield process
    process.stop()


def new_terminal(database_url: str) -> tuple[str, dict[str, str]]:
    name = f"T{uuid.uuid4().hex[:8]}"
    context = open_hq(database_url, pool_size=1)
    try:
        token = add_terminal(context.uow_factory, context.clock, name).token
    finally:
        context.close()
    return name, {"Authorization": f"Bearer {token}"}


def send(base_url: str, auth: dict[str, str], body: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{base_url}/v1/batches", json=body, headers=auth, timeout=60)


def test_the_same_batch_delivered_twice_is_stored_once(
    server: HqProcess, database_url: str
) -> None:
    name, auth = new_terminal(database_url)
    body = batch(sales(name, 300))
    first = send(server.base_url, auth, body)
    before = row_versions(database_url)
    second = send(server.base_url, auth, body)
    assert first.status_code == second.status_code == 200
    assert second.json() == first.json() and second.headers[REPLAY_HEADER] == "true"
    assert len(first.json()["accepted"]) == 300
    assert row_versions(database_url) == before  # zero rows written by the second delivery
    assert stored_totals(database_url, name) == sent_totals(body["records"])


def test_two_terminals_syncing_at_once_lose_nothing_and_never_cross(
    server: HqProcess, database_url: str
) -> None:
    terminals = [new_terminal(database_url) for _ in range(2)]
    sent: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in terminals}
    errors: list[BaseException] = []
    start = threading.Barrier(len(terminals))

    def sync(name: str, auth: dict[str, str], seed: int) -> None:
        try:
            start.wait()
            for number in range(6):
                records = sales(name, 150, seed=seed * 100 + number)
                response = send(server.base_url, auth, batch(records))
                assert response.status_code == 200, response.text
                assert len(response.json()["accepted"]) == 150
                sent[name] += records
        except BaseException as error:  # reported in the main thread
            errors.append(error)

    threads = [
        threading.Thread(target=sync, args=(name, auth, seed))
        for seed, (name, auth) in enumerate(terminals)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    for name, _ in terminals:
        assert stored_totals(database_url, name) == sent_totals(sent[name])
    with psycopg.connect(database_url, autocommit=True) as connection:
        crossed = connection.execute(
            "SELECT count(*) FROM sync_record r JOIN terminal t ON t.id = r.terminal_id"
            " WHERE r.payload->>'receipt_number' NOT LIKE t.name || '-%'"
        ).fetchone()
    assert crossed == (0,)


def test_a_token_revoked_while_serving_is_refused_at_once(
    server: HqProcess, database_url: str
) -> None:
    name, auth = new_terminal(database_url)
    records = sales(name, 20)
    assert send(server.base_url, auth, batch(records)).status_code == 200
    context = open_hq(database_url, pool_size=1)
    try:
        revoke_terminal(context.uow_factory, context.clock, name)
    finally:
        context.close()
    refused = send(server.base_url, auth, batch(sales(name, 20, seed=2)))
    assert refused.status_code == 401
    assert httpx.get(f"{server.base_url}/v1/terminal", headers=auth).status_code == 401
    assert stored_totals(database_url, name) == sent_totals(records)


def test_an_answer_lost_after_the_commit_is_recovered_by_sending_again(
    server: HqProcess, database_url: str
) -> None:
    name, auth = new_terminal(database_url)
    body = batch(sales(name, 200))
    proxy = CuttingProxy(server.port)
    try:
        with pytest.raises(httpx.TransportError):
            send(proxy.base_url, auth, body)
        assert proxy.cut.is_set()
    finally:
        proxy.close()
    # the server committed although the counter never heard: the counter sends it again
    assert stored_totals(database_url, name) == sent_totals(body["records"])
    before = row_versions(database_url)
    again = send(server.base_url, auth, body)
    assert again.status_code == 200 and again.headers[REPLAY_HEADER] == "true"
    assert len(again.json()["accepted"]) == 200
    # a counter that lost even the batch id re-batches: every record is a duplicate
    rebatched = send(server.base_url, auth, batch(body["records"]))
    assert len(rebatched.json()["duplicates"]) == 200 and rebatched.json()["accepted"] == []
    assert row_versions(database_url) == before
    assert stored_totals(database_url, name) == sent_totals(body["records"])


def test_a_device_clock_hours_off_is_kept_as_sent_beside_the_servers_time(
    server: HqProcess, database_url: str
) -> None:
    name, auth = new_terminal(database_url)
    now = dt.datetime.now(THAI_TIME)
    rng = random.Random(3)
    skewed = [now + dt.timedelta(hours=5, minutes=17), now - dt.timedelta(hours=9, seconds=1)]
    records = [sale_record(name, rng, device_time=when) for when in skewed]
    before = dt.datetime.now(dt.UTC)
    ack = send(server.base_url, auth, batch(records)).json()
    after = dt.datetime.now(dt.UTC)
    assert before <= dt.datetime.fromisoformat(ack["received_at"]) <= after
    with psycopg.connect(database_url, autocommit=True) as connection:
        stored = dict(
            connection.execute(
                "SELECT record_id::text, device_time FROM sync_record WHERE record_id = ANY(%s)",
                ([uuid.UUID(record["record_id"]) for record in records],),
            ).fetchall()
        )
        received = connection.execute(
            "SELECT DISTINCT received_at FROM sync_record WHERE record_id = ANY(%s)",
            ([uuid.UUID(record["record_id"]) for record in records],),
        ).fetchall()
    assert [stored[record["record_id"]] for record in records] == skewed
    assert len(received) == 1 and before <= received[0][0] <= after
    assert stored_totals(database_url, name) == sent_totals(records)


def _server_waits_on_lock_holding_records(url: str) -> bool:
    """The server's transaction has inserted into sync_record and waits on sync_batch."""
    with psycopg.connect(url, autocommit=True) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid"
            " WHERE a.application_name = 'otop-hq' AND a.datname = current_database()"
            " AND a.wait_event_type = 'Lock' AND l.granted"
            " AND l.relation = 'sync_record'::regclass AND l.mode = 'RowExclusiveLock'"
        ).fetchone()
    return row is not None and row[0] > 0


def test_a_server_killed_in_the_middle_of_a_batch_stores_none_of_it(
    database_url: str, tmp_path: Path
) -> None:
    server = HqProcess(database_url, tmp_path / "killed.log")
    name, auth = new_terminal(database_url)
    body = batch(sales(name, 400))
    failures: list[BaseException] = []

    def deliver() -> None:
        try:
            send(server.base_url, auth, body)
        except httpx.TransportError as error:
            failures.append(error)

    # Hold the batch table so the server stops between writing the records and committing.
    with psycopg.connect(database_url) as blocker:
        blocker.execute("LOCK TABLE sync_batch IN EXCLUSIVE MODE")
        sender = threading.Thread(target=deliver)
        sender.start()
        deadline = time.monotonic() + 30
        while not _server_waits_on_lock_holding_records(database_url):
            assert time.monotonic() < deadline, "the server never reached the middle of the batch"
            time.sleep(0.02)
        server.kill()
        blocker.rollback()
    sender.join(timeout=30)
    assert len(failures) == 1  # the counter saw the connection die
    assert stored_totals(database_url, name) == sent_totals([])
    with psycopg.connect(database_url, autocommit=True) as connection:
        batches = connection.execute(
            "SELECT count(*) FROM sync_batch WHERE batch_id = %s", (uuid.UUID(body["batch_id"]),)
        ).fetchone()
    assert batches == (0,)
    restarted = HqProcess(database_url, tmp_path / "restarted.log")
    try:
        again = send(restarted.base_url, auth, body)
    finally:
        restarted.stop()
    assert again.status_code == 200 and len(again.json()["accepted"]) == 400
    assert stored_totals(database_url, name) == sent_totals(body["records"])
