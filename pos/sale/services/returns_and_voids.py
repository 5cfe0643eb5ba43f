"""Returns, voids and opening the drawer without a sale — each approved and audited.

What the return screen calls:

1. :func:`find_sale` with what was scanned from the receipt's barcode or typed
   (``POS01-00000042``, ``POS01-42``, or ``42`` for this terminal): the sale
   and its earlier credit notes, with what may still be returned per line.
2. :func:`return_goods` (some or all lines) or :func:`void_sale` (the whole
   sale, on its business day, nothing returned yet), each with a
   :class:`ManagerApproval` — the manager's PIN is checked here, before
   anything is written.  Each stores a credit note (ใบลดหนี้) with its own
   gap-free number that points at the sale, and an audit record of who did
   it, who approved it and when.  The refund rules are in :mod:`pos.sale.domain.credit_notes`.

:func:`open_drawer_without_sale` records the "no sale" drawer opening (the
printer then kicks the drawer).  A ``credit_note_id`` made by the screen
makes a retried call return the credit note already stored.  With
``print_note`` the credit note's print job (``"credit_note"`` + its number,
opening the drawer when cash is paid out) is queued in the transaction that
stores it.  :func:`last_sale_today` finds the sale "void last sale" means.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pos.audit import AuditAction, AuditEvent
from pos.clock import THAI_TIME, Clock
from pos.ids import CreditNoteId, SaleId, SaleLineId, UserId
from pos.printing.domain.issued_header import IssuedHeader
from pos.printing.services.print_jobs import queue_document
from pos.sale.domain.completed_sale import Sale
from pos.sale.domain.credit_notes import (
    CreditNote,
    CreditNoteKind,
    ReturnError,
    draft_return,
    returnable_quantities,
)
from pos.sale.domain.numbering import (
    DocumentKind,
    counter_name,
    document_number,
    receipt_number_from_text,
)
from pos.shifts.domain.cash_control import ShiftStamp
from pos.shifts.services.stamping import require_open_shift, trading_day
from pos.staff.domain.users import User
from pos.staff.services.pin_check import PinLockedError, PinRefusedError, check_pin
from pos.text import TextKind, text_problem
from pos.unit_of_work import UnitOfWork

CREDIT_NOTE_DOCUMENT = "credit_note"  # print job kind; the reference is the credit note number


class ApprovalRefusedError(ValueError):
    """The manager's PIN was wrong, or the user is not an active manager."""


class ApprovalLockedError(ApprovalRefusedError):
    """The manager is locked out (too many wrong PINs) for ``seconds``; said in Thai and English."""

    def __init__(self, message: str, seconds: int):
        super().__init__(message)
        self.seconds = seconds


@dataclass(frozen=True)
class ManagerApproval:
    """A manager's approval as typed: who, their PIN (checked, never stored) and where.

    ``where`` is the door it was typed at (``till``, ``cli:shift approve``), for
    the audit record of a refusal.
    """

    manager_id: UserId
    pin: str
    where: str = "till"


@dataclass(frozen=True)
class SaleHistory:
    """A sale with its credit notes: what the return screen shows."""

    sale: Sale
    credit_notes: tuple[CreditNote, ...]

    @property
    def returnable(self) -> dict[SaleLineId, int]:
        """Sale line → thousandths that may still be returned."""
        return returnable_quantities(self.sale, self.credit_notes)

    @property
    def voided(self) -> bool:
        return any(note.kind is CreditNoteKind.VOID for note in self.credit_notes)


@dataclass(frozen=True)
class ReturnRequest:
    """Lines to take back: ``quantities`` maps sale line ids to thousandths."""

    credit_note_id: CreditNoteId
    sale_id: SaleId
    quantities: Mapping[SaleLineId, int]
    cashier_id: UserId
    reason: str
    refund_in_cash: bool = False  # card/PromptPay/scheme buyer shares back in cash instead
    print_note: bool = False  # queue the credit note's print job with it (the till does)


def find_sale(uow_factory: Callable[[], UnitOfWork], text: str) -> SaleHistory | None:
    """The sale a scanned or typed receipt number names, or ``None``."""
    with uow_factory() as uow:
        number = receipt_number_from_text(text, uow.settings.load().terminal_id)
        sale = uow.sales.sale_by_receipt_number(number) if number else None
        if sale is None:
            return None
        return SaleHistory(sale, tuple(uow.sales.credit_notes_for(sale.sale_id)))


