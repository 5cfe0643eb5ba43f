"""The counter↔head-office wire protocol (docs/SYNC.md), written once for both sides.

The counter (:mod:`pos.sync`, :mod:`pos.adapters.hq_http`) and the head office
(:mod:`hq`) import these names; neither writes its own copy.  Here are the
paths and headers, the limits, the record kinds a batch may carry and the
reasons a record is refused, the acknowledgement (the answer to a batch), the
error body, and the change feed: its entities, their natural keys and data,
and the cursor a counter follows.

Pure data and functions: no I/O, no HTTP library, no database.  Each answer
has a ``to_json`` (what the head office writes) and a ``from_json`` (what the
counter reads), so the two are one another's inverse and a test can hold them
to it; ``from_json`` raises :class:`WireFormatError` for an answer that is not
the protocol's.  Payload schemas per kind are not here: the counter builds them
(:mod:`pos.sync.domain.records`) and the head office checks them
(:mod:`hq.payloads`).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NotRequired, Protocol, TypedDict

from pos.catalogue.domain.products import ProducerGroup, Product
from pos.ids import SyncBatchId
from pos.staff.domain.users import User

# --- version, paths, headers ---------------------------------------------------------------
API_VERSION = "v1"
TERMINAL_PATH = f"/{API_VERSION}/terminal"
BATCHES_PATH = f"/{API_VERSION}/batches"
CHANGES_PATH = f"/{API_VERSION}/catalogue/changes"
NUMBERS_PATH = f"{TERMINAL_PATH}/numbers"  # GET: the terminal's last numbers (re-provisioning)

AUTHORIZATION_HEADER = "Authorization"  # "Bearer <token>" on every request
TOKEN_PREFIX = "otop_"  # a terminal's token; the rest is random (hq.tokens)
REPLAY_HEADER = "Idempotent-Replay"  # on the answer to a batch the head office had already
REPLAY_VALUE = "true"

# --- limits -------------------------------------------------------------------------------
MAX_RECORDS_PER_BATCH = 1000
DEFAULT_BATCH_SIZE = 500  # what the counter sends; "~500 is a good size"
MAX_BODY_BYTES = 32 * 1024 * 1024  # a full batch is ~2 MB: larger is a mistake (413)
MAX_KIND_LENGTH = 32
MAX_TERMINAL_LENGTH = 32  # a terminal's name: 1 to 32 of A-Z a-z 0-9 . _ -
MAX_CHANGES_PAGE = 5000  # the largest ``limit`` of a changes request
DEFAULT_CHANGES_PAGE = 500  # the head office's default ``limit``, and what the counter asks
# Statuses that refuse a whole batch (nothing stored; the body is an ErrorJson): the
# counter stops uploading and shows the detail.  401 is the token; 5xx are "try again".
BATCH_REFUSED_STATUSES = (403, 409, 413, 422)


class WireFormatError(ValueError):
    """An answer that is not the protocol's (a field missing or of the wrong type)."""


# --- upload: records, batches -------------------------------------------------------------
class RecordKind(enum.StrEnum):
    """What a counter sends; each kind has its payload schema (built in
    :mod:`pos.sync.domain.records`, checked in :mod:`hq.payloads` and :mod:`hq.kinds`)."""

    SALE = "sale"
    CREDIT_NOTE = "credit_note"
    TAX_INVOICE = "tax_invoice"
    SHIFT = "shift"
    Z_REPORT = "z_report"
    AUDIT_EVENT = "audit_event"


RECORD_KINDS = tuple(kind.value for kind in RecordKind)


class RejectReason(enum.StrEnum):
    """Why the head office refused one record (the rest of the batch is stored)."""

    CONFLICT = "conflict"  # the UUID is stored with different content
    INVALID_PAYLOAD = "invalid_payload"  # the kind's validator refused the payload
    UNKNOWN_KIND = "unknown_kind"  # this server does not know the kind (yet)
    INVALID_ENVELOPE = "invalid_envelope"  # record id, kind, terminal or device time malformed
    NOT_OWN = "not_own"  # the payload names a terminal other than the token's
    NUMBER_REUSED = "number_reused"  # the terminal stored another record with that number
    ID_REUSED = "id_reused"  # an id inside the payload (a sale line's) is another record's
    SERVER_FAULT = "server_fault"  # an unexpected error storing this record alone


# Refusals that say nothing about the record itself: the counter keeps such a record
# waiting and sends it again in a later run; every other reason sets it aside for a person.
RESENDABLE_REASONS = frozenset({RejectReason.SERVER_FAULT})


class OutgoingRecord(Protocol):
    """A record as the counter sends it: its payload is JSON text, frozen when it was made."""

    @property
    def record_id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def device_time_utc(self) -> str: ...  # ISO 8601 with its offset (the counter writes Z)
    @property
    def payload_json(self) -> str: ...


