"""The port of the staff list: users and their PIN hashes."""

from __future__ import annotations

from typing import Protocol

from pos.staff.domain.users import User


class UserRepository(Protocol):
    def active_users(self) -> list[User]: ...
    def by_id(self, user_id: int) -> User | None: ...
    def add(self, user: User) -> User: ...
