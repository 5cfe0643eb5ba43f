"""An in-memory head office (:class:`pos.sync.ports.HeadOffice`) that keeps the protocol's rules.

Records are stored once by UUID (same content again: a duplicate; other
content: a ``conflict`` rejection); a batch sent again gets its first answer
back and stores nothing; a revoked token gets :class:`TokenRefusedError`.  It can
fail on cue, like the real one behind a bad network:

* ``fail_before(n)``: the next ``n`` batches are lost before they arrive;
* ``fail_after(n)``: the next ``n`` batches are stored, then the answer is lost;
* ``reject`` (a predicate on kind and payload) refuses records as ``invalid_payload``.

The tests of the sync service run against it; the real server is tested the
same way over HTTP (tests/integration/test_sync_hq.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pos.clock import THAI_TIME
from pos.ids import SyncBatchId
from pos.sync.domain.protocol import (
    BatchRefusedError,
    QueuedRecord,
    TokenRefusedError,
    UnreachableError,
)
from pos.sync.wire import (
    Acknowledgement,
    CatalogueChange,
    ChangeEntity,
    ChangePage,
    Rejection,
    RejectReason,
    TerminalInfo,
    TerminalNumbers,
)

Reject = Callable[[str, dict[str, Any]], str | None]  # kind, payload → why not, or None


@dataclass
class StoredRecord:
    record_id: str
    kind: str
    terminal: str
    device_time: dt.datetime
    received_at: dt.datetime
    payload: dict[str, Any]
    fingerprint: str


@dataclass
class FakeHeadOffice:
    terminal_name: str = "POS01"
    records: dict[str, StoredRecord] = field(default_factory=dict)
    batches: dict[uuid.UUID, tuple[str, Acknowledgement]] = field(default_factory=dict)
    feed: list[CatalogueChange] = field(default_factory=list)
    revoked: bool = False
    last_numbers: dict[str, int] = field(default_factory=dict)  # GET /v1/terminal/numbers
    reject: Reject | None = None
    deliveries: int = 0  # batches that reached the "server" (answered or not)
    _fail_before: int = 0
    _fail_after: int = 0
    _seconds: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)  # batches come two at once

    def fail_before(self, count: int = 1) -> None:
        self._fail_before += count

    def fail_after(self, count: int = 1) -> None:
        self._fail_after += count

    def _now(self) -> dt.datetime:
        self._seconds += 1
        return dt.datetime(2026, 11, 24, 23, 0, tzinfo=THAI_TIME) + dt.timedelta(
            seconds=self._seconds
        )

    def _check_token(self) -> None:
        if self.revoked:
            raise TokenRefusedError("unknown or revoked token")

    def terminal(self) -> TerminalInfo:
        self._check_token()
        return TerminalInfo(self.terminal_name, self._now())

    def send_batch(
        self, batch_id: SyncBatchId, terminal: str, records: Sequence[QueuedRecord]
    ) -> Acknowledgement:
        with self._lock:  # one at a time, as the real one's transactions make it look
            return self._receive(batch_id, terminal, records)

    def _receive(
        self, batch_id: SyncBatchId, terminal: str, records: Sequence[QueuedRecord]
    ) -> Acknowledgement:
        self._check_token()
        if self._fail_before:
            self._fail_before -= 1
            raise UnreachableError("connection reset (before the head office got it)")
        self.deliveries += 1
        if terminal != self.terminal_name:
            raise BatchRefusedError(403, "records of another terminal")
        content = _batch_fingerprint(terminal, records)
        if batch_id in self.batches:
            stored_content, ack = self.batches[batch_id]
            if stored_content != content:
                raise BatchRefusedError(
                    409, f"batch {batch_id} was received before with other records"
                )
            answer = Acknowledgement(
                ack.batch_id,
                ack.terminal,
                ack.received_at,
                ack.accepted,
                ack.duplicates,
                ack.rejected,
                replayed=True,
            )
        else:
            answer = self._store(batch_id, terminal, records, content)
        if self._fail_after:
            self._fail_after -= 1
            raise UnreachableError("connection reset (after the head office stored it)")
        return answer

    def _store(
        self, batch_id: SyncBatchId, terminal: str, records: Sequence[QueuedRecord], content: str
    ) -> Acknowledgement:
        received_at = self._now()
        accepted, duplicates, rejected = [], [], []
        for record in records:
            payload = json.loads(record.payload_json)
            record_id = uuid.UUID(record.record_id)
            why = self.reject(record.kind, payload) if self.reject else None
            fingerprint = _fingerprint(terminal, record)
            stored = self.records.get(record.record_id)
            if why:
                rejected.append(Rejection(record_id, RejectReason.INVALID_PAYLOAD, why))
            elif stored is None:
                self.records[record.record_id] = StoredRecord(
                    record.record_id,
                    record.kind,
                    terminal,
                    _instant(record.device_time_utc),
                    received_at,
                    payload,
                    fingerprint,
                )
                accepted.append(record_id)
            elif stored.fingerprint == fingerprint:
                duplicates.append(record_id)
            else:
                rejected.append(
                    Rejection(record_id, RejectReason.CONFLICT, "stored earlier with other content")
                )
        ack = Acknowledgement(
            batch_id, terminal, received_at, tuple(accepted), tuple(duplicates), tuple(rejected)
        )
        if accepted:  # a batch that stored nothing leaves nothing behind (rule 3)
            self.batches[batch_id] = (content, ack)
        return ack

    def changes(self, cursor: int, limit: int) -> ChangePage:
        self._check_token()
        after = [change for change in self.feed if change.seq > cursor]
        page = after[:limit]
        return ChangePage(tuple(page), page[-1].seq if page else cursor, len(after) > limit)

    def numbers(self) -> TerminalNumbers:
        self._check_token()
        return TerminalNumbers(self.terminal_name, dict(self.last_numbers))

    def publish(self, entity: ChangeEntity, key: str, data: dict[str, Any]) -> None:
        """A change at the head office (numbers grow, with a gap now and then)."""
        last = self.feed[-1].seq if self.feed else 0
        self.feed.append(CatalogueChange(last + 1 + len(self.feed) % 2, entity, key, data))

    def close(self) -> None:
        pass

    # --- what it holds, for the tests -----------------------------------------------------
    def payloads(self, kind: str) -> list[dict[str, Any]]:
        return [record.payload for record in self.records.values() if record.kind == kind]


def _instant(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _fingerprint(terminal: str, record: QueuedRecord) -> str:
    content = {
        "record_id": record.record_id,
        "kind": record.kind,
        "terminal": terminal,
        "device_time": _instant(record.device_time_utc).astimezone(dt.UTC).isoformat(),
        "payload": json.loads(record.payload_json),
    }
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _batch_fingerprint(terminal: str, records: Sequence[QueuedRecord]) -> str:
    digest = hashlib.sha256()
    for record in records:
        digest.update(_fingerprint(terminal, record).encode())
    return digest.hexdigest()
