"""The head office's domain, without I/O: record fingerprints, batch rules, kinds, tokens."""

from __future__ import annotations

import copy
import datetime as dt
import random
import uuid
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hq.kinds import KindHandler, PayloadError, default_registry
from hq.sync import (
    BatchRefusedError,
    ForeignRecordError,
    IncomingBatch,
    IncomingRecord,
    check_batch_shape,
)
from hq.tokens import new_token, token_digest, validate_terminal_name
from pos.clock import THAI_TIME
from pos.staff.domain.users import User
from pos.sync.wire import (
    TOKEN_PREFIX,
    Acknowledgement,
    Rejection,
    RejectReason,
    product_change,
    user_change,
)
from tests.factories import make_product
from tests.hq_helpers import sale_payload

WHEN = dt.datetime(2026, 11, 24, 20, 15, 0, 123456, tzinfo=THAI_TIME)
SALE = sale_payload("POS01", random.Random(3), WHEN)


def record(payload: dict[str, Any] | None = None, **changes: Any) -> IncomingRecord:
    fields: dict[str, Any] = {
        "record_id": uuid.UUID(int=1),
        "kind": "sale",
        "terminal": "POS01",
        "device_time": WHEN,
        "payload": payload if payload is not None else SALE,
    }
    fields.update(changes)
    return IncomingRecord(**fields)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=12,
)


@given(st.dictionaries(st.text(max_size=8), json_values, max_size=6))
def test_fingerprint_ignores_key_order(payload: dict[str, Any]) -> None:
    reordered = dict(reversed(list(payload.items())))
    assert record(payload).fingerprint() == record(reordered).fingerprint()


def test_fingerprint_ignores_the_time_zone_written_but_not_the_instant() -> None:
    same_instant = WHEN.astimezone(dt.UTC)
    assert record().fingerprint() == record(device_time=same_instant).fingerprint()
    assert (
        record().fingerprint()
        != record(device_time=WHEN + dt.timedelta(microseconds=1)).fingerprint()
    )
    assert record().fingerprint() != record({"total_satang": 12501}).fingerprint()
    assert record().fingerprint() != record(kind="credit_note").fingerprint()


def test_a_batch_with_a_repeated_record_or_none_at_all_is_refused() -> None:
    with pytest.raises(BatchRefusedError, match="more than once") as refused:
        check_batch_shape(IncomingBatch(uuid.uuid4(), (record(), record())), "POS01")
    assert refused.value.record_ids == [uuid.UUID(int=1)]
    with pytest.raises(BatchRefusedError, match="at least one"):
        check_batch_shape(IncomingBatch(uuid.uuid4(), ()), "POS01")


def test_a_record_naming_another_terminal_refuses_the_batch_and_is_named() -> None:
    theirs = record(record_id=uuid.UUID(int=2), terminal="POS02")
    with pytest.raises(ForeignRecordError) as refused:
        check_batch_shape(IncomingBatch(uuid.uuid4(), (record(), theirs)), "POS01")
    assert refused.value.status == 403
    assert refused.value.record_ids == [uuid.UUID(int=2)]
    assert str(uuid.UUID(int=2)) in str(refused.value) and "'POS02'" in str(refused.value)


def test_an_acknowledgement_survives_its_json() -> None:
    ack = Acknowledgement(
        uuid.uuid4(),
        "POS01",
        WHEN,
        (uuid.UUID(int=1),),
        (uuid.UUID(int=2),),
        (Rejection(uuid.UUID(int=3), RejectReason.CONFLICT, "stored earlier"),),
    )
    assert Acknowledgement.from_json(ack.to_json()) == ack


@pytest.mark.parametrize(
    ("payload", "problem"),
    [
        ({"total_satang": 125.0}, "payload.total_satang must be an integer or null, not 125.0"),
        ({"total_satang": "125"}, "payload.total_satang must be an integer"),
        ({"total_satang": True}, "payload.total_satang must be an integer"),
        ({"lines": [{"quantity_milli": 1.5}]}, "payload.lines[0].quantity_milli must be"),
        ({"discount_basis_points": 7.5}, "payload.discount_basis_points must be"),
    ],
)
def test_money_and_quantities_must_be_integers_at_any_depth(
    payload: dict[str, Any], problem: str
) -> None:
    for kind in ("sale", "credit_note", "shift", "z_report", "tax_invoice"):
        rejection = default_registry().check(record(payload, kind=kind))
        assert rejection is not None
        assert rejection.reason is RejectReason.INVALID_PAYLOAD
        assert problem in rejection.detail


