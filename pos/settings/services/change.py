"""Changing one setting by name, checked and recorded in the audit trail.

Used by ``otop-pos settings set KEY VALUE`` (e.g. the serial scanner's port).
The value is read as JSON when it parses (``5``, ``true``, ``[...]``), else
taken as text, then decoded by the setting's own codec, so a bad value is
refused with the key named and nothing is changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pos.audit import AuditAction, AuditEvent
from pos.clock import Clock, SystemClock
from pos.settings.domain.shop_settings import Settings, settings_from_items, settings_to_items
from pos.unit_of_work import UnitOfWork


def setting_items(uow_factory: Callable[[], UnitOfWork]) -> dict[str, Any]:
    """Every setting by name, as stored (JSON values)."""
    with uow_factory() as uow:
        return settings_to_items(uow.settings.load())


def change_setting(
    uow_factory: Callable[[], UnitOfWork],
    key: str,
    text: str,
    *,
    clock: Clock | None = None,
) -> Settings:
    """Set ``key`` to the value written in ``text``; raises ValueError naming the key."""
    try:
        value: Any = json.loads(text)
    except json.JSONDecodeError:
        value = text
    with uow_factory() as uow:
        items = settings_to_items(uow.settings.load())
        if key not in items:
            raise ValueError(f"there is no setting {key!r} (known: {', '.join(sorted(items))})")
        before = items[key]
        changed = settings_from_items({**items, key: value})
        uow.settings.save(changed)
        detail = {"key": key, "before": before, "after": settings_to_items(changed)[key]}
        moment = (clock or SystemClock()).now()
        uow.audit.record(AuditEvent(AuditAction.SETTINGS_CHANGED, moment, None, detail=detail))
        uow.commit()
        return changed
