"""Hostile values in one record refuse that record alone, naming the field; never a 500.

Each value here once failed a whole batch with a 500 — and so jammed the
counter's outbox, which sent the same batch for ever: NUL and lone surrogates
(PostgreSQL's text and jsonb cannot hold them), integers beyond bigint, device
times at year 1 or 9999, ids of another record, a terminal that is not the
sender's.  Now the record is refused with the reason and the field, and the
batch's other records are stored.  A bounded Hypothesis test puts arbitrary
hostile text into the payload's text fields and keys.  Real PostgreSQL.
"""

from __future__ import annotations

import copy
import itertools
import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from hq.api.app import create_app
from hq.bootstrap import HqContext
from hq.kinds import UNSTORABLE, KindHandler, printable
from hq.payloads import sale_checks
from hq.services.terminals import add_terminal
from hq.sync import IncomingRecord
from tests.hq_helpers import batch, numbered_sale, stored_ids
from tests.postgres import connect

pytestmark = [pytest.mark.postgres]
_serials = itertools.count(1)
Change = Callable[[dict[str, Any], dict[str, Any]], None]  # (record, a stored sale) → edits


@pytest.fixture
def client(hq_context: HqContext) -> Iterator[TestClient]:
    with TestClient(create_app(hq_context)) as test_client:
        yield test_client


@pytest.fixture
def auth(hq_context: HqContext) -> dict[str, str]:
    token = add_terminal(hq_context.uow_factory, hq_context.clock, "POS01").token
    return {"Authorization": f"Bearer {token}"}


def sale() -> dict[str, Any]:
    return numbered_sale("POS01", next(_serials), seed=next(_serials))


