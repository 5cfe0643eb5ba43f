"""The sync API in process (FastAPI's TestClient) on a real PostgreSQL database.

Protocol rules: authentication, idempotent batches, duplicates and conflicts,
a terminal writing only its own records, atomic batches, the change feed, and
the OpenAPI description.  Faults over real sockets are in test_hq_faults.py.
"""

from __future__ import annotations

import copy
import io
import random
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hq.api.app import create_app
from hq.bootstrap import HqContext
from hq.kinds import KindHandler, check_number_fields
from hq.services.terminals import add_terminal, revoke_terminal
from hq.sync import IncomingRecord
from pos.catalogue.domain.csv_format import COLUMNS
from pos.catalogue.services.csv_import import import_catalog
from pos.sync.wire import MAX_RECORDS_PER_BATCH, REPLAY_HEADER
from tests.hq_helpers import (
    batch,
    row_versions,
    sale_record,
    sales,
    sent_totals,
    stored_ids,
    stored_totals,
)
from tests.postgres import connect


@pytest.fixture
def client(hq_context: HqContext) -> Iterator[TestClient]:
    with TestClient(create_app(hq_context)) as test_client:
        yield test_client


@pytest.fixture
def pos01(hq_context: HqContext) -> dict[str, str]:
    token = add_terminal(hq_context.uow_factory, hq_context.clock, "POS01").token
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def pos02(hq_context: HqContext) -> dict[str, str]:
    token = add_terminal(hq_context.uow_factory, hq_context.clock, "POS02").token
    return {"Authorization": f"Bearer {token}"}


def post(
    client: TestClient,
    auth: dict[str, str],
    records: Sequence[dict[str, Any]],
    batch_id: uuid.UUID | None = None,
) -> Any:
    return client.post("/v1/batches", json=batch(records, batch_id), headers=auth)


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer otop_not-a-real-token"}, {"Authorization": "Basic eDp5"}],
)
def test_every_endpoint_needs_a_valid_token(
    client: TestClient, pos01: dict[str, str], headers: dict[str, str]
) -> None:
    for method, path in (
        ("GET", "/v1/terminal"),
        ("GET", "/v1/catalogue/changes"),
        ("POST", "/v1/batches"),
    ):
        response = client.request(method, path, headers=headers, json=batch(sales("POS01", 1)))
        assert response.status_code == 401, (method, path)
        assert response.headers["WWW-Authenticate"] == "Bearer"


def test_a_token_says_whose_it_is_and_the_server_time(
    client: TestClient, pos01: dict[str, str]
) -> None:
    body = client.get("/v1/terminal", headers=pos01).json()
    assert body["terminal"] == "POS01" and body["server_time"]


def test_a_revoked_token_gets_401_and_writes_nothing(
    client: TestClient, hq_context: HqContext, hq_database_url: str, pos01: dict[str, str]
) -> None:
    records = sales("POS01", 3)
    assert post(client, pos01, records).status_code == 200
    revoke_terminal(hq_context.uow_factory, hq_context.clock, "POS01")
    before = row_versions(hq_database_url)
    response = post(client, pos01, sales("POS01", 2, seed=8))
    assert response.status_code == 401 and response.json()["detail"] == "unknown or revoked token"
    assert row_versions(hq_database_url) == before
    assert stored_totals(hq_database_url, "POS01") == sent_totals(records)


def test_a_new_token_replaces_the_old_one(client: TestClient, hq_context: HqContext) -> None:
    old = add_terminal(hq_context.uow_factory, hq_context.clock, "POS01").token
    new = add_terminal(hq_context.uow_factory, hq_context.clock, "POS01", new_token_=True).token
    assert client.get("/v1/terminal", headers={"Authorization": f"Bearer {old}"}).status_code == 401
    assert client.get("/v1/terminal", headers={"Authorization": f"Bearer {new}"}).status_code == 200


def test_a_batch_is_stored_with_device_and_server_times(
    client: TestClient, hq_database_url: str, pos01: dict[str, str]
) -> None:
    records = sales("POS01", 25)
    response = post(client, pos01, records)
    assert response.status_code == 200 and REPLAY_HEADER not in response.headers
    ack = response.json()
    assert ack["accepted"] == [record["record_id"] for record in records]
    assert ack["duplicates"] == [] and ack["rejected"] == []
    assert stored_totals(hq_database_url, "POS01") == sent_totals(records)


def test_the_same_batch_twice_gets_the_same_answer_and_writes_nothing(
    client: TestClient, hq_database_url: str, pos01: dict[str, str]
) -> None:
    records, batch_id = sales("POS01", 10), uuid.uuid4()
    first = post(client, pos01, records, batch_id)
    before = row_versions(hq_database_url)
    second = post(client, pos01, records, batch_id)
    assert second.status_code == 200 and second.headers[REPLAY_HEADER] == "true"
    assert second.json() == first.json()
    assert row_versions(hq_database_url) == before
    assert stored_totals(hq_database_url, "POS01") == sent_totals(records)


