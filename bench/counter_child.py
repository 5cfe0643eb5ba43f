"""One counter process for :mod:`bench.bench_counter`: started as ``./run.sh`` starts it.

``python -m bench.counter_child DATA_DIR start`` prints, each as soon as it is
true, ``login-ready`` (the log-in screen is painted) and ``scan-ready`` (the PIN
was typed and checked, the sale screen is painted with the focus in the scan
field), then exits.  ``... DATA_DIR scan CODES_FILE`` also fills a 200-line cart,
then times scans (the Enter key event to the new line painted) and prints one
JSON line with the samples and the resident memory.  The parent takes the times.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from ui.app import Counter, start_counter

CART_LINES = 200
COUNTER_SCREEN = QSize(1366, 768)  # a common counter screen; the window fills it
SAMPLES = 300


class PaintWatch(QObject):
    """Counts the paint events of a widget."""

    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def _say(text: str) -> None:
    print(text, flush=True)


def _wait_painted(counter: Counter) -> None:
    if counter.window.size() != COUNTER_SCREEN:  # offscreen's default screen is 800×600
        counter.window.showNormal()
        counter.window.setGeometry(0, 0, COUNTER_SCREEN.width(), COUNTER_SCREEN.height())
    QTest.qWaitForWindowExposed(counter.window)
    counter.window.activateWindow()  # a bare X server has no window manager to do it
    QTest.qWaitForWindowActive(counter.window, 2000)
    counter.app.processEvents()


def _log_in(counter: Counter) -> None:
    pin = counter.window.login.pin_input
    QTest.keyClicks(pin, "1234")
    QTest.keyClick(pin, Qt.Key.Key_Return)
    counter.app.processEvents()
    assert counter.till.user is not None, "the PIN was not accepted"
    focus = QApplication.focusWidget()
    assert focus is counter.window.sale.scan_input, "no focus in the scan field"


def _scan(counter: Counter, code: str) -> tuple[float, float]:
    """Type a code into the scan field; when Enter was pressed, and seconds to the line painted."""
    scan_input = counter.window.sale.scan_input
    table = counter.window.sale.cart_table
    watch = PaintWatch(table.viewport())
    QTest.keyClicks(scan_input, code)
    rows = table.model().rowCount()
    start = time.perf_counter()
    QTest.keyClick(scan_input, Qt.Key.Key_Return)
    counter.app.processEvents()  # the paint the key event scheduled happens here
    elapsed = time.perf_counter() - start
    assert table.model().rowCount() == rows + 1 and watch.paints > 0, f"{code} not painted"
    watch.deleteLater()
    return start, elapsed


def _durable_times(counter: Counter) -> dict[int, float]:
    """When each revision of the cart was committed, by the journal's writer thread."""
    written: dict[int, float] = {}
    counter.till.journal.on_written = lambda saved: written.__setitem__(
        saved.revision if saved else -1, time.perf_counter()
    )
    return written


def _resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure_scans(counter: Counter, codes: list[str]) -> dict[str, object]:
    for code in codes[:CART_LINES]:
        counter.window.sale.submit_scan(code)
    counter.app.processEvents()
    counter.till.journal.flush()
    written = _durable_times(counter)
    painted, durable = [], []
    for code in codes[CART_LINES : CART_LINES + SAMPLES]:
        start, elapsed = _scan(counter, code)
        painted.append(elapsed * 1000)
        revision = counter.till.revision
        counter.till.journal.flush()
        durable.append((written[revision] - start) * 1000)
        counter.till.remove_line(counter.till.cart.lines[-1].line_id)  # back to 200 lines
        counter.window.sale.refresh()
        counter.app.processEvents()
        counter.till.journal.flush()
    for term in ("ผ้าไหม", "กระเทียม", "silk", "หอม"):
        counter.window.sale.search.search_input.setText(term)
        counter.window.sale.search.run_search()
    counter.app.processEvents()
    return {
        "painted_ms": painted,
        "durable_ms": durable,
        "rss_mb": _resident_mb(),
        "lines": len(counter.till.cart.lines),
    }


def main(data_dir: str, mode: str, codes_file: str | None = None) -> int:
    counter = start_counter(data_dir)
    _wait_painted(counter)
    _say("login-ready")
    _log_in(counter)
    _wait_painted(counter)
    _say("scan-ready")
    if mode == "scan" and codes_file:
        codes = Path(codes_file).read_text().split()
        _say(json.dumps(measure_scans(counter, codes)))
        counter.till.clear_cart()
    counter.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
