"""The database away: every endpoint answers 503 JSON with ``retry`` and Retry-After, never 500.

Two ways.  In process, the app on a port where nothing listens: each endpoint,
with each kind of token, gets the 503 (the test client raises anything that
would have been a 500).  Then for real: ``otop-pos hq serve`` on a PostgreSQL
cluster of this module's own, which is stopped (``pg_ctl stop -m immediate``)
under the running server; the answers are 503, the server's log says why in
one line and holds no traceback; PostgreSQL is started again on the same port
and the same token works at once (the pool's pre-ping replaces the dead
connections).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from hq.api.app import create_app
from hq.api.errors import RETRY_AFTER_SECONDS
from hq.bootstrap import HqContext, open_hq
from hq.services.terminals import add_terminal
from hq.store.database import HqMigration, create_hq_engine, schema_head
from hq.store.unit_of_work import HqSqlUnitOfWork, hq_unit_of_work_factory
from tests.hq_helpers import batch, sales
from tests.hq_server import HqProcess, free_port
from tests.postgres import PostgresServer, find_postgres_bin, start_postgres

pytestmark = [pytest.mark.postgres]

REQUESTS = [
    ("GET", "/v1/terminal", None),
    ("GET", "/v1/catalogue/changes?cursor=5", None),
    ("POST", "/v1/batches", batch(sales("POS01", 2))),
    ("GET", "/v1/reports/z?from=2024-01-01&to=2024-01-31", None),
    ("GET", "/v1/reports/sales?from=2024-01-01&to=2024-01-31&terminal=POS01", None),
]
TOKENS = ["otop_" + "a" * 43, "otopstaff_" + "b" * 43]


def assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.headers["retry-after"] == str(RETRY_AFTER_SECONDS)
    body = response.json()
    assert body["error"] == "database_unavailable" and body["retry"] is True
    assert "database" in body["detail"] and "Traceback" not in response.text


def test_every_endpoint_answers_503_when_nothing_listens_at_the_database() -> None:
    engine = create_hq_engine(f"postgresql://postgres@127.0.0.1:{free_port()}/hq")
    sessions = hq_unit_of_work_factory(engine)
    context = HqContext(
        engine=engine,
        uow_factory=lambda: HqSqlUnitOfWork(sessions),
        migration=HqMigration(None, schema_head()),
    )
    try:
        with TestClient(create_app(context), raise_server_exceptions=True) as client:
            for method, path, body in REQUESTS:
                # a token of the endpoint's kind: the other kind is 401 without asking the database
                token = TOKENS[path.startswith("/v1/reports/")]
                headers = {"Authorization": f"Bearer {token}"}
                assert_unavailable(client.request(method, path, json=body, headers=headers))
    finally:
        context.close()


@pytest.fixture
def own_cluster() -> Iterator[PostgresServer]:
    """A cluster of this test's own: the session's is shared and must stay up."""
    bin_dir = find_postgres_bin()
    if bin_dir is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("PostgreSQL is not installed: under CI this test must run")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    base = Path(tempfile.mkdtemp(prefix="otop-pg-down-"))  # pytest's tmp is root's alone
    server = start_postgres(bin_dir, base)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


def start_again(server: PostgresServer) -> None:
    options = (
        f"-c listen_addresses=127.0.0.1 -p {server.port} -c unix_socket_directories='' "
        "-c fsync=off -c max_connections=60"
    )
    command = [*server.run_as, str(server.bin_dir / "pg_ctl"), "-D", str(server.data_dir)]
    command += ["-l", str(server.data_dir.parent / "log"), "-o", options, "-w", "-t", "60"]
    subprocess.run([*command, "start"], check=True, capture_output=True)


@pytest.mark.slow
def test_postgres_stopped_under_the_server_is_503_then_it_recovers(
    own_cluster: PostgresServer, tmp_path: Path
) -> None:
    with own_cluster.admin() as connection:
        connection.execute('CREATE DATABASE "hq"')
    url = own_cluster.url("hq")
    context = open_hq(url, pool_size=1)
    token = add_terminal(context.uow_factory, context.clock, "POS01").token
    context.close()
    log = tmp_path / "server.log"
    server = HqProcess(url, log)
    auth = {"Authorization": f"Bearer {token}"}
    try:
        assert httpx.get(f"{server.base_url}/v1/terminal", headers=auth).status_code == 200
        own_cluster.stop()
        for method, path, body in REQUESTS[:3]:
            response = httpx.request(
                method, f"{server.base_url}{path}", json=body, headers=auth, timeout=30
            )
            assert_unavailable(response)
        start_again(own_cluster)
        again = httpx.get(f"{server.base_url}/v1/terminal", headers=auth, timeout=30)
        assert again.status_code == 200 and again.json()["terminal"] == "POS01"
        sent = batch(sales("POS01", 2), uuid.uuid4())
        stored = httpx.post(f"{server.base_url}/v1/batches", json=sent, headers=auth, timeout=30)
        assert stored.status_code == 200 and len(stored.json()["accepted"]) == 2
    finally:
        server.stop()
    written = log.read_text()
    assert "503 on GET /v1/terminal: the database is unavailable" in written
    assert "Traceback" not in written
