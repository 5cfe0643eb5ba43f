"""The ports of staff: the staff list (users and their PIN hashes) and the PIN lock-out state."""

from __future__ import annotations

from typing import Protocol

from pos.ids import UserId
from pos.staff.domain.lockout import Attempts
from pos.staff.domain.users import User


class UserRepository(Protocol):
    def active_users(self) -> list[User]: ...
    def by_id(self, user_id: UserId) -> User | None: ...
    def add(self, user: User) -> User: ...


class StaffRepository(UserRepository, Protocol):
    """The counter's staff list as a manager keeps it (:mod:`pos.staff.services.staff_admin`)."""

    def all_users(self) -> list[User]:
        """Every user, active or not, in the order they were added."""
        ...

    def by_name(self, name: str) -> User | None: ...

    def update(self, user: User) -> None:
        """Store the user's role, PIN hash and whether active (the name and id stay)."""
        ...


class PinLockoutRepository(Protocol):
    """Wrong PINs per subject (``user:7``), kept in the store so every process shares them."""

    def get(self, subject: str) -> Attempts:
        """The subject's state; :data:`pos.staff.domain.lockout.CLEAR` when nothing is kept."""
        ...

    def save(self, subject: str, state: Attempts) -> None:
        """Keep the state (saving ``CLEAR`` forgets the subject)."""
        ...
