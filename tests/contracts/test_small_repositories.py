"""Counters, settings, users and the audit trail: the small repositories on both adapters."""

from __future__ import annotations

import datetime as dt

import pytest

from pos.audit import AuditAction, AuditEvent
from pos.clock import THAI_TIME
from pos.money import CashRounding
from pos.settings.domain.schema import SettingError
from pos.settings.domain.shop_settings import Settings
from pos.staff.domain.lockout import CLEAR, Attempts
from pos.staff.domain.users import User
from tests.contracts.conftest import UowFactory

T0 = dt.datetime(2026, 11, 24, 9, 0, tzinfo=THAI_TIME)


def test_counters_count_from_one_and_reserve_runs(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        assert uow.counters.next_value("receipt") == 1
        assert uow.counters.next_value("receipt") == 2
        assert uow.counters.reserve("receipt", 3) == range(3, 6)
        assert uow.counters.next_value("credit_note") == 1
        uow.commit()
    with uow_factory() as uow:
        assert uow.counters.next_value("receipt") == 6
    with uow_factory() as uow:  # the last one was rolled back
        assert uow.counters.next_value("receipt") == 6


def test_settings_are_the_defaults_until_saved(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        assert uow.settings.load() == Settings()
        changed = uow.settings.load().replace(cash_rounding=CashRounding.QUARTER_BAHT)
        uow.settings.save(changed)
        uow.commit()
    with uow_factory() as uow:
        assert uow.settings.load() == changed


def test_a_value_the_schema_refuses_is_not_saved(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        with pytest.raises(SettingError, match=r"idle_lock_minutes.*0-720"):
            uow.settings.save(Settings().replace(idle_lock_minutes=10**9))
        uow.commit()
    with uow_factory() as uow:
        assert uow.settings.load() == Settings()


def test_users_get_ids_and_inactive_ones_are_not_listed(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        first = uow.users.add(User(None, "สมหญิง", "cashier", "hash-1"))
        gone = uow.users.add(User(None, "สมชาย", "manager", "hash-2", active=False))
        uow.commit()
    assert first.user_id is not None and gone.user_id is not None
    assert first == User(first.user_id, "สมหญิง", "cashier", "hash-1")
    with uow_factory() as uow:
        assert uow.users.active_users() == [first]
        assert uow.users.by_id(gone.user_id) == gone
        assert uow.users.by_id(999) is None


def test_the_staff_list_holds_everyone_and_updates_role_pin_and_state(
    uow_factory: UowFactory,
) -> None:
    with uow_factory() as uow:
        first = uow.users.add(User(None, "สมหญิง", "cashier", "hash-1"))
        gone = uow.users.add(User(None, "สมชาย", "manager", "hash-2", active=False))
        uow.commit()
    assert first.user_id is not None
    with uow_factory() as uow:
        assert uow.users.all_users() == [first, gone]
        assert uow.users.by_name("สมชาย") == gone and uow.users.by_name("nobody") is None
        uow.users.update(User(first.user_id, "renamed?", "manager", "hash-3", active=False))
        uow.commit()
    with uow_factory() as uow:  # the name stays: only role, PIN hash and state change
        assert uow.users.by_id(first.user_id) == User(
            first.user_id, "สมหญิง", "manager", "hash-3", active=False
        )
        uow.users.update(User(first.user_id, "สมหญิง", "cashier", "hash-4"))
    with uow_factory() as uow:  # not committed: nothing changed
        assert uow.users.active_users() == []
        with pytest.raises(LookupError):
            uow.users.update(User(999, "x", "cashier", "h"))  # type: ignore[arg-type]


def test_the_audit_trail_by_time(uow_factory: UowFactory) -> None:
    events = [
        AuditEvent(AuditAction.LOGIN, T0 + dt.timedelta(minutes=m), None, detail={"m": m})
        for m in (5, 1, 3)
    ]
    with uow_factory() as uow:
        for event in events:
            uow.audit.record(event)
        uow.commit()
    with uow_factory() as uow:
        found = uow.audit.between(T0 + dt.timedelta(minutes=1), T0 + dt.timedelta(minutes=5))
    assert found == [events[1], events[2]]


def test_pin_lockouts_keep_the_state_and_forget_it_when_cleared(uow_factory: UowFactory) -> None:
    subject = "user:2"
    state = Attempts((T0, T0 + dt.timedelta(seconds=1, microseconds=5)), T0, 2)
    with uow_factory() as uow:
        assert uow.pin_lockouts.get(subject) == CLEAR
        uow.pin_lockouts.save(subject, state)
        uow.commit()
    with uow_factory() as uow:
        assert uow.pin_lockouts.get(subject) == state
        assert uow.pin_lockouts.get("user:3") == CLEAR
        uow.pin_lockouts.save(subject, Attempts((), T0 + dt.timedelta(minutes=5), 3))
        uow.commit()
    with uow_factory() as uow:
        assert uow.pin_lockouts.get(subject) == Attempts((), T0 + dt.timedelta(minutes=5), 3)
        uow.pin_lockouts.save(subject, CLEAR)
        uow.commit()
    with uow_factory() as uow:
        assert uow.pin_lockouts.get(subject) == CLEAR
