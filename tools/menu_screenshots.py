"""Screenshots of the till's menu screens (issue 5) for docs/screenshots.

    xvfb-run -a -s "-screen 0 1366x768x24" \
        .venv/bin/python -m tools.menu_screenshots docs/screenshots

On a demo store with a simulated day (:mod:`tools.sample_store`): the sale
screen while the printer is off and receipts wait (``printer-waiting.png``),
the sales history with a receipt selected (``sales-history.png``) and the
manager's header and footer dialog (``receipt-header-dialog.png``).
"""

from __future__ import annotations

import socket
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from pos.bootstrap import open_till
from pos.clock import SystemClock
from pos.printing.domain.printer_settings import ConnectionKind, PrinterSettings
from pos.printing.services.print_jobs import queue_document
from receipts.print_service import start_printing
from tools.sample_store import MANAGER_PIN, SampleStore, build_sample_store
from ui.app import create_application
from ui.main_window import CounterWindow

SILK = "8855512010014"


def free_port() -> int:
    """A loopback port nobody listens on: a printer that is switched off."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _settle(app: QApplication, seconds: float = 0.5) -> None:  # ok-float
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"{path}: {widget.width()}×{widget.height()}")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    with tempfile.TemporaryDirectory() as work:
        store = build_sample_store(Path(work) / "data", sales=60)
        context = store.context
        _switched_off_printer_with_receipts(store)
        printing = start_printing(context)
        till = open_till(context)
        window = CounterWindow(till, context=context)
        window.resize(1366, 768)
        window.show()
        manager = next(user for user in till.users() if user.is_manager)
        assert manager.user_id is not None
        till.log_in(manager.user_id, MANAGER_PIN)
        window._logged_in(manager)
        window.sale.submit_scan(SILK)
        context.wake_printer()
        _settle(app, 4)
        _save(window, out / "printer-waiting.png")
        _back_office_shots(app, window, store, out)
        window.sale.questions.ask_clear()
        window.close()
        printing.stop()
        context.close()
    return 0


def _switched_off_printer_with_receipts(store: SampleStore) -> None:
    """A printer that is switched off, and the day's last two receipts waiting for it."""
    with store.context.uow_factory() as uow:
        printer = PrinterSettings(
            connection=ConnectionKind.NETWORK,
            host="127.0.0.1",
            port=free_port(),
            timeout_seconds=1,
        )
        uow.settings.save(uow.settings.load().replace(receipt_printer=printer))
        for sale in uow.sales.sales_on(store.day)[-2:]:
            queue_document(uow, "sale", sale.receipt_number, SystemClock())
        uow.commit()


def _back_office_shots(
    app: QApplication, window: CounterWindow, store: SampleStore, out: Path
) -> None:
    assert window.back_office is not None
    history = window.back_office.open_history()
    history.load_day(store.day)
    history.table.selectRow(12)
    _settle(app)
    _save(history, out / "sales-history.png")
    history.close()
    header = window.back_office.open_header_settings()
    assert header is not None
    _settle(app)
    _save(header, out / "receipt-header-dialog.png")
    header.close()


if __name__ == "__main__":
    raise SystemExit(main())
