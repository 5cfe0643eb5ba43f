"""The port of the shop's settings: load and save the whole :class:`Settings`."""

from __future__ import annotations

from typing import Protocol

from pos.settings.domain.shop_settings import Settings


class SettingsRepository(Protocol):
    def load(self) -> Settings: ...
    def save(self, settings: Settings) -> None: ...
