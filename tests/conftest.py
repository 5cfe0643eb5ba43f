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
