"""The wire format of the sync API (pydantic models; FastAPI turns them into OpenAPI).

These are the shapes docs/SYNC.md describes, for FastAPI's validation and the
OpenAPI schema; the names, limits and answers are :mod:`pos.sync.wire`'s (the
counter reads with the same module), and they convert to and from its plain
dataclasses and :mod:`hq.sync`'s, which the services use.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from hq.services.reports import ZListing
from hq.sync import IncomingBatch, IncomingRecord
from pos.ids import SyncBatchId
from pos.sync.wire import (
    ENTITY_KEYS,
    MAX_KIND_LENGTH,
    MAX_RECORDS_PER_BATCH,
    MAX_TERMINAL_LENGTH,
    NUMBER_SEQUENCES,
    RECORD_KINDS,
    Acknowledgement,
    ChangeEntity,
    ChangePage,
    RejectReason,
    TerminalInfo,
    TerminalNumbers,
)

KINDS_HELP = ", ".join(RECORD_KINDS[:-1]) + " or " + RECORD_KINDS[-1]
KEYS_HELP = "; ".join(f"{entity.value}: {key}" for entity, key in ENTITY_KEYS.items())


class RecordIn(BaseModel):
    """One record the counter owns, in its envelope."""

    model_config = ConfigDict(extra="forbid")

    record_id: uuid.UUID = Field(description="made by the counter when it created the record")
    kind: str = Field(
        min_length=1, max_length=MAX_KIND_LENGTH, description=KINDS_HELP, examples=["sale"]
    )
    terminal: str = Field(
        min_length=1,
        max_length=MAX_TERMINAL_LENGTH,
        description="the sending terminal's name (its own)",
    )
    device_time: AwareDatetime = Field(
        description="when it happened by the counter's clock, with offset; kept as sent"
    )
    payload: dict[str, Any] = Field(description="the record itself; its schema is per kind")

    def to_domain(self) -> IncomingRecord:
        return IncomingRecord(
            self.record_id, self.kind, self.terminal, self.device_time, self.payload
        )


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    batch_id: uuid.UUID = Field(description="made by the counter; resend with the same id")
    records: list[RecordIn] = Field(min_length=1, max_length=MAX_RECORDS_PER_BATCH)

    def to_domain(self) -> IncomingBatch:
        records = tuple(record.to_domain() for record in self.records)
        return IncomingBatch(SyncBatchId(self.batch_id), records)


class RejectionOut(BaseModel):
    record_id: uuid.UUID
    reason: RejectReason
    detail: str
    field: str = Field("", description="the payload field at fault, empty for the whole record")


class BatchAckOut(BaseModel):
    """Every record of the batch is in exactly one list.  ``accepted`` and ``duplicates`` are
    stored at the head office (mark them sent); ``rejected`` ones are not (keep them aside)."""

    batch_id: uuid.UUID
    terminal: str
    received_at: dt.datetime = Field(description="the server's time, when it took the batch")
    accepted: list[uuid.UUID]
    duplicates: list[uuid.UUID]
    rejected: list[RejectionOut]

    @classmethod
    def of(cls, ack: Acknowledgement) -> BatchAckOut:
        return cls.model_validate(ack.to_json())


class ChangeOut(BaseModel):
    seq: int = Field(description="the change's number; store the last one applied as the cursor")
    entity: ChangeEntity
    key: str = Field(description=KEYS_HELP)
    changed_at: dt.datetime
    data: dict[str, Any] = Field(description="the entity's full new state")


class ChangePageOut(BaseModel):
    changes: list[ChangeOut]
    next_cursor: int = Field(description="the cursor for the next request")
    has_more: bool

    @classmethod
    def of(cls, page: ChangePage) -> ChangePageOut:
        return cls.model_validate(page.to_json())


class TerminalOut(BaseModel):
    terminal: str
    server_time: dt.datetime = Field(description="compare with the counter's clock")

    @classmethod
    def of(cls, info: TerminalInfo) -> TerminalOut:
        return cls.model_validate(info.to_json())


class TerminalNumbersOut(BaseModel):
    terminal: str
    last: dict[str, int] = Field(
        description="the highest serial stored of each sequence (0 for none): "
        + ", ".join(NUMBER_SEQUENCES)
    )

    @classmethod
    def of(cls, numbers: TerminalNumbers) -> TerminalNumbersOut:
        return cls.model_validate(numbers.to_json())


class ErrorOut(BaseModel):
    """Every error answer (docs/DECISIONS.md, "The head office's error answers")."""

    detail: str = Field(description="what is wrong, naming the field or record")
    error: str = Field("", description="a stable code: unauthorised, not_found, …")
    retry: bool = Field(False, description="whether the same request may succeed later")
    record_ids: list[uuid.UUID] = Field(default_factory=list, description="the records at fault")


class ZReportOut(BaseModel):
    terminal: str
    number: str
    business_date: dt.date
    closed_at: dt.datetime
    closed_by: str
    sales_count: int
    sales_satang: int
    refunds_satang: int
    net_satang: int
    vat_satang: int
    grand_total_satang: int
    expected_cash_satang: int
    counted_cash_satang: int | None
    received_at: dt.datetime = Field(description="when the head office received it")


class TerminalTotalsOut(BaseModel):
    z_reports: int
    sales_count: int
    net_satang: int


class ZListingOut(BaseModel):
    start: dt.date
    end: dt.date
    terminal: str | None
    z_reports: list[ZReportOut]
    by_terminal: dict[str, TerminalTotalsOut]
    sales_count: int
    net_satang: int

    @classmethod
    def of(cls, listing: ZListing) -> ZListingOut:
        return cls(
            start=listing.period.start,
            end=listing.period.end,
            terminal=listing.terminal,
            z_reports=[ZReportOut.model_validate(dataclasses.asdict(r)) for r in listing.rows],
            by_terminal={
                name: TerminalTotalsOut(z_reports=z, sales_count=n, net_satang=net)
                for name, (z, n, net) in listing.by_terminal().items()
            },
            sales_count=listing.sales_count,
            net_satang=listing.net_satang,
        )