def test_records_sent_again_in_a_new_batch_are_duplicates_and_new_ones_are_taken(
    client: TestClient, hq_database_url: str, pos01: dict[str, str]
) -> None:
    old, new = sales("POS01", 4), sales("POS01", 3, seed=99)
    post(client, pos01, old)
    ack = post(client, pos01, old[2:] + new).json()
    assert ack["duplicates"] == [record["record_id"] for record in old[2:]]
    assert ack["accepted"] == [record["record_id"] for record in new]
    assert stored_totals(hq_database_url, "POS01") == sent_totals(old + new)


def test_a_changed_record_is_a_conflict_and_the_stored_one_is_kept(
    client: TestClient, hq_database_url: str, pos01: dict[str, str]
) -> None:
    records = sales("POS01", 3)
    post(client, pos01, records)
    altered = copy.deepcopy(records[1])
    altered["payload"]["receipt_number"] += "-X"  # still a valid sale, but not the one stored
    extra = sales("POS01", 1, seed=5)
    ack = post(client, pos01, [altered, *extra]).json()
    assert ack["accepted"] == [extra[0]["record_id"]]
    assert [(r["record_id"], r["reason"]) for r in ack["rejected"]] == [
        (altered["record_id"], "conflict")
    ]
    assert stored_totals(hq_database_url, "POS01") == sent_totals(records + extra)


def test_bad_payloads_and_unknown_kinds_are_rejected_one_by_one(
    client: TestClient, hq_database_url: str, pos01: dict[str, str]
) -> None:
    good, money_as_float, unknown = sales("POS01", 3)
    money_as_float["payload"]["total_satang"] = 125.5
    unknown["kind"] = "stocktake"
    ack = post(client, pos01, [good, money_as_float, unknown]).json()
    assert ack["accepted"] == [good["record_id"]]
    reasons = {r["record_id"]: (r["reason"], r["detail"]) for r in ack["rejected"]}
    assert reasons[money_as_float["record_id"]] == (
        "invalid_payload",
        "payload.total_satang must be an integer or null, not 125.5",
    )
    assert reasons[unknown["record_id"]][0] == "unknown_kind"
    assert stored_ids(hq_database_url, "POS01") == {good["record_id"]}


def test_a_batch_naming_another_terminal_is_refused_whole_with_the_record_named(
    client: TestClient, hq_database_url: str, pos01: dict[str, str], pos02: dict[str, str]
) -> None:
    mine, theirs = sales("POS01", 2), sales("POS02", 1)
    response = post(client, pos01, mine + theirs)
    assert response.status_code == 403
    assert response.json()["record_ids"] == [theirs[0]["record_id"]]
    assert theirs[0]["record_id"] in response.json()["detail"]
    assert stored_ids(hq_database_url, "POS01") == set()


def test_a_terminal_cannot_overwrite_or_claim_another_terminals_record(
    client: TestClient, hq_database_url: str, pos01: dict[str, str], pos02: dict[str, str]
) -> None:
    theirs = sales("POS02", 2)
    post(client, pos02, theirs)
    stolen = {**copy.deepcopy(theirs[0]), "terminal": "POS01"}
    claimed = {**copy.deepcopy(theirs[1]), "terminal": "POS01"}
    claimed["payload"]["terminal_id"] = "POS01"  # its own, it says: the record id is not
    mine = sales("POS01", 2, seed=3)
    ack = post(client, pos01, [*mine, stolen, claimed]).json()
    assert ack["accepted"] == [record["record_id"] for record in mine]
    assert [(r["record_id"], r["reason"], r["field"]) for r in ack["rejected"]] == [
        (stolen["record_id"], "not_own", "terminal_id"),
        (claimed["record_id"], "id_reused", "record_id"),
    ]
    assert stored_ids(hq_database_url, "POS01") == {record["record_id"] for record in mine}
    assert stored_totals(hq_database_url, "POS02") == sent_totals(theirs)


def test_a_batch_id_reused_for_other_records_is_refused(
    client: TestClient, hq_database_url: str, pos01: dict[str, str], pos02: dict[str, str]
) -> None:
    batch_id, records = uuid.uuid4(), sales("POS01", 2)
    post(client, pos01, records, batch_id)
    assert post(client, pos01, sales("POS01", 2, seed=4), batch_id).status_code == 409
    assert post(client, pos02, sales("POS02", 2, seed=4), batch_id).status_code == 409
    assert stored_totals(hq_database_url, "POS01") == sent_totals(records)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda r: r.update(device_time="2026-11-24T20:00:00"), "device_time"),
        (lambda r: r.update(record_id="not-a-uuid"), "record_id"),
        (lambda r: r.update(payload=[1, 2]), "payload"),
        (lambda r: r.update(surprise=1), "surprise"),
    ],
)
def test_a_malformed_record_refuses_the_batch_naming_the_field(
    client: TestClient, hq_database_url: str, pos01: dict[str, str], change: Any, where: str
) -> None:
    records = sales("POS01", 2)
    change(records[1])
    response = post(client, pos01, records)
    assert response.status_code == 422
    assert any(where in map(str, error["loc"]) for error in response.json()["detail"])
    assert stored_ids(hq_database_url, "POS01") == set()


