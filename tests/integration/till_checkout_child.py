"""A till that rings up silk and garlic and pays cash, as a process a test can kill.

Run as ``python till_checkout_child.py DATA_DIR``: logs in the demo cashier,
scans, waits until the cart is on disk, then pays.  With the pause point
``checkout`` set (see :mod:`pos.testhooks`) it freezes inside the checkout's
transaction — sale rows written, cart not yet deleted, nothing committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pos.bootstrap import open_context, open_till
from pos.clock import FakeClock
from pos.sale.domain.tenders import CashTender
from pos.till.services.pay import pay

SILK, GARLIC = "8855512010014", "8857717001019"


def main(data_dir: str) -> None:
    context = open_context(Path(data_dir))
    till = open_till(context, FakeClock(), background=False)  # the test opened the shift before
    till.log_in(1, "1234")
    for code in (SILK, GARLIC):
        till.scan(code)
    sale = pay(till, till.sale_draft(), [CashTender(300_000)])
    print(sale.receipt_number)


if __name__ == "__main__":
    main(sys.argv[1])
