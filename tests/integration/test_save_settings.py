"""A settings page's save: several keys checked, stored together, each change audited by user."""

from __future__ import annotations

import datetime as dt

import pytest

from pos.audit import AuditAction
from pos.bootstrap import AppContext
from pos.ids import UserId
from pos.settings.domain.schema import SettingError
from pos.settings.services.change import save_settings
from pos.till.domain.idle_display import IdleDisplay

MANAGER = UserId(2)  # the demo store's manager


def settings_events(context: AppContext) -> list[dict[str, object]]:
    with context.uow_factory() as uow:
        events = uow.audit.between(dt.datetime(2000, 1, 1, tzinfo=dt.UTC), dt.datetime.now(dt.UTC))
    return [
        {"user": e.user_id, **e.detail} for e in events if e.action is AuditAction.SETTINGS_CHANGED
    ]


def test_changed_keys_are_stored_and_audited_with_the_manager(demo_context: AppContext) -> None:
    idle = {
        "announcements": ["ยินดีต้อนรับ"],
        "poster_text": "",
        "poster_caption": "",
        "seconds_each": 8,
    }
    saved = save_settings(
        demo_context.uow_factory,
        {"customer_display": True, "customer_display_idle": idle},
        user_id=MANAGER,
    )
    assert saved.customer_display_idle == IdleDisplay(("ยินดีต้อนรับ",))
    assert demo_context.settings().customer_display_idle == IdleDisplay(("ยินดีต้อนรับ",))
    events = settings_events(demo_context)  # customer_display did not change: not audited
    assert [(e["user"], e["key"], e["after"]) for e in events] == [
        (MANAGER, "customer_display_idle", idle)
    ]


def test_a_refused_value_changes_nothing(demo_context: AppContext) -> None:
    with pytest.raises(SettingError, match="customer_display_idle"):
        save_settings(
            demo_context.uow_factory,
            {"customer_display": False, "customer_display_idle": {"seconds_each": 0}},
            user_id=MANAGER,
        )
    assert demo_context.settings().customer_display is True and not settings_events(demo_context)
