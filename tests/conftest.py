"""Test-wide set-up: Qt offscreen before any QApplication exists, and shared fixtures.

Layers: tests/unit (no I/O), tests/integration (real SQLite files, sockets,
PostgreSQL), tests/gui (pytest-qt).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # must precede QApplication

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.bootstrap import AppContext, initialise

# The crash and fault suite (docs/RELIABILITY.md): `./run.sh test -m faults` runs it alone.
# Named here, in one list, so that RELIABILITY.md and the suite cannot drift apart.
FAULT_MODULES = frozenset(
    {
        "test_checkout_crash",
        "test_till_checkout_store",
        "test_crash_restore",
        "test_broken_store",
        "test_nightly_backup",
        "test_disk_full",
        "test_store_problem_window",
        "test_sync_hq",
        "test_hq_faults",
        "test_postgres_killed",
        "test_sync_deadline",
        "test_hq_body_limit",
        "test_hq_database_down",
        "test_sync_set_aside",
        "test_sync_configure_numbers",
        "test_printer_connections",
        "test_print_queue",
        "test_printing_arrival",
        # Hostile input: refused by name, one record at a time, nothing else changed
        "test_hq_numbers",
        "test_hq_bad_text",
        "test_hq_schemathesis",
        "test_hq_hostile_queries",
        "test_hq_auth_lockout",
        "test_catalog_csv_hostile",
        "test_safe_text_entry_points",
        "test_spreadsheet_exports",
        "test_settings_schema_cli",
        "test_pin_lockout_cli",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.stem in FAULT_MODULES:
            item.add_marker(pytest.mark.faults)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def demo_context(data_dir: Path) -> Iterator[AppContext]:
    """A real SQLite store in a temporary data directory, with the demo data loaded."""
    context, _ = initialise(data_dir, demo=True)
    yield context
    context.close()


@pytest.fixture
def empty_context(data_dir: Path) -> Iterator[AppContext]:
    """A real SQLite store with the schema and default settings, and nothing else."""
    context, _ = initialise(data_dir, demo=False)
    yield context
    context.close()


# PostgreSQL for the head-office tests: a throwaway cluster per session (tests/postgres.py)
from tests.postgres import (  # noqa: E402
    empty_database_url,  # noqa: F401
    hq_context,  # noqa: F401
    hq_database_url,  # noqa: F401
    hq_template,  # noqa: F401
    postgres_server,  # noqa: F401
)
