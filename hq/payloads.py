"""The payload of each kind of record, as the counter sends it (``pos.sync.domain.records``).

pydantic models check each payload before it is stored: money, quantities and
percentages are strict integers (never 12.5, never "125"), times carry an
offset, ids are UUIDs; and a sale's or credit note's own arithmetic must hold
(lines add up to the total, tenders pay it, refunds return it).  A payload
that fails is rejected on its own (``invalid_payload``) with a message naming
the field — ``payload.lines[2].total_satang: …`` — and the rest of the batch
is stored.  Fields a newer counter adds are kept in ``sync_record`` and
ignored here, so counters can be upgraded before the head office.

:func:`sale_checks` and the others are what :mod:`hq.kinds` registers; the
projections (:mod:`hq.store.projections`) read the payload after these
checks passed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    ValidationError,
)

from hq.kinds import (
    BIGINT_MAX,
    PayloadError,
    check_device_time,
    check_number_fields,
    field_of,
    printable,
)
from pos.sync.wire import RecordKind

INT_MAX = 2**31 - 1  # the report tables' INTEGER columns (positions, shift numbers, counts)


def _in_range(moment: dt.datetime) -> dt.datetime:
    try:
        check_device_time(moment, "time")
    except PayloadError as error:
        raise ValueError(str(error).removeprefix("time: ")) from None
    return moment


Int = Annotated[int, Strict()]
Small = Annotated[int, Strict(), Field(le=INT_MAX)]
Satang = Annotated[int, Strict()]
Text = Annotated[str, Strict()]
Flag = Annotated[bool, Strict()]
Moment = Annotated[AwareDatetime, AfterValidator(_in_range)]
Users = dict[str, Annotated[str, Strict(), Field(max_length=100)]]  # names go in VARCHAR(100)


class _Payload(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class SaleLine(_Payload):
    line_id: uuid.UUID
    position: Small = Field(ge=0)
    sku: Text = Field(min_length=1, max_length=40)
    name_th: Text = Field(max_length=200)
    category: Text = Field(min_length=1, max_length=16)
    producer_name: Text = Field(max_length=200)
    producer_tax_id: Text | None = Field(default=None, max_length=13)
    vatable: Flag
    sold_by_weight: Flag
    quantity_milli: Int = Field(gt=0)
    unit_price_satang: Satang = Field(ge=0)
    catalogue_price_satang: Satang = Field(ge=0)
    gross_satang: Satang = Field(ge=0)
    line_discount_satang: Satang = Field(ge=0)
    order_discount_satang: Satang = Field(ge=0)
    total_satang: Satang = Field(ge=0)


class SaleTender(_Payload):
    tender_id: uuid.UUID
    position: Small = Field(ge=0)
    kind: Literal["cash", "card", "promptpay", "scheme"]
    amount_satang: Satang = Field(ge=0)
    tendered_satang: Satang = Field(ge=0)
    change_satang: Satang = Field(ge=0)
    scheme_code: Text | None = Field(default=None, max_length=32)
    government_share_satang: Satang = Field(ge=0)
    buyer_share_satang: Satang = Field(ge=0)


class SellerVat(_Payload):
    seller_name: Text = Field(max_length=200)
    seller_tax_id: Text | None = Field(default=None, max_length=13)
    gross_satang: Satang
    net_satang: Satang
    vat_satang: Satang


class SalePayload(_Payload):
    sale_id: uuid.UUID
    receipt_number: Text = Field(min_length=1, max_length=40)
    terminal_id: Text
    sold_at: Moment
    business_date: dt.date
    shift_id: uuid.UUID | None = None
    business_day_id: uuid.UUID | None = None
    cashier_id: Int
    approved_by_user_id: Int | None = None
    subtotal_satang: Satang
    line_discounts_satang: Satang
    order_discount_satang: Satang
    total_satang: Satang = Field(ge=0)
    vat_satang: Satang
    non_vat_satang: Satang
    cash_rounding_satang: Satang
    change_satang: Satang = Field(ge=0)
    lines: list[SaleLine] = Field(min_length=1)
    tenders: list[SaleTender]
    vat: list[SellerVat]
    users: Users = Field(default_factory=dict)


class CreditLine(_Payload):
    line_id: uuid.UUID
    sale_line_id: uuid.UUID
    sku: Text = Field(max_length=40)
    category: Text = Field(max_length=16)
    producer_name: Text = Field(max_length=200)
    quantity_milli: Int = Field(gt=0)
    amount_satang: Satang = Field(ge=0)


class Refund(_Payload):
    refund_id: uuid.UUID
    tender_id: uuid.UUID
    tender_kind: Literal["cash", "card", "promptpay", "scheme"]
    scheme_code: Text | None = Field(default=None, max_length=32)
    method: Text = Field(min_length=1, max_length=24)
    amount_satang: Satang = Field(ge=0)


class CreditNotePayload(_Payload):
    credit_note_id: uuid.UUID
    number: Text = Field(min_length=1, max_length=40)
    kind: Literal["return", "void"]
    terminal_id: Text
    sale_id: uuid.UUID
    sale_receipt_number: Text = Field(max_length=40)
    issued_at: Moment
    business_date: dt.date
    shift_id: uuid.UUID | None = None
    business_day_id: uuid.UUID | None = None
    cashier_id: Int
    approved_by_user_id: Int
    reason: Text
    total_satang: Satang = Field(ge=0)
    vat_satang: Satang
    non_vat_satang: Satang
    cash_rounding_satang: Satang
    lines: list[CreditLine] = Field(min_length=1)
    refunds: list[Refund]
    vat: list[SellerVat]
    users: Users = Field(default_factory=dict)


class Buyer(_Payload):
    name: Text = Field(min_length=1, max_length=200)
    address: Text
    tax_id: Text = Field(min_length=13, max_length=13)
    branch: Text | None = None


class TaxInvoicePayload(_Payload):
    invoice_id: uuid.UUID
    number: Text = Field(min_length=1, max_length=40)
    sale_id: uuid.UUID
    issued_at: Moment
    issued_by_user_id: Int
    buyer: Buyer
    replaces_number: Text | None = Field(default=None, max_length=40)
    users: Users = Field(default_factory=dict)


class TenderResult(_Payload):
    tender: Text
    expected_satang: Satang
    counted_satang: Satang | None


class CashMovement(_Payload):
    movement_id: uuid.UUID
    kind: Literal["in", "out"]
    amount_satang: Satang = Field(gt=0)
    reason: Text
    at: Moment


class ShiftPayload(_Payload):
    shift_id: uuid.UUID
    number: Small = Field(gt=0)
    terminal_id: Text
    business_day_id: uuid.UUID
    business_date: dt.date
    opened_at: Moment
    closed_at: Moment
    opened_by_user_id: Int
    counted_by_user_id: Int
    float_satang: Satang = Field(ge=0)
    results: list[TenderResult]
    cash_movements: list[CashMovement]
    users: Users = Field(default_factory=dict)


class ZPart(_Payload):
    total_satang: Satang = 0
    vat_satang: Satang = 0


class ZFigures(_Payload):
    """The figures the head office reads (the rest is kept in ``sync_record`` as sent)."""

    sales: ZPart
    returns: ZPart
    voids: ZPart
    net_satang: Satang | None = None
    expected_cash_satang: Satang = 0
    counted_cash_satang: Satang | None = None


class ZPayload(_Payload):
    z_id: uuid.UUID
    number: Text = Field(min_length=1, max_length=40)
    terminal_id: Text
    business_day_id: uuid.UUID
    business_date: dt.date
    closed_at: Moment
    closed_by_user_id: Int
    sales_count: Small = Field(ge=0)
    net_satang: Satang
    grand_total_satang: Satang
    figures: ZFigures
    users: Users = Field(default_factory=dict)


def _where(location: tuple[int | str, ...]) -> str:
    text = "payload"
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return printable(text)


def _checked(model: type[_Payload], payload: Mapping[str, Any]) -> Any:
    check_number_fields(payload)
    try:
        return model.model_validate(payload)
    except ValidationError as error:
        first = error.errors()[0]
        where = _where(first["loc"])
        raise PayloadError(f"{where}: {first['msg']}", field_of(where)) from None


def _must(condition: bool, message: str, field: str = "") -> None:
    if not condition:
        raise PayloadError(message, field)


def _distinct(items: Sequence[Any], attribute: str, path: str) -> None:
    """Ids and positions inside one record are its own: each once (they key its rows)."""
    seen: dict[Any, int] = {}
    for i, item in enumerate(items):
        value = getattr(item, attribute)
        first = seen.setdefault(value, i)
        _must(
            first == i,
            f"payload.{path}[{i}].{attribute} repeats {path}[{first}]'s",
            f"{path}[{i}].{attribute}",
        )


def sale_checks(payload: Mapping[str, Any]) -> None:
    sale: SalePayload = _checked(SalePayload, payload)
    for attribute in ("line_id", "position"):
        _distinct(sale.lines, attribute, "lines")
    for attribute in ("tender_id", "position"):
        _distinct(sale.tenders, attribute, "tenders")
    for i, line in enumerate(sale.lines):
        discounts = line.line_discount_satang + line.order_discount_satang
        _must(
            line.total_satang == line.gross_satang - discounts,
            f"payload.lines[{i}].total_satang is not gross − discounts",
            f"lines[{i}].total_satang",
        )
    _must(
        sum(line.total_satang for line in sale.lines) == sale.total_satang,
        "payload.total_satang is not the sum of the lines",
        "total_satang",
    )
    paid = sum(tender.amount_satang for tender in sale.tenders)
    _must(
        paid == sale.total_satang + sale.cash_rounding_satang,
        "payload.tenders do not pay total_satang + cash_rounding_satang",
        "tenders",
    )
    _must(
        sum(v.vat_satang for v in sale.vat) == sale.vat_satang,
        "payload.vat_satang is not the sum of payload.vat",
        "vat_satang",
    )


def credit_note_checks(payload: Mapping[str, Any]) -> None:
    note: CreditNotePayload = _checked(CreditNotePayload, payload)
    _distinct(note.lines, "line_id", "lines")
    _distinct(note.refunds, "refund_id", "refunds")
    _must(
        sum(line.amount_satang for line in note.lines) == note.total_satang,
        "payload.total_satang is not the sum of the lines",
        "total_satang",
    )
    _must(
        sum(refund.amount_satang for refund in note.refunds) == note.total_satang,
        "payload.refunds do not add up to total_satang",
        "refunds",
    )


def tax_invoice_checks(payload: Mapping[str, Any]) -> None:
    _checked(TaxInvoicePayload, payload)


def shift_checks(payload: Mapping[str, Any]) -> None:
    shift: ShiftPayload = _checked(ShiftPayload, payload)
    _distinct(shift.cash_movements, "movement_id", "cash_movements")
    _must(
        any(r.tender == "cash" for r in shift.results),
        "payload.results has no cash line",
        "results",
    )
    _must(shift.closed_at >= shift.opened_at, "payload.closed_at is before opened_at", "closed_at")


def z_report_checks(payload: Mapping[str, Any]) -> None:
    z: ZPayload = _checked(ZPayload, payload)
    figures = z.figures
    _must(
        figures.net_satang == z.net_satang, "payload.net_satang differs from figures", "net_satang"
    )
    notes = (figures.returns, figures.voids)
    refunds = sum(note.total_satang for note in notes)
    vat = figures.sales.vat_satang - sum(note.vat_satang for note in notes)
    _must(  # what the report table stores of them (hq.store.projections) must fit its BIGINT
        all(abs(value) <= BIGINT_MAX for value in (refunds, vat)),
        "payload.figures: refunds or VAT beyond 64 bits",
        "figures",
    )


CHECKS: dict[RecordKind, Callable[[Mapping[str, Any]], None]] = {
    RecordKind.SALE: sale_checks,
    RecordKind.CREDIT_NOTE: credit_note_checks,
    RecordKind.TAX_INVOICE: tax_invoice_checks,
    RecordKind.SHIFT: shift_checks,
    RecordKind.Z_REPORT: z_report_checks,
}
