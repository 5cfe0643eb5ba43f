"""Government schemes as configuration: phases, hours, caps, exclusions, settlement, codec."""

from __future__ import annotations

import datetime as dt

import pytest

from pos.clock import THAI_TIME
from pos.sale.domain.schemes import (
    KHON_LA_KHRUENG,
    M33_RAO_RAK_KAN,
    RAO_CHANA,
    Scheme,
    SchemeBook,
    SchemeError,
    SchemePhase,
)
from pos.settings.domain.shop_settings import Settings, settings_from_items, settings_to_items


def at(day: str, clock: str = "10:00") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=THAI_TIME)


def test_khon_la_khrueng_pays_half_rounded_down_and_at_most_150_baht() -> None:
    phase = KHON_LA_KHRUENG.phase_at(at("2021-07-05"))
    assert phase is not None and phase.name == "3"
    assert KHON_LA_KHRUENG.max_government_share(20_000, phase) == 10_000  # 200 baht → 100
    assert KHON_LA_KHRUENG.max_government_share(30_000, phase) == 15_000  # 300 → 150
    assert KHON_LA_KHRUENG.max_government_share(40_000, phase) == 15_000  # above 300: still 150
    assert KHON_LA_KHRUENG.max_government_share(10_101, phase) == 5_050  # the odd satang: buyer
    assert KHON_LA_KHRUENG.is_co_pay and not RAO_CHANA.is_co_pay


def test_phases_as_in_the_notes() -> None:
    assert KHON_LA_KHRUENG.phase_at(at("2021-06-15")) is None  # between phases 2 and 3
    assert KHON_LA_KHRUENG.phase_at(at("2022-10-31")).name == "5"
    assert KHON_LA_KHRUENG.phase_at(at("2022-11-01")) is None
    # phases 1 and 2 overlap in Jan-Mar 2021: the latest started is the default, or by name
    assert KHON_LA_KHRUENG.phase_at(at("2021-02-10")).name == "2"
    assert KHON_LA_KHRUENG.phase_at(at("2021-02-10"), "1").name == "1"
    assert KHON_LA_KHRUENG.phase_at(at("2020-11-10"), "2") is None
    assert RAO_CHANA.phase_at(at("2021-05-31")) is not None
    assert RAO_CHANA.phase_at(at("2021-06-01")) is None


def test_m33_pays_only_from_six_to_eleven_until_the_end_of_may_2021() -> None:
    assert M33_RAO_RAK_KAN.phase_at(at("2021-04-01", "05:59")) is None
    assert M33_RAO_RAK_KAN.phase_at(at("2021-04-01", "06:00")) is not None
    assert M33_RAO_RAK_KAN.phase_at(at("2021-04-01", "22:59")) is not None
    assert M33_RAO_RAK_KAN.phase_at(at("2021-04-01", "23:00")) is None
    assert M33_RAO_RAK_KAN.phase_at(at("2021-06-01", "12:00")) is None


def test_excluded_goods_by_category_or_sku() -> None:
    scheme = Scheme(
        code="test",
        name_th="ทดสอบ",
        name_en="",
        government_share_basis_points=5000,
        phases=(SchemePhase("1", dt.date(2021, 1, 1), dt.date(2021, 12, 31)),),
        excluded_categories=frozenset({"beverage"}),
        excluded_skus=frozenset({"fd-0001"}),
    )
    assert scheme.pays_for("food", "FD-0002")
    assert not scheme.pays_for("beverage", "BV-0001")
    assert not scheme.pays_for("food", "FD-0001") and not scheme.pays_for("food", "fd-0001")


def test_settlement_next_business_day() -> None:
    window = KHON_LA_KHRUENG.government_settlement
    assert window.expected_on(dt.date(2021, 7, 7)) == dt.date(2021, 7, 8)  # Wed → Thu
    assert window.expected_on(dt.date(2021, 7, 9)) == dt.date(2021, 7, 12)  # Fri → Mon
    assert window.expected_on(dt.date(2021, 7, 10)) == dt.date(2021, 7, 12)  # Sat → Mon
    assert window.label() == "17:30-19:00"
    assert KHON_LA_KHRUENG.buyer_settlement.label() == "02:00-06:00"


def test_schemes_round_trip_through_the_settings() -> None:
    book = SchemeBook(
        (
            KHON_LA_KHRUENG,
            Scheme(
                code="future_copay",
                name_th="ช้อปช่วยชาติ",
                name_en="Future",
                phases=(SchemePhase("A", dt.date(2027, 1, 1), dt.date(2027, 3, 31), 200_000),),
                government_share_basis_points=6000,
                cap_per_person_per_day_satang=20_000,
                hours=(dt.time(8, 0), dt.time(20, 0)),
                excluded_skus=frozenset({"TX-1"}),
                excluded_categories=frozenset({"beverage"}),
            ),
        )
    )
    settings = Settings().replace(schemes=book)
    assert settings_from_items(settings_to_items(settings)).schemes == book
    assert settings_from_items({}).schemes.schemes == (KHON_LA_KHRUENG, RAO_CHANA, M33_RAO_RAK_KAN)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"government_share_basis_points": 0}, "government share must be 1-10000"),
        ({"phases": []}, "at least one phase"),
        ({"code": "Bad Code"}, "scheme code"),
        ({"hours": ["23:00", "06:00"]}, "open before they close"),
        ({"phases": [{"name": "x", "starts": "2021-02-01", "ends": "2021-01-01"}]}, "ends before"),
        ({"phases": [{"name": "x", "starts": "soon", "ends": "2021-01-01"}]}, "soon"),
    ],
)
def test_a_bad_scheme_setting_is_named(change: dict[str, object], message: str) -> None:
    items = settings_to_items(Settings())
    items["schemes"][1].update(change)
    with pytest.raises(ValueError, match="setting 'schemes'") as raised:
        settings_from_items(items)
    assert message in str(raised.value)


def test_a_scheme_code_used_twice_is_refused() -> None:
    with pytest.raises(SchemeError, match="used twice: rao_chana"):
        SchemeBook((RAO_CHANA, RAO_CHANA))
    with pytest.raises(SchemeError, match="no scheme 'x'"):
        SchemeBook().get("x")