def _sale(**changes: Any) -> dict[str, Any]:
    sale = copy.deepcopy(SALE)
    sale.update(changes)
    return sale


def test_a_sale_as_the_counter_sends_it_passes_and_a_figure_not_counted_may_be_null() -> None:
    registry = default_registry()
    assert registry.check(record()) is None
    assert registry.check(record(_sale(label_price_satang=None))) is None


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            lambda s: s["lines"][1].update(total_satang=s["lines"][1]["total_satang"] + 1),
            "payload.lines[1].total_satang is not gross − discounts",
        ),
        (
            lambda s: s.update(total_satang=s["total_satang"] + 1),
            "payload.total_satang is not the sum of the lines",
        ),
        (lambda s: s["tenders"][0].update(amount_satang=0), "payload.tenders do not pay"),
        (lambda s: s["lines"][0].pop("sku"), "payload.lines[0].sku: Field required"),
        (lambda s: s.update(sold_at="2026-11-24T20:15:00"), "payload.sold_at: Input should have"),
        (lambda s: s["tenders"][0].update(kind="bitcoin"), "payload.tenders[0].kind: Input"),
        (lambda s: s.update(lines=[]), "payload.lines: List should have at least 1 item"),
    ],
)
def test_a_sale_that_does_not_add_up_or_lacks_a_field_is_refused_naming_it(
    change: Any, problem: str
) -> None:
    sale = _sale()
    change(sale)
    rejection = default_registry().check(record(sale))
    assert rejection is not None and rejection.reason is RejectReason.INVALID_PAYLOAD
    assert problem in rejection.detail


def test_an_unknown_kind_is_rejected_per_record_and_says_what_is_known() -> None:
    rejection = default_registry().check(record(kind="stocktake"))
    assert rejection is not None and rejection.reason is RejectReason.UNKNOWN_KIND
    assert "stocktake" in rejection.detail and "sale" in rejection.detail


def test_audit_events_are_checked_against_the_counters_audit_actions() -> None:
    registry = default_registry()
    good = {
        "action": "sale_voided",
        "user_id": 2,
        "approved_by_user_id": 1,
        "reference": "POS01-000042",
        "detail": {"total_satang": 35000},
    }
    assert registry.check(record(good, kind="audit_event")) is None
    for bad, field in (
        ({**good, "action": "coffee_break"}, "payload.action"),
        ({**good, "user_id": "2"}, "payload.user_id"),
        ({**good, "detail": []}, "payload.detail"),
        ({**good, "reference": "x" * 65}, "payload.reference"),
    ):
        rejection = registry.check(record(bad, kind="audit_event"))
        assert rejection is not None and field in rejection.detail


def test_a_stricter_handler_can_be_registered_for_a_kind() -> None:
    def needs_note(payload: Any) -> None:
        if "note" not in payload:
            raise PayloadError("payload.note is missing")

    registry = default_registry()
    registry.register("sale", KindHandler(needs_note))
    rejection = registry.check(record())
    assert rejection is not None and rejection.detail == "payload.note is missing"


def test_tokens_are_long_random_and_stored_only_as_a_digest() -> None:
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50
    token = tokens.pop()
    assert token.startswith(TOKEN_PREFIX) and len(token) >= len(TOKEN_PREFIX) + 43
    digest = token_digest(token)
    assert len(digest) == 64 and token not in digest and digest == token_digest(token)


@pytest.mark.parametrize("name", ["POS01", "till-2", "a", "A.b_c-9" + "x" * 25])
def test_terminal_names_that_are_fine(name: str) -> None:
    assert validate_terminal_name(name) == name


@pytest.mark.parametrize("name", ["", "-POS", "POS 01", "เครื่อง1", "x" * 33, "a/b"])
def test_terminal_names_that_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="terminal name"):
        validate_terminal_name(name)


def test_the_feed_carries_prices_but_not_the_counters_stock() -> None:
    key, data = product_change(make_product("TX-0001", 35000, barcode="2000000000015"), None)
    assert key == "TX-0001" and data["unit_price_satang"] == 35000
    assert data["producer"] == "กลุ่มทอผ้าไหมบ้านหนองบัว"
    assert "stock_milli" not in data
    key, data = user_change(User(7, "สมหญิง ใจดี", "cashier", "$argon2id$v=19$...", False))
    assert key == "สมหญิง ใจดี"
    assert data == {
        "name": "สมหญิง ใจดี",
        "role": "cashier",
        "pin_hash": "$argon2id$v=19$...",
        "active": False,
    }
