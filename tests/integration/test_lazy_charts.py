"""The till starts without QtCharts: only the manager screen loads it, when it opens."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def loaded_after(statement: str) -> set[str]:
    probe = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    return set(done.stdout.split())


def test_starting_the_till_loads_no_qtcharts() -> None:
    modules = loaded_after("import ui.app")
    assert "ui.main_window" in modules  # the probe did import the till
    assert "PySide6.QtCharts" not in modules and "ui.charts" not in modules


def test_the_manager_screen_brings_qtcharts() -> None:
    assert "PySide6.QtCharts" in loaded_after("import ui.manager_screen")
