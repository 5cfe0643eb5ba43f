"""The head office's fast paths give the answers of the plain rules they stand in for.

A batch of 500 sales has about 150,000 JSON values: the number check walks them
without a call per value, and the fingerprint encodes each payload once.  Both
must decide exactly as the plain definitions do (docs/SYNC.md): a fingerprint
that changed would turn every resent record into a "conflict".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import uuid
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hq.kinds import PayloadError, _check_value, check_number_fields
from hq.sync import IncomingRecord, canonical_json
from pos.clock import THAI_TIME
from tests.hq_helpers import sale_payload

keys = st.sampled_from(["a", "total_satang", "quantity_milli", "rate_basis_points", "ชื่อ", ""])
leaves = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=4)
)
json_values = st.recursive(
    leaves,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(keys, children, max_size=4),
    max_leaves=30,
)


def _deep(levels: int) -> dict[str, Any]:
    value: dict[str, Any] = {"total_satang": 1}
    for _ in range(levels):
        value = {"x": value}
    return value


def _plain_rule(payload: Any) -> str | None:
    try:
        _check_value(payload, "payload", 0)
    except PayloadError as error:
        return str(error)
    return None


def _checked(payload: Any) -> str | None:
    try:
        check_number_fields(payload)
    except PayloadError as error:
        return str(error)
    return None


@given(st.dictionaries(keys, json_values, max_size=5))
def test_the_number_check_refuses_exactly_what_the_plain_walk_refuses(
    payload: dict[str, Any],
) -> None:
    assert _checked(payload) == _plain_rule(payload)


@pytest.mark.parametrize("levels", [6, 7, 8, 9])
def test_the_depth_limit_is_the_plain_walks(levels: int) -> None:
    assert _checked(_deep(levels)) == _plain_rule(_deep(levels))
    assert (_checked(_deep(levels)) is None) == (levels < 8)


def test_a_sale_passes_and_a_fraction_of_a_satang_deep_inside_is_named() -> None:
    sale = sale_payload("POS01", random.Random(4), dt.datetime.now(THAI_TIME), lines=30)
    assert _checked(sale) is None
    sale["tenders"][0]["amount_satang"] = 100.5
    problem = "payload.tenders[0].amount_satang must be an integer or null, not 100.5"
    assert _checked(sale) == problem


@given(st.dictionaries(keys, json_values, max_size=5), st.text(max_size=6))
def test_the_fingerprint_is_the_sha256_of_the_canonical_json_of_the_record(
    payload: dict[str, Any], kind: str
) -> None:
    when = dt.datetime(2026, 11, 24, 20, 15, 3, 5, tzinfo=THAI_TIME)
    record = IncomingRecord(uuid.UUID(int=7), kind or "sale", "POS01", when, payload)
    content = {
        "record_id": str(record.record_id),
        "kind": record.kind,
        "terminal": "POS01",
        "device_time": when.astimezone(dt.UTC).isoformat(),
        "payload": payload,
    }
    expected = hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()
    assert record.fingerprint() == expected
