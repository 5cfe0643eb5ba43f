"""Per-kind handling of records: payload validation and typed projections.

The protocol carries any kind in the same envelope (the kinds a counter sends
are :class:`pos.sync.wire.RecordKind`); what the head office does with a
payload is looked up here.  A :class:`KindHandler` has

* ``validate(payload)``: raise :class:`PayloadError` (the message names the
  field) to reject the record — it is reported in the acknowledgement and not
  stored;
* ``project(uow, terminal, records)`` (optional): called with the newly
  accepted records of the kind, in the same transaction as the batch, to fill
  typed tables (sales, lines, tenders) or reports.  If it raises, the whole
  batch is rolled back, so a projection can never disagree with the records.

Every payload follows one rule — money (``*_satang``), quantities
(``*_milli``) and percentages (``*_basis_points``) are integers (or null
where a figure does not exist, such as a tender nobody counted) — and each
kind has its own model (:mod:`hq.payloads`): sales, credit notes, tax
invoices, shifts and Z reports, checked and projected into the report tables
(:mod:`hq.store.projections`); audit events are checked against
:mod:`pos.audit`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hq.sync import IncomingRecord
from pos.audit import AuditAction
from pos.sync.wire import RecordKind, Rejection, RejectReason

if TYPE_CHECKING:
    from hq.ports import HqUnitOfWork

INTEGER_SUFFIXES = ("_satang", "_milli", "_basis_points")
_MAX_DEPTH = 8


class PayloadError(ValueError):
    """A payload that its kind's validator refuses; the message names the field."""


Validator = Callable[[Mapping[str, Any]], None]
Projection = Callable[["HqUnitOfWork", str, Sequence[IncomingRecord]], None]


@dataclass(frozen=True)
class KindHandler:
    validate: Validator
    project: Projection | None = None


@dataclass
class KindRegistry:
    handlers: dict[str, KindHandler] = field(default_factory=dict)

    def register(self, kind: str, handler: KindHandler) -> None:
        self.handlers[kind] = handler

    def check(self, record: IncomingRecord) -> Rejection | None:
        """``None`` if the record's kind is known and its payload valid, else why not."""
        handler = self.handlers.get(record.kind)
        if handler is None:
            known = ", ".join(sorted(self.handlers))
            detail = f"unknown kind {record.kind!r} (this server takes: {known})"
            return Rejection(record.record_id, RejectReason.UNKNOWN_KIND, detail)
        try:
            handler.validate(record.payload)
        except PayloadError as error:
            return Rejection(record.record_id, RejectReason.INVALID_PAYLOAD, str(error))
        return None

    def project(self, uow: HqUnitOfWork, terminal: str, records: Sequence[IncomingRecord]) -> None:
        """Hand the newly accepted records to each kind's projection, if it has one."""
        for kind, handler in self.handlers.items():
            mine = [record for record in records if record.kind == kind]
            if mine and handler.project is not None:
                handler.project(uow, terminal, mine)


def check_number_fields(payload: Mapping[str, Any]) -> None:
    """Money, quantities and percentages must be integers, at any depth (never 12.5 baht);
    and no value may be NaN or ±Infinity (not JSON, though Python's parser takes them)."""
    if not _plainly_valid(payload):  # the walk that names the field only when needed
        _check_value(payload, "payload", 0)


_JSON_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plainly_valid(payload: Any) -> bool:
    """The check of :func:`_check_value` for plain JSON (dicts, lists, scalars), without
    building a path for every value (a sale of 30 lines has thousands) and without a call per
    value.  ``False`` means "look closer": anything unusual is left to the slow walk, which
    decides and names the field."""
    stack: list[tuple[Any, int]] = [(payload, 0)]
    while stack:
        value, depth = stack.pop()
        if type(value) is dict:
            items: Any = value.items()
        elif type(value) is list:
            items = ((None, item) for item in value)
        else:
            return False
        if value and depth >= _MAX_DEPTH:
            return False
        for key, item in items:
            kind = type(item)
            if kind is dict or kind is list:
                stack.append((item, depth + 1))
            elif kind not in _JSON_SCALARS or (kind is float and not math.isfinite(item)):
                return False
            if key is not None and (
                type(key) is not str
                or (kind is not int and item is not None and key.endswith(INTEGER_SUFFIXES))
            ):
                return False
    return True


def _check_value(value: Any, path: str, depth: int) -> None:
    if depth > _MAX_DEPTH:
        raise PayloadError(f"{path}: nested deeper than {_MAX_DEPTH} levels")
    if isinstance(value, Mapping):
        for key, item in value.items():
            where = f"{path}.{key}"
            if str(key).endswith(INTEGER_SUFFIXES) and not (item is None or _is_integer(item)):
                raise PayloadError(f"{where} must be an integer or null, not {item!r}")
            _check_value(item, where, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_value(item, f"{path}[{index}]", depth + 1)
    elif isinstance(value, float) and not math.isfinite(value):
        raise PayloadError(f"{path}: {value!r} is not a JSON number")


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_AUDIT_OPTIONAL_INTS = ("user_id", "approved_by_user_id")


def validate_audit_event(payload: Mapping[str, Any]) -> None:
    """An audit event as :class:`pos.audit.AuditEvent` (its UUID is the record's, its time
    the device time): ``action``, ``user_id``, ``approved_by_user_id``, ``reference``, ``detail``.
    """
    check_number_fields(payload)
    action = payload.get("action")
    if action not in {a.value for a in AuditAction}:
        raise PayloadError(f"payload.action: unknown audit action {action!r}")
    for name in _AUDIT_OPTIONAL_INTS:
        if payload.get(name) is not None and not _is_integer(payload[name]):
            raise PayloadError(f"payload.{name} must be an integer or null")
    reference = payload.get("reference")
    if reference is not None and not (isinstance(reference, str) and len(reference) <= 64):
        raise PayloadError("payload.reference must be text of at most 64 characters, or null")
    if not isinstance(payload.get("detail", {}), Mapping):
        raise PayloadError("payload.detail must be an object")


def _projection(kind: str) -> Projection:
    def project(uow: HqUnitOfWork, terminal: str, records: Sequence[IncomingRecord]) -> None:
        uow.projections.project(kind, terminal, records)

    return project


def default_registry() -> KindRegistry:
    """The kinds this server takes: each payload checked (:mod:`hq.payloads`) and sales,
    credit notes, tax invoices, shifts and Z reports projected into the report tables."""
    from hq.payloads import CHECKS  # the payload models build on this module's rules

    registry = KindRegistry()
    for kind, check in CHECKS.items():
        registry.register(kind, KindHandler(check, _projection(kind)))
    registry.register(RecordKind.AUDIT_EVENT, KindHandler(validate_audit_event))
    return registry
