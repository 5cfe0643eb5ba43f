"""Screenshots of every screen at 1366×768 and 1024×768, in Thai and in English.

    .venv/bin/python -m tools.screen_tour docs/screenshots/screens

For each size it starts Xvfb (``xvfb-run``) and runs ``tests/gui/tour_screens.py``,
which opens each screen of the both-languages table as the GUI tests do, on a fresh demo
store, and saves the whole screen: ``NAME-LANGUAGE-WIDTHxHEIGHT.png``.  Look at them as a
cashier would before resolving an issue that changes a screen.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

SIZES = ("1366x768", "1024x768")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screen_tour", description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size", action="append", choices=SIZES)
    options = parser.parse_args()
    options.folder.mkdir(parents=True, exist_ok=True)
    failed = 0
    for size in options.size or SIZES:
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "OTOP_TOUR_DIR": str(options.folder)}
        command = ["xvfb-run", "-a", "-s", f"-screen 0 {size}x24", sys.executable, "-m"]
        command += ["pytest", "tests/gui/tour_screens.py", "-q", "-p", "no:cacheprovider"]
        failed |= subprocess.run(command, env=env, check=False).returncode
    return failed


if __name__ == "__main__":
    sys.exit(main())
