"""The counter's side of the sync protocol (docs/SYNC.md), as plain data and pure functions.

Upload: queued records (:class:`QueuedRecord`, payload already frozen as
JSON text) go out in batches; the head office answers with an
:class:`Acknowledgement` that puts every record of the batch in exactly one
of ``accepted``, ``duplicates`` or ``rejected``.  Download: catalogue changes
come in :class:`ChangePage` s by cursor.  The errors say what the sync must do:
:class:`UnreachableError` — try the same batch again later (back-off);
:class:`TokenRefusedError` — stop, a person must fix the token; :class:`BatchRefusedError`
— stop uploading, the head office refused the whole batch (a bug to report).

The counter never imports the head office's code: this module is its own
reading of the protocol, and the tests run both against each other.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import random
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

MAX_RECORDS_PER_BATCH = 1000
DEFAULT_BATCH_SIZE = 500
# Batches on their way at once once the line has proved itself (pos.sync.services.sync_run):
# the head office stores one while it reads the next, ~1.3x a month's backlog on two cores (bench/).
DEFAULT_IN_FLIGHT = 2
DEFAULT_PAGE_SIZE = 500


@dataclass(frozen=True)
class QueuedRecord:
    """An outbox row as it is sent: its payload is the JSON text stored when it was made."""

    record_id: str
    kind: str
    device_time_utc: str  # 2026-11-24T13:15:03.123456Z: ISO 8601, the Z is its offset
    payload_json: str

    def envelope_json(self, terminal: str) -> str:
        """The record's envelope; the payload text goes in unchanged (no decode, no re-encode)."""
        head = json.dumps(
            {
                "record_id": self.record_id,
                "kind": self.kind,
                "terminal": terminal,
                "device_time": self.device_time_utc,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return f'{head[:-1]},"payload":{self.payload_json}}}'


def batch_body(batch_id: uuid.UUID, terminal: str, records: Sequence[QueuedRecord]) -> bytes:
    """``POST /v1/batches`` body for the batch (records in the order they were queued)."""
    envelopes = ",".join(record.envelope_json(terminal) for record in records)
    return f'{{"batch_id":"{batch_id}","records":[{envelopes}]}}'.encode()


@dataclass(frozen=True)
class OpenBatch:
    """A batch assigned and stored but not acknowledged yet: it is sent again as it is."""

    batch_id: uuid.UUID
    record_count: int
    attempts: int
    last_error: str


@dataclass(frozen=True)
class Rejection:
    record_id: uuid.UUID
    reason: str  # conflict | invalid_payload | unknown_kind
    detail: str


@dataclass(frozen=True)
class Acknowledgement:
    batch_id: uuid.UUID
    terminal: str
    received_at: dt.datetime  # the head office's clock
    accepted: tuple[uuid.UUID, ...]
    duplicates: tuple[uuid.UUID, ...]
    rejected: tuple[Rejection, ...]
    replayed: bool = False  # the head office had this batch already (Idempotent-Replay)

    @classmethod
    def from_json(cls, data: Mapping[str, Any], *, replayed: bool = False) -> Acknowledgement:
        try:
            received_at = dt.datetime.fromisoformat(data["received_at"])
            return cls(
                batch_id=uuid.UUID(data["batch_id"]),
                terminal=str(data["terminal"]),
                received_at=received_at,
                accepted=tuple(uuid.UUID(value) for value in data["accepted"]),
                duplicates=tuple(uuid.UUID(value) for value in data["duplicates"]),
                rejected=tuple(
                    Rejection(uuid.UUID(r["record_id"]), str(r["reason"]), str(r["detail"]))
                    for r in data["rejected"]
                ),
                replayed=replayed,
            )
        except (KeyError, TypeError, ValueError) as error:
            raise UnreachableError(f"the head office's answer is not understood: {error}") from None

    def check_covers(self, batch_id: uuid.UUID, record_ids: Sequence[str]) -> None:
        """Every record sent is in exactly one list, and nothing else is (else: do not trust it)."""
        named = [str(i) for i in (*self.accepted, *self.duplicates)]
        named += [str(r.record_id) for r in self.rejected]
        if self.batch_id != batch_id or sorted(named) != sorted(record_ids):
            raise UnreachableError(
                f"the head office's answer to batch {batch_id} does not list its records; "
                "the batch stays queued and is sent again"
            )


@dataclass(frozen=True)
class RejectedRecord:
    """A record the head office refused on its merits: set aside for a manager."""

    record_id: uuid.UUID
    kind: str
    device_time_utc: str
    reason: str
    detail: str


@dataclass(frozen=True)
class WaitingCounts:
    by_kind: dict[str, int] = field(default_factory=dict)
    rejected: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


@dataclass(frozen=True)
class SyncState:
    catalogue_cursor: int
    backfill_pending: bool
    last_attempt_at_utc: str | None
    last_success_at_utc: str | None
    last_outcome: str
    last_summary: str


class ChangeEntity(enum.StrEnum):
    PRODUCER = "producer"
    PRODUCT = "product"
    USER = "user"


@dataclass(frozen=True)
class CatalogueChange:
    seq: int
    entity: ChangeEntity
    key: str
    data: dict[str, Any]


@dataclass(frozen=True)
class ChangePage:
    changes: tuple[CatalogueChange, ...]
    next_cursor: int
    has_more: bool

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
            raise UnreachableError(
                f"the head office's changes are not understood: {error}"
            ) from None


@dataclass(frozen=True)
class TerminalInfo:
    terminal: str
    server_time: dt.datetime


class HeadOfficeError(Exception):
    """Talking to the head office failed; the message is for a manager."""


class UnreachableError(HeadOfficeError):
    """Not reached, timed out, or a server error: nothing is lost, try again later."""


class TokenRefusedError(HeadOfficeError):
    """401: the token is missing, unknown or revoked — a person must set a valid one."""


class BatchRefusedError(HeadOfficeError):
    """The head office refused the whole batch (403, 409, 413, 422): stop and report it."""

    def __init__(self, status: int, detail: str, record_ids: Sequence[str] = ()):
        super().__init__(f"the head office refused the batch ({status}): {detail}")
        self.status = status
        self.detail = detail
        self.record_ids = list(record_ids)


@dataclass(frozen=True)
class RetryPolicy:
    """Back-off between attempts: 2 s, 4 s, 8 s … capped, with ±jitter; give up after a budget.

    Giving up loses nothing: the batch stays stored and the next run sends it.
    """

    first_seconds: float = 2.0
    factor: float = 2.0
    cap_seconds: float = 300.0
    jitter: float = 0.2  # each wait is scaled by a random factor in [1 - jitter, 1 + jitter]
    give_up_after_seconds: float = 600.0

    def delays(self, rng: random.Random | None = None) -> Iterator[float]:
        """Waits before each retry, until their sum would pass the budget."""
        rng = rng or random.Random()
        spent, delay = 0.0, self.first_seconds
        while True:
            wait = min(delay, self.cap_seconds) * rng.uniform(1 - self.jitter, 1 + self.jitter)
            if spent + wait > self.give_up_after_seconds:
                return
            spent += wait
            yield wait
            delay *= self.factor
