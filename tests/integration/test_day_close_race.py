"""A sale at the very moment of closing lands in exactly one shift and one day: never lost or twice.

Two real processes race on the same SQLite file: one rings up sales without
pause (opening the next shift whenever its own was closed under it), the
other counts the drawer and closes the shift and the day (Z report) in one
transaction at random moments, again and again.  Afterwards every sale the seller saw committed is
in exactly one Z report, every Z report's count and net equal its sales, the
Z numbers run without gaps, and no sale was stored in a shift after the
shift's close.
"""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from cli.main import main
from pos.bootstrap import open_context
from pos.store.database import DATABASE_FILENAME
from tests.integration import race_workers


def race(store: Path, tmp_path: Path, *, rounds: int, seed: int) -> tuple[Any, Any]:
    spawn = multiprocessing.get_context("spawn")
    sold, closed = tmp_path / f"sold-{seed}.json", tmp_path / f"closed-{seed}.json"
    start, stop = spawn.Barrier(2), spawn.Event()
    processes = [
        spawn.Process(target=race_workers.seller, args=(str(store), start, stop, str(sold))),
        spawn.Process(
            target=race_workers.closer, args=(str(store), start, stop, rounds, seed, str(closed))
        ),
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=300)
        assert process.exitcode == 0, "a racing process failed"
    return json.loads(sold.read_text()), json.loads(closed.read_text())


@pytest.mark.slow
def test_a_sale_at_the_moment_of_closing_lands_in_exactly_one_day(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert main(["--data-dir", str(store), "init", "--demo"]) == 0
    seen: list[list[str]] = []
    z_taken: list[str] = []
    refused = 0
    for seed in (1, 2, 3):  # repeated: three races on the same store
        sold, closed = race(store, tmp_path, rounds=8, seed=seed)
        seen += sold["sales"]
        refused += sold["refused"]
        z_taken += closed["z_numbers"]
    context = open_context(store)
    try:
        z_taken += race_workers.close_everything(context)  # the last day
    finally:
        context.close()
    assert len(z_taken) >= 12 and refused >= 3, "the race never happened"

    connection = sqlite3.connect(store / DATABASE_FILENAME)
    try:
        stored = dict(
            connection.execute(
                "SELECT s.sale_uuid, sh.shift_uuid FROM sale s JOIN shift sh ON sh.id = s.shift_id"
            )
        )
        # every committed sale is stored once, in the shift the seller was told
        assert stored == dict(seen) and len(stored) == len(seen) > 100
        # …and in exactly one Z report: its day is closed and each Z counts exactly its sales
        rows = connection.execute(
            "SELECT z.number, z.sales_count, z.net_satang, count(s.id),"
            " coalesce(sum(s.total_satang), 0)"
            " FROM z_report z LEFT JOIN sale s ON s.business_day_id = z.business_day_id"
            " GROUP BY z.id ORDER BY z.serial"
        ).fetchall()
        assert [number for number, *_ in rows] == sorted(z_taken)
        assert [number for number, *_ in rows] == [
            f"POS01-Z-{n:08d}" for n in range(1, len(rows) + 1)
        ]
        for number, count, net, sold_count, sold_total in rows:
            assert (count, net) == (sold_count, sold_total), number
        assert sum(count for _, count, *_ in rows) == len(seen)
        assert connection.execute(
            "SELECT count(*) FROM sale s JOIN business_day d ON d.id = s.business_day_id"
            " WHERE d.closed_at_utc IS NULL OR s.sold_at_utc > d.closed_at_utc"
        ).fetchone() == (0,)
        assert connection.execute(
            "SELECT count(*) FROM sale s JOIN shift sh ON sh.id = s.shift_id"
            " WHERE s.sold_at_utc > sh.closed_at_utc OR s.business_day_id <> sh.business_day_id"
        ).fetchone() == (0,)
        # each shift's expected cash is its float plus exactly its own sales
        mismatched = connection.execute(
            "SELECT sh.number FROM shift sh JOIN shift_tender_result r ON r.shift_id = sh.id"
            " AND r.tender_key = 'cash' WHERE r.expected_satang <> sh.float_satang + (SELECT"
            " coalesce(sum(t.amount_satang), 0) FROM sale s JOIN sale_tender t ON t.sale_id = s.id"
            " WHERE s.shift_id = sh.id AND t.kind = 'cash')"
        ).fetchall()
        assert mismatched == []
    finally:
        connection.close()
