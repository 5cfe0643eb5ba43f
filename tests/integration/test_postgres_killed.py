"""PostgreSQL itself killed (SIGKILL, postmaster and every backend) under a syncing counter.

The head office (``otop-pos hq serve``) and the counter keep running; the
database dies in the middle of a batch, or at random moments of a long sync,
and comes back after crash recovery on the same port.  The cluster is this
module's own (the session's is shared by every other test), so killing it
harms nothing else.  After each run the counter's sales, lines and tenders —
counted and summed on both sides — are the same, every record it owns is
stored once, and nothing waits in its outbox: lost 0, doubled 0.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from hq.bootstrap import HqContext, open_hq
from hq.store.database import create_hq_engine, migrate
from pos.bootstrap import sync_now
from pos.sync.domain.protocol import RetryPolicy
from pos.sync.services.sync_run import SyncOutcome, SyncReport
from tests.hq_server import HqProcess
from tests.integration.test_sync_hq import assert_same_on_both_sides, counter_for
from tests.postgres import PostgresServer, find_postgres_bin, start_postgres
from tests.sync_helpers import owned_record_ids

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

# The database may be away for several seconds (crash recovery): the counter must wait it out.
PATIENT = RetryPolicy(first_seconds=0.3, cap_seconds=1.0, give_up_after_seconds=120)


@dataclass
class Cluster:
    server: PostgresServer
    url: str
    log: Path
    process: subprocess.Popen[bytes]

    def kill(self) -> int:
        """SIGKILL the postmaster and each of its backends at once, as a power cut would."""
        pid = int((self.server.data_dir / "postmaster.pid").read_text().split()[0])
        victims = [pid, *_children(pid)]
        for victim in victims:
            # A backend may end on its own between the listing and the kill (its client left).
            with contextlib.suppress(ProcessLookupError):
                os.kill(victim, signal.SIGKILL)
        self.process.wait(timeout=30)
        deadline = time.monotonic() + 30
        while any(_alive(victim) for victim in victims):
            assert time.monotonic() < deadline, "PostgreSQL did not die"
            time.sleep(0.05)
        return len(victims)

    def restart(self) -> None:
        """Start it again on the same port (its data directory goes through crash recovery).

        The postmaster runs as a child of this process, not daemonised by pg_ctl: a killed
        daemon whose parent does not reap it stays a zombie, and PostgreSQL then takes the
        zombie's PID in postmaster.pid for a live server and refuses to start.
        """
        self.process = _postmaster(self.server, self.log)


def _postmaster(server: PostgresServer, log: Path) -> subprocess.Popen[bytes]:
    command = [*server.run_as, str(server.bin_dir / "postgres"), "-D", str(server.data_dir)]
    command += ["-c", "listen_addresses=127.0.0.1", "-p", str(server.port)]
    command += ["-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "max_connections=60"]
    with log.open("ab") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()[-2000:]
        try:
            psycopg.connect(server.url(), connect_timeout=2).close()
            return process
        except psycopg.OperationalError:
            time.sleep(0.1)
    raise AssertionError(f"PostgreSQL did not come back: {log.read_text()[-2000:]}")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # it ended while we looked
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    bin_dir = find_postgres_bin()
    if bin_dir is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("PostgreSQL is not installed: under CI this test must run")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    base = Path(tempfile.mkdtemp(prefix="otop-pg-killed-"))  # pytest's tmp is root's alone
    server = start_postgres(bin_dir, base)
    with server.admin() as connection:
        connection.execute('CREATE DATABASE "hq"')
    engine = create_hq_engine(server.url("hq"))
    try:
        migrate(engine)
    finally:
        engine.dispose()
    server.stop()  # from here on it runs as this process's child (see Cluster.restart)
    log = base / "log"
    cluster = Cluster(server, server.url("hq"), log, _postmaster(server, log))
    try:
        yield cluster
    finally:
        cluster.process.terminate()
        cluster.process.wait(timeout=60)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def hq(cluster: Cluster) -> Iterator[HqContext]:
    context = open_hq(cluster.url, pool_size=2)
    yield context
    context.close()


@pytest.fixture
def server(cluster: Cluster, tmp_path: Path) -> Iterator[HqProcess]:
    process = HqProcess(cluster.url, tmp_path / "server.log")
    yield process
    process.stop()


def _waits_holding_records(url: str) -> bool:
    """The server has written a batch's records and waits (on our lock) before its commit."""
    with psycopg.connect(url, autocommit=True) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid"
            " WHERE a.application_name = 'otop-hq' AND a.datname = current_database()"
            " AND a.wait_event_type = 'Lock' AND l.granted"
            " AND l.relation = 'sync_record'::regclass AND l.mode = 'RowExclusiveLock'"
        ).fetchone()
    return row is not None and row[0] > 0


