"""Counters syncing with the real head office: ``otop-pos hq serve`` on PostgreSQL, over TCP.

Each counter is a real store with simulated days (sales, returns, voids,
shifts with cash movements, Z reports) and syncs with ``otop-pos sync`` or
the same service in threads.  The faults of the issue happen with the
counter's side involved: the server killed in the middle of a batch, the
connection cut after the server committed, the same batch delivered twice at
once, two counters at once, a revoked token, a clock hours off, and the
counter itself killed mid-sync.  After each, counts and sums of sales, lines
and tenders are the same on both sides, every record is stored once, and
the head office's reports for the terminal are the counter's own.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

import psycopg
import pytest

from cli.main import main
from hq.bootstrap import HqContext, open_hq
from hq.services.reports import hq_report, hq_z_reports
from hq.services.terminals import add_terminal, revoke_terminal
from pos.adapters.hq_http import HttpHeadOffice
from pos.adapters.token_file import write_token
from pos.bootstrap import AppContext, open_context, sync_now, sync_units
from pos.clock import THAI_TIME, FakeClock
from pos.reports.domain.rows import ReportPeriod
from pos.reports.services.range_reports import (
    producer_statement,
    sales_by_category,
    sales_by_tender,
    scheme_receivables,
)
from pos.sync.domain.protocol import QueuedRecord, RetryPolicy
from pos.sync.services.sync_run import SyncOutcome, SyncReport, SyncTuning, synchronise
from pos.sync.wire import Acknowledgement
from pos.testhooks import PAUSE_AT, PAUSE_SIGNAL
from tests.hq_helpers import Totals, row_versions
from tests.hq_server import PROJECT, FlakyProxy, HqProcess, free_port
from tests.postgres import PostgresServer
from tests.sync_helpers import counter_totals, outbox_rows, owned_record_ids, simulated_counter

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

MARCH = ReportPeriod(dt.date(2021, 3, 1), dt.date(2021, 3, 31))
PATIENT = RetryPolicy(first_seconds=0.3, cap_seconds=1.0, give_up_after_seconds=90)
_seeds = itertools.count(100)


@pytest.fixture(scope="module")
def database_url(postgres_server: PostgresServer, hq_template: str) -> Iterator[str]:
    url = postgres_server.create_database(template=hq_template)
    yield url
    postgres_server.drop_database(url)


@pytest.fixture(scope="module")
def hq(database_url: str) -> Iterator[HqContext]:
    context = open_hq(database_url, pool_size=2)
    yield context
    context.close()


@pytest.fixture(scope="module")
def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HqProcess]:
    process = HqProcess(database_url, tmp_path_factory.mktemp("hq") / "server.log")
    yield process
    process.stop()


def counter_for(hq: HqContext, base_url: str, data_dir: Path, **options: object) -> AppContext:
    """A simulated counter (ids of its own), registered at the head office and set up."""
    name = f"C{next(_seeds)}"
    context, _ = simulated_counter(data_dir, terminal=name, seed=next(_seeds), **options)  # type: ignore[arg-type]
    token = add_terminal(hq.uow_factory, hq.clock, name).token
    write_token(data_dir, token)
    point_at(context, base_url)
    return context


def point_at(context: AppContext, base_url: str) -> None:
    with context.uow_factory() as uow:
        settings = uow.settings.load()
        sync = settings.sync.from_setting({**settings.sync.to_setting(), "hq_url": base_url})
        uow.settings.save(settings.replace(sync=sync))
        uow.commit()


def terminal_of(context: AppContext) -> str:
    return context.settings().terminal_id


_HQ_TOTALS = """
SELECT (SELECT count(*) FROM sale s WHERE s.terminal_id = t.id),
       (SELECT coalesce(sum(total_satang), 0) FROM sale s WHERE s.terminal_id = t.id),
       (SELECT count(*) FROM sale s JOIN sale_line l ON l.sale_id = s.record_id
         WHERE s.terminal_id = t.id),
       (SELECT coalesce(sum(l.total_satang), 0) FROM sale s
         JOIN sale_line l ON l.sale_id = s.record_id WHERE s.terminal_id = t.id),
       (SELECT count(*) FROM sale s JOIN sale_tender x ON x.sale_id = s.record_id
         WHERE s.terminal_id = t.id),
       (SELECT coalesce(sum(x.amount_satang), 0) FROM sale s
         JOIN sale_tender x ON x.sale_id = s.record_id WHERE s.terminal_id = t.id)
