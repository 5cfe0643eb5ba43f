"""Staff at the counter (issue 13): the services on the in-memory fakes, the audit read back."""

from __future__ import annotations

import dataclasses

import pytest

from pos.audit import AuditAction
from pos.clock import FakeClock
from pos.ids import UserId
from pos.staff.domain.users import User
from pos.staff.services.pin_check import PinLockedError, PinRefusedError
from pos.staff.services.pins import hash_pin, pin_matches
from pos.staff.services.staff_admin import (
    StaffError,
    StaffManagedAtHeadOfficeError,
    add_first_manager,
    add_staff,
    change_own_pin,
    list_staff,
    needs_first_manager,
    reset_pin,
    set_active,
)
from tests.fakes.unit_of_work import FakeUnitOfWork

MANAGER = UserId(1)


@pytest.fixture
def shop() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    with uow:
        uow.users.add(User(None, "Somchai", "manager", hash_pin("5678")))
        uow.users.add(User(None, "Malee", "cashier", hash_pin("1234")))
        uow.commit()
    return uow


def _factory(uow: FakeUnitOfWork):  # type: ignore[no-untyped-def]
    return lambda: uow


def _actions(uow: FakeUnitOfWork) -> list[tuple[str, int | None, str | None]]:
    return [(e.action.value, e.user_id, e.reference) for e in uow.committed.audit]


def test_a_manager_adds_a_cashier_who_can_log_in_and_it_is_audited(shop: FakeUnitOfWork) -> None:
    added = add_staff(
        _factory(shop), FakeClock(), by=MANAGER, name="  Noi   Sri ", role="cashier", pin="2468"
    )
    assert added.name == "Noi Sri" and added.role == "cashier" and added.active
    assert pin_matches(added.pin_hash, "2468") and "2468" not in added.pin_hash
    assert [u.name for u in list_staff(_factory(shop))] == ["Somchai", "Malee", "Noi Sri"]
    assert _actions(shop) == [("user_added", MANAGER, "Noi Sri")]
    assert shop.committed.audit[0].detail == {"user_id": added.user_id, "role": "cashier"}


