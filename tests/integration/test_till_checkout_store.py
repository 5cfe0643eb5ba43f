"""Checkout from the till on a real SQLite store: sale, cart removal and receipt job in ONE commit.

A failure inside the transaction (after the sale's rows are written) and a
SIGKILL while frozen there both leave the store as before the payment: no
sale, no used receipt number, no print job, and the open cart still saved —
so the restarted till gets the cart back and sells it with the same number.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

import pos.sale.services.checkout as checkout_module
from pos.bootstrap import AppContext, open_context, open_till
from pos.clock import FakeClock
from pos.sale.domain.tenders import CashTender
from pos.shifts.services.shift_lifecycle import OpenShiftRequest, open_shift
from pos.store.database import DATABASE_FILENAME, raw_connection
from pos.testhooks import PAUSE_AT, PAUSE_SIGNAL
from pos.till.services.pay import pay
from tests.integration.store_checks import assert_store_consistent
from tests.integration.test_checkout_crash import wait_for

CHILD = Path(__file__).with_name("till_checkout_child.py")


@pytest.fixture(autouse=True)
def shift_open(demo_context: AppContext) -> None:
    """The demo cashier's shift, opened before the till's clock (nothing sells without one)."""
    request = OpenShiftRequest(uuid.uuid4(), 1, float_satang=100_000)
    open_shift(
        demo_context.uow_factory, FakeClock(FakeClock().now() - dt.timedelta(hours=1)), request
    )


PROJECT = Path(__file__).resolve().parents[2]
SILK, GARLIC = "8855512010014", "8857717001019"


def _count(data_dir: Path, sql: str) -> int:
    with raw_connection(data_dir / DATABASE_FILENAME) as connection:
        return int(connection.execute(sql).fetchone()[0])


def _state(data_dir: Path) -> tuple[int, int, int, int]:
    """(sales, receipt counter, print jobs, saved carts)."""
    return (
        _count(data_dir, "SELECT count(*) FROM sale"),
        _count(data_dir, "SELECT coalesce(max(value), 0) FROM counter WHERE name LIKE 'receipt:%'"),
        _count(data_dir, "SELECT count(*) FROM print_job"),
        _count(data_dir, "SELECT count(*) FROM till_cart"),
    )


def test_the_sale_its_cart_and_its_receipt_job_commit_together(demo_context: AppContext) -> None:
    assert demo_context.data_dir is not None
    till = open_till(demo_context, FakeClock(), background=False)
    till.log_in(1, "1234")
    till.scan(SILK)
    till.scan(GARLIC)
    assert _state(demo_context.data_dir) == (0, 0, 0, 1)
    sale = pay(till, till.sale_draft(), [CashTender(300_000)])
    assert _state(demo_context.data_dir) == (1, 1, 1, 0)
    with raw_connection(demo_context.data_dir / DATABASE_FILENAME) as connection:
        job = connection.execute(
            "SELECT document_kind, reference, open_drawer, state FROM print_job"
        ).fetchone()
    assert job == ("sale", sale.receipt_number, 1, "pending")
    till.close()


def test_a_failure_inside_the_transaction_leaves_no_sale_and_keeps_the_cart(
    demo_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert demo_context.data_dir is not None
    till = open_till(demo_context, FakeClock(), background=False)
    till.log_in(1, "1234")
    till.scan(SILK)
    draft = till.sale_draft()

    def queue_fails(*_: object, **__: object) -> None:
        raise OSError("disk full")  # after the sale's rows are written, before the commit

    monkeypatch.setattr(checkout_module, "queue_document", queue_fails)
    with pytest.raises(OSError, match="disk full"):
        pay(till, draft, [CashTender(245_000)])
    assert _state(demo_context.data_dir) == (0, 0, 0, 1)
    assert [line.product.barcode for line in till.cart.lines] == [SILK]
    monkeypatch.undo()
    sale = pay(till, draft, [CashTender(245_000)])  # the same draft pays once it can
    assert sale.receipt_number == "POS01-00000001"
    assert _state(demo_context.data_dir) == (1, 1, 1, 0)
    till.close()


def test_killed_inside_the_till_checkout_the_cart_comes_back_and_sells_once(
    demo_context: AppContext, tmp_path: Path
) -> None:
    data_dir = demo_context.data_dir
    assert data_dir is not None
    paused = tmp_path / "paused"
    env = {**os.environ, PAUSE_AT: "checkout", PAUSE_SIGNAL: str(paused)}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir)],
        cwd=PROJECT,
        env=env,
        text=True,
        stdout=subprocess.DEVNULL,  # no pipe left open when it is killed
        stderr=subprocess.DEVNULL,
    )
    wait_for(paused, child)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL
    assert _state(data_dir) == (0, 0, 0, 1)

    reopened = open_context(data_dir)
    try:
        till = open_till(reopened, FakeClock(), background=False)
        restored = till.restore()
        assert restored is not None and restored.item_count == 2
        till.log_in(1, "1234")
        sale = pay(till, till.sale_draft(), [CashTender(300_000)])
        assert sale.receipt_number == "POS01-00000001" and sale.total_satang == 260_900
        assert str(sale.sale_id) == restored.cart_uuid
        assert _state(data_dir) == (1, 1, 1, 0)
        till.close()
    finally:
        reopened.close()
    assert assert_store_consistent(data_dir) == 1
