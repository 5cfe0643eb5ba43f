"""Numbers belong to their terminal, on a real PostgreSQL head office.

Two terminals may use the same numbers; one terminal uses each number once: a
replaced counter (a fresh store, the same terminal) that starts again at Z 1 has
that record refused alone (``number_reused``, the field named) and the rest of
its batch stored, instead of jamming its outbox behind a 500.  ``GET
/v1/terminal/numbers`` gives the terminal's last serials, and a replaced counter
set up with ``otop-pos sync configure`` (a real process) continues from them:
every number at the head office once, none missing.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from fastapi.testclient import TestClient

from cli.main import main
from hq.api.app import create_app
from hq.bootstrap import HqContext, open_hq
from hq.services.terminals import add_terminal
from pos.bootstrap import initialise, open_context
from pos.simulation.trading_days import SimulationOptions, simulate
from pos.sync.wire import NUMBERS_PATH
from tests.hq_helpers import batch, numbered_sale, stored_ids, z_record
from tests.hq_server import PROJECT, HqProcess
from tests.postgres import PostgresServer, connect
from tests.sync_helpers import MANAGER_PIN

pytestmark = [pytest.mark.postgres]


@pytest.fixture
def client(hq_context: HqContext) -> Iterator[TestClient]:
    with TestClient(create_app(hq_context)) as test_client:
        yield test_client


def _auth(hq: HqContext, name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {add_terminal(hq.uow_factory, hq.clock, name).token}"}


def _post(client: TestClient, auth: dict[str, str], records: Sequence[dict[str, Any]]) -> Any:
    response = client.post("/v1/batches", json=batch(records), headers=auth)
    assert response.status_code == 200, response.text
    return response.json()


def _ids(records: Sequence[dict[str, Any]]) -> list[str]:
    return [record["record_id"] for record in records]


def test_two_terminals_may_use_the_same_numbers(
    client: TestClient, hq_context: HqContext, hq_database_url: str
) -> None:
    for terminal in ("POS01", "POS02"):
        auth = _auth(hq_context, terminal)
        sale, z = numbered_sale(terminal, 1), z_record(terminal, 1)
        sale["payload"]["receipt_number"] = "00000001"  # the same text on both, not only serial
        z["payload"]["number"] = "Z-00000001"
        records = [sale, z]
        ack = _post(client, auth, records)
        assert ack["accepted"] == _ids(records) and ack["rejected"] == []
    with connect(hq_database_url) as connection:
        rows = connection.execute(
            "SELECT count(*), count(DISTINCT number), count(DISTINCT terminal_id) FROM z_report"
        ).fetchone()
    assert rows == (2, 1, 2)


def test_a_replaced_counter_starting_again_is_refused_number_by_number_and_the_rest_stored(
    client: TestClient, hq_context: HqContext, hq_database_url: str
) -> None:
    auth = _auth(hq_context, "POS01")
    first = [numbered_sale("POS01", n) for n in (1, 2, 3)] + [z_record("POS01", 1)]
    _post(client, auth, first)
    # the replaced counter: new records (new ids), numbers from 1 again, and one new number
    again_z, again_sale = z_record("POS01", 1), numbered_sale("POS01", 2, seed=8)
    new_sale, new_z = numbered_sale("POS01", 4, seed=8), z_record("POS01", 2)
    twice = numbered_sale("POS01", 5, seed=9)  # the same number twice in one batch: first wins
    twice_again = numbered_sale("POS01", 5, seed=10)
    sent = [again_z, new_sale, again_sale, new_z, twice, twice_again]
    ack = _post(client, auth, sent)
    assert ack["accepted"] == _ids([new_sale, new_z, twice])
    refused = {r["record_id"]: (r["reason"], r["field"]) for r in ack["rejected"]}
    assert refused == {
        again_z["record_id"]: ("number_reused", "number"),
        again_sale["record_id"]: ("number_reused", "receipt_number"),
        twice_again["record_id"]: ("number_reused", "receipt_number"),
    }
    assert first[3]["record_id"] in next(
        r["detail"] for r in ack["rejected"] if r["record_id"] == again_z["record_id"]
    )
    # sent again: the same refusal (the counter set it aside), nothing else written
    ack = _post(client, auth, [again_z])
    assert [(r["reason"], r["field"]) for r in ack["rejected"]] == [("number_reused", "number")]
    assert stored_ids(hq_database_url, "POS01") == set(_ids([*first, new_sale, new_z, twice]))
    numbers = client.get(NUMBERS_PATH, headers=auth).json()
    assert numbers == {
        "terminal": "POS01",
        "last": {"receipt": 5, "credit_note": 0, "tax_invoice": 0, "z_report": 2, "shift": 0},
    }


def test_the_database_refuses_a_repeated_number_and_the_tables_stay_append_only(
    client: TestClient, hq_context: HqContext, hq_database_url: str
) -> None:
    """The unique indexes are the last word (two batches racing), under the triggers."""
    auth = _auth(hq_context, "POS01")
    _post(client, auth, [z_record("POS01", 1)])
    with connect(hq_database_url) as connection:
        with pytest.raises(psycopg.errors.UniqueViolation, match="uq_z_report_terminal_id_number"):
            connection.execute(
                "INSERT INTO z_report SELECT gen_random_uuid(), terminal_id, number,"
                " business_day_id, business_date, closed_at, closed_by, sales_count, sales_satang,"
                " refunds_satang, net_satang, vat_satang, grand_total_satang,"
                " expected_cash_satang, counted_cash_satang FROM z_report"
            )
        for statement in ("UPDATE z_report SET net_satang = 1", "DELETE FROM z_report"):
            with pytest.raises(psycopg.errors.RestrictViolation, match="cannot be changed"):
                connection.execute(statement)


def test_numbers_need_the_terminals_token_and_are_only_its_own(
    client: TestClient, hq_context: HqContext
) -> None:
    mine, theirs = _auth(hq_context, "POS01"), _auth(hq_context, "POS02")
    _post(client, theirs, [numbered_sale("POS02", 40), z_record("POS02", 9)])
    assert client.get(NUMBERS_PATH).status_code == 401
    assert client.get(NUMBERS_PATH, headers={"Authorization": "Bearer otop_x"}).status_code == 401
    assert client.get(NUMBERS_PATH, headers=mine).json()["last"]["receipt"] == 0
    assert client.get(NUMBERS_PATH, headers=theirs).json()["last"]["z_report"] == 9


# --- a replaced counter, end to end ----------------------------------------------------------
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


def _counter(data_dir: Path, terminal: str) -> None:
    context, _ = initialise(data_dir, demo=True)
    with context.uow_factory() as uow:
        uow.settings.save(uow.settings.load().replace(terminal_id=terminal))
        uow.commit()
    context.close()


def _trade(data_dir: Path, seed: int, start: dt.date) -> None:
    context = open_context(data_dir)
    try:
        options = SimulationOptions(
            days=1,
            sales_per_day=12,
            seed=seed,
            start=start,
            return_rate=0.1,
            manager_pin=MANAGER_PIN,
        )
        simulate(context.uow_factory, options)
    finally:
        context.close()


def _configure(data_dir: Path, url: str, token: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            *(sys.executable, str(PROJECT / "main.py"), "--data-dir", str(data_dir), "sync"),
            *("configure", "--url", url, "--token-stdin"),
        ],
        input=token + "\n",
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        timeout=120,
    )


def _numbers_at(url: str, terminal: str) -> dict[str, list[str]]:
    with psycopg.connect(url, autocommit=True) as connection:
        return {
            table: [
                row[0]
                for row in connection.execute(
                    f"SELECT {column} FROM {table} d JOIN terminal t ON t.id = d.terminal_id"
                    f" WHERE t.name = %s ORDER BY {column}",
                    (terminal,),
                )
            ]
            for table, column in (("sale", "receipt_number"), ("z_report", "number"))
        }


@pytest.mark.slow
def test_a_replaced_counter_set_up_with_sync_configure_continues_without_gap_or_repeat(
    database_url: str, server: HqProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hq = open_hq(database_url, pool_size=1)
    try:
        token = add_terminal(hq.uow_factory, hq.clock, "R1").token
    finally:
        hq.close()
    old, new = tmp_path / "old", tmp_path / "new"
    _counter(old, "R1")
    _configure(old, server.base_url, token)
    _trade(old, 3, dt.date(2021, 3, 1))
    assert main(["--data-dir", str(old), "sync"]) == 0
    assert "0 set aside" in capsys.readouterr().out
    before = _numbers_at(database_url, "R1")
    last = httpx.get(
        f"{server.base_url}{NUMBERS_PATH}", headers={"Authorization": f"Bearer {token}"}
    ).json()["last"]
    assert last["receipt"] == len(before["sale"]) and last["z_report"] == 1
    _counter(new, "R1")  # the till replaced: a fresh store, the same terminal
    done = _configure(new, server.base_url, token)
    assert done.returncode == 0, done.stderr
    assert f"numbers: receipt:R1 raised 0 → {last['receipt']}" in done.stdout
    _trade(new, 4, dt.date(2021, 3, 2))
    assert main(["--data-dir", str(new), "sync"]) == 0
    assert "0 waiting, 0 set aside" in capsys.readouterr().out
    after = _numbers_at(database_url, "R1")
    serials = [int(number.rsplit("-", 1)[1]) for number in after["sale"]]
    assert serials == list(range(1, len(serials) + 1)) and len(serials) > len(before["sale"])
    assert after["z_report"] == ["R1-Z-00000001", "R1-Z-00000002"]


def test_numbers_repeated_before_the_migration_are_kept_and_no_new_repeat_gets_in(
    empty_database_url: str,
) -> None:
    """A replaced counter's repeats stored before hq_0004 are real sales: the upgrade keeps
    them (the first received keeps the number) and still builds the index."""
    from alembic import command
    from sqlalchemy import text

    from hq.store.database import _alembic_config, create_hq_engine, migrate

    engine = create_hq_engine(empty_database_url)
    try:
        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), "hq_0003_payload_lz4")
            connection.execute(text(_TWO_SALES_NUMBERED_1))
        migrate(engine)
    finally:
        engine.dispose()
    with connect(empty_database_url) as connection:
        assert connection.execute("SELECT count(*) FROM sale").fetchone() == (2,)
        index = connection.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'uq_sale_terminal_id_receipt_number'"
        ).fetchone()
        later = connection.execute(
            "SELECT record_id::text FROM sync_record WHERE received_at = '2026-01-02Z'"
        ).fetchone()
        assert index is not None and later is not None and later[0] in str(index[0])
        with pytest.raises(psycopg.errors.UniqueViolation):
            connection.execute(_THIRD_SALE_NUMBERED_1)


_SALE_ROW = (
    "INSERT INTO sale SELECT record_id, 1, 'POS01-00000001', now(), current_date, NULL, NULL,"
    " 'x', NULL, 0, 0, 0, 0, 0, 0, 0, 0 FROM sync_record WHERE received_at = {at}"
)
_RECORD_ROW = (
    "INSERT INTO sync_record SELECT gen_random_uuid(), 1, batch_id, 'sale', now(), {at}, 'x',"
    " '{{}}' FROM sync_batch"
)
_TWO_SALES_NUMBERED_1 = ";".join(
    [
        "INSERT INTO terminal (name, token_sha256, created_at) VALUES ('POS01', 'x', now())",
        "INSERT INTO sync_batch VALUES (gen_random_uuid(), 1, now(), 'x', 2, '{}')",
        *(_RECORD_ROW.format(at=at) for at in ("'2026-01-01Z'", "'2026-01-02Z'")),
        *(_SALE_ROW.format(at=at) for at in ("'2026-01-01Z'", "'2026-01-02Z'")),
    ]
)
_THIRD_SALE_NUMBERED_1 = ";".join(
    [_RECORD_ROW.format(at="'2026-01-03Z'"), _SALE_ROW.format(at="'2026-01-03Z'")]
)
