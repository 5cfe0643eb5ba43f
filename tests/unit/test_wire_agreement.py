"""The counter and the head office read one wire protocol (:mod:`pos.sync.wire`) alike.

Each test runs real code on both sides: what the counter writes goes through
the head office's own request models and checks; what the head office answers
goes through its response models into the counter's parsers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from typing import Any

import pytest
from pydantic import ValidationError

from hq.api.app import create_app
from hq.api.schemas import BatchAckOut, BatchIn, ChangePageOut, TerminalOut
from hq.kinds import default_registry
from hq.sync import (
    BatchIdReusedError,
    BatchRefusedError,
    ForeignRecordError,
    IncomingRecord,
    check_batch_shape,
)
from hq.tokens import new_token, validate_terminal_name
from pos.audit import AuditAction, AuditEvent
from pos.catalogue.domain.hq_changes import (
    CatalogueChangeError,
    ProducerChange,
    ProductChange,
    UserChange,
    parse_change,
)
from pos.clock import FakeClock
from pos.sale.domain.completed_sale import BuyerDetails
from pos.sale.domain.tenders import CashTender
from pos.staff.domain.users import User
from pos.store.times import to_utc_text
from pos.sync.domain.protocol import QueuedRecord
from pos.sync.domain.records import OutboxRecord, audit_record, sale_record, tax_invoice_record
from pos.sync.domain.sync_settings import check_token
from pos.sync.wire import (
    BATCH_REFUSED_STATUSES,
    BATCHES_PATH,
    CHANGES_PATH,
    DEFAULT_BATCH_SIZE,
    DEFAULT_CHANGES_PAGE,
    MAX_CHANGES_PAGE,
    MAX_RECORDS_PER_BATCH,
    MAX_TERMINAL_LENGTH,
    NUMBER_SEQUENCES,
    RECORD_KINDS,
    TERMINAL_PATH,
    Acknowledgement,
    CatalogueChange,
    ChangeEntity,
    ChangePage,
    RecordKind,
    Rejection,
    RejectReason,
    TerminalInfo,
    TerminalNumbers,
    WireFormatError,
    batch_body,
    producer_change,
    product_change,
    user_change,
)
from tests.factories import make_product
from tests.fakes.context import fake_context
from tests.sales_helpers import COFFEE, JULY_2021, SHALLOTS, add_staff, cart_of, open_till, sell

WHEN = dt.datetime(2026, 11, 24, 20, 15, 3, 123456, tzinfo=dt.timezone(dt.timedelta(hours=7)))
BUYER = BuyerDetails.checked(
    "บริษัท ศรีสะเกษ เทรดดิ้ง จำกัด", "99 ถ.ขุขันธ์ จ.ศรีสะเกษ 33000", "0335558882988", None
)


def queued(record: OutboxRecord) -> QueuedRecord:
    """The record as the counter's outbox hands it to the sync."""
    return QueuedRecord(
        str(record.record_id),
        record.kind.value,
        to_utc_text(record.device_time),
        record.payload_json(),
    )


def counter_records() -> list[OutboxRecord]:
    """A sale with a full tax invoice and an audit event, made by the counter's own services."""
    context = fake_context()
    cashier, manager = add_staff(context)
    clock = FakeClock(JULY_2021)
    open_till(context, clock, cashier)
    cart = cart_of((COFFEE, 2), (SHALLOTS, 1_250))
    sale = sell(context, clock, cart, [CashTender(100_000)], cashier, buyer=BUYER)
    names = {cashier: "สมหญิง ใจดี", manager: "ประเสริฐ ทองดี"}
    event = AuditEvent(AuditAction.SHIFT_OPENED, clock.now(), cashier, manager, "S1", {"n": 1})
    (invoice,) = sale.tax_invoices
    return [
        sale_record(sale, names),
        tax_invoice_record(invoice, sale.receipt_number, names),
        audit_record(event, names),
    ]


def test_the_head_office_takes_every_kind_the_counter_sends_and_no_other() -> None:
    registry = default_registry()
    for kind in RecordKind:
        rejection = registry.check(IncomingRecord(uuid.uuid4(), kind, "POS01", WHEN, {}))
        assert rejection is None or rejection.reason != RejectReason.UNKNOWN_KIND, kind
    unknown = registry.check(IncomingRecord(uuid.uuid4(), "stock_move", "POS01", WHEN, {}))
    assert unknown is not None and unknown.reason == RejectReason.UNKNOWN_KIND
    assert unknown.detail.endswith(f"(this server takes: {', '.join(sorted(RECORD_KINDS))})")


def test_a_batch_the_counter_writes_is_read_and_accepted_by_the_head_office() -> None:
    records = counter_records()
    batch_id = uuid.uuid4()
    body = batch_body(batch_id, "POS01", [queued(record) for record in records])
    batch = BatchIn.model_validate_json(body).to_domain()  # the server's request model
    check_batch_shape(batch, "POS01")
    registry = default_registry()
    assert batch.batch_id == batch_id
    for sent, received in zip(records, batch.records, strict=True):
        assert (received.record_id, received.kind) == (sent.record_id, sent.kind)
        assert received.device_time == sent.device_time and received.payload == sent.payload
        assert registry.check(received) is None, received.kind


