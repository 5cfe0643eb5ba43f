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

Before any kind's own check, :meth:`KindRegistry.check` refuses what
PostgreSQL could never store, so that no such record reaches the database and
fails there: a device time outside 1970–9000 (``invalid_envelope``), text
with NUL or a lone surrogate in keys and values at any depth, and (with every
kind's number check) integers beyond 64 bits (``invalid_payload``); after it,
a payload whose ``terminal_id`` is not the sender's (``not_own``).  Every rejection names its field
(:attr:`pos.sync.wire.Rejection.field`, relative to the payload:
``lines[2].name_th``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
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
BIGINT_MIN, BIGINT_MAX = -(2**63), 2**63 - 1  # PostgreSQL's bigint, the widest column
# Device times a counter can have made: earlier or later is a broken clock or a forged record,
# and out near year 1 or 9999 an offset no longer converts to UTC (naive: ±a day of offset).
EARLIEST_TIME, LATEST_TIME = dt.datetime(1970, 1, 1), dt.datetime(9000, 1, 1)
# What PostgreSQL's text and jsonb cannot hold: NUL, and UTF-16 halves that UTF-8 cannot encode.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class PayloadError(ValueError):
    """A payload that its kind's validator refuses; the message names the field, and so does
    ``field`` (relative to the payload: ``lines[2].name_th``; "" for the payload as a whole)."""

    def __init__(self, message: str, field: str = "", reason: str = RejectReason.INVALID_PAYLOAD):
        super().__init__(message)
        self.field = field
        self.reason = reason


def printable(text: str) -> str:
    """``text`` with NUL and lone surrogates written as escapes: a rejection quotes keys and
    values, and its acknowledgement is stored (jsonb) and sent as UTF-8."""
    return UNSTORABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def field_of(path: str) -> str:
    """``payload.lines[2].name_th`` → ``lines[2].name_th`` (the wire's field is the payload's)."""
    return printable(path.removeprefix("payload").removeprefix("."))


def check_device_time(moment: dt.datetime, where: str) -> None:
    local = moment.replace(tzinfo=None)
    if not EARLIEST_TIME <= local < LATEST_TIME:
        raise PayloadError(
            f"{where}: {moment.isoformat()} is outside 1970–9000 (the counter's clock is wrong)",
            field_of(where),
        )


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
        """``None`` if the record can be stored (its envelope, its kind, its payload and its
        terminal), else why not."""
        handler = self.handlers.get(record.kind)
        if handler is None:
            known = ", ".join(sorted(self.handlers))
            detail = f"unknown kind {printable(repr(record.kind))} (this server takes: {known})"
            return Rejection(record.record_id, RejectReason.UNKNOWN_KIND, detail)
        try:
            check_device_time(record.device_time, "device_time")
        except PayloadError as error:
            return Rejection(
                record.record_id, RejectReason.INVALID_ENVELOPE, str(error), "device_time"
            )
        try:
            check_storable(record.payload, record.payload_json)
            handler.validate(record.payload)
            check_own(record)
        except PayloadError as error:
            return Rejection(record.record_id, error.reason, printable(str(error)), error.field)
        except Exception as error:  # a validator's bug is not the record's: send it again later
            detail = f"the head office could not check this record ({type(error).__name__})"
            return Rejection(record.record_id, RejectReason.SERVER_FAULT, detail)
        return None

    def project(self, uow: HqUnitOfWork, terminal: str, records: Sequence[IncomingRecord]) -> None:
        """Hand the newly accepted records to each kind's projection, if it has one."""
        for kind, handler in self.handlers.items():
            mine = [record for record in records if record.kind == kind]
            if mine and handler.project is not None:
                handler.project(uow, terminal, mine)


def check_own(record: IncomingRecord) -> None:
    """A payload naming a terminal names the sender's (the envelope's, which is the token's)."""
    named = record.payload.get("terminal_id", record.terminal)
    if named != record.terminal:
        raise PayloadError(
            f"payload.terminal_id is {printable(repr(named))}, but this token is terminal "
            f"{record.terminal!r}: a terminal sends only its own records",
            "terminal_id",
            RejectReason.NOT_OWN,
        )


def check_storable(payload: Mapping[str, Any], text: str | None = None) -> None:
    """Keys and text without NUL or lone surrogates, at any depth.  ``text``, the payload's
    canonical JSON if at hand, answers at once for nearly every payload: JSON writes NUL as
    ``\\u0000``, and a lone surrogate cannot be encoded as UTF-8."""
    if text is not None and "\\u0000" not in text and _encodes(text):
        return
    if not _plainly_storable(payload):
        _check_storable(payload, "payload", 0)


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _plainly_storable(payload: Mapping[str, Any]) -> bool:
    """One pass over plain JSON without paths; ``False`` means "look closer" (the slow walk
    decides and names the field)."""
    stack: list[Any] = [payload]
    while stack:
        value = stack.pop()
        items = value.items() if type(value) is dict else ((None, item) for item in value)
        for key, item in items:
            if key is not None and (type(key) is not str or UNSTORABLE.search(key)):
                return False
            kind = type(item)
            if kind is dict or kind is list:
                stack.append(item)
            elif kind is str and UNSTORABLE.search(item):
                return False
    return True


def _check_storable(value: Any, path: str, depth: int) -> None:
    if depth > _MAX_DEPTH:
        raise PayloadError(f"{path}: nested deeper than {_MAX_DEPTH} levels", field_of(path))
    if isinstance(value, Mapping):
        for key, item in value.items():
            where = f"{path}.{key}"
            if isinstance(key, str) and UNSTORABLE.search(key):
                message = f"{printable(where)}: a key with NUL or a lone surrogate"
                raise PayloadError(message, field_of(where))
            _check_storable(item, where, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_storable(item, f"{path}[{index}]", depth + 1)
    elif isinstance(value, str) and UNSTORABLE.search(value):
        raise PayloadError(
            f"{printable(path)}: text with NUL or a lone surrogate cannot be stored", field_of(path)
        )


def check_number_fields(payload: Mapping[str, Any]) -> None:
    """Money, quantities and percentages must be integers, at any depth (never 12.5 baht);
    no value may be NaN or ±Infinity (not JSON, though Python's parser takes them), and no
    integer anywhere beyond 64 bits (no column holds it).  Every kind's validator calls it."""
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
            elif (
                kind not in _JSON_SCALARS
                or (kind is float and not math.isfinite(item))
                or (kind is int and not BIGINT_MIN <= item <= BIGINT_MAX)
            ):
                return False
            if key is not None and (
                type(key) is not str
                or (kind is not int and item is not None and key.endswith(INTEGER_SUFFIXES))
            ):
                return False
    return True


def _check_value(value: Any, path: str, depth: int) -> None:
    if depth > _MAX_DEPTH:
        raise PayloadError(f"{path}: nested deeper than {_MAX_DEPTH} levels", field_of(path))
    if isinstance(value, Mapping):
        for key, item in value.items():
            where = f"{path}.{key}"
            if str(key).endswith(INTEGER_SUFFIXES) and not (item is None or _is_integer(item)):
                raise PayloadError(
                    f"{where} must be an integer or null, not {item!r}", field_of(where)
                )
            _check_value(item, where, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_value(item, f"{path}[{index}]", depth + 1)
    elif isinstance(value, float) and not math.isfinite(value):
        raise PayloadError(f"{path}: {value!r} is not a JSON number", field_of(path))
    elif _is_integer(value) and not BIGINT_MIN <= value <= BIGINT_MAX:
        raise PayloadError(f"{path}: {value} is beyond 64 bits", field_of(path))


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
        raise PayloadError(f"payload.action: unknown audit action {action!r}", "action")
    for name in _AUDIT_OPTIONAL_INTS:
        if payload.get(name) is not None and not _is_integer(payload[name]):
            raise PayloadError(f"payload.{name} must be an integer or null", name)
    reference = payload.get("reference")
    if reference is not None and not (isinstance(reference, str) and len(reference) <= 64):
        raise PayloadError(
            "payload.reference must be text of at most 64 characters, or null", "reference"
        )
    if not isinstance(payload.get("detail", {}), Mapping):
        raise PayloadError("payload.detail must be an object", "detail")


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
