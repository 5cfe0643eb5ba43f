"""Every entry point that stores free text refuses what the head office could not store.

A real SQLite store: buyer details, the reasons of returns, voids, replaced tax invoices,
cash movements and a drawer opened without a sale, the shift-close note and the receipt
header each refuse a NUL, an escape sequence or an over-long text with the field named,
and leave the store as it was; the command line's ``shift cash-out --reason`` runs as a
subprocess and exits 1 with one line.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pos.bootstrap import AppContext, initialise
from pos.clock import FakeClock
from pos.ids import CashMovementId, CreditNoteId, UserId
from pos.printing.services.receipt_settings import (
    HeaderEntry,
    ReceiptSettingsError,
    save_receipt_header,
)
from pos.sale.domain.completed_sale import BuyerDetails, BuyerDetailsError, Sale
from pos.sale.domain.credit_notes import ReturnError
from pos.sale.domain.tenders import CashTender
from pos.sale.services.returns_and_voids import (
    ManagerApproval,
    ReturnRequest,
    open_drawer_without_sale,
    return_goods,
)
from pos.sale.services.tax_invoices import TaxInvoiceError, issue_tax_invoice
from pos.shifts.domain.cash_control import CashMovementKind, ShiftError, count_for_amount
from pos.shifts.services.shift_lifecycle import (
    CashMovementRequest,
    CloseShiftRequest,
    close_shift,
    current_shift,
    record_cash_movement,
)
from pos.store.database import DATABASE_FILENAME
from pos.unit_of_work import UnitOfWork
from tests.sales_helpers import JULY_2021, MANAGER_PIN, SILK, add_staff, cart_of, open_till, sell

PROJECT = Path(__file__).resolve().parents[2]
TAX_ID = "1-1111-11111-11-9"
HOSTILE = {
    "NUL": ("ลดราคา\x00", "NUL"),
    "escape": ("\x1b[2Jคืนเงิน", "control character (U+001B)"),
    "too long": ("ก" * 131_073, "longer than"),
}


class Shop:
    def __init__(self, context: AppContext, cashier: int, manager: int):
        self.context, self.cashier, self.manager = context, UserId(cashier), UserId(manager)
        self.clock = FakeClock(JULY_2021)

    @property
    def uow_clock(self) -> tuple[Callable[[], UnitOfWork], FakeClock]:
        return self.context.uow_factory, self.clock

    @property
    def approval(self) -> ManagerApproval:
        return ManagerApproval(self.manager, MANAGER_PIN)

    def sale(self) -> Sale:
        return sell(
            self.context, self.clock, cart_of((SILK, 1)), [CashTender(250_000)], self.cashier
        )

    def dump(self) -> list[str]:
        assert self.context.data_dir is not None
        connection = sqlite3.connect(self.context.data_dir / DATABASE_FILENAME)
        try:
            return list(connection.iterdump())
        finally:
            connection.close()


@pytest.fixture
def shop(data_dir: Path) -> Iterator[Shop]:
    context, _ = initialise(data_dir, demo=False)
    cashier, manager = add_staff(context)
    shop = Shop(context, cashier, manager)
    open_till(context, shop.clock, cashier)
    yield shop
    context.close()


def refused(shop: Shop, error: type[Exception], action: Callable[[], object], *words: str) -> str:
    before = shop.dump()
    with pytest.raises(error) as raised:
        action()
    message = str(raised.value)
    assert all(word in message for word in words), message
    assert shop.dump() == before
    return message


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_buyer_details_refuse_hostile_text_naming_the_field(kind: str) -> None:
    text, what = HOSTILE[kind]
    for field, args in (
        ("name", (text, "12 ม.3", TAX_ID)),
        ("address", ("นางสาวมาลี", text, TAX_ID)),
    ):
        with pytest.raises(BuyerDetailsError) as raised:
            BuyerDetails.checked(*args)
        assert raised.value.field == field and what in str(raised.value)


def test_the_address_may_have_lines_but_the_name_may_not() -> None:
    assert BuyerDetails.checked("มาลี", "12 ม.3\nต.โพธิ์", TAX_ID).address == "12 ม.3\nต.โพธิ์"
    with pytest.raises(BuyerDetailsError, match="one line"):
        BuyerDetails.checked("มาลี\nศรีสุข", "12 ม.3", TAX_ID)


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_reasons_are_refused_and_nothing_is_stored(shop: Shop, kind: str) -> None:
    text, what = HOSTILE[kind]
    sale = shop.sale()
    line = sale.lines[0].line_id
    request = ReturnRequest(
        CreditNoteId(uuid.uuid4()), sale.sale_id, {line: 1000}, shop.cashier, text
    )
    refused(shop, ReturnError, lambda: return_goods(*shop.uow_clock, request, shop.approval), what)
    movement = CashMovementRequest(
        CashMovementId(uuid.uuid4()), CashMovementKind.CASH_OUT, 10_000, text, shop.cashier
    )
    refused(
        shop,
        ShiftError,
        lambda: record_cash_movement(*shop.uow_clock, movement),
        "reason",
        what,
    )
    refused(
        shop,
        ValueError,
        lambda: open_drawer_without_sale(*shop.uow_clock, user_id=shop.cashier, reason=text),
        what,
    )
    buyer = BuyerDetails.checked("มาลี", "12 ม.3", TAX_ID)
    issue_tax_invoice(*shop.uow_clock, sale_id=sale.sale_id, buyer=buyer, user_id=shop.cashier)
    refused(
        shop,
        TaxInvoiceError,
        lambda: issue_tax_invoice(
            *shop.uow_clock, sale_id=sale.sale_id, buyer=buyer, user_id=shop.cashier, reason=text
        ),
        what,
    )


def test_the_shift_close_note_is_refused_before_anything_is_counted(shop: Shop) -> None:
    shift = current_shift(shop.context.uow_factory)
    assert shift is not None
    count, _ = count_for_amount(shift.float_satang)
    request = CloseShiftRequest(shift.shift_id, shop.cashier, count, note="นับแล้ว\x07")
    refused(shop, ShiftError, lambda: close_shift(*shop.uow_clock, request), "note", "U+0007")


def test_the_receipt_header_is_refused_naming_the_field(shop: Shop) -> None:
    entry = HeaderEntry(
        name="ศูนย์ OTOP",
        address="ศาลากลาง",
        tax_id="",
        branch="",
        pos_id="POS01",
        phone="045\x00612345",
        vat_registered=False,
        footer="ขอบคุณ\nมาอีกนะ",
    )
    message = refused(
        shop,
        ReceiptSettingsError,
        lambda: save_receipt_header(
            shop.context.uow_factory, entry, user_id=shop.manager, clock=shop.clock
        ),
        "phone",
        "NUL",
        "โทรศัพท์",
    )
    assert message.startswith("phone: ")


def test_the_command_line_refuses_a_hostile_reason_in_one_line(shop: Shop) -> None:
    assert shop.context.data_dir is not None
    data_dir = shop.context.data_dir
    before = shop.dump()
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    command = ["shift", "cash-out", "--user", str(shop.cashier), "--amount", "100"]
    command += ["--reason", "เซฟ\x1b[2J"]
    result = subprocess.run(
        [sys.executable, str(PROJECT / "main.py"), "--data-dir", str(data_dir), *command],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    [line] = result.stderr.splitlines()
    assert "reason" in line and "U+001B" in line and "Traceback" not in line
    assert shop.dump() == before


def test_buyer_details_built_without_the_check_are_still_refused(shop: Shop) -> None:
    """Another program (or a test) can build BuyerDetails directly: the service holds it too."""
    sale = shop.sale()
    unchecked = BuyerDetails("มาลี\x00", "12 ม.3", "1111111111119")
    refused(
        shop,
        TaxInvoiceError,
        lambda: issue_tax_invoice(
            *shop.uow_clock, sale_id=sale.sale_id, buyer=unchecked, user_id=shop.cashier
        ),
        "name: contains a NUL",
    )
