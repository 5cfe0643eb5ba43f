"""``sync --give-up-after`` against a head office that accepts and never answers, and a
sync killed from outside: the run ends by its deadline, and a killed run shows as
interrupted in ``sync status`` (not as the earlier run's "done").

The head office here is a raw loopback socket server on a thread: it accepts every
connection, reads nothing back and never answers (a hung proxy, a frozen server).
The counter is a real store on disk and ``otop-pos`` a real process.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.adapters.token_file import write_token
from pos.bootstrap import AppContext
from pos.clock import SystemClock
from tests.hq_server import PROJECT
from tests.sync_helpers import simulated_counter

pytestmark = pytest.mark.slow

TOKEN = "otop_" + "s" * 40
SLACK_SECONDS = 15.0  # a bound only (process start on a loaded machine), not a measure


class SilentHeadOffice:
    """Accepts connections and keeps them open without a byte of answer."""

    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.accepted = threading.Event()
        self._held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._server.accept()
            except OSError:  # closed
                return
            self._held.append(connection)
            self.accepted.set()

    def close(self) -> None:
        self._server.close()
        self._thread.join(timeout=10)
        for connection in self._held:
            connection.close()


@pytest.fixture
def silent() -> Iterator[SilentHeadOffice]:
    server = SilentHeadOffice()
    yield server
    server.close()


def counter_at(data_dir: Path, base_url: str) -> AppContext:
    context, _ = simulated_counter(data_dir, days=1, sales_per_day=3)
    write_token(data_dir, TOKEN)
    with context.uow_factory() as uow:
        settings = uow.settings.load()
        sync = settings.sync.from_setting({**settings.sync.to_setting(), "hq_url": base_url})
        uow.settings.save(settings.replace(sync=sync))
        uow.commit()
    return context


def otop_pos(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(PROJECT / "main.py"), "--data-dir", str(data_dir), *args],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )


def test_give_up_after_ends_the_whole_run_against_a_head_office_that_never_answers(
    silent: SilentHeadOffice, tmp_path: Path
) -> None:
    context = counter_at(tmp_path / "c", silent.base_url)
    context.close()
    give_up = 3.0
    started = time.monotonic()
    process = otop_pos(tmp_path / "c", "sync", "--give-up-after", str(give_up))
    try:
        output, _ = process.communicate(timeout=give_up + SLACK_SECONDS)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    elapsed = time.monotonic() - started
    assert silent.accepted.is_set()  # it did wait on the silent head office
    assert process.returncode == 4, output
    assert "unreachable" in output and "waiting" in output
    assert elapsed < give_up + SLACK_SECONDS


def test_a_sync_killed_midway_shows_as_interrupted_not_as_the_earlier_runs_outcome(
    silent: SilentHeadOffice, tmp_path: Path
) -> None:
    context = counter_at(tmp_path / "c", silent.base_url)
    with context.uow_factory() as uow:  # an earlier run that went through
        uow.outbox.note_run(SystemClock().now(), "done", "sync done: earlier", success=True)  # type: ignore[attr-defined]
        uow.commit()
    context.close()
    process = otop_pos(tmp_path / "c", "sync", "--give-up-after", "120")
    try:
        assert silent.accepted.wait(60), "the sync never reached the head office"
        os.kill(process.pid, signal.SIGKILL)
        process.communicate(timeout=30)
        assert process.returncode == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    status = otop_pos(tmp_path / "c", "sync", "status")
    text, _ = status.communicate(timeout=60)
    assert status.returncode == 0, text
    last_run = next(line for line in text.splitlines() if line.startswith("last run:"))
    assert "INTERRUPTED" in last_run and "done" not in last_run
    as_json = otop_pos(tmp_path / "c", "sync", "status", "--json")
    data = json.loads(as_json.communicate(timeout=60)[0])
    assert data["last_outcome"] == "interrupted" and data["run_started_at"]
