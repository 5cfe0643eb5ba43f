"""A checkout process killed with SIGKILL leaves the whole sale or none of it, never a part.

The processes are real: ``otop-pos simulate`` rings up sales through the
checkout service on a real store, and is killed (a) while frozen inside the
checkout transaction — the sale's rows written, the commit not yet done — and
(b) at random moments.  Afterwards the store must hold only whole sales,
numbered without gaps, and a restart must carry on as if nothing happened.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cli.main import main
from pos.store.database import DATABASE_FILENAME
from pos.testhooks import PAUSE_AT, PAUSE_SIGNAL
from tests.integration.store_checks import assert_store_consistent

PROJECT = Path(__file__).resolve().parents[2]
SIMULATE = [
    "simulate",
    "--days",
    "2",
    "--sales-per-day",
    "40",
    "--seed",
    "7",
    "--return-rate",
    "0.05",
    "--void-rate",
    "0.03",
]


def start(data_dir: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """The counter's CLI as a child; its stderr goes to a file beside the store (no pipe is left
    open when the child is killed, which warnings-as-errors would report)."""
    with stderr_file(data_dir).open("w") as stderr:
        return subprocess.Popen(
            [sys.executable, str(PROJECT / "main.py"), "--data-dir", str(data_dir), *args],
            cwd=PROJECT,
            env={**os.environ, **(env or {})},
            text=True,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )


def stderr_file(data_dir: Path) -> Path:
    return data_dir.parent / f"{data_dir.name}-stderr.txt"


def wait_for(path: Path, process: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert process.poll() is None, f"the process ended early (exit {process.returncode})"
        assert time.monotonic() < deadline, "the process never reached the pause point"
        time.sleep(0.02)


def count(data_dir: Path, sql: str) -> int:
    with sqlite3.connect(data_dir / DATABASE_FILENAME) as connection:
        return int(connection.execute(sql).fetchone()[0])


@pytest.fixture
def store(tmp_path: Path) -> Path:
    data_dir = tmp_path / "store"
    assert main(["--data-dir", str(data_dir), "init", "--demo"]) == 0
    return data_dir


def test_killed_inside_the_checkout_transaction_the_sale_is_absent(
    store: Path, tmp_path: Path
) -> None:
    assert (
        main(
            [
                "--data-dir",
                str(store),
                "simulate",
                "--days",
                "1",
                "--sales-per-day",
                "5",
                "--return-rate",
                "0",
                "--void-rate",
                "0",
            ]
        )
        == 0
    )
    lines_before = count(store, "SELECT count(*) FROM sale_line")
    paused = tmp_path / "paused"
    process = start(
        store,
        "simulate",
        "--days",
        "1",
        "--sales-per-day",
        "5",
        "--seed",
        "2",
        env={PAUSE_AT: "checkout", PAUSE_SIGNAL: str(paused)},
    )
    wait_for(paused, process)
    assert int(paused.read_text()) == process.pid
    # frozen inside the transaction: its rows are written but nobody else can see them
    assert count(store, "SELECT count(*) FROM sale") == 5
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL

    assert assert_store_consistent(store) == 5
    assert count(store, "SELECT count(*) FROM sale_line") == lines_before
    assert count(store, "SELECT value FROM counter WHERE name = 'receipt:POS01'") == 5
    # the next sale takes the next number: no gap where the killed sale would have been
    assert (
        main(
            [
                "--data-dir",
                str(store),
                "simulate",
                "--days",
                "1",
                "--sales-per-day",
                "5",
                "--seed",
                "2",
                "--return-rate",
                "0",
                "--void-rate",
                "0",
            ]
        )
        == 0
    )
    assert assert_store_consistent(store) == 10


def normalised(data_dir: Path, day: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """The day's export without the ids that are random per run (line and tender UUIDs)."""
    assert main(["--data-dir", str(data_dir), "sales", "export", "--date", day]) == 0
    export = json.loads(capsys.readouterr().out)
    for sale in export["sales"]:
        for record in sale["lines"] + sale["tenders"]:
            record.pop("line_id", None)
            record.pop("tender_id", None)
    for note in export["credit_notes"]:
        for record in note["lines"] + note["refunds"]:
            for key in ("line_id", "sale_line_id", "refund_id", "tender_id"):
                record.pop(key, None)
    return export


def test_killed_at_random_moments_then_restarted_ends_as_if_never_killed(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = tmp_path / "reference"
    assert main(["--data-dir", str(reference), "init", "--demo"]) == 0
    assert main(["--data-dir", str(reference), *SIMULATE]) == 0
    kills, rng = 0, random.Random(11)
    while kills < 3:
        process = start(store, *SIMULATE)
        time.sleep(rng.uniform(1.2, 3.0))
        if process.poll() is not None:
            break  # it finished before the kill
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        kills += 1
        assert_store_consistent(store)
    assert kills >= 1, "the run was always too quick to be killed"
    assert main(["--data-dir", str(store), *SIMULATE]) == 0
    capsys.readouterr()
    assert assert_store_consistent(store) == 80
    for day in ("2021-03-01", "2021-03-02"):
        assert normalised(store, day, capsys) == normalised(reference, day, capsys)