def test_a_batch_holds_at_most_the_limit(client: TestClient, pos01: dict[str, str]) -> None:
    rng = random.Random(1)
    records = [sale_record("POS01", rng, lines=1) for _ in range(MAX_RECORDS_PER_BATCH + 1)]
    assert post(client, pos01, records).status_code == 422
    assert post(client, pos01, records[:-1]).status_code == 200


def test_a_record_whose_projection_fails_is_a_server_fault_alone_and_the_rest_is_stored(
    client: TestClient, hq_context: HqContext, hq_database_url: str, pos01: dict[str, str]
) -> None:
    records = sales("POS01", 4)
    broken = records[2]["record_id"]

    def project(uow: Any, terminal: str, mine: Sequence[IncomingRecord]) -> None:
        uow.projections.project("sale", terminal, mine)
        if any(str(record.record_id) == broken for record in mine):
            raise RuntimeError("the typed sales table refused a line")

    hq_context.registry.register("sale", KindHandler(check_number_fields, project))
    ack = post(client, pos01, records).json()
    assert ack["accepted"] == [r["record_id"] for r in records if r["record_id"] != broken]
    assert [(r["record_id"], r["reason"]) for r in ack["rejected"]] == [(broken, "server_fault")]
    assert stored_ids(hq_database_url, "POS01") == set(ack["accepted"])
    with connect(hq_database_url) as connection:  # the projection went with its records
        projected = connection.execute("SELECT record_id::text FROM sale").fetchall()
    assert {row[0] for row in projected} == set(ack["accepted"])


def test_catalogue_changes_come_down_by_cursor(
    client: TestClient, hq_context: HqContext, pos01: dict[str, str]
) -> None:
    rows = [
        f",SKU-{n:03d},สินค้า {n},Item {n},household,กลุ่มจักสาน,{n + 10}.00,piece,no,yes,,1"
        for n in range(5)
    ]
    import_catalog(hq_context.uow_factory, io.StringIO("\n".join([",".join(COLUMNS), *rows])))
    first = client.get("/v1/catalogue/changes?cursor=0&limit=4", headers=pos01).json()
    assert [change["entity"] for change in first["changes"]] == ["producer"] + ["product"] * 3
    assert first["has_more"] is True
    rest = client.get(
        f"/v1/catalogue/changes?cursor={first['next_cursor']}&limit=4", headers=pos01
    ).json()
    assert [change["key"] for change in rest["changes"]] == ["SKU-003", "SKU-004"]
    assert rest["changes"][1]["data"]["unit_price_satang"] == 1400
    assert rest["has_more"] is False
    nothing = client.get(f"/v1/catalogue/changes?cursor={rest['next_cursor']}", headers=pos01)
    assert nothing.json() == {"changes": [], "next_cursor": rest["next_cursor"], "has_more": False}
    assert client.get("/v1/catalogue/changes?cursor=-1", headers=pos01).status_code == 422


def test_the_openapi_description_covers_the_endpoints_and_the_token(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    reports = {"/v1/reports/z", "/v1/reports/{name}"}  # for managers: staff tokens
    assert set(schema["paths"]) == {
        "/v1/terminal",
        "/v1/terminal/numbers",
        "/v1/batches",
        "/v1/catalogue/changes",
        *reports,
    }
    assert schema["components"]["securitySchemes"]["TerminalToken"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "The terminal's token, from `otop-pos hq add-terminal NAME` (shown once).",
    }
    for path, operations in schema["paths"].items():
        token = "StaffToken" if path in reports else "TerminalToken"
        for operation in operations.values():
            assert operation["security"] == [{token: []}], path
            assert "401" in operation["responses"], path
    batches = schema["paths"]["/v1/batches"]["post"]
    assert {"200", "401", "403", "409", "422"} <= set(batches["responses"])
    record = schema["components"]["schemas"]["RecordIn"]
    assert set(record["required"]) == {"record_id", "kind", "terminal", "device_time", "payload"}
    ack = schema["components"]["schemas"]["BatchAckOut"]["properties"]
    assert {"accepted", "duplicates", "rejected", "received_at"} <= set(ack)
    assert client.get("/docs").status_code == 404  # the docs page would load internet scripts


def test_a_huge_body_is_refused_before_it_is_read(
    client: TestClient, hq_database_url: str, pos01: dict[str, str]
) -> None:
    padding = "x" * (33 * 1024 * 1024)
    record = {**sales("POS01", 1)[0]}
    record["payload"] = {**record["payload"], "note": padding}
    response = post(client, pos01, [record])
    assert response.status_code == 413 and "32 MiB" in response.json()["detail"]
    assert stored_ids(hq_database_url, "POS01") == set()
