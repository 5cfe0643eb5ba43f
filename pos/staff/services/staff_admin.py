"""Staff at the counter: a manager adds users, resets PINs, deactivates and re-activates them;
anyone changes their own PIN by giving the old one first (issue 13).

Every change is one transaction with its audit record, which names who did it
(``user_id``: the manager, or the user changing their own PIN) and whom it
concerns (``reference``: the name; ``detail``: the id and what changed).  A PIN
follows the rules of :func:`pos.staff.services.pins.validate_pin` and is only
ever stored as its Argon2id hash; it is hashed before the transaction starts,
so the write lock is held for milliseconds, not the hash's 0.1 s.

Refusals are :class:`StaffError`, naming the field (``name``, ``role``,
``PIN``, ``new PIN``, ``user``, ``manager``); nothing is changed then.  A wrong
old PIN is :class:`pos.staff.services.pin_check.PinRefusedError` (or
``PinLockedError``): it goes through :func:`pos.staff.services.pin_check.check_pin`,
so it counts towards the shared lock-out like a wrong PIN anywhere else.

Who owns the staff list (docs/DECISIONS.md, "Staff at the counter"): a counter
linked to a head office (``Settings.sync.hq_url`` set) takes its users from
there and refuses local changes with :data:`HEAD_OFFICE_MESSAGE`.  No user is
ever deleted: sales, shifts and the audit trail point at users, so leaving
is deactivation, which keeps the history whole.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from pos.audit import AuditAction, AuditEvent
from pos.clock import Clock
from pos.ids import UserId
from pos.staff.domain.lockout import CLEAR
from pos.staff.domain.users import User
from pos.staff.services.pin_check import check_pin, pin_subject
from pos.staff.services.pins import ROLES, PinError, hash_pin, validate_pin
from pos.text import TextKind, text_problem
from pos.unit_of_work import UnitOfWork

NAME_LENGTH = 100  # the store's column
HEAD_OFFICE_MESSAGE = "staff are managed at the head office"


class StaffError(ValueError):
    """A change to the staff list that was refused; ``field`` names what was wrong."""

    def __init__(self, field: str, reason: str, code: str, subject: str = ""):
        super().__init__(f"{field}: {reason}")
        self.field, self.reason = field, reason
        # which refusal (for a screen to say in its language) and the name it is about
        self.code, self.subject = code, subject


class StaffManagedAtHeadOfficeError(StaffError):
    """The counter is linked to a head office, whose staff list wins."""

    def __init__(self) -> None:
        super().__init__("head office", HEAD_OFFICE_MESSAGE, "head_office")


UowFactory = Callable[[], UnitOfWork]


# --- reading --------------------------------------------------------------------------------
def list_staff(uow_factory: UowFactory) -> list[User]:
    """Every user, active or not, in the order they were added."""
    with uow_factory() as uow:
        return uow.users.all_users()


def managed_here(uow_factory: UowFactory) -> bool:
    """Whether staff are kept at this counter (no head office linked)."""
    with uow_factory() as uow:
        return not uow.settings.load().sync.hq_url


def needs_first_manager(uow_factory: UowFactory) -> bool:
    """A new shop: no active manager yet, so the first one may be added without a PIN."""
    with uow_factory() as uow:
        return not any(user.is_manager for user in uow.users.active_users())


# --- checking what was typed ----------------------------------------------------------------
def checked_name(name: str) -> str:
    """The name with its spaces tidied, or :class:`StaffError` naming the field ``name``."""
    tidy = " ".join(name.split())
    if not tidy:
        raise StaffError("name", "a user needs a name", "name_empty")
    problem = text_problem(tidy, TextKind.NAME)
    if problem is not None:
        raise StaffError("name", problem.message_en(), "name_text")
    if len(tidy) > NAME_LENGTH:
        raise StaffError("name", f"at most {NAME_LENGTH} characters", "name_long")
    return tidy


def checked_role(role: str) -> str:
    if role not in ROLES:
        raise StaffError("role", f"one of {', '.join(ROLES)}, not {role!r}", "role")
    return role


def hashed_pin(pin: str, field: str = "PIN") -> str:
    """The Argon2id hash of a PIN that follows the rules, else :class:`StaffError`."""
    try:
        return hash_pin(validate_pin(pin))
    except PinError as error:
        raise StaffError(field, str(error), "pin_rule") from None


# --- a manager's changes --------------------------------------------------------------------
def add_staff(
    uow_factory: UowFactory, clock: Clock, *, by: UserId, name: str, role: str, pin: str
) -> User:
    """Add a cashier or a manager (``by``: the active manager doing it)."""
    name, role = checked_name(name), checked_role(role)
    pin_hash = hashed_pin(pin)
    with uow_factory() as uow:
        _require_managed_here(uow)
        _manager(uow, by)
        added = _add(uow, name, role, pin_hash)
        uow.audit.record(_event(AuditAction.USER_ADDED, clock, by, added, role=role))
        uow.commit()
        return added


def add_first_manager(uow_factory: UowFactory, clock: Clock, *, name: str, pin: str) -> User:
    """The shop's first manager: allowed only while there is no active manager."""
    name, pin_hash = checked_name(name), hashed_pin(pin)
    with uow_factory() as uow:
        _require_managed_here(uow)
        if any(user.is_manager for user in uow.users.active_users()):
            raise StaffError(
                "manager", "there is already a manager: ask them to add you", "has_manager"
            )
        added = _add(uow, name, "manager", pin_hash)
        event = _event(AuditAction.USER_ADDED, clock, added.user_id, added, role="manager")
        uow.audit.record(dataclasses.replace(event, detail={**event.detail, "first": True}))
        uow.commit()
        return added


