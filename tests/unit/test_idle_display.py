"""The customer display between sales: announcements and a QR poster, checked by the text rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.settings.domain.schema import SPECS, SettingError
from pos.settings.domain.shop_settings import Settings, settings_from_items, settings_to_items
from pos.till.domain.idle_display import MAX_ANNOUNCEMENTS, IdleDisplay

SPEC = SPECS["customer_display_idle"]


def test_the_default_shows_nothing_and_the_old_bool_is_still_read() -> None:
    loaded = settings_from_items({"customer_display": False})
    assert loaded.customer_display is False and loaded.customer_display_idle == IdleDisplay()
    assert not IdleDisplay().has_poster and IdleDisplay().announcement_at(3) == ""


def test_announcements_and_a_poster_round_trip_through_the_settings() -> None:
    idle = IdleDisplay(
        ("ผ้าไหมลด 10% ทุกวันศุกร์", "เปิด 08:30-17:30 ทุกวัน"),
        "https://line.me/R/ti/p/@otopsisaket",
        "แอดไลน์ร้าน · Add us on LINE",
        5,
    )
    items = settings_to_items(Settings().replace(customer_display_idle=idle))
    assert settings_from_items(items).customer_display_idle == idle
    assert [idle.announcement_at(tick) for tick in range(3)] == [
        "ผ้าไหมลด 10% ทุกวันศุกร์",
        "เปิด 08:30-17:30 ทุกวัน",
        "ผ้าไหมลด 10% ทุกวันศุกร์",
    ]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ({"announcements": ["ok", "bad\x00"]}, r"announcements\[1\] has a control character"),
        ({"announcements": ["two\nlines"]}, "announcement 1: must be one line"),
        ({"announcements": ["ok", " "]}, "announcement 2 .* is empty"),
        ({"announcements": ["x" * 161]}, "announcement 1 .* is 161 characters long"),
        ({"announcements": ["a"] * (MAX_ANNOUNCEMENTS + 1)}, "at most 6 announcements"),
        ({"announcements": [1]}, "has the wrong shape"),
        ({"poster_text": "x\x1bz"}, "poster_text: the text has a control character"),
        ({"poster_caption": "x" * 121}, "poster_caption: the text is 121 characters"),
        ({"seconds_each": 2}, "seconds_each: 2 is out of range"),
    ],
)
def test_bad_entries_are_refused_naming_the_line(value: dict[str, object], words: str) -> None:
    with pytest.raises(SettingError, match="customer_display_idle.*" + words):
        SPEC.decode(value)


@given(st.lists(st.text(min_size=1, max_size=160), max_size=MAX_ANNOUNCEMENTS))
def test_any_announcements_are_taken_whole_or_refused_by_name(lines: list[str]) -> None:
    try:
        idle = SPEC.decode({"announcements": lines})
    except SettingError as error:
        refusal: SettingError | None = error
    else:
        refusal = None
        assert list(idle.announcements) == lines
    assert refusal is None or refusal.key == "customer_display_idle"
