"""The audit trail: who did what, when, and who approved it.

Auditors expect a record for voids, returns, discounts, price overrides and
opening the drawer without a sale, with the approving manager where one was
needed.  Events are only ever appended (the repository has no update or
delete), and each carries a UUID so the head office stores it once.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from dataclasses import dataclass, field
from typing import Any

from pos.ids import UserId


class AuditAction(enum.StrEnum):
    LOGIN = "login"
    LOGOUT = "logout"
    LOGIN_FAILED = "login_failed"  # a wrong PIN (log-in or approval, app or command line)
    PIN_REFUSED = "pin_refused"  # a PIN not even checked: the user is locked out
    LINE_DISCOUNT = "line_discount"
    ORDER_DISCOUNT = "order_discount"
    PRICE_OVERRIDE = "price_override"
    LINE_REMOVED = "line_removed"
    CART_HELD = "cart_held"
    CART_RECALLED = "cart_recalled"
    CART_CLEARED = "cart_cleared"
    SALE_VOIDED = "sale_voided"
    RETURN = "return"
    DRAWER_OPENED = "drawer_opened_no_sale"
    CASH_IN = "cash_in"
    CASH_OUT = "cash_out"
    SHIFT_OPENED = "shift_opened"
    SHIFT_CLOSED = "shift_closed"
    SHIFT_DIFFERENCE_APPROVED = "shift_difference_approved"
    DAY_CLOSED = "day_closed"  # the Z report
    SETTINGS_CHANGED = "settings_changed"
    DOCUMENT_REPRINTED = "document_reprinted"  # a copy of a receipt, tax invoice or credit note
    # the staff list kept at the counter (issue 13: pos/staff/services/staff_admin.py)
    USER_ADDED = "user_added"
    USER_PIN_RESET = "user_pin_reset"  # by a manager
    USER_PIN_CHANGED = "user_pin_changed"  # by the user, who gave the old PIN first
    USER_DEACTIVATED = "user_deactivated"
    USER_ACTIVATED = "user_activated"


@dataclass(frozen=True)
class AuditEvent:
    """One thing that happened at the till.  ``detail`` is small JSON-able data."""

    action: AuditAction
    at: dt.datetime
    user_id: UserId | None
    approved_by_user_id: UserId | None = None
    reference: str | None = None  # e.g. a receipt number or a SKU
    detail: dict[str, Any] = field(default_factory=dict)
    event_id: uuid.UUID = field(default_factory=uuid.uuid4)
