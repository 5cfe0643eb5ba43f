"""Who works the till: a user with a role and an Argon2id PIN hash."""

from __future__ import annotations

from dataclasses import dataclass

from pos.ids import UserId


@dataclass(frozen=True)
class User:
    """Someone who works the till; ``pin_hash`` is an Argon2id hash, never the PIN."""

    user_id: UserId | None
    name: str
    role: str  # "cashier" or "manager"
    pin_hash: str
    active: bool = True

    @property
    def is_manager(self) -> bool:
        return self.role == "manager"
