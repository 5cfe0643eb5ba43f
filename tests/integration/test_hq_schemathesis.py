"""schemathesis against the head office's own OpenAPI description: no request gets a 500.

The server is the real one (``otop-pos hq serve``: uvicorn, as hq/server.py
runs it) on a real PostgreSQL database with a terminal, a member of staff and
a few sales in it, so every answer crosses the same HTTP parser, middleware
and database a counter meets.  An in-process ASGI call would skip uvicorn and,
with the test client's exceptions raised in the test, could not see what a
client sees.  schemathesis reads ``/openapi.json`` and sends what the schema
allows (positive) and what it forbids (negative: wrong types, NUL bytes, huge
numbers, missing fields) to every operation, with each kind of credentials: the
right kind of token for the operation, the other kind, an unknown one and none.
Every answer must be below 500 and, where the description documents it, be of
the documented status, content type and schema.  Bounded (a few examples per
operation, no deadline) to fit the suite; ``OTOP_SCHEMATHESIS_EXAMPLES`` raises
the count for a longer run by hand.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from hq.api.app import create_app
from hq.bootstrap import HqContext, open_hq
from hq.services.staff import add_staff
from hq.services.terminals import add_terminal
from hq.store.database import HqMigration, create_hq_engine, schema_head
from hq.store.unit_of_work import HqSqlUnitOfWork, hq_unit_of_work_factory
from tests.hq_helpers import batch, sales
from tests.hq_server import HqProcess
from tests.postgres import PostgresServer

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

EXAMPLES = int(os.environ.get("OTOP_SCHEMATHESIS_EXAMPLES", "8"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

WHO = ("own", "other", "unknown", "none")  # whose credentials each case is sent with


@dataclass(frozen=True)
class LiveHq:
    base_url: str
    terminal_token: str
    staff_token: str
    log: Path


@pytest.fixture(scope="module")
def live_hq(
    postgres_server: PostgresServer, hq_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveHq]:
    url = postgres_server.create_database(template=hq_template)
    context = open_hq(url, pool_size=2)
    terminal = add_terminal(context.uow_factory, context.clock, "POS01").token
    staff = add_staff(context.uow_factory, context.clock, "สมศรี")
    context.close()
    log = tmp_path_factory.mktemp("schemathesis") / "server.log"
    server = HqProcess(url, log)
    try:
        stored = httpx.post(
            f"{server.base_url}/v1/batches",
            json=batch(sales("POS01", 4)),
            headers={"Authorization": f"Bearer {terminal}"},
        )
        assert stored.status_code == 200, stored.text
        assert httpx.get(f"{server.base_url}/openapi.json").json() == DESCRIPTION
        yield LiveHq(server.base_url, terminal, staff, log)
    finally:
        server.stop()
        postgres_server.drop_database(url)
    # a 500 would show here too, with uvicorn's traceback, even if a check had missed it
    assert "Traceback" not in log.read_text()


def served_description() -> dict[str, Any]:
    """The app's OpenAPI description, built as the server builds it, when pytest collects the
    tests.  Building it connects to nothing (an engine connects when first used), so a context
    on an address where no database is will do; :func:`live_hq` checks that the live server
    serves the same description."""
    engine = create_hq_engine("postgresql://openapi@127.0.0.1:9/none")
    sessions = hq_unit_of_work_factory(engine)
    context = HqContext(engine, lambda: HqSqlUnitOfWork(sessions), HqMigration(None, schema_head()))
    try:
        return create_app(context).openapi()
    finally:
        context.close()


DESCRIPTION = served_description()
api = schemathesis.openapi.from_dict(DESCRIPTION)
# The credentials are the test's to choose (WHO), not generated from the security schemes
api.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    with_security_parameters=False,
    allow_x00=True,
)


def credentials(live: LiveHq, path: str, who: str) -> dict[str, str]:
    staff_path = path.startswith("/v1/reports/")
    own, other = (
        (live.staff_token, live.terminal_token)
        if staff_path
        else (live.terminal_token, live.staff_token)
    )
    token = {"own": own, "other": other, "unknown": "otop_" + "x" * 43, "none": None}[who]
    return {} if token is None else {"Authorization": f"Bearer {token}"}


@api.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_no_request_gets_a_server_error(case: schemathesis.Case, live_hq: LiveHq) -> None:
    for who in WHO:
        case.call_and_validate(
            base_url=live_hq.base_url,
            headers=credentials(live_hq, case.path, who),
            checks=CHECKS,
            timeout=30,
        )
