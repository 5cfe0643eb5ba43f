"""Numbers and ids a record claims, and which of a batch's claims are taken already.

A terminal's document numbers are its own and used once: a receipt number, a
credit note's, a tax invoice's, a shift's and a Z report's number belong to one
record of that terminal (``number_reused`` otherwise — a replaced counter
starting again at 1, say).  Some ids inside a payload key rows across every
record: a sale line's and a sale tender's (``id_reused`` if another record has
it).  :func:`claims` lists what a record claims; :func:`refuse_reused` says
which records of a batch claim what another record holds — stored before
(``taken``, asked of the database for the batch at once) or earlier in the same
batch — and names the field.  A record may hold its own claim: sent again, it
is a duplicate or a conflict, decided elsewhere.

Pure: the database's answer comes in as a mapping.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hq.sync import IncomingRecord
from pos.sync.wire import Rejection, RejectReason

# kind → the payload field holding its number (per terminal); its scope is the kind
NUMBER_FIELDS: Mapping[str, str] = {
    "sale": "receipt_number",
    "credit_note": "number",
    "tax_invoice": "number",
    "shift": "number",
    "z_report": "number",
}
# kind → (scope, list field, id field) of ids unique across every terminal's records
UNIQUE_IDS: Mapping[str, tuple[tuple[str, str, str], ...]] = {
    "sale": (("sale_line", "lines", "line_id"), ("sale_tender", "tenders", "tender_id")),
}
Scope = str
Taken = Mapping[tuple[Scope, Any], uuid.UUID]  # (scope, value) → the record holding it


@dataclass(frozen=True)
class Claim:
    record_id: uuid.UUID
    scope: Scope  # a kind (its numbers) or an id scope (``sale_line``)
    value: Any
    field: str  # where in the payload: ``receipt_number``, ``lines[2].line_id``

    @property
    def is_number(self) -> bool:
        return self.scope in NUMBER_FIELDS


def claims(record: IncomingRecord, *, ids: bool = True) -> list[Claim]:
    """What the record claims (its payload passed its kind's checks; a handler registered
    instead may check less, so anything not of the expected type is left out)."""
    payload = record.payload
    found = []
    name = NUMBER_FIELDS.get(record.kind)
    number = payload.get(name) if name is not None else None
    if name is not None and type(number) in (str, int):
        found.append(Claim(record.record_id, record.kind, number, name))
    for scope, items, key in UNIQUE_IDS.get(record.kind, ()) if ids else ():
        listed = payload.get(items)
        for i, item in enumerate(listed if isinstance(listed, list) else ()):
            value = _uuid(item.get(key) if isinstance(item, Mapping) else None)
            if value is not None:  # a kind's own checks refuse a missing or bad id
                found.append(Claim(record.record_id, scope, value, f"{items}[{i}].{key}"))
    return found


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value is not None else None
    except ValueError:
        return None


def wanted(records: Iterable[IncomingRecord], *, ids: bool = True) -> dict[Scope, list[Any]]:
    """Per scope, the values to ask the database about (``ids=False``: numbers only)."""
    asked: dict[Scope, list[Any]] = {}
    for record in records:
        for claim in claims(record, ids=ids):
            asked.setdefault(claim.scope, []).append(claim.value)
    return asked


def refuse_reused(
    records: Sequence[IncomingRecord], taken: Taken, *, ids: bool = True
) -> dict[uuid.UUID, Rejection]:
    """The records whose claim another record holds (stored, or earlier in the batch)."""
    held = dict(taken)
    refused: dict[uuid.UUID, Rejection] = {}
    for record in records:
        mine = claims(record, ids=ids)
        clash = next(
            (c for c in mine if held.get((c.scope, c.value), c.record_id) != c.record_id), None
        )
        if clash is None:
            for claim in mine:
                held.setdefault((claim.scope, claim.value), claim.record_id)
        else:
            refused[record.record_id] = _rejection(clash, held[(clash.scope, clash.value)])
    return refused


def _rejection(claim: Claim, holder: uuid.UUID) -> Rejection:
    if claim.is_number:
        detail = (
            f"{claim.scope} number {claim.value} of this terminal is record {holder}'s; a number"
            " is used once (a replaced counter: otop-pos sync configure --numbers)"
        )
        return Rejection(claim.record_id, RejectReason.NUMBER_REUSED, detail, claim.field)
    detail = f"{claim.field} {claim.value} is record {holder}'s; an id is never reused"
    return Rejection(claim.record_id, RejectReason.ID_REUSED, detail, claim.field)
