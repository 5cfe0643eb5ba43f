"""Changing one setting by name, checked by the schema and recorded in the audit trail.

Used by ``otop-pos settings set KEY VALUE`` (e.g. the serial scanner's port).
The value is read as JSON when it parses (``5``, ``true``, ``[...]``), else
taken as text (:func:`pos.settings.domain.schema.parse_value`), then checked
by the setting's rule and decoded by its codec, so a bad value is refused with
the key and the allowed range named, and nothing is changed.  A value that
would empty a list everything depends on (``schemes``: every co-pay scheme)
needs ``confirm_empty``.

The settings screen saves a page's values with :func:`save_settings`: JSON
values by key, each checked the same way, stored together, one audit record
per key that changed, with the manager's id.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pos.audit import AuditAction, AuditEvent
from pos.clock import Clock, SystemClock
from pos.ids import UserId
from pos.settings.domain.schema import SCHEMA, SettingError, is_empty, parse_value, spec_for
from pos.settings.domain.shop_settings import Settings, settings_to_items
from pos.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ShownSetting:
    """One setting as ``settings show`` prints it."""

    key: str
    value: Any  # as stored (JSON)
    description_en: str
    description_th: str
    allowed: str


def setting_items(uow_factory: Callable[[], UnitOfWork]) -> dict[str, Any]:
    """Every setting by name, as stored (JSON values)."""
    with uow_factory() as uow:
        return settings_to_items(uow.settings.load())


def described_settings(uow_factory: Callable[[], UnitOfWork]) -> list[ShownSetting]:
    """Every setting with its value, its description and its allowed range, in schema order."""
    items = setting_items(uow_factory)
    return [
        ShownSetting(s.key, items[s.key], s.description_en, s.description_th, s.allowed)
        for s in SCHEMA
    ]


def change_setting(
    uow_factory: Callable[[], UnitOfWork],
    key: str,
    text: str,
    *,
    clock: Clock | None = None,
    confirm_empty: bool = False,
) -> Settings:
    """Set ``key`` to the value written in ``text``; raises ValueError naming the key."""
    spec = spec_for(key)
    value = parse_value(key, text)
    decoded = spec.decode(value)  # first: {} for a list is refused as invalid, confirmed or not
    if spec.empty_needs_confirm and is_empty(value) and not confirm_empty:
        raise SettingError(
            key,
            "an empty value removes every entry (every co-pay scheme);"
            " add --confirm-empty if that is really meant",
            spec.allowed,
        )
    with uow_factory() as uow:
        current = uow.settings.load()
        before = settings_to_items(current)[key]
        changed = current.replace(**{key: decoded})
        uow.settings.save(changed)
        detail = {"key": key, "before": before, "after": settings_to_items(changed)[key]}
        moment = (clock or SystemClock()).now()
        uow.audit.record(AuditEvent(AuditAction.SETTINGS_CHANGED, moment, None, detail=detail))
        uow.commit()
        return changed


def save_settings(
    uow_factory: Callable[[], UnitOfWork],
    values: Mapping[str, Any],
    *,
    user_id: UserId | None,
    clock: Clock | None = None,
    confirm_empty: bool = False,
) -> Settings:
    """Set several settings at once from JSON values (a settings page's save), audited by user.

    Each value is checked by its key's rule first; the first one refused raises
    :class:`SettingError` naming its key, and nothing is stored.  One audit event
    per key whose value changed, with the manager's id.
    """
    decoded = {key: spec_for(key).decode(value) for key, value in values.items()}
    for key, value in values.items():
        if spec_for(key).empty_needs_confirm and is_empty(value) and not confirm_empty:
            raise SettingError(key, "an empty value removes every entry", spec_for(key).allowed)
    with uow_factory() as uow:
        current = uow.settings.load()
        changed = current.replace(**decoded)
        before, after = settings_to_items(current), settings_to_items(changed)
        uow.settings.save(changed)
        moment = (clock or SystemClock()).now()
        for key in values:
            if before[key] != after[key]:
                detail = {"key": key, "before": before[key], "after": after[key]}
                event = AuditEvent(AuditAction.SETTINGS_CHANGED, moment, user_id, detail=detail)
                uow.audit.record(event)
        uow.commit()
        return changed