def test_the_batch_limit_is_the_same_on_both_sides() -> None:
    assert DEFAULT_BATCH_SIZE <= MAX_RECORDS_PER_BATCH

    def envelope(_: int) -> dict[str, Any]:
        return {
            "record_id": str(uuid.uuid4()),
            "kind": "audit_event",
            "terminal": "POS01",
            "device_time": WHEN.isoformat(),
            "payload": {},
        }

    full = {"batch_id": str(uuid.uuid4()), "records": [envelope(i) for i in range(1000)]}
    assert len(BatchIn.model_validate(full).records) == MAX_RECORDS_PER_BATCH
    with pytest.raises(ValidationError, match="at most 1000"):
        BatchIn.model_validate({**full, "records": [*full["records"], envelope(0)]})


def test_the_served_api_has_the_paths_and_page_limits_the_counter_uses() -> None:
    schema = create_app(None).openapi()  # type: ignore[arg-type]  # routes only, no database
    assert {TERMINAL_PATH, BATCHES_PATH, CHANGES_PATH} <= set(schema["paths"])
    (limit,) = (
        p for p in schema["paths"][CHANGES_PATH]["get"]["parameters"] if p["name"] == "limit"
    )
    assert limit["schema"]["maximum"] == MAX_CHANGES_PAGE
    assert limit["schema"]["default"] == DEFAULT_CHANGES_PAGE <= MAX_CHANGES_PAGE


def test_the_head_offices_acknowledgement_is_what_the_counter_reads() -> None:
    sent = [uuid.uuid4() for _ in range(4)]
    ack = Acknowledgement(
        uuid.uuid4(),
        "POS01",
        WHEN,
        (sent[0], sent[1]),
        (sent[2],),
        (Rejection(sent[3], RejectReason.INVALID_PAYLOAD, "too large", "payload.total_satang"),),
    )
    answer = json.loads(BatchAckOut.of(ack).model_dump_json())  # the body FastAPI sends
    read = Acknowledgement.from_json(answer, replayed=True)
    assert read == dataclasses.replace(ack, replayed=True)
    assert read.covers(ack.batch_id, [str(i) for i in reversed(sent)])
    assert not read.covers(ack.batch_id, [str(i) for i in sent[:3]])
    assert not read.covers(uuid.uuid4(), [str(i) for i in sent])


def test_a_rejection_without_a_field_reads_as_one_for_the_whole_record() -> None:
    record = uuid.uuid4()
    ack = Acknowledgement(
        uuid.uuid4(), "POS01", WHEN, (), (), (Rejection(record, RejectReason.NOT_OWN, "POS02"),)
    )
    answer = ack.to_json()
    assert "field" not in answer["rejected"][0]
    assert Acknowledgement.from_json(answer).rejected[0].field == ""


def test_the_terminals_last_numbers_read_back_and_refuse_what_is_not_a_serial() -> None:
    numbers = TerminalNumbers("POS01", {"receipt": 42, "z_report": 3})
    read = TerminalNumbers.from_json(json.loads(json.dumps(numbers.to_json())))
    assert read.last == dict.fromkeys(NUMBER_SEQUENCES, 0) | {"receipt": 42, "z_report": 3}
    for bad in ({"receipt": -1}, {"receipt": True}, {"receipt": "7"}, []):
        with pytest.raises(WireFormatError):
            TerminalNumbers.from_json({"terminal": "POS01", "last": bad})


def test_every_refusal_of_a_whole_batch_is_one_the_counter_stops_on() -> None:
    refusals = (BatchRefusedError, ForeignRecordError, BatchIdReusedError)
    assert {error.status for error in refusals} | {413} <= set(BATCH_REFUSED_STATUSES)


def test_the_feed_the_head_office_serves_is_what_the_counter_applies() -> None:
    product = make_product("TX-0001", 129_000, barcode="8851943010043")
    user = User(7, "สมหญิง ใจดี", "cashier", "$argon2id$v=19$…", True)
    entries = [
        (ChangeEntity.PRODUCER, producer_change(product.producer)),
        (ChangeEntity.PRODUCT, product_change(product, 17)),
        (ChangeEntity.USER, user_change(user)),
    ]
    changes = tuple(
        CatalogueChange(seq, entity, key, data, WHEN)
        for seq, (entity, (key, data)) in enumerate(entries, start=3)
    )
    served = ChangePageOut.of(ChangePage(changes, next_cursor=5, has_more=False))
    page = ChangePage.from_json(json.loads(served.model_dump_json()))
    assert (page.next_cursor, page.has_more) == (5, False)
    producer, item, staff = (parse_change(change) for change in page.changes)
    assert isinstance(producer, ProducerChange) and producer.name_th == product.producer.name_th
    assert isinstance(item, ProductChange) and (item.sku, item.plu) == ("TX-0001", 17)
    assert item.unit_price_satang == 129_000 and item.producer == product.producer.name_th
    assert isinstance(staff, UserChange) and (staff.name, staff.active) == (user.name, True)
    wrong_key = dataclasses.replace(page.changes[1], key="TX-0002")
    with pytest.raises(CatalogueChangeError, match="key: does not match"):
        parse_change(wrong_key)


def test_the_terminal_answer_tokens_and_names_agree() -> None:
    served = TerminalOut.of(TerminalInfo("POS01", WHEN))
    assert TerminalInfo.from_json(json.loads(served.model_dump_json())) == TerminalInfo(
        "POS01", WHEN
    )
    assert check_token(new_token())  # a token the head office issues, the counter takes
    longest = "P" * MAX_TERMINAL_LENGTH
    assert validate_terminal_name(longest) == longest
    with pytest.raises(ValueError, match="terminal name"):
        validate_terminal_name(longest + "1")
