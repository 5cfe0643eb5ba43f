"""A named point where a crash test can freeze the process inside a transaction.

Only tests set these variables.  With ``OTOP_POS_PAUSE_AT=<point>`` the
process, on reaching that point, writes its PID to the file named by
``OTOP_POS_PAUSE_SIGNAL`` and sleeps until it is killed — so a test can
SIGKILL it at a known moment (mid-checkout, after the sale's rows are written
and before the commit) and show the store holds the whole sale or none of it.
Checking one environment variable costs well under a microsecond.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

PAUSE_AT = "OTOP_POS_PAUSE_AT"
PAUSE_SIGNAL = "OTOP_POS_PAUSE_SIGNAL"


def pause_point(name: str) -> None:
    if os.environ.get(PAUSE_AT) != name:
        return
    signal_file = os.environ.get(PAUSE_SIGNAL)
    if signal_file:  # written aside and renamed, so the test never reads it half-written
        partial = Path(signal_file + ".partial")
        partial.write_text(str(os.getpid()))
        partial.replace(signal_file)
    while True:
        time.sleep(3600)
