"""The head office's fast paths give the answers of the plain rules they stand in for.

A batch of 500 sales has about 150,000 JSON values: the number check walks them
without a call per value, and the fingerprint encodes each payload once.  Both
must decide exactly as the plain definitions do (docs/SYNC.md): a fingerprint
that changed would turn every resent record into a "conflict".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import random
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hq.kinds import (
    UNSTORABLE,
    PayloadError,
    _check_storable,
    _check_value,
    check_number_fields,
    check_storable,
)
from hq.sync import IncomingRecord, canonical_json
from pos.clock import THAI_TIME
from tests.hq_helpers import sale_payload

keys = st.sampled_from(["a", "total_satang", "quantity_milli", "rate_basis_points", "ชื่อ", ""])
leaves = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=4)
)
finite_leaves = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=4)
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


json_numbers = st.recursive(
    finite_leaves,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(keys, children, max_size=4),
    max_leaves=30,
)


@given(st.dictionaries(keys, json_numbers, max_size=5), st.text(max_size=6))
def test_the_fingerprint_is_the_sha256_of_the_canonical_json_of_the_record(
    payload: dict[str, Any], kind: str
) -> None:
    """For JSON values; NaN and ±Infinity are refused before anything is stored (below), so no
    stored fingerprint was ever made of one."""
    when = dt.datetime(2026, 11, 24, 20, 15, 3, 5, tzinfo=THAI_TIME)
    record = IncomingRecord(uuid.UUID(int=7), kind or "sale", "POS01", when, payload)
    content = {
        "record_id": str(record.record_id),
        "kind": record.kind,
        "terminal": "POS01",
        "device_time": when.astimezone(dt.UTC).isoformat(),
        "payload": payload,
    }
    expected = hashlib.sha256(_the_definition(content).encode("utf-8")).hexdigest()
    assert record.fingerprint() == expected


def _the_definition(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=6)  # control, Thai, emoji
any_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | any_text,
    lambda items: st.lists(items, max_size=3) | st.dictionaries(any_text, items, max_size=4),
    max_leaves=30,
)


@given(st.dictionaries(any_text, any_values, max_size=5))
def test_the_fast_canonical_json_is_the_definitions_text(payload: dict[str, Any]) -> None:
    assert canonical_json(payload) == _the_definition(payload)


def test_floats_and_huge_integers_are_spelled_as_the_definition_spells_them() -> None:
    payload = {"a": 1e16, "b": [0.1, -2.5e-07], "c": 2**64, "d": "x:1.5", "ข": None}
    assert canonical_json(payload) == _the_definition(payload)
    assert '"a":1e+16' in canonical_json(payload)  # orjson alone would write 1e16


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity_are_refused_and_named(value: float) -> None:
    """Python's JSON parser takes NaN and Infinity; they are not JSON, nor a number."""
    sale = sale_payload("POS01", random.Random(4), dt.datetime.now(THAI_TIME), lines=2)
    sale["lines"][1]["note"] = value
    assert _checked(sale) == f"payload.lines[1].note: {value!r} is not a JSON number"


# --- what PostgreSQL can store: NUL and lone surrogates, in keys and text ----------------------
hostile_text = st.text(
    st.sampled_from(["a", "ก", "\x00", "\ud800", "\udfff", "\U0001f600", "\\"]), max_size=4
)
hostile_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**65), 2**65) | hostile_text,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(hostile_text, children, max_size=3)
    ),
    max_leaves=20,
)


def _storable_by_the_walk(payload: Any) -> str | None:
    try:
        _check_storable(payload, "payload", 0)
    except PayloadError as error:
        return None if "nested deeper" in str(error) else error.field
    return None


@settings(suppress_health_check=[HealthCheck.too_slow])  # a loaded CI machine, not the data
@given(st.dictionaries(hostile_text, hostile_values, max_size=4))
def test_the_storable_check_refuses_exactly_what_the_plain_walk_refuses(
    payload: dict[str, Any],
) -> None:
    walk = _storable_by_the_walk(payload)
    for text in (None, canonical_json(payload)):  # the walk, and the answer from the JSON text
        try:
            check_storable(payload, text)
            fast = None
        except PayloadError as error:
            fast = error.field
        assert fast == walk
    if walk is not None:  # the field is named in text that can be stored and sent
        assert not UNSTORABLE.search(walk)
