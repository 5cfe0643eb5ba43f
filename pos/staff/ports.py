"""The port of the staff list: users and their PIN hashes."""

from __future__ import annotations

from typing import Protocol

from pos.ids import UserId
from pos.staff.domain.users import User


class UserRepository(Protocol):
    def active_users(self) -> list[User]: ...
    def by_id(self, user_id: UserId) -> User | None: ...
    def add(self, user: User) -> User: ...