def last_sale_today(uow_factory: Callable[[], UnitOfWork], clock: Clock) -> SaleHistory | None:
    """This terminal's latest sale of its open business day (what "void the last sale" means).

    "Today" is the open business day, not the calendar date: a shift opened at
    23:30 sells past midnight into the day it opened, and only a sale of the
    open day can be voided.  Without an open day it is the calendar date.
    ``None`` when there is no such sale.
    """
    with uow_factory() as uow:
        terminal_id = uow.settings.load().terminal_id
        day, today = trading_day(uow, clock)
        mine = [
            sale
            for sale in uow.sales.sales_on(today)
            if sale.terminal_id == terminal_id
            and (day is None or sale.stamp is None or sale.stamp.business_day_id == day.day_id)
        ]
        if not mine:
            return None
        sale = max(mine, key=lambda sale: sale.receipt_serial)
        return SaleHistory(sale, tuple(uow.sales.credit_notes_for(sale.sale_id)))


def authorise(
    uow_factory: Callable[[], UnitOfWork], clock: Clock, approval: ManagerApproval
) -> User:
    """The manager if the PIN is theirs; raises :class:`ApprovalRefusedError` otherwise
    (:class:`ApprovalLockedError` while the lock-out of :mod:`pos.staff.services.pin_check`
    holds).  Every refusal is audited there."""
    try:
        manager = check_pin(
            uow_factory, clock, approval.manager_id, approval.pin, where=approval.where
        )
    except PinLockedError as locked:
        raise ApprovalLockedError(str(locked), locked.seconds) from None
    except PinRefusedError:
        raise ApprovalRefusedError("the manager's PIN is not right; nothing was done") from None
    if not manager.is_manager:
        raise ApprovalRefusedError(f"{manager.name} is not a manager; a manager must approve")
    return manager


def _check_reason(text: str) -> str:
    refused = text_problem(text, TextKind.REASON)
    if refused is not None:
        raise ReturnError(str(refused))
    reason = " ".join(text.split())
    if not reason:
        raise ReturnError("give the reason (it goes on the credit note)")
    return reason


def return_goods(
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    request: ReturnRequest,
    approval: ManagerApproval,
) -> CreditNote:
    """Take back some or all lines of a sale and store the credit note."""
    _check_reason(request.reason)  # before the PIN: a refused reason must not cost a try
    manager = authorise(uow_factory, clock, approval)
    return _store(uow_factory, clock, request, manager, CreditNoteKind.RETURN)


@dataclass(frozen=True)
class VoidRequest:
    """A whole sale to cancel, and why (the reason goes on the credit note)."""

    credit_note_id: CreditNoteId
    sale_id: SaleId
    cashier_id: UserId
    reason: str
    print_note: bool = False  # queue the credit note's print job with it (the till does)


def void_sale(
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    void: VoidRequest,
    approval: ManagerApproval,
) -> CreditNote:
    """Cancel a whole sale on its business day: every tender is reversed in kind.

    A sale with returns, or from an earlier day, is not voided: take the goods
    back with :func:`return_goods` instead.
    """
    _check_reason(void.reason)
    manager = authorise(uow_factory, clock, approval)
    request = ReturnRequest(
        void.credit_note_id,
        void.sale_id,
        {},
        void.cashier_id,
        void.reason,
        print_note=void.print_note,
    )
    return _store(uow_factory, clock, request, manager, CreditNoteKind.VOID)


