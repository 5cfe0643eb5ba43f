"""A throwaway PostgreSQL cluster for the tests, and a fresh database per test.

The session starts its own cluster in a temporary directory on a free
loopback port and removes it at the end, so nothing depends on a server
already running.  initdb and pg_ctl refuse to run as root (CI runs as root):
then the cluster runs as the ``postgres`` user (created by Debian's package)
through ``runuser``, in a directory it owns, and the tests connect over TCP.

Where the PostgreSQL programs are missing, the tests that need them are
skipped — except under CI (``CI=true``), where that is a broken set-up and
fails loudly instead (``./run.sh test`` installs the ``postgresql`` package).

Fixtures: ``postgres_server`` (session), ``hq_database_url`` (a new database
with the head office's schema, copied from a migrated template: ~0.1 s) and
``empty_database_url`` (a new database with no schema at all), and
``hq_context`` (the head office wired on such a database).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
import pytest

if TYPE_CHECKING:
    from hq.bootstrap import HqContext

SUPERUSER = "postgres"
_TEMPLATE = "hq_template"
_BIN_ENV = "OTOP_PG_BIN"  # a directory holding initdb and pg_ctl, to override the search


def find_postgres_bin() -> Path | None:
    """The directory with initdb and pg_ctl: $OTOP_PG_BIN, pg_config's, or Debian's newest."""
    candidates: list[Path] = []
    if os.environ.get(_BIN_ENV):  # when set, the only place looked at
        bin_dir = Path(os.environ[_BIN_ENV])
        return bin_dir if (bin_dir / "initdb").exists() else None
    if shutil.which("pg_config"):
        bindir = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.append(Path(bindir.stdout.strip()))
    debian = Path("/usr/lib/postgresql")
    if debian.is_dir():
        versions = sorted(debian.iterdir(), key=lambda p: int(p.name) if p.name.isdigit() else 0)
        candidates.extend(version / "bin" for version in reversed(versions))
    return next(
        (c for c in candidates if (c / "initdb").exists() and (c / "pg_ctl").exists()), None
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    host: str
    port: int
    bin_dir: Path
    data_dir: Path
    run_as: list[str]

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@{self.host}:{self.port}/{database}"

    def admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(self.url(), autocommit=True)

    def create_database(self, *, template: str = "template0") -> str:
        """A new, uniquely named database; returns its URL."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        with self.admin() as connection:
            connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        with self.admin() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        subprocess.run(
            [
                *self.run_as,
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.data_dir),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
            capture_output=True,
            check=False,
        )


def _run_as() -> list[str]:
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SUPERUSER)
    except KeyError:
        pytest.fail(
            "running as root, PostgreSQL needs the 'postgres' user (apt-get install "
            "postgresql creates it)"
        )
    return ["runuser", "-u", SUPERUSER, "--"]


def start_postgres(bin_dir: Path, base: Path, *, fsync: bool = False) -> PostgresServer:
    """initdb a cluster under ``base`` and start it on a free loopback port.

    Tests run without fsync (a throwaway cluster); the benchmarks keep it, as a server would.
    """
    run_as = _run_as()
    if run_as:
        shutil.chown(base, SUPERUSER)
    data_dir = base / "data"
    subprocess.run(
        [
            *run_as,
            str(bin_dir / "initdb"),
            "-D",
            str(data_dir),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
    )
    for _attempt in range(3):  # another process may take the port between probe and start
        port = _free_port()
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories='' "
            f"-c fsync={'on' if fsync else 'off'} -c max_connections=60"
        )
        started = subprocess.run(
            [
                *run_as,
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data_dir),
                "-l",
                str(base / "log"),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ],
            capture_output=True,
            text=True,
        )
        if started.returncode == 0:
            return PostgresServer("127.0.0.1", port, bin_dir, data_dir, run_as)
    log = (base / "log").read_text(errors="replace")[-2000:]
    raise RuntimeError(f"PostgreSQL did not start: {started.stderr}\n{log}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bin_dir = find_postgres_bin()
    if bin_dir is None:
        message = "PostgreSQL is not installed (apt-get install postgresql)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message}: under CI the head-office tests must run", pytrace=False)
        pytest.skip(message)
    base = Path(tempfile.mkdtemp(prefix="otop-pg-"))
    server = start_postgres(bin_dir, base)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def hq_template(postgres_server: PostgresServer) -> str:
    """A database with the head office's schema, migrated once, copied for each test."""
    from hq.store.database import create_hq_engine, migrate

    with postgres_server.admin() as connection:
        connection.execute(f'CREATE DATABASE "{_TEMPLATE}"')
    engine = create_hq_engine(postgres_server.url(_TEMPLATE))
    try:
        migrate(engine)
    finally:
        engine.dispose()  # no connection may remain on a template while it is copied
    return _TEMPLATE


@pytest.fixture
def hq_database_url(postgres_server: PostgresServer, hq_template: str) -> Iterator[str]:
    """A new database with the head office's schema (nothing in it), dropped afterwards."""
    url = postgres_server.create_database(template=hq_template)
    yield url
    postgres_server.drop_database(url)


@pytest.fixture
def empty_database_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A new database without any schema, dropped afterwards."""
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url)


@contextlib.contextmanager
def connect(url: str) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    """A plain psycopg connection (autocommit) to check what the server stored."""
    with psycopg.connect(url, autocommit=True) as connection:
        yield connection


@pytest.fixture
def hq_context(hq_database_url: str) -> Iterator[HqContext]:
    """The head office's wiring on a fresh database of its own."""
    from hq.bootstrap import open_hq

    context = open_hq(hq_database_url, pool_size=4)
    yield context
    context.close()
