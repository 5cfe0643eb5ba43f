"""The head office's body limit over a real socket: a chunked body (no Content-Length,
so nothing declared) over ``MAX_BODY_BYTES`` gets 413 with the error body, not FastAPI's
400, and nothing of it is stored; a chunked body under the limit goes through as usual.

``otop-pos hq serve`` (uvicorn) in its own process on PostgreSQL; the requests are
httpx's with a generator body, which it sends as ``Transfer-Encoding: chunked``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from pos.sync.wire import BATCHES_PATH, MAX_BODY_BYTES
from tests.hq_server import HqProcess
from tests.postgres import PostgresServer

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

CHUNK = b" " * (1024 * 1024)  # JSON allows any whitespace: the body stays well formed


@pytest.fixture(scope="module")
def server(
    postgres_server: PostgresServer, hq_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[HqProcess]:
    url = postgres_server.create_database(template=hq_template)
    process = HqProcess(url, tmp_path_factory.mktemp("hq") / "server.log")
    yield process
    process.stop()
    postgres_server.drop_database(url)


def _chunked(size: int) -> Iterator[bytes]:
    yield b'{"batch_id": "00000000-0000-4000-8000-000000000000", "records": []'
    for _ in range(size // len(CHUNK)):
        yield CHUNK
    yield b"}"


def test_a_chunked_body_over_the_limit_gets_413(server: HqProcess) -> None:
    request_headers = {"Authorization": "Bearer otop_nobody", "Content-Type": "application/json"}
    response = httpx.post(
        f"{server.base_url}{BATCHES_PATH}",
        content=_chunked(MAX_BODY_BYTES + len(CHUNK)),
        headers=request_headers,
        timeout=120,
    )
    assert response.request.headers.get("transfer-encoding") == "chunked"
    assert response.status_code == 413, response.text
    assert "32 MiB" in json.loads(response.text)["detail"]


def test_a_chunked_body_under_the_limit_is_read_as_usual(server: HqProcess) -> None:
    response = httpx.post(
        f"{server.base_url}{BATCHES_PATH}",
        content=_chunked(2 * len(CHUNK)),
        headers={"Authorization": "Bearer otop_nobody", "Content-Type": "application/json"},
        timeout=120,
    )
    assert response.request.headers.get("transfer-encoding") == "chunked"
    assert response.status_code == 401  # read whole, then the (unknown) token refused


def test_the_server_still_answers_after_refusing_one(server: HqProcess) -> None:
    assert httpx.get(f"{server.base_url}/openapi.json", timeout=30).status_code == 200
