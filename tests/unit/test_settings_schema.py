"""The settings schema: what it accepts round-trips, what it refuses is refused naming the range.

The strategies are drawn from the rules themselves (an IntRule's bounds, a
ChoiceRule's values), so a setting added to the schema is covered without a
new test; arbitrary JSON for every key is either a :class:`SettingError` or a
value that survives encode → decode unchanged, never another exception.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.settings.domain.rules import BoolRule, ChoiceRule, IntRule, ObjectRule, Rule, TextRule
from pos.settings.domain.schema import (
    SCHEMA,
    SPECS,
    SettingError,
    SettingSpec,
    parse_value,
)
from pos.settings.domain.shop_settings import (
    Settings,
    checked_items,
    settings_from_items,
    settings_from_stored,
    settings_to_items,
)

DEFAULTS = settings_to_items(Settings())
# objects whose fields depend on each other: a valid base so one field can vary alone
BASES: dict[str, dict[str, Any]] = {
    "receipt_printer": {**DEFAULTS["receipt_printer"], "host": "printer.local"},
    "label_printer": {**DEFAULTS["label_printer"], "host": "printer.local"},
    "receipt_header": {**DEFAULTS["receipt_header"], "tax_id": "0994000123451"},
}
SCALARS = [s for s in SCHEMA if isinstance(s.rule, IntRule | ChoiceRule | BoolRule)]
FIELDS = [
    (spec, name, rule)
    for spec in SCHEMA
    if isinstance(spec.rule, ObjectRule)
    for name, rule in spec.rule.fields.items()
    if isinstance(rule, IntRule | ChoiceRule | BoolRule)
]
TEXT_FIELDS = [
    (spec, name)
    for spec in SCHEMA
    if isinstance(spec.rule, ObjectRule)
    for name, rule in spec.rule.fields.items()
    if isinstance(rule, TextRule)
]
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def accepted(rule: Rule) -> st.SearchStrategy[Any]:
    if isinstance(rule, IntRule):
        return st.integers(rule.low, rule.high)
    if isinstance(rule, ChoiceRule):
        return st.sampled_from(rule.values)
    return st.booleans()


def refused(rule: Rule) -> st.SearchStrategy[Any]:
    """Values of the right kind out of range, and values of the wrong kind."""
    wrong_kind = st.floats() | st.text(max_size=5) | st.none() | st.lists(st.integers(), max_size=2)
    if isinstance(rule, IntRule):
        outside = st.integers().filter(lambda v: not rule.low <= v <= rule.high)
        return outside | st.booleans() | wrong_kind
    if isinstance(rule, ChoiceRule):
        kind = st.integers() if isinstance(rule.values[0], int) else st.text(max_size=8)
        return kind.filter(lambda v: v not in rule.values) | st.booleans() | wrong_kind
    return st.integers() | wrong_kind


def _ids(spec: SettingSpec) -> str:
    return spec.key


def test_the_schema_and_the_settings_have_the_same_keys_and_the_defaults_pass() -> None:
    assert [spec.key for spec in SCHEMA] == [f.name for f in dataclasses.fields(Settings)]
    assert checked_items(Settings()) == DEFAULTS
    assert settings_from_items(DEFAULTS) == Settings()
    for spec in SCHEMA:
        assert spec.description_en and spec.description_th and spec.allowed


@pytest.mark.parametrize("spec", SCALARS, ids=_ids)
@settings(max_examples=40)
@given(data=st.data())
def test_an_accepted_value_round_trips(spec: SettingSpec, data: st.DataObject) -> None:
    value = data.draw(accepted(spec.rule))
    assert spec.encode(spec.decode(value)) == value
    assert settings_to_items(settings_from_items({spec.key: value}))[spec.key] == value


@pytest.mark.parametrize("spec", SCALARS, ids=_ids)
@settings(max_examples=40)
@given(data=st.data())
def test_a_value_out_of_range_is_refused_naming_the_range(
    spec: SettingSpec, data: st.DataObject
) -> None:
    value = data.draw(refused(spec.rule))
    with pytest.raises(SettingError) as raised:
        spec.decode(value)
    assert raised.value.key == spec.key and spec.allowed in str(raised.value)


@pytest.mark.parametrize(("spec", "name", "rule"), FIELDS, ids=lambda x: getattr(x, "key", x))
@settings(max_examples=25)
@given(data=st.data())
def test_a_field_in_range_round_trips_and_out_of_range_is_refused(
    spec: SettingSpec, name: str, rule: Rule, data: st.DataObject
) -> None:
    base = BASES.get(spec.key, DEFAULTS[spec.key])
    good = data.draw(accepted(rule))
    if not (spec.key.endswith("printer") and name == "connection"):  # "none" drops the host
        assert spec.encode(spec.decode({**base, name: good}))[name] == good
    bad = data.draw(refused(rule))
    with pytest.raises(SettingError) as raised:
        spec.decode({**base, name: bad})
    assert raised.value.problem.startswith(f"{name}: ") and rule.allowed in str(raised.value)


@pytest.mark.parametrize(("spec", "name"), TEXT_FIELDS, ids=lambda x: getattr(x, "key", x))
@given(char=st.sampled_from(["\x00", "\x1b", "\x7f", "\ud800", "\x9b"]))
def test_a_control_character_in_any_text_is_refused(
    spec: SettingSpec, name: str, char: str
) -> None:
    base = BASES.get(spec.key, DEFAULTS[spec.key])
    with pytest.raises(SettingError, match=r"control character|surrogate"):
        spec.decode({**base, name: f"a{char}b"})


@given(
    key=st.sampled_from([s.key for s in SCHEMA if isinstance(s.rule, TextRule)]),
    text=st.text(max_size=30),
    char=st.sampled_from(["\x00", "\x01", "\n", "\x1f", "\udfff"]),
)
def test_top_level_texts_refuse_control_characters(key: str, text: str, char: str) -> None:
    with pytest.raises(SettingError, match=f"{key}.*(control character|surrogate)"):
        SPECS[key].decode(text + char)


@settings(max_examples=300)
@given(key=st.sampled_from([s.key for s in SCHEMA]), value=JSON)
def test_any_json_is_refused_by_name_or_accepted_and_round_trips(key: str, value: Any) -> None:
    spec = SPECS[key]
    try:
        decoded = spec.decode(value)
    except SettingError as error:
        refusal: SettingError | None = error
    else:
        refusal = None
    if refusal is not None:
        assert refusal.key == key and refusal.allowed in str(refusal)
        return
    encoded = spec.encode(decoded)
    json.dumps(encoded, allow_nan=False)  # storable as it is
    assert spec.decode(encoded) == decoded


@given(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=16),
    st.sampled_from(["../etc", "pos01", "POS 01", "", "A" * 17, "POS01\n"]),
)
def test_terminal_ids(good: str, bad: str) -> None:
    assert SPECS["terminal_id"].decode(good) == good
    with pytest.raises(SettingError, match="1-16 capital letters or digits"):
        SPECS["terminal_id"].decode(bad)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("idle_lock_minutes", 1e9),
        ("idle_lock_minutes", 5.0),
        ("idle_lock_minutes", "5"),
        ("discount_limit_basis_points", -1),
        ("scanner_serial_baudrate", -9600),
        ("schemes", {}),
        ("vat_schedule", [["1999-04-01", 700.5]]),
        ("vat_schedule", []),
        ("barcode_rules", {"embedded": "21"}),
        ("receipt_printer", {"port": 0}),
        ("receipt_printer", {"usb_vendor_id": 0x10000}),
        ("shift_rules", {"cash_tolerance_satang": -100}),
        ("sales_target", {"yearly_satang": 2**63}),
        ("commission", {"by_producer": {"กลุ่มทอผ้า": 10_001}}),
        ("sync", {"nightly_at": "25:00"}),
        ("cash_rounding", 7),
        ("scanner_serial_port", "ttyUSB0"),
    ],
)
def test_the_cases_found_are_refused(key: str, value: Any) -> None:
    with pytest.raises(SettingError, match=f"setting '{key}' has a bad value: .*allowed: "):
        SPECS[key].decode(value)


def test_a_bad_stored_value_becomes_the_default_and_is_reported() -> None:
    stored = {**DEFAULTS, "idle_lock_minutes": 1e9, "terminal_id": "../etc", "schemes": {}}
    loaded, problems = settings_from_stored(stored)
    assert loaded == Settings()
    assert [p.key for p in problems] == ["terminal_id", "idle_lock_minutes", "schemes"]
    with pytest.raises(SettingError, match="terminal_id"):
        settings_from_items(stored)


def test_checked_items_refuses_what_code_built_out_of_range() -> None:
    with pytest.raises(SettingError, match=r"wedge_max_key_gap_ms.*5-150"):
        checked_items(Settings().replace(wedge_max_key_gap_ms=0))


def test_values_as_typed_are_json_or_text_and_broken_json_is_refused() -> None:
    assert parse_value("idle_lock_minutes", "5") == 5
    assert parse_value("scanner_serial_port", "/dev/ttyACM0") == "/dev/ttyACM0"
    for broken in ('{"port": ', "[1, 2", '"unclosed'):
        with pytest.raises(SettingError, match="not valid JSON"):
            parse_value("receipt_printer", broken)
    with pytest.raises(SettingError, match="nested too deeply"):
        parse_value("schemes", "[" * 100_000 + "]" * 100_000)
