"""The head office as the counter sees it: the in-memory fake and ``otop-pos hq serve``.

Both keep the protocol's rules (docs/SYNC.md): a record is stored once by its
UUID (the same again is a duplicate, other content a ``conflict``), a batch
sent again gets its first answer back, records of another terminal and an
unknown token are refused, and so is, one record at a time, what the head office
cannot store, another terminal's, and a number or id used twice.  The real one
runs on a throwaway PostgreSQL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from pos.audit import AuditAction, AuditEvent
from pos.clock import THAI_TIME
from pos.sync.domain.protocol import BatchRefusedError, QueuedRecord, TokenRefusedError
from pos.sync.domain.records import audit_record
from pos.sync.ports import HeadOffice
from tests.fakes.head_office import FakeHeadOffice
from tests.fakes.outbox import queued_record
from tests.hq_helpers import numbered_sale
from tests.hq_server import HqProcess
from tests.postgres import PostgresServer

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
T0 = dt.datetime(2026, 11, 24, 9, 0, tzinfo=THAI_TIME)
_names = itertools.count(1)


@dataclass
class Office:
    office: HeadOffice
    terminal: str
    refused: HeadOffice  # the same head office with a token it does not know


@pytest.fixture(scope="module")
def server(
    postgres_server: PostgresServer, hq_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, HqProcess]]:
    url = postgres_server.create_database(template=hq_template)
    process = HqProcess(url, tmp_path_factory.mktemp("hq") / "server.log")
    yield url, process
    process.stop()
    postgres_server.drop_database(url)


@pytest.fixture(params=["fake", "hq"])
def head_office(request: pytest.FixtureRequest) -> Iterator[Office]:
    name = f"K{next(_names):02d}"
    if request.param == "fake":
        yield Office(FakeHeadOffice(name), name, FakeHeadOffice(name, revoked=True))
        return
    from hq.bootstrap import open_hq
    from hq.services.terminals import add_terminal
    from pos.adapters.hq_http import HttpHeadOffice

    url, process = request.getfixturevalue("server")
    hq = open_hq(url, pool_size=1)
    try:
        token = add_terminal(hq.uow_factory, hq.clock, name).token
    finally:
        hq.close()
    office = HttpHeadOffice(process.base_url, token)
    refused = HttpHeadOffice(process.base_url, "not-a-token-" + "x" * 30)
    yield Office(office, name, refused)
    office.close()
    refused.close()


def _record(number: int, reference: str = "") -> QueuedRecord:
    event = AuditEvent(
        AuditAction.DRAWER_OPENED,
        T0 + dt.timedelta(minutes=number),
        None,
        reference=reference or f"#{number}",
        event_id=uuid.UUID(int=number + 1),
    )
    return queued_record(audit_record(event, {}))


def test_the_terminal_is_the_token_s(head_office: Office) -> None:
    assert head_office.office.terminal().terminal == head_office.terminal
    with pytest.raises(TokenRefusedError):
        head_office.refused.terminal()


def test_records_are_stored_once(head_office: Office) -> None:
    office, terminal = head_office.office, head_office.terminal
    first = office.send_batch(uuid.uuid4(), terminal, [_record(1), _record(2)])
    assert set(first.accepted) == {uuid.UUID(int=2), uuid.UUID(int=3)}
    assert first.duplicates == () and first.rejected == () and not first.replayed
    again = office.send_batch(uuid.uuid4(), terminal, [_record(2), _record(3), _record(1, "x")])
    assert again.accepted == (uuid.UUID(int=4),)
    assert again.duplicates == (uuid.UUID(int=3),)
    assert [(r.record_id, r.reason) for r in again.rejected] == [(uuid.UUID(int=2), "conflict")]


def test_a_batch_sent_again_gets_its_first_answer(head_office: Office) -> None:
    office, terminal = head_office.office, head_office.terminal
    batch = uuid.uuid4()
    first = office.send_batch(batch, terminal, [_record(5)])
    again = office.send_batch(batch, terminal, [_record(5)])
    assert again.replayed and (again.accepted, again.duplicates) == (first.accepted, ())
    assert again.received_at == first.received_at
    with pytest.raises(BatchRefusedError):
        office.send_batch(batch, terminal, [_record(6)])


def test_records_of_another_terminal_are_refused(head_office: Office) -> None:
    with pytest.raises(BatchRefusedError):
        head_office.office.send_batch(uuid.uuid4(), "SOMEONE-ELSE", [_record(7)])
    with pytest.raises(TokenRefusedError):
        head_office.refused.send_batch(uuid.uuid4(), head_office.terminal, [_record(8)])


def _queued(envelope: dict[str, Any]) -> QueuedRecord:
    """A record of tests.hq_helpers as the counter's outbox sends it; its payload as ASCII
    JSON (a lone surrogate goes as ``\\ud800``, which both sides decode to one)."""
    moment = dt.datetime.fromisoformat(envelope["device_time"]).astimezone(dt.UTC)
    return QueuedRecord(
        envelope["record_id"],
        envelope["kind"],
        moment.isoformat().replace("+00:00", "Z"),
        json.dumps(envelope["payload"], ensure_ascii=True),
    )


def test_a_record_that_cannot_be_stored_is_refused_alone_naming_the_field(
    head_office: Office,
) -> None:
    office, terminal = head_office.office, head_office.terminal
    good, nul, surrogate, elsewhere = (_record(n) for n in (20, 21, 22, 23))
    nul = dataclasses.replace(nul, payload_json=nul.payload_json.replace('"#21"', '"a\\u0000b"'))
    surrogate = dataclasses.replace(
        surrogate, payload_json=surrogate.payload_json.replace('"#22"', '"\\ud800"')
    )
    payload = {**json.loads(elsewhere.payload_json), "terminal_id": "ELSEWHERE"}
    elsewhere = dataclasses.replace(elsewhere, payload_json=json.dumps(payload))
    year_one = dataclasses.replace(_record(24), device_time_utc="0001-01-01T00:00:00Z")
    ack = office.send_batch(uuid.uuid4(), terminal, [good, nul, surrogate, elsewhere, year_one])
    assert ack.accepted == (uuid.UUID(good.record_id),)
    assert [(str(r.record_id), r.reason, r.field) for r in ack.rejected] == [
        (nul.record_id, "invalid_payload", "reference"),
        (surrogate.record_id, "invalid_payload", "reference"),
        (elsewhere.record_id, "not_own", "terminal_id"),
        (year_one.record_id, "invalid_envelope", "device_time"),
    ]


def test_a_number_or_a_line_id_is_used_once(head_office: Office) -> None:
    office, terminal = head_office.office, head_office.terminal
    first = numbered_sale(terminal, 1)
    assert office.send_batch(uuid.uuid4(), terminal, [_queued(first)]).rejected == ()
    number_again, line_again, fresh = (numbered_sale(terminal, n, seed=8) for n in (1, 2, 3))
    line_again["payload"]["lines"][0]["line_id"] = first["payload"]["lines"][0]["line_id"]
    sent = [_queued(record) for record in (number_again, line_again, fresh)]
    ack = office.send_batch(uuid.uuid4(), terminal, sent)
    assert ack.accepted == (uuid.UUID(fresh["record_id"]),)
    assert [(str(r.record_id), r.reason, r.field) for r in ack.rejected] == [
        (number_again["record_id"], "number_reused", "receipt_number"),
        (line_again["record_id"], "id_reused", "lines[0].line_id"),
    ]
