"""A disk that fills up in the middle of a sale: the sale is rolled back whole and says why.

The store lives on a real, small tmpfs mounted for the test, and a filler
file takes every byte left after the cashier has scanned the goods; the
payment then meets SQLite's "database or disk is full" inside the checkout
transaction.  Nothing of the sale may remain (no sale, no receipt number used,
no print job), the cart stays saved, the error is recognised as the disk's,
and once space is freed the same cart sells with the first receipt number.
Mounting needs root (or is refused in some containers): the test is skipped
with the reason then.
"""

from __future__ import annotations

import datetime as dt
import errno
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
from sqlalchemy.exc import OperationalError

from pos.bootstrap import initialise, open_till, store_problem_kind
from pos.clock import FakeClock
from pos.sale.domain.tenders import CashTender
from pos.shifts.services.shift_lifecycle import OpenShiftRequest, open_shift
from pos.till.services.pay import pay
from tests.integration.test_till_checkout_store import SILK, _state

CASH = 100_000_000  # a million baht in notes: more than enough, the rest is change


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount_point)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here: {mounted.stderr!r}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(folder: Path) -> Path:
    """Take every byte the filesystem has left."""
    filler = folder / "filler"
    block = b"\0" * 65536
    with filler.open("wb") as file:
        while _wrote(file, block):
            pass
    return filler


def _wrote(file: BinaryIO, block: bytes) -> bool:
    try:
        file.write(block)
        file.flush()
    except OSError as error:
        if error.errno != errno.ENOSPC:
            raise
        return False
    return True


def test_a_sale_meeting_a_full_disk_rolls_back_whole_keeps_the_cart_and_says_so(
    small_disk: Path,
) -> None:
    data_dir = small_disk / "store"
    context, _ = initialise(data_dir, demo=True)
    request = OpenShiftRequest(uuid.uuid4(), 1, float_satang=100_000)
    open_shift(context.uow_factory, FakeClock(FakeClock().now() - dt.timedelta(hours=1)), request)
    till = open_till(context, FakeClock(), background=False)
    till.log_in(1, "1234")
    for _ in range(40):  # a sale large enough to need new pages
        till.scan(SILK)
    draft = till.sale_draft()
    assert _state(data_dir) == (0, 0, 0, 1)
    filler = fill(small_disk)
    with pytest.raises(OperationalError, match="full") as failure:
        pay(till, draft, [CashTender(CASH)])
    assert store_problem_kind(failure.value) == "full"
    filler.unlink()
    assert _state(data_dir) == (0, 0, 0, 1)  # no sale, no number used, no job; the cart kept
    assert len(till.cart.lines) >= 1
    sale = pay(till, draft, [CashTender(CASH)])
    assert sale.receipt_number == "POS01-00000001"
    assert _state(data_dir) == (1, 1, 1, 0)
    till.close()
    context.close()
