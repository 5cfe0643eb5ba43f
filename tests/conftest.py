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