FROM terminal t WHERE t.name = %s
"""


def hq_totals(url: str, terminal: str) -> Totals:
    with psycopg.connect(url, autocommit=True) as connection:
        row = connection.execute(_HQ_TOTALS, (terminal,)).fetchone()
    assert row is not None
    return Totals(*(int(v) for v in row))  # type: ignore[arg-type]


def hq_record_ids(url: str, terminal: str) -> dict[str, set[str]]:
    with psycopg.connect(url, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT r.kind, r.record_id::text FROM sync_record r"
            " JOIN terminal t ON t.id = r.terminal_id WHERE t.name = %s",
            (terminal,),
        ).fetchall()
    found: dict[str, set[str]] = {}
    for kind, record_id in rows:
        found.setdefault(kind, set()).add(record_id)
    return found


def assert_same_on_both_sides(context: AppContext, hq: HqContext, url: str) -> None:
    """Counts and sums equal, every record the counter owns stored once, nothing waiting."""
    assert context.data_dir is not None
    terminal = terminal_of(context)
    assert hq_totals(url, terminal) == counter_totals(context.data_dir)
    owned = {kind: ids for kind, ids in owned_record_ids(context.data_dir).items() if ids}
    assert hq_record_ids(url, terminal) == owned
    assert {row["state"] for row in outbox_rows(context.data_dir)} == {"sent"}
    reader = context.reader()
    reports = {
        "sales": sales_by_category,
        "producers": producer_statement,
        "tenders": sales_by_tender,
        "schemes": scheme_receivables,
    }
    for name, report in reports.items():
        assert hq_report(hq.uow_factory, name, MARCH, terminal) == report(reader, MARCH), name


# --- a whole day, and nothing new -----------------------------------------------------------
def test_days_synced_with_the_command_are_identical_at_the_head_office_and_a_second_sync_writes_nothing(  # noqa: E501
    hq: HqContext,
    server: HqProcess,
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    context = counter_for(hq, server.base_url, tmp_path / "c", days=2, sales_per_day=30)
    assert context.data_dir is not None
    try:
        assert main(["--data-dir", str(context.data_dir), "sync"]) == 0
        line = capsys.readouterr().out.strip()
        assert line.startswith("sync done: sent") and "0 waiting, 0 set aside" in line
        assert len(line.splitlines()) == 1
        assert_same_on_both_sides(context, hq, database_url)
        terminal = terminal_of(context)
        z = hq_z_reports(hq.uow_factory, MARCH, terminal)
        with context.reader()() as uow:
            counter_z = uow.shifts.z_reports_between(MARCH.start, MARCH.end)
        assert [(r.number, r.net_satang, r.grand_total_satang) for r in z.rows] == [
            (r.number, r.net_satang, r.grand_total_satang) for r in counter_z
        ]
        before = row_versions(database_url)
        assert main(["--data-dir", str(context.data_dir), "sync"]) == 0
        assert "sent 0 record(s) in 0 batch(es)" in capsys.readouterr().out
        assert row_versions(database_url) == before  # nothing new: not one row written
        assert main(["--data-dir", str(context.data_dir), "sync", "status"]) == 0
        status = capsys.readouterr().out
        assert "waiting:         0" in status and "set aside:       0" in status
        assert "token:           set" in status
    finally:
        context.close()


# --- the faults, with the counter involved ---------------------------------------------
def _server_waits_holding_records(url: str) -> bool:
    with psycopg.connect(url, autocommit=True) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid"
            " WHERE a.application_name = 'otop-hq' AND a.datname = current_database()"
            " AND a.wait_event_type = 'Lock' AND l.granted"
            " AND l.relation = 'sync_record'::regclass AND l.mode = 'RowExclusiveLock'"
        ).fetchone()
    return row is not None and row[0] > 0


def test_the_server_killed_in_the_middle_of_a_batch_and_restarted_loses_and_doubles_nothing(
    hq: HqContext, database_url: str, tmp_path: Path
) -> None:
    port = free_port()
    doomed = HqProcess(database_url, tmp_path / "doomed.log", port=port)
    context = counter_for(hq, doomed.base_url, tmp_path / "c", days=1, sales_per_day=25)
    reports: list[object] = []
    restarted: HqProcess | None = None
    try:
        with psycopg.connect(database_url) as blocker:
            blocker.execute("LOCK TABLE sync_batch IN EXCLUSIVE MODE")
            syncing = threading.Thread(
                target=lambda: reports.append(sync_now(context, policy=PATIENT, batch_size=40))
            )
            syncing.start()
            deadline = time.monotonic() + 30
            while not _server_waits_holding_records(database_url):
                assert time.monotonic() < deadline, "the server never reached mid-batch"
                time.sleep(0.02)
            doomed.kill()
            blocker.rollback()
        restarted = HqProcess(database_url, tmp_path / "restarted.log", port=port)
        syncing.join(timeout=120)
        (report,) = reports
        assert report.outcome is SyncOutcome.DONE and report.retries >= 1  # type: ignore[attr-defined]
        assert_same_on_both_sides(context, hq, database_url)
    finally:
        context.close()
        if restarted is not None:
            restarted.stop()


def test_the_answer_cut_after_the_server_committed_is_recovered_by_the_same_batch(
    hq: HqContext, server: HqProcess, database_url: str, tmp_path: Path
) -> None:
    proxy = FlakyProxy(server.port, cuts=2)
    context = counter_for(hq, proxy.base_url, tmp_path / "c", days=1, sales_per_day=25)
    assert context.data_dir is not None
    try:
        report = sync_now(context, policy=PATIENT, batch_size=60)
        assert proxy.cut.is_set() and report.retries == 2
        assert report.outcome is SyncOutcome.DONE and report.duplicates == 0
        assert_same_on_both_sides(context, hq, database_url)
        with psycopg.connect(database_url, autocommit=True) as connection:
            stored = {
                str(r[0])
                for r in connection.execute(
                    "SELECT b.batch_id FROM sync_batch b JOIN terminal t ON t.id = b.terminal_id"
                    " WHERE t.name = %s",
                    (terminal_of(context),),
                )
            }
        with context.reader()() as uow:
            mine = {str(r.batch_id) for r in [uow.outbox.open_batch()] if r}  # type: ignore[attr-defined]
        assert not mine  # every batch acknowledged
        batches = {row["batch_uuid"] for row in outbox_rows(context.data_dir)}
        assert batches == stored  # each batch stored at the head office once, under its own id
    finally:
        context.close()
        proxy.close()


class _SendsTogether(HttpHeadOffice):
    """The real client, holding its first batch until the other run is about to send too."""

    def __init__(self, base_url: str, token: str, together: threading.Barrier):
        super().__init__(base_url, token)
        self.together = together
        self.answers: list[tuple[uuid.UUID, Acknowledgement]] = []

    def send_batch(
        self, batch_id: uuid.UUID, terminal: str, records: Sequence[QueuedRecord]
    ) -> Acknowledgement:
        if not self.answers:
            self.together.wait(timeout=60)
        ack = super().send_batch(batch_id, terminal, records)
        self.answers.append((batch_id, ack))
        return ack


def test_the_same_batch_delivered_twice_at_once_is_stored_once(
    hq: HqContext, server: HqProcess, database_url: str, tmp_path: Path
) -> None:
    context = counter_for(hq, server.base_url, tmp_path / "c", days=1, sales_per_day=25)
    assert context.data_dir is not None
    writer, reader = sync_units(context)
    together = threading.Barrier(2)
    offices = [_SendsTogether(server.base_url, _token(context), together) for _ in range(2)]
    results: list[SyncReport] = []
    try:
        with writer() as uow:  # the first batch stored: both runs below send it
            uow.outbox.assign_batch(first := uuid.uuid4(), 500, FakeClock().now())
            uow.commit()

        def run(office: HttpHeadOffice) -> None:  # two runs without the lock that keeps them apart
            results.append(
                synchronise(writer, reader, office, FakeClock(), SyncTuning(policy=PATIENT))
            )

        threads = [threading.Thread(target=run, args=(office,)) for office in offices]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert [r.outcome for r in results] == [SyncOutcome.DONE, SyncOutcome.DONE]
        firsts = [office.answers[0] for office in offices]
        assert [batch for batch, _ in firsts] == [first, first]  # really delivered twice
        # one stored it; the other got the stored answer again, or (when both were inside the
        # head office's transaction at once) every record back as a duplicate
        rows = outbox_rows(context.data_dir)
        size = sum(row["batch_uuid"] == str(first) for row in rows)
        stored, other = sorted((ack for _, ack in firsts), key=lambda a: len(a.accepted))[::-1]
        assert (len(stored.accepted), stored.replayed, len(stored.duplicates)) == (size, False, 0)
        assert other.replayed or (len(other.accepted), len(other.duplicates)) == (0, size)
        sent = sum(sum(r.sent.values()) for r in results)
        assert sent == len(rows) + size  # the first batch answered to both runs
        assert_same_on_both_sides(context, hq, database_url)
    finally:
        context.close()
        for office in offices:
            office.close()


def _token(context: AppContext) -> str:
    assert context.data_dir is not None
    return (context.data_dir / "hq-token").read_text().strip()


def test_two_counters_syncing_at_once_keep_their_own_and_add_up_at_the_head_office(
    hq: HqContext, server: HqProcess, database_url: str, tmp_path: Path
) -> None:
    counters = [
        counter_for(hq, server.base_url, tmp_path / name, days=1, sales_per_day=30)
        for name in ("a", "b")
    ]
    try:
        commands = [
            [sys.executable, str(PROJECT / "main.py"), "--data-dir", str(c.data_dir), "sync"]
            for c in counters
        ]
        processes = [
            subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL, text=True)
            for command in commands
        ]
        assert [p.wait(timeout=120) for p in processes] == [0, 0]
        for context in counters:
            assert_same_on_both_sides(context, hq, database_url)
        names = [terminal_of(c) for c in counters]
        mine = [hq_report(hq.uow_factory, "sales", MARCH, name) for name in names]
        with psycopg.connect(database_url, autocommit=True) as connection:
            (total,) = connection.execute(
                "SELECT sum(s.total_satang) FROM sale s JOIN terminal t ON t.id = s.terminal_id"
                " WHERE t.name = ANY(%s)",
                (names,),
            ).fetchone()
        assert sum(r.sales_satang for r in mine) == total
    finally:
        for context in counters:
            context.close()


def test_a_revoked_token_stops_the_counter_with_exit_5_and_a_new_one_carries_on(
    hq: HqContext,
    server: HqProcess,
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    context = counter_for(hq, server.base_url, tmp_path / "c", days=1, sales_per_day=15)
    assert context.data_dir is not None
    terminal = terminal_of(context)
    try:
        revoke_terminal(hq.uow_factory, hq.clock, terminal)
        before = row_versions(database_url)
        assert main(["--data-dir", str(context.data_dir), "sync"]) == 5
        out = capsys.readouterr().out
        assert "sync token" in out and "revoked" in out
        assert row_versions(database_url) == before
        assert {row["state"] for row in outbox_rows(context.data_dir)} == {"waiting"}
        token = add_terminal(hq.uow_factory, hq.clock, terminal, new_token_=True).token
        write_token(context.data_dir, token)
        assert main(["--data-dir", str(context.data_dir), "sync"]) == 0
        assert_same_on_both_sides(context, hq, database_url)
    finally:
        context.close()


def test_a_counter_clock_hours_off_is_kept_as_sent_beside_the_servers_time(
    hq: HqContext, server: HqProcess, database_url: str, tmp_path: Path
) -> None:
    context = counter_for(hq, server.base_url, tmp_path / "c", days=1, sales_per_day=15)
    try:
        skewed = FakeClock(dt.datetime.now(THAI_TIME) + dt.timedelta(hours=7, minutes=3))
        before = dt.datetime.now(dt.UTC)
        report = sync_now(context, clock=skewed)
        after = dt.datetime.now(dt.UTC)
        assert report.outcome is SyncOutcome.DONE
        assert_same_on_both_sides(context, hq, database_url)
        with context.reader()() as uow:
            sale = uow.sales.sales_on(dt.date(2021, 3, 1))[0]
        with psycopg.connect(database_url, autocommit=True) as connection:
            device, received = connection.execute(
                "SELECT device_time, received_at FROM sync_record WHERE record_id = %s",
                (sale.sale_id,),
            ).fetchone()  # type: ignore[misc]
        assert device == sale.sold_at  # the counter's time, as sent (2021, by its clock)
        assert before <= received <= after  # the head office's own clock
        rows = outbox_rows(context.data_dir)  # type: ignore[arg-type]
        assert {r["received_at_utc"][:10] for r in rows} == {received.date().isoformat()}
    finally:
        context.close()


@pytest.mark.parametrize("point", ["sync-batch-stored", "sync-answered"])
def test_the_counter_killed_mid_sync_resumes_and_nothing_is_lost_or_doubled(
    point: str, hq: HqContext, server: HqProcess, database_url: str, tmp_path: Path
) -> None:
    context = counter_for(hq, server.base_url, tmp_path / "c", days=1, sales_per_day=25)
    assert context.data_dir is not None
    paused = tmp_path / "paused"
    try:
        process = subprocess.Popen(
            [sys.executable, str(PROJECT / "main.py"), "--data-dir", str(context.data_dir), "sync"],
            cwd=PROJECT,
            env={**os.environ, PAUSE_AT: point, PAUSE_SIGNAL: str(paused)},
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while not paused.exists():
            assert process.poll() is None and time.monotonic() < deadline, "never paused"
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
        stored = hq_record_ids(database_url, terminal_of(context))
        assert bool(stored) == (point == "sync-answered")  # at the head office, or not at all
        report = sync_now(context, policy=PATIENT)
        assert report.outcome is SyncOutcome.DONE
        assert report.duplicates == 0  # the same batch again: replayed, not re-stored
        assert_same_on_both_sides(context, hq, database_url)
    finally:
        context.close()


def test_a_headless_z_sends_the_closed_day_to_the_head_office(
    hq: HqContext,
    server: HqProcess,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``otop-pos report z --close`` closes the day and, with ``after_z`` (the default), syncs it
    at once — as the app's day-close dialog does; ``--no-sync`` leaves it for the nightly run."""
    data_dir = tmp_path / "store"
    assert main(["--data-dir", str(data_dir), "init", "--demo"]) == 0
    name = f"C{next(_seeds)}"
    assert main(["--data-dir", str(data_dir), "settings", "set", "terminal_id", name]) == 0
    write_token(data_dir, add_terminal(hq.uow_factory, hq.clock, name).token)
    cashier, manager = "สมหญิง ใจดี", "ประเสริฐ ทองดี"

    def cli(*args: str, pin: str | None = None) -> int:
        if pin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
        return main(["--data-dir", str(data_dir), *args])

    for sync in ([], ["--no-sync"]):
        assert cli("shift", "open", "--user", cashier, "--float-count", "100x10") == 0
        assert cli("shift", "close", "--user", cashier, "--count", "100x10", "--card", "0") == 0
        if not sync:  # the first day: the counter learns where its head office is
            context = open_context(data_dir)
            point_at(context, server.base_url)
            context.close()
        capsys.readouterr()
        close = ["report", "z", "--close", "--manager", manager, "--pin-stdin", *sync]
        assert cli(*close, pin="5678") == 0
        told = capsys.readouterr().err
        if sync:
            assert "sync after the Z report" not in told
        else:
            assert "sync after the Z report: sync done" in told, told
    everything = ReportPeriod(dt.date(2020, 1, 1), dt.date(2029, 12, 31))
    z_reports = hq_z_reports(hq.uow_factory, everything, name).rows
    assert [z.number for z in z_reports] == [f"{name}-Z-00000001"]  # not the --no-sync one
