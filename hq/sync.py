"""The upload half of the sync protocol at the head office: records and batches as received.

A counter sends what it owns (sales, credit notes, shifts, Z reports, audit
events) as *records*: an envelope (UUID, kind, the sending terminal, the
device's time) around a JSON payload.  Records travel in *batches*, each with
its own UUID.  The rules (docs/SYNC.md has them in full):

* a record is keyed by its UUID: sent again with the same content it is a
  *duplicate* (acknowledged, nothing written); with different content it is a
  *conflict*, rejected and never overwritten — the counter owns its sales;
* a batch sent twice is stored once: the second delivery gets the first
  acknowledgement back and writes nothing;
* the device's time is kept as sent; the server stamps its own receipt time.

"The same content" is decided by :func:`record_fingerprint`, a SHA-256 of the
record's canonical JSON (sorted keys, no spaces, UTC time), so key order and
the time zone the device wrote its time in do not matter.  What travels — record
kinds, limits, the acknowledgement — is :mod:`pos.sync.wire`, the counter's too.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from pos.ids import SyncBatchId
from pos.sync.wire import MAX_RECORDS_PER_BATCH


@dataclass(frozen=True)
class IncomingRecord:
    record_id: uuid.UUID
    kind: str
    terminal: str
    device_time: dt.datetime
    payload: Mapping[str, Any]

    def fingerprint(self) -> str:
        return self._fingerprint

    @functools.cached_property
    def _fingerprint(self) -> str:  # asked for by the batch, the insert and the duplicate check
        return record_fingerprint(self)

    @functools.cached_property
    def payload_json(self) -> str:
        """The payload's canonical JSON: hashed in the fingerprint and stored as it is."""
        return canonical_json(self.payload)


@dataclass(frozen=True)
class IncomingBatch:
    batch_id: SyncBatchId
    records: tuple[IncomingRecord, ...]

    def fingerprint(self) -> str:
        """The batch's content: its records' fingerprints, in the order sent."""
        digest = hashlib.sha256()
        for record in self.records:
            digest.update(record.fingerprint().encode("ascii"))
        return digest.hexdigest()


class BatchRefusedError(Exception):
    """The whole batch is refused and nothing of it is written; ``status`` is the HTTP status."""

    status = 422

    def __init__(self, message: str, record_ids: Sequence[uuid.UUID] = ()):
        super().__init__(message)
        self.record_ids = list(record_ids)


class ForeignRecordError(BatchRefusedError):
    """The batch carries records of another terminal: a terminal writes only its own."""

    status = 403


class BatchIdReusedError(BatchRefusedError):
    """The batch UUID was already used for different records (or by another terminal)."""

    status = 409


class HeadOfficeUnavailableError(BatchRefusedError):
    """The database went away in the middle (killed, restarted, the connection cut): nothing
    of the batch was stored, and the counter sends it again later (a 5xx means "try again")."""

    status = 503


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 text as it is: the text a fingerprint hashes.

    The definition is ``json.dumps(value, sort_keys=True, separators=(",", ":"),
    ensure_ascii=False)``, which fingerprints stored before were made with and
    must stay equal to.  orjson writes exactly that text for dicts, lists, text,
    integers within 64 bits, booleans and null, about ten times faster (a day of
    sales is ~28 MB of JSON); anything else — a float, whose spelling differs
    ("1e+16" against "1e16"), a huge integer — goes the slow way.
    """
    try:
        fast = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # an integer beyond 64 bits, a lone surrogate, nesting too deep
        return _slow_canonical_json(value)
    if _FLOAT.search(fast) is not None:
        return _slow_canonical_json(value)
    return fast.decode("utf-8")


def _slow_canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


# Where a float can stand in compact JSON: after ':', ',' or '[', a number with '.' or 'e'.
# Text in strings may match too: that only sends it the slow way, never the wrong way.
# NaN and ±Infinity (orjson writes null) are not JSON: hq.kinds refuses such a record before
# anything is stored, and before this fast path a batch with one failed whole at the insert
# (jsonb refuses them), so no stored fingerprint was ever made of one.
_FLOAT = re.compile(rb"[:,\[]-?[0-9]+[.eE]")


def record_fingerprint(record: IncomingRecord) -> str:
    """SHA-256 of the record's canonical JSON (its time in UTC, microseconds): of
    ``canonical_json({"record_id", "kind", "terminal", "device_time", "payload"})``, written
    out key by key in sorted order so that the payload is encoded once."""

    def text(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    try:
        device_time = record.device_time.astimezone(dt.UTC).isoformat()
    except OverflowError:  # year 1 or 9999 with an offset: refused (invalid_envelope), never stored
        device_time = record.device_time.isoformat()
    content = (
        f'{{"device_time":{text(device_time)},"kind":{text(record.kind)},'
        f'"payload":{record.payload_json},"record_id":{text(str(record.record_id))},'
        f'"terminal":{text(record.terminal)}}}'
    )
    # surrogatepass: a lone surrogate is refused (invalid_payload) but the batch it came in is
    # still fingerprinted; text that UTF-8 can carry encodes exactly as before.
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()


def check_batch_shape(batch: IncomingBatch, terminal: str) -> None:
    """Refuse a batch that is empty, too large, repeats a UUID, or names another terminal."""
    if not batch.records:
        raise BatchRefusedError("a batch needs at least one record")
    if len(batch.records) > MAX_RECORDS_PER_BATCH:
        raise BatchRefusedError(f"a batch holds at most {MAX_RECORDS_PER_BATCH} records")
    seen: set[uuid.UUID] = set()
    repeated = []
    for record in batch.records:
        if record.record_id in seen:
            repeated.append(record.record_id)
        seen.add(record.record_id)
    if repeated:
        raise BatchRefusedError(
            f"record {repeated[0]} appears more than once in the batch", repeated
        )
    foreign = [record.record_id for record in batch.records if record.terminal != terminal]
    if foreign:
        raise ForeignRecordError(
            f"record {foreign[0]} names terminal "
            f"{_terminal_of(batch, foreign[0])!r}, but this token is terminal {terminal!r}; "
            "a terminal can only send its own records",
            foreign,
        )


def _terminal_of(batch: IncomingBatch, record_id: uuid.UUID) -> str:
    return next(r.terminal for r in batch.records if r.record_id == record_id)
