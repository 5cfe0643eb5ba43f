"""The counter's side of the sync (docs/SYNC.md): its outbox's view, its errors, its back-off.

What travels is :mod:`pos.sync.wire`, which the head office imports too.  Here
is what only the counter needs: queued records (:class:`QueuedRecord`, payload
already frozen as JSON text) and the batches they are assigned to, the
records set aside, the sync's state, and the errors that say what the sync
must do: :class:`UnreachableError` — try the same batch again later
(back-off, :class:`RetryPolicy`); :class:`TokenRefusedError` — stop, a person
must fix the token; :class:`BatchRefusedError` — stop uploading, the head
office refused the whole batch (a bug to report).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from pos.ids import SyncBatchId

# Batches on their way at once once the line has proved itself (pos.sync.services.sync_run):
# the head office stores one while it reads the next, ~1.3x a month's backlog on two cores (bench/).
DEFAULT_IN_FLIGHT = 2


@dataclass(frozen=True)
class QueuedRecord:
    """An outbox row as it is sent (a :class:`pos.sync.wire.OutgoingRecord`): its payload is
    the JSON text stored when it was made."""

    record_id: str
    kind: str
    device_time_utc: str  # 2026-11-24T13:15:03.123456Z: ISO 8601, the Z is its offset
    payload_json: str


@dataclass(frozen=True)
class OpenBatch:
    """A batch assigned and stored but not acknowledged yet: it is sent again as it is."""

    batch_id: SyncBatchId
    record_count: int
    attempts: int
    last_error: str


@dataclass(frozen=True)
class RejectedRecord:
    """A record the head office refused: set aside for a manager, or (a reason in
    :data:`pos.sync.wire.RESENDABLE_REASONS`) waiting to go again in a later run."""

    record_id: uuid.UUID
    kind: str
    device_time_utc: str
    reason: str
    detail: str
    field: str = ""  # the payload's field the head office named, "" for the whole record


@dataclass(frozen=True)
class NumberRaised:
    """One local sequence raised to continue the head office's (re-provisioning)."""

    counter: str  # "receipt:POS01"
    before: int
    after: int


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
    run_started_at_utc: str | None = None  # a run started and has not ended (or was killed)


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