def _stored(url: str) -> int:
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=2) as connection:
            row = connection.execute("SELECT count(*) FROM sync_record").fetchone()
    except psycopg.OperationalError:
        return 0  # recovering: try again
    return int(row[0]) if row else 0


def _sync_in_thread(context: object, batch_size: int) -> tuple[threading.Thread, list[SyncReport]]:
    reports: list[SyncReport] = []

    def run() -> None:
        reports.append(sync_now(context, policy=PATIENT, batch_size=batch_size))  # type: ignore[arg-type]

    thread = threading.Thread(target=run)
    thread.start()
    return thread, reports


def test_postgres_killed_in_the_middle_of_a_batch_loses_and_doubles_nothing(
    cluster: Cluster, hq: HqContext, server: HqProcess, tmp_path: Path
) -> None:
    context = counter_for(hq, server.base_url, tmp_path / "c", days=1, sales_per_day=25)
    try:
        blocker = psycopg.connect(cluster.url)
        blocker.execute("LOCK TABLE sync_batch IN EXCLUSIVE MODE")
        syncing, reports = _sync_in_thread(context, batch_size=40)
        deadline = time.monotonic() + 30
        while not _waits_holding_records(cluster.url):
            assert time.monotonic() < deadline, "the server never reached the middle of a batch"
            time.sleep(0.02)
        assert cluster.kill() >= 2  # the postmaster and at least the batch's backend
        time.sleep(1.0)  # the counter's retries meet a head office without its database
        cluster.restart()
        blocker.close()
        syncing.join(timeout=180)
        (report,) = reports
        assert report.outcome is SyncOutcome.DONE and report.retries >= 1
        assert_same_on_both_sides(context, hq, cluster.url)
    finally:
        context.close()


def test_postgres_killed_at_random_moments_of_a_long_sync_loses_and_doubles_nothing(
    cluster: Cluster, hq: HqContext, server: HqProcess, tmp_path: Path
) -> None:
    context = counter_for(hq, server.base_url, tmp_path / "c", days=2, sales_per_day=40)
    total = sum(len(ids) for ids in owned_record_ids(tmp_path / "c").values())
    rng = random.Random(12)
    # Kill when the head office holds a random share of the records: mid-run, whatever the speed.
    thresholds = sorted(rng.randrange(1, total) for _ in range(3))
    kills = 0
    try:
        syncing, reports = _sync_in_thread(context, batch_size=5)
        for threshold in thresholds:
            while syncing.is_alive() and _stored(cluster.url) < threshold:
                time.sleep(0.005)
            if not syncing.is_alive():
                break
            cluster.kill()
            kills += 1
            time.sleep(rng.uniform(0.0, 1.5))
            cluster.restart()
        syncing.join(timeout=240)
        assert kills >= 1, "the sync was always too quick to be interrupted"
        (report,) = reports
        assert report.outcome is SyncOutcome.DONE
        assert_same_on_both_sides(context, hq, cluster.url)
    finally:
        context.close()
