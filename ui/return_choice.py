"""What the returns screen asks of the core once the cashier has chosen; no widget here.

:class:`ui.returns_screen.ReturnsScreen` keeps the choice as it is made — the
sale found, the quantity of each line to take back, whether everything goes
back in cash, and the id of the credit note to come (one per note, made when
the sale is loaded and again after each note stored) — and hands it, as a
:class:`ReturnChoice`, to these functions for the refund preview and for the
return or void the manager approves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pos.ids import CreditNoteId, SaleLineId, UserId
from pos.money import CashRounding
from pos.sale.domain.credit_notes import CreditNote, ReturnDraft, draft_return
from pos.sale.services.returns_and_voids import (
    ManagerApproval,
    ReturnRequest,
    SaleHistory,
    VoidRequest,
    check_return,
    check_void,
    return_goods,
    void_sale,
)
from pos.till.services.session import TillSession


@dataclass(frozen=True)
class ReturnChoice:
    """One sale and what of it comes back: sale line → thousandths, lines left at 0 dropped."""

    history: SaleHistory
    chosen: Mapping[SaleLineId, int]
    refund_in_cash: bool
    note_id: CreditNoteId


def selected_line(history: SaleHistory | None, row: int) -> tuple[SaleLineId, int] | None:
    """The sale line shown in ``row`` of the table and what may still be returned of it."""
    if history is None or row < 0:
        return None
    line = history.sale.lines[row]
    return line.line_id, history.returnable[line.line_id]


def everything_sold(history: SaleHistory) -> dict[SaleLineId, int]:
    """Every line of the sale in full: what a void takes back."""
    return {line.line_id: line.quantity_milli for line in history.sale.lines}


def refund_draft(
    history: SaleHistory,
    chosen: Mapping[SaleLineId, int],
    rounding: CashRounding,
    *,
    refund_in_cash: bool,
    void: bool = False,
) -> ReturnDraft:
    """The credit note ``chosen`` would make (a void always refunds by the original tenders)."""
    return draft_return(
        history.sale,
        history.credit_notes,
        chosen,
        rounding=rounding,
        refund_in_cash=refund_in_cash and not void,
        void=void,
    )


def _cashier_id(till: TillSession) -> UserId:
    user = till.user
    assert user is not None and user.user_id is not None, "the returns screen needs a user"
    return user.user_id


def _return_request(till: TillSession, choice: ReturnChoice, reason: str) -> ReturnRequest:
    return ReturnRequest(
        choice.note_id,
        choice.history.sale.sale_id,
        dict(choice.chosen),
        _cashier_id(till),
        reason,
        refund_in_cash=choice.refund_in_cash,
        print_note=True,
    )


def _void_request(till: TillSession, choice: ReturnChoice, reason: str) -> VoidRequest:
    return VoidRequest(
        credit_note_id=choice.note_id,
        sale_id=choice.history.sale.sale_id,
        cashier_id=_cashier_id(till),
        reason=reason,
        print_note=True,
    )


def check_before_pin(till: TillSession, choice: ReturnChoice, reason: str, *, void: bool) -> None:
    """Refuse (ReturnError, NoOpenShiftError: ValueErrors) as storing would, before any PIN."""
    if void:
        check_void(till.uow_factory, till.clock, _void_request(till, choice, reason))
    else:
        check_return(till.uow_factory, till.clock, _return_request(till, choice, reason))


def store_return(
    till: TillSession, choice: ReturnChoice, reason: str, approval: ManagerApproval
) -> CreditNote:
    """Store the return with its credit note, audit record and print job (one transaction)."""
    request = _return_request(till, choice, reason)
    return return_goods(till.uow_factory, till.clock, request, approval)


def store_void(
    till: TillSession, choice: ReturnChoice, reason: str, approval: ManagerApproval
) -> CreditNote:
    """Void the whole sale: its credit note, audit record and print job (one transaction)."""
    request = _void_request(till, choice, reason)
    return void_sale(till.uow_factory, till.clock, request, approval=approval)