def reset_pin(
    uow_factory: UowFactory, clock: Clock, *, by: UserId, user_id: UserId, pin: str
) -> User:
    """A manager gives a user a new PIN; the user's wrong tries are forgotten."""
    pin_hash = hashed_pin(pin)
    with uow_factory() as uow:
        _require_managed_here(uow)
        _manager(uow, by)
        user = dataclasses.replace(_user(uow, user_id), pin_hash=pin_hash)
        uow.users.update(user)
        uow.pin_lockouts.save(pin_subject(user_id), CLEAR)
        uow.audit.record(_event(AuditAction.USER_PIN_RESET, clock, by, user))
        uow.commit()
        return user


def set_active(
    uow_factory: UowFactory, clock: Clock, *, by: UserId, user_id: UserId, active: bool
) -> User:
    """Deactivate or re-activate a user; never the last active manager."""
    with uow_factory() as uow:
        _require_managed_here(uow)
        _manager(uow, by)
        user = _user(uow, user_id)
        if user.active == active:
            state = "active" if active else "deactivated"
            raise StaffError("user", f"{user.name} is already {state}", "already", user.name)
        if not active and user.is_manager and _active_managers(uow) == [user.user_id]:
            raise StaffError(
                "user",
                f"{user.name} is the last active manager: add another manager first",
                "last_manager",
                user.name,
            )
        user = dataclasses.replace(user, active=active)
        uow.users.update(user)
        action = AuditAction.USER_ACTIVATED if active else AuditAction.USER_DEACTIVATED
        uow.audit.record(_event(action, clock, by, user))
        uow.commit()
        return user


# --- anyone's own PIN -----------------------------------------------------------------------
def change_own_pin(
    uow_factory: UowFactory,
    clock: Clock,
    *,
    user_id: UserId,
    old_pin: str,
    new_pin: str,
    where: str,
) -> User:
    """The user's new PIN, once the old one is right (wrong ones count towards the lock-out)."""
    pin_hash = hashed_pin(new_pin, "new PIN")
    if not managed_here(uow_factory):
        raise StaffManagedAtHeadOfficeError()
    user = check_pin(uow_factory, clock, user_id, old_pin, where=where, purpose="pin_change")
    if new_pin == old_pin:
        raise StaffError("new PIN", "the new PIN is the old one: choose another", "same_pin")
    with uow_factory() as uow:
        user = _user(uow, user_id)
        if not user.active:  # deactivated since the old PIN was checked
            raise StaffError("user", f"{user.name} is deactivated", "no_user", user.name)
        user = dataclasses.replace(user, pin_hash=pin_hash)
        uow.users.update(user)
        uow.audit.record(_event(AuditAction.USER_PIN_CHANGED, clock, user_id, user))
        uow.commit()
        return user


# --- inside a unit of work ------------------------------------------------------------------
def _require_managed_here(uow: UnitOfWork) -> None:
    if uow.settings.load().sync.hq_url:
        raise StaffManagedAtHeadOfficeError()


def _manager(uow: UnitOfWork, user_id: UserId) -> User:
    manager = uow.users.by_id(user_id)
    if manager is None or not manager.active or not manager.is_manager:
        raise StaffError("manager", "only an active manager changes the staff list", "not_manager")
    return manager


def _user(uow: UnitOfWork, user_id: UserId) -> User:
    user = uow.users.by_id(user_id)
    if user is None:
        raise StaffError("user", f"there is no user {user_id}", "no_user")
    return user


def _add(uow: UnitOfWork, name: str, role: str, pin_hash: str) -> User:
    if uow.users.by_name(name) is not None:
        raise StaffError("name", f"there is already a user {name!r}", "name_taken", name)
    return uow.users.add(User(None, name, role, pin_hash))


def _active_managers(uow: UnitOfWork) -> list[UserId | None]:
    return [user.user_id for user in uow.users.active_users() if user.is_manager]


def _event(
    action: AuditAction, clock: Clock, by: UserId | None, user: User, **detail: Any
) -> AuditEvent:
    """The audit record: ``by`` did it, to ``user`` (named, so the trail reads without a join)."""
    return AuditEvent(
        action,
        clock.now(),
        by,
        reference=user.name,
        detail={"user_id": user.user_id, **detail},
    )