@pytest.mark.parametrize(
    ("name", "role", "pin", "field"),
    [
        ("", "cashier", "2468", "name"),
        ("Malee", "cashier", "2468", "name"),  # taken
        ("Bad\x00Name", "cashier", "2468", "name"),
        ("x" * 101, "cashier", "2468", "name"),
        ("Noi", "owner", "2468", "role"),
        ("Noi", "cashier", "12", "PIN"),
        ("Noi", "cashier", "12a4", "PIN"),
        ("Noi", "cashier", "123456789", "PIN"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_changes(
    shop: FakeUnitOfWork, name: str, role: str, pin: str, field: str
) -> None:
    before = list(shop.committed.users)
    with pytest.raises(StaffError) as refused:
        add_staff(_factory(shop), FakeClock(), by=MANAGER, name=name, role=role, pin=pin)
    assert refused.value.field == field
    assert shop.committed.users == before and shop.committed.audit == []


def test_only_an_active_manager_changes_the_staff_list(shop: FakeUnitOfWork) -> None:
    with pytest.raises(StaffError) as refused:
        add_staff(_factory(shop), FakeClock(), by=UserId(2), name="Noi", role="cashier", pin="2468")
    assert refused.value.field == "manager"
    with pytest.raises(StaffError):
        reset_pin(_factory(shop), FakeClock(), by=UserId(2), user_id=UserId(2), pin="9999")
    assert len(shop.committed.users) == 2 and shop.committed.audit == []


def test_reset_pin_replaces_the_pin_and_forgets_wrong_tries(shop: FakeUnitOfWork) -> None:
    clock = FakeClock()
    for _ in range(5):
        with pytest.raises(PinRefusedError):
            change_own_pin(
                _factory(shop), clock, user_id=UserId(2), old_pin="0000", new_pin="2222", where="t"
            )
    with pytest.raises(PinLockedError):  # the right old PIN is refused while locked
        change_own_pin(
            _factory(shop), clock, user_id=UserId(2), old_pin="1234", new_pin="2222", where="t"
        )
    reset_pin(_factory(shop), clock, by=MANAGER, user_id=UserId(2), pin="4321")
    user = shop.committed.users[1]
    assert pin_matches(user.pin_hash, "4321") and not pin_matches(user.pin_hash, "1234")
    assert shop.committed.pin_lockouts == {}
    assert _actions(shop)[-1] == ("user_pin_reset", MANAGER, "Malee")


def test_change_own_pin_needs_the_old_pin(shop: FakeUnitOfWork) -> None:
    clock = FakeClock()
    with pytest.raises(PinRefusedError) as wrong:
        change_own_pin(
            _factory(shop), clock, user_id=UserId(2), old_pin="9999", new_pin="2222", where="t"
        )
    assert wrong.value.tries_left == 4
    assert pin_matches(shop.committed.users[1].pin_hash, "1234")
    with pytest.raises(StaffError) as bad_new:
        change_own_pin(
            _factory(shop), clock, user_id=UserId(2), old_pin="1234", new_pin="22", where="t"
        )
    assert bad_new.value.field == "new PIN"
    change_own_pin(
        _factory(shop), clock, user_id=UserId(2), old_pin="1234", new_pin="2222", where="t"
    )
    assert pin_matches(shop.committed.users[1].pin_hash, "2222")
    assert _actions(shop)[-1] == ("user_pin_changed", 2, "Malee")


def test_never_the_last_active_manager(shop: FakeUnitOfWork) -> None:
    clock = FakeClock()
    with pytest.raises(StaffError, match="last active manager") as refused:
        set_active(_factory(shop), clock, by=MANAGER, user_id=MANAGER, active=False)
    assert refused.value.field == "user" and shop.committed.users[0].active
    other = add_staff(_factory(shop), clock, by=MANAGER, name="Dao", role="manager", pin="1357")
    assert other.user_id is not None
    set_active(_factory(shop), clock, by=MANAGER, user_id=other.user_id, active=False)
    with pytest.raises(StaffError, match="already deactivated"):
        set_active(_factory(shop), clock, by=MANAGER, user_id=other.user_id, active=False)
    set_active(_factory(shop), clock, by=MANAGER, user_id=other.user_id, active=True)
    set_active(_factory(shop), clock, by=other.user_id, user_id=MANAGER, active=False)
    assert [u.active for u in shop.committed.users] == [False, True, True]
    assert [a for a, _, _ in _actions(shop)][-3:] == [
        "user_deactivated",
        "user_activated",
        "user_deactivated",
    ]


def test_first_manager_only_while_there_is_none() -> None:
    uow = FakeUnitOfWork()
    assert needs_first_manager(_factory(uow))
    first = add_first_manager(_factory(uow), FakeClock(), name="Boss", pin="8642")
    assert first.is_manager and not needs_first_manager(_factory(uow))
    event = uow.committed.audit[0]
    assert (event.action, event.user_id, event.detail["first"]) == (
        AuditAction.USER_ADDED,
        first.user_id,
        True,
    )
    with pytest.raises(StaffError) as refused:
        add_first_manager(_factory(uow), FakeClock(), name="Intruder", pin="1111")
    assert refused.value.field == "manager" and len(uow.committed.users) == 1


def test_a_counter_linked_to_a_head_office_refuses_local_changes(shop: FakeUnitOfWork) -> None:
    with shop:
        settings = shop.settings.load()
        sync = dataclasses.replace(settings.sync, hq_url="https://hq.example:8700")
        shop.settings.save(settings.replace(sync=sync))
        shop.commit()
    clock = FakeClock()
    with pytest.raises(StaffManagedAtHeadOfficeError):
        add_staff(_factory(shop), clock, by=MANAGER, name="Noi", role="cashier", pin="2468")
    with pytest.raises(StaffManagedAtHeadOfficeError):
        set_active(_factory(shop), clock, by=MANAGER, user_id=UserId(2), active=False)
    with pytest.raises(StaffManagedAtHeadOfficeError):
        change_own_pin(
            _factory(shop), clock, user_id=UserId(2), old_pin="1234", new_pin="2222", where="t"
        )
    assert len(shop.committed.users) == 2 and shop.committed.audit == []
