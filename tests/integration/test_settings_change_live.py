"""Saving several settings at once on a real store, and telling the running counter.

``save_settings`` (what the settings screen's pages call) checks every value by the
schema before anything is stored, stores them together and records one audit event per
setting that changed, with the manager's id; ``AppContext.settings_changed`` hands the
settings as stored to every subscriber, and an unsubscribed one hears nothing more.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pos.audit import AuditAction
from pos.bootstrap import AppContext
from pos.clock import THAI_TIME, FakeClock
from pos.ids import UserId
from pos.money import CashRounding
from pos.settings.domain.schema import SettingError
from pos.settings.domain.shop_settings import Settings
from pos.settings.services.change import save_settings

MANAGER = UserId(2)
AT = dt.datetime(2026, 12, 4, 9, 0, tzinfo=THAI_TIME)


def _changes(context: AppContext) -> list[tuple[UserId | None, str, object]]:
    with context.uow_factory() as uow:
        events = uow.audit.between(AT - dt.timedelta(days=1), AT + dt.timedelta(days=1))
    return [
        (e.user_id, e.detail["key"], e.detail["after"])
        for e in events
        if e.action is AuditAction.SETTINGS_CHANGED
    ]


def test_several_settings_are_stored_together_with_one_record_per_change(
    demo_context: AppContext,
) -> None:
    values = {"cash_rounding": "25", "idle_lock_minutes": 5, "promptpay_target": " 0812345678 "}
    saved = save_settings(demo_context.uow_factory, values, user_id=MANAGER, clock=FakeClock(AT))
    stored = demo_context.settings()
    assert saved == stored
    assert (stored.cash_rounding, stored.promptpay_target) == (
        CashRounding.QUARTER_BAHT,
        "0812345678",
    )
    # idle_lock_minutes was already 5: no record for a value that did not change
    assert _changes(demo_context) == [
        (MANAGER, "cash_rounding", "25"),
        (MANAGER, "promptpay_target", "0812345678"),
    ]


@pytest.mark.parametrize(
    ("values", "key"),
    [
        ({"idle_lock_minutes": 3, "promptpay_target": "12345"}, "promptpay_target"),
        ({"idle_lock_minutes": 721}, "idle_lock_minutes"),
        ({"cash_rounding": "50"}, "cash_rounding"),
    ],
)
def test_a_refused_value_stores_nothing_and_names_its_key_and_range(
    demo_context: AppContext, values: dict[str, object], key: str
) -> None:
    before = demo_context.settings()
    with pytest.raises(SettingError) as refused:
        save_settings(demo_context.uow_factory, values, user_id=MANAGER, clock=FakeClock(AT))
    assert refused.value.key == key and refused.value.allowed in str(refused.value)
    assert demo_context.settings() == before and _changes(demo_context) == []


def test_subscribers_hear_the_settings_as_stored_until_they_unsubscribe(
    demo_context: AppContext,
) -> None:
    heard: list[Settings] = []
    stop = demo_context.notices.subscribe(heard.append)
    save_settings(demo_context.uow_factory, {"idle_lock_minutes": 2}, user_id=MANAGER)
    demo_context.settings_changed()
    assert [settings.idle_lock_minutes for settings in heard] == [2]
    stop()
    stop()  # twice is harmless
    demo_context.settings_changed()
    assert len(heard) == 1
