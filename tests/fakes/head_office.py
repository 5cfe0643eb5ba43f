"""An in-memory head office (:class:`pos.sync.ports.HeadOffice`) that keeps the protocol's rules.

Records are stored once by UUID (same content again: a duplicate; other
content: a ``conflict`` rejection); a batch sent again gets its first answer
back and stores nothing; a revoked token gets :class:`TokenRefusedError`.  It can
fail on cue, like the real one behind a bad network:

* ``fail_before(n)``: the next ``n`` batches are lost before they arrive;
* ``fail_after(n)``: the next ``n`` batches are stored, then the answer is lost;
* ``reject`` (a predicate on kind and payload) refuses records as ``invalid_payload``.

It refuses, one record at a time as the real one does (hq.kinds, hq.reuse), a device
time outside 1970–9000 (``invalid_envelope``), text with NUL or a lone surrogate
(``invalid_payload``), a payload naming another terminal (``not_own``), a number
the terminal used for another record (``number_reused``) and a sale line's or
tender's id another record has (``id_reused``), each with its field.

The tests of the sync service run against it; the real server is tested the
same way over HTTP (tests/integration/test_sync_hq.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
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
NUMBER_FIELDS = {
    "sale": "receipt_number",
    "credit_note": "number",
    "tax_invoice": "number",
    "shift": "number",
    "z_report": "number",
}
UNIQUE_IDS = {"sale": (("lines", "line_id"), ("tenders", "tender_id"))}
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


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
    claimed: dict[tuple[str, Any], str] = field(default_factory=dict)  # number or id → record
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
            why = self._refusal(record, terminal, payload)
            fingerprint = _fingerprint(terminal, record)
            stored = self.records.get(record.record_id)
            if why:
                rejected.append(Rejection(record_id, *why))
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
                for claim, _field in _claims(record.kind, payload):
                    self.claimed[claim] = record.record_id
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

    def _refusal(
        self, record: QueuedRecord, terminal: str, payload: dict[str, Any]
    ) -> tuple[str, str, str] | None:
        """(reason, detail, field) of a record the real head office refuses, or ``None``."""
        if not 1970 <= _instant(record.device_time_utc).year < 9000:
            return RejectReason.INVALID_ENVELOPE, "device time outside 1970–9000", "device_time"
        text = record.payload_json.lower()  # walk the payload only if its text may hold one
        maybe = "\\u0000" in text or "\\ud" in text or _UNSTORABLE.search(text)
        unstorable = _unstorable(payload, "") if maybe else None
        if unstorable is not None:
            return RejectReason.INVALID_PAYLOAD, "NUL or a lone surrogate", unstorable
        why = self.reject(record.kind, payload) if self.reject else None
        if why:
            return RejectReason.INVALID_PAYLOAD, why, ""
        if payload.get("terminal_id", terminal) != terminal:
            return RejectReason.NOT_OWN, "another terminal's", "terminal_id"
        for claim, where in _claims(record.kind, payload):
            holder = self.claimed.get(claim, record.record_id)
            if holder != record.record_id:
                reason = (
                    RejectReason.NUMBER_REUSED
                    if where in NUMBER_FIELDS.values()
                    else (RejectReason.ID_REUSED)
                )
                return reason, f"record {holder}'s", where
        return None

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
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _batch_fingerprint(terminal: str, records: Sequence[QueuedRecord]) -> str:
    digest = hashlib.sha256()
    for record in records:
        digest.update(_fingerprint(terminal, record).encode())
    return digest.hexdigest()


def _claims(kind: str, payload: dict[str, Any]) -> list[tuple[tuple[str, Any], str]]:
    """What a record claims: (scope, value) and the field it is in."""
    found: list[tuple[tuple[str, Any], str]] = []
    name = NUMBER_FIELDS.get(kind)
    if name is not None and name in payload:
        found.append(((kind, payload[name]), name))
    for items, key in UNIQUE_IDS.get(kind, ()):
        for i, item in enumerate(payload.get(items, [])):
            found.append(((items, str(item[key]).lower()), f"{items}[{i}].{key}"))
    return found


def _unstorable(value: Any, path: str) -> str | None:
    """The path of the first text or key PostgreSQL cannot store (escaped), or ``None``."""
    if isinstance(value, str):
        return path if _UNSTORABLE.search(value) else None
    children: list[tuple[str, Any]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else key
            if _UNSTORABLE.search(key):
                return _UNSTORABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", where)
            children.append((where, item))
    elif isinstance(value, list):
        children = [(f"{path}[{i}]", item) for i, item in enumerate(value)]
    for where, item in children:
        found = _unstorable(item, where)
        if found:
            return found
    return None