def _store(
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    request: ReturnRequest,
    manager: User,
    kind: CreditNoteKind,
) -> CreditNote:
    reason = _check_reason(request.reason)
    with uow_factory() as uow:
        existing = uow.sales.credit_note_by_id(request.credit_note_id)
        if existing is not None:
            return _the_same_note(existing, request)
        moment = clock.now()  # the write lock is held since the lookup above: times keep order
        sale = uow.sales.sale_by_id(request.sale_id)
        if sale is None:
            raise ReturnError(f"there is no sale {request.sale_id}")
        previous = uow.sales.credit_notes_for(sale.sale_id)
        settings = uow.settings.load()
        stamp = require_open_shift(uow, settings.terminal_id)  # the drawer that pays it out
        quantities = request.quantities
        if kind is CreditNoteKind.VOID:
            _check_void(sale, previous, moment.astimezone(THAI_TIME).date(), request, stamp)
            quantities = {line.line_id: line.quantity_milli for line in sale.lines}
        draft = draft_return(
            sale,
            previous,
            quantities,
            rounding=settings.cash_rounding,
            refund_in_cash=request.refund_in_cash,
            void=kind is CreditNoteKind.VOID,
        )
        serial = uow.counters.next_value(
            counter_name(DocumentKind.CREDIT_NOTE, settings.terminal_id)
        )
        note = CreditNote(
            credit_note_id=request.credit_note_id,
            number=document_number(DocumentKind.CREDIT_NOTE, settings.terminal_id, serial),
            terminal_id=settings.terminal_id,
            serial=serial,
            kind=kind,
            sale_id=sale.sale_id,
            sale_receipt_number=sale.receipt_number,
            issued_at=moment,
            cashier_id=request.cashier_id,
            approved_by_user_id=_id(manager),
            reason=reason,
            draft=draft,
            stamp=stamp,
        )
        uow.sales.add_credit_note(note)
        uow.sales.freeze_header(CREDIT_NOTE_DOCUMENT, note.number, IssuedHeader.of(settings))
        uow.audit.record(_audit_event(note))
        if request.print_note:
            queue_document(
                uow,
                CREDIT_NOTE_DOCUMENT,
                note.number,
                clock,
                open_drawer=note.cash_paid_out_satang > 0,
            )
        uow.commit()
        return note


def _check_void(
    sale: Sale,
    previous: list[CreditNote],
    today: dt.date,
    request: ReturnRequest,
    stamp: ShiftStamp,
) -> None:
    if previous:
        raise ReturnError(
            f"receipt {sale.receipt_number} already has credit note {previous[0].number}:"
            " return the remaining goods instead of voiding"
        )
    if sale.stamp is not None and sale.stamp.business_day_id != stamp.business_day_id:
        raise ReturnError(
            f"receipt {sale.receipt_number} is from a business day already closed (Z report):"
            " only a sale of the open day can be voided; return the goods instead"
        )
    if sale.stamp is None and sale.business_date != today:
        raise ReturnError(
            f"receipt {sale.receipt_number} is from {sale.business_date.isoformat()}: only a"
            " sale of today can be voided; return the goods instead"
        )
    if request.refund_in_cash:
        raise ReturnError("a void reverses every tender as it was paid")


def _id(user: User) -> UserId:
    assert user.user_id is not None, "a stored user has an id"
    return user.user_id


def _the_same_note(existing: CreditNote, request: ReturnRequest) -> CreditNote:
    if existing.sale_id != request.sale_id:
        raise ReturnError(
            f"credit note id {request.credit_note_id} was already used for {existing.number}"
        )
    return existing


def _audit_event(note: CreditNote) -> AuditEvent:
    action = AuditAction.SALE_VOIDED if note.kind is CreditNoteKind.VOID else AuditAction.RETURN
    return AuditEvent(
        action=action,
        at=note.issued_at,
        user_id=note.cashier_id,
        approved_by_user_id=note.approved_by_user_id,
        reference=note.number,
        detail={
            "sale": note.sale_receipt_number,
            "total_satang": note.total_satang,
            "cash_paid_out_satang": note.cash_paid_out_satang,
            "returned_to_government_satang": note.returned_to_government_satang,
            "reason": note.reason,
        },
    )


def open_drawer_without_sale(
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    *,
    user_id: UserId,
    reason: str,
    approval: ManagerApproval | None = None,
) -> AuditEvent:
    """Record opening the cash drawer without a sale (call before kicking the drawer)."""
    refused = text_problem(reason, TextKind.REASON)
    if refused is not None:
        raise ValueError(str(refused))
    cleaned = " ".join(reason.split())
    if not cleaned:
        raise ValueError("give the reason for opening the drawer")
    manager = authorise(uow_factory, clock, approval) if approval else None
    event = AuditEvent(
        AuditAction.DRAWER_OPENED,
        clock.now(),
        user_id,
        _id(manager) if manager else None,
        detail={"reason": cleaned},
    )
    with uow_factory() as uow:
        uow.audit.record(event)
        uow.commit()
    return event
