"""``otop-pos sync configure`` on a replaced counter (a fresh store, the same terminal):
with the address and the token it fetches ``GET /v1/terminal/numbers`` and continues each
sequence from the head office's last serial, prints what it set, never lowers a counter;
a head office not reached leaves the settings saved and says to fetch the numbers again.

The head office is a small HTTP server on a loopback thread (http.server) answering the
protocol's :class:`pos.sync.wire.TerminalNumbers`; ``otop-pos`` is a real process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pos.bootstrap import initialise
from pos.store.database import DATABASE_FILENAME, raw_connection
from pos.sync.wire import NUMBERS_PATH, TerminalNumbers
from tests.hq_server import PROJECT, free_port

TOKEN = "otop_" + "n" * 40


class Numbers(ThreadingHTTPServer):
    last: dict[str, int]
    asked: list[str]


class _Handler(BaseHTTPRequestHandler):
    server: Numbers

    def do_GET(self) -> None:
        self.server.asked.append(f"{self.path} {self.headers.get('Authorization')}")
        if self.path != NUMBERS_PATH:
            self.send_error(404)
            return
        body = json.dumps(TerminalNumbers("POS01", self.server.last).to_json()).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def head_office() -> Iterator[Numbers]:
    server = Numbers(("127.0.0.1", 0), _Handler)
    server.last, server.asked = {}, []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def _configure(data_dir: Path, url: str, *more: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            *(sys.executable, str(PROJECT / "main.py"), "--data-dir", str(data_dir), "sync"),
            *("configure", "--url", url, "--token-stdin", *more),
        ],
        input=TOKEN + "\n",
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        timeout=120,
    )


def _counters(data_dir: Path) -> dict[str, tuple[int, int]]:
    with raw_connection(data_dir / DATABASE_FILENAME) as connection:
        rows = connection.execute("SELECT name, value, hq_last FROM counter").fetchall()
    return {name: (value, hq_last) for name, value, hq_last in rows}


def _audited(data_dir: Path) -> list[dict[str, object]]:
    with raw_connection(data_dir / DATABASE_FILENAME) as connection:
        rows = connection.execute("SELECT detail_json FROM audit_event").fetchall()
    return [d for (text,) in rows if (d := json.loads(text)).get("key") == "numbers"]


def test_configure_continues_the_head_offices_numbers_and_never_lowers_them(
    head_office: Numbers, tmp_path: Path
) -> None:
    data_dir = tmp_path / "replaced"
    initialise(data_dir, demo=False)[0].close()
    head_office.last = {"receipt": 41, "credit_note": 2, "tax_invoice": 0, "z_report": 7}
    url = f"http://127.0.0.1:{head_office.server_port}"
    done = _configure(data_dir, url)
    assert done.returncode == 0, done.stderr
    assert "numbers: receipt:POS01 raised 0 → 41" in done.stdout
    assert "numbers: z_report:POS01 raised 0 → 7" in done.stdout
    assert "numbers: shift:POS01 kept at 0" in done.stdout
    assert head_office.asked == [f"{NUMBERS_PATH} Bearer {TOKEN}"]
    counters = _counters(data_dir)
    assert counters["receipt:POS01"] == (41, 41) and counters["z_report:POS01"] == (7, 7)
    head_office.last = {"receipt": 30}  # lower than what the counter has: nothing goes down
    again = _configure(data_dir, url, "--numbers")
    assert again.returncode == 0 and "receipt:POS01 kept at 41" in again.stdout
    assert _counters(data_dir)["receipt:POS01"] == (41, 41)
    assert len(_audited(data_dir)) == 2


def test_a_head_office_not_reached_keeps_the_settings_and_says_what_to_do(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "replaced"
    initialise(data_dir, demo=False)[0].close()
    done = _configure(data_dir, f"http://127.0.0.1:{free_port()}")
    assert done.returncode == 4
    assert "sync configure --numbers" in done.stderr and "Traceback" not in done.stderr
    assert "sync settings" in done.stdout  # saved before the numbers were asked
    assert _counters(data_dir).get("receipt:POS01", (0, 0)) == (0, 0)