def post(client: TestClient, auth: dict[str, str], records: list[dict[str, Any]]) -> Any:
    """Sent as ASCII JSON: a lone surrogate travels as ``\\ud800``, as a client may send it."""
    body = json.dumps(batch(records), ensure_ascii=True)
    headers = {**auth, "Content-Type": "application/json"}
    response = client.post("/v1/batches", content=body, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def _payload(key: str, value: Any) -> Change:
    def change(record: dict[str, Any], _stored: dict[str, Any]) -> None:
        record["payload"][key] = value

    return change


def _line(key: str, value: Any) -> Change:
    def change(record: dict[str, Any], _stored: dict[str, Any]) -> None:
        record["payload"]["lines"][0][key] = value

    return change


def _envelope(key: str, value: Any) -> Change:
    def change(record: dict[str, Any], _stored: dict[str, Any]) -> None:
        record[key] = value

    return change


def _users(name: str) -> Change:
    return _payload("users", {"1": name})


def _stolen_line(record: dict[str, Any], stored: dict[str, Any]) -> None:
    record["payload"]["lines"][0]["line_id"] = stored["payload"]["lines"][0]["line_id"]


def _stolen_tender(record: dict[str, Any], stored: dict[str, Any]) -> None:
    record["payload"]["tenders"][0]["tender_id"] = stored["payload"]["tenders"][0]["tender_id"]


def _line_twice(record: dict[str, Any], _stored: dict[str, Any]) -> None:
    lines = record["payload"]["lines"]
    lines[1]["line_id"] = lines[0]["line_id"]


def _nul_key(record: dict[str, Any], _stored: dict[str, Any]) -> None:
    record["payload"]["lines"][0]["note\x00"] = "x"


CASES: dict[str, tuple[Change, str, str]] = {
    "NUL in a name": (_line("name_th", "ผ้า\x00ไหม"), "invalid_payload", "lines[0].name_th"),
    "NUL in a key": (_nul_key, "invalid_payload", "lines[0].note\\u0000"),
    "NUL in a user": (_users("สม\x00หญิง"), "invalid_payload", "users.1"),
    "lone surrogate": (
        _line("producer_name", "a\ud800b"),
        "invalid_payload",
        "lines[0].producer_name",
    ),
    "low surrogate": (_payload("receipt_number", "\udfff"), "invalid_payload", "receipt_number"),
    "money beyond bigint": (_payload("total_satang", 2**70), "invalid_payload", "total_satang"),
    "quantity at 2**63": (
        _line("quantity_milli", 2**63),
        "invalid_payload",
        "lines[0].quantity_milli",
    ),
    "position beyond int": (_line("position", 2**40), "invalid_payload", "lines[0].position"),
    "unknown field beyond bigint": (_payload("extra", [-(2**64)]), "invalid_payload", "extra[0]"),
    "a user name too long": (_users("ก" * 101), "invalid_payload", "users.1"),
    "device time year 1": (
        _envelope("device_time", "0001-01-01T00:00:00+07:00"),
        "invalid_envelope",
        "device_time",
    ),
    "device time year 9999": (
        _envelope("device_time", "9999-12-31T23:59:59-07:00"),
        "invalid_envelope",
        "device_time",
    ),
    "sold in year 9999": (
        _payload("sold_at", "9999-12-31T23:00:00+07:00"),
        "invalid_payload",
        "sold_at",
    ),
    "another terminal's sale": (_payload("terminal_id", "POS02"), "not_own", "terminal_id"),
    "another sale's line id": (_stolen_line, "id_reused", "lines[0].line_id"),
    "another sale's tender id": (_stolen_tender, "id_reused", "tenders[0].tender_id"),
    "a line id twice in the sale": (_line_twice, "invalid_payload", "lines[1].line_id"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_value_refuses_its_record_alone_naming_the_field(
    client: TestClient, auth: dict[str, str], hq_database_url: str, case: str
) -> None:
    change, reason, field = CASES[case]
    stored = sale()
    post(client, auth, [stored])
    before, hostile, after = sale(), sale(), sale()
    change(hostile, stored)
    ack = post(client, auth, [before, hostile, after])
    assert ack["accepted"] == [before["record_id"], after["record_id"]]
    [rejection] = ack["rejected"]
    assert (rejection["record_id"], rejection["reason"], rejection["field"]) == (
        hostile["record_id"],
        reason,
        field,
    )
    assert not UNSTORABLE.search(rejection["detail"])
    assert stored_ids(hq_database_url, "POS01") == {
        stored["record_id"],
        before["record_id"],
        after["record_id"],
    }
    again = post(client, auth, [hostile])  # sent again: refused again, the same way
    assert [(r["reason"], r["field"]) for r in again["rejected"]] == [(reason, field)]


# --- any hostile text, anywhere a sale carries text ----------------------------------------------
HOSTILE = st.text(
    st.one_of(
        st.sampled_from(
            ["\x00", "\ud800", "\udbff", "\udc00", "\udfff", "\x1b", "\u202e", "'", "\\"]
        ),
        st.characters(codec=None, categories=["Cs", "Cc", "Lo", "Zs", "So"]),
    ),
    max_size=12,
)
TARGETS: dict[str, Callable[[dict[str, Any], str], None]] = {
    "lines[0].name_th": lambda p, text: p["lines"][0].update(name_th=text),
    "lines[1].producer_name": lambda p, text: p["lines"][1].update(producer_name=text),
    "users.1": lambda p, text: p["users"].update({"1": text}),
    "receipt_number": lambda p, text: p.update(receipt_number=text),
    "note": lambda p, text: p.update(note=text),  # a field the head office does not read
    "tenders[0].reference": lambda p, text: p["tenders"][0].update(reference=text),
}


def _stored_payload(url: str, record_id: str) -> Any:
    with connect(url) as connection:
        row = connection.execute(
            "SELECT payload FROM sync_record WHERE record_id = %s", (record_id,)
        ).fetchone()
    assert row is not None
    return row[0]


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=HOSTILE, target=st.sampled_from(sorted(TARGETS)))
def test_hostile_text_in_any_field_is_stored_exactly_or_refused_by_name(
    client: TestClient, auth: dict[str, str], hq_database_url: str, text: str, target: str
) -> None:
    good, hostile = sale(), sale()
    TARGETS[target](hostile["payload"], text)
    sent = copy.deepcopy(hostile["payload"])
    ack = post(client, auth, [good, hostile])
    assert good["record_id"] in ack["accepted"]
    if hostile["record_id"] in ack["accepted"]:
        assert not UNSTORABLE.search(text)
        assert _stored_payload(hq_database_url, hostile["record_id"]) == sent
        return
    [rejection] = ack["rejected"]
    assert rejection["reason"] in {"invalid_payload", "number_reused"}
    assert rejection["field"] == printable(target)
    assert not UNSTORABLE.search(rejection["detail"] + rejection["field"])


def test_the_database_lost_in_the_middle_of_a_batch_is_a_503_and_nothing_is_stored(
    client: TestClient, hq_context: HqContext, auth: dict[str, str], hq_database_url: str
) -> None:
    """Not a record's fault, so no record is refused: the batch is sent again later."""

    def project(uow: Any, terminal: str, mine: Sequence[IncomingRecord]) -> None:
        uow.projections.project("sale", terminal, mine)
        uow.session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))

    original = hq_context.registry.handlers["sale"]
    hq_context.registry.register("sale", KindHandler(sale_checks, project))
    records = [sale(), sale()]
    response = client.post("/v1/batches", json=batch(records), headers=auth)
    assert response.status_code == 503
    assert "not available" in response.json()["detail"]
    assert stored_ids(hq_database_url, "POS01") == set()
    hq_context.registry.register("sale", original)
    again = post(client, auth, records)  # sent again: stored
    assert again["accepted"] == [record["record_id"] for record in records]