def envelope_json(record: OutgoingRecord, terminal: str) -> str:
    """The record's envelope; the payload text goes in unchanged (no decode, no re-encode)."""
    head = json.dumps(
        {
            "record_id": record.record_id,
            "kind": record.kind,
            "terminal": terminal,
            "device_time": record.device_time_utc,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return f'{head[:-1]},"payload":{record.payload_json}}}'


def batch_body(batch_id: SyncBatchId, terminal: str, records: Sequence[OutgoingRecord]) -> bytes:
    """``POST /v1/batches`` body for the batch (records in the order they were queued)."""
    envelopes = ",".join(envelope_json(record, terminal) for record in records)
    return f'{{"batch_id":"{batch_id}","records":[{envelopes}]}}'.encode()


# --- the answer to a batch -----------------------------------------------------------------
class RejectionJson(TypedDict):
    record_id: str
    reason: str  # a RejectReason value
    detail: str
    field: NotRequired[str]  # the payload's field at fault ("lines[2].name_th"), if one is


class AcknowledgementJson(TypedDict):
    batch_id: str
    terminal: str
    received_at: str  # the head office's clock, ISO 8601 with offset
    accepted: list[str]
    duplicates: list[str]
    rejected: list[RejectionJson]


def _rejection_json(rejection: Rejection) -> RejectionJson:
    answer: RejectionJson = {
        "record_id": str(rejection.record_id),
        "reason": str(rejection.reason),
        "detail": rejection.detail,
    }
    if rejection.field:
        answer["field"] = rejection.field
    return answer


class ErrorJson(TypedDict):
    """The body of every error but FastAPI's own 422 (whose ``detail`` is a list)."""

    detail: str
    record_ids: list[str]  # the records at fault, if any


@dataclass(frozen=True)
class Rejection:
    record_id: uuid.UUID
    reason: str  # a RejectReason value; the counter keeps one it does not know as text
    detail: str
    field: str = ""  # the field at fault, "" when the record as a whole is


@dataclass(frozen=True)
class Acknowledgement:
    """The answer to a batch: every record is in exactly one of the three lists.

    ``accepted`` and ``duplicates`` are stored at the head office (the counter marks
    them sent); ``rejected`` ones are not (the counter sets them aside for a person).
    ``replayed`` is not in the body: it is the :data:`REPLAY_HEADER` of the answer.
    """

    batch_id: SyncBatchId
    terminal: str
    received_at: dt.datetime
    accepted: tuple[uuid.UUID, ...]
    duplicates: tuple[uuid.UUID, ...]
    rejected: tuple[Rejection, ...]
    replayed: bool = False

    def to_json(self) -> AcknowledgementJson:
        return {
            "batch_id": str(self.batch_id),
            "terminal": self.terminal,
            "received_at": self.received_at.isoformat(),
            "accepted": [str(record_id) for record_id in self.accepted],
            "duplicates": [str(record_id) for record_id in self.duplicates],
            "rejected": [_rejection_json(r) for r in self.rejected],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], *, replayed: bool = False) -> Acknowledgement:
        try:
            return cls(
                batch_id=SyncBatchId(uuid.UUID(data["batch_id"])),
                terminal=str(data["terminal"]),
                received_at=dt.datetime.fromisoformat(data["received_at"]),
                accepted=tuple(uuid.UUID(value) for value in data["accepted"]),
                duplicates=tuple(uuid.UUID(value) for value in data["duplicates"]),
                rejected=tuple(
                    Rejection(
                        uuid.UUID(r["record_id"]),
                        str(r["reason"]),
                        str(r["detail"]),
                        str(r.get("field", "")),
                    )
                    for r in data["rejected"]
                ),
                replayed=replayed,
            )
        except (KeyError, TypeError, ValueError) as error:
            raise WireFormatError(str(error)) from None

    def covers(self, batch_id: SyncBatchId, record_ids: Sequence[str]) -> bool:
        """Whether it answers that batch, naming every record sent once and nothing else."""
        named = [str(i) for i in (*self.accepted, *self.duplicates)]
        named += [str(r.record_id) for r in self.rejected]
        return self.batch_id == batch_id and sorted(named) == sorted(record_ids)


# --- who am I -------------------------------------------------------------------------------
class TerminalJson(TypedDict):
    terminal: str
    server_time: str


@dataclass(frozen=True)
class TerminalInfo:
    """``GET /v1/terminal``: the token's terminal, and the server's clock to compare with."""

    terminal: str
    server_time: dt.datetime

    def to_json(self) -> TerminalJson:
        return {"terminal": self.terminal, "server_time": self.server_time.isoformat()}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TerminalInfo:
        try:
            return cls(str(data["terminal"]), dt.datetime.fromisoformat(data["server_time"]))
        except (KeyError, TypeError, ValueError) as error:
            raise WireFormatError(str(error)) from None


NUMBER_SEQUENCES = ("receipt", "credit_note", "tax_invoice", "z_report", "shift")


class TerminalNumbersJson(TypedDict):
    terminal: str
    last: dict[str, int]  # each of NUMBER_SEQUENCES: the highest serial stored, 0 for none


@dataclass(frozen=True)
class TerminalNumbers:
    """``GET /v1/terminal/numbers``: the last serial of each of the terminal's sequences
    that the head office holds, so that a replaced counter (a new store, the same terminal)
    goes on from there instead of starting again at 1 (``otop-pos sync configure``)."""

    terminal: str
    last: Mapping[str, int]

    def to_json(self) -> TerminalNumbersJson:
        return {
            "terminal": self.terminal,
            "last": {name: int(self.last.get(name, 0)) for name in NUMBER_SEQUENCES},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TerminalNumbers:
        try:
            last = data["last"]
            numbers = {name: last.get(name, 0) for name in NUMBER_SEQUENCES}
            if not all(type(n) is int and n >= 0 for n in numbers.values()):
                raise ValueError(f"serials must be whole numbers from 0: {numbers}")
            return cls(str(data["terminal"]), numbers)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise WireFormatError(str(error)) from None


# --- download: the change feed ---------------------------------------------------------------
class ChangeEntity(enum.StrEnum):
    """What the head office owns and counters take: each change is its full new state."""

    PRODUCER = "producer"
    PRODUCT = "product"
    USER = "user"


# The natural key of each entity (the counter's own): a change's ``key`` is its data's value
# of this field, and applying it is an upsert by it.
ENTITY_KEYS: Mapping[ChangeEntity, str] = {
    ChangeEntity.PRODUCER: "name_th",
    ChangeEntity.PRODUCT: "sku",
    ChangeEntity.USER: "name",
}


class ChangeJson(TypedDict):
    seq: int
    entity: str
    key: str
    changed_at: str
    data: dict[str, Any]


class ChangePageJson(TypedDict):
    changes: list[ChangeJson]
    next_cursor: int
    has_more: bool


@dataclass(frozen=True)
class CatalogueChange:
    """One change; ``changed_at`` is the head office's commit time (counters order by
    ``seq``, never by time, and do not read it)."""

    seq: int
    entity: ChangeEntity
    key: str
    data: dict[str, Any]
    changed_at: dt.datetime | None = None


@dataclass(frozen=True)
class ChangePage:
    """Changes after a cursor, oldest first.  Cursor rules: the cursor is the last ``seq``
    applied (0 at first); ``seq`` grows but has gaps, so ``next_cursor`` is the only next
    cursor (never ``cursor + 1``); a page and its ``next_cursor`` are applied in one
    transaction; ask again while ``has_more``."""

    changes: tuple[CatalogueChange, ...]
    next_cursor: int
    has_more: bool

    def to_json(self) -> ChangePageJson:
        return {
            "changes": [_change_json(change) for change in self.changes],
            "next_cursor": self.next_cursor,
            "has_more": self.has_more,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ChangePage:
        try:
            changes = tuple(
                CatalogueChange(
                    int(c["seq"]), ChangeEntity(c["entity"]), str(c["key"]), dict(c["data"])
                )
                for c in data["changes"]
            )
            return cls(changes, int(data["next_cursor"]), bool(data["has_more"]))
        except (KeyError, TypeError, ValueError) as error:
            raise WireFormatError(str(error)) from None


def _change_json(change: CatalogueChange) -> ChangeJson:
    if change.changed_at is None:
        raise ValueError(f"change {change.seq} has no changed_at: the head office stamps each")
    return {
        "seq": change.seq,
        "entity": change.entity.value,
        "key": change.key,
        "changed_at": change.changed_at.isoformat(),
        "data": change.data,
    }


def producer_change(producer: ProducerGroup) -> tuple[str, dict[str, Any]]:
    """A producer group's key and data, as the feed carries it."""
    return producer.name_th, {
        "name_th": producer.name_th,
        "name_en": producer.name_en,
        "district": producer.district,
        "vat_registered": producer.vat_registered,
        "tax_id": producer.tax_id,
        "branch": producer.branch,
    }


def product_change(product: Product, plu: int | None) -> tuple[str, dict[str, Any]]:
    """A product without its stock (the counter owns stock); its producer by Thai name."""
    return product.sku, {
        "sku": product.sku,
        "barcode": product.barcode,
        "plu": plu,
        "name_th": product.name_th,
        "name_en": product.name_en,
        "category": product.category.value,
        "producer": product.producer.name_th,
        "unit_price_satang": product.unit_price_satang,
        "unit": product.unit.value,
        "sold_by_weight": product.sold_by_weight,
        "vat_applicable": product.vat_applicable,
        "otop_stars": product.otop_stars,
    }


def user_change(user: User) -> tuple[str, dict[str, Any]]:
    """A user with the Argon2id hash of the PIN, so a counter can check PINs offline."""
    return user.name, {
        "name": user.name,
        "role": user.role,
        "pin_hash": user.pin_hash,
        "active": user.active,
    }
